// Greedy construction followed by simulated annealing with restarts on
// cost = W·(clashes + over-capacity + broken precedences) + breaks + w·idle + WF·(fairness excess).
// Moves: single meeting, Kempe chain between two slots, meeting swaps, participant re-timing
// (assignment problem) and whole-slot swaps/insertions; every move is undone if rejected.
import { popcount32 } from './break-count';
import { ParticipantRetimer } from './participant-retime';
import type { ScheduleModel } from './schedule-model';
import { SearchState, UNPLACED } from './search-state';
import { DEFAULT_TUNING, type SearchTuning } from './search-tuning';
import { SeededRandom } from './seeded-random';
import { insertSlot, swapSlots } from './slot-moves';

export interface SearchParams {
  timeLimitMs: number;
  /**
   * Keep going past `timeLimitMs` while the search still improves: stop only once no better
   * schedule was found for this long, or at `maxTimeLimitMs` (default: no extension).
   */
  extendWhileImprovingMs?: number;
  maxTimeLimitMs?: number;
  seed: number;
  d: number;
  lowerBound: number;
  maxIterations: number;
  now: () => number;
  onProgress?: (fraction: number, bestBreaks: number | null) => void;
  tuning?: Partial<SearchTuning>;
  /** Start from this slot assignment (e.g. after an exact step) instead of the greedy construction. */
  initial?: Int32Array;
  /** Polled with the clock: true stops the search (e.g. a helper thread found an optimal schedule). */
  interrupt?: () => boolean;
}

export interface SearchOutcome {
  state: SearchState;
  iterations: number;
}

export class LocalSearch {
  private readonly st: SearchState;
  private readonly rng: SeededRandom;
  private readonly movable: Int32Array;
  private readonly domList: Int32Array[];
  private readonly undoM: Int32Array;
  private readonly undoS: Int32Array;
  private undoLen = 0;
  private readonly mark: Int32Array;
  private stamp = 0;
  private readonly queue: Int32Array;
  private readonly tune: SearchTuning;
  /** Move statistics by kind: [tried, applied, accepted] (diagnostics only). */
  readonly stats = { move: [0, 0, 0], kempe: [0, 0, 0], swap: [0, 0, 0], retime: [0, 0, 0], slots: [0, 0, 0] };
  /** Allowed slots of each meeting as a bitmask (null when T > 31). */
  private readonly domMask: Int32Array | null;
  private readonly retimer: ParticipantRetimer | null;

  constructor(
    private readonly model: ScheduleModel,
    private readonly params: SearchParams,
  ) {
    this.tune = { ...DEFAULT_TUNING, ...params.tuning };
    this.st = new SearchState(model, this.tune.idleCap);
    this.rng = new SeededRandom(params.seed);
    const { M, T } = model;
    const mov: number[] = [];
    this.domList = [];
    for (let m = 0; m < M; m++) {
      const d: number[] = [];
      for (let t = 0; t < T; t++) if (model.domain[m * T + t]) d.push(t);
      this.domList.push(Int32Array.from(d));
      if (model.active[m] && model.pinned[m] < 0) mov.push(m);
    }
    this.movable = Int32Array.from(mov);
    this.domMask = T <= 31 ? new Int32Array(M) : null;
    this.retimer = T <= 31 ? new ParticipantRetimer(model, this.st, this.tune.wIdle, this.tune.wHard) : null;
    if (this.domMask) for (let m = 0; m < M; m++) for (const t of this.domList[m]) this.domMask[m] |= 1 << t;
    this.undoM = new Int32Array(2 * M + 4);
    this.undoS = new Int32Array(2 * M + 4);
    this.mark = new Int32Array(M);
    this.queue = new Int32Array(M);
  }

  private cost(): number {
    const st = this.st;
    return this.tune.wHard * (st.clashes + st.precViol) + this.tune.wCap * st.overCap + st.breaks + this.tune.wIdle * st.idle + this.tune.wFair * st.fairnessExcess(this.params.d);
  }

  /** Lexicographic quality key: violations, then fairness excess, then breaks. */
  private key(): number {
    const st = this.st;
    return st.violations * 1e6 + st.fairnessExcess(this.params.d) * 1e3 + st.breaks;
  }

  private readonly mover = (m: number, t: number): void => this.move(m, t);

  private move(m: number, t: number): void {
    this.undoM[this.undoLen] = m;
    this.undoS[this.undoLen++] = this.st.slot[m];
    this.st.relocate(m, t);
  }

  private undo(): void {
    this.undoTo(0);
  }

  private undoTo(mark: number): void {
    while (this.undoLen > mark) {
      this.undoLen--;
      this.st.relocate(this.undoM[this.undoLen], this.undoS[this.undoLen]);
    }
  }

  /** Pinned meetings first, then by fewest allowed slots; each goes where it costs least. */
  private construct(): void {
    const M = this.model.M;
    const st = this.st;
    for (let m = 0; m < M; m++) if (this.model.active[m] && this.model.pinned[m] >= 0) st.relocate(m, this.model.pinned[m]);
    const order = Array.from(this.movable).sort((x, y) => this.domList[x].length - this.domList[y].length || x - y);
    for (const m of order) {
      let best = -1;
      let bestCost = Infinity;
      const dom = this.domList[m];
      const offset = this.rng.int(dom.length);
      for (let k = 0; k < dom.length; k++) {
        const t = dom[(k + offset) % dom.length];
        st.relocate(m, t);
        const c = this.cost();
        st.relocate(m, UNPLACED);
        if (c < bestCost) {
          bestCost = c;
          best = t;
        }
      }
      st.relocate(m, best >= 0 ? best : dom[0]);
    }
  }

  private pickMeeting(): number {
    const mov = this.movable;
    const st = this.st;
    if (st.violations > 0 && this.rng.next() < 0.6) {
      for (let k = 0; k < 24; k++) {
        const m = mov[this.rng.int(mov.length)];
        if (st.violationsOf(m) > 0) return m;
      }
    } else if (st.breaks > 0 && this.rng.next() < this.tune.pFocus) {
      // Focus on meetings of participants that have breaks.
      for (let k = 0; k < 16; k++) {
        const m = mov[this.rng.int(mov.length)];
        if (st.br[this.model.ma[m]] > 0 || st.br[this.model.mb[m]] > 0) return m;
      }
    }
    return mov[this.rng.int(mov.length)];
  }

  /** Random set bit of a non-zero mask. */
  private randomBit(mask: number): number {
    let k = this.rng.int(popcount32(mask));
    while (k-- > 0) mask &= mask - 1;
    return 31 - Math.clz32(mask & -mask);
  }

  /**
   * A target slot for m, often next to another meeting of one of its participants (closing gaps);
   * `free` also asks both participants to be idle there (plain moves; Kempe chains resolve clashes).
   */
  private pickSlot(m: number, free: boolean): number {
    const st = this.st;
    const cur = st.slot[m];
    if (this.domMask && this.rng.next() < this.tune.pNear) {
      const T = this.model.T;
      const a = this.model.ma[m];
      const b = this.model.mb[m];
      let occA = st.occ[a];
      let occB = st.occ[b];
      if (st.cnt[a * T + cur] === 1) occA &= ~(1 << cur);
      if (st.cnt[b * T + cur] === 1) occB &= ~(1 << cur);
      // Aim at the participant that has breaks, if only one of them does.
      const ba = st.br[a] > 0;
      const bb = st.br[b] > 0;
      const near = ba && !bb ? occA : bb && !ba ? occB : occA | occB;
      let cand = ((near << 1) | (near >>> 1)) & this.domMask[m] & ~(1 << cur);
      if (free) cand &= ~(occA | occB);
      if (cand !== 0) return this.randomBit(cand);
    }
    const dom = this.domList[m];
    const t = dom[this.rng.int(dom.length)];
    return t === cur ? -1 : t;
  }

  /** Swaps the connected component of meetings in slots {t1,t2} that contains m (Kempe chain). */
  private kempe(m: number, t2: number): boolean {
    const { T, domain, pStart, pList, pinned, active } = this.model;
    const slot = this.st.slot;
    const t1 = slot[m];
    const stamp = ++this.stamp;
    const q = this.queue;
    let head = 0;
    let tail = 0;
    q[tail++] = m;
    this.mark[m] = stamp;
    while (head < tail) {
      const x = q[head++];
      const other = slot[x] === t1 ? t2 : t1;
      if (pinned[x] >= 0 || !domain[x * T + other]) return false;
      for (let side = 0; side < 2; side++) {
        const p = side === 0 ? this.model.ma[x] : this.model.mb[x];
        for (let i = pStart[p]; i < pStart[p + 1]; i++) {
          const y = pList[i];
          if (this.mark[y] === stamp || !active[y]) continue;
          const s = slot[y];
          if (s === t1 || s === t2) {
            // Long chains reshuffle half the day and are almost never accepted: skip them.
            if (tail >= this.tune.maxChain) return false;
            this.mark[y] = stamp;
            q[tail++] = y;
          }
        }
      }
    }
    for (let k = 0; k < tail; k++) {
      const x = q[k];
      this.move(x, slot[x] === t1 ? t2 : t1);
    }
    // An odd chain shifts one meeting's worth of load; rebalance a full slot with a meeting
    // outside the chain whose participants are idle in the other slot.
    if (this.rng.next() < this.tune.pBalance) {
      const tables = this.model.tables;
      if (this.st.load[t2] > tables) this.rebalance(t2, t1, stamp);
      else if (this.st.load[t1] > tables) this.rebalance(t1, t2, stamp);
    }
    return true;
  }

  /** Moves one meeting (not marked with stamp) from slot `from` to `to` if both participants are idle there. */
  private rebalance(from: number, to: number, stamp: number): void {
    const { T, domain, ma, mb } = this.model;
    const st = this.st;
    const mov = this.movable;
    for (let k = 0; k < 64; k++) {
      const x = mov[this.rng.int(mov.length)];
      if (st.slot[x] !== from || this.mark[x] === stamp || !domain[x * T + to]) continue;
      if (st.cnt[ma[x] * T + to] === 0 && st.cnt[mb[x] * T + to] === 0) {
        this.move(x, to);
        return;
      }
    }
  }

  /** Swaps m with another meeting of one of its participants, or with any meeting of a target slot. */
  private swapMeetings(m: number): boolean {
    const { T, domain, pStart, pList, pinned, active } = this.model;
    const t1 = this.st.slot[m];
    let m2 = -1;
    if (this.rng.next() < this.tune.pSwapAny) {
      // Swap with a meeting of a nearby slot: keeps both slots' table loads.
      const target = this.pickSlot(m, false);
      if (target < 0) return false;
      const mov = this.movable;
      for (let k = 0; k < 48 && m2 < 0; k++) {
        const x = mov[this.rng.int(mov.length)];
        if (this.st.slot[x] === target) m2 = x;
      }
      if (m2 < 0) return false;
    } else {
      const p = this.rng.next() < 0.5 ? this.model.ma[m] : this.model.mb[m];
      const n = pStart[p + 1] - pStart[p];
      m2 = pList[pStart[p] + this.rng.int(n)];
    }
    const t2 = this.st.slot[m2];
    if (m2 === m || !active[m2] || pinned[m2] >= 0 || t1 === t2 || !domain[m * T + t2] || !domain[m2 * T + t1]) return false;
    this.move(m, t2);
    this.move(m2, t1);
    return true;
  }

  /** Re-times every meeting of a participant with breaks into a random compact window. */
  private retime(): boolean {
    const retimer = this.retimer;
    if (!retimer) return false;
    const { ma, mb, T } = this.model;
    const st = this.st;
    let p = -1;
    for (let k = 0; k < 16 && p < 0; k++) {
      const m = this.movable[this.rng.int(this.movable.length)];
      const x = this.rng.next() < 0.5 ? ma[m] : mb[m];
      if (st.br[x] > 0) p = x;
    }
    if (p < 0) return false;
    const hole = st.deg[p] < T && this.rng.next() < this.tune.pHole;
    const w = st.deg[p] + (hole ? 1 : 0);
    if (retimer.plan(p, this.rng.int(T - w + 1), hole) === Infinity) return false;
    for (let i = 0; i < retimer.planLen; i++) this.move(retimer.planM[i], retimer.planT[i]);
    return true;
  }

  run(): SearchOutcome {
    const { params, st, rng } = this;
    const start = params.now();
    const deadline = start + params.timeLimitMs;
    const hardDeadline = start + Math.max(params.timeLimitMs, params.maxTimeLimitMs ?? params.timeLimitMs);
    const extendMs = params.extendWhileImprovingMs ?? 0;
    let lastImprovement = start;
    if (params.initial) {
      for (let m = 0; m < this.model.M; m++) if (this.model.active[m] && params.initial[m] >= 0) st.relocate(m, params.initial[m]);
    } else this.construct();
    const best = Int32Array.from(st.slot);
    let bestKey = this.key();
    let cur = this.cost();
    let iter = 0;
    let lastProgress = start;
    const T = this.model.T;
    const done = () => st.violations === 0 && st.fairnessExcess(params.d) === 0 && st.breaks <= params.lowerBound;
    if (this.movable.length === 0 || done()) return { state: st, iterations: 0 };
    let cycleIter = 0;
    let cycleImproved = false;
    const { cycle, tempHigh, tempLow, pMove, pKempe, pSwap } = this.tune;
    const pKempeCum = pMove + pKempe;
    const pSwapCum = pKempeCum + pSwap;
    const logRatio = Math.log(tempLow / tempHigh);
    let temp = tempHigh;
    while (iter < params.maxIterations) {
      if ((iter & 1023) === 0) {
        const now = params.now();
        if (now >= deadline && (now >= hardDeadline || now - lastImprovement >= extendMs)) break;
        if (params.interrupt?.()) break;
        temp = tempHigh * Math.exp((logRatio * cycleIter) / cycle);
        if (params.onProgress && now - lastProgress > 200) {
          lastProgress = now;
          params.onProgress(Math.min(1, (now - start) / params.timeLimitMs), bestKey < 1e3 ? bestKey : null);
        }
      }
      iter++;
      if (++cycleIter >= cycle) {
        // Restart from the best state when a whole cooling cycle brought nothing.
        if (!cycleImproved && this.tune.restore) {
          for (let m = 0; m < best.length; m++) if (this.model.active[m] && st.slot[m] !== best[m]) st.relocate(m, best[m]);
          cur = this.cost();
        }
        cycleIter = 0;
        cycleImproved = false;
      }
      this.undoLen = 0;
      const r = rng.next();
      const m = this.pickMeeting();
      let applied: boolean;
      let kind: number[];
      if (r < pMove) {
        kind = this.stats.move;
        const t = this.pickSlot(m, true);
        applied = t >= 0;
        if (applied) this.move(m, t);
      } else if (r < pKempeCum) {
        kind = this.stats.kempe;
        const t = this.pickSlot(m, false);
        applied = t >= 0 && this.kempe(m, t);
      } else if (r < pSwapCum) {
        kind = this.stats.swap;
        applied = this.swapMeetings(m);
      } else if (this.retimer && r < pSwapCum + this.tune.pRetime) {
        kind = this.stats.retime;
        applied = this.retime();
      } else {
        kind = this.stats.slots;
        const t1 = rng.int(T);
        const t2 = rng.int(T);
        applied = t1 !== t2 && (rng.next() < this.tune.pInsert ? insertSlot(this.model, st.slot, t1, t2, this.queue, this.mover) : swapSlots(this.model, st.slot, t1, t2, this.mover));
      }
      kind[0]++;
      if (!applied) {
        this.undo();
        continue;
      }
      kind[1]++;
      const c = this.cost();
      const delta = c - cur;
      if (delta <= 0 || rng.next() < Math.exp(-delta / temp)) {
        cur = c;
        kind[2]++;
        const k = this.key();
        if (k < bestKey) {
          bestKey = k;
          best.set(st.slot);
          cycleImproved = true;
          if (extendMs > 0) lastImprovement = params.now();
          if (done()) break;
        }
      } else this.undo();
    }
    for (let m = 0; m < best.length; m++) if (this.model.active[m] && st.slot[m] !== best[m]) st.relocate(m, best[m]);
    return { state: st, iterations: iter };
  }
}
