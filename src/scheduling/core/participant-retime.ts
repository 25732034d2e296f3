// Large move for one participant: re-time all its meetings into a compact window of slots, choosing
// which meeting goes where by an assignment problem whose costs are the partners' break changes.
import { breaksOfMask, popcount32 } from './break-count';
import type { ScheduleModel } from './schedule-model';
import type { SearchState } from './search-state';

const BIG = 1e6;

/** Scratch buffers for solveAssignment, grown on demand so the hot path does not allocate. */
class AssignmentScratch {
  u = new Float64Array(0);
  v = new Float64Array(0);
  p = new Int32Array(0);
  way = new Int32Array(0);
  minv = new Float64Array(0);
  used = new Uint8Array(0);

  ensure(size: number): void {
    if (this.u.length >= size) return;
    this.u = new Float64Array(size);
    this.v = new Float64Array(size);
    this.p = new Int32Array(size);
    this.way = new Int32Array(size);
    this.minv = new Float64Array(size);
    this.used = new Uint8Array(size);
  }
}

const scratch = new AssignmentScratch();

/** Min-cost assignment of n rows to m >= n columns (Hungarian algorithm with potentials). */
export function solveAssignment(n: number, m: number, cost: Float64Array, out: Int32Array): number {
  scratch.ensure(Math.max(n, m) + 1);
  const { u, v, p, way, minv, used } = scratch;
  u.fill(0, 0, n + 1);
  v.fill(0, 0, m + 1);
  p.fill(0, 0, m + 1);
  way.fill(0, 0, m + 1);
  for (let i = 1; i <= n; i++) {
    p[0] = i;
    let j0 = 0;
    minv.fill(Infinity, 0, m + 1);
    used.fill(0, 0, m + 1);
    do {
      used[j0] = 1;
      const i0 = p[j0];
      let delta = Infinity;
      let j1 = 0;
      for (let j = 1; j <= m; j++) {
        if (used[j]) continue;
        const cur = cost[(i0 - 1) * m + (j - 1)] - u[i0] - v[j];
        if (cur < minv[j]) {
          minv[j] = cur;
          way[j] = j0;
        }
        if (minv[j] < delta) {
          delta = minv[j];
          j1 = j;
        }
      }
      for (let j = 0; j <= m; j++) {
        if (used[j]) {
          u[p[j]] += delta;
          v[j] -= delta;
        } else minv[j] -= delta;
      }
      j0 = j1;
    } while (p[j0] !== 0);
    do {
      const j1 = way[j0];
      p[j0] = p[j1];
      j0 = j1;
    } while (j0 !== 0);
  }
  let total = 0;
  for (let j = 1; j <= m; j++) {
    if (p[j] > 0) {
      out[p[j] - 1] = j - 1;
      total += cost[(p[j] - 1) * m + (j - 1)];
    }
  }
  return total;
}

export class ParticipantRetimer {
  private readonly cost: Float64Array;
  private readonly assign: Int32Array;
  private readonly meetings: Int32Array;
  readonly planM: Int32Array;
  readonly planT: Int32Array;
  planLen = 0;

  constructor(
    private readonly model: ScheduleModel,
    private readonly st: SearchState,
    private readonly wIdle: number,
    private readonly wHard: number,
  ) {
    const maxDeg = Math.max(1, ...Array.from({ length: model.P }, (_, p) => model.pStart[p + 1] - model.pStart[p]));
    this.cost = new Float64Array((maxDeg + 1) * (maxDeg + 1));
    this.assign = new Int32Array(maxDeg + 1);
    this.meetings = new Int32Array(maxDeg);
    this.planM = new Int32Array(maxDeg);
    this.planT = new Int32Array(maxDeg);
  }

  /**
   * Plans the best contiguous window for participant p (bitmask path, T <= 31); the plan is left in
   * planM/planT for the caller to apply and judge with the full cost. Returns the estimated partner
   * cost, Infinity when the window does not fit.
   */
  plan(p: number, windowStart: number, hole = false): number {
    const { T, domain, pStart, pList, active, ma, mb, pinned, tables } = this.model;
    const st = this.st;
    let k = 0;
    for (let i = pStart[p]; i < pStart[p + 1]; i++) if (active[pList[i]]) this.meetings[k++] = pList[i];
    // With a hole the window is one slot longer; a dummy row takes the unused slot and costs a
    // break for p when it sits inside the window (at either end it is just a shifted window).
    const w = hole ? k + 1 : k;
    if (k < 2 || windowStart < 0 || windowStart + w > T) return Infinity;
    const cost = this.cost;
    for (let r = 0; r < k; r++) {
      const m = this.meetings[r];
      const q = ma[m] === p ? mb[m] : ma[m];
      const cur = st.slot[m];
      // Partner occupancy without this meeting.
      const base = st.cnt[q * T + cur] === 1 ? st.occ[q] & ~(1 << cur) : st.occ[q];
      for (let c = 0; c < w; c++) {
        const t = windowStart + c;
        let v: number;
        if (!domain[m * T + t] || (pinned[m] >= 0 && pinned[m] !== t)) v = BIG;
        else {
          const busy = (base >>> t) & 1;
          const mask = base | (1 << t);
          const idle = 31 - Math.clz32(mask) - (31 - Math.clz32(mask & -mask)) + 1 - popcount32(mask);
          v = breaksOfMask(mask) + this.wIdle * idle + (busy ? this.wHard : 0);
          // Over capacity unless the slot already holds one of p's meetings that leaves.
          const freeing = st.cnt[p * T + t] > 0 ? 1 : 0;
          if (cur !== t && st.load[t] - freeing >= tables) v += this.wHard;
        }
        cost[r * w + c] = v;
      }
    }
    if (hole) for (let c = 0; c < w; c++) cost[k * w + c] = c === 0 || c === w - 1 ? 0 : 1 + this.wIdle;
    const total = solveAssignment(w, w, cost, this.assign);
    if (total >= BIG) return Infinity;
    this.planLen = 0;
    for (let r = 0; r < k; r++) {
      this.planM[this.planLen] = this.meetings[r];
      this.planT[this.planLen++] = windowStart + this.assign[r];
    }
    return total;
  }
}
