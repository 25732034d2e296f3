// Few breaks through windows: a lower bound from the participants that must have a break, and a
// search for schedules in which every participant has at most one.
//
// The zero-break model (sat-zero-break.ts) gives every participant one window of consecutive slots.
// Here each participant's window is a soft constraint behind its own literal r[p] ("p has no break"):
// with r[p] false, p's meetings may sit anywhere.
//
// - BreakCoreBound solves with every r[p] assumed. A refutation names a core, a set of participants
//   of which at least one must have a break; cores are relaxed as in OLL (a totalizer over the core's
//   violations, whose "at most one" becomes a new soft literal, "at most two" once that appears in a
//   core, …). Every participant with a break has at least one, so the number of cores is a lower
//   bound on the total breaks of every schedule.
// - OneBreakSearch adds "at most two runs of meetings" for every participant, so a relaxed
//   participant has at most one break, and asks for at most B relaxed participants: any schedule it
//   finds has at most B breaks. It restricts the problem (a refutation proves nothing about it), but
//   where most participants need no break it finds low totals far sooner than the general encoding.
//
// searchFewBreaks combines both on one solver, the restriction behind an assumed literal, so the
// restricted search keeps the clauses the bound search learnt (measured on the JAIR 2022 instances
// in bench/b2b/README.md).
import { countBreaks } from './break-count';
import { activeMeetings, atMostOne, capacityOverBusy, Cnf, encodeMeetings, participantBusy, totalizer } from './sat-encoding';
import { addAll, type IncrementalSatSolver, modelSlots, type SatSolverFactory, type SatStatus } from './sat-search';
import { coverOf, windowVars } from './sat-zero-break';
import type { ScheduleModel } from './schedule-model';

/**
 * The windows model of an event on its own solver, with one soft literal per participant that has two
 * meetings or more; `oneBreakEach` adds "at most two runs of meetings" per participant, always or
 * ('guarded') only while `guard` is assumed.
 */
export class SoftWindows {
  readonly solver: IncrementalSatSolver;
  readonly cnf = new Cnf();
  readonly xVar: Int32Array;
  /** r[p] of every participant with two meetings or more. */
  readonly keep: number[] = [];
  /** With oneBreakEach 'guarded': "at most two runs" holds only while this literal is assumed. */
  guard = 0;
  private sent = 0;
  stopAt = 0;

  constructor(
    readonly model: ScheduleModel,
    factory: SatSolverFactory,
    readonly now: () => number,
    interrupt: (() => boolean) | undefined,
    oneBreakEach: boolean | 'guarded',
  ) {
    const cnf = this.cnf;
    this.xVar = encodeMeetings(cnf, model);
    const busyAt: number[][] = Array.from({ length: model.T }, () => []);
    for (let p = 0; p < model.P; p++) this.encodeParticipant(p, busyAt, oneBreakEach);
    capacityOverBusy(cnf, busyAt, model.tables);
    this.solver = factory();
    this.flush();
    this.solver.setTerminate(interrupt ? () => this.now() >= this.stopAt || interrupt() : () => this.now() >= this.stopAt);
  }

  /** Hands the clauses added since the last call to the solver. */
  flush(): void {
    addAll(this.solver, this.cnf.lits.slice(this.sent));
    this.sent = this.cnf.lits.length;
  }

  /** After 'satisfiable': the slot of every active meeting (−1 for the others). */
  slots(): Int32Array {
    return modelSlots(this.solver, this.xVar, this.model);
  }

  dispose(): void {
    this.solver.setTerminate(null);
    this.solver.dispose();
  }

  /**
   * Busy literals for the table capacity; with two meetings or more a window (as in the zero-break
   * model) required while r[p] holds, and with `oneBreakEach` at most two runs of meetings.
   */
  private encodeParticipant(p: number, busyAt: number[][], oneBreakEach: boolean | 'guarded'): void {
    const cnf = this.cnf;
    const { T } = this.model;
    const xVar = this.xVar;
    const ms = activeMeetings(this.model, p);
    if (ms.length === 0) return;
    const n = ms.length;
    const busy = participantBusy(cnf, this.model, xVar, ms);
    for (let t = 0; t < T; t++) if (busy[t]) busyAt[t].push(busy[t]);
    if (n === 1) return;
    if (oneBreakEach) {
      // A run starts in t when p is busy in t and not in t − 1; at most two runs.
      const starts: number[] = [];
      for (let t = 0; t < T; t++) {
        if (!busy[t]) continue;
        const start = cnf.newVar();
        cnf.addClause(t > 0 && busy[t - 1] ? [-busy[t], busy[t - 1], start] : [-busy[t], start]);
        starts.push(start);
      }
      const runs = totalizer(cnf, starts, 3);
      if (oneBreakEach === 'guarded' && !this.guard) this.guard = cnf.newVar();
      if (runs.length > 2) cnf.addClause(oneBreakEach === 'guarded' ? [-this.guard, -runs[2]] : [-runs[2]]);
    }
    const r = cnf.newVar();
    this.keep.push(r);
    const { window, windows } = windowVars(cnf, T, n, (t) => busy[t] !== 0);
    cnf.addClause([-r, ...windows]);
    atMostOne(cnf, windows);
    for (let t = 0; t < T; t++) {
      const cover = coverOf(window, t, n);
      const here: number[] = [];
      for (const m of ms) if (xVar[m * T + t]) here.push(xVar[m * T + t]);
      // Kept: a meeting only inside the window; a chosen window's slots all hold a meeting.
      for (const x of here) cnf.addClause([-x, -r, ...cover]);
      for (const w of cover) cnf.addClause([-w, ...here]);
    }
  }
}

interface Soft {
  /** Assumed literal: r[p], or "at most k of the totalizer's inputs" (¬out[k]). */
  lit: number;
  /** Totalizer outputs (out[i]: more than i inputs violated); null for a participant's window. */
  out: number[] | null;
  k: number;
}

export interface CoreBoundOutcome {
  /** 'found': a schedule with `lowerBound` participants relaxed (the bound is then exact for that count). */
  status: 'found' | 'infeasible' | 'unknown';
  /** Proven: every schedule has at least this many breaks. */
  lowerBound: number;
  /** After 'found': the slot of every active meeting (−1 for the others). */
  slots: Int32Array | null;
}

/** Lower bound on the total breaks: the fewest participants with a break, by OLL over their windows. */
export class BreakCoreBound {
  private softs: Soft[];
  lowerBound = 0;

  constructor(private readonly windows: SoftWindows) {
    this.softs = windows.keep.map((lit) => ({ lit, out: null, k: 0 }));
  }

  /**
   * Relaxes cores until a schedule is found, the time is up (`until`), or there is no schedule at
   * all. One call may take at most max(`minCallMs`, the time spent so far): cores come quickly while
   * the bound is low, and a call that takes long is usually near the last one.
   */
  run(until: number, minCallMs = Infinity): CoreBoundOutcome {
    const w = this.windows;
    const start = w.now();
    for (;;) {
      const t = w.now();
      w.stopAt = Math.min(until, t + Math.max(minCallMs, t - start));
      const status = w.solver.solve({ assumptions: this.softs.map((s) => s.lit) });
      if (status === 'unknown') return { status, lowerBound: this.lowerBound, slots: null };
      if (status === 'satisfiable') return { status: 'found', lowerBound: this.lowerBound, slots: w.slots() };
      const core = this.softs.filter((s) => w.solver.failed?.(s.lit) ?? true);
      if (core.length === 0) return { status: 'infeasible', lowerBound: this.lowerBound, slots: null };
      this.relax(core);
    }
  }

  /** OLL: the core's softs leave the assumptions; at least one is violated, so "at most one" is the new soft. */
  private relax(core: Soft[]): void {
    this.lowerBound++;
    const inCore = new Set(core);
    this.softs = this.softs.filter((s) => !inCore.has(s));
    const violations: number[] = [];
    for (const s of core) {
      violations.push(-s.lit);
      // A bound k that took part: its totalizer may still allow k + 1.
      if (s.out && s.k + 1 < s.out.length) this.softs.push({ lit: -s.out[s.k + 1], out: s.out, k: s.k + 1 });
    }
    if (violations.length > 1) {
      const out = totalizer(this.windows.cnf, violations, violations.length);
      this.softs.push({ lit: -out[1], out, k: 1 });
    }
    this.windows.flush();
  }
}

/** Schedules with at most B participants that have a break, one break each (incremental in B). */
export class OneBreakSearch {
  /** out[i]: more than i participants relaxed. */
  private readonly relaxed: number[];

  constructor(
    private readonly windows: SoftWindows,
    maxB: number,
  ) {
    this.relaxed = totalizer(windows.cnf, windows.keep.map((r) => -r), maxB + 1);
    windows.flush();
  }

  /** At most `b` participants with a break; 'unsatisfiable' only refutes this restricted form. */
  solve(b: number, until: number): SatStatus {
    this.windows.stopAt = until;
    const assumptions = b < this.relaxed.length ? [-this.relaxed[b]] : [];
    if (this.windows.guard) assumptions.push(this.windows.guard);
    return this.windows.solver.solve({ assumptions });
  }

  slots(): Int32Array {
    return this.windows.slots();
  }
}

export interface FewBreaksOutcome {
  /** Proven lower bound on the total breaks (from BreakCoreBound; `lowerBound` given if higher). */
  lowerBound: number;
  /** The best schedule found (slot per meeting, −1 for inactive ones) and its breaks; null if none. */
  slots: Int32Array | null;
  breaks: number;
}

/**
 * Lower bound first (BreakCoreBound, up to `boundShare` of the time), then OneBreakSearch from the
 * bound down. When the bound search completed, its bound is tried first; when it ran out of time the
 * bound is likely still below the optimum, so one above it is tried first (a schedule there gives an
 * upper bound, and every later success one break fewer), then lower ones down to the bound.
 */
export function searchFewBreaks(
  model: ScheduleModel,
  factory: SatSolverFactory,
  now: () => number,
  until: number,
  lowerBound: number,
  interrupt?: () => boolean,
  boundShare = 0.2,
): FewBreaksOutcome {
  const start = now();
  // One solver for both: the restricted search keeps the clauses the bound search learnt.
  const windows = new SoftWindows(model, factory, now, interrupt, 'guarded');
  try {
    const first = new BreakCoreBound(windows).run(start + (until - start) * boundShare, BOUND_MIN_CALL_MS);
    const out: FewBreaksOutcome = { lowerBound: Math.max(lowerBound, first.lowerBound), slots: null, breaks: -1 };
    if (first.status === 'infeasible') return out;
    if (first.slots) {
      out.slots = first.slots;
      out.breaks = totalBreaks(model, first.slots);
      if (out.breaks <= out.lowerBound) return out;
    }
    return descend(new OneBreakSearch(windows, out.lowerBound + 1 + MAX_STEPS_UP + Math.max(0, out.breaks)), model, now, until, out, first.status === 'found', interrupt);
  } finally {
    windows.dispose();
  }
}

/** OneBreakSearch from the first bound to try down to the proven one (see searchFewBreaks). */
function descend(search: OneBreakSearch, model: ScheduleModel, now: () => number, until: number, out: FewBreaksOutcome, boundComplete: boolean, interrupt?: () => boolean): FewBreaksOutcome {
  const lb = out.lowerBound;
  let b = boundComplete || lb === 0 ? lb : lb + 1;
  // Restricted refutations move up to at most this bound while nothing is found.
  const maxB = Math.max(b + MAX_STEPS_UP, out.breaks);
  while (now() < until && !interrupt?.() && (out.breaks < 0 || b < out.breaks) && b >= lb && b <= maxB) {
    const status = search.solve(b, until);
    if (status === 'unknown') break;
    if (status === 'satisfiable') {
      const slots = search.slots();
      const breaks = totalBreaks(model, slots);
      if (out.breaks < 0 || breaks < out.breaks) {
        out.slots = slots;
        out.breaks = breaks;
      }
      b = Math.min(b, breaks) - 1;
    } else if (out.slots) break;
    else b++;
  }
  return out;
}

/** The bound search's calls may take this long, or as long as the calls before them together. */
const BOUND_MIN_CALL_MS = 300;

/** Bounds above the first one OneBreakSearch tries while it refutes them. */
const MAX_STEPS_UP = 4;

/** Total breaks of a slot assignment. */
function totalBreaks(model: ScheduleModel, slots: Int32Array): number {
  let total = 0;
  for (let p = 0; p < model.P; p++) total += countBreaks(activeMeetings(model, p).map((m) => slots[m]).filter((t) => t >= 0));
  return total;
}
