// Solver-neutral mixed-integer model (rows in CSR form) and the injectable solver interface, so the
// core builds models without importing any solver; the caller plugs one in (see highs-mip-solver).

export interface MipModel {
  numCols: number;
  colLower: number[];
  colUpper: number[];
  colCost: number[];
  /** 1 = integer column, 0 = continuous. */
  integer: number[];
  rowStart: number[];
  rowIndex: number[];
  rowValue: number[];
  rowLower: number[];
  rowUpper: number[];
  /** Optional feasible start (one value per column). */
  start?: number[];
}

export type MipStatus = 'optimal' | 'feasible' | 'infeasible' | 'unknown';

export interface MipResult {
  status: MipStatus;
  /** Column values when a feasible solution is known. */
  values: ArrayLike<number> | null;
  objective: number;
}

/** Synchronous MIP solver: minimises colCost·x within the time limit (seconds). */
export type MipSolver = (model: MipModel, options: { timeLimitSec: number; seed: number }) => MipResult;

/** Incremental model builder; rows are sparse lists of [column, coefficient]. */
export class MipBuilder {
  readonly model: MipModel = {
    numCols: 0,
    colLower: [],
    colUpper: [],
    colCost: [],
    integer: [],
    rowStart: [0],
    rowIndex: [],
    rowValue: [],
    rowLower: [],
    rowUpper: [],
  };

  addCol(lower: number, upper: number, cost: number, integer: boolean): number {
    const m = this.model;
    m.colLower.push(lower);
    m.colUpper.push(upper);
    m.colCost.push(cost);
    m.integer.push(integer ? 1 : 0);
    return m.numCols++;
  }

  /** lower ≤ Σ coef·x ≤ upper; duplicate columns are merged. */
  addRow(cols: readonly number[], coefs: readonly number[], lower: number, upper: number): void {
    const m = this.model;
    const merged = new Map<number, number>();
    for (let i = 0; i < cols.length; i++) merged.set(cols[i], (merged.get(cols[i]) ?? 0) + coefs[i]);
    for (const [c, v] of merged) {
      if (v === 0) continue;
      m.rowIndex.push(c);
      m.rowValue.push(v);
    }
    m.rowStart.push(m.rowIndex.length);
    m.rowLower.push(lower);
    m.rowUpper.push(upper);
  }

  get numRows(): number {
    return this.model.rowLower.length;
  }
}
