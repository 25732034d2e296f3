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
import type { MatchIndex, PostingList } from './match-index';
import { GROUP_COUNT, G_D2, G_FOCUS, G_SECTOR, G_T2, G_TEXT, reverseProbes, SUM_GROUP } from './match-keys';
import { BlockSearch } from './block-search';
import { EPS } from './list-selection';
import { MatchSearch, normaliseWeights, type MatchOptions } from './match-search';
import { boundWithForward, directionBound, indexedBound, restBound } from './pair-bound';
import type { MatchListStore } from './match-list-store';
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
  const { touched, bounds, stamp, cur, h2, rest } = reverseBounds(index, search, c, slotC);
  result.candidatesConsidered = touched.length;
  for (let i = 0; i < touched.length; i++) if (bounds[i] >= store.bar(index.ids[touched[i]]) - EPS) consider(touched[i], h2[i], rest[i]);
  // Queries sharing no key with C: C scores its cheap part there, which matters only for low lists.
  for (const q of store.low) {
    const slotQ = index.slot(q);
    if (slotQ !== undefined && stamp[slotQ] !== cur) consider(slotQ);
  }
  result.insert.sort((x, y) => (x.queryId < y.queryId ? -1 : 1));
  result.pairsScored = search.stats.pairsScored - before;
  return result;
}

/** Scratch of reverseBounds per index (accumulators by slot, stamped per call). */
const reverseScratch = new WeakMap<MatchIndex, { acc: Float64Array; stamp: Uint32Array; counter: number }>();

/** Upper bounds of score(Q, C) for every Q sharing a key with C (all lists read: one profile). */
function reverseBounds(
  index: MatchIndex,
  search: MatchSearch,
  c: ScoringProfile,
  slotC: number,
): { touched: number[]; bounds: Float64Array; stamp: Uint32Array; cur: number; h2: Float64Array; rest: Float64Array } {
  let ws = reverseScratch.get(index);
  if (!ws || ws.stamp.length < index.capacity) reverseScratch.set(index, (ws = { acc: new Float64Array(index.capacity * 2 * GROUP_COUNT), stamp: new Uint32Array(index.capacity * 2), counter: 0 }));
  const cur = ++ws.counter;
  const { acc, stamp } = ws;
  const touched: number[] = [];
  const { w, tieUp } = search.weightsFor(c);
  const focusMask = w.focus > 0 && tieUp ? tieUpMask(tieUp, c.env.domainIndex) : null;
  // Cross-country required: no Q in C's own country can list C, so its country's lists stay unread.
  const ctx = search.options.ctx;
  const skipCountry = ctx.mode === 'required' && ctx.rule === 'cross-country' ? index.country[slotC] : -1;
  const alive = index.alive;
  const read = (list: PostingList, group: number, impact: number) => {
    if (list.country === skipCountry) return;
    const sum = SUM_GROUP[group];
    for (let r = 0; r < list.length; r++) {
      const s = list.slots[r];
      if (!alive[s] || s === slotC) continue;
      if (stamp[s] !== cur) {
        stamp[s] = cur;
        acc.fill(0, s * GROUP_COUNT, (s + 1) * GROUP_COUNT);
        touched.push(s);
      }
      const v = impact * list.values[r];
      const j = s * GROUP_COUNT + group;
      if (sum) acc[j] += v;
      else if (v > acc[j]) acc[j] = v;
    }
  };
  for (const e of reverseProbes(c, focusMask)) {
    if (e.impact <= 0) continue;
    if (!e.kinds) {
      for (const list of index.listsOf(e.key)) read(list, e.group, e.impact);
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
  const bounds = new Float64Array(touched.length);
  // Per Q: bound of the reverse direction of (Q, C) and of its sector, text, focus and cheap part (staged scoring).
  const h2 = new Float64Array(touched.length);
  const rest = new Float64Array(touched.length);
  // A context tie-up gives every Q the same weights; otherwise each Q's own tie-up decides them.
  const shared = ctx.tieUp !== undefined ? search.weightsFor(c).w : null;
  for (let i = 0; i < touched.length; i++) {
    const s = touched[i];
    // Weights are Q's (its tie-up); the cheap part is exact for the pair (Q, C).
    const qw = shared ?? search.weightsFor(index.profiles[s]!).w;
    const o = s * GROUP_COUNT;
    const cheap = search.cheap(qw, s, slotC);
    bounds[i] = indexedBound(qw, acc, o) + cheap;
    h2[i] = directionBound(acc[o + G_D2], acc[o + G_T2]);
    rest[i] = restBound(qw, acc[o + G_SECTOR], acc[o + G_TEXT], acc[o + G_FOCUS]) + cheap;
  }
  return { touched, bounds, stamp, cur, h2, rest };
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
