import type { Slot } from '../events/event-slots';
import { scheduleMeetings, validateSchedule } from './core';
import { attendeeId, buildScheduleInput, type PairRow, type ParticipantRow } from './schedule-input';

/** Two days with a morning and an afternoon slot each. */
const slots: Slot[] = [
  ['2026-05-04', 'morning'],
  ['2026-05-04', 'afternoon'],
  ['2026-05-05', 'morning'],
  ['2026-05-05', 'afternoon'],
].map(([day, session], index) => ({ index, dayIndex: index >> 1, day, session, start: '09:00', end: '09:20', startUtc: '', endUtc: '' }));

const member = (organisationId: string, over: Partial<ParticipantRow> = {}): ParticipantRow => ({ organisationId, blockedSlots: [], ...over });

describe('buildScheduleInput', () => {
  it('gives every slot its session and carries pair and participant session restrictions', () => {
    const built = buildScheduleInput(slots, 2, [{ id: 'p1', a: 'A', b: 'B', session: 'afternoon' }], [member('A', { sessions: ['afternoon'], name: 'Alpha Optics' }), member('B')], []);
    expect(built.input.slotSessions).toEqual(['morning', 'afternoon', 'morning', 'afternoon']);
    expect(built.input.meetings).toEqual([{ id: 'p1', a: 'A', b: 'B', session: 'afternoon' }]);
    // Reasons name participants by name (the id without one) and slots by local day and time.
    expect(built.input.participants).toEqual([
      { id: 'A', name: 'Alpha Optics', forbiddenSlots: [], sessions: ['afternoon'] },
      { id: 'B', name: 'B', forbiddenSlots: [] },
    ]);
    expect(built.input.slotNames).toEqual(['2026-05-04 09:00', '2026-05-04 09:00', '2026-05-05 09:00', '2026-05-05 09:00']);
  });

  it('names participants, their representatives and slots in the reasons of meetings that cannot be placed', () => {
    // A (two representatives) attends afternoons only; the A–B pair is restricted to the morning.
    const pairs: PairRow[] = [{ id: 'p1', a: 'A', b: 'B', session: 'morning' }];
    const built = buildScheduleInput(slots, 2, pairs, [member('A', { sessions: ['afternoon'], parallelMeetings: 2, name: 'Alpha Optics' }), member('B', { name: 'Beta Medical' })], []);
    const result = scheduleMeetings(built.input, { timeLimitMs: 200, seed: 1 });
    expect(result.unplaced).toHaveLength(1);
    expect(result.unplaced[0].reasons.join(' ')).toMatch(/Alpha Optics \(representative [12]\) attends only the afternoon session/);
  });

  it('splits a participant meeting in parallel into one attendee per representative, balancing its meetings', () => {
    const pairs: PairRow[] = ['B', 'C', 'D', 'E'].map((x, i) => ({ id: `m${i}`, a: 'A', b: x }));
    const built = buildScheduleInput(slots, 4, pairs, [member('A', { parallelMeetings: 2 }), ...['B', 'C', 'D', 'E'].map((x) => member(x))], []);
    expect(built.input.participants.map((p) => p.id)).toEqual([attendeeId('A', 1), attendeeId('A', 2), 'B', 'C', 'D', 'E']);
    const perRep = new Map<string, number>();
    for (const m of built.input.meetings) perRep.set(m.a, (perRep.get(m.a) ?? 0) + 1);
    expect(perRep).toEqual(new Map([[attendeeId('A', 1), 2], [attendeeId('A', 2), 2]]));
    expect(built.attendees.get(attendeeId('A', 2))).toEqual({ organisationId: 'A', representative: 2 });
    expect(built.attendees.get('B')).toEqual({ organisationId: 'B', representative: null });

    // Four meetings in two morning slots: only parallel representatives make them fit.
    const input = { ...built.input, nSlots: 2, slotSessions: ['morning', 'morning'] };
    const result = scheduleMeetings(input, { timeLimitMs: 1000, seed: 1, maxIterations: 2000 });
    expect(result.unplaced).toEqual([]);
    expect(validateSchedule(input, result).errors).toEqual([]);
  });

  it('keeps a representative the organisers chose, ignores one beyond the parallel meetings, and separates pinned meetings', () => {
    const pairs: PairRow[] = [
      { id: 'm1', a: 'A', b: 'B', representativeA: 2 },
      { id: 'm2', a: 'C', b: 'A', representativeB: 3 },
      { id: 'm3', a: 'A', b: 'D' },
      { id: 'm4', a: 'A', b: 'E' },
    ];
    const previous = [
      { a: 'A', b: 'D', slot: 1, table: 1, locked: true, fixedSlot: null, representativeA: null, representativeB: null },
      { a: 'A', b: 'E', slot: 1, table: 2, locked: true, fixedSlot: null, representativeA: null, representativeB: null },
    ];
    const built = buildScheduleInput(slots, 4, pairs, [member('A', { parallelMeetings: 2 }), ...['B', 'C', 'D', 'E'].map((x) => member(x))], previous);
    const side = (id: string) => built.input.meetings.find((m) => m.id === id)!;
    expect(side('m1').a).toBe(attendeeId('A', 2));
    expect(built.warnings.join()).toMatch(/m2: representative 3 of A asked for, but it meets with 2 in parallel/);
    // The two locked meetings share slot 1, so they go to different representatives.
    expect(new Set([side('m3').a, side('m4').a]).size).toBe(2);
    expect(built.lockedKept).toBe(2);
  });

  it('gives exhibitors their own table (0-based in the core) and moves a lock away from it to a fixed slot', () => {
    const pairs: PairRow[] = [
      { id: 'm1', a: 'X', b: 'B' },
      { id: 'm2', a: 'B', b: 'C' },
    ];
    const participants = [member('X', { fixedTable: 3 }), member('B'), member('C', { fixedTable: 9 }), member('D', { fixedTable: 2, parallelMeetings: 2 })];
    const previous = [
      { a: 'X', b: 'B', slot: 0, table: 1, locked: true, fixedSlot: null },
      { a: 'B', b: 'C', slot: 2, table: 1, locked: true, fixedSlot: null },
    ];
    const built = buildScheduleInput(slots, 4, pairs, participants, previous);
    const byId = new Map(built.input.participants.map((p) => [p.id, p]));
    expect(byId.get('X')?.fixedTable).toBe(2);
    // Beyond the event's tables, or with parallel meetings: no own table.
    expect(byId.get('C')?.fixedTable).toBeUndefined();
    expect(byId.get(attendeeId('D', 1))?.fixedTable).toBeUndefined();
    expect(built.input.meetings[0]).toEqual({ id: 'm1', a: 'X', b: 'B', fixedSlot: 0 });
    expect(built.input.meetings[1]).toEqual({ id: 'm2', a: 'B', b: 'C', locked: { slot: 2, table: 0 } });
    expect(built.warnings.join()).toMatch(/locked meeting of X and B keeps slot 0 but leaves table 1 for the own table 3/);
    expect(built.lockedKept).toBe(1);
    expect(built.locksDropped).toBe(1);
  });

  it('names every lock it drops, with the reason', () => {
    const pairs: PairRow[] = [
      { id: 'm1', a: 'A', b: 'B' },
      { id: 'm2', a: 'A', b: 'C' },
      { id: 'm3', a: 'B', b: 'D' },
    ];
    const previous = [
      { a: 'A', b: 'B', slot: 0, table: 1, locked: true, fixedSlot: null },
      // Not selected any more.
      { a: 'C', b: 'D', slot: 1, table: 1, locked: true, fixedSlot: null, aName: 'Gamma Photonics', bName: 'Delta Labs' },
      // The event has only four slots now.
      { a: 'A', b: 'C', slot: 7, table: 1, locked: true, fixedSlot: null },
      // D left the event.
      { a: 'B', b: 'D', slot: 2, table: 2, locked: true, fixedSlot: null, aName: 'Beta Medical', bName: 'Delta Labs' },
      // Not locked: nothing to say.
      { a: 'A', b: 'D', slot: 3, table: 1, locked: false, fixedSlot: null },
    ];
    const participants = [member('A', { name: 'Alpha Optics' }), member('B', { name: 'Beta Medical' }), member('C', { name: 'Gamma Photonics' })];
    const built = buildScheduleInput(slots, 2, pairs, participants, previous);
    expect(built.lockedKept).toBe(1);
    expect(built.locksDropped).toBe(3);
    expect(built.warnings).toEqual([
      'the locked meeting of Gamma Photonics and Delta Labs (slot 1, table 1) is dropped: the pair is no longer selected',
      'the locked meeting of Alpha Optics and Gamma Photonics (slot 7, table 1) is dropped: slot 7 or table 1 no longer exists (the event has 4 slots and 2 tables)',
      'the locked meeting of Beta Medical and Delta Labs (slot 2, table 2) is dropped: D no longer takes part in the event',
    ]);
  });

  it('keeps no lock of a schedule made for another set-up, and says so once, naming it', () => {
    const pairs: PairRow[] = [
      { id: 'm1', a: 'A', b: 'B' },
      { id: 'm2', a: 'C', b: 'D' },
      { id: 'm3', a: 'A', b: 'C' },
    ];
    const participants = [member('A'), member('B'), member('C', { parallelMeetings: 2 }), member('D', { fixedTable: 2 })];
    const previous = [
      // Slot 1 and table 1 still exist, but they are other times and another table now.
      { a: 'A', b: 'B', slot: 1, table: 1, locked: true, fixedSlot: null },
      { a: 'C', b: 'D', slot: 3, table: 1, locked: true, fixedSlot: null, representativeA: 2 },
      // Kept at its slot by a lock when D got its own table.
      { a: 'A', b: 'C', slot: 2, table: 2, locked: false, fixedSlot: 2 },
      // Not locked: nothing to say.
      { a: 'B', b: 'D', slot: 0, table: 1, locked: false, fixedSlot: null },
    ];
    const built = buildScheduleInput(slots, 2, pairs, participants, previous, 'schedule-7');
    expect(built.input.meetings.map((m) => [m.id, m.locked, m.fixedSlot])).toEqual([
      ['m1', undefined, undefined],
      ['m2', undefined, undefined],
      ['m3', undefined, undefined],
    ]);
    // Nor is the representative the lock had: C's meetings are shared out afresh.
    expect(built.input.meetings[1].a).toBe(attendeeId('C', 1));
    expect(built.lockedKept).toBe(0);
    expect(built.locksDropped).toBe(2);
    expect(built.warnings).toEqual([
      "2 locked meetings and 1 meeting a lock kept at its slot of schedule schedule-7 are not kept: the event's slots or tables changed since schedule schedule-7 was made",
    ]);

    // The same schedule made for these slots and tables: its locks are kept.
    const same = buildScheduleInput(slots, 2, pairs, participants, previous);
    expect(same.lockedKept).toBe(1);
    expect(same.input.meetings[0].locked).toEqual({ slot: 1, table: 0 });
    expect(same.input.meetings[1]).toMatchObject({ a: attendeeId('C', 2), fixedSlot: 3 });
    // A lock source without locks says nothing.
    expect(buildScheduleInput(slots, 2, pairs, participants, [previous[3]], 'schedule-7').warnings).toEqual([]);
  });
});
