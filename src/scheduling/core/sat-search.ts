// Exact improvement step on one SAT model of the whole problem (sat-encoding), solved by an injected
// incremental SAT solver (CaDiCaL in production, loaded outside the core). The best schedule so far
// is the solver's initial phase (solution-guided search) and the total-breaks bound sits one below
// it. Each model found tightens the bound (learnt clauses carry over); an unsatisfiable bound proves
// the best schedule optimal.
import type { ScheduleModel } from './schedule-model';
import { encodeSchedule, type ScheduleCnf } from './sat-encoding';
import type { SearchState } from './search-state';

export type SatStatus = 'satisfiable' | 'unsatisfiable' | 'unknown';

/** The incremental (IPASIR-style) solver the SAT step needs; CaDiCaL's Wasm build fits it as is. */
export interface IncrementalSatSolver {
  addClause(lits: readonly number[]): void;
  /** Assumptions hold for this call only; `conflicts` gives up ('unknown') after that many. */
  solve(options?: { assumptions?: readonly number[]; conflicts?: number }): SatStatus;
  /** After a satisfiable call: is the literal true in the model? */
  value(lit: number): boolean;
  /** Preferred decision value of a variable. */
  phase(lit: number): void;
  /** Polled during a call; returning true aborts it with 'unknown'. */
  setTerminate(callback: (() => boolean) | null): void;
  dispose(): void;
}

/** Creates a fresh solver; options are solver-specific tuning switches (e.g. CaDiCaL's). */
export type SatSolverFactory = (options?: Record<string, number | boolean>) => IncrementalSatSolver;

export interface SatSearchParams {
  solver: SatSolverFactory;
  d: number;
  lowerBound: number;
  deadline: number;
  now: () => number;
  /** Solver options, overriding the defaults below. */
  solverOptions?: Record<string, number | boolean>;
  /** Search strategy (tuning); defaults to SAT_STRATEGY_DEFAULT. */
  strategy?: SatStrategy;
  /** Diagnostics hook: one line per call. */
  log?: (line: string) => void;
}

export interface SatStrategy {
  /** Conflict budget of each lower-bound probe (0: no probes). */
  probeConflicts: number;
  /** Bound of the unbudgeted calls: the lowest open one ('jump') or one below the best ('down'). */
  target: 'jump' | 'down';
}

/**
 * Measured on the JAIR 2022 instances (bench/b2b/README.md): jumping to the lowest open bound found
 * the optima of forum-14 and ticf-14crafa within the time limit, stepping down from the best did
 * not; budgets alternating between both bounds found neither.
 */
export const SAT_STRATEGY_DEFAULT: SatStrategy = { probeConflicts: 2000, target: 'jump' };

export interface SatSearchOutcome {
  steps: number;
  improvements: number;
  /** True when the whole problem was proven to have no schedule below the returned one. */
  provenOptimal: boolean;
  /** Lower bound on the total breaks: the given one, raised by every refuted bound. */
  lowerBound: number;
}

/**
 * CaDiCaL options measured on the JAIR 2022 instances (bench/b2b/README.md): staying in stable
 * mode (long runs around the guiding phases) found the low bounds' models clearly sooner.
 */
export const SAT_SOLVER_DEFAULTS: Record<string, number | boolean> = { stabilizeonly: 1 };

export function runSatSearch(model: ScheduleModel, st: SearchState, params: SatSearchParams): SatSearchOutcome {
  const out: SatSearchOutcome = { steps: 0, improvements: 0, provenOptimal: false, lowerBound: params.lowerBound };
  const { M, T, active, pinned } = model;
  if (st.violations > 0 || st.fairnessExcess(params.d) > 0 || st.breaks <= params.lowerBound) return out;
  const movable: number[] = [];
  for (let m = 0; m < M; m++) if (active[m] && pinned[m] < 0 && st.slot[m] >= 0) movable.push(m);
  if (movable.length === 0) return out;
  for (let m = 0; m < M; m++) if (active[m] && st.slot[m] < 0) return out;

  const enc: ScheduleCnf = encodeSchedule(model, { d: params.d, totalCap: st.breaks });
  const solver = params.solver({ ...SAT_SOLVER_DEFAULTS, ...params.solverOptions });
  try {
    addAll(solver, enc.cnf.lits);
    // Start from the current schedule: forced phases on the meeting variables.
    const rephase = () => {
      for (let m = 0; m < M; m++) {
        for (let t = 0; t < T; t++) {
          const v = enc.xVar[m * T + t];
          if (v) solver.phase(st.slot[m] === t ? v : -v);
        }
      }
    };
    rephase();
    const { deadline, now } = params;
    params.log?.(`encoded: ${enc.cnf.numVars} variables, ${enc.cnf.numClauses} clauses`);
    solver.setTerminate(() => now() >= deadline);
    let best = st.breaks;
    let lower = Math.max(0, params.lowerBound);
    // Demands fewer breaks than the best schedule; false when that is already known impossible.
    const tighten = (): boolean => {
      if (best <= 0 || enc.totalAtLeast.length < best) return false;
      solver.addClause([-enc.totalAtLeast[best - 1]]);
      return true;
    };
    if (!tighten()) {
      out.provenOptimal = true;
      out.lowerBound = Math.max(out.lowerBound, best);
      return out;
    }
    const strategy = params.strategy ?? SAT_STRATEGY_DEFAULT;
    // 1. Lower bounds from below: bounds lower, lower + 1, … with a small conflict budget each, until
    //    one is not refuted in its budget (a model found on the way is adopted).
    // 2. Then one target at a time, without a budget: the lowest open bound ('jump') or one below
    //    the best schedule ('down'). A model tightens the best, a refutation raises the lower bound.
    const attempt = (k: number, conflicts: number | undefined): SatStatus | 'rejected' => {
      out.steps++;
      const top = k === best - 1;
      const status = solver.solve({ assumptions: top ? [] : [-enc.totalAtLeast[k]], conflicts });
      params.log?.(`bound ${k} (${lower}..${best - 1}, budget ${conflicts ?? '-'}) -> ${status}`);
      if (status === 'unsatisfiable') lower = k + 1;
      else if (status === 'satisfiable') {
        if (!adoptModel(solver, enc, model, st, movable, params.d, best)) {
          params.log?.('model rejected by the schedule checks');
          return 'rejected';
        }
        out.improvements++;
        best = st.breaks;
        if (!tighten()) lower = Math.max(lower, best);
        rephase();
      }
      return status;
    };
    if (strategy.probeConflicts > 0) {
      while (lower < best && now() < deadline) {
        const status = attempt(lower, strategy.probeConflicts);
        if (status === 'unknown' || status === 'rejected') break;
      }
    }
    while (lower < best && now() < deadline) {
      const status = attempt(strategy.target === 'jump' ? lower : best - 1, undefined);
      if (status === 'unknown' || status === 'rejected') break;
    }
    out.provenOptimal = best <= lower;
    out.lowerBound = Math.max(out.lowerBound, Math.min(lower, best));
    return out;
  } finally {
    solver.setTerminate(null);
    solver.dispose();
  }
}

function addAll(solver: IncrementalSatSolver, lits: readonly number[]): void {
  let from = 0;
  for (let i = 0; i < lits.length; i++) {
    if (lits[i] !== 0) continue;
    solver.addClause(lits.slice(from, i));
    from = i + 1;
  }
}

/**
 * Moves the schedule to the solver's model when it is a feasible schedule with fewer than `best`
 * breaks (the encoding guarantees it; the search state re-checks). Otherwise restores the schedule.
 */
function adoptModel(
  solver: IncrementalSatSolver,
  enc: ScheduleCnf,
  model: ScheduleModel,
  st: SearchState,
  movable: readonly number[],
  d: number,
  best: number,
): boolean {
  const T = model.T;
  const previous = st.slot.slice();
  for (const m of movable) {
    for (let t = 0; t < T; t++) {
      const v = enc.xVar[m * T + t];
      if (v && solver.value(v)) {
        st.relocate(m, t);
        break;
      }
    }
  }
  if (st.violations > 0 || st.fairnessExcess(d) > 0 || st.breaks >= best) {
    for (const m of movable) st.relocate(m, previous[m]);
    return false;
  }
  return true;
}
