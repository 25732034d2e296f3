// Independent checker: re-derives every hard constraint and the break/fairness figures from the
// plain input and result, sharing no state with the solver.
import { countTableChanges } from './assign-tables';
import { countBreaks } from './break-count';
import { slotSessionsOf } from './schedule-model';
import { ANY_SESSION, type PlacedMeeting, type ScheduleInput, type ScheduleResult } from './schedule-types';

export interface BreakStats {
  breaksTotal: number;
  maxBreaks: number;
  minBreaks: number;
  fairness: number;
  perParticipant: Map<string, number>;
}

/**
 * Breaks per participant over placed meetings. Fairness counts every participant with at least one
 * placed meeting, including single-meeting participants (always 0 breaks), following the paper's
 * "max over participants minus min over participants".
 */
export function breakStats(input: ScheduleInput, assignments: readonly PlacedMeeting[]): BreakStats {
  const byId = new Map(input.meetings.map((m) => [m.id, m]));
  const slots = new Map<string, number[]>();
  for (const a of assignments) {
    const m = byId.get(a.meetingId);
    if (!m) continue;
    for (const p of [m.a, m.b]) {
      const list = slots.get(p) ?? [];
      list.push(a.slot);
      slots.set(p, list);
    }
  }
  const perParticipant = new Map<string, number>();
  let total = 0;
  let max = 0;
  let min = Infinity;
  for (const [p, list] of slots) {
    const b = countBreaks(list);
    perParticipant.set(p, b);
    total += b;
    max = Math.max(max, b);
    min = Math.min(min, b);
  }
  if (min === Infinity) min = 0;
  return { breaksTotal: total, maxBreaks: max, minBreaks: min, fairness: max - min, perParticipant };
}

export interface ValidationReport {
  /** No hard constraint broken among placed meetings and fairness holds. */
  valid: boolean;
  /** Every meeting is placed. */
  complete: boolean;
  errors: string[];
  warnings: string[];
  placed: number;
  unplaced: number;
  breaksTotal: number;
  maxBreaks: number;
  minBreaks: number;
  fairness: number;
  fairnessHolds: boolean;
  tableChanges: number;
}

export function validateSchedule(input: ScheduleInput, result: Pick<ScheduleResult, 'assignments' | 'unplaced'>, d = 2): ValidationReport {
  const errors: string[] = [];
  const warnings: string[] = [];
  const T = input.nSlots;
  const byId = new Map(input.meetings.map((m) => [m.id, m]));
  const participants = new Map(input.participants.map((p) => [p.id, p]));
  const slotOf = new Map<string, number>();
  const busy = new Map<string, string>(); // participant@slot -> meeting
  const tableUse = new Map<string, string>(); // slot@table -> meeting
  const load = new Array<number>(T).fill(0);
  const labels = slotSessionsOf(input);

  for (const a of result.assignments) {
    const m = byId.get(a.meetingId);
    if (!m) {
      errors.push(`unknown meeting ${a.meetingId}`);
      continue;
    }
    if (slotOf.has(a.meetingId)) errors.push(`meeting ${a.meetingId} placed twice`);
    if (!Number.isInteger(a.slot) || a.slot < 0 || a.slot >= T) {
      errors.push(`meeting ${a.meetingId}: slot ${a.slot} out of range`);
      continue;
    }
    slotOf.set(a.meetingId, a.slot);
    load[a.slot]++;
    if (!Number.isInteger(a.table) || a.table < 0 || a.table >= input.tables) errors.push(`meeting ${a.meetingId}: table ${a.table} out of range`);
    else {
      const key = `${a.slot}@${a.table}`;
      const other = tableUse.get(key);
      if (other) errors.push(`slot ${a.slot} table ${a.table} used by ${other} and ${a.meetingId}`);
      tableUse.set(key, a.meetingId);
    }
    for (const pid of [m.a, m.b]) {
      const p = participants.get(pid);
      if (!p) errors.push(`meeting ${m.id}: unknown participant ${pid}`);
      if (p?.forbiddenSlots?.includes(a.slot)) errors.push(`meeting ${m.id}: slot ${a.slot} is forbidden for ${pid}`);
      if (p?.sessions && !p.sessions.includes(labels[a.slot])) errors.push(`meeting ${m.id}: ${pid} does not attend the ${labels[a.slot]} session of slot ${a.slot}`);
      const key = `${pid}@${a.slot}`;
      const other = busy.get(key);
      if (other) errors.push(`participant ${pid} in ${other} and ${m.id} in slot ${a.slot}`);
      busy.set(key, m.id);
    }
    // An exhibitor meets at its own table; two exhibitors meet at one of theirs.
    const own = [m.a, m.b].flatMap((pid) => {
      const t = participants.get(pid)?.fixedTable;
      return t !== undefined && t >= 0 && t < input.tables ? [{ pid, t }] : [];
    });
    if (own.length > 0 && !own.some((o) => o.t === a.table)) {
      errors.push(`meeting ${m.id}: at table ${a.table + 1} in slot ${a.slot}, away from ${own.map((o) => `${o.pid}'s own table ${o.t + 1}`).join(' and ')}`);
    }
    const session = m.session ?? ANY_SESSION;
    if (session !== ANY_SESSION && labels[a.slot] !== session) errors.push(`meeting ${m.id}: restricted to the ${session} session but in slot ${a.slot} (${labels[a.slot] || 'no session'})`);
    if (m.fixedSlot !== undefined && m.fixedSlot !== a.slot) errors.push(`meeting ${m.id}: fixed to slot ${m.fixedSlot} but in ${a.slot}`);
    if (m.locked && (m.locked.slot !== a.slot || m.locked.table !== a.table)) {
      errors.push(`meeting ${m.id}: locked at slot ${m.locked.slot} table ${m.locked.table} but at ${a.slot}/${a.table}`);
    }
  }
  load.forEach((n, t) => {
    if (n > input.tables) errors.push(`slot ${t} holds ${n} meetings for ${input.tables} tables`);
  });
  for (const m of input.meetings) {
    const s = slotOf.get(m.id);
    if (s === undefined) continue;
    for (const q of m.predecessors ?? []) {
      const qs = slotOf.get(q);
      if (qs !== undefined && qs >= s) errors.push(`meeting ${q} must be before ${m.id} but is in slot ${qs} >= ${s}`);
    }
  }
  const unplacedIds = new Set(result.unplaced.map((u) => u.meetingId));
  for (const u of result.unplaced) {
    if (slotOf.has(u.meetingId)) errors.push(`meeting ${u.meetingId} is both placed and unplaced`);
    if (u.reasons.length === 0) errors.push(`meeting ${u.meetingId} is unplaced without a reason`);
  }
  for (const m of input.meetings) {
    if (!slotOf.has(m.id) && !unplacedIds.has(m.id)) errors.push(`meeting ${m.id} is neither placed nor reported unplaced`);
  }
  const stats = breakStats(input, result.assignments);
  const fairnessHolds = stats.fairness <= d;
  return {
    valid: errors.length === 0 && fairnessHolds,
    complete: slotOf.size === input.meetings.length,
    errors,
    warnings,
    placed: slotOf.size,
    unplaced: input.meetings.length - slotOf.size,
    breaksTotal: stats.breaksTotal,
    maxBreaks: stats.maxBreaks,
    minBreaks: stats.minBreaks,
    fairness: stats.fairness,
    fairnessHolds,
    tableChanges: countTableChanges(input, result.assignments),
  };
}
