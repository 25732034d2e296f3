// Compiles the plain input into index-based typed arrays used by the checks and the search.
import type { ScheduleInput } from './schedule-types';

export interface ScheduleModel {
  P: number;
  M: number;
  T: number;
  tables: number;
  morningSlots: number;
  participantIds: string[];
  meetingIds: string[];
  ma: Int32Array;
  mb: Int32Array;
  /** domain[m*T+t] = 1 when meeting m may be held in slot t. */
  domain: Uint8Array;
  /** Slot the meeting must take (fixed or locked), else -1. */
  pinned: Int32Array;
  /** Table of a locked meeting, else -1. */
  lockedTable: Int32Array;
  /** Participant -> meetings (CSR). */
  pStart: Int32Array;
  pList: Int32Array;
  /** Meeting -> meetings that must be strictly earlier / later (CSR). */
  predStart: Int32Array;
  predList: Int32Array;
  succStart: Int32Array;
  succList: Int32Array;
  /** 1 while the meeting is still to be scheduled; checks switch it off with a reason. */
  active: Uint8Array;
  reasons: Map<number, string[]>;
  warnings: string[];
}

export function unplace(model: ScheduleModel, m: number, reason: string): void {
  model.active[m] = 0;
  const list = model.reasons.get(m);
  if (list) {
    if (!list.includes(reason)) list.push(reason);
  } else model.reasons.set(m, [reason]);
}

function csr(n: number, pairs: Array<[number, number]>): { start: Int32Array; list: Int32Array } {
  const start = new Int32Array(n + 1);
  for (const [k] of pairs) start[k + 1]++;
  for (let i = 0; i < n; i++) start[i + 1] += start[i];
  const fill = start.slice(0, n);
  const list = new Int32Array(pairs.length);
  for (const [k, v] of pairs) list[fill[k]++] = v;
  return { start, list };
}

export function compileModel(input: ScheduleInput): ScheduleModel {
  const T = input.nSlots;
  const P = input.participants.length;
  const M = input.meetings.length;
  const pIndex = new Map<string, number>();
  input.participants.forEach((p, i) => pIndex.set(p.id, i));
  const mIndex = new Map<string, number>();
  input.meetings.forEach((m, i) => {
    if (!mIndex.has(m.id)) mIndex.set(m.id, i);
  });

  const forbidden = new Uint8Array(P * T);
  input.participants.forEach((p, i) => {
    for (const t of p.forbiddenSlots ?? []) if (t >= 0 && t < T) forbidden[i * T + t] = 1;
  });

  const model: ScheduleModel = {
    P,
    M,
    T,
    tables: input.tables,
    morningSlots: input.morningSlots,
    participantIds: input.participants.map((p) => p.id),
    meetingIds: input.meetings.map((m) => m.id),
    ma: new Int32Array(M),
    mb: new Int32Array(M),
    domain: new Uint8Array(M * T),
    pinned: new Int32Array(M).fill(-1),
    lockedTable: new Int32Array(M).fill(-1),
    pStart: new Int32Array(P + 1),
    pList: new Int32Array(0),
    predStart: new Int32Array(M + 1),
    predList: new Int32Array(0),
    succStart: new Int32Array(M + 1),
    succList: new Int32Array(0),
    active: new Uint8Array(M).fill(1),
    reasons: new Map(),
    warnings: [],
  };

  const pm: Array<[number, number]> = [];
  const prec: Array<[number, number]> = []; // [earlier, later]
  input.meetings.forEach((mt, m) => {
    const a = pIndex.get(mt.a);
    const b = pIndex.get(mt.b);
    if (a === undefined || b === undefined || a === b) {
      model.ma[m] = a ?? 0;
      model.mb[m] = b ?? 0;
      unplace(model, m, a === b && a !== undefined ? `meeting pairs participant ${mt.a} with itself` : `unknown participant ${a === undefined ? mt.a : mt.b}`);
      return;
    }
    model.ma[m] = a;
    model.mb[m] = b;
    pm.push([a, m], [b, m]);
    for (const q of mt.predecessors ?? []) {
      const qi = mIndex.get(q);
      if (qi === undefined) model.warnings.push(`meeting ${mt.id}: unknown predecessor ${q} ignored`);
      else prec.push([qi, m]);
    }
    const session = mt.session ?? 'any';
    const inSession = (t: number) => session === 'any' || (session === 'morning' ? t < input.morningSlots : t >= input.morningSlots);
    const pin = mt.locked ? mt.locked.slot : mt.fixedSlot;
    if (mt.locked) model.lockedTable[m] = mt.locked.table;
    if (pin !== undefined) {
      const kind = mt.locked ? 'locked' : 'fixed';
      if (!Number.isInteger(pin) || pin < 0 || pin >= T) {
        unplace(model, m, `${kind} slot ${pin} is outside 0..${T - 1}`);
        return;
      }
      model.pinned[m] = pin;
      const problems: string[] = [];
      if (!inSession(pin)) problems.push(`${kind} slot ${pin} is outside the ${session} session`);
      if (forbidden[a * T + pin]) problems.push(`${kind} slot ${pin} is forbidden for participant ${mt.a}`);
      if (forbidden[b * T + pin]) problems.push(`${kind} slot ${pin} is forbidden for participant ${mt.b}`);
      if (problems.length) for (const r of problems) unplace(model, m, r);
      else model.domain[m * T + pin] = 1;
      return;
    }
    let n = 0;
    for (let t = 0; t < T; t++) {
      if (inSession(t) && !forbidden[a * T + t] && !forbidden[b * T + t]) {
        model.domain[m * T + t] = 1;
        n++;
      }
    }
    if (n === 0) unplace(model, m, `no slot of the ${session} session is available to both ${mt.a} and ${mt.b}`);
  });

  const pc = csr(P, pm);
  model.pStart = pc.start;
  model.pList = pc.list;
  const pr = csr(M, prec.map(([e, l]) => [l, e]));
  model.predStart = pr.start;
  model.predList = pr.list;
  const sc = csr(M, prec);
  model.succStart = sc.start;
  model.succList = sc.list;
  return model;
}

/** Number of active meetings of participant p. */
export function activeDegree(model: ScheduleModel, p: number): number {
  let n = 0;
  for (let i = model.pStart[p]; i < model.pStart[p + 1]; i++) if (model.active[model.pList[i]]) n++;
  return n;
}
