import { deriveSlots } from '../events/event-slots';
import { departedProblem, locksForAnotherSetup, locksHold, outsideProblem, setupFingerprint } from './schedule-setup';

const morning = { name: 'morning', start: '09:00', end: '10:00' };
const grid = (over: Partial<Parameters<typeof deriveSlots>[0]> = {}) =>
  deriveSlots({ days: [{ date: '2026-03-10', sessions: [morning] }, { date: '2026-03-11', sessions: [morning] }], slotMinutes: 20, breakMinutes: 0, timeZone: 'Europe/Berlin', ...over });

describe('setupFingerprint', () => {
  it('is the same for the same slots and tables, computed again', () => {
    expect(setupFingerprint(grid(), 2)).toBe(setupFingerprint(grid(), 2));
    expect(setupFingerprint(grid(), 2)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('changes with the table count', () => {
    expect(setupFingerprint(grid(), 3)).not.toBe(setupFingerprint(grid(), 2));
  });

  it('changes when a day goes, even though the first slots stay where they were', () => {
    const one = grid({ days: [{ date: '2026-03-10', sessions: [morning] }] });
    expect(one.map((s) => s.startUtc)).toEqual(grid().slice(0, 3).map((s) => s.startUtc));
    expect(setupFingerprint(one, 2)).not.toBe(setupFingerprint(grid(), 2));
  });

  it('changes when slots move in time: slot length, breaks, time zone', () => {
    const base = setupFingerprint(grid(), 2);
    expect(setupFingerprint(grid({ slotMinutes: 30 }), 2)).not.toBe(base);
    expect(setupFingerprint(grid({ breakMinutes: 5, slotMinutes: 15 }), 2)).not.toBe(base);
    // Same local times, other instants.
    expect(setupFingerprint(grid({ timeZone: 'Asia/Tokyo' }), 2)).not.toBe(base);
  });

  it('changes when a session is renamed (pairs restricted to a session refer to it by name)', () => {
    const renamed = grid({ days: [{ date: '2026-03-10', sessions: [{ ...morning, name: 'am' }] }, { date: '2026-03-11', sessions: [morning] }] });
    expect(renamed.map((s) => s.startUtc)).toEqual(grid().map((s) => s.startUtc));
    expect(setupFingerprint(renamed, 2)).not.toBe(setupFingerprint(grid(), 2));
  });
});

describe('publish problems', () => {
  it('names a meeting outside the grid or tables, with the grid the event has', () => {
    expect(outsideProblem({ n: 2, slot: 4, table: 1, aName: 'Jenoptik', bName: null }, 3, 2)).toBe(
      "the event's slots or tables changed since this schedule was made: 2 of its meetings are in slots or at tables the event no longer has (it has slots 0 to 2 and tables 1 to 2), e.g. slot 4, table 1: Jenoptik – (organisation removed); schedule again",
    );
  });

  it('names the organisations that left, the first five', () => {
    expect(departedProblem(1, [{ id: 'id-a', name: 'Alpha' }])).toBe('1 of its meetings involve Alpha (id-a), who no longer takes part in the event; schedule again');
    expect(departedProblem(3, [{ id: 'id-a', name: 'Alpha' }, { id: 'id-b', name: null }])).toBe(
      '3 of its meetings involve Alpha (id-a) and (organisation removed) id-b, who no longer take part in the event; schedule again',
    );
    const seven = Array.from({ length: 7 }, (_, i) => ({ id: `id-${i}`, name: `Org ${i}` }));
    const text = departedProblem(9, seven);
    expect(text).toContain('Org 0 (id-0), Org 1 (id-1), Org 2 (id-2), Org 3 (id-3), Org 4 (id-4) and 2 more, who no longer take part');
    expect(text).not.toContain('Org 5');
  });
});

describe('locks of a schedule made for another set-up', () => {
  it('hold only for the set-up the schedule was made for, or when it did not record one', () => {
    const now = setupFingerprint(grid(), 2);
    expect(locksHold(now, now)).toBe(true);
    expect(locksHold(setupFingerprint(grid({ slotMinutes: 30 }), 2), now)).toBe(false);
    expect(locksHold(setupFingerprint(grid(), 3), now)).toBe(false);
    expect(locksHold(null, now)).toBe(true);
  });

  it('are named in one warning with how many are not kept, and why', () => {
    const why = "the event's slots or tables changed since schedule s1 was made";
    expect(locksForAnotherSetup('s1', 1, 0)).toBe(`1 locked meeting of schedule s1 is not kept: ${why}`);
    expect(locksForAnotherSetup('s1', 3, 0)).toBe(`3 locked meetings of schedule s1 are not kept: ${why}`);
    expect(locksForAnotherSetup('s1', 0, 2)).toBe(`2 meetings a lock kept at their slot of schedule s1 are not kept: ${why}`);
    expect(locksForAnotherSetup('s1', 1, 1)).toBe(`1 locked meeting and 1 meeting a lock kept at its slot of schedule s1 are not kept: ${why}`);
  });
});
