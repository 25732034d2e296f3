// Benchmark: solves the JAIR 2022 B2B instances with d = 2 and checks each result independently.
// Usage: npm run bench:b2b -- [--time-limit-ms N] [--seed N] [--exact auto|off] [--anneal-share F] [--threads 1|2] [file.dzn ...]
// --threads 1: no helper thread (a second run of the core beside the first, see helperOptions).
// SAT_OPTIONS='{"walk":1}' passes CaDiCaL options to the SAT step, SAT_STRATEGY='{"lnsShare":0}' its strategy (tuning).
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { loadCadicalSatSolver } from '../../src/scheduling/cadical-loader';
import { type SatSolverFactory, type SatStrategy, scheduleMeetings, validateSchedule, warmUpScheduler } from '../../src/scheduling/core';
import { closeScheduleHelpers, helperFor, prestartScheduleHelpers } from '../../src/scheduling/schedule-helper-thread';
import { dznToScheduleInput, parseDzn } from './dzn-reader';

// The instances sit beside the project (../shared/b2b-instances); B2B_INSTANCES overrides.
const ROOT = process.env.B2B_INSTANCES ?? resolve(__dirname, '../../../shared/b2b-instances');
const D = 2;
/** Warm-up of both threads before the first instance (see main). */
const WARM_UP_MS = 2000;

function loadBestKnown(): Map<string, string> {
  const best = new Map<string, string>();
  try {
    const lines = readFileSync(join(ROOT, 'best_known.csv'), 'utf8').trim().split('\n').slice(1);
    for (const line of lines) {
      const [, , file, d, , optimum] = line.split(',');
      if (Number(d) === D) best.set(basename(file, '.dzn'), optimum);
    }
  } catch {
    // No reference file: the bench still runs, without the comparison.
  }
  return best;
}

function jsonLine(fields: Array<[string, unknown]>): string {
  return `{${fields.map(([k, v]) => `${JSON.stringify(k)}: ${JSON.stringify(v)}`).join(', ')}}`;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  let timeLimitMs = 9500;
  let seed = 1;
  let exact: 'auto' | 'off' = 'auto';
  let annealShare: number | undefined;
  let threads = 2;
  const files: string[] = [];
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--time-limit-ms') timeLimitMs = Number(args[++i]);
    else if (args[i] === '--seed') seed = Number(args[++i]);
    else if (args[i] === '--exact') exact = args[++i] === 'off' ? 'off' : 'auto';
    else if (args[i] === '--anneal-share') annealShare = Number(args[++i]);
    else if (args[i] === '--threads') threads = Number(args[++i]);
    else files.push(args[i]);
  }
  if (files.length === 0) {
    const dir = join(ROOT, 'jair2022');
    for (const f of readdirSync(dir).sort()) if (f.endsWith('.dzn')) files.push(join(dir, f));
  }
  const best = loadBestKnown();
  // The exact step needs the CaDiCaL Wasm runtime: load once, inject.
  const satSolver: SatSolverFactory | undefined = exact === 'auto' ? await loadCadicalSatSolver() : undefined;
  const satOptions = process.env.SAT_OPTIONS ? (JSON.parse(process.env.SAT_OPTIONS) as Record<string, number>) : undefined;
  const satStrategy = process.env.SAT_STRATEGY ? (JSON.parse(process.env.SAT_STRATEGY) as Partial<SatStrategy>) : undefined;
  // The helper thread is started before the first instance, as a process that runs scheduling jobs
  // keeps it between runs; it and this thread first solve a synthetic event for WARM_UP_MS, so the
  // first instance runs on compiled code as the later ones do (a long-running worker is warm after
  // its first job).
  const helper = helperFor(threads, satSolver !== undefined);
  if (satSolver) {
    const helperReady = helper ? prestartScheduleHelpers(1, WARM_UP_MS) : Promise.resolve();
    warmUpScheduler({ seed, fairnessD: D, exact, annealShare, satSolver, satOptions, satStrategy }, WARM_UP_MS);
    await helperReady;
  }
  let originals = 0;
  let originalsOptimal = 0;
  let valid = 0;
  let expected = 0;
  for (const file of files) {
    const name = basename(file, '.dzn');
    const input = dznToScheduleInput(parseDzn(readFileSync(file, 'utf8')));
    const result = scheduleMeetings(input, { timeLimitMs, seed, fairnessD: D, exact, annealShare, satSolver, satOptions, satStrategy, helper });
    const check = validateSchedule(input, result, D);
    const known = best.get(name);
    const bestKnown = known === undefined || known === '-' || known === '?' ? (known ?? null) : Number(known);
    const fields: Array<[string, unknown]> = [
      ['instance', name],
      ['meetings', input.meetings.length],
      ['placed', check.placed],
      ['breaks', check.breaksTotal],
      ['fairness', check.fairness],
      ['valid', check.valid],
      ['ms', result.report.elapsedMs],
      ['best_known', bestKnown],
      ['optimal', result.report.optimal],
      ['lower_bound', result.report.lowerBound],
    ];
    if (result.unplaced.length > 0) {
      const reasons = [...new Set(result.unplaced.flatMap((u) => u.reasons))];
      fields.push(['unplaced_reasons', reasons.slice(0, 3)]);
    }
    if (result.report.warnings.length > 0) fields.push(['warnings', result.report.warnings.slice(0, 2)]);
    if (check.errors.length > 0) fields.push(['errors', check.errors.slice(0, 3)]);
    console.log(jsonLine(fields));
    if (check.valid) valid++;
    // Expected outcome: complete and fair where feasible, a reported infeasibility where not.
    if (bestKnown === '-' ? !check.complete || !check.fairnessHolds : check.complete && check.valid) expected++;
    if (name.endsWith('.original')) {
      originals++;
      if (typeof bestKnown === 'number' && check.complete && check.valid && check.breaksTotal === bestKnown) originalsOptimal++;
    }
  }
  console.error(
    `summary: ${originalsOptimal}/${originals} originals at the published optimum; ${valid}/${files.length} valid; ${expected}/${files.length} with the expected outcome (complete where feasible, infeasibility reported where not)`,
  );
  await closeScheduleHelpers();
}

void main();
