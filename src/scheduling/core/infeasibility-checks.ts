// Cheap exact checks run before the search: each switches off meetings that provably cannot be
// placed and records a human-readable reason, so the search only sees a placeable instance.
import { minBreaksAlone } from './break-count';
import { type ScheduleModel, unplace } from './schedule-model';

/** Two pinned meetings of one participant in one slot, or more pinned meetings than tables. */
export function checkPinnedConflicts(model: ScheduleModel): void {
  const { P, T, M, pinned, active } = model;
  const seen = new Int32Array(P * T).fill(-1);
  for (let m = 0; m < M; m++) {
    if (!active[m] || pinned[m] < 0) continue;
    const t = pinned[m];
    for (const p of [model.ma[m], model.mb[m]]) {
      const other = seen[p * T + t];
      if (other >= 0 && active[other]) {
        unplace(model, m, `participant ${model.participantNames[p]} has another fixed meeting ${model.meetingIds[other]} in ${model.slotNames[t]}`);
      } else seen[p * T + t] = m;
    }
  }
  const count = new Int32Array(T);
  // Locked meetings come first: they were already published.
  const order = [...Array(M).keys()].filter((m) => active[m] && pinned[m] >= 0).sort((x, y) => Number(model.lockedTable[y] >= 0) - Number(model.lockedTable[x] >= 0) || x - y);
  for (const m of order) {
    const t = pinned[m];
    if (count[t] >= model.tables) unplace(model, m, `${model.slotNames[t]} over table capacity by fixed meetings (${model.tables} tables)`);
    else count[t]++;
  }
}

/** Precedence cycles, then earliest/latest bounds that shrink domains. */
export function checkPrecedences(model: ScheduleModel): void {
  const { M, T, active, domain, predStart, predList, succStart, succList } = model;
  if (predList.length === 0) return;
  const indeg = new Int32Array(M);
  for (let m = 0; m < M; m++) {
    if (!active[m]) continue;
    for (let i = predStart[m]; i < predStart[m + 1]; i++) if (active[predList[i]]) indeg[m]++;
  }
  const order: number[] = [];
  for (let m = 0; m < M; m++) if (active[m] && indeg[m] === 0) order.push(m);
  for (let k = 0; k < order.length; k++) {
    const m = order[k];
    for (let i = succStart[m]; i < succStart[m + 1]; i++) {
      const s = succList[i];
      if (active[s] && --indeg[s] === 0) order.push(s);
    }
  }
  for (let m = 0; m < M; m++) if (active[m] && indeg[m] > 0) unplace(model, m, 'meeting is on a precedence cycle');
  const est = new Int32Array(M);
  const lst = new Int32Array(M).fill(T - 1);
  for (const m of order) {
    if (!active[m]) continue;
    let e = 0;
    for (let i = predStart[m]; i < predStart[m + 1]; i++) if (active[predList[i]]) e = Math.max(e, est[predList[i]] + 1);
    while (e < T && !domain[m * T + e]) e++;
    est[m] = e;
  }
  for (let k = order.length - 1; k >= 0; k--) {
    const m = order[k];
    if (!active[m]) continue;
    let l = T - 1;
    for (let i = succStart[m]; i < succStart[m + 1]; i++) if (active[succList[i]]) l = Math.min(l, lst[succList[i]] - 1);
    while (l >= 0 && !domain[m * T + l]) l--;
    lst[m] = l;
  }
  for (const m of order) {
    if (!active[m]) continue;
    if (est[m] > lst[m]) {
      unplace(model, m, `precedences leave no slot (earliest ${est[m]}, latest ${lst[m]})`);
      continue;
    }
    for (let t = 0; t < T; t++) if (t < est[m] || t > lst[m]) domain[m * T + t] = 0;
  }
}

/** Bipartite matching of meetings to slots with a capacity per slot; returns the unmatched meetings. */
function unmatchedMeetings(model: ScheduleModel, meetings: number[], capacity: number): number[] {
  const { T, domain } = model;
  const members: number[][] = Array.from({ length: T }, () => []);
  const slotOf = new Map<number, number>();
  let visited = new Uint8Array(T);
  const tryPlace = (m: number): boolean => {
    for (let t = 0; t < T; t++) {
      if (!domain[m * T + t] || visited[t]) continue;
      visited[t] = 1;
      if (members[t].length < capacity) {
        members[t].push(m);
        slotOf.set(m, t);
        return true;
      }
      for (let k = 0; k < members[t].length; k++) {
        const other = members[t][k];
        if (model.pinned[other] >= 0) continue;
        if (tryPlace(other)) {
          // `other` moved to another slot (never t: t is visited); m takes its place here.
          members[t][k] = m;
          slotOf.set(m, t);
          return true;
        }
      }
    }
    return false;
  };
  const out: number[] = [];
  // Pinned meetings first so they keep their slot.
  const ordered = [...meetings].sort((x, y) => Number(model.pinned[y] >= 0) - Number(model.pinned[x] >= 0) || x - y);
  for (const m of ordered) {
    visited = new Uint8Array(T);
    if (!tryPlace(m)) out.push(m);
  }
  return out;
}

/** Hall check per participant: its meetings must fit in distinct allowed slots. */
export function checkParticipantSlots(model: ScheduleModel): void {
  const { P, T, domain, active, pStart, pList } = model;
  for (let p = 0; p < P; p++) {
    const ms: number[] = [];
    for (let i = pStart[p]; i < pStart[p + 1]; i++) if (active[pList[i]]) ms.push(pList[i]);
    if (ms.length === 0) continue;
    const union = new Uint8Array(T);
    for (const m of ms) for (let t = 0; t < T; t++) if (domain[m * T + t]) union[t] = 1;
    const n = union.reduce((s, v) => s + v, 0);
    const missing = unmatchedMeetings(model, ms, 1);
    const id = model.participantNames[p];
    const reason =
      n < ms.length
        ? `participant ${id} has ${ms.length} meetings but only ${n} available slots`
        : `participant ${id} has ${ms.length} meetings that do not fit its available slots (sessions, forbidden or fixed slots)`;
    for (const m of missing) unplace(model, m, reason);
  }
}

/** Global table capacity: meetings compete for tables × slots within their sessions. */
export function checkSlotCapacity(model: ScheduleModel): void {
  const ms: number[] = [];
  for (let m = 0; m < model.M; m++) if (model.active[m]) ms.push(m);
  for (const m of unmatchedMeetings(model, ms, model.tables)) {
    unplace(model, m, `not enough tables: the slots allowed for this meeting are full (${model.tables} tables per slot)`);
  }
}

/** Per-participant lower bounds on breaks; also warns when fairness d provably cannot hold. */
export function participantLowerBounds(model: ScheduleModel, d: number): Int32Array {
  const { P, T, domain, active, pStart, pList, pinned } = model;
  const lb = new Int32Array(P);
  const allowed: boolean[] = new Array<boolean>(T);
  const required: boolean[] = new Array<boolean>(T);
  let single = -1;
  for (let p = 0; p < P; p++) {
    allowed.fill(false);
    required.fill(false);
    let k = 0;
    for (let i = pStart[p]; i < pStart[p + 1]; i++) {
      const m = pList[i];
      if (!active[m]) continue;
      k++;
      if (pinned[m] >= 0) required[pinned[m]] = true;
      for (let t = 0; t < T; t++) if (domain[m * T + t]) allowed[t] = true;
    }
    if (k === 1 && single < 0) single = p;
    lb[p] = minBreaksAlone(T, k, allowed, required);
  }
  if (single >= 0) {
    for (let p = 0; p < P; p++) {
      if (lb[p] > d) {
        model.warnings.push(
          `fairness d=${d} cannot hold: participant ${model.participantNames[p]} needs at least ${lb[p]} breaks while participant ${model.participantNames[single]} (one meeting) always has 0`,
        );
      }
    }
  }
  return lb;
}

/** Runs every pre-check in a sound order. */
export function runPreChecks(model: ScheduleModel): void {
  checkPinnedConflicts(model);
  checkPrecedences(model);
  checkParticipantSlots(model);
  // Removing meetings never creates new violations, so one pass suffices.
  checkSlotCapacity(model);
}
