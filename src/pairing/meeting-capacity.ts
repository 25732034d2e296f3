import type { Slot } from '../events/event-slots';
import type { PairSelectionIssue } from './core/pair-selection.types';

/**
 * Meetings a participant can hold by time: the slots of the sessions it attends that it has not
 * blocked, times the meetings it holds at once (one per representative).
 */
export function meetingCapacity(slots: readonly Slot[], p: { blockedSlots: readonly number[]; sessions: readonly string[] | null; parallelMeetings: number }): number {
  const blocked = new Set(p.blockedSlots);
  const open = slots.filter((s) => !blocked.has(s.index) && (p.sessions === null || p.sessions.includes(s.session))).length;
  return open * Math.max(1, p.parallelMeetings);
}

/**
 * The event holds at most slots × tables meetings (one per table and slot). Selection caps each
 * participant by its own time, not the event by its tables, so a selection beyond the room is reported:
 * the scheduler would leave the excess unplaced.
 */
export function tableCapacityIssue(selected: number, slots: number, tables: number): PairSelectionIssue | null {
  const room = slots * tables;
  if (selected <= room) return null;
  return {
    code: 'exceeds-table-capacity',
    message: `${selected} pairs selected but the event has room for ${room} meetings (${slots} slots × ${tables} tables): at least ${selected - room} cannot be scheduled; add tables or slots, or lower maxMeetings`,
    participants: [],
  };
}
