// Incremental upkeep of match lists when one profile changes, joins or leaves.
// For another participant Q, only the changed profile C's entry can differ, so Q's list changes only
// if C was in it (its score changed or C left: recompute Q) or C's new score now enters it (insert
// C and cut at k: exact without recomputing). Candidates Q for entering are found through the index
// in reverse, over candidate blocks (reverse-blocks.ts: lists of Q's keys that C's keys can meet, and
// an upper bound of score(Q, C) against each list's bar); a Q that shares no key with C can only be
// entered by C's cheap-part score, i.e. if Q's list is short or its k-th score is that low (the
// store's `low` lists).
import type { ScoringProfile } from '../../scoring/core';
import type { MatchIndex } from './match-index';
import { BlockSearch } from './block-search';
import { EPS } from './list-selection';
import { MatchSearch, normaliseWeights, type MatchOptions } from './match-search';
import { boundWithForward } from './pair-bound';
import type { MatchListStore } from './match-list-store';
import { reachingQueries } from './reverse-blocks';
import { compareEntries, type MatchEntry } from './top-k';

export { MatchListStore } from './match-list-store';

/** Highest score of a pair sharing no indexed key (cooperation + language + region weights), over tie-up or none. */
export function lowBarFor(options: MatchOptions): number {
  let bar = 0;
  for (const tieUp of [null, options.ctx.tieUp ?? null]) {
    const w = normaliseWeights(options.weights, options.ctx, tieUp && tieUp.focusSectors.length > 0 ? tieUp : null);
    bar = Math.max(bar, w.cooperation + w.language + w.region);
  }
  return bar;
}

export interface AffectedResult {
  /** Lists (or their reserves) that contained the changed profile: update or recompute them. */
  recompute: string[];
  /** Lists (or reserves) the changed profile enters with this exact score (insert and cut). */
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
  const dirs = search.directions;
  dirs.set(c);
  const consider = (slotQ: number, h2 = Infinity, rest = 0) => {
    const qid = index.ids[slotQ];
    if (was.has(qid) || qid === changedId || search.excluded(slotQ, slotC)) return;
    const q = index.profiles[slotQ]!;
    // C is the fixed side: Q's forward direction is direction(q, c) = dirs.reverse(q).
    const rel = q.env.domainRelation;
    const n = q.env.domainIds.length;
    const forward = dirs.reverse(index.phrases, slotQ, rel, n);
    // With Q's forward direction exact, the bound often stays below Q's bar.
    if (h2 !== Infinity && boundWithForward(search.weightsFor(q).w, forward, h2, rest) < store.bar(qid) - EPS) return;
    const score = search.scoreWithDirections(q, c, forward, dirs.forward(index.phrases, slotQ, rel, n));
    if (store.admits(qid, { candidateId: changedId, score })) result.insert.push({ queryId: qid, score });
  };
  const reach = reachingQueries(index, search, store, c, slotC, consider);
  result.candidatesConsidered = reach.bounded;
  // Queries sharing no key with C: C scores its cheap part there, which matters only for low lists.
  for (const q of store.low) {
    const slotQ = index.slot(q);
    if (slotQ !== undefined && !reach.inTouchedBlock(slotQ)) consider(slotQ);
  }
  result.insert.sort((x, y) => (x.queryId < y.queryId ? -1 : 1));
  result.pairsScored = search.stats.pairsScored - before;
  return result;
}

/**
 * Applies a change of `profile` (or its removal when `profile` is null, with `id`): updates the index,
 * the changed profile's own list, and every affected list. Returns the ids whose lists (or reserves) changed.
 * A list whose ranks (list + reserve) contained the profile is updated in place when the new entry
 * still ranks above the old last kept entry (every outside candidate ranks below that one, and no
 * other score changed), or when enough ranks remain without it; otherwise it is recomputed, seeded
 * with its unchanged entries and the new one.
 */
export function applyChange(index: MatchIndex, store: MatchListStore, options: MatchOptions, id: string, profile: ScoringProfile | null): { changed: string[]; pairsScored: number } {
  if (profile) index.replace(profile);
  else index.remove(id);
  // Cheap to create: the scratch arrays and candidate blocks are kept per index (the blocks take the
  // changed slot in as loose). Lists are computed with the reserve. The changed profile's own list
  // has no known entries: the block search. A list that lost the profile keeps its other entries as
  // seeds, so its k-th score is nearly known: the list-by-list search stops early with it.
  const deepOptions = { ...options, k: store.k + store.reserve };
  const own = new BlockSearch(index, deepOptions);
  const search = new MatchSearch(index, deepOptions);
  // The block search counts its own scored pairs (its base's counter holds the same ones).
  const scored = () => search.stats.pairsScored + own.stats.pairsScored;
  const scoredBefore = scored();
  const changed = new Set<string>();
  // Reported when the list or its reserve changed (a caller storing reserves must store them too).
  const update = (q: string, ranked: MatchEntry[]) => {
    const before = store.lists.has(q) ? store.ranked(q) : undefined;
    store.setRanked(q, ranked);
    if (!sameEntries(before, store.ranked(q))) changed.add(q);
  };
  if (profile) {
    // No hint from the old list: the profile's content changed, so its old k-th score says little
    // (a guess above the new one costs a second run).
    update(id, own.query(index.slot(id)!).sorted());
    changed.add(id);
  } else if (store.lists.has(id)) {
    store.delete(id);
    changed.add(id);
  }
  const affected = affectedBy(index, id, store, options, search);
  const slotC = index.slot(id);
  for (const q of affected.recompute) {
    const old = store.ranked(q);
    const full = store.lists.get(q)!.length >= store.k;
    const slotQ = index.slot(q)!;
    const rest = old.filter((e) => e.candidateId !== id);
    const entry = slotC === undefined || search.excluded(slotQ, slotC) ? null : { candidateId: id, score: search.score(index.profiles[slotQ]!, profile!) };
    const last = old[old.length - 1];
    // A short list held every allowed candidate; a full one: outsiders rank below `last`.
    const fits = entry !== null && (!full || compareEntries(entry, last) <= 0);
    const ranked = fits ? [...rest, entry].sort(compareEntries) : rest;
    if (!full || ranked.length >= store.k) update(q, ranked);
    else {
      const seeds = ranked.map((e) => ({ slot: index.slot(e.candidateId)!, score: e.score }));
      if (entry && !fits) seeds.push({ slot: slotC!, score: entry.score });
      update(q, search.query(slotQ, last.score, seeds).sorted());
    }
  }
  for (const { queryId, score } of affected.insert) update(queryId, [...store.ranked(queryId), { candidateId: id, score }].sort(compareEntries));
  return { changed: [...changed].sort(), pairsScored: scored() - scoredBefore };
}

function sameEntries(a: readonly MatchEntry[] | undefined, b: readonly MatchEntry[]): boolean {
  if (!a || a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i].candidateId !== b[i].candidateId || a[i].score !== b[i].score) return false;
  return true;
}
