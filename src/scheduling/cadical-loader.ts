// Loads CaDiCaL (npm `cadical-wasm`, an ES module with an async Wasm start-up) once and adapts it to
// the core's SatSolverFactory; the core then creates and runs solvers synchronously.
import { randomUUID } from 'node:crypto';
import type { SatSolverFactory } from './core';

type CadicalPackage = typeof import('cadical-wasm');

// The build emits CommonJS and the test/bench transformers turn `import()` into `require()`, which
// cannot load this ES module (top-level await): keep a real dynamic import behind Function. The
// body is a constant string plus a unique comment: V8 caches compiled Function bodies by source,
// and a cached body keeps the import context of whoever compiled it first (under Jest, a test
// file's environment that may be torn down by now), so every module instance compiles its own.
// eslint-disable-next-line @typescript-eslint/no-implied-eval
const importEsm = new Function('specifier', `return import(specifier); // ${randomUUID()}`) as (specifier: string) => Promise<CadicalPackage>;

let loading: Promise<SatSolverFactory> | null = null;

/** The shared CaDiCaL Wasm module as a solver factory; each solver starts quiet. */
export function loadCadicalSatSolver(): Promise<SatSolverFactory> {
  loading ??= (async () => {
    const { Cadical, loadCadical } = await importEsm('cadical-wasm');
    const mod = await loadCadical();
    return (options) => new Cadical(mod, { quiet: true, ...options });
  })();
  return loading;
}
