import type { Slot } from '../events/event-slots';

/**
 * Meetings a participant can hold by time: the slots of the sessions it attends that it has not
 * blocked, times the meetings it holds at once (one per representative).
 */
export function meetingCapacity(slots: readonly Slot[], p: { blockedSlots: readonly number[]; sessions: readonly string[] | null; parallelMeetings: number }): number {
  const blocked = new Set(p.blockedSlots);
  const open = slots.filter((s) => !blocked.has(s.index) && (p.sessions === null || p.sessions.includes(s.session))).length;
  return open * Math.max(1, p.parallelMeetings);
}
