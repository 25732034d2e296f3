// Bounded top-k of (score desc, id asc): a binary heap with the worst entry at the root.
export interface MatchEntry {
  candidateId: string;
  score: number;
}

/** Total order of match lists: higher score first, then the smaller id (JS string order). */
export function compareEntries(a: MatchEntry, b: MatchEntry): number {
  return b.score - a.score || (a.candidateId < b.candidateId ? -1 : a.candidateId > b.candidateId ? 1 : 0);
}

export class TopK {
  private readonly scores: Float64Array;
  private readonly ids: string[];
  private readonly slots: Int32Array;
  size = 0;

  constructor(readonly k: number) {
    this.scores = new Float64Array(Math.max(1, k));
    this.ids = new Array<string>(Math.max(1, k));
    this.slots = new Int32Array(Math.max(1, k));
  }

  get full(): boolean {
    return this.size >= this.k;
  }

  /** Score of the worst kept entry (−∞ while not full): the bar a candidate must reach. */
  get threshold(): number {
    return this.size >= this.k ? this.scores[0] : -Infinity;
  }

  get worstId(): string | undefined {
    return this.size >= this.k ? this.ids[0] : undefined;
  }

  /** Would an entry with this score and id be kept? */
  admits(score: number, id: string): boolean {
    if (this.k <= 0) return false;
    if (this.size < this.k) return true;
    const s = this.scores[0];
    return score > s || (score === s && id < this.ids[0]);
  }

  push(slot: number, score: number, id: string): boolean {
    if (!this.admits(score, id)) return false;
    if (this.size < this.k) {
      let i = this.size++;
      // Sift up: the parent must be worse than (or equal to) the child.
      while (i > 0) {
        const p = (i - 1) >> 1;
        if (!this.worse(score, id, this.scores[p], this.ids[p])) break;
        this.set(i, this.scores[p], this.ids[p], this.slots[p]);
        i = p;
      }
      this.set(i, score, id, slot);
      return true;
    }
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= this.size) break;
      const r = l + 1;
      const c = r < this.size && this.worse(this.scores[r], this.ids[r], this.scores[l], this.ids[l]) ? r : l;
      if (!this.worse(this.scores[c], this.ids[c], score, id)) break;
      this.set(i, this.scores[c], this.ids[c], this.slots[c]);
      i = c;
    }
    this.set(i, score, id, slot);
    return true;
  }

  /** Entries best first. */
  sorted(): MatchEntry[] {
    const out: MatchEntry[] = [];
    for (let i = 0; i < this.size; i++) out.push({ candidateId: this.ids[i], score: this.scores[i] });
    return out.sort(compareEntries);
  }

  /** Entries best first, by slot (compact transfer between threads). */
  sortedSlots(): { slot: number; score: number }[] {
    const order = Array.from({ length: this.size }, (_, i) => i);
    order.sort((x, y) => this.scores[y] - this.scores[x] || (this.ids[x] < this.ids[y] ? -1 : this.ids[x] > this.ids[y] ? 1 : 0));
    return order.map((i) => ({ slot: this.slots[i], score: this.scores[i] }));
  }

  private worse(sa: number, ida: string, sb: number, idb: string): boolean {
    return sa < sb || (sa === sb && ida > idb);
  }

  private set(i: number, score: number, id: string, slot: number): void {
    this.scores[i] = score;
    this.ids[i] = id;
    this.slots[i] = slot;
  }
}
