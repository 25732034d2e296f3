import { runPreChecks } from './infeasibility-checks';
import { compileModel } from './schedule-model';
import { scheduleMeetings } from './schedule-meetings';
import type { ScheduleInput } from './schedule-types';
import { atMostOne, Cnf, encodeSchedule, totalizer } from './sat-encoding';
import { runSatSearch, type SatSolverFactory } from './sat-search';
import { SearchState } from './search-state';
import { validateSchedule } from './validate-schedule';
import { loadCadicalSatSolver } from '../cadical-loader';
import { people } from './schedule-fixtures.spec-helper';

const now = () => performance.now();
const later = () => now() + 10_000;

// CaDiCaL (Wasm) is loaded once, as the service and the bench do, and injected.
let factory: SatSolverFactory;
beforeAll(async () => {
  factory = await loadCadicalSatSolver();
});

function solverWith(lits: readonly number[]) {
  const s = factory();
  let clause: number[] = [];
  for (const l of lits) {
    if (l !== 0) clause.push(l);
    else {
      s.addClause(clause);
      clause = [];
    }
  }
  return s;
}

/** Is there a schedule of the input with at most `bound` breaks and fairness d? */
function feasibleWithin(input: ScheduleInput, d: number, bound: number, totalCap = bound + 1): boolean {
  const model = compileModel(input);
  runPreChecks(model);
  const enc = encodeSchedule(model, { d, totalCap });
  const s = solverWith(enc.cnf.lits);
  if (enc.totalAtLeast.length > bound) s.addClause([-enc.totalAtLeast[bound]]);
  const status = s.solve();
  s.dispose();
  return status === 'satisfiable';
}

function stateAt(input: ScheduleInput, slots: Record<string, number>) {
  const model = compileModel(input);
  runPreChecks(model);
  const st = new SearchState(model);
  input.meetings.forEach((m, i) => st.relocate(i, slots[m.id]));
  return { model, st };
}

// X cannot meet in slot 1 of 3, so X and its partner A (two meetings) both keep one break.
// Y and B (two meetings too) can meet back to back, or take a break to match X and A.
const forcedBreaks: ScheduleInput = {
  nSlots: 3,
  morningSlots: 3,
  tables: 2,
  participants: [{ id: 'X', forbiddenSlots: [1] }, ...people('A', 'Y', 'B')],
  meetings: [
    { id: 'xa1', a: 'X', b: 'A' },
    { id: 'xa2', a: 'X', b: 'A' },
    { id: 'yb1', a: 'Y', b: 'B' },
    { id: 'yb2', a: 'Y', b: 'B' },
  ],
};

// A meets B, C, D; X meets Y; one table: A's three meetings fit back to back (0 breaks).
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

describe('sat-encoding building blocks', () => {
  it('totalizer: at most k of n inputs', () => {
    for (const k of [0, 1, 2]) {
      const cnf = new Cnf();
      const xs = [cnf.newVar(), cnf.newVar(), cnf.newVar(), cnf.newVar()];
      const out = totalizer(cnf, xs, k + 1);
      cnf.add(-out[k]);
      const s = solverWith(cnf.lits);
      // k true inputs fit, k + 1 do not.
      expect(s.solve({ assumptions: xs.slice(0, k) })).toBe('satisfiable');
      expect(s.solve({ assumptions: xs.slice(0, k + 1) })).toBe('unsatisfiable');
    }
  });

  it('atMostOne: pairwise and ladder forms reject two true literals only', () => {
    for (const n of [3, 9]) {
      const cnf = new Cnf();
      const xs = Array.from({ length: n }, () => cnf.newVar());
      atMostOne(cnf, xs);
      const s = solverWith(cnf.lits);
      expect(s.solve({ assumptions: [xs[n - 1]] })).toBe('satisfiable');
      expect(s.solve({ assumptions: [xs[0], xs[n - 1]] })).toBe('unsatisfiable');
      expect(s.solve({ assumptions: [xs[1], xs[2]] })).toBe('unsatisfiable');
    }
  });
});

describe('encodeSchedule', () => {
  it('bounds the total breaks exactly: 0 is reachable when back-to-back meetings are possible', () => {
    expect(feasibleWithin(blocked, 2, 0)).toBe(true);
  });

  it('a forbidden middle slot forces breaks: optimum 2 with d = 1 (X and A), not 1', () => {
    expect(feasibleWithin(forcedBreaks, 1, 1, 4)).toBe(false);
    expect(feasibleWithin(forcedBreaks, 1, 2, 4)).toBe(true);
  });

  it('fairness with a positive minimum: d = 0 makes Y and B take a break too (optimum 4)', () => {
    // Everyone has two meetings, so the minimum is not 0 by default: the level encoding is used.
    expect(feasibleWithin(forcedBreaks, 0, 3, 4)).toBe(false);
    expect(feasibleWithin(forcedBreaks, 0, 4, 4)).toBe(true);
  });

  it('keeps fixed slots and precedences hard', () => {
    const input: ScheduleInput = {
      ...blocked,
      meetings: [
        { id: 'ab', a: 'A', b: 'B', fixedSlot: 0 },
        { id: 'xy', a: 'X', b: 'Y', fixedSlot: 1 },
        { id: 'ac', a: 'A', b: 'C' },
        { id: 'ad', a: 'A', b: 'D', predecessors: ['ac'] },
      ],
    };
    // xy sits between ab and A's other meetings: A must break once.
    expect(feasibleWithin(input, 2, 0)).toBe(false);
    expect(feasibleWithin(input, 2, 1)).toBe(true);
    const model = compileModel(input);
    runPreChecks(model);
    const enc = encodeSchedule(model, { d: 2, totalCap: 2 });
    const s = solverWith(enc.cnf.lits);
    expect(s.solve()).toBe('satisfiable');
    const slotOf = (m: number) => [0, 1, 2, 3].find((t) => enc.xVar[m * 4 + t] && s.value(enc.xVar[m * 4 + t]));
    expect(slotOf(0)).toBe(0);
    expect(slotOf(1)).toBe(1);
    expect(slotOf(2)!).toBeLessThan(slotOf(3)!);
  });
});

describe('runSatSearch', () => {
  it('improves a schedule with breaks to the optimum and proves it', () => {
    const { model, st } = stateAt(blocked, { ab: 0, xy: 1, ac: 2, ad: 3 });
    expect(st.breaks).toBe(1);
    const out = runSatSearch(model, st, { solver: factory, d: 2, lowerBound: -1, deadline: later(), now });
    expect(st.breaks).toBe(0);
    expect(st.violations).toBe(0);
    expect(out.improvements).toBe(1);
    expect(out.provenOptimal).toBe(true);
  });

  it('proves an already optimal schedule optimal without moving it', () => {
    const { model, st } = stateAt(forcedBreaks, { xa1: 0, xa2: 2, yb1: 0, yb2: 1 });
    expect(st.breaks).toBe(2);
    const out = runSatSearch(model, st, { solver: factory, d: 1, lowerBound: 0, deadline: later(), now });
    expect(out.improvements).toBe(0);
    expect(out.provenOptimal).toBe(true);
    expect(st.breaks).toBe(2);
  });

  const slotsOf = (input: ScheduleInput, st: SearchState) => Object.fromEntries(input.meetings.map((m, i) => [m.id, st.slot[i]]));

  it('keeps locked meetings in place and avoids forbidden slots', () => {
    // A meets B (locked in slot 0), C and D; C cannot meet in slot 1. Without a break A needs slots
    // 0, 1, 2, so the only optimum is ad in 1 and ac in 2.
    const input: ScheduleInput = {
      nSlots: 5,
      tables: 2,
      participants: [...people('A', 'B', 'D'), { id: 'C', forbiddenSlots: [1] }],
      meetings: [
        { id: 'ab', a: 'A', b: 'B', locked: { slot: 0, table: 1 } },
        { id: 'ac', a: 'A', b: 'C' },
        { id: 'ad', a: 'A', b: 'D' },
      ],
    };
    const { model, st } = stateAt(input, { ab: 0, ac: 2, ad: 4 });
    expect(st.breaks).toBe(2);
    const out = runSatSearch(model, st, { solver: factory, d: 2, lowerBound: 0, deadline: later(), now });
    expect(slotsOf(input, st)).toEqual({ ab: 0, ad: 1, ac: 2 });
    expect(st.breaks).toBe(0);
    expect(out.provenOptimal).toBe(true);
  });

  it('keeps meetings in their sessions', () => {
    // ab is a morning meeting (slots 0, 1), ac an afternoon one (2, 3), D only free in the
    // afternoon: A's three meetings are back to back only with ab in slot 1.
    const input: ScheduleInput = {
      nSlots: 4,
      slotSessions: ['morning', 'morning', 'afternoon', 'afternoon'],
      tables: 2,
      participants: [...people('A', 'B', 'C'), { id: 'D', sessions: ['afternoon'] }],
      meetings: [
        { id: 'ab', a: 'A', b: 'B', session: 'morning' },
        { id: 'ac', a: 'A', b: 'C', session: 'afternoon' },
        { id: 'ad', a: 'A', b: 'D' },
      ],
    };
    const { model, st } = stateAt(input, { ab: 0, ac: 2, ad: 3 });
    expect(st.breaks).toBe(1);
    const out = runSatSearch(model, st, { solver: factory, d: 2, lowerBound: 0, deadline: later(), now });
    expect(st.slot[0]).toBe(1);
    expect(st.breaks).toBe(0);
    expect(st.violations).toBe(0);
    expect(out.provenOptimal).toBe(true);
  });

  it('holds the fairness bound: the same start improves with d = 1 but is optimal with d = 0', () => {
    // X and A cannot avoid a break (X is away in slot 1); Y and B may meet back to back only if
    // the spread of breaks (1 vs 0) is allowed.
    const start = { xa1: 0, xa2: 2, yb1: 0, yb2: 2 };
    const strict = stateAt(forcedBreaks, start);
    expect(strict.st.breaks).toBe(4);
    const fair = runSatSearch(strict.model, strict.st, { solver: factory, d: 0, lowerBound: 0, deadline: later(), now });
    expect(strict.st.breaks).toBe(4);
    expect(fair.provenOptimal).toBe(true);
    expect(fair.lowerBound).toBe(4);

    const loose = stateAt(forcedBreaks, start);
    const out = runSatSearch(loose.model, loose.st, { solver: factory, d: 1, lowerBound: 0, deadline: later(), now });
    expect(loose.st.breaks).toBe(2);
    expect(loose.st.fairnessExcess(1)).toBe(0);
    expect(out.provenOptimal).toBe(true);
    expect(out.lowerBound).toBe(2);
  });

  it('keeps the schedule when the deadline has passed (no proof claimed)', () => {
    const { model, st } = stateAt(blocked, { ab: 0, xy: 1, ac: 2, ad: 3 });
    const before = st.slot.slice();
    const out = runSatSearch(model, st, { solver: factory, d: 2, lowerBound: 0, deadline: now() - 1, now });
    expect(out.provenOptimal).toBe(false);
    expect(out.improvements).toBe(0);
    expect(st.slot).toEqual(before);
    expect(st.breaks).toBe(1);
  });
});

describe('scheduleMeetings with the SAT step', () => {
  it('reports a proven optimum above the participant lower bound', () => {
    const result = scheduleMeetings(forcedBreaks, { timeLimitMs: 2000, fairnessD: 0, maxIterations: 2000, satSolver: factory });
    expect(result.report.breaksTotal).toBe(4);
    expect(result.report.optimal).toBe(true);
    expect(result.report.lowerBound).toBe(4);
    expect(validateSchedule(forcedBreaks, result, 0).valid).toBe(true);
  });

  it('runs no SAT step without a solver or with exact: off', () => {
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
    // With this seed the greedy start alone (no annealing iterations) leaves one break.
    for (const options of [{}, { satSolver: factory, exact: 'off' as const }]) {
      const r = scheduleMeetings(input, { timeLimitMs: 60_000, seed: 1, maxIterations: 0, ...options });
      expect(r.report.breaksTotal).toBe(1);
      expect(r.report.optimal).toBe(false);
    }
    const r = scheduleMeetings(input, { timeLimitMs: 60_000, seed: 1, maxIterations: 0, satSolver: factory });
    const check = validateSchedule(input, r, 2);
    expect(check.valid && check.complete).toBe(true);
    expect(r.report.breaksTotal).toBe(0);
    expect(r.report.optimal).toBe(true);
  });
});
