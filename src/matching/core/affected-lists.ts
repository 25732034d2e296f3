// Incremental upkeep of match lists when one profile changes, joins or leaves.
// For another participant Q, only the changed profile C's entry can differ, so Q's list changes only
// if C was in it (its score changed or C left: recompute Q) or C's new score now enters it (insert
// C and cut at k: exact without recomputing). Candidates Q for entering are found through the index
// in reverse (lists of Q's keys that C's keys can meet) and an upper bound of score(Q, C); a Q that
// shares no key with C can only be entered by C's cheap-part score, i.e. if Q's list is short or its
// k-th score is that low (`lowQueries`).
import type { ScoringProfile } from '../../scoring/core';
import { tieUpMask } from '../../scoring/core/pair-components';
import { kindCompatibility } from '../../scoring/core/activity-lexicon';
import type { MatchIndex } from './match-index';
import { GROUP_COUNT, reverseProbes, SUM_GROUP } from './match-keys';
import { EPS, MatchSearch, normaliseWeights, type MatchOptions } from './match-search';
import { indexedBound } from './pair-bound';
import { compareEntries, type MatchEntry } from './top-k';

/** Highest score of a pair sharing no indexed key (cooperation + language + region weights), over tie-up or none. */
export function lowBarFor(options: MatchOptions): number {
  let bar = 0;
  for (const tieUp of [null, options.ctx.tieUp ?? null]) {
    const w = normaliseWeights(options.weights, options.ctx, tieUp && tieUp.focusSectors.length > 0 ? tieUp : null);
    bar = Math.max(bar, w.cooperation + w.language + w.region);
  }
  return bar;
}

/** Match lists with the reverse relation (who lists whom), kept in step with the lists. */
export class MatchListStore {
  readonly lists = new Map<string, MatchEntry[]>();
  private readonly listedBy = new Map<string, Set<string>>();
  /** Lists that are short or whose k-th score is ≤ lowBar: a profile sharing no key may still enter them. */
  readonly low = new Set<string>();

  /** `lowBar`: the highest score a pair sharing no key can reach (see lowBarFor). */
  constructor(
    readonly k: number,
    readonly lowBar: number,
  ) {}

  set(queryId: string, list: MatchEntry[]): void {
    this.delete(queryId);
    this.lists.set(queryId, list);
    if (list.length < this.k || list[list.length - 1].score <= this.lowBar + EPS) this.low.add(queryId);
    for (const e of list) {
      let s = this.listedBy.get(e.candidateId);
      if (!s) this.listedBy.set(e.candidateId, (s = new Set()));
      s.add(queryId);
    }
  }

  delete(queryId: string): void {
    for (const e of this.lists.get(queryId) ?? []) this.listedBy.get(e.candidateId)?.delete(queryId);
    this.lists.delete(queryId);
    this.low.delete(queryId);
  }

  /** Queries whose list contains `candidateId`. */
  listing(candidateId: string): ReadonlySet<string> {
    return this.listedBy.get(candidateId) ?? new Set();
  }

  /** Would `entry` enter the list of `queryId` (k-th score and tie-break)? */
  admits(queryId: string, entry: MatchEntry): boolean {
    const list = this.lists.get(queryId);
    if (!list || list.length < this.k) return true;
    return compareEntries(entry, list[list.length - 1]) < 0;
  }
}

export interface AffectedResult {
  /** Lists that contained the changed profile: recompute them. */
  recompute: string[];
  /** Lists the changed profile enters with this exact score (insert and cut at k). */
  insert: { queryId: string; score: number }[];
  pairsScored: number;
  candidatesConsidered: number;
}

/**
 * Which lists change because `changedId` changed (already updated in the index) or left it.
 * `store` holds the lists from before the change.
 */
export function affectedBy(index: MatchIndex, changedId: string, store: MatchListStore, options: MatchOptions, search = new MatchSearch(index, options)): AffectedResult {
  const recompute = [...store.listing(changedId)].filter((q) => q !== changedId && index.has(q)).sort();
  const result: AffectedResult = { recompute, insert: [], pairsScored: 0, candidatesConsidered: 0 };
  const c = index.profile(changedId);
  if (!c) return result;
  const slotC = index.slot(changedId)!;
  const before = search.stats.pairsScored;
  const was = new Set(recompute);
  const consider = (slotQ: number) => {
    const qid = index.ids[slotQ];
    if (was.has(qid) || qid === changedId || search.excluded(slotQ, slotC)) return;
    const score = search.score(index.profiles[slotQ]!, c);
    if (store.admits(qid, { candidateId: changedId, score })) result.insert.push({ queryId: qid, score });
  };
  const touched = reverseBounds(index, search, c, slotC);
  result.candidatesConsidered = touched.size;
  for (const [slotQ, ub] of touched) {
    const q = index.ids[slotQ];
    const list = store.lists.get(q);
    const bar = !list || list.length < store.k ? -Infinity : list[list.length - 1].score;
    if (ub >= bar - EPS) consider(slotQ);
  }
  // Queries sharing no key with C: C scores its cheap part there, which matters only for low lists.
  for (const q of store.low) {
    const slotQ = index.slot(q);
    if (slotQ !== undefined && !touched.has(slotQ)) consider(slotQ);
  }
  result.insert.sort((x, y) => (x.queryId < y.queryId ? -1 : 1));
  result.pairsScored = search.stats.pairsScored - before;
  return result;
}

/** Upper bounds of score(Q, C) for every Q sharing a key with C (all lists read: one profile). */
function reverseBounds(index: MatchIndex, search: MatchSearch, c: ScoringProfile, slotC: number): Map<number, number> {
  const acc = new Map<number, Float64Array>();
  const { w, tieUp } = search.weightsFor(c);
  const focusMask = w.focus > 0 && tieUp ? tieUpMask(tieUp, c.env.domainIndex) : null;
  const read = (list: { slots: Int32Array; values: Float32Array; length: number }, group: number, impact: number) => {
    const sum = SUM_GROUP[group];
    for (let r = 0; r < list.length; r++) {
      const s = list.slots[r];
      if (!index.alive[s] || s === slotC) continue;
      let row = acc.get(s);
      if (!row) acc.set(s, (row = new Float64Array(GROUP_COUNT)));
      const v = impact * list.values[r];
      if (sum) row[group] += v;
      else if (v > row[group]) row[group] = v;
    }
  };
  for (const e of reverseProbes(c, focusMask)) {
    if (e.impact <= 0) continue;
    if (!e.kinds) {
      const list = index.list(e.key);
      if (list) read(list, e.group, e.impact);
      continue;
    }
    for (const v of index.variants(e.key) ?? []) {
      let impact = 0;
      for (let i = 0; i < e.kinds.length; i += 2) {
        const kc = e.ownSeeks ? kindCompatibility(e.kinds[i], v.kinds) : kindCompatibility(v.kinds, e.kinds[i]);
        impact = Math.max(impact, kc * e.kinds[i + 1]);
      }
      if (impact > 0) read(v.list, e.group, impact);
    }
  }
  const out = new Map<number, number>();
  for (const [s, row] of acc) {
    // Weights are Q's (its tie-up); the cheap part is exact for the pair (Q, C).
    const qw = search.weightsFor(index.profiles[s]!).w;
    out.set(s, indexedBound(qw, row, 0) + search.cheap(qw, s, slotC));
  }
  return out;
}

/**
 * Applies a change of `profile` (or its removal when `profile` is null, with `id`): updates the index,
 * the changed profile's own list, and every affected list. Returns the ids whose lists changed.
 */
export function applyChange(index: MatchIndex, store: MatchListStore, options: MatchOptions, id: string, profile: ScoringProfile | null): { changed: string[]; pairsScored: number } {
  if (profile) index.replace(profile);
  else index.remove(id);
  const search = new MatchSearch(index, options);
  const changed = new Set<string>();
  if (profile) {
    const old = store.lists.get(id);
    store.set(id, search.query(index.slot(id)!, old && old.length > 0 ? old[old.length - 1].score : undefined).sorted());
    changed.add(id);
  } else store.delete(id);
  const affected = affectedBy(index, id, store, options, search);
  for (const q of affected.recompute) {
    const old = store.lists.get(q)!;
    store.set(q, search.query(index.slot(q)!, old.length > 0 ? old[old.length - 1].score : undefined).sorted());
    changed.add(q);
  }
  for (const { queryId, score } of affected.insert) {
    const list = [...(store.lists.get(queryId) ?? []), { candidateId: id, score }].sort(compareEntries).slice(0, store.k);
    store.set(queryId, list);
    changed.add(queryId);
  }
  return { changed: [...changed].sort(), pairsScored: search.stats.pairsScored };
}
