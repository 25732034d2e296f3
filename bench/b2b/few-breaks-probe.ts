// Diagnostics: the few-breaks search alone (core/sat-break-cores: lower bound from cores, then
// schedules with one break per participant at most) on each instance, one line per instance.
// Usage: node -r @swc-node/register bench/b2b/few-breaks-probe.ts [limitMs=9500] [seed=1] FILE.dzn...
// SAT_OPTIONS='{"stabilizeonly":1}' passes CaDiCaL options.
import { readFileSync } from 'node:fs';
import { loadCadicalSatSolver } from '../../src/scheduling/cadical-loader';
import { participantLowerBounds, runPreChecks } from '../../src/scheduling/core/infeasibility-checks';
import { compileModel } from '../../src/scheduling/core/schedule-model';
import { searchFewBreaks } from '../../src/scheduling/core/sat-break-cores';
import { dznToScheduleInput, parseDzn } from './dzn-reader';

async function main(): Promise<void> {
  const [limit, seed, ...files] = process.argv.slice(2);
  const factory = await loadCadicalSatSolver();
  const extra = process.env.SAT_OPTIONS ? (JSON.parse(process.env.SAT_OPTIONS) as Record<string, number | boolean>) : {};
  for (const file of files) {
    const model = compileModel(dznToScheduleInput(parseDzn(readFileSync(file, 'utf8'))));
    runPreChecks(model);
    const lowerBound = participantLowerBounds(model, 2).reduce((s, v) => s + v, 0);
    const now = () => performance.now();
    const t0 = now();
    const r = searchFewBreaks(model, (o) => factory({ ...o, ...extra, seed: Number(seed ?? 1) }), now, t0 + Number(limit ?? 9500), lowerBound);
    const name = file.split('/').pop()!.replace(/\.dzn$/, '');
    console.log(JSON.stringify({ instance: name, breaks: r.breaks, lower_bound: r.lowerBound, optimal: r.breaks >= 0 && r.breaks <= r.lowerBound, ms: Math.round(now() - t0) }));
  }
}
void main();
