import { LexMinCostFlow } from './lex-min-cost-flow';
import { LexNetworkSimplex } from './lex-network-simplex';

interface Arc {
  from: number;
  to: number;
  cap: number;
  cost: number[];
}

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 4294967296;
  };
}

/** Runs a solver and returns the total cost vector of its flow. */
function totalCost(
  make: (n: number, k: number) => LexNetworkSimplex | LexMinCostFlow,
  n: number,
  k: number,
  arcs: Arc[],
): number[] {
  const flow = make(n, k);
  const ids = arcs.map((a) => flow.addArc(a.from, a.to, a.cap, a.cost));
  flow.run(0, n - 1);
  const total = new Array<number>(k).fill(0);
  arcs.forEach((a, i) => {
    const f = flow.flowOn(ids[i]);
    expect(f).toBeGreaterThanOrEqual(0);
    expect(f).toBeLessThanOrEqual(a.cap);
    a.cost.forEach((c, l) => (total[l] += c * f));
  });
  return total;
}

describe('LexNetworkSimplex', () => {
  it('takes the cheaper of two parallel routes and stops when flow no longer pays', () => {
    // 0 → 1 → 3 costs -5, 0 → 2 → 3 costs +1: only the first route is worth sending.
    const flow = new LexNetworkSimplex(4, 1);
    const a = flow.addArc(0, 1, 2, [-2]);
    const b = flow.addArc(1, 3, 2, [-3]);
    const c = flow.addArc(0, 2, 2, [0]);
    const d = flow.addArc(2, 3, 2, [1]);
    flow.run(0, 3);
    expect([a, b, c, d].map((x) => flow.flowOn(x))).toEqual([2, 2, 0, 0]);
  });

  it('orders costs lexicographically: one unit on a higher level beats any amount below', () => {
    // One unit can leave node 1: via 2 (gain on level 0, big loss on level 1) or via 3 (huge level-1 gain).
    const flow = new LexNetworkSimplex(5, 2);
    flow.addArc(0, 1, 1, [0, 0]);
    const hi = flow.addArc(1, 2, 1, [-1, 1_000_000]);
    const lo = flow.addArc(1, 3, 1, [0, -999_999_999]);
    flow.addArc(2, 4, 1, [0, 0]);
    flow.addArc(3, 4, 1, [0, 0]);
    flow.run(0, 4);
    expect(flow.flowOn(hi)).toBe(1);
    expect(flow.flowOn(lo)).toBe(0);
  });

  it('matches the successive-shortest-path reference on random bipartite networks', () => {
    const random = rng(42);
    for (let t = 0; t < 60; t++) {
      const left = 2 + Math.floor(random() * 5);
      const right = 2 + Math.floor(random() * 5);
      const n = left + right + 2;
      const k = 1 + Math.floor(random() * 3);
      const arcs: Arc[] = [];
      const vec = (scale: number): number[] => Array.from({ length: k }, () => Math.round((random() - 0.6) * scale));
      for (let i = 1; i <= left; i++) arcs.push({ from: 0, to: i, cap: 1 + Math.floor(random() * 3), cost: vec(3) });
      for (let j = 1; j <= right; j++) arcs.push({ from: left + j, to: n - 1, cap: 1 + Math.floor(random() * 3), cost: vec(3) });
      for (let i = 1; i <= left; i++) {
        for (let j = 1; j <= right; j++) {
          if (random() < 0.6) arcs.push({ from: i, to: left + j, cap: 1, cost: vec(10) });
        }
      }
      const simplex = totalCost((nn, kk) => new LexNetworkSimplex(nn, kk), n, k, arcs);
      const reference = totalCost((nn, kk) => new LexMinCostFlow(nn, kk), n, k, arcs);
      expect(simplex).toEqual(reference);
    }
  });
});
