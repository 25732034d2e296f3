// Entry point of the scheduler core: pre-checks, lower bound, local search, repair, tables, report.
import { assignTables } from './assign-tables';
import { participantLowerBounds, runPreChecks } from './infeasibility-checks';
import { runExactLns } from './exact-lns';
import { LocalSearch, type SearchOutcome } from './local-search';
import { compileModel, unplace } from './schedule-model';
import type { ScheduleInput, ScheduleOptions, ScheduleResult, UnplacedMeeting } from './schedule-types';
import { type SearchState, UNPLACED } from './search-state';
import { breakStats } from './validate-schedule';

export const SEARCH_FAILED = 'search found no placement within the time limit';

export function scheduleMeetings(input: ScheduleInput, options: ScheduleOptions): ScheduleResult {
  const now = options.now ?? (() => performance.now());
  const start = now();
  const d = options.fairnessD ?? 2;
  const model = compileModel(input);
  runPreChecks(model);
  const lbPerParticipant = participantLowerBounds(model, d);
  const lowerBound = lbPerParticipant.reduce((s, v) => s + v, 0);

  const exact = options.mipSolver && options.exact !== 'off' ? options.mipSolver : null;
  const budget = Math.max(0, options.timeLimitMs - (now() - start));
  const deadline = now() + budget;
  const seed = options.seed ?? 1;
  // Without a solver: one annealing run. With one: annealing, exact LNS on its best, and — only
  // if the exact step improved it — annealing resumed from there, then a final exact LNS.
  const share = options.annealShare ?? 0.85;
  const phases = exact ? [share, (1 - share) * 0.4, (1 - share) * 0.3, 1] : [1];
  let state: SearchState | null = null;
  let iterations = 0;
  let improved = true;
  for (let i = 0; i < phases.length; i++) {
    const phaseEnd = i === phases.length - 1 ? deadline : Math.min(deadline, now() + budget * phases[i]);
    if (i % 2 === 0 && improved) {
      const search: LocalSearch = new LocalSearch(model, {
        timeLimitMs: Math.max(0, phaseEnd - now()),
        seed: seed + i,
        d,
        lowerBound,
        maxIterations: options.maxIterations ?? Number.MAX_SAFE_INTEGER,
        now,
        onProgress: options.onProgress,
        initial: state?.slot,
      });
      const run: SearchOutcome = search.run();
      state = run.state;
      iterations += run.iterations;
    } else if (i % 2 === 1 && exact && state && state.breaks > lowerBound) {
      improved = runExactLns(model, state, { solver: exact, d, lowerBound, deadline: phaseEnd, now, seed: seed + i }).improvements > 0;
    }
    if (state && state.violations === 0 && state.fairnessExcess(d) === 0 && state.breaks <= lowerBound) break;
  }
  if (!state) throw new Error('unreachable: the first phase always runs');

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
      lowerBound,
      optimal: complete && fairnessHolds && stats.breaksTotal <= lowerBound,
      tableChanges: tables.tableChanges,
      elapsedMs: Math.round(now() - start),
      iterations,
      warnings,
    },
  };
}
