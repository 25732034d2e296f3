import type { Slot } from '../events/event-slots';
import type { MeetingInput, ParticipantInput, ScheduleInput } from './core';

// Pure translation from what the database holds (the slot grid, the selected pairs, participants'
// availability, locks of the previous schedule) into the scheduler core's input.

export interface PairRow {
  /** The selected pair's id: the core's meeting id. */
  id: string;
  a: string;
  b: string;
}

export interface ParticipantRow {
  organisationId: string;
  blockedSlots: number[];
}

/** A meeting of the schedule the locks come from. */
export interface PreviousMeeting {
  a: string;
  b: string;
  slot: number;
  /** 1-based. */
  table: number;
  locked: boolean;
  fixedSlot: number | null;
}

export interface BuiltInput {
  input: ScheduleInput;
  /** Pairs that cannot be scheduled at all (a side left the event), with the reason. */
  excluded: Array<{ pair: PairRow; reason: string }>;
  lockedKept: number;
  locksDropped: number;
}

export const pairKey = (a: string, b: string): string => (a < b ? `${a}|${b}` : `${b}|${a}`);

/**
 * Slots 0..morningSlots-1 are the core's morning: the leading run of the first day's slots in a session
 * named "morning" (the whole grid when there is none). Pairs carry no session restriction today, so this
 * only matters once they do.
 */
export function morningSlotsOf(slots: readonly Slot[]): number {
  let n = 0;
  while (n < slots.length && slots[n].dayIndex === 0 && slots[n].session === 'morning') n++;
  return n === 0 ? slots.length : n;
}

export function buildScheduleInput(slots: readonly Slot[], tables: number, pairs: readonly PairRow[], participants: readonly ParticipantRow[], previous: readonly PreviousMeeting[]): BuiltInput {
  const nSlots = slots.length;
  const members = new Map(participants.map((p) => [p.organisationId, p]));
  const prev = new Map(previous.filter((m) => m.locked || m.fixedSlot !== null).map((m) => [pairKey(m.a, m.b), m]));
  const excluded: BuiltInput['excluded'] = [];
  const meetings: MeetingInput[] = [];
  const used = new Set<string>();
  const seen = new Set<string>();
  let lockedKept = 0;
  for (const pair of pairs) {
    const gone = [pair.a, pair.b].filter((id) => !members.has(id));
    if (gone.length > 0) {
      excluded.push({ pair, reason: `${gone.join(' and ')} no longer take${gone.length > 1 ? '' : 's'} part in the event` });
      continue;
    }
    const key = pairKey(pair.a, pair.b);
    if (seen.has(key)) {
      excluded.push({ pair, reason: 'the pair is selected twice' });
      continue;
    }
    seen.add(key);
    const meeting: MeetingInput = { id: pair.id, a: pair.a, b: pair.b };
    const p = prev.get(key);
    if (p?.locked && p.slot < nSlots && p.table >= 1 && p.table <= tables) {
      meeting.locked = { slot: p.slot, table: p.table - 1 };
      lockedKept++;
      used.add(key);
    }
    if (p && p.fixedSlot !== null && p.fixedSlot < nSlots && !meeting.locked) meeting.fixedSlot = p.fixedSlot;
    meetings.push(meeting);
  }
  const lockedBefore = previous.filter((m) => m.locked).length;
  const participantInputs: ParticipantInput[] = [...members.values()]
    .sort((x, y) => (x.organisationId < y.organisationId ? -1 : 1))
    .map((p) => ({ id: p.organisationId, forbiddenSlots: p.blockedSlots.filter((s) => s >= 0 && s < nSlots) }));
  return {
    input: { nSlots, morningSlots: morningSlotsOf(slots), tables, participants: participantInputs, meetings },
    excluded,
    lockedKept,
    locksDropped: lockedBefore - lockedKept,
  };
}
