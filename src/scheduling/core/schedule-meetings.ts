// Entry point of the scheduler core: pre-checks, lower bound, local search, exact SAT search,
// repair, tables, report.
import { assignTables } from './assign-tables';
import { participantLowerBounds, runPreChecks } from './infeasibility-checks';
import { LocalSearch, type SearchOutcome } from './local-search';
import { runSatSearch } from './sat-search';
import { compileModel, unplace } from './schedule-model';
import type { ScheduleInput, ScheduleOptions, ScheduleResult, UnplacedMeeting } from './schedule-types';
import { type SearchState, UNPLACED } from './search-state';
import { breakStats } from './validate-schedule';

export const SEARCH_FAILED = 'search found no placement within the time limit';

/** The annealing's extension while improving: at most this share of the budget in all… */
const EXTEND_SHARE = 0.55;
/** …and only while the last improvement is more recent than this share of the budget. */
const EXTEND_STALL = 0.03;

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
  const deadline = now() + budget;
  const seed = options.seed ?? 1;
  // Annealing first (a share of the budget, all of it without an exact step), then the SAT search
  // on the whole problem.
  const share = exact ? (options.annealShare ?? 0.45) : 1;
  // With an exact step, the annealing may run on (up to EXTEND_SHARE of the budget) while it still
  // improves: a schedule about to reach its best is worth more than the same time in the solver.
  const search = new LocalSearch(model, {
    timeLimitMs: Math.max(0, Math.min(deadline, now() + budget * share) - now()),
    extendWhileImprovingMs: exact ? budget * EXTEND_STALL : 0,
    maxTimeLimitMs: exact ? Math.max(0, Math.min(deadline, now() + budget * Math.max(share, EXTEND_SHARE)) - now()) : undefined,
    seed,
    d,
    lowerBound,
    maxIterations: options.maxIterations ?? Number.MAX_SAFE_INTEGER,
    now,
    onProgress: options.onProgress,
  });
  const run: SearchOutcome = search.run();
  const state: SearchState = run.state;
  const iterations = run.iterations;
  let provenOptimal = false;
  let provenLower = lowerBound;
  const feasible = (s: SearchState) => s.violations === 0 && s.fairnessExcess(d) === 0;
  if (exact && feasible(state) && state.breaks > lowerBound) {
    if (options.satSolver) {
      const sat = runSatSearch(model, state, {
        solver: options.satSolver,
        solverOptions: options.satOptions,
        strategy: options.satStrategy,
        seed,
        d,
        lowerBound,
        deadline,
        now,
      });
      provenOptimal = sat.provenOptimal;
      provenLower = sat.lowerBound;
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
      optimal: complete && fairnessHolds && (provenOptimal || stats.breaksTotal <= lowerBound),
      tableChanges: tables.tableChanges,
      elapsedMs: Math.round(now() - start),
      iterations,
      warnings,
    },
  };
}
