import { assignTables } from './assign-tables';
import type { ScheduleInput } from './schedule-types';

describe('assignTables', () => {
  const input: ScheduleInput = {
    nSlots: 3,
    morningSlots: 3,
    tables: 3,
    participants: [{ id: 'H' }, { id: 'X', fixedTable: 2 }, { id: 'A' }, { id: 'B' }, { id: 'C' }, { id: 'D' }, { id: 'E' }],
    meetings: [
      { id: 'h1', a: 'A', b: 'H' },
      { id: 'h2', a: 'B', b: 'H' },
      { id: 'h3', a: 'C', b: 'H' },
      { id: 'x1', a: 'X', b: 'D' },
      { id: 'x2', a: 'X', b: 'A' },
      { id: 'l1', a: 'C', b: 'E', locked: { slot: 0, table: 0 } },
    ],
  };
  const timed = [
    { meetingId: 'l1', slot: 0 },
    { meetingId: 'h1', slot: 0 },
    { meetingId: 'x1', slot: 0 },
    { meetingId: 'h2', slot: 1 },
    { meetingId: 'x2', slot: 1 },
    { meetingId: 'h3', slot: 2 },
  ];

  it('keeps locked tables and exhibitors at their own table', () => {
    const { assignments, warnings } = assignTables(input, timed);
    const table = (id: string) => assignments.find((a) => a.meetingId === id)?.table;
    expect(warnings).toEqual([]);
    expect(table('l1')).toBe(0);
    expect(table('x1')).toBe(2);
    expect(table('x2')).toBe(2);
  });

  it('keeps a participant at the same table across consecutive meetings', () => {
    const { assignments, tableChanges } = assignTables(input, timed);
    const table = (id: string) => assignments.find((a) => a.meetingId === id)?.table;
    expect(table('h2')).toBe(table('h1'));
    expect(table('h3')).toBe(table('h1'));
    // A moves from H's table to X's own table and C leaves the locked table: 2 changes.
    expect(tableChanges).toBe(2);
    const perSlot = new Set(assignments.map((a) => `${a.slot}/${a.table}`));
    expect(perSlot.size).toBe(assignments.length);
  });

  it('warns when an own table is already taken', () => {
    const clash: ScheduleInput = { ...input, participants: [...input.participants.slice(0, 2), { id: 'A', fixedTable: 2 }, ...input.participants.slice(3)] };
    const { warnings, assignments } = assignTables(clash, [
      { meetingId: 'x2', slot: 1 },
      { meetingId: 'h2', slot: 1 },
    ]);
    expect(warnings).toEqual([]);
    expect(assignments.find((a) => a.meetingId === 'x2')?.table).toBe(2);
    const two = assignTables(clash, [
      { meetingId: 'x1', slot: 0 },
      { meetingId: 'h1', slot: 0 },
    ]);
    expect(two.warnings.join()).toMatch(/own table 3 taken/);
  });
});
