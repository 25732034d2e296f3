// Incremental state of a (possibly infeasible) slot assignment: every quantity the search needs is
// updated in O(1) per relocated meeting, so compound moves are sequences of relocations.
import { breaksOfMask, popcount32 } from './break-count';
import type { ScheduleModel } from './schedule-model';

export const UNPLACED = -1;

export class SearchState {
  readonly slot: Int32Array;
  /** Meetings per (participant, slot); > 1 is a clash. */
  readonly cnt: Uint8Array;
  /** Occupancy bitmask per participant (only when T <= 31). */
  readonly occ: Int32Array;
  readonly br: Int32Array;
  /** hist[b] = participants (with meetings) having b breaks. */
  readonly hist: Int32Array;
  readonly load: Int32Array;
  readonly deg: Int32Array;
  clashes = 0;
  overCap = 0;
  precViol = 0;
  breaks = 0;
  /** Idle slots inside participants' spans: a smoother guide towards closing breaks. */
  idle = 0;
  readonly idleOf: Int32Array;
  /** Upper bound on the highest non-empty hist entry, so maxBreaks scans little. */
  private histTop = 0;
  private readonly useMask: boolean;

  constructor(
    readonly model: ScheduleModel,
    private readonly idleCap = 1000,
  ) {
    const { P, T, M } = model;
    this.slot = new Int32Array(M).fill(UNPLACED);
    this.cnt = new Uint8Array(P * T);
    this.occ = new Int32Array(P);
    this.br = new Int32Array(P);
    this.hist = new Int32Array(T + 2);
    this.load = new Int32Array(T);
    this.deg = new Int32Array(P);
    this.idleOf = new Int32Array(P);
    this.useMask = T <= 31;
    for (let m = 0; m < M; m++) {
      if (!model.active[m]) continue;
      this.deg[model.ma[m]]++;
      this.deg[model.mb[m]]++;
    }
    for (let p = 0; p < P; p++) if (this.deg[p] > 0) this.hist[0]++;
  }

  private breaksOf(p: number): number {
    if (this.useMask) return breaksOfMask(this.occ[p]);
    const T = this.model.T;
    const base = p * T;
    let breaks = 0;
    let seen = false;
    let idle = false;
    for (let t = 0; t < T; t++) {
      if (this.cnt[base + t] > 0) {
        if (seen && idle) breaks++;
        seen = true;
        idle = false;
      } else idle = true;
    }
    return breaks;
  }

  private touchParticipant(p: number, t: number, add: boolean): void {
    const i = p * this.model.T + t;
    const c = this.cnt[i];
    if (add) {
      if (c >= 1) this.clashes++;
      this.cnt[i] = c + 1;
      if (c !== 0) return;
      if (this.useMask) this.occ[p] |= 1 << t;
    } else {
      if (c >= 2) this.clashes--;
      this.cnt[i] = c - 1;
      if (c !== 1) return;
      if (this.useMask) this.occ[p] &= ~(1 << t);
    }
    // Occupancy changed: refresh this participant's breaks and idle slots.
    if (this.useMask) {
      const mask = this.occ[p];
      const gaps = mask === 0 ? 0 : 31 - Math.clz32(mask) - (31 - Math.clz32(mask & -mask)) + 1 - popcount32(mask);
      // Capped so that idle shaping never outweighs a whole break.
      const idle = gaps < this.idleCap ? gaps : this.idleCap;
      this.idle += idle - this.idleOf[p];
      this.idleOf[p] = idle;
    }
    const old = this.br[p];
    const nb = this.breaksOf(p);
    if (nb !== old) {
      this.br[p] = nb;
      this.breaks += nb - old;
      this.hist[old]--;
      this.hist[nb]++;
      if (nb > this.histTop) this.histTop = nb;
    }
  }

  private precedenceCount(m: number, s: number): number {
    if (s < 0) return 0;
    const { predStart, predList, succStart, succList } = this.model;
    const slot = this.slot;
    let v = 0;
    for (let i = predStart[m]; i < predStart[m + 1]; i++) {
      const q = slot[predList[i]];
      if (q >= 0 && q >= s) v++;
    }
    for (let i = succStart[m]; i < succStart[m + 1]; i++) {
      const q = slot[succList[i]];
      if (q >= 0 && s >= q) v++;
    }
    return v;
  }

  /** Moves meeting m to slot t (UNPLACED removes it); updates every counter. */
  relocate(m: number, t: number): void {
    const s = this.slot[m];
    if (s === t) return;
    const a = this.model.ma[m];
    const b = this.model.mb[m];
    const tables = this.model.tables;
    const hasPrec = this.model.predList.length > 0;
    if (hasPrec) this.precViol -= this.precedenceCount(m, s);
    if (s >= 0) {
      if (this.load[s] > tables) this.overCap--;
      this.load[s]--;
      this.touchParticipant(a, s, false);
      this.touchParticipant(b, s, false);
    }
    this.slot[m] = t;
    if (t >= 0) {
      this.load[t]++;
      if (this.load[t] > tables) this.overCap++;
      this.touchParticipant(a, t, true);
      this.touchParticipant(b, t, true);
    }
    if (hasPrec) this.precViol += this.precedenceCount(m, t);
  }

  get violations(): number {
    return this.clashes + this.overCap + this.precViol;
  }

  maxBreaks(): number {
    for (let b = this.histTop; b >= 0; b--) if (this.hist[b] > 0) return b;
    return 0;
  }

  minBreaks(): number {
    for (let b = 0; b < this.hist.length; b++) if (this.hist[b] > 0) return b;
    return 0;
  }

  fairnessExcess(d: number): number {
    const e = this.maxBreaks() - this.minBreaks() - d;
    return e > 0 ? e : 0;
  }

  /** Violations meeting m takes part in (clash cells, an over-full slot, broken precedences). */
  violationsOf(m: number): number {
    const s = this.slot[m];
    if (s < 0) return 0;
    const T = this.model.T;
    let v = 0;
    if (this.cnt[this.model.ma[m] * T + s] > 1) v++;
    if (this.cnt[this.model.mb[m] * T + s] > 1) v++;
    if (this.load[s] > this.model.tables) v++;
    return v + this.precedenceCount(m, s);
  }
}
