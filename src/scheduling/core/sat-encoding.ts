// CNF encoding of the whole scheduling problem for the exact (SAT) step:
//   x[m,t]   meeting m is held in slot t (only over its candidate slots);
//   busy[p,t] ⇔ some meeting of p is in slot t;
//   start[p,t] ⇐ busy[p,t] ∧ ¬busy[p,t-1]   (a run of meetings starts at t; breaks = runs − 1);
// exactly one slot per meeting, one meeting per participant and slot, at most `tables` meetings
// per slot, precedences, and totalizers over the break variables: per participant (fairness) and
// in total (the objective bound, tightened from outside with unit clauses).
// Start variables are only forced upwards: a spurious start can only raise the count, so any
// model whose counted breaks are within the bound is a schedule within the bound. Implied: each
// participant is busy in exactly as many slots as it has meetings.
import type { ScheduleModel } from './schedule-model';

/** Growable clause store in DIMACS convention: variables 1..numVars, literal −v is the negation. */
export class Cnf {
  numVars = 0;
  /** Literals of every clause, each clause terminated by 0. */
  lits: number[] = [];
  numClauses = 0;

  newVar(): number {
    return ++this.numVars;
  }

  add(...clause: number[]): void {
    for (const l of clause) this.lits.push(l);
    this.lits.push(0);
    this.numClauses++;
  }

  addClause(clause: readonly number[]): void {
    for (const l of clause) this.lits.push(l);
    this.lits.push(0);
    this.numClauses++;
  }
}

/**
 * Totalizer over `inputs`, truncated after `cap` outputs: returns out where out[k-1] ⇐ (at least k
 * inputs are true), k = 1..min(cap, n). Only the upward direction is encoded, which is all an
 * upper bound (¬out[k-1]) needs.
 */
export function totalizer(cnf: Cnf, inputs: readonly number[], cap: number, exact = false): number[] {
  if (inputs.length <= 1 || cap <= 0) return inputs.slice(0, Math.max(0, cap));
  const mid = inputs.length >> 1;
  return mergeTwo(cnf, totalizer(cnf, inputs.slice(0, mid), cap, exact), totalizer(cnf, inputs.slice(mid), cap, exact), cap, exact);
}

/** At most one of `lits`: pairwise for few, a sequential (ladder) encoding for more. */
export function atMostOne(cnf: Cnf, lits: readonly number[]): void {
  const n = lits.length;
  if (n <= 1) return;
  if (n <= 6) {
    for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) cnf.add(-lits[i], -lits[j]);
    return;
  }
  // s[i] ⇔ some of lits[0..i] is true.
  let prev = lits[0];
  for (let i = 1; i < n; i++) {
    cnf.add(-prev, -lits[i]);
    if (i === n - 1) break;
    const s = cnf.newVar();
    cnf.add(-prev, s);
    cnf.add(-lits[i], s);
    prev = s;
  }
}

export interface ScheduleCnf {
  cnf: Cnf;
  /** xVar[m*T+t]: variable of meeting m in slot t, 0 when t is not a candidate slot (or m inactive). */
  xVar: Int32Array;
  /** totalAtLeast[k-1] ⇐ total breaks ≥ k, for k = 1..cap (fewer when fewer are possible). */
  totalAtLeast: number[];
  /** Participants whose breaks are counted (two or more active meetings). */
  counted: number[];
}

export interface EncodeOptions {
  /** Fairness bound d: max − min breaks over participants with a meeting. */
  d: number;
  /** Total breaks that must stay expressible: the totalizer counts up to totalCap + 1. */
  totalCap: number;
}

/**
 * Encodes every active meeting as placed. The fairness bound is exact: when some participant with
 * a meeting can never have a break (one meeting) the minimum is 0 and each participant is capped
 * at d; otherwise a unary minimum level L (L ≥ k literals) ties every participant to [L, L + d],
 * with L ≤ totalCap / participants since the total bounds it.
 */
export function encodeSchedule(model: ScheduleModel, options: EncodeOptions): ScheduleCnf {
  const { P, T } = model;
  const cnf = new Cnf();
  const xVar = encodeMeetings(cnf, model);
  // Counted over the meetings here: over busy participants (capacityOverBusy, as in the zero-break
  // model) it refuted forum-13crafc's bound 0 after 5.7 s instead of under 1.5 s, and both counts
  // together not within 11 s.
  capacityOverMeetings(cnf, model, xVar);

  // Participants: busy and run-start variables; breaks = runs − 1.
  const perParticipant: Array<{ busy: Int32Array; starts: number[]; startDefs: number[][]; degree: number }> = [];
  const counted: number[] = [];
  let withMeeting = 0;
  let someoneAlwaysZero = false;
  for (let p = 0; p < P; p++) {
    const ms = activeMeetings(model, p);
    if (ms.length === 0) continue;
    withMeeting++;
    const busy = participantBusy(cnf, model, xVar, ms);
    const busyLits: number[] = [];
    for (let t = 0; t < T; t++) if (busy[t]) busyLits.push(busy[t]);
    if (ms.length < 2) {
      someoneAlwaysZero = true;
      continue;
    }
    // Implied: exactly deg(p) busy slots. Lets the solver see a participant's remaining room.
    const occupancy = totalizer(cnf, busyLits, ms.length + 1, true);
    cnf.add(occupancy[ms.length - 1]);
    if (occupancy.length > ms.length) cnf.add(-occupancy[ms.length]);
    // start[t] ⇐ busy[t] ∧ ¬busy[t−1]
    const starts: number[] = [];
    const startDefs: number[][] = [];
    for (let t = 0; t < T; t++) {
      if (!busy[t]) continue;
      const v = cnf.newVar();
      const before = t > 0 ? busy[t - 1] : 0;
      if (before) cnf.add(-busy[t], before, v);
      else cnf.add(-busy[t], v);
      starts.push(v);
      startDefs.push([v, busy[t], before]);
    }
    if (starts.length <= 1) {
      someoneAlwaysZero = true;
      continue;
    }
    counted.push(p);
    perParticipant.push({ busy, starts, startDefs, degree: ms.length });
  }

  const d = Math.max(0, options.d);
  const levels = someoneAlwaysZero || withMeeting === 0 ? 0 : Math.floor(options.totalCap / withMeeting);
  const unaries: number[][] = [];
  for (const { busy, starts, startDefs, degree } of perParticipant) {
    if (levels > 0) {
      // A positive minimum needs counts exact both ways: a start only where a run really starts.
      for (const [v, here, before] of startDefs) {
        cnf.add(-v, here);
        if (before) cnf.add(-v, -before);
      }
    }
    // runs ≥ j + 1 ⇔ breaks ≥ j
    const runs = totalizer(cnf, starts, levels + d + 2, levels > 0);
    if (runs.length > levels + d + 1) cnf.add(-runs[levels + d + 1]);
    unaries.push(runs.slice(1));
    if (runs.length > 1) spanClauses(cnf, busy, degree, runs[1]);
  }
  if (levels > 0) {
    // atLeastL[k-1] ⇔ minimum level L ≥ k: everyone then has ≥ k breaks; anyone above k−1+d lifts L.
    const atLeastL: number[] = [];
    for (let k = 1; k <= levels; k++) atLeastL.push(cnf.newVar());
    for (let k = 1; k < levels; k++) cnf.add(-atLeastL[k], atLeastL[k - 1]);
    for (const out of unaries) {
      for (let k = 1; k <= levels; k++) {
        if (out.length >= k) cnf.add(-atLeastL[k - 1], out[k - 1]);
        else cnf.add(-atLeastL[k - 1]);
        // more than (k − 1) + d breaks ⇒ L ≥ k
        if (out.length > k - 1 + d) cnf.add(-out[k - 1 + d], atLeastL[k - 1]);
      }
    }
  }

  // The total is a totalizer over the participants' unary counts (merged pairwise).
  const totalAtLeast = mergeUnaries(cnf, unaries, options.totalCap + 1);
  return { cnf, xVar, totalAtLeast, counted };
}

/** Sum of unary counters (each out[k-1] ⇐ count ≥ k) as one truncated unary counter. */
function mergeUnaries(cnf: Cnf, parts: number[][], cap: number): number[] {
  if (parts.length === 0) return [];
  let level = parts.map((u) => u.slice(0, cap));
  while (level.length > 1) {
    const next: number[][] = [];
    for (let i = 0; i + 1 < level.length; i += 2) next.push(mergeTwo(cnf, level[i], level[i + 1], cap));
    if (level.length % 2 === 1) next.push(level[level.length - 1]);
    level = next;
  }
  return level[0];
}

/**
 * Unary sum of two unary counters, truncated after `cap` outputs. Upward clauses (a ≥ i ∧ b ≥ j ⇒
 * sum ≥ i + j) always; with `exact` also downward ones (a < i ∧ b < j ⇒ sum < i + j − 1), so
 * that an output is true only when the count really reaches it.
 */
function mergeTwo(cnf: Cnf, left: number[], right: number[], cap: number, exact = false): number[] {
  if (left.length === 0) return right;
  if (right.length === 0) return left;
  const size = Math.min(cap, left.length + right.length);
  const out: number[] = [];
  for (let k = 0; k < size; k++) out.push(cnf.newVar());
  for (let i = 0; i <= left.length; i++) {
    for (let j = 0; j <= right.length; j++) {
      const k = i + j;
      if (k > 0 && k <= size) {
        const clause: number[] = [];
        if (i > 0) clause.push(-left[i - 1]);
        if (j > 0) clause.push(-right[j - 1]);
        clause.push(out[k - 1]);
        cnf.addClause(clause);
      }
      if (exact && k < size) {
        // left < i+1 and right < j+1  ⇒  sum < k+1
        const clause: number[] = [];
        if (i < left.length) clause.push(left[i]);
        if (j < right.length) clause.push(right[j]);
        clause.push(-out[k]);
        cnf.addClause(clause);
      }
    }
  }
  return out;
}

/**
 * Implied: a participant busy at or before v and at or after v + degree spans more than its
 * meetings, so it has two runs or more. With one run left this bounds its window at once.
 */
function spanClauses(cnf: Cnf, busy: Int32Array, degree: number, twoRuns: number): void {
  const T = busy.length;
  const earlier = new Int32Array(T);
  let prev = 0;
  for (let t = 0; t < T; t++) {
    if (busy[t] || prev) {
      const v = cnf.newVar();
      if (busy[t]) cnf.add(-busy[t], v);
      if (prev) cnf.add(-prev, v);
      prev = v;
    }
    earlier[t] = prev;
  }
  const later = new Int32Array(T + 1);
  for (let t = T - 1; t >= 0; t--) {
    if (!busy[t] && !later[t + 1]) continue;
    const v = cnf.newVar();
    if (busy[t]) cnf.add(-busy[t], v);
    if (later[t + 1]) cnf.add(-later[t + 1], v);
    later[t] = v;
  }
  for (let v = 0; v + degree < T; v++) if (earlier[v] && later[v + degree]) cnf.add(-earlier[v], -later[v + degree], twoRuns);
}

/**
 * One variable per meeting and candidate slot, exactly one slot per active meeting, and the
 * precedences (m in slot t needs each predecessor in a slot before t). Returns xVar[m*T+t].
 */
export function encodeMeetings(cnf: Cnf, model: ScheduleModel): Int32Array {
  const { T, M, active, domain } = model;
  const xVar = new Int32Array(M * T);
  for (let m = 0; m < M; m++) {
    if (!active[m]) continue;
    const lits: number[] = [];
    for (let t = 0; t < T; t++) {
      if (!domain[m * T + t]) continue;
      const v = cnf.newVar();
      xVar[m * T + t] = v;
      lits.push(v);
    }
    cnf.addClause(lits);
    atMostOne(cnf, lits);
  }
  for (let m = 0; m < M; m++) {
    if (!active[m]) continue;
    for (let i = model.predStart[m]; i < model.predStart[m + 1]; i++) {
      const e = model.predList[i];
      if (!active[e]) continue;
      for (let t = 0; t < T; t++) {
        const v = xVar[m * T + t];
        if (!v) continue;
        const clause = [-v];
        for (let s = 0; s < t; s++) if (xVar[e * T + s]) clause.push(xVar[e * T + s]);
        cnf.addClause(clause);
      }
    }
  }
  return xVar;
}

/** The active meetings of participant p. */
export function activeMeetings(model: ScheduleModel, p: number): number[] {
  const ms: number[] = [];
  for (let i = model.pStart[p]; i < model.pStart[p + 1]; i++) if (model.active[model.pList[i]]) ms.push(model.pList[i]);
  return ms;
}

/** At most one meeting of the participant per slot, and busy[t] ⇔ it has a meeting in slot t (0 where it has no candidate). */
export function participantBusy(cnf: Cnf, model: ScheduleModel, xVar: Int32Array, ms: readonly number[]): Int32Array {
  const T = model.T;
  const busy = new Int32Array(T);
  for (let t = 0; t < T; t++) {
    const lits: number[] = [];
    for (const m of ms) if (xVar[m * T + t]) lits.push(xVar[m * T + t]);
    if (lits.length === 0) continue;
    atMostOne(cnf, lits);
    if (lits.length === 1) busy[t] = lits[0];
    else {
      const b = cnf.newVar();
      busy[t] = b;
      for (const l of lits) cnf.add(-l, b);
      cnf.addClause([-b, ...lits]);
    }
  }
  return busy;
}

/**
 * Table capacity: every meeting has two attendees and an attendee sits in at most one meeting per
 * slot, so a slot holds at most `tables` meetings exactly when at most 2·tables participants are
 * busy in it. In the zero-break model, where the busy literals are the participants' windows, this
 * count decided ticf-14crafa in 2–3 s where the count over meetings took 13 s (bench/b2b/README.md).
 */
export function capacityOverBusy(cnf: Cnf, busyAt: readonly number[][], tables: number): void {
  for (const lits of busyAt) {
    if (lits.length <= 2 * tables) continue;
    const out = totalizer(cnf, lits, 2 * tables + 1);
    cnf.add(-out[2 * tables]);
  }
}

/** Table capacity counted over the meetings' slot variables: at most `tables` per slot. */
function capacityOverMeetings(cnf: Cnf, model: ScheduleModel, xVar: Int32Array): void {
  const { T, M, tables } = model;
  for (let t = 0; t < T; t++) {
    const lits: number[] = [];
    for (let m = 0; m < M; m++) if (xVar[m * T + t]) lits.push(xVar[m * T + t]);
    if (lits.length <= tables) continue;
    const out = totalizer(cnf, lits, tables + 1);
    cnf.add(-out[tables]);
  }
}
