// Weighted b-matching with lexicographic gains and concave "minimum unit" bonuses.
// Bipartite graphs: exact min-cost flow. General graphs: the bipartite double cover gives a
// half-integral LP optimum (an upper bound); if it is integral it is optimal, else it is rounded
// and improved by local search (see b-matching-local-search.ts).
import { LexNetworkSimplex } from './lex-network-simplex';
import { improveLocally } from './b-matching-local-search';

export interface BMatchingProblem {
  n: number;
  /** Degree bound per node. */
  cap: Int32Array;
  /** The first minUnits[v] edges at v each earn `unitBonus` (minimum-meetings units). */
  minUnits: Int32Array;
  edgeU: Int32Array;
  edgeV: Int32Array;
  /** Gain vectors, `levels` integers per edge, most significant first. */
  gain: Float64Array;
  unitBonus: Float64Array;
  levels: number;
}

export interface BMatchingSolution {
  chosen: Uint8Array;
  method: 'exact-bipartite' | 'exact-general' | 'heuristic-general';
  /** Objective vector of `chosen` (gains + bonus units). */
  value: Float64Array;
  /** Upper bound on any solution's objective (equal to value when exact). */
  bound: Float64Array;
}

/** 2-colouring of the edge graph, or undefined when there is an odd cycle. */
export function twoColour(p: BMatchingProblem): Uint8Array | undefined {
  const adj = adjacency(p);
  const colour = new Int8Array(p.n).fill(-1);
  const queue = new Int32Array(p.n);
  for (let s = 0; s < p.n; s++) {
    if (colour[s] !== -1) continue;
    colour[s] = 0;
    let qh = 0;
    let qt = 0;
    queue[qt++] = s;
    while (qh < qt) {
      const u = queue[qh++];
      for (let i = adj.start[u]; i < adj.start[u + 1]; i++) {
        const w = adj.other[i];
        if (colour[w] === -1) {
          colour[w] = 1 - colour[u];
          queue[qt++] = w;
        } else if (colour[w] === colour[u]) return undefined;
      }
    }
  }
  return Uint8Array.from(colour);
}

/** CSR adjacency: for node u, entries start[u]..start[u+1]-1 list (edge, other endpoint). */
export function adjacency(p: BMatchingProblem): { start: Int32Array; edge: Int32Array; other: Int32Array } {
  const m = p.edgeU.length;
  const start = new Int32Array(p.n + 1);
  for (let e = 0; e < m; e++) {
    start[p.edgeU[e] + 1]++;
    start[p.edgeV[e] + 1]++;
  }
  for (let i = 0; i < p.n; i++) start[i + 1] += start[i];
  const fill = start.slice(0, p.n);
  const edge = new Int32Array(2 * m);
  const other = new Int32Array(2 * m);
  for (let e = 0; e < m; e++) {
    const u = p.edgeU[e];
    const v = p.edgeV[e];
    edge[fill[u]] = e;
    other[fill[u]++] = v;
    edge[fill[v]] = e;
    other[fill[v]++] = u;
  }
  return { start, edge, other };
}

/** Objective vector of a chosen edge set: sum of gains plus unit bonuses for min(deg, minUnits). */
export function evaluate(p: BMatchingProblem, chosen: Uint8Array): Float64Array {
  const k = p.levels;
  const value = new Float64Array(k);
  const deg = new Int32Array(p.n);
  for (let e = 0; e < chosen.length; e++) {
    if (!chosen[e]) continue;
    deg[p.edgeU[e]]++;
    deg[p.edgeV[e]]++;
    for (let l = 0; l < k; l++) value[l] += p.gain[e * k + l];
  }
  let units = 0;
  for (let v = 0; v < p.n; v++) units += Math.min(deg[v], p.minUnits[v]);
  for (let l = 0; l < k; l++) value[l] += units * p.unitBonus[l];
  return value;
}

/** Builds source→node arcs (bonus units first, then the rest) for one side of a flow network. */
function addNodeArcs(
  flow: LexNetworkSimplex,
  p: BMatchingProblem,
  v: number,
  node: number,
  terminal: number,
  fromTerminal: boolean,
): void {
  const k = p.levels;
  const bonusCost = new Float64Array(k);
  for (let l = 0; l < k; l++) bonusCost[l] = -p.unitBonus[l];
  const units = Math.min(p.minUnits[v], p.cap[v]);
  const rest = p.cap[v] - units;
  const zero = new Float64Array(k);
  if (units > 0) {
    if (fromTerminal) flow.addArc(terminal, node, units, bonusCost);
    else flow.addArc(node, terminal, units, bonusCost);
  }
  if (rest > 0) {
    if (fromTerminal) flow.addArc(terminal, node, rest, zero);
    else flow.addArc(node, terminal, rest, zero);
  }
}

function negatedGain(p: BMatchingProblem, e: number): Float64Array {
  const c = new Float64Array(p.levels);
  for (let l = 0; l < p.levels; l++) c[l] = -p.gain[e * p.levels + l];
  return c;
}

/** Exact: max-value b-matching of a bipartite graph (side[v] = 0 left, 1 right) via min-cost flow. */
export function solveBipartite(p: BMatchingProblem, side: Uint8Array): BMatchingSolution {
  const m = p.edgeU.length;
  const source = p.n;
  const sink = p.n + 1;
  const flow = new LexNetworkSimplex(p.n + 2, p.levels);
  for (let v = 0; v < p.n; v++) addNodeArcs(flow, p, v, v, side[v] === 0 ? source : sink, side[v] === 0);
  const arcs = new Int32Array(m);
  for (let e = 0; e < m; e++) {
    const [l, r] = side[p.edgeU[e]] === 0 ? [p.edgeU[e], p.edgeV[e]] : [p.edgeV[e], p.edgeU[e]];
    arcs[e] = flow.addArc(l, r, 1, negatedGain(p, e));
  }
  flow.run(source, sink);
  const chosen = new Uint8Array(m);
  for (let e = 0; e < m; e++) chosen[e] = flow.flowOn(arcs[e]);
  const value = evaluate(p, chosen);
  return { chosen, method: 'exact-bipartite', value, bound: value.slice() };
}

/** General graphs: double-cover relaxation, rounding, local search. */
export function solveGeneral(p: BMatchingProblem, localSearchPasses: number): BMatchingSolution {
  const m = p.edgeU.length;
  const k = p.levels;
  const source = 2 * p.n;
  const sink = 2 * p.n + 1;
  const flow = new LexNetworkSimplex(2 * p.n + 2, k);
  // Node v appears as v (left) and n + v (right); each keeps the full capacity and bonus units.
  for (let v = 0; v < p.n; v++) {
    addNodeArcs(flow, p, v, v, source, true);
    addNodeArcs(flow, p, v, p.n + v, sink, false);
  }
  const arcs = new Int32Array(2 * m);
  for (let e = 0; e < m; e++) {
    const cost = negatedGain(p, e);
    arcs[2 * e] = flow.addArc(p.edgeU[e], p.n + p.edgeV[e], 1, cost);
    arcs[2 * e + 1] = flow.addArc(p.edgeV[e], p.n + p.edgeU[e], 1, cost);
  }
  flow.run(source, sink);
  // x_e = (f1 + f2) / 2 is an optimal LP solution of the b-matching relaxation.
  const twice = new Uint8Array(m);
  const copyDeg = new Int32Array(2 * p.n);
  let integral = true;
  for (let e = 0; e < m; e++) {
    const f1 = flow.flowOn(arcs[2 * e]);
    const f2 = flow.flowOn(arcs[2 * e + 1]);
    twice[e] = f1 + f2;
    if (twice[e] === 1) integral = false;
    copyDeg[p.edgeU[e]] += f1;
    copyDeg[p.n + p.edgeV[e]] += f1;
    copyDeg[p.edgeV[e]] += f2;
    copyDeg[p.n + p.edgeU[e]] += f2;
  }
  const bound = relaxationValue(p, twice, copyDeg);
  const chosen = new Uint8Array(m);
  for (let e = 0; e < m; e++) chosen[e] = twice[e] === 2 ? 1 : 0;
  if (integral) return { chosen, method: 'exact-general', value: bound.slice(), bound };
  // Half edges go first in the greedy fill of the local search: the LP liked them.
  const preferred = new Uint8Array(m);
  for (let e = 0; e < m; e++) preferred[e] = twice[e] === 1 ? 1 : 0;
  improveLocally(p, chosen, preferred, localSearchPasses);
  const value = evaluate(p, chosen);
  const method = lexCompareVec(value, bound) === 0 ? 'exact-general' : 'heuristic-general';
  return { chosen, method, value, bound };
}

/** LP value of x = twice / 2: gains of x plus half of both cover copies' bonus units. */
function relaxationValue(p: BMatchingProblem, twice: Uint8Array, copyDeg: Int32Array): Float64Array {
  const k = p.levels;
  const value = new Float64Array(k);
  for (let e = 0; e < twice.length; e++) {
    if (!twice[e]) continue;
    for (let l = 0; l < k; l++) value[l] += (p.gain[e * k + l] * twice[e]) / 2;
  }
  let units = 0;
  for (let v = 0; v < p.n; v++) {
    units += (Math.min(copyDeg[v], p.minUnits[v]) + Math.min(copyDeg[p.n + v], p.minUnits[v])) / 2;
  }
  for (let l = 0; l < k; l++) value[l] += units * p.unitBonus[l];
  return value;
}

export function lexCompareVec(a: Float64Array, b: Float64Array): number {
  for (let l = 0; l < a.length; l++) {
    if (a[l] !== b[l]) return a[l] < b[l] ? -1 : 1;
  }
  return 0;
}
