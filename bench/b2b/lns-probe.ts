// Diagnostics: annealing then the exact LNS on one instance, logging every neighbourhood.
// Usage: node -r @swc-node/register bench/b2b/lns-probe.ts file.dzn [annealMs] [totalMs]
import { readFileSync } from 'node:fs';
import loadHighs from 'highs';
import { createHighsMipSolver } from '../../src/scheduling/core';
import { runExactLns } from '../../src/scheduling/core/exact-lns';
import { participantLowerBounds, runPreChecks } from '../../src/scheduling/core/infeasibility-checks';
import { LocalSearch } from '../../src/scheduling/core/local-search';
import { compileModel } from '../../src/scheduling/core/schedule-model';
import { dznToScheduleInput, parseDzn } from './dzn-reader';

async function main(): Promise<void> {
  const [file, annealArg, totalArg] = process.argv.slice(2);
  const annealMs = Number(annealArg ?? 2000);
  const totalMs = Number(totalArg ?? 8000);
  const input = dznToScheduleInput(parseDzn(readFileSync(file, 'utf8')));
  const solver = createHighsMipSolver(await loadHighs());
  const now = () => performance.now();
  const start = now();
  const model = compileModel(input);
  runPreChecks(model);
  const lowerBound = participantLowerBounds(model, 2).reduce((s, v) => s + v, 0);
  const { state } = new LocalSearch(model, { timeLimitMs: annealMs, seed: 1, d: 2, lowerBound, maxIterations: Number.MAX_SAFE_INTEGER, now }).run();
  console.log(`anneal: breaks=${state.breaks} viol=${state.violations} fair=${state.fairnessExcess(2)} at ${Math.round(now() - start)} ms`);
  const out = runExactLns(model, state, { solver, d: 2, lowerBound, deadline: start + totalMs, now, seed: 1, log: (l) => console.log(l), stepLimitSec: Number(process.argv[5] ?? 1.5), people: Number(process.argv[6] ?? 8), window: Number(process.argv[7] ?? 5), maxWindow: Number(process.argv[8] ?? 9), kinds: process.argv[9]?.split(',') });
  console.log(`lns: breaks=${state.breaks} steps=${out.steps} improvements=${out.improvements} at ${Math.round(now() - start)} ms`);
}

void main();
