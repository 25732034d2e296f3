import { loadCadicalSatSolver } from '../cadical-loader';
import type { SatSolverFactory } from './sat-search';
import { helperOptions, SEARCH_FAILED, scheduleMeetings } from './schedule-meetings';
import type { HelperAnswer, HelperOptions, MeetingInput, ScheduleHelper, ScheduleInput, ScheduleOptions, ScheduleResult } from './schedule-types';
import { chainOfFour, people, twoHubs } from './schedule-fixtures.spec-helper';
import { validateSchedule } from './validate-schedule';

const opts: ScheduleOptions = { timeLimitMs: 2000, seed: 7, fairnessD: 2, maxIterations: 20000 };

function slotOf(result: ScheduleResult, id: string): number | undefined {
  return result.assignments.find((a) => a.meetingId === id)?.slot;
}

function expectValidComplete(input: ScheduleInput, result: ScheduleResult, d = 2): void {
  const check = validateSchedule(input, result, d);
  expect(check.errors).toEqual([]);
  expect(check.valid).toBe(true);
  expect(check.complete).toBe(true);
  expect(result.report.breaksTotal).toBe(check.breaksTotal);
}

describe('scheduleMeetings: known optima', () => {
  it('schedules a chain of meetings with 0 breaks and proves it optimal', () => {
    const input = chainOfFour(2);
    const r = scheduleMeetings(input, opts);
    expectValidComplete(input, r);
    expect(r.report.breaksTotal).toBe(0);
    expect(r.report.optimal).toBe(true);
    const order = ['ab', 'bc', 'cd', 'de'].map((id) => slotOf(r, id) ?? -1);
    const increasing = order.every((s, i) => i === 0 || s === order[i - 1] + 1);
    const decreasing = order.every((s, i) => i === 0 || s === order[i - 1] - 1);
    expect(increasing || decreasing).toBe(true);
  });

  it('finds the single forced break when a forbidden slot splits a participant’s day', () => {
    // X has 3 meetings in 4 slots but cannot meet in slot 1: {0,2,3} gives exactly one break.
    const input: ScheduleInput = {
      nSlots: 4,
      morningSlots: 4,
      tables: 2,
      participants: [{ id: 'X', forbiddenSlots: [1] }, ...people('A', 'B', 'C')],
      meetings: [
        { id: 'xa', a: 'X', b: 'A' },
        { id: 'xb', a: 'X', b: 'B' },
        { id: 'xc', a: 'X', b: 'C' },
      ],
    };
    const r = scheduleMeetings(input, opts);
    expectValidComplete(input, r);
    expect(r.report.breaksTotal).toBe(1);
    expect(r.report.lowerBound).toBe(1);
    expect(r.report.optimal).toBe(true);
  });

  it('reaches 0 breaks on a denser hand-made event (two hubs sharing partners)', () => {
    // Hubs H1, H2 each meet P1..P4; 8 slots, 2 tables. Optimum 0: H1 meets P1..P4 in slots 0-3
    // while H2 meets them shifted by one (P2,P3,P4 then P1 would break P1), e.g. H2: P2,P1,P4,P3.
    const partners = ['P1', 'P2', 'P3', 'P4'];
    const meetings: MeetingInput[] = [];
    for (const h of ['H1', 'H2']) for (const p of partners) meetings.push({ id: `${h}-${p}`, a: h, b: p });
    const input: ScheduleInput = { nSlots: 8, morningSlots: 4, tables: 2, participants: people('H1', 'H2', ...partners), meetings };
    const r = scheduleMeetings(input, opts);
    expectValidComplete(input, r);
    expect(r.report.breaksTotal).toBe(0);
    expect(r.report.optimal).toBe(true);
  });
});

describe('scheduleMeetings: hard constraints', () => {
  const base: ScheduleInput = {
    nSlots: 6,
    morningSlots: 3,
    tables: 2,
    participants: [{ id: 'H', forbiddenSlots: [0] }, ...people('A', 'B', 'C', 'D', 'E')],
    meetings: [
      { id: 'ha', a: 'H', b: 'A', session: 'afternoon' },
      { id: 'hb', a: 'H', b: 'B', session: 'morning' },
      { id: 'hc', a: 'H', b: 'C', fixedSlot: 3 },
      { id: 'de', a: 'D', b: 'E', predecessors: ['ab'] },
      { id: 'ab', a: 'A', b: 'B' },
      { id: 'ce', a: 'C', b: 'E' },
    ],
  };

  it('honours clashes, capacity, forbidden slots, sessions, fixed slots and precedences', () => {
    const r = scheduleMeetings(base, opts);
    expectValidComplete(base, r);
    expect(slotOf(r, 'hc')).toBe(3);
    expect(slotOf(r, 'ha')).toBeGreaterThanOrEqual(3);
    const hb = slotOf(r, 'hb') ?? -1;
    expect(hb === 1 || hb === 2).toBe(true);
    expect(slotOf(r, 'ab')).toBeLessThan(slotOf(r, 'de') ?? -1);
    // H meets B (morning), C (3) and A (afternoon): optimum is 2,3,4 -> 0 breaks.
    expect(r.report.breaksTotal).toBe(0);
  });

  it('keeps locked meetings (slot and table) on a re-run with new meetings', () => {
    const first = scheduleMeetings(base, opts);
    const locked = base.meetings.map((m) => {
      const a = first.assignments.find((x) => x.meetingId === m.id);
      return a && (m.id === 'ab' || m.id === 'ce') ? { ...m, locked: { slot: a.slot, table: a.table } } : m;
    });
    const rerun: ScheduleInput = { ...base, meetings: [...locked, { id: 'ad', a: 'A', b: 'D' }] };
    const r = scheduleMeetings(rerun, { ...opts, seed: 99 });
    expectValidComplete(rerun, r);
    for (const id of ['ab', 'ce']) {
      const before = first.assignments.find((x) => x.meetingId === id);
      const after = r.assignments.find((x) => x.meetingId === id);
      expect(after).toEqual(before);
    }
  });

  it('fills every table of every slot when capacity is exactly enough', () => {
    const meetings: MeetingInput[] = [];
    for (let i = 0; i < 4; i++) meetings.push({ id: `m${i}`, a: `a${i}`, b: `b${i}` });
    const input: ScheduleInput = {
      nSlots: 2,
      morningSlots: 2,
      tables: 2,
      participants: people(...meetings.flatMap((m) => [m.a, m.b])),
      meetings,
    };
    const r = scheduleMeetings(input, opts);
    expectValidComplete(input, r);
    const perSlot = [0, 1].map((s) => r.assignments.filter((a) => a.slot === s).length);
    expect(perSlot).toEqual([2, 2]);
  });
});

describe('scheduleMeetings: infeasibility reports', () => {
  it('names a participant with more meetings than available slots', () => {
    const input: ScheduleInput = {
      nSlots: 3,
      morningSlots: 3,
      tables: 3,
      participants: [{ id: 'X', forbiddenSlots: [2] }, ...people('A', 'B', 'C')],
      meetings: [
        { id: 'xa', a: 'X', b: 'A' },
        { id: 'xb', a: 'X', b: 'B' },
        { id: 'xc', a: 'X', b: 'C' },
      ],
    };
    const r = scheduleMeetings(input, opts);
    expect(r.report.placed).toBe(2);
    expect(r.unplaced).toHaveLength(1);
    expect(r.unplaced[0].reasons).toEqual(['participant X has 3 meetings but only 2 available slots']);
    const check = validateSchedule(input, r, 2);
    expect(check.valid).toBe(true);
    expect(check.complete).toBe(false);
  });

  it('explains forbidden fixed slots, fixed overload and precedence cycles', () => {
    const input: ScheduleInput = {
      nSlots: 4,
      morningSlots: 2,
      tables: 1,
      participants: [{ id: 'Y', forbiddenSlots: [1] }, ...people('A', 'B', 'C', 'D', 'E', 'F')],
      meetings: [
        { id: 'f1', a: 'Y', b: 'A', fixedSlot: 1 },
        { id: 'f2', a: 'B', b: 'C', fixedSlot: 3 },
        { id: 'f3', a: 'D', b: 'E', fixedSlot: 3 },
        { id: 'p1', a: 'A', b: 'F', predecessors: ['p2'] },
        { id: 'p2', a: 'B', b: 'F', predecessors: ['p1'] },
        { id: 'am', a: 'C', b: 'D', session: 'afternoon', fixedSlot: 0 },
      ],
    };
    const r = scheduleMeetings(input, opts);
    const reasons = Object.fromEntries(r.unplaced.map((u) => [u.meetingId, u.reasons.join('; ')]));
    expect(reasons.f1).toBe('fixed slot 1 is forbidden for participant Y');
    expect(reasons.f3).toBe('slot 3 over table capacity by fixed meetings (1 tables)');
    expect(reasons.p1).toBe('meeting is on a precedence cycle');
    expect(reasons.p2).toBe('meeting is on a precedence cycle');
    expect(reasons.am).toBe('fixed slot 0 is outside the afternoon session');
    expect(slotOf(r, 'f2')).toBe(3);
    expect(validateSchedule(input, r, 2).valid).toBe(true);
  });

  it('reports meetings the search could not place (a triangle in two slots)', () => {
    const input: ScheduleInput = {
      nSlots: 2,
      morningSlots: 2,
      tables: 3,
      participants: people('A', 'B', 'C'),
      meetings: [
        { id: 'ab', a: 'A', b: 'B' },
        { id: 'bc', a: 'B', b: 'C' },
        { id: 'ca', a: 'C', b: 'A' },
      ],
    };
    const r = scheduleMeetings(input, { ...opts, maxIterations: 5000 });
    expect(r.report.placed).toBe(2);
    expect(r.unplaced).toEqual([{ meetingId: expect.any(String), reasons: [SEARCH_FAILED] }]);
    expect(validateSchedule(input, r, 2).valid).toBe(true);
  });

  it('warns when fairness d cannot hold and reports it', () => {
    // X is forced to a break; Z has a single meeting and always 0 breaks, so d = 0 is impossible.
    const input: ScheduleInput = {
      nSlots: 3,
      morningSlots: 3,
      tables: 2,
      participants: [{ id: 'X', forbiddenSlots: [1] }, ...people('A', 'B', 'Z', 'W')],
      meetings: [
        { id: 'xa', a: 'X', b: 'A' },
        { id: 'xb', a: 'X', b: 'B' },
        { id: 'zw', a: 'Z', b: 'W' },
      ],
    };
    const strict = scheduleMeetings(input, { ...opts, fairnessD: 0 });
    expect(strict.report.warnings.join()).toMatch(/fairness d=0 cannot hold: participant X needs at least 1 breaks/);
    expect(strict.report.fairnessHolds).toBe(false);
    expect(strict.report.warnings.join()).toMatch(/fairness d=0 not reached: max - min breaks is 1/);
    expect(strict.report.optimal).toBe(false);
    const relaxed = scheduleMeetings(input, { ...opts, fairnessD: 1 });
    expect(relaxed.report.fairnessHolds).toBe(true);
    expect(relaxed.report.optimal).toBe(true);
  });
});

describe('scheduleMeetings: determinism and progress', () => {
  // A pseudo-random event that is not solved to its bound quickly, so runs end on maxIterations.
  function randomEvent(): ScheduleInput {
    let x = 12345;
    const rnd = (n: number) => {
      x = (Math.imul(x, 1103515245) + 12345) >>> 0;
      return (x >>> 8) % n;
    };
    const ids = Array.from({ length: 14 }, (_, i) => `p${i}`);
    const seen = new Set<string>();
    const meetings: MeetingInput[] = [];
    while (meetings.length < 40) {
      const a = rnd(14);
      const b = rnd(14);
      const key = `${Math.min(a, b)}-${Math.max(a, b)}`;
      if (a === b || seen.has(key)) continue;
      seen.add(key);
      meetings.push({ id: `m${meetings.length}`, a: ids[a], b: ids[b], session: rnd(4) === 0 ? 'morning' : 'any' });
    }
    return { nSlots: 9, morningSlots: 5, tables: 5, participants: ids.map((id) => ({ id, forbiddenSlots: rnd(3) === 0 ? [rnd(9)] : [] })), meetings };
  }

  it('returns the same schedule for the same seed', () => {
    const input = randomEvent();
    const run = () => scheduleMeetings(input, { timeLimitMs: 60000, seed: 3, maxIterations: 20000 });
    const a = run();
    const b = run();
    expect(a.assignments).toEqual(b.assignments);
    expect(a.report.breaksTotal).toBe(b.report.breaksTotal);
    expectValidComplete(input, a);
  });

  it('reports progress fractions within [0, 1] ending at 1', () => {
    const input = randomEvent();
    const seen: Array<[number, number | null]> = [];
    let clock = 0;
    // A fake clock makes progress reporting deterministic: 100 ms per reading.
    scheduleMeetings(input, { timeLimitMs: 5000, seed: 1, maxIterations: 20000, now: () => (clock += 100), onProgress: (f, b) => seen.push([f, b]) });
    expect(seen.length).toBeGreaterThan(1);
    for (const [f] of seen) {
      expect(f).toBeGreaterThanOrEqual(0);
      expect(f).toBeLessThanOrEqual(1);
    }
    expect(seen[seen.length - 1][0]).toBe(1);
  });
});

describe('scheduleMeetings: a helper beside the search', () => {
  const hubs = twoHubs();
  const optimum: HelperAnswer = { slots: Int32Array.from([0, 1, 2, 3, 1, 0, 3, 2]), breaks: 0, feasible: true, optimal: true, lowerBound: 0 };

  let satSolver: SatSolverFactory;
  beforeAll(async () => {
    satSolver = await loadCadicalSatSolver();
  });

  /** A helper that has its answer from the start (or never answers). */
  function answering(answer: HelperAnswer | null, solved: boolean) {
    const calls = { started: [] as HelperOptions[], finished: 0 };
    const helper = (_input: ScheduleInput, options: HelperOptions): ScheduleHelper => {
      calls.started.push(options);
      return {
        solved: () => solved,
        finish: () => {
          calls.finished++;
          return answer;
        },
      };
    };
    return { helper, calls };
  }

  it('adopts a helper’s proven optimum at once and stops its own search', () => {
    const { helper, calls } = answering(optimum, true);
    const r = scheduleMeetings(hubs, { timeLimitMs: 5000, seed: 3, satSolver, helper });
    expectValidComplete(hubs, r);
    expect(r.report.breaksTotal).toBe(0);
    expect(r.report.optimal).toBe(true);
    expect(r.report.elapsedMs).toBeLessThan(2000);
    expect(calls.finished).toBe(1);
    // The helper runs on another seed with its own shares, for the caller's budget.
    expect(calls.started[0]).toMatchObject({ seed: 4, annealShare: 0.25, satStrategy: { zeroFirstShare: 0.3, fewBreaksShare: 1 } });
    expect(calls.started[0].timeLimitMs).toBeLessThanOrEqual(5000);
  });

  it('ignores a helper’s schedule that is incomplete or unfair, and one that never came', () => {
    for (const answer of [{ ...optimum, feasible: false, optimal: false, slots: new Int32Array(8).fill(0) }, null]) {
      const { helper, calls } = answering(answer, false);
      const r = scheduleMeetings(hubs, { timeLimitMs: 1000, seed: 3, satSolver, helper });
      expectValidComplete(hubs, r);
      expect(calls.finished).toBe(1);
    }
  });

  it('starts no helper without the exact step', () => {
    const { helper, calls } = answering(optimum, true);
    const r = scheduleMeetings(hubs, { ...opts, helper });
    expectValidComplete(hubs, r);
    expect(calls.started).toHaveLength(0);
  });

  it('derives the helper’s options from the caller’s', () => {
    expect(helperOptions({ timeLimitMs: 9000, seed: 7, fairnessD: 1, satStrategy: { lnsShare: 0 } }, 8500)).toEqual({
      timeLimitMs: 8500,
      seed: 8,
      fairnessD: 1,
      annealShare: 0.25,
      satOptions: undefined,
      satStrategy: { lnsShare: 0, zeroFirstShare: 0.3, fewBreaksShare: 1 },
    });
  });
});
