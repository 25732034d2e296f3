import { loadCadicalSatSolver } from '../cadical-loader';
import { runPreChecks } from './infeasibility-checks';
import type { SatSolverFactory } from './sat-search';
import { ZeroBreakCheck } from './sat-zero-break';
import { compileModel } from './schedule-model';
import { chainOfFour, people, threeHubs } from './schedule-fixtures.spec-helper';
import type { ScheduleInput } from './schedule-types';
import { SearchState } from './search-state';

const now = () => performance.now();

let factory: SatSolverFactory;
beforeAll(async () => {
  factory = await loadCadicalSatSolver();
});

/** Runs the check; on 'satisfiable' also returns the schedule's state. */
function check(input: ScheduleInput) {
  const model = compileModel(input);
  runPreChecks(model);
  const zero = new ZeroBreakCheck(model, factory, now);
  try {
    const status = zero.solve(now() + 10_000);
    if (status !== 'satisfiable') return { status, state: null };
    const state = new SearchState(model);
    zero.slots().forEach((t, m) => state.relocate(m, t));
    return { status, state };
  } finally {
    zero.dispose();
  }
}

describe('ZeroBreakCheck', () => {
  it('finds a schedule without any break: a chain of meetings in order', () => {
    const { status, state } = check(chainOfFour(4));
    expect(status).toBe('satisfiable');
    expect(state!.violations).toBe(0);
    expect(state!.breaks).toBe(0);
  });

  it('refutes it when a forbidden slot splits a participant’s day', () => {
    // X meets A twice in 3 slots but not in slot 1: {0, 2} is the only choice, one break.
    const input: ScheduleInput = {
      nSlots: 3,
      morningSlots: 3,
      tables: 2,
      participants: [{ id: 'X', forbiddenSlots: [1] }, ...people('A')],
      meetings: [
        { id: 'xa1', a: 'X', b: 'A' },
        { id: 'xa2', a: 'X', b: 'A' },
      ],
    };
    expect(check(input).status).toBe('unsatisfiable');
  });

  it('counts the tables through the participants’ windows', () => {
    expect(check(threeHubs(2)).status).toBe('unsatisfiable');
    const { status, state } = check(threeHubs(3));
    expect(status).toBe('satisfiable');
    expect(state!.violations).toBe(0);
    expect(state!.breaks).toBe(0);
  });

  it('keeps sessions, fixed slots and precedences', () => {
    // H meets P1..P3 back to back; P1's meeting is fixed to slot 3, P3 only meets in the afternoon
    // (slots 2-4) and P2's meeting must come after P3's: H's window is 2-4, P3 at 2, P2 at 4.
    const input: ScheduleInput = {
      nSlots: 5,
      morningSlots: 2,
      tables: 1,
      participants: [{ id: 'H' }, { id: 'P1' }, { id: 'P2' }, { id: 'P3', sessions: ['afternoon'] }],
      meetings: [
        { id: 'h1', a: 'H', b: 'P1', fixedSlot: 3 },
        { id: 'h2', a: 'H', b: 'P2', predecessors: ['h3'] },
        { id: 'h3', a: 'H', b: 'P3' },
      ],
    };
    const model = compileModel(input);
    runPreChecks(model);
    const zero = new ZeroBreakCheck(model, factory, now);
    expect(zero.solve(now() + 10_000)).toBe('satisfiable');
    expect(Array.from(zero.slots())).toEqual([3, 4, 2]);
    zero.dispose();
  });
});
