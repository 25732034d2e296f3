// Diagnostics: decides the zero-break model (core/sat-zero-break) of one instance with CaDiCaL
// seeds 1..N and prints one answer per seed (s = satisfiable, u = unsatisfiable, ? = unknown) with ms.
// Usage: node -r @swc-node/register bench/b2b/zero-break-probe.ts FILE.dzn [N=6] [limitMs=15000]
import { readFileSync } from 'node:fs';
import { loadCadicalSatSolver } from '../../src/scheduling/cadical-loader';
import { runPreChecks } from '../../src/scheduling/core/infeasibility-checks';
import { compileModel } from '../../src/scheduling/core/schedule-model';
import { ZeroBreakCheck } from '../../src/scheduling/core/sat-zero-break';
import { dznToScheduleInput, parseDzn } from './dzn-reader';
async function main(): Promise<void> {
  const [file, n, limit] = process.argv.slice(2);
  const f = await loadCadicalSatSolver();
  const model = compileModel(dznToScheduleInput(parseDzn(readFileSync(file, 'utf8'))));
  runPreChecks(model);
  const now = () => performance.now();
  const times: string[] = [];
  for (let seed = 1; seed <= Number(n ?? 6); seed++) {
    const t0 = now();
    const z = new ZeroBreakCheck(model, (o) => f({ ...o, seed }), now);
    const st = z.solve(now() + Number(limit ?? 15000));
    times.push(`${st === 'unknown' ? '?' : st[0]}${Math.round(now() - t0)}`);
    z.dispose();
  }
  console.log(file.split('/').pop(), times.join(' '));
}
void main();
