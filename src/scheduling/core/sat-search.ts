// Exact improvement step on one SAT model of the whole problem (sat-encoding), solved by an injected
// incremental SAT solver (CaDiCaL in production, loaded outside the core). The best schedule so far
// is the solver's initial phase (solution-guided search) and the total-breaks bound sits one below
// it. Each model found tightens the bound (learnt clauses carry over); an unsatisfiable bound proves
// the best schedule optimal. With a wide gap between the best schedule and the lowest open bound
// that the solver does not close in half the time left, a large-neighbourhood search (sat-lns)
// improves the best on the same solver before the lowest bound is tried again.
import type { ScheduleModel } from './schedule-model';
import { encodeSchedule, type ScheduleCnf } from './sat-encoding';
import type { SearchState } from './search-state';
import { LNS_TUNING_DEFAULT, type LnsTuning, NEIGHBOURHOOD_KINDS, NeighbourhoodPicker } from './sat-lns';

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
  /** After an unsatisfiable call: was this assumption used in the refutation? (optional) */
  failed?(lit: number): boolean;
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
  strategy?: Partial<SatStrategy>;
  /** Diagnostics hook: one line per call. */
  log?: (line: string) => void;
  /** Seed of the neighbourhood choice (deterministic for a given seed). */
  seed?: number;
  /** Polled during the calls: true ends the search (e.g. a helper thread found an optimal schedule). */
  interrupt?: () => boolean;
}

export interface SatStrategy {
  /** Conflict budget of each lower-bound probe (0: no probes). */
  probeConflicts: number;
  /** Bound of the unbudgeted calls: the lowest open one ('jump') or one below the best ('down'). */
  target: 'jump' | 'down';
  /**
   * Large-neighbourhood search between the probes and the unbudgeted calls: at most this share of
   * the time left after the probes (0: none).
   */
  lnsShare: number;
  /**
   * LNS only when the probes leave at least this gap between the best schedule and the lowest open
   * bound: a small gap is closed sooner by the unbudgeted call at the lowest bound.
   */
  lnsMinGap: number;
  /** With such a gap, the unbudgeted call at the lowest bound first gets this share of the time left. */
  jumpFirstShare: number;
  /** Diagnostics: unbudgeted calls in slices of this many conflicts (counts the conflicts a call needs). */
  slice?: number;
  /** Neighbourhood tuning (conflict budget, sizes). */
  lns?: Partial<LnsTuning>;
  /**
   * Where the lower bound is 0 and no helper thread runs the zero-break model (sat-zero-break): the
   * share of the budget it gets here, before the annealing (0: none).
   */
  zeroFirstShare: number;
  /**
   * After the zero-break model and before the annealing: the share of the budget for the few-breaks
   * search (sat-break-cores: a lower bound from the participants that must have a break, then
   * schedules with one break per participant at most; 0: none). The helper thread's run uses it.
   */
  fewBreaksShare: number;
}

/**
 * Measured on the JAIR 2022 instances (bench/b2b/README.md): jumping to the lowest open bound found
 * the optima of forum-14 and ticf-14crafa within the time limit, stepping down from the best did
 * not; budgets alternating between both bounds found neither. LNS before the jump took the time
 * forum-14 (gap 3) and ticf-14crafa.fixed020-Forb (gap 11) needed, but improved forum-13crafb and
 * ticf-13crafb, whose lowest open bounds hold no schedule: hence LNS only after half the time left at
 * the lowest bound, and only for a gap of 4 or more.
 */
export const SAT_STRATEGY_DEFAULT: SatStrategy = { probeConflicts: 2000, target: 'jump', lnsShare: 0.75, lnsMinGap: 4, jumpFirstShare: 0.5, zeroFirstShare: 0.1, fewBreaksShare: 0 };

export interface SatSearchOutcome {
  steps: number;
  improvements: number;
  /** True when the whole problem was proven to have no schedule below the returned one. */
  provenOptimal: boolean;
  /** Lower bound on the total breaks: the given one, raised by every refuted bound. */
  lowerBound: number;
  /** Neighbourhood calls and the improvements they found. */
  lnsCalls: number;
  lnsImprovements: number;
}

/**
 * CaDiCaL options measured on the JAIR 2022 instances (bench/b2b/README.md): staying in stable
 * mode (long runs around the guiding phases) found the low bounds' models clearly sooner.
 */
export const SAT_SOLVER_DEFAULTS: Record<string, number | boolean> = { stabilizeonly: 1 };

export function runSatSearch(model: ScheduleModel, st: SearchState, params: SatSearchParams): SatSearchOutcome {
  const out: SatSearchOutcome = { steps: 0, improvements: 0, provenOptimal: false, lowerBound: params.lowerBound, lnsCalls: 0, lnsImprovements: 0 };
  const { M, T, active, pinned } = model;
  if (st.violations > 0 || st.fairnessExcess(params.d) > 0 || st.breaks <= params.lowerBound) return out;
  const movable: number[] = [];
  for (let m = 0; m < M; m++) if (active[m] && pinned[m] < 0 && st.slot[m] >= 0) movable.push(m);
  if (movable.length === 0) return out;
  for (let m = 0; m < M; m++) if (active[m] && st.slot[m] < 0) return out;

  const strategy = { ...SAT_STRATEGY_DEFAULT, ...params.strategy };
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
    // The running call stops at stopAt (the deadline, or the end of a time slice).
    let stopAt = deadline;
    const interrupted = params.interrupt ?? (() => false);
    solver.setTerminate(() => now() >= stopAt || interrupted());
    const before = (time: number) => now() < time && !interrupted();
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
    // 1. Lower bounds from below: bounds lower, lower + 1, … with a small conflict budget each, until
    //    one is not refuted in its budget (a model found on the way is adopted).
    // 2. Then one target at a time, without a budget: the lowest open bound ('jump') or one below
    //    the best schedule ('down'). A model tightens the best, a refutation raises the lower bound.
    // The solver's model becomes the best schedule (false when the schedule checks reject it).
    const adopt = (): boolean => {
      if (!adoptModel(solver, enc, model, st, movable, params.d, best)) return false;
      out.improvements++;
      best = st.breaks;
      if (!tighten()) lower = Math.max(lower, best);
      rephase();
      return true;
    };
    const attempt = (k: number, conflicts: number | undefined): SatStatus | 'rejected' => {
      out.steps++;
      const top = k === best - 1;
      const status = solver.solve({ assumptions: top ? [] : [-enc.totalAtLeast[k]], conflicts });
      params.log?.(`bound ${k} (${lower}..${best - 1}, budget ${conflicts ?? '-'}) -> ${status}`);
      if (status === 'unsatisfiable') lower = k + 1;
      else if (status === 'satisfiable' && !adopt()) {
        params.log?.('model rejected by the schedule checks');
        return 'rejected';
      }
      return status;
    };
    // Unbudgeted calls (in slices of strategy.slice conflicts when set) until `until`: the lowest open
    // bound ('jump') or one below the best ('down').
    const solveOpen = (until: number): void => {
      stopAt = until;
      let slices = 0;
      while (lower < best && before(until)) {
        const status = attempt(strategy.target === 'jump' ? lower : best - 1, strategy.slice);
        if (status === 'unknown' && strategy.slice && before(until)) {
          slices++;
          continue;
        }
        if (strategy.slice) params.log?.(`${slices} slices of ${strategy.slice} conflicts`);
        slices = 0;
        if (status === 'unknown' || status === 'rejected') break;
      }
      stopAt = deadline;
    };
    if (strategy.probeConflicts > 0) {
      while (lower < best && before(deadline)) {
        const status = attempt(lower, strategy.probeConflicts);
        if (status === 'unknown' || status === 'rejected') break;
      }
    }
    params.log?.(`after the probes: best ${best}, lowest open bound ${lower}`);
    if (strategy.lnsShare > 0 && best - lower >= strategy.lnsMinGap && before(deadline)) {
      // The lowest bound first, for a slice of the time: where it is feasible it is usually found
      // soon (and the gap closed at once); where it is not, the neighbourhoods improve the best.
      if (strategy.jumpFirstShare > 0) solveOpen(now() + (deadline - now()) * strategy.jumpFirstShare);
    }
    if (strategy.lnsShare > 0 && best - lower >= strategy.lnsMinGap && before(deadline)) {
      const lnsEnd = now() + (deadline - now()) * strategy.lnsShare;
      const tuning = { ...LNS_TUNING_DEFAULT, ...strategy.lns };
      const picker = new NeighbourhoodPicker(model, movable, params.seed ?? 1, tuning);
      const assumptions: number[] = [];
      const meetingOf = new Map<number, number>();
      let round = 0;
      let refuted = 0;
      let unknown = 0;
      while (lower < best && before(lnsEnd)) {
        const kind = NEIGHBOURHOOD_KINDS[round++ % NEIGHBOURHOOD_KINDS.length];
        const free = picker.pick(st, kind);
        // Every meeting outside the neighbourhood keeps its slot; the bound is already best − 1.
        assumptions.length = 0;
        meetingOf.clear();
        for (const m of movable) {
          if (free[m]) continue;
          const v = enc.xVar[m * T + st.slot[m]];
          assumptions.push(v);
          meetingOf.set(v, m);
        }
        out.lnsCalls++;
        const status = solver.solve({ assumptions, conflicts: tuning.conflicts });
        if (status === 'satisfiable') {
          if (!adopt()) {
            params.log?.('lns model rejected by the schedule checks');
            break;
          }
          out.lnsImprovements++;
          params.log?.(`lns ${kind} free ${picker.size()} -> ${best}`);
          picker.feedback('improved');
        } else if (status === 'unsatisfiable') {
          const blocking = (solver.failed ? assumptions.filter((v) => solver.failed!(v)) : assumptions).map((v) => meetingOf.get(v)!);
          if (blocking.length === 0) {
            // Refuted without any fixed meeting: no schedule beats the best at all.
            lower = best;
            params.log?.(`lns ${kind}: bound ${best - 1} refuted`);
            break;
          }
          picker.feedback('refuted', blocking);
          refuted++;
        } else {
          picker.feedback('unknown');
          unknown++;
        }
      }
      params.log?.(`lns: ${out.lnsCalls} calls, ${out.lnsImprovements} improvements, ${refuted} refuted, ${unknown} unknown, share ${picker.share.toFixed(2)}`);
    }
    solveOpen(deadline);
    out.provenOptimal = best <= lower;
    out.lowerBound = Math.max(out.lowerBound, Math.min(lower, best));
    return out;
  } finally {
    solver.setTerminate(null);
    solver.dispose();
  }
}

/** Adds clauses given in DIMACS convention (each terminated by 0). */
export function addAll(solver: IncrementalSatSolver, lits: readonly number[]): void {
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
    const t = modelSlot(solver, enc.xVar, T, m);
    if (t >= 0) st.relocate(m, t);
  }
  if (st.violations > 0 || st.fairnessExcess(d) > 0 || st.breaks >= best) {
    for (const m of movable) st.relocate(m, previous[m]);
    return false;
  }
  return true;
}

/** After a satisfiable call: meeting m's slot in the model (xVar as encodeMeetings numbers it), −1 without one. */
export function modelSlot(solver: IncrementalSatSolver, xVar: Int32Array, T: number, m: number): number {
  for (let t = 0; t < T; t++) {
    const v = xVar[m * T + t];
    if (v && solver.value(v)) return t;
  }
  return -1;
}

/** After a satisfiable call: the slot of every meeting (−1 for the inactive ones). */
export function modelSlots(solver: IncrementalSatSolver, xVar: Int32Array, model: { M: number; T: number }): Int32Array {
  return Int32Array.from({ length: model.M }, (_, m) => modelSlot(solver, xVar, model.T, m));
}
