// Loads CaDiCaL (npm `cadical-wasm`, an ES module with an async Wasm start-up) once and adapts it to
// the core's SatSolverFactory; the core then creates and runs solvers synchronously.
import type { SatSolverFactory } from './core';

type CadicalPackage = typeof import('cadical-wasm');

// The build emits CommonJS and the test/bench transformers turn `import()` into `require()`, which
// cannot load this ES module (top-level await): keep a real dynamic import behind Function. The
// body is a constant string, not data.
// eslint-disable-next-line @typescript-eslint/no-implied-eval
const importEsm = new Function('specifier', 'return import(specifier)') as (specifier: string) => Promise<CadicalPackage>;

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
