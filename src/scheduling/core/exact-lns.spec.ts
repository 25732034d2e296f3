import loadHighs from 'highs';
import { runExactLns } from './exact-lns';
import { createHighsMipSolver } from './highs-mip-solver';
import { participantLowerBounds, runPreChecks } from './infeasibility-checks';
import { MipBuilder, type MipSolver } from './mip-model';
import { buildNeighbourhoodMip } from './neighbourhood-mip';
import { compileModel } from './schedule-model';
import { scheduleMeetings } from './schedule-meetings';
import type { ScheduleInput } from './schedule-types';
import { SearchState } from './search-state';
import { validateSchedule } from './validate-schedule';

let solver: MipSolver;
beforeAll(async () => {
  solver = createHighsMipSolver(await loadHighs());
});

const people = (...ids: string[]) => ids.map((id) => ({ id }));

/** Compiled model plus a search state holding the given slots (by meeting id). */
function stateAt(input: ScheduleInput, slots: Record<string, number>) {
  const model = compileModel(input);
  runPreChecks(model);
  const st = new SearchState(model);
  input.meetings.forEach((m, i) => st.relocate(i, slots[m.id]));
  return { model, st };
}

// A meets B, C, D; X meets Y; one table. Start: ab@0 xy@1 ac@2 ad@3, so A has a break that only
// moving xy out of A's way (and A's meetings together) can close.
const blocked: ScheduleInput = {
  nSlots: 4,
  morningSlots: 4,
  tables: 1,
  participants: people('A', 'B', 'C', 'D', 'X', 'Y'),
  meetings: [
    { id: 'ab', a: 'A', b: 'B' },
    { id: 'xy', a: 'X', b: 'Y' },
    { id: 'ac', a: 'A', b: 'C' },
    { id: 'ad', a: 'A', b: 'D' },
  ],
};

describe('MipBuilder', () => {
  it('merges repeated columns in a row and drops zero coefficients', () => {
    const b = new MipBuilder();
    const x = b.addCol(0, 1, 1, true);
    const y = b.addCol(0, 1, 0, true);
    b.addRow([x, y, x, y], [1, 1, 2, -1], 0, 3);
    expect(b.model.rowIndex).toEqual([x]);
    expect(b.model.rowValue).toEqual([3]);
    expect(b.numRows).toBe(1);
  });
});

describe('buildNeighbourhoodMip', () => {
  it('counts the current runs of touched participants and finds the optimum of the freed part', () => {
    const { model, st } = stateAt(blocked, { ab: 0, xy: 1, ac: 2, ad: 3 });
    expect(st.breaks).toBe(1);
    const all = [0, 1, 2, 3];
    const built = buildNeighbourhoodMip(model, st.slot, { freed: all, allowed: () => true }, 2)!;
    // Runs now: A 2, B 1, C 1, D 1, X 1, Y 1.
    expect(built.currentObjective).toBe(7);
    const res = solver(built.mip, { timeLimitSec: 5, seed: 1 });
    expect(res.status).toBe('optimal');
    expect(Math.round(res.objective)).toBe(6);
    const slots = built.decode(res.values!);
    const a = [0, 2, 3].map((m) => slots.get(m)!).sort((x, y) => x - y);
    expect(a[2] - a[0]).toBe(2);
  });

  it('keeps fixed meetings and the fairness bound exact', () => {
    // X cannot meet in slot 1 of 3, so X always has one break; YZ meet once (0 breaks).
    const input: ScheduleInput = {
      nSlots: 3,
      morningSlots: 3,
      tables: 2,
      participants: [{ id: 'X', forbiddenSlots: [1] }, ...people('A', 'B', 'Y', 'Z')],
      meetings: [
        { id: 'xa', a: 'X', b: 'A' },
        { id: 'xb', a: 'X', b: 'B' },
        { id: 'yz', a: 'Y', b: 'Z' },
      ],
    };
    const { model, st } = stateAt(input, { xa: 0, xb: 2, yz: 1 });
    const nb = { freed: [0, 1, 2], allowed: () => true };
    expect(solver(buildNeighbourhoodMip(model, st.slot, nb, 0)!.mip, { timeLimitSec: 5, seed: 1 }).status).toBe('infeasible');
    const ok = solver(buildNeighbourhoodMip(model, st.slot, nb, 1)!.mip, { timeLimitSec: 5, seed: 1 });
    expect(ok.status).toBe('optimal');
  });

  it('keeps break-free participants in one (movable) block with the block formulation', () => {
    const { model, st } = stateAt(blocked, { ab: 0, xy: 1, ac: 2, ad: 3 });
    const all = [0, 1, 2, 3];
    // Everyone but A must stay contiguous: the optimum (0 breaks) is still reachable.
    const built = buildNeighbourhoodMip(model, st.slot, { freed: all, allowed: () => true, contiguous: (p) => p !== 0 }, 2)!;
    const res = solver(built.mip, { timeLimitSec: 5, seed: 1 });
    expect(res.status).toBe('optimal');
    // Single-meeting participants keep the run formulation: six participants, one run each.
    expect(Math.round(res.objective)).toBe(6);
    // Forcing A (currently with a break) into the block model is rejected up front.
    expect(buildNeighbourhoodMip(model, st.slot, { freed: all, allowed: () => true, contiguous: () => true }, 2)).toBeNull();
  });

  it('returns null when a freed meeting has no allowed slot', () => {
    const { model, st } = stateAt(blocked, { ab: 0, xy: 1, ac: 2, ad: 3 });
    expect(buildNeighbourhoodMip(model, st.slot, { freed: [0], allowed: () => false }, 2)).toBeNull();
  });
});

describe('runExactLns', () => {
  it('closes a break that needs a coordinated move of several meetings', () => {
    const { model, st } = stateAt(blocked, { ab: 0, xy: 1, ac: 2, ad: 3 });
    const lowerBound = participantLowerBounds(model, 2).reduce((s, v) => s + v, 0);
    const out = runExactLns(model, st, { solver, d: 2, lowerBound, deadline: Infinity, now: () => 0, seed: 1, maxSteps: 4, window: 4 });
    expect(out.improvements).toBe(1);
    expect(st.breaks).toBe(0);
    expect(st.violations).toBe(0);
  });

  it('does nothing on an infeasible start', () => {
    const { model, st } = stateAt(blocked, { ab: 0, xy: 0, ac: 2, ad: 3 });
    const out = runExactLns(model, st, { solver, d: 2, lowerBound: 0, deadline: Infinity, now: () => 0, seed: 1, maxSteps: 4 });
    expect(out.steps).toBe(0);
  });
});

describe('scheduleMeetings with an injected MIP solver', () => {
  it('reaches the optimum from the greedy start alone (no annealing iterations)', () => {
    const input: ScheduleInput = {
      nSlots: 6,
      morningSlots: 3,
      tables: 2,
      participants: people('H', 'P1', 'P2', 'P3', 'P4', 'Q1', 'Q2'),
      meetings: [
        { id: 'h1', a: 'H', b: 'P1' },
        { id: 'h2', a: 'H', b: 'P2', session: 'afternoon' },
        { id: 'h3', a: 'H', b: 'P3', session: 'morning' },
        { id: 'h4', a: 'H', b: 'P4' },
        { id: 'q1', a: 'Q1', b: 'P1' },
        { id: 'q2', a: 'Q2', b: 'P1' },
        { id: 'q3', a: 'Q1', b: 'Q2' },
      ],
    };
    // With this seed the greedy start alone leaves one break (checked first), the exact steps close it.
    const greedy = scheduleMeetings(input, { timeLimitMs: 60_000, seed: 1, maxIterations: 0, exact: 'off' });
    expect(greedy.report.breaksTotal).toBe(1);
    const off = scheduleMeetings(input, { timeLimitMs: 60_000, seed: 1, maxIterations: 0, mipSolver: solver, exact: 'off' });
    expect(off.report.breaksTotal).toBe(1);
    const r = scheduleMeetings(input, { timeLimitMs: 60_000, seed: 1, maxIterations: 0, mipSolver: solver, mipShare: 0.5 });
    const check = validateSchedule(input, r, 2);
    expect(check.valid && check.complete).toBe(true);
    expect(r.report.breaksTotal).toBe(r.report.lowerBound);
    expect(r.report.optimal).toBe(true);
  });
});
