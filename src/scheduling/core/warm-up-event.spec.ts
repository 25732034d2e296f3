import { compileModel } from './schedule-model';
import { warmUpEvent } from './warm-up-event';

describe('warmUpEvent', () => {
  it('is the same event every time: 60 participants, 140 distinct pairs, 16 slots at 10 tables', () => {
    const a = warmUpEvent();
    expect(warmUpEvent()).toEqual(a);
    expect(a.participants).toHaveLength(60);
    expect(a.meetings).toHaveLength(140);
    expect(new Set(a.meetings.map((m) => [m.a, m.b].sort().join('|'))).size).toBe(140);
    expect(a.meetings.every((m) => m.a !== m.b)).toBe(true);
    expect(a.meetings.length).toBeLessThanOrEqual(a.nSlots * a.tables);
    expect(() => compileModel(a)).not.toThrow();
  });
});
