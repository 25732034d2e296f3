// Diagnostics: annealing then the SAT search on one instance, logging every solver call.
// Usage: node -r @swc-node/register bench/b2b/sat-probe.ts file.dzn [annealMs] [totalMs]
// SAT_OPTIONS='{"stabilizeonly":1}' passes CaDiCaL options, SAT_STRATEGY the search strategy, ANNEAL_ITERATIONS a fixed annealing length.
import { readFileSync } from 'node:fs';
import { loadCadicalSatSolver } from '../../src/scheduling/cadical-loader';
import { participantLowerBounds, runPreChecks } from '../../src/scheduling/core/infeasibility-checks';
import { LocalSearch } from '../../src/scheduling/core/local-search';
import { compileModel } from '../../src/scheduling/core/schedule-model';
import { runSatSearch } from '../../src/scheduling/core/sat-search';
import { dznToScheduleInput, parseDzn } from './dzn-reader';

async function main(): Promise<void> {
  const [file, annealArg, totalArg] = process.argv.slice(2);
  const solver = await loadCadicalSatSolver();
  const input = dznToScheduleInput(parseDzn(readFileSync(file, 'utf8')));
  const now = () => performance.now();
  const start = now();
  const model = compileModel(input);
  runPreChecks(model);
  const lowerBound = participantLowerBounds(model, 2).reduce((s, v) => s + v, 0);
  // ANNEAL_ITERATIONS=N: a fixed number of annealing steps instead of annealMs (reproducible start).
  const iterations = Number(process.env.ANNEAL_ITERATIONS ?? 0);
  const { state, iterations: done } = new LocalSearch(model, {
    timeLimitMs: iterations > 0 ? 1e9 : Number(annealArg ?? 2000),
    seed: 1,
    d: 2,
    lowerBound,
    maxIterations: iterations > 0 ? iterations : Number.MAX_SAFE_INTEGER,
    now,
  }).run();
  console.log(`anneal: breaks=${state.breaks} lb=${lowerBound} iterations=${done} at ${Math.round(now() - start)} ms`);
  const solverOptions = process.env.SAT_OPTIONS ? (JSON.parse(process.env.SAT_OPTIONS) as Record<string, number>) : undefined;
  const out = runSatSearch(model, state, {
    solver,
    solverOptions,
    strategy: process.env.SAT_STRATEGY ? JSON.parse(process.env.SAT_STRATEGY) : undefined,
    d: 2,
    lowerBound,
    deadline: start + Number(totalArg ?? 8000),
    now,
    log: (l) => console.log(`${Math.round(now() - start)} ${l}`),
  });
  console.log(`sat: breaks=${state.breaks} steps=${out.steps} improvements=${out.improvements} lns=${out.lnsImprovements}/${out.lnsCalls} proven=${out.provenOptimal} at ${Math.round(now() - start)} ms`);
}

void main();
