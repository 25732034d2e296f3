import type { ScheduleInput, ScheduleResult } from './schedule-types';
import { breakStats, validateSchedule } from './validate-schedule';

const input: ScheduleInput = {
  nSlots: 6,
  morningSlots: 3,
  tables: 2,
  participants: [{ id: 'A', forbiddenSlots: [5] }, { id: 'B' }, { id: 'C' }, { id: 'D' }],
  meetings: [
    { id: 'm1', a: 'A', b: 'B', session: 'morning' },
    { id: 'm2', a: 'A', b: 'C', fixedSlot: 2 },
    { id: 'm3', a: 'B', b: 'C', predecessors: ['m1'] },
    { id: 'm4', a: 'C', b: 'D', locked: { slot: 4, table: 1 } },
  ],
};

const good: Pick<ScheduleResult, 'assignments' | 'unplaced'> = {
  assignments: [
    { meetingId: 'm1', slot: 0, table: 0 },
    { meetingId: 'm2', slot: 2, table: 0 },
    { meetingId: 'm3', slot: 3, table: 0 },
    { meetingId: 'm4', slot: 4, table: 1 },
  ],
  unplaced: [],
};

function withSlot(id: string, slot: number, table?: number): Pick<ScheduleResult, 'assignments' | 'unplaced'> {
  return { unplaced: [], assignments: good.assignments.map((a) => (a.meetingId === id ? { ...a, slot, table: table ?? a.table } : a)) };
}

describe('validateSchedule', () => {
  it('accepts a correct schedule and recomputes breaks and fairness', () => {
    const r = validateSchedule(input, good, 2);
    expect(r.errors).toEqual([]);
    expect(r.valid).toBe(true);
    expect(r.complete).toBe(true);
    // A: 0,2 -> 1 break; B: 0,3 -> 1; C: 2,3,4 -> 0; D: 4 -> 0
    expect(r.breaksTotal).toBe(2);
    expect(r.maxBreaks).toBe(1);
    expect(r.minBreaks).toBe(0);
    expect(r.fairness).toBe(1);
    expect(validateSchedule(input, good, 0).valid).toBe(false);
  });

  it.each([
    ['participant clash', withSlot('m3', 2, 1), /participant C in m2 and m3/],
    ['forbidden slot', withSlot('m1', 5), /forbidden for A/],
    ['session', withSlot('m1', 4, 0), /restricted to the morning session but in slot 4/],
    ['fixed slot', withSlot('m2', 1), /fixed to slot 2/],
    ['locked meeting', withSlot('m4', 4, 0), /locked at slot 4 table 1/],
    ['precedence', withSlot('m3', 0, 1), /m1 must be before m3/],
    ['table reuse', withSlot('m4', 3, 0), /table 0 used by/],
  ])('reports a broken %s', (_name, result, pattern) => {
    const r = validateSchedule(input, result, 2);
    expect(r.valid).toBe(false);
    expect(r.errors.join('\n')).toMatch(pattern);
  });

  it('reports table capacity and meetings neither placed nor reported', () => {
    const small: ScheduleInput = {
      nSlots: 2,
      morningSlots: 2,
      tables: 1,
      participants: [{ id: 'A' }, { id: 'B' }, { id: 'C' }, { id: 'D' }],
      meetings: [
        { id: 'x', a: 'A', b: 'B' },
        { id: 'y', a: 'C', b: 'D' },
      ],
    };
    const over = validateSchedule(small, { assignments: [{ meetingId: 'x', slot: 0, table: 0 }, { meetingId: 'y', slot: 0, table: 1 }], unplaced: [] }, 2);
    expect(over.errors.join('\n')).toMatch(/slot 0 holds 2 meetings for 1 tables/);
    expect(over.errors.join('\n')).toMatch(/table 1 out of range/);
    const missing = validateSchedule(input, { assignments: good.assignments.slice(1), unplaced: [] }, 2);
    expect(missing.errors.join('\n')).toMatch(/m1 is neither placed nor reported/);
    const reported = validateSchedule(input, { assignments: good.assignments.slice(1), unplaced: [{ meetingId: 'm1', reasons: ['x'] }] }, 2);
    expect(reported.valid).toBe(true);
    expect(reported.complete).toBe(false);
  });

  it('counts fairness over participants with at least one meeting', () => {
    const s = breakStats(input, [{ meetingId: 'm2', slot: 2, table: 0 }]);
    expect(s.perParticipant.has('B')).toBe(false);
    expect(s.fairness).toBe(0);
  });
});
