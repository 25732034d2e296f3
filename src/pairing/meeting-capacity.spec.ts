import type { Slot } from '../events/event-slots';
import { meetingCapacity } from './meeting-capacity';

const slots: Slot[] = ['morning', 'afternoon', 'morning', 'afternoon'].map((session, index) => ({ index, dayIndex: index >> 1, day: '', session, start: '', end: '', startUtc: '', endUtc: '' }));

describe('meetingCapacity', () => {
  it('counts the open slots of the sessions attended, times the meetings held at once', () => {
    expect(meetingCapacity(slots, { blockedSlots: [], sessions: null, parallelMeetings: 1 })).toBe(4);
    expect(meetingCapacity(slots, { blockedSlots: [1], sessions: ['afternoon'], parallelMeetings: 1 })).toBe(1);
    expect(meetingCapacity(slots, { blockedSlots: [0], sessions: null, parallelMeetings: 3 })).toBe(9);
  });
});
