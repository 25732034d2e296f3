import type { Slot } from '../events/event-slots';
import { meetingCapacity, tableCapacityIssue } from './meeting-capacity';

const slots: Slot[] = ['morning', 'afternoon', 'morning', 'afternoon'].map((session, index) => ({ index, dayIndex: index >> 1, day: '', session, start: '', end: '', startUtc: '', endUtc: '' }));

describe('meetingCapacity', () => {
  it('counts the open slots of the sessions attended, times the meetings held at once', () => {
    expect(meetingCapacity(slots, { blockedSlots: [], sessions: null, parallelMeetings: 1 })).toBe(4);
    expect(meetingCapacity(slots, { blockedSlots: [1], sessions: ['afternoon'], parallelMeetings: 1 })).toBe(1);
    expect(meetingCapacity(slots, { blockedSlots: [0], sessions: null, parallelMeetings: 3 })).toBe(9);
  });
});

describe('tableCapacityIssue', () => {
  it('warns when the selected pairs exceed slots × tables, and names how many cannot be scheduled', () => {
    expect(tableCapacityIssue(27, 9, 3)).toBeNull();
    expect(tableCapacityIssue(31, 9, 3)).toEqual({
      code: 'exceeds-table-capacity',
      message: '31 pairs selected but the event has room for 27 meetings (9 slots × 3 tables): at least 4 cannot be scheduled; add tables or slots, or lower maxMeetings',
      participants: [],
    });
  });
});
