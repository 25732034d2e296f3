import { assignTables } from './assign-tables';
import { scheduleMeetings } from './schedule-meetings';
import { compileModel, slotSessionsOf } from './schedule-model';
import type { ScheduleInput, ScheduleOptions, ScheduleResult } from './schedule-types';
import { validateSchedule } from './validate-schedule';

const opts: ScheduleOptions = { timeLimitMs: 2000, seed: 3, fairnessD: 5, maxIterations: 5000 };

// Two days, each with two morning and two afternoon slots: 0,1 = day 1 morning, 2,3 = day 1
// afternoon, 4,5 = day 2 morning, 6,7 = day 2 afternoon.
const TWO_DAYS = ['morning', 'morning', 'afternoon', 'afternoon', 'morning', 'morning', 'afternoon', 'afternoon'];

const slotOf = (r: ScheduleResult, id: string): number | undefined => r.assignments.find((a) => a.meetingId === id)?.slot;
const tableOf = (r: ScheduleResult, id: string): number | undefined => r.assignments.find((a) => a.meetingId === id)?.table;
const reasonsOf = (r: ScheduleResult, id: string): string[] => r.unplaced.find((u) => u.meetingId === id)?.reasons ?? [];

function expectValid(input: ScheduleInput, r: ScheduleResult): void {
  const check = validateSchedule(input, r, opts.fairnessD);
  expect(check.errors).toEqual([]);
}

describe('sessions on every day', () => {
  it('labels slots from slotSessions, else from the morning shorthand', () => {
    expect(slotSessionsOf({ nSlots: 3, slotSessions: ['a', 'b', 'a'] })).toEqual(['a', 'b', 'a']);
    expect(slotSessionsOf({ nSlots: 3, morningSlots: 1 })).toEqual(['morning', 'afternoon', 'afternoon']);
    expect(slotSessionsOf({ nSlots: 2 })).toEqual(['', '']);
    // The compiled model keeps the end of the first session run for the search.
    const model = compileModel({ nSlots: 8, slotSessions: TWO_DAYS, tables: 1, participants: [], meetings: [] });
    expect(model.morningSlots).toBe(2);
    expect(model.sessionNames).toEqual(['morning', 'afternoon']);
    expect([...model.sessionOf]).toEqual([0, 0, 1, 1, 0, 0, 1, 1]);
  });

  it('allows a morning meeting the mornings of every day, not only the first', () => {
    const input: ScheduleInput = {
      nSlots: 8,
      slotSessions: TWO_DAYS,
      tables: 2,
      // B is away on the first morning: the morning meeting must go to the second day's morning.
      participants: [{ id: 'A' }, { id: 'B', forbiddenSlots: [0, 1] }, { id: 'C' }],
      meetings: [
        { id: 'ab', a: 'A', b: 'B', session: 'morning' },
        { id: 'ac', a: 'A', b: 'C', session: 'afternoon' },
      ],
    };
    const model = compileModel(input);
    expect([...model.domain.slice(0, 8)]).toEqual([0, 0, 0, 0, 1, 1, 0, 0]);
    expect([...model.domain.slice(8, 16)]).toEqual([0, 0, 1, 1, 0, 0, 1, 1]);
    const r = scheduleMeetings(input, opts);
    expect([4, 5]).toContain(slotOf(r, 'ab'));
    expect([2, 3, 6, 7]).toContain(slotOf(r, 'ac'));
    expectValid(input, r);
  });

  it('keeps a participant to the sessions it attends', () => {
    const input: ScheduleInput = {
      nSlots: 8,
      slotSessions: TWO_DAYS,
      tables: 1,
      participants: [{ id: 'A', sessions: ['afternoon'] }, { id: 'B' }, { id: 'C' }],
      meetings: [
        { id: 'ab', a: 'A', b: 'B' },
        { id: 'ac', a: 'A', b: 'C' },
        { id: 'bc', a: 'B', b: 'C' },
      ],
    };
    const r = scheduleMeetings(input, opts);
    expect(r.unplaced).toEqual([]);
    for (const id of ['ab', 'ac']) expect(TWO_DAYS[slotOf(r, id)!]).toBe('afternoon');
    expectValid(input, r);
  });

  it('names the session when a meeting cannot be placed', () => {
    const input: ScheduleInput = {
      nSlots: 8,
      slotSessions: TWO_DAYS,
      tables: 2,
      participants: [{ id: 'A', sessions: ['afternoon'] }, { id: 'B', forbiddenSlots: [0, 1, 4, 5] }, { id: 'C' }, { id: 'D', sessions: ['morning'] }],
      meetings: [
        { id: 'evening', a: 'B', b: 'C', session: 'evening' },
        { id: 'clash', a: 'A', b: 'C', session: 'morning' },
        { id: 'people', a: 'A', b: 'D' },
        { id: 'away', a: 'B', b: 'C', session: 'morning' },
        { id: 'pinned', a: 'A', b: 'B', fixedSlot: 0 },
      ],
    };
    const r = scheduleMeetings(input, opts);
    expect(reasonsOf(r, 'evening')).toEqual(['the meeting is restricted to the evening session, which the event does not have']);
    expect(reasonsOf(r, 'clash')).toEqual(['no session suits both: the meeting is restricted to the morning session; A attends only the afternoon session']);
    expect(reasonsOf(r, 'people')).toEqual(['no session suits both: A attends only the afternoon session; D attends only the morning session']);
    expect(reasonsOf(r, 'away')).toEqual(['no slot of the morning session is available to both B and C']);
    expect(reasonsOf(r, 'pinned')).toEqual(['fixed slot 0 is in the morning session, which participant A does not attend', 'fixed slot 0 is forbidden for participant B']);
    expect(r.assignments).toEqual([]);
    expectValid(input, r);
  });

  it('reports a meeting in a session its participant does not attend, or outside its own session', () => {
    const input: ScheduleInput = {
      nSlots: 8,
      slotSessions: TWO_DAYS,
      tables: 1,
      participants: [{ id: 'A', sessions: ['afternoon'] }, { id: 'B' }],
      meetings: [{ id: 'ab', a: 'A', b: 'B', session: 'afternoon' }],
    };
    const errors = validateSchedule(input, { assignments: [{ meetingId: 'ab', slot: 4, table: 0 }], unplaced: [] }).errors.join('\n');
    expect(errors).toMatch(/A does not attend the morning session of slot 4/);
    expect(errors).toMatch(/ab: restricted to the afternoon session but in slot 4 \(morning\)/);
    expect(validateSchedule(input, { assignments: [{ meetingId: 'ab', slot: 6, table: 0 }], unplaced: [] }).errors).toEqual([]);
  });
});

describe('exhibitors at their own tables', () => {
  const base: ScheduleInput = {
    nSlots: 4,
    slotSessions: ['morning', 'morning', 'morning', 'morning'],
    tables: 3,
    participants: [{ id: 'X', fixedTable: 1 }, { id: 'Y', fixedTable: 2 }, { id: 'A' }, { id: 'B' }, { id: 'C' }],
    meetings: [
      { id: 'xa', a: 'X', b: 'A' },
      { id: 'xb', a: 'X', b: 'B' },
      { id: 'xc', a: 'X', b: 'C' },
      { id: 'ya', a: 'A', b: 'Y' },
      { id: 'xy', a: 'X', b: 'Y' },
      { id: 'bc', a: 'B', b: 'C' },
    ],
  };

  it('seats every meeting of an exhibitor at its table, and two exhibitors at one of theirs', () => {
    const r = scheduleMeetings(base, opts);
    expect(r.unplaced).toEqual([]);
    for (const id of ['xa', 'xb', 'xc']) expect(tableOf(r, id)).toBe(1);
    expect(tableOf(r, 'ya')).toBe(2);
    expect([1, 2]).toContain(tableOf(r, 'xy'));
    expect(r.report.warnings).toEqual([]);
    expectValid(base, r);
  });

  it('rejects a meeting away from its exhibitor’s table', () => {
    const timed = [
      { meetingId: 'xa', slot: 0, table: 0 },
      { meetingId: 'xy', slot: 1, table: 0 },
    ];
    const errors = validateSchedule({ ...base, meetings: base.meetings.filter((m) => m.id === 'xa' || m.id === 'xy') }, { assignments: timed, unplaced: [] }).errors.join('\n');
    expect(errors).toMatch(/xa: at table 1 in slot 0, away from X's own table 2/);
    expect(errors).toMatch(/xy: at table 1 in slot 1, away from X's own table 2 and Y's own table 3/);
  });

  it('keeps an exhibitor’s meetings out of slots where a locked meeting holds its table', () => {
    // The locked A–B meeting sits at X's table in slot 0: X cannot meet there.
    const input: ScheduleInput = {
      ...base,
      meetings: [
        { id: 'ab', a: 'A', b: 'B', locked: { slot: 0, table: 1 } },
        { id: 'xc', a: 'X', b: 'C' },
        { id: 'yc', a: 'Y', b: 'C' },
      ],
    };
    const model = compileModel(input);
    expect([...model.domain.slice(4, 8)]).toEqual([0, 1, 1, 1]);
    const r = scheduleMeetings(input, opts);
    expect(slotOf(r, 'xc')).not.toBe(0);
    expect(tableOf(r, 'xc')).toBe(1);
    expectValid(input, r);
  });

  it('lets two exhibitors use the other’s table when one is held, and reports when both are', () => {
    const input: ScheduleInput = {
      ...base,
      nSlots: 1,
      slotSessions: ['morning'],
      meetings: [
        { id: 'ab', a: 'A', b: 'B', locked: { slot: 0, table: 1 } },
        { id: 'xy', a: 'X', b: 'Y' },
      ],
    };
    const r = scheduleMeetings(input, opts);
    expect(tableOf(r, 'xy')).toBe(2);
    expectValid(input, r);
    const both: ScheduleInput = { ...input, meetings: [...input.meetings, { id: 'cb', a: 'C', b: 'A', locked: { slot: 0, table: 2 } }] };
    const blocked = scheduleMeetings(both, opts);
    expect(reasonsOf(blocked, 'xy')).toEqual(["every slot open to both X and Y has X's own table 2 and Y's own table 3 held by a locked meeting"]);
  });

  it('does not keep a lock that puts an exhibitor away from its table, nor a fixed slot whose table is held', () => {
    const input: ScheduleInput = {
      ...base,
      meetings: [
        { id: 'xa', a: 'X', b: 'A', locked: { slot: 0, table: 0 } },
        { id: 'bc', a: 'B', b: 'C', locked: { slot: 1, table: 2 } },
        { id: 'yb', a: 'Y', b: 'A', fixedSlot: 1 },
      ],
    };
    const r = scheduleMeetings(input, opts);
    expect(reasonsOf(r, 'xa')).toEqual(["locked at table 1, away from X's own table 2"]);
    expect(reasonsOf(r, 'yb')).toEqual(["fixed slot 1: Y's own table 3 is held by a locked meeting"]);
    expectValid(input, r);
  });

  it('assigns own tables before the rest and warns only when none is free', () => {
    const input: ScheduleInput = { ...base, tables: 3 };
    const seated = assignTables(input, [
      { meetingId: 'bc', slot: 0 },
      { meetingId: 'xa', slot: 0 },
      { meetingId: 'ya', slot: 1 },
    ]);
    expect(seated.warnings).toEqual([]);
    const at = (id: string) => seated.assignments.find((a) => a.meetingId === id)?.table;
    expect(at('xa')).toBe(1);
    expect(at('ya')).toBe(2);
    // B–C takes a table no exhibitor owns.
    expect(at('bc')).toBe(0);
  });
});
