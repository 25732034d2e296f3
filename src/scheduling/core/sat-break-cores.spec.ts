import { loadCadicalSatSolver } from '../cadical-loader';
import { runPreChecks } from './infeasibility-checks';
import { BreakCoreBound, OneBreakSearch, searchFewBreaks, SoftWindows } from './sat-break-cores';
import type { SatSolverFactory } from './sat-search';
import { scheduleMeetings } from './schedule-meetings';
import { compileModel, type ScheduleModel } from './schedule-model';
import { people, threeHubs } from './schedule-fixtures.spec-helper';
import type { MeetingInput, ScheduleInput } from './schedule-types';
import { SearchState } from './search-state';
import { SeededRandom } from './seeded-random';

const now = () => performance.now();

let factory: SatSolverFactory;
beforeAll(async () => {
  factory = await loadCadicalSatSolver();
});

function modelOf(input: ScheduleInput): ScheduleModel {
  const model = compileModel(input);
  runPreChecks(model);
  return model;
}

function stateOf(model: ScheduleModel, slots: Int32Array): SearchState {
  const state = new SearchState(model);
  slots.forEach((t, m) => {
    if (model.active[m]) state.relocate(m, t);
  });
  return state;
}

function coreBound(input: ScheduleInput) {
  const model = modelOf(input);
  const windows = new SoftWindows(model, factory, now, undefined, false);
  try {
    return { model, ...new BreakCoreBound(windows).run(now() + 10_000) };
  } finally {
    windows.dispose();
  }
}

const twoTables = threeHubs(2);

/** `id` meets `partner` `times` times in 5 slots, never in the forbidden ones. */
function splitDay(id: string, partner: string, times: number, forbiddenSlots: number[]): ScheduleInput {
  return {
    nSlots: 5,
    morningSlots: 5,
    tables: 2,
    participants: [{ id, forbiddenSlots }, { id: partner }],
    meetings: Array.from({ length: times }, (_, i) => ({ id: `${id}${partner}${i}`, a: id, b: partner })),
  };
}

describe('BreakCoreBound', () => {
  it('proves one break where the windows cannot all hold, and finds a schedule with one participant relaxed', () => {
    const r = coreBound(twoTables);
    expect(r.status).toBe('found');
    expect(r.lowerBound).toBe(1);
    const state = stateOf(r.model, r.slots!);
    expect(state.violations).toBe(0);
  });

  it('counts one break for every participant whose meetings cannot sit side by side', () => {
    // X can only meet in slots 0 and 2, Y in 0 and 4: X, Y and their partners A and B each need a break.
    const input: ScheduleInput = {
      nSlots: 5,
      morningSlots: 5,
      tables: 3,
      participants: [{ id: 'X', forbiddenSlots: [1, 3, 4] }, { id: 'Y', forbiddenSlots: [1, 2, 3] }, ...people('A', 'B')],
      meetings: [
        { id: 'xa1', a: 'X', b: 'A' },
        { id: 'xa2', a: 'X', b: 'A' },
        { id: 'yb1', a: 'Y', b: 'B' },
        { id: 'yb2', a: 'Y', b: 'B' },
      ],
    };
    const r = coreBound(input);
    expect(r.lowerBound).toBe(4);
    expect(r.status).toBe('found');
    expect(stateOf(r.model, r.slots!).breaks).toBe(4);
  });

  it('proves zero without any core where a schedule without breaks exists', () => {
    const r = coreBound(threeHubs(3));
    expect(r).toMatchObject({ status: 'found', lowerBound: 0 });
    expect(stateOf(r.model, r.slots!).breaks).toBe(0);
  });

  it('reports an event without any schedule as infeasible', () => {
    // A triangle of meetings in two slots: any two of them share a participant.
    const meetings = [
      { id: 'ab', a: 'A', b: 'B' },
      { id: 'bc', a: 'B', b: 'C' },
      { id: 'ac', a: 'A', b: 'C' },
    ];
    const r = coreBound({ nSlots: 2, morningSlots: 2, tables: 2, participants: people('A', 'B', 'C'), meetings });
    expect(r.model.active.every((a) => a === 1)).toBe(true);
    expect(r.status).toBe('infeasible');
  });
});

describe('OneBreakSearch', () => {
  it('allows at most B participants with a break, each with one at most', () => {
    const model = modelOf(twoTables);
    const windows = new SoftWindows(model, factory, now, undefined, true);
    const search = new OneBreakSearch(windows, 3);
    try {
      expect(search.solve(0, now() + 10_000)).toBe('unsatisfiable');
      expect(search.solve(1, now() + 10_000)).toBe('satisfiable');
      const state = stateOf(model, search.slots());
      expect(state.violations).toBe(0);
      expect(state.breaks).toBe(1);
    } finally {
      windows.dispose();
    }
  });

  it('finds nothing where a participant needs two breaks (a refutation of the restricted form only)', () => {
    // X can only meet in slots 0, 2 and 4: two breaks.
    const model = modelOf(splitDay('X', 'A', 3, [1, 3]));
    const windows = new SoftWindows(model, factory, now, undefined, 'guarded');
    const search = new OneBreakSearch(windows, 4);
    try {
      expect(search.solve(4, now() + 10_000)).toBe('unsatisfiable');
    } finally {
      windows.dispose();
    }
  });
});

describe('searchFewBreaks', () => {
  it('returns a proven optimum where the bound and a one-break schedule meet', () => {
    const model = modelOf(twoTables);
    const r = searchFewBreaks(model, factory, now, now() + 10_000, 0);
    expect(r).toMatchObject({ lowerBound: 1, breaks: 1 });
    const state = stateOf(model, r.slots!);
    expect(state.violations).toBe(0);
    expect(state.breaks).toBe(1);
  });

  it('keeps the bound search’s schedule where one break each is not enough', () => {
    // X and A meet in slots 0, 2 and 4: two breaks each. The cores prove one each.
    const model = modelOf(splitDay('X', 'A', 3, [1, 3]));
    const r = searchFewBreaks(model, factory, now, now() + 10_000, 0);
    expect(r).toMatchObject({ lowerBound: 2, breaks: 4 });
  });

  it('never claims more than the general search proves, on random small events', () => {
    const random = new SeededRandom(11);
    const rng = () => random.next();
    let compared = 0;
    let withBreaks = 0;
    for (let round = 0; round < 12; round++) {
      const n = 6 + Math.floor(rng() * 4);
      const ids = Array.from({ length: n }, (_, i) => `P${i}`);
      const meetings: MeetingInput[] = [];
      for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) if (rng() < 0.55) meetings.push({ id: `${i}-${j}`, a: ids[i], b: ids[j] });
      const input: ScheduleInput = { nSlots: 7, morningSlots: 4, tables: 2 + Math.floor(rng() * 2), participants: ids.map((id) => ({ id, forbiddenSlots: rng() < 0.5 ? [1 + Math.floor(rng() * 5)] : [] })), meetings };
      const exact = scheduleMeetings(input, { timeLimitMs: 4000, seed: 1, fairnessD: 2, satSolver: factory });
      if (!exact.report.optimal) continue;
      compared++;
      if (exact.report.breaksTotal > 0) withBreaks++;
      const model = modelOf(input);
      const r = searchFewBreaks(model, factory, now, now() + 4000, 0);
      // The bound is a proof; a schedule found is valid and no better than the optimum.
      expect(r.lowerBound).toBeLessThanOrEqual(exact.report.breaksTotal);
      if (r.slots) {
        const state = stateOf(model, r.slots);
        expect(state.violations).toBe(0);
        expect(r.breaks).toBe(state.breaks);
        expect(r.breaks).toBeGreaterThanOrEqual(exact.report.breaksTotal);
      }
    }
    expect(compared).toBeGreaterThanOrEqual(8);
    expect(withBreaks).toBeGreaterThanOrEqual(3);
  }, 120_000);
});

describe('the few-breaks step in scheduleMeetings', () => {
  it('proves the optimum before any annealing where it is given the time', () => {
    const r = scheduleMeetings(twoTables, { timeLimitMs: 5000, seed: 1, fairnessD: 2, satSolver: factory, satStrategy: { zeroFirstShare: 0, fewBreaksShare: 1 } });
    expect(r.report).toMatchObject({ breaksTotal: 1, optimal: true, lowerBound: 1, iterations: 0, placed: 6 });
  });

  it('is skipped with fairness d = 0 (one break each would not be fair)', () => {
    const r = scheduleMeetings(twoTables, { timeLimitMs: 1500, seed: 1, fairnessD: 0, satSolver: factory, satStrategy: { zeroFirstShare: 0, fewBreaksShare: 1 } });
    expect(r.report.iterations).toBeGreaterThan(0);
  });
});
