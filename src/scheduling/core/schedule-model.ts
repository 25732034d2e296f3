// Compiles the plain input into index-based typed arrays used by the checks and the search.
import { ANY_SESSION, participantName, slotName, type ScheduleInput } from './schedule-types';

export interface ScheduleModel {
  P: number;
  M: number;
  T: number;
  tables: number;
  /** End of the first session run (slot where the second session starts); T when there is only one. */
  morningSlots: number;
  /** Distinct session names, in order of first appearance. */
  sessionNames: string[];
  /** sessionOf[t] = index into sessionNames of slot t's session. */
  sessionOf: Int32Array;
  participantIds: string[];
  /** How messages name each participant and slot (ScheduleInput names, else ids and "slot N"). */
  participantNames: string[];
  slotNames: string[];
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

/** The session of every slot: slotSessions, else the two-session shorthand morningSlots. */
export function slotSessionsOf(input: Pick<ScheduleInput, 'nSlots' | 'slotSessions' | 'morningSlots'>): string[] {
  const T = input.nSlots;
  if (input.slotSessions) return Array.from({ length: T }, (_, t) => input.slotSessions![t] ?? '');
  if (input.morningSlots === undefined) return new Array<string>(T).fill('');
  const ms = input.morningSlots;
  return Array.from({ length: T }, (_, t) => (t < ms ? 'morning' : 'afternoon'));
}

const list = (names: readonly string[]): string => names.join(' or ');

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

  const labels = slotSessionsOf(input);
  const sessionNames: string[] = [];
  const sessionOf = new Int32Array(T);
  labels.forEach((label, t) => {
    let k = sessionNames.indexOf(label);
    if (k < 0) k = sessionNames.push(label) - 1;
    sessionOf[t] = k;
  });
  let firstRun = 0;
  while (firstRun < T && sessionOf[firstRun] === sessionOf[0]) firstRun++;

  // A participant's own availability: forbidden slots and slots of sessions it does not attend.
  const forbidden = new Uint8Array(P * T);
  const attends = new Uint8Array(P * T).fill(1);
  input.participants.forEach((p, i) => {
    for (const t of p.forbiddenSlots ?? []) if (t >= 0 && t < T) forbidden[i * T + t] = 1;
    if (p.sessions) for (let t = 0; t < T; t++) if (!p.sessions.includes(labels[t])) attends[i * T + t] = 0;
  });
  const fixedTable = input.participants.map((p) => (p.fixedTable !== undefined && Number.isInteger(p.fixedTable) && p.fixedTable >= 0 && p.fixedTable < input.tables ? p.fixedTable : -1));

  const model: ScheduleModel = {
    P,
    M,
    T,
    tables: input.tables,
    morningSlots: firstRun,
    sessionNames,
    sessionOf,
    participantIds: input.participants.map((p) => p.id),
    participantNames: input.participants.map(participantName),
    slotNames: Array.from({ length: T }, (_, t) => slotName(input, t)),
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

  // Tables held by locked meetings: an exhibitor cannot sit at its own table in those slots.
  const held = new Map<number, number>(); // table*T+slot -> meeting
  input.meetings.forEach((mt, m) => {
    const l = mt.locked;
    if (l && Number.isInteger(l.slot) && l.slot >= 0 && l.slot < T && !held.has(l.table * T + l.slot)) held.set(l.table * T + l.slot, m);
  });
  /** Whether meeting m (of a and b) can sit at an own table in slot t; true when neither has one. */
  const ownTableFree = (m: number, a: number, b: number, t: number): boolean => {
    const own = [fixedTable[a], fixedTable[b]].filter((k) => k >= 0);
    return own.length === 0 || own.some((k) => (held.get(k * T + t) ?? m) === m);
  };
  const ownTables = (a: number, b: number): string =>
    [a, b]
      .filter((p) => fixedTable[p] >= 0)
      .map((p) => `${model.participantNames[p]}'s own table ${fixedTable[p] + 1}`)
      .join(' and ');

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
    const session = mt.session ?? ANY_SESSION;
    const inSession = (t: number) => session === ANY_SESSION || labels[t] === session;
    const pa = input.participants[a];
    const pb = input.participants[b];
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
      const at = `${kind} ${model.slotNames[pin]}`;
      if (!inSession(pin)) problems.push(`${at} is outside the ${session} session`);
      for (const p of [a, b]) {
        const who = model.participantNames[p];
        if (forbidden[p * T + pin]) problems.push(`${at} is forbidden for participant ${who}`);
        if (!attends[p * T + pin]) problems.push(`${at} is in the ${labels[pin]} session, which participant ${who} does not attend`);
      }
      if (mt.locked && (fixedTable[a] >= 0 || fixedTable[b] >= 0) && mt.locked.table !== fixedTable[a] && mt.locked.table !== fixedTable[b]) {
        problems.push(`locked at table ${mt.locked.table + 1}, away from ${ownTables(a, b)}`);
      } else if (!mt.locked && !ownTableFree(m, a, b, pin)) problems.push(`fixed ${model.slotNames[pin]}: ${ownTables(a, b)} is held by a locked meeting`);
      if (problems.length) for (const r of problems) unplace(model, m, r);
      else model.domain[m * T + pin] = 1;
      return;
    }
    let open = 0;
    let n = 0;
    for (let t = 0; t < T; t++) {
      if (inSession(t) && !forbidden[a * T + t] && !forbidden[b * T + t] && attends[a * T + t] && attends[b * T + t]) {
        open++;
        if (ownTableFree(m, a, b, t)) {
          model.domain[m * T + t] = 1;
          n++;
        }
      }
    }
    if (n > 0) return;
    if (open > 0) {
      unplace(model, m, `every slot open to both ${model.participantNames[a]} and ${model.participantNames[b]} has ${ownTables(a, b)} held by a locked meeting`);
      return;
    }
    unplace(model, m, sessionReason(labels, session, [{ ...pa, id: model.participantNames[a] }, { ...pb, id: model.participantNames[b] }]));
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

/** Why a meeting has no slot: the session restrictions exclude each other, or availability leaves none. */
function sessionReason(labels: readonly string[], session: string, people: ReadonlyArray<{ id: string; sessions?: readonly string[] }>): string {
  const present = [...new Set(labels)];
  if (session !== ANY_SESSION && !present.includes(session)) return `the meeting is restricted to the ${session} session, which the event does not have`;
  let allowed = session === ANY_SESSION ? present : [session];
  for (const p of people) if (p.sessions) allowed = allowed.filter((x) => p.sessions!.includes(x));
  const restrictions = [
    ...(session !== ANY_SESSION ? [`the meeting is restricted to the ${session} session`] : []),
    ...people.filter((p) => p.sessions).map((p) => `${p.id} attends only the ${list(p.sessions!)} session${p.sessions!.length === 1 ? '' : 's'}`),
  ];
  if (allowed.length === 0) return `no session suits both: ${restrictions.join('; ')}`;
  const named = allowed.filter((x) => x !== '');
  const where = restrictions.length === 0 || named.length === 0 ? 'no slot' : `no slot of the ${list(named)} session${named.length === 1 ? '' : 's'}`;
  return `${where} is available to both ${people[0].id} and ${people[1].id}`;
}

/** Number of active meetings of participant p. */
export function activeDegree(model: ScheduleModel, p: number): number {
  let n = 0;
  for (let i = model.pStart[p]; i < model.pStart[p + 1]; i++) if (model.active[model.pList[i]]) n++;
  return n;
}
