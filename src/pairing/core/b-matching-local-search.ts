// Local improvement for general-graph b-matching (used when the LP relaxation is fractional).
// Moves, each applied only when it strictly improves the lexicographic objective:
//   add (u,v) when both have spare capacity;
//   add (u,v) and drop one selected pair at each full endpoint, optionally re-filling each
//   dropped partner with its best still-feasible pair (augmenting paths of length ≤ 5).
import { adjacency, type BMatchingProblem } from './b-matching';

const TOP_PER_SIDE = 3;

interface SideOption {
  remove: number; // edge id, or -1 when the endpoint has spare capacity
  refill: number; // edge id, or -1
  score: Float64Array;
}

export function improveLocally(p: BMatchingProblem, chosen: Uint8Array, preferred: Uint8Array, passes: number): void {
  const k = p.levels;
  const m = p.edgeU.length;
  const adj = adjacency(p);
  const deg = new Int32Array(p.n);
  for (let e = 0; e < m; e++) {
    if (chosen[e]) {
      deg[p.edgeU[e]]++;
      deg[p.edgeV[e]]++;
    }
  }
  const gainCmp = (a: number, b: number): number => {
    for (let l = 0; l < k; l++) {
      const d = p.gain[b * k + l] - p.gain[a * k + l];
      if (d !== 0) return d;
    }
    return a - b;
  };
  const byGain = Array.from({ length: m }, (_, e) => e).sort(gainCmp);
  const delta = new Float64Array(k);
  const touched: number[] = [];
  const savedDeg: number[] = [];

  /** Exact objective change of removing then adding edges; false if infeasible. Leaves state intact. */
  const moveDelta = (adds: number[], removes: number[], out: Float64Array): boolean => {
    out.fill(0);
    touched.length = 0;
    savedDeg.length = 0;
    const touch = (v: number): void => {
      touched.push(v);
      savedDeg.push(deg[v]);
    };
    let ok = true;
    for (const e of removes) {
      for (const v of [p.edgeU[e], p.edgeV[e]]) {
        touch(v);
        deg[v]--;
        if (deg[v] < p.minUnits[v]) for (let l = 0; l < k; l++) out[l] -= p.unitBonus[l];
      }
      for (let l = 0; l < k; l++) out[l] -= p.gain[e * k + l];
    }
    for (let i = 0; i < adds.length && ok; i++) {
      const e = adds[i];
      if (chosen[e] || adds.indexOf(e) !== i) ok = false;
      for (const v of [p.edgeU[e], p.edgeV[e]]) {
        touch(v);
        if (deg[v] < p.minUnits[v]) for (let l = 0; l < k; l++) out[l] += p.unitBonus[l];
        deg[v]++;
        if (deg[v] > p.cap[v]) ok = false;
      }
      for (let l = 0; l < k; l++) out[l] += p.gain[e * k + l];
    }
    for (let i = touched.length - 1; i >= 0; i--) deg[touched[i]] = savedDeg[i];
    return ok;
  };
  const positive = (v: Float64Array): boolean => {
    for (let l = 0; l < k; l++) if (v[l] !== 0) return v[l] > 0;
    return false;
  };
  const better = (a: Float64Array, b: Float64Array): boolean => {
    for (let l = 0; l < k; l++) if (a[l] !== b[l]) return a[l] > b[l];
    return false;
  };
  const apply = (adds: number[], removes: number[]): void => {
    for (const e of removes) {
      chosen[e] = 0;
      deg[p.edgeU[e]]--;
      deg[p.edgeV[e]]--;
    }
    for (const e of adds) {
      chosen[e] = 1;
      deg[p.edgeU[e]]++;
      deg[p.edgeV[e]]++;
    }
  };

  /** Best options at endpoint `w` of new edge `e` (other endpoint `o`), ranked by their own delta. */
  const sideOptions = (w: number, o: number, e: number): SideOption[] => {
    if (deg[w] < p.cap[w]) return [{ remove: -1, refill: -1, score: new Float64Array(k) }];
    const options: SideOption[] = [];
    for (let i = adj.start[w]; i < adj.start[w + 1]; i++) {
      const r = adj.edge[i];
      if (!chosen[r]) continue;
      const x = adj.other[i];
      const score = new Float64Array(k);
      moveDelta([], [r], score);
      options.push({ remove: r, refill: -1, score });
      // Re-fill the freed partner x with its best pair to a node that has spare capacity.
      let bestRefill = -1;
      let bestScore: Float64Array | undefined;
      for (let j = adj.start[x]; j < adj.start[x + 1]; j++) {
        const f = adj.edge[j];
        const z = adj.other[j];
        if (chosen[f] || f === e || z === w || z === o || deg[z] >= p.cap[z]) continue;
        const s = new Float64Array(k);
        if (moveDelta([f], [r], s) && (!bestScore || better(s, bestScore))) {
          bestScore = s;
          bestRefill = f;
        }
      }
      if (bestScore && better(bestScore, score)) options.push({ remove: r, refill: bestRefill, score: bestScore });
    }
    options.sort((a, b) => (better(a.score, b.score) ? -1 : better(b.score, a.score) ? 1 : a.remove - b.remove));
    return options.slice(0, TOP_PER_SIDE);
  };

  const tryEdge = (e: number): { adds: number[]; removes: number[] } | undefined => {
    const u = p.edgeU[e];
    const v = p.edgeV[e];
    if (p.cap[u] === 0 || p.cap[v] === 0) return undefined;
    if (deg[u] < p.cap[u] && deg[v] < p.cap[v]) {
      if (!moveDelta([e], [], delta) || !positive(delta)) return undefined;
      apply([e], []);
      return { adds: [e], removes: [] };
    }
    const optsU = sideOptions(u, v, e);
    const optsV = sideOptions(v, u, e);
    let best: { adds: number[]; removes: number[] } | undefined;
    const bestDelta = new Float64Array(k);
    for (const a of optsU) {
      for (const b of optsV) {
        const removes = [a.remove, b.remove].filter((r) => r >= 0);
        if (removes.length === 2 && removes[0] === removes[1]) continue;
        const adds = [e, a.refill, b.refill].filter((f) => f >= 0);
        if (!moveDelta(adds, removes, delta) || !positive(delta)) continue;
        if (!best || better(delta, bestDelta)) {
          best = { adds, removes };
          bestDelta.set(delta);
        }
      }
    }
    if (best) apply(best.adds, best.removes);
    return best;
  };

  // Greedy fill: LP-preferred (half) edges first, then everything by gain.
  const fillOrder = [...byGain.filter((e) => preferred[e]), ...byGain.filter((e) => !preferred[e])];
  for (const e of fillOrder) {
    if (!chosen[e] && deg[p.edgeU[e]] < p.cap[p.edgeU[e]] && deg[p.edgeV[e]] < p.cap[p.edgeV[e]]) {
      if (moveDelta([e], [], delta) && positive(delta)) apply([e], []);
    }
  }
  // Worklist passes: only around the LP's fractional part and wherever a move changed something;
  // the integral rest of the LP optimum is already optimal locally.
  let dirty = new Uint8Array(p.n);
  for (let e = 0; e < m; e++) {
    if (preferred[e]) dirty[p.edgeU[e]] = dirty[p.edgeV[e]] = 1;
  }
  const rank = new Int32Array(m);
  byGain.forEach((e, i) => (rank[e] = i));
  for (let pass = 0; pass < passes; pass++) {
    const candidates: number[] = [];
    for (let v = 0; v < p.n; v++) {
      if (!dirty[v]) continue;
      for (let i = adj.start[v]; i < adj.start[v + 1]; i++) if (!chosen[adj.edge[i]]) candidates.push(adj.edge[i]);
    }
    if (candidates.length === 0) break;
    candidates.sort((a, b) => rank[a] - rank[b]);
    const nextDirty = new Uint8Array(p.n);
    let improved = false;
    let last = -1;
    for (const e of candidates) {
      if (e === last || chosen[e]) continue;
      last = e;
      const move = tryEdge(e);
      if (!move) continue;
      improved = true;
      for (const f of [...move.adds, ...move.removes]) nextDirty[p.edgeU[f]] = nextDirty[p.edgeV[f]] = 1;
    }
    if (!improved) break;
    dirty = nextDirty;
  }
}
