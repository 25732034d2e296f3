// Table assignment after timing: honour locked tables and exhibitors' own tables, then keep each
// participant at the table of its previous meeting where possible (fewest table changes).
import { participantName, slotName, type PlacedMeeting, type ScheduleInput } from './schedule-types';

export interface TimedMeeting {
  meetingId: string;
  slot: number;
}

export interface TableAssignment {
  assignments: PlacedMeeting[];
  tableChanges: number;
  warnings: string[];
}

/** Table changes summed over participants: successive meetings held at different tables. */
export function countTableChanges(input: ScheduleInput, assignments: readonly PlacedMeeting[]): number {
  const byId = new Map(input.meetings.map((m) => [m.id, m]));
  const perParticipant = new Map<string, PlacedMeeting[]>();
  for (const a of assignments) {
    const m = byId.get(a.meetingId);
    if (!m) continue;
    for (const p of [m.a, m.b]) {
      const list = perParticipant.get(p) ?? [];
      list.push(a);
      perParticipant.set(p, list);
    }
  }
  let changes = 0;
  for (const list of perParticipant.values()) {
    list.sort((x, y) => x.slot - y.slot);
    for (let i = 1; i < list.length; i++) if (list[i].table !== list[i - 1].table) changes++;
  }
  return changes;
}

export function assignTables(input: ScheduleInput, timed: readonly TimedMeeting[]): TableAssignment {
  const warnings: string[] = [];
  const byId = new Map(input.meetings.map((m) => [m.id, m]));
  const fixedTable = new Map<string, number>();
  for (const p of input.participants) {
    if (p.fixedTable !== undefined && p.fixedTable >= 0 && p.fixedTable < input.tables) fixedTable.set(p.id, p.fixedTable);
  }
  const exhibitorTables = new Set(fixedTable.values());
  const bySlot = new Map<number, TimedMeeting[]>();
  for (const t of timed) {
    const list = bySlot.get(t.slot) ?? [];
    list.push(t);
    bySlot.set(t.slot, list);
  }
  const lastTable = new Map<string, number>();
  const lastSlot = new Map<string, number>();
  const out: PlacedMeeting[] = [];
  const slots = [...bySlot.keys()].sort((x, y) => x - y);
  const nameOf = new Map(input.participants.map((p) => [p.id, participantName(p)]));
  for (const s of slots) {
    const list = bySlot.get(s) ?? [];
    const owner = new Array<string | undefined>(input.tables).fill(undefined);
    const tableOf = new Map<string, number>();
    const take = (id: string, table: number): boolean => {
      if (table < 0 || table >= input.tables || owner[table] !== undefined || tableOf.has(id)) return false;
      owner[table] = id;
      tableOf.set(id, table);
      return true;
    };
    // 1. Locked meetings keep their published table.
    for (const t of list) {
      const locked = byId.get(t.meetingId)?.locked;
      if (locked && locked.slot === s && !take(t.meetingId, locked.table)) {
        warnings.push(`meeting ${t.meetingId}: locked table ${locked.table + 1} unavailable in ${slotName(input, s)}`);
      }
    }
    // 2. Exhibitors at their own table; two exhibitors meeting each other at one of theirs.
    for (const t of list) {
      const m = byId.get(t.meetingId);
      if (!m || tableOf.has(t.meetingId)) continue;
      const own = [m.a, m.b].flatMap((p) => (fixedTable.has(p) ? [{ p, table: fixedTable.get(p)! }] : []));
      if (own.length === 0) continue;
      if (!own.some((o) => take(t.meetingId, o.table))) {
        warnings.push(`${own.map((o) => `participant ${nameOf.get(o.p) ?? o.p}: own table ${o.table + 1}`).join(', ')} taken in ${slotName(input, s)} (meeting ${t.meetingId})`);
      }
    }
    // 3. Stay at the previous table: stronger when both participants sat there, or when the
    // participant comes straight from its previous meeting (no break to walk elsewhere).
    const prefs: Array<{ id: string; table: number; weight: number; order: number }> = [];
    list.forEach((t, order) => {
      const m = byId.get(t.meetingId);
      if (!m || tableOf.has(t.meetingId)) return;
      const ta = lastTable.get(m.a);
      const tb = lastTable.get(m.b);
      const straight = (p: string) => (lastSlot.get(p) === s - 1 ? 0.5 : 0);
      if (ta !== undefined) prefs.push({ id: t.meetingId, table: ta, weight: (ta === tb ? 2 : 1) + straight(m.a), order });
      if (tb !== undefined && tb !== ta) prefs.push({ id: t.meetingId, table: tb, weight: 1 + straight(m.b), order });
    });
    prefs.sort((x, y) => y.weight - x.weight || x.order - y.order);
    for (const p of prefs) take(p.id, p.table);
    // 4. The rest: free tables, keeping exhibitors' own tables for last.
    for (const t of list) {
      if (tableOf.has(t.meetingId)) continue;
      let chosen = -1;
      for (let k = 0; k < input.tables && chosen < 0; k++) if (owner[k] === undefined && !exhibitorTables.has(k)) chosen = k;
      for (let k = 0; k < input.tables && chosen < 0; k++) if (owner[k] === undefined) chosen = k;
      if (chosen < 0) warnings.push(`${slotName(input, s)} has more meetings than tables; meeting ${t.meetingId} gets no table`);
      else take(t.meetingId, chosen);
    }
    for (const t of list) {
      const table = tableOf.get(t.meetingId) ?? -1;
      out.push({ meetingId: t.meetingId, slot: s, table });
      const m = byId.get(t.meetingId);
      if (m && table >= 0) {
        lastTable.set(m.a, table);
        lastTable.set(m.b, table);
        lastSlot.set(m.a, s);
        lastSlot.set(m.b, s);
      }
    }
  }
  return { assignments: out, tableChanges: countTableChanges(input, out), warnings };
}
