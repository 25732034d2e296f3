// Stored match lists with the reverse relation (who lists whom), kept in step with the lists.
// Optionally each list keeps a reserve: the exact next ranks after the k shown. A change that drops
// a candidate from a list then promotes the first reserve entry instead of recomputing the list
// (list + reserve is always the exact top (k + reserve length), or every allowed candidate).
import { EPS } from './list-selection';
import { compareEntries, type MatchEntry } from './top-k';

export class MatchListStore {
  /** The lists as shown: exact top-k per query. */
  readonly lists = new Map<string, MatchEntry[]>();
  private readonly reserves = new Map<string, MatchEntry[]>();
  private readonly listedBy = new Map<string, Set<string>>();
  /** Per full list: its last kept entry (of the reserve when there is one), the one an outsider must beat. */
  private readonly lastKept = new Map<string, MatchEntry>();
  /** Lists whose last kept score is ≤ lowBar (or short): a profile sharing no key may still enter them. */
  readonly low = new Set<string>();
  /** Queries whose bar may have changed since takeBarChanges last ran (for a reader keeping bars by slot). */
  private readonly barChanges = new Set<string>();

  /**
   * `lowBar`: the highest score a pair sharing no key can reach (see lowBarFor). `reserve`: how many
   * ranks after k recomputed lists keep (0: none, the lists alone).
   */
  constructor(
    readonly k: number,
    readonly lowBar: number,
    readonly reserve = 0,
  ) {}

  /** Sets a list; `reserve` must hold the exact ranks after it (any number, possibly none). */
  set(queryId: string, list: MatchEntry[], reserve: MatchEntry[] = []): void {
    this.delete(queryId);
    this.barChanges.add(queryId);
    this.lists.set(queryId, list);
    if (reserve.length > 0) this.reserves.set(queryId, reserve);
    const last = reserve.length > 0 ? reserve[reserve.length - 1] : list[list.length - 1];
    if (list.length >= this.k) this.lastKept.set(queryId, last);
    if (list.length < this.k || last.score <= this.lowBar + EPS) this.low.add(queryId);
    for (const e of list) this.link(e.candidateId, queryId);
    for (const e of reserve) this.link(e.candidateId, queryId);
  }

  /** Sets a ranked run (list, then reserve), cut at k + the store's reserve. */
  setRanked(queryId: string, ranked: MatchEntry[]): void {
    this.set(queryId, ranked.slice(0, this.k), ranked.slice(this.k, this.k + this.reserve));
  }

  delete(queryId: string): void {
    for (const e of this.ranked(queryId)) this.listedBy.get(e.candidateId)?.delete(queryId);
    this.lists.delete(queryId);
    this.reserves.delete(queryId);
    this.low.delete(queryId);
    this.lastKept.delete(queryId);
    this.barChanges.add(queryId);
  }

  /** The queries whose bar may have changed since the last call (each at most once), and forgets them. */
  takeBarChanges(): string[] {
    const out = [...this.barChanges];
    this.barChanges.clear();
    return out;
  }

  /** The list followed by its reserve (exact ranks 1 … k + reserve length). */
  ranked(queryId: string): MatchEntry[] {
    const list = this.lists.get(queryId) ?? [];
    const reserve = this.reserves.get(queryId);
    return reserve ? [...list, ...reserve] : list;
  }

  /** Queries whose list or reserve contains `candidateId`. */
  listing(candidateId: string): ReadonlySet<string> {
    return this.listedBy.get(candidateId) ?? new Set();
  }

  /** Score an outside candidate must beat to enter the list or its reserve (−∞ for a short list). */
  bar(queryId: string): number {
    return this.lastKept.get(queryId)?.score ?? -Infinity;
  }

  /** Would `entry` enter the list of `queryId` or its reserve (last kept score and tie-break)? */
  admits(queryId: string, entry: MatchEntry): boolean {
    const last = this.lastKept.get(queryId);
    return last === undefined || compareEntries(entry, last) < 0;
  }

  private link(candidateId: string, queryId: string): void {
    let s = this.listedBy.get(candidateId);
    if (!s) this.listedBy.set(candidateId, (s = new Set()));
    s.add(queryId);
  }
}
