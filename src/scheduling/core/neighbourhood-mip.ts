// Exact re-optimisation of a neighbourhood: the freed meetings get binary slot variables, every
// other meeting stays where it is, and the MIP minimises the breaks of the touched participants
// under clash, table, precedence and fairness constraints.
//
// Breaks of p = runs of busy slots − 1, and a run starts at t when y[p,t] = 1 and y[p,t−1] = 0.
// With r[p,t] ≥ y[t] − y[t−1], r ≤ y[t], r ≤ 1 − y[t−1] the run indicator is exact for binary
// occupancy, so per-participant break counts (and hence the fairness bound) are exact too.
import { MipBuilder, type MipModel } from './mip-model';
import type { ScheduleModel } from './schedule-model';

export interface Neighbourhood {
  /** Movable meetings whose slots are re-decided. */
  freed: readonly number[];
  /** allowed(m, t): the neighbourhood's own restriction (e.g. a slot window), on top of the domain. */
  allowed: (m: number, t: number) => boolean;
  /**
   * Touched participants (currently without breaks) that must stay break-free: modelled by a block
   * start z[p,s] and "busy exactly inside the block" equalities, a much tighter formulation.
   */
  contiguous?: (p: number) => boolean;
}

export interface NeighbourhoodMip {
  mip: MipModel;
  /** Current breaks of the touched participants (the MIP objective of the start). */
  currentObjective: number;
  /** Reads the new slot of every freed meeting from a solution. */
  decode: (values: ArrayLike<number>) => Map<number, number>;
}

/**
 * Builds the MIP for `nb` around the feasible assignment `slot` (−1 = unplaced), with fairness
 * bound d over all participants that have at least one placed meeting. Returns null when the
 * neighbourhood has nothing to decide.
 */
export function buildNeighbourhoodMip(model: ScheduleModel, slot: Int32Array, nb: Neighbourhood, d: number): NeighbourhoodMip | null {
  const { P, T, M, ma, mb, active, domain } = model;
  const freedSet = new Uint8Array(M);
  for (const m of nb.freed) freedSet[m] = 1;
  // Fixed occupancy and load of everything that stays.
  const base = new Uint8Array(P * T);
  const load = new Int32Array(T);
  const deg = new Int32Array(P);
  for (let m = 0; m < M; m++) {
    if (!active[m] || slot[m] < 0) continue;
    deg[ma[m]]++;
    deg[mb[m]]++;
    if (freedSet[m]) continue;
    base[ma[m] * T + slot[m]] = 1;
    base[mb[m] * T + slot[m]] = 1;
    load[slot[m]]++;
  }
  const b = new MipBuilder();
  const xCol = new Map<number, number>(); // m*T+t -> column
  const freedOf: number[][] = Array.from({ length: P }, () => []);
  const start: number[] = [];
  for (const m of nb.freed) {
    const cols: number[] = [];
    for (let t = 0; t < T; t++) {
      if (!domain[m * T + t] || !nb.allowed(m, t) || base[ma[m] * T + t] || base[mb[m] * T + t]) continue;
      if (!precedenceAllows(model, slot, freedSet, m, t)) continue;
      const c = b.addCol(0, 1, 0, true);
      xCol.set(m * T + t, c);
      start[c] = slot[m] === t ? 1 : 0;
      cols.push(c);
    }
    if (cols.length === 0) return null;
    b.addRow(cols, cols.map(() => 1), 1, 1);
    freedOf[ma[m]].push(m);
    freedOf[mb[m]].push(m);
  }
  if (xCol.size === 0) return null;
  // Tables per slot.
  for (let t = 0; t < T; t++) {
    const cols: number[] = [];
    for (const m of nb.freed) {
      const c = xCol.get(m * T + t);
      if (c !== undefined) cols.push(c);
    }
    if (cols.length > model.tables - load[t]) b.addRow(cols, cols.map(() => 1), 0, model.tables - load[t]);
  }
  // Precedences between two freed meetings: Σ t·x[m] − Σ t·x[q] ≥ 1.
  for (const m of nb.freed) {
    for (let i = model.predStart[m]; i < model.predStart[m + 1]; i++) {
      const q = model.predList[i];
      if (!freedSet[q]) continue;
      const cols: number[] = [];
      const coefs: number[] = [];
      for (let t = 0; t < T; t++) {
        const cm = xCol.get(m * T + t);
        const cq = xCol.get(q * T + t);
        if (cm !== undefined) {
          cols.push(cm);
          coefs.push(t);
        }
        if (cq !== undefined) {
          cols.push(cq);
          coefs.push(-t);
        }
      }
      b.addRow(cols, coefs, 1, Infinity);
    }
  }
  // Occupancy, runs and breaks of touched participants.
  const mnCol = b.addCol(0, T, 0, false);
  const mxCol = b.addCol(0, T, 0, false);
  b.addRow([mxCol, mnCol], [1, -1], -Infinity, d);
  const touched = new Uint8Array(P);
  let currentObjective = 0;
  const yCols = (p: number, t: number): number[] => {
    const out: number[] = [];
    for (const m of freedOf[p]) {
      const c = xCol.get(m * T + t);
      if (c !== undefined) out.push(c);
    }
    return out;
  };
  const busyNow = (p: number, t: number): number => {
    if (base[p * T + t]) return 1;
    for (const m of freedOf[p]) if (slot[m] === t) return 1;
    return 0;
  };
  /** Block formulation of a break-free participant; returns its current first slot (or −1). */
  const addBlock = (p: number): number => {
    const k = deg[p];
    let first = -1;
    let runs = 0;
    for (let t = 0; t < T; t++) {
      if (busyNow(p, t)) {
        if (first < 0) first = t;
        if (t === 0 || !busyNow(p, t - 1)) runs++;
      }
    }
    if (runs !== 1) return -1;
    const z: number[] = [];
    for (let s = 0; s + k <= T; s++) {
      z[s] = b.addCol(0, 1, 0, true);
      start[z[s]] = s === first ? 1 : 0;
    }
    b.addRow(z, z.map(() => 1), 1, 1);
    for (let t = 0; t < T; t++) {
      const cols = yCols(p, t);
      const cover: number[] = [];
      for (let s = Math.max(0, t - k + 1); s <= t && s + k <= T; s++) cover.push(z[s]);
      // Busy at t exactly when t lies in the chosen block.
      b.addRow([...cols, ...cover], [...cols.map(() => 1), ...cover.map(() => -1)], -base[p * T + t], -base[p * T + t]);
    }
    return first;
  };
  let loBreaks = Infinity;
  let hiBreaks = -Infinity;
  for (let p = 0; p < P; p++) {
    if (freedOf[p].length === 0) continue;
    touched[p] = 1;
    if (nb.contiguous?.(p) && deg[p] >= 2) {
      const first = addBlock(p);
      b.model.colUpper[mnCol] = 0;
      loBreaks = Math.min(loBreaks, 0);
      hiBreaks = Math.max(hiBreaks, 0);
      if (first < 0) return null;
      continue;
    }
    const runCols: number[] = [];
    let constRuns = 0;
    let prevCols: number[] = [];
    let prevConst = 0;
    let curRuns = 0;
    let prevBusy = 0;
    for (let t = 0; t < T; t++) {
      const cols = yCols(p, t);
      if (cols.length > 1) b.addRow(cols, cols.map(() => 1), 0, 1);
      const c = base[p * T + t];
      const busy = busyNow(p, t);
      const runStarts = busy && !prevBusy ? 1 : 0;
      curRuns += runStarts;
      prevBusy = busy;
      if (cols.length === 0 && prevCols.length === 0) {
        if (c && !prevConst) constRuns++;
      } else if (cols.length > 0 || c) {
        // r − X[t] + X[t−1] ≥ c[t] − c[t−1];  r − X[t] ≤ c[t];  r + X[t−1] ≤ 1 − c[t−1].
        const r = b.addCol(0, 1, 1, false);
        start[r] = runStarts;
        runCols.push(r);
        b.addRow([r, ...cols, ...prevCols], [1, ...cols.map(() => -1), ...prevCols.map(() => 1)], c - prevConst, Infinity);
        b.addRow([r, ...cols], [1, ...cols.map(() => -1)], -Infinity, c);
        if (prevCols.length > 0 || prevConst) b.addRow([r, ...prevCols], [1, ...prevCols.map(() => 1)], -Infinity, 1 - prevConst);
      }
      prevCols = cols;
      prevConst = c;
    }
    // breaks = Σ r + constRuns − 1 must lie in [MN, MX].
    const ones = runCols.map(() => 1);
    b.addRow([...runCols, mxCol], [...ones, -1], -Infinity, 1 - constRuns);
    b.addRow([...runCols, mnCol], [...ones, -1], 1 - constRuns, Infinity);
    currentObjective += curRuns - constRuns;
    const br = Math.max(0, curRuns - 1);
    loBreaks = Math.min(loBreaks, br);
    hiBreaks = Math.max(hiBreaks, br);
  }
  // Untouched participants keep their breaks: MN ≤ their min, MX ≥ their max.
  for (let p = 0; p < P; p++) {
    if (touched[p] || deg[p] === 0) continue;
    let runs = 0;
    for (let t = 0; t < T; t++) if (base[p * T + t] && (t === 0 || !base[p * T + t - 1])) runs++;
    const br = Math.max(0, runs - 1);
    loBreaks = Math.min(loBreaks, br);
    hiBreaks = Math.max(hiBreaks, br);
    b.model.colUpper[mnCol] = Math.min(b.model.colUpper[mnCol], br);
    b.model.colLower[mxCol] = Math.max(b.model.colLower[mxCol], br);
  }
  start[mnCol] = loBreaks === Infinity ? 0 : loBreaks;
  start[mxCol] = hiBreaks === -Infinity ? 0 : hiBreaks;
  const mip = b.model;
  mip.start = Array.from({ length: mip.numCols }, (_, i) => start[i] ?? 0);
  return {
    mip,
    currentObjective,
    decode(values) {
      const out = new Map<number, number>();
      for (const [key, c] of xCol) if (values[c] > 0.5) out.set(Math.floor(key / T), key % T);
      return out;
    },
  };
}

/** Slot t respects m's precedences with meetings that stay fixed. */
function precedenceAllows(model: ScheduleModel, slot: Int32Array, freed: Uint8Array, m: number, t: number): boolean {
  for (let i = model.predStart[m]; i < model.predStart[m + 1]; i++) {
    const q = model.predList[i];
    if (!freed[q] && model.active[q] && slot[q] >= 0 && slot[q] >= t) return false;
  }
  for (let i = model.succStart[m]; i < model.succStart[m + 1]; i++) {
    const q = model.succList[i];
    if (!freed[q] && model.active[q] && slot[q] >= 0 && slot[q] <= t) return false;
  }
  return true;
}
