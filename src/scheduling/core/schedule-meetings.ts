// Entry point of the scheduler core: pre-checks, lower bound, local search, exact SAT search,
// repair, tables, report.
import { assignTables } from './assign-tables';
import { participantLowerBounds, runPreChecks } from './infeasibility-checks';
import { LocalSearch, type SearchOutcome } from './local-search';
import { searchFewBreaks } from './sat-break-cores';
import { runSatSearch, SAT_SOLVER_DEFAULTS, SAT_STRATEGY_DEFAULT } from './sat-search';
import { ZeroBreakCheck } from './sat-zero-break';
import { compileModel, type ScheduleModel, unplace } from './schedule-model';
import type { HelperOptions, ScheduleInput, ScheduleOptions, ScheduleResult, UnplacedMeeting } from './schedule-types';
import { SearchState, UNPLACED } from './search-state';
import { breakStats } from './validate-schedule';

export const SEARCH_FAILED = 'search found no placement within the time limit';

/** The annealing's extension while improving: at most this share of the budget in all… */
const EXTEND_SHARE = 0.55;
/** …and only while the last improvement is more recent than this share of the budget. */
const EXTEND_STALL = 0.03;
/** How long the core waits for a helper's answer once its own search has ended (same deadline). */
const HELPER_GRACE_MS = 300;

/**
 * The helper's run, unlike the caller's: the zero-break model first (for up to 30 % of the time,
 * where 0 is the lower bound), then the few-breaks search (sat-break-cores) for the rest, with
 * CaDiCaL's options of the SAT search; where that ends without a fair schedule, a 25 % annealing of
 * the time left and the SAT search. Measured on the JAIR 2022 originals (bench/b2b/README.md): the
 * caller's 45 % annealing and SAT search reach forum-13crafc's, tic-13crafc's and ticf-13crafc's
 * optima; the helper proves forum-14's and ticf-14crafa's in 3–7 s and reaches forum-13crafb's (6)
 * and ticf-13crafb's (3) in some runs, which no other step did within 10 s.
 */
export function helperOptions(options: ScheduleOptions, budgetMs: number): HelperOptions {
  return {
    timeLimitMs: budgetMs,
    seed: (options.seed ?? 1) + 1,
    fairnessD: options.fairnessD,
    annealShare: 0.25,
    satOptions: options.satOptions,
    satStrategy: { ...options.satStrategy, zeroFirstShare: 0.3, fewBreaksShare: 1 },
  };
}

export function scheduleMeetings(input: ScheduleInput, options: ScheduleOptions): ScheduleResult {
  const now = options.now ?? (() => performance.now());
  const start = now();
  const d = options.fairnessD ?? 2;
  const model = compileModel(input);
  runPreChecks(model);
  const lbPerParticipant = participantLowerBounds(model, d);
  const lowerBound = lbPerParticipant.reduce((s, v) => s + v, 0);

  // The exact step runs when its solver is injected.
  const exact = options.exact !== 'off' && options.satSolver !== undefined;
  const budget = Math.max(0, options.timeLimitMs - (now() - start));
  const begin = now();
  const deadline = begin + budget;
  const seed = options.seed ?? 1;
  const strategy = { ...SAT_STRATEGY_DEFAULT, ...options.satStrategy };
  let provenOptimal = false;
  let provenLower = lowerBound;
  const feasible = (s: SearchState) => s.violations === 0 && s.fairnessExcess(d) === 0;

  // With a helper (a second search on another thread), the better schedule of both is kept and
  // the first proof of optimality ends both searches.
  const helper = exact && options.helper ? options.helper(input, helperOptions(options, budget)) : null;
  const stop = helper || options.interrupt ? () => (options.interrupt?.() ?? false) || (helper?.solved() ?? false) : undefined;
  // A schedule without any break, where that is the lower bound: asked first of its own exact
  // model (sat-zero-break), which decides most events within a few seconds.
  const zeroShare = helper ? 0 : strategy.zeroFirstShare;
  const zero = exact && lowerBound === 0 && zeroShare > 0 ? new ZeroBreakCheck(model, options.satSolver!, now, stop) : null;
  let state: SearchState | null = null;
  let iterations = 0;
  try {
    const status = zero?.solve(begin + budget * zeroShare);
    if (status === 'satisfiable') {
      state = stateFromSlots(model, zero!.slots());
      provenOptimal = true;
    } else if (status === 'unsatisfiable') provenLower = 1;
  } finally {
    zero?.dispose();
  }
  // Few breaks (the helper's run): a lower bound from the participants that must have a break, then
  // schedules in which nobody has more than one, which needs fairness d ≥ 1.
  // Where it ends without a schedule (none fair, or only the bound's) the annealing's shares are of
  // the time left, not of the whole budget.
  let annealFrom = begin;
  let annealBudget = budget;
  if (!state && exact && strategy.fewBreaksShare > 0 && d >= 1 && !stop?.()) {
    const factory = options.satSolver!;
    const few = searchFewBreaks(model, (o) => factory({ ...SAT_SOLVER_DEFAULTS, ...options.satOptions, ...o }), now, Math.min(deadline, now() + budget * strategy.fewBreaksShare), provenLower, stop);
    provenLower = Math.max(provenLower, few.lowerBound);
    if (few.slots) {
      const found = stateFromSlots(model, few.slots);
      if (feasible(found)) {
        state = found;
        provenOptimal = state.breaks <= provenLower;
      }
    }
    annealFrom = now();
    annealBudget = Math.max(0, deadline - annealFrom);
  }
  if (!state) {
    // Annealing first (a share of the budget, all of it without an exact step), then the SAT
    // search on the whole problem.
    const share = exact ? (options.annealShare ?? 0.45) : 1;
    // With an exact step, the annealing may run on (up to EXTEND_SHARE of the budget) while it
    // still improves: a schedule about to reach its best is worth more than the same time in the solver.
    const search = new LocalSearch(model, {
      timeLimitMs: Math.max(0, Math.min(deadline, annealFrom + annealBudget * share) - now()),
      extendWhileImprovingMs: exact ? annealBudget * EXTEND_STALL : 0,
      maxTimeLimitMs: exact ? Math.max(0, Math.min(deadline, annealFrom + annealBudget * Math.max(share, EXTEND_SHARE)) - now()) : undefined,
      seed,
      d,
      lowerBound: provenLower,
      maxIterations: options.maxIterations ?? Number.MAX_SAFE_INTEGER,
      now,
      onProgress: options.onProgress,
      interrupt: stop,
    });
    const run: SearchOutcome = search.run();
    state = run.state;
    iterations = run.iterations;
  }
  if (exact && feasible(state) && state.breaks > provenLower && !stop?.()) {
    const sat = runSatSearch(model, state, {
      solver: options.satSolver!,
      solverOptions: options.satOptions,
      strategy,
      seed,
      d,
      lowerBound: provenLower,
      deadline,
      now,
      interrupt: stop,
    });
    provenOptimal = sat.provenOptimal;
    provenLower = sat.lowerBound;
  }
  if (helper) {
    const answer = helper.finish(provenOptimal || (feasible(state) && state.breaks <= provenLower) ? 0 : HELPER_GRACE_MS);
    if (answer?.feasible) {
      if (!feasible(state) || answer.breaks < state.breaks) {
        adoptSlots(state, answer.slots);
        provenOptimal = answer.optimal;
      }
      provenLower = Math.max(provenLower, answer.lowerBound);
    }
  }

  // Repair: drop the meeting in the most violations until the rest is feasible.
  while (state.violations > 0) {
    let worst = -1;
    let worstScore = -1;
    for (let m = 0; m < model.M; m++) {
      if (!model.active[m] || state.slot[m] === UNPLACED) continue;
      const score = state.violationsOf(m) * 2 + (model.pinned[m] < 0 ? 1 : 0);
      if (state.violationsOf(m) > 0 && score > worstScore) {
        worstScore = score;
        worst = m;
      }
    }
    if (worst < 0) break;
    state.relocate(worst, UNPLACED);
    unplace(model, worst, SEARCH_FAILED);
  }

  const timed: Array<{ meetingId: string; slot: number }> = [];
  for (let m = 0; m < model.M; m++) if (model.active[m] && state.slot[m] >= 0) timed.push({ meetingId: model.meetingIds[m], slot: state.slot[m] });
  const tables = assignTables(input, timed);
  const unplaced: UnplacedMeeting[] = [...model.reasons.entries()].sort((x, y) => x[0] - y[0]).map(([m, reasons]) => ({ meetingId: model.meetingIds[m], reasons }));
  const stats = breakStats(input, tables.assignments);
  const fairnessHolds = stats.fairness <= d;
  const complete = unplaced.length === 0;
  if (options.onProgress) options.onProgress(1, fairnessHolds ? stats.breaksTotal : null);
  const warnings = [...model.warnings, ...tables.warnings];
  if (!fairnessHolds) warnings.push(`fairness d=${d} not reached: max - min breaks is ${stats.fairness} (infeasible, or not found within the time limit)`);
  return {
    assignments: tables.assignments,
    unplaced,
    report: {
      meetings: input.meetings.length,
      placed: tables.assignments.length,
      unplaced: unplaced.length,
      breaksTotal: stats.breaksTotal,
      maxBreaks: stats.maxBreaks,
      minBreaks: stats.minBreaks,
      fairness: stats.fairness,
      fairnessD: d,
      fairnessHolds,
      // Bounds the SAT search refuted raise the lower bound (to the schedule's own total when proven optimal).
      lowerBound: complete && fairnessHolds ? Math.max(provenLower, provenOptimal ? stats.breaksTotal : 0) : lowerBound,
      optimal: complete && fairnessHolds && (provenOptimal || stats.breaksTotal <= provenLower),
      tableChanges: tables.tableChanges,
      elapsedMs: Math.round(now() - start),
      iterations,
      warnings,
    },
  };
}

/** A search state holding the given slots (a model of an exact step). */
function stateFromSlots(model: ScheduleModel, slots: Int32Array): SearchState {
  const state = new SearchState(model);
  adoptSlots(state, slots);
  return state;
}

function adoptSlots(state: SearchState, slots: Int32Array): void {
  for (let m = 0; m < slots.length; m++) if (state.model.active[m]) state.relocate(m, slots[m]);
}
