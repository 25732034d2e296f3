import { runPreChecks } from './infeasibility-checks';
import { LNS_TUNING_DEFAULT, NEIGHBOURHOOD_KINDS, NeighbourhoodPicker } from './sat-lns';
import { runSatSearch, type SatSolverFactory } from './sat-search';
import { compileModel } from './schedule-model';
import type { ScheduleInput } from './schedule-types';
import { SearchState } from './search-state';
import { loadCadicalSatSolver } from '../cadical-loader';
import { people } from './schedule-fixtures.spec-helper';

const now = () => performance.now();
const later = () => now() + 10_000;

let factory: SatSolverFactory;
beforeAll(async () => {
  factory = await loadCadicalSatSolver();
});

// A meets B (fixed in slot 0), C, D and E; F meets G twice; 8 slots, 2 tables. Optimum 0 breaks:
// A's meetings in slots 0..3, F and G back to back.
const spread: ScheduleInput = {
  nSlots: 8,
  tables: 2,
  participants: people('A', 'B', 'C', 'D', 'E', 'F', 'G'),
  meetings: [
    { id: 'ab', a: 'A', b: 'B', fixedSlot: 0 },
    { id: 'ac', a: 'A', b: 'C' },
    { id: 'ad', a: 'A', b: 'D' },
    { id: 'ae', a: 'A', b: 'E' },
    { id: 'fg1', a: 'F', b: 'G' },
    { id: 'fg2', a: 'F', b: 'G' },
  ],
};
const spreadStart = { ab: 0, ac: 2, ad: 4, ae: 5, fg1: 1, fg2: 5 };

function stateAt(input: ScheduleInput, slots: Record<string, number>) {
  const model = compileModel(input);
  runPreChecks(model);
  const st = new SearchState(model);
  input.meetings.forEach((m, i) => st.relocate(i, slots[m.id]));
  return { model, st };
}

const movableOf = (model: ReturnType<typeof compileModel>) => Array.from({ length: model.M }, (_, m) => m).filter((m) => model.active[m] && model.pinned[m] < 0);
const freeList = (free: Uint8Array) => Array.from(free.keys()).filter((m) => free[m]);

describe('NeighbourhoodPicker', () => {
  it('frees about share × movable meetings, never a fixed one, the same for the same seed', () => {
    const { model, st } = stateAt(spread, spreadStart);
    const movable = movableOf(model);
    for (const kind of NEIGHBOURHOOD_KINDS) {
      const a = new NeighbourhoodPicker(model, movable, 7, { ...LNS_TUNING_DEFAULT, share: 0.6 });
      const b = new NeighbourhoodPicker(model, movable, 7, { ...LNS_TUNING_DEFAULT, share: 0.6 });
      const fa = freeList(a.pick(st, kind));
      expect(fa).toEqual(freeList(b.pick(st, kind)));
      expect(fa.length).toBe(a.size());
      expect(a.size()).toBe(3);
      expect(fa).not.toContain(0);
    }
  });

  it('starts from the participants with breaks', () => {
    // Only F and G have a break (A's meetings are back to back): the neighbourhood holds fg1, fg2.
    const { model, st } = stateAt(spread, { ab: 0, ac: 1, ad: 2, ae: 3, fg1: 1, fg2: 5 });
    expect(st.breaks).toBe(2);
    const picker = new NeighbourhoodPicker(model, movableOf(model), 3, { ...LNS_TUNING_DEFAULT, share: 0.4 });
    expect(freeList(picker.pick(st, 'participants')).sort()).toEqual([4, 5]);
  });

  it('grows after a refutation, shrinks after a timeout, within its limits', () => {
    const { model } = stateAt(spread, spreadStart);
    const tuning = { ...LNS_TUNING_DEFAULT, share: 0.5, minShare: 0.2, maxShare: 0.8, grow: 2, shrink: 0.5 };
    const picker = new NeighbourhoodPicker(model, movableOf(model), 1, tuning);
    picker.feedback('refuted');
    expect(picker.share).toBe(0.8);
    picker.feedback('unknown');
    expect(picker.share).toBe(0.4);
    picker.feedback('unknown');
    expect(picker.share).toBe(0.2);
    picker.feedback('improved');
    expect(picker.share).toBe(0.2);
  });

  it('frees the meetings that blocked a refuted neighbourhood next', () => {
    const { model, st } = stateAt(spread, spreadStart);
    const picker = new NeighbourhoodPicker(model, movableOf(model), 5, { ...LNS_TUNING_DEFAULT, share: 0.6, grow: 1 });
    picker.feedback('refuted', [3]);
    expect(freeList(picker.pick(st, 'slots'))).toContain(3);
  });
});

describe('runSatSearch with LNS', () => {
  it('improves a non-optimal start by neighbourhoods alone, keeps the fixed meeting, proves the optimum', () => {
    const { model, st } = stateAt(spread, spreadStart);
    expect(st.breaks).toBe(4);
    const out = runSatSearch(model, st, {
      solver: factory,
      d: 2,
      lowerBound: 0,
      deadline: later(),
      now,
      seed: 1,
      // No probes, no jump first, LNS for all the time: every improvement comes from a neighbourhood.
      strategy: { probeConflicts: 0, jumpFirstShare: 0, lnsShare: 1, lnsMinGap: 1, lns: { share: 0.3 } },
    });
    expect(out.lnsCalls).toBeGreaterThan(0);
    expect(out.lnsImprovements).toBeGreaterThan(0);
    expect(out.steps).toBe(0);
    expect(st.breaks).toBe(0);
    expect(st.violations).toBe(0);
    expect(st.slot[0]).toBe(0);
    expect(out.provenOptimal).toBe(true);
  });

  it('proves an optimal start optimal by a neighbourhood refuted without fixed meetings', () => {
    // X is away in slot 1 of 3: X and A keep one break each whatever happens (d = 2).
    const input: ScheduleInput = {
      nSlots: 3,
      tables: 2,
      participants: [{ id: 'X', forbiddenSlots: [1] }, ...people('A')],
      meetings: [
        { id: 'xa1', a: 'X', b: 'A' },
        { id: 'xa2', a: 'X', b: 'A' },
      ],
    };
    const { model, st } = stateAt(input, { xa1: 0, xa2: 2 });
    expect(st.breaks).toBe(2);
    const out = runSatSearch(model, st, { solver: factory, d: 2, lowerBound: 0, deadline: later(), now, strategy: { probeConflicts: 0, jumpFirstShare: 0, lnsShare: 1, lnsMinGap: 1 } });
    expect(out.lnsImprovements).toBe(0);
    expect(out.provenOptimal).toBe(true);
    expect(out.lowerBound).toBe(2);
    expect(st.breaks).toBe(2);
  });

  it('tries the lowest bound first: no neighbourhood needed when it holds a schedule', () => {
    const { model, st } = stateAt(spread, spreadStart);
    const out = runSatSearch(model, st, { solver: factory, d: 2, lowerBound: 0, deadline: later(), now, strategy: { probeConflicts: 0, lnsMinGap: 1 } });
    expect(out.lnsCalls).toBe(0);
    expect(out.steps).toBe(1);
    expect(st.breaks).toBe(0);
    expect(out.provenOptimal).toBe(true);
  });

  it('leaves a small gap to the jump: no LNS below lnsMinGap', () => {
    const { model, st } = stateAt(spread, spreadStart);
    const out = runSatSearch(model, st, { solver: factory, d: 2, lowerBound: 0, deadline: later(), now, strategy: { probeConflicts: 0, lnsMinGap: 5 } });
    expect(out.lnsCalls).toBe(0);
    expect(st.breaks).toBe(0);
    expect(out.provenOptimal).toBe(true);
  });
});
