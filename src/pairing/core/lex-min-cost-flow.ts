// Min-cost flow with lexicographic (vector) costs: successive shortest paths with Johnson potentials.
// Vector costs give strict tier priority without a "big M" that would overflow doubles' 53-bit integers.
// Costs must be integers (callers scale scores) so all arithmetic is exact.
// Simple and obviously correct, but one Dijkstra per unit of flow: the solver uses
// LexNetworkSimplex; this class is kept as the reference it is cross-checked against in specs.

/** Lexicographic comparison of two K-vectors stored at offsets in flat arrays. */
function lexCompare(a: Float64Array, ai: number, b: Float64Array, bi: number, k: number): number {
  for (let l = 0; l < k; l++) {
    const d = a[ai + l] - b[bi + l];
    if (d !== 0) return d < 0 ? -1 : 1;
  }
  return 0;
}

export interface FlowRunStats {
  augmentations: number;
  dijkstraRuns: number;
}

export class LexMinCostFlow {
  private readonly to: number[] = [];
  private readonly cap: number[] = [];
  private readonly costList: number[] = [];
  private readonly head: Int32Array;
  private readonly next: number[] = [];
  private residual = new Int32Array(0);

  constructor(
    readonly nodeCount: number,
    readonly levels: number,
  ) {
    this.head = new Int32Array(nodeCount).fill(-1);
  }

  /** Adds arc from→to (and its residual twin); returns the arc id. `cost` has `levels` integer entries. */
  addArc(from: number, to: number, capacity: number, cost: ArrayLike<number>): number {
    const id = this.to.length;
    this.pushArc(from, to, capacity, cost, 1);
    this.pushArc(to, from, 0, cost, -1);
    return id;
  }

  private pushArc(from: number, to: number, capacity: number, cost: ArrayLike<number>, sign: number): void {
    const id = this.to.length;
    this.to.push(to);
    this.cap.push(capacity);
    for (let l = 0; l < this.levels; l++) this.costList.push(sign * cost[l] + 0);
    this.next.push(this.head[from]);
    this.head[from] = id;
  }

  /** Units of flow on an arc returned by addArc (after run). */
  flowOn(arc: number): number {
    return this.residual[arc ^ 1];
  }

  /**
   * Minimises total cost over all flow values (stops when no s→t path has negative cost),
   * which is what "maximise value" needs. Requires no negative cycle in the initial network.
   */
  run(source: number, sink: number): FlowRunStats {
    const n = this.nodeCount;
    const k = this.levels;
    const to = Int32Array.from(this.to);
    const res = Int32Array.from(this.cap);
    this.residual = res;
    const cost = Float64Array.from(this.costList);
    const head = this.head;
    const next = Int32Array.from(this.next);
    const arcCount = to.length;
    const pot = new Float64Array(n * k);
    const dist = new Float64Array(n * k);
    const tmp = new Float64Array(k);
    const stats: FlowRunStats = { augmentations: 0, dijkstraRuns: 0 };

    // Initial potentials by Bellman-Ford from the source (networks here are shallow DAGs: few passes).
    const reached = new Uint8Array(n);
    reached[source] = 1;
    for (let pass = 0; pass < n; pass++) {
      let changed = false;
      for (let u = 0; u < n; u++) {
        if (!reached[u]) continue;
        for (let e = head[u]; e !== -1; e = next[e]) {
          if (res[e] <= 0) continue;
          const v = to[e];
          for (let l = 0; l < k; l++) tmp[l] = pot[u * k + l] + cost[e * k + l];
          if (!reached[v] || lexCompare(tmp, 0, pot, v * k, k) < 0) {
            reached[v] = 1;
            pot.set(tmp, v * k);
            changed = true;
          }
        }
      }
      if (!changed) break;
    }
    if (!reached[sink]) return stats;

    // Indexed binary heap keyed by dist (decrease-key only).
    const heap = new Int32Array(n);
    const pos = new Int32Array(n);
    const state = new Uint8Array(n); // 0 unseen, 1 in heap, 2 done
    const parentArc = new Int32Array(n);
    const done: number[] = [];
    let size = 0;
    const less = (x: number, y: number): boolean => lexCompare(dist, x * k, dist, y * k, k) < 0;
    const siftUp = (i: number): void => {
      const node = heap[i];
      while (i > 0) {
        const p = (i - 1) >> 1;
        if (!less(node, heap[p])) break;
        heap[i] = heap[p];
        pos[heap[i]] = i;
        i = p;
      }
      heap[i] = node;
      pos[node] = i;
    };
    const pop = (): number => {
      const top = heap[0];
      const last = heap[--size];
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        if (l >= size) break;
        const r = l + 1;
        const c = r < size && less(heap[r], heap[l]) ? r : l;
        if (!less(heap[c], last)) break;
        heap[i] = heap[c];
        pos[heap[i]] = i;
        i = c;
      }
      if (size > 0) {
        heap[i] = last;
        pos[last] = i;
      }
      return top;
    };

    const seen: number[] = [];
    for (;;) {
      // Dijkstra on reduced costs, stopped as soon as the sink is settled.
      stats.dijkstraRuns++;
      for (const v of seen) state[v] = 0;
      seen.length = 0;
      done.length = 0;
      size = 0;
      dist.fill(0, source * k, source * k + k);
      state[source] = 1;
      seen.push(source);
      heap[size++] = source;
      pos[source] = 0;
      let sinkDone = false;
      while (size > 0) {
        const u = pop();
        state[u] = 2;
        done.push(u);
        if (u === sink) {
          sinkDone = true;
          break;
        }
        for (let e = head[u]; e !== -1; e = next[e]) {
          if (res[e] <= 0) continue;
          const v = to[e];
          if (state[v] === 2) continue;
          for (let l = 0; l < k; l++) {
            tmp[l] = dist[u * k + l] + cost[e * k + l] + pot[u * k + l] - pot[v * k + l];
          }
          if (state[v] === 0 || lexCompare(tmp, 0, dist, v * k, k) < 0) {
            dist.set(tmp, v * k);
            parentArc[v] = e;
            if (state[v] === 0) {
              state[v] = 1;
              seen.push(v);
              pos[v] = size;
              heap[size++] = v;
            }
            siftUp(pos[v]);
          }
        }
      }
      if (!sinkDone) break;
      // Real path cost = reduced distance + pot(sink) - pot(source); stop when it is no gain.
      for (let l = 0; l < k; l++) tmp[l] = dist[sink * k + l] + pot[sink * k + l] - pot[source * k + l];
      let sign = 0;
      for (let l = 0; l < k && sign === 0; l++) sign = tmp[l] < 0 ? -1 : tmp[l] > 0 ? 1 : 0;
      if (sign >= 0) break;
      // pot(v) += min(dist(v), dist(sink)); the common dist(sink) shift cancels in reduced costs.
      for (const v of done) {
        for (let l = 0; l < k; l++) pot[v * k + l] += dist[v * k + l] - dist[sink * k + l];
      }
      let push = Infinity;
      for (let v = sink; v !== source; v = to[parentArc[v] ^ 1]) push = Math.min(push, res[parentArc[v]]);
      for (let v = sink; v !== source; v = to[parentArc[v] ^ 1]) {
        res[parentArc[v]] -= push;
        res[parentArc[v] ^ 1] += push;
      }
      stats.augmentations++;
      if (stats.augmentations > arcCount * 4 + 16) throw new Error('LexMinCostFlow: no convergence');
    }
    return stats;
  }
}
