// Large-neighbourhood search on the incremental SAT model: every meeting outside a chosen
// neighbourhood keeps its current slot (assumptions on its slot variable), the total-breaks bound
// asks for one break fewer than the best schedule, and a small conflict budget decides whether the
// neighbourhood holds an improvement. This file holds the pure part: choosing neighbourhoods and
// adapting their size; sat-search runs the solver calls.
import type { ScheduleModel } from './schedule-model';
import type { SearchState } from './search-state';
import { SeededRandom } from './seeded-random';

/** How the free meetings are chosen. */
export type NeighbourhoodKind = 'participants' | 'slots' | 'window';

export const NEIGHBOURHOOD_KINDS: readonly NeighbourhoodKind[] = ['participants', 'slots', 'window'];

export interface LnsTuning {
  /** Conflict budget of one neighbourhood call. */
  conflicts: number;
  /** Initial share of the movable meetings left free. */
  share: number;
  minShare: number;
  maxShare: number;
  /** Share factor after a refuted neighbourhood (too small to hold an improvement). */
  grow: number;
  /** Share factor after a neighbourhood that ran out of its budget (too large to decide). */
  shrink: number;
}

export const LNS_TUNING_DEFAULT: LnsTuning = { conflicts: 300, share: 0.2, minShare: 0.05, maxShare: 1, grow: 1.15, shrink: 0.9 };

/**
 * Chooses neighbourhoods (sets of movable meetings left free) around the participants with breaks.
 * Deterministic for a given seed.
 */
export class NeighbourhoodPicker {
  private readonly rng: SeededRandom;
  private readonly mark: Int32Array;
  private readonly pMark: Int32Array;
  private stamp = 0;
  /** Meetings that blocked the last refuted neighbourhood (its failed assumptions): freed next. */
  private carry: number[] = [];
  share: number;

  constructor(
    private readonly model: ScheduleModel,
    /** Meetings the search may move (active, not pinned, placed). */
    private readonly movable: readonly number[],
    seed: number,
    private readonly tuning: LnsTuning = LNS_TUNING_DEFAULT,
  ) {
    this.rng = new SeededRandom(seed);
    this.mark = new Int32Array(model.M);
    this.pMark = new Int32Array(model.P);
    this.share = tuning.share;
  }

  /** Number of meetings to free at the current share. */
  size(): number {
    return Math.max(2, Math.min(this.movable.length, Math.round(this.share * this.movable.length)));
  }

  /** Adapts the share to the outcome of the last call. */
  feedback(outcome: 'improved' | 'refuted' | 'unknown', blocking: readonly number[] = []): void {
    const t = this.tuning;
    if (outcome === 'refuted') this.share = Math.min(t.maxShare, this.share * t.grow);
    else if (outcome === 'unknown') this.share = Math.max(t.minShare, this.share * t.shrink);
    this.carry = outcome === 'refuted' ? blocking.slice(0, Math.ceil(this.size() / 3)) : [];
  }

  /** A neighbourhood of about size() movable meetings, as a 0/1 mark per meeting (1 = free). */
  pick(st: SearchState, kind: NeighbourhoodKind): Uint8Array {
    const free = new Uint8Array(this.model.M);
    const target = this.size();
    let count = 0;
    const stamp = ++this.stamp;
    const take = (m: number): void => {
      if (this.mark[m] === stamp) return;
      this.mark[m] = stamp;
      free[m] = 1;
      count++;
    };
    for (const m of this.carry) if (count < target) take(m);
    if (kind === 'participants') this.byParticipants(st, target, take, () => count, stamp);
    else if (kind === 'slots') this.bySlots(st, target, take, () => count, false);
    else this.bySlots(st, target, take, () => count, true);
    return free;
  }

  /** Random slots (or a window of consecutive slots): every movable meeting held there. */
  private bySlots(st: SearchState, target: number, take: (m: number) => void, count: () => number, window: boolean): void {
    const T = this.model.T;
    const bySlot: number[][] = Array.from({ length: T }, () => []);
    for (const m of this.movable) if (st.slot[m] >= 0) bySlot[st.slot[m]].push(m);
    const order: number[] = [];
    if (window) {
      // A window grown from a random slot, alternately to both sides.
      const first = this.rng.int(T);
      order.push(first);
      let lo = first - 1;
      let hi = first + 1;
      while (lo >= 0 || hi < T) {
        if (hi < T && (lo < 0 || this.rng.next() < 0.5)) order.push(hi++);
        else order.push(lo--);
      }
    } else {
      for (let t = 0; t < T; t++) order.push(t);
      shuffle(order, this.rng);
    }
    for (const t of order) {
      if (count() >= target) break;
      const ms = bySlot[t];
      if (count() + ms.length > target && count() > 0 && !window) {
        // Part of a slot: random meetings of it.
        shuffle(ms, this.rng);
      }
      for (const m of ms) {
        if (count() >= target) break;
        take(m);
      }
    }
  }

  /**
   * Participants with breaks and their meeting partners (breadth first, randomly): all movable
   * meetings of each chosen participant.
   */
  private byParticipants(st: SearchState, target: number, take: (m: number) => void, count: () => number, stamp: number): void {
    const { P, pStart, pList, ma, mb } = this.model;
    const isMovable = this.movableMark();
    const withBreaks: number[] = [];
    for (let p = 0; p < P; p++) if (st.br[p] > 0) withBreaks.push(p);
    shuffle(withBreaks, this.rng);
    const queue: number[] = [];
    const visit = (p: number): void => {
      if (this.pMark[p] === stamp) return;
      this.pMark[p] = stamp;
      queue.push(p);
    };
    // Seeds: a few participants with breaks; the rest of the budget goes to their partners.
    const seeds = Math.max(1, Math.min(withBreaks.length, 1 + this.rng.int(3)));
    for (let i = 0; i < seeds; i++) visit(withBreaks[i]);
    if (queue.length === 0) visit(this.rng.int(P));
    let head = 0;
    while (count() < target) {
      if (head >= queue.length) {
        // Disconnected: a random participant, preferably one with breaks.
        const rest = withBreaks.filter((p) => this.pMark[p] !== stamp);
        const before = queue.length;
        visit(rest.length > 0 ? rest[this.rng.int(rest.length)] : this.rng.int(P));
        if (queue.length === before) break;
        continue;
      }
      // Pick the next participant at random among the next few in the queue.
      const k = head + this.rng.int(Math.min(3, queue.length - head));
      [queue[head], queue[k]] = [queue[k], queue[head]];
      const p = queue[head++];
      const ms: number[] = [];
      for (let i = pStart[p]; i < pStart[p + 1]; i++) if (isMovable[pList[i]]) ms.push(pList[i]);
      shuffle(ms, this.rng);
      for (const m of ms) {
        if (count() >= target) break;
        take(m);
        visit(ma[m] === p ? mb[m] : ma[m]);
      }
    }
  }

  private movableMarkCache: Uint8Array | null = null;

  private movableMark(): Uint8Array {
    if (!this.movableMarkCache) {
      this.movableMarkCache = new Uint8Array(this.model.M);
      for (const m of this.movable) this.movableMarkCache[m] = 1;
    }
    return this.movableMarkCache;
  }
}

function shuffle<T>(a: T[], rng: SeededRandom): void {
  for (let i = a.length - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    [a[i], a[j]] = [a[j], a[i]];
  }
}
