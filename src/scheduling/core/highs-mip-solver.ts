// Adapter from the core's MipSolver interface to an already loaded HiGHS (npm `highs`) runtime.
// Only types are imported: the caller loads the Wasm module (async, I/O) and injects it.
import type { Highs } from 'highs';
import type { MipModel, MipResult, MipSolver } from './mip-model';

const OPTIMAL = 7;
const INFEASIBLE = 8;

export function createHighsMipSolver(highs: Highs): MipSolver {
  return (mip: MipModel, options): MipResult => {
    const inf = highs.infinity;
    const fix = (v: number) => (v === Infinity ? inf : v === -Infinity ? -inf : v);
    const model = highs.createModel({
      numCols: mip.numCols,
      numRows: mip.rowLower.length,
      colCost: mip.colCost,
      colLower: mip.colLower.map(fix),
      colUpper: mip.colUpper.map(fix),
      rowLower: mip.rowLower.map(fix),
      rowUpper: mip.rowUpper.map(fix),
      matrix: { format: 'csr', numRows: mip.rowLower.length, numCols: mip.numCols, starts: mip.rowStart, indices: mip.rowIndex, values: mip.rowValue },
      integrality: Int32Array.from(mip.integer),
    });
    try {
      model.options.set({ output_flag: false, time_limit: Math.max(0.01, options.timeLimitSec), random_seed: options.seed, mip_rel_gap: 0, mip_heuristic_effort: 0.3 });
      if (mip.start) model.setSolution({ colValue: mip.start });
      model.run();
      const status = model.getModelStatus();
      if (status === INFEASIBLE) return { status: 'infeasible', values: null, objective: Infinity };
      const primal = Number(model.info.get('primal_solution_status'));
      if (primal !== 2) return { status: 'unknown', values: null, objective: Infinity };
      return { status: status === OPTIMAL ? 'optimal' : 'feasible', values: model.getSolution().colValue, objective: model.getObjectiveValue() };
    } finally {
      model.dispose();
    }
  };
}
