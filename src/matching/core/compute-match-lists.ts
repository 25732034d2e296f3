// Public entry points: match lists for any subset of queries (shards give identical lists, since
// every list is exact and independent of the others), one list, and brute force for checking.
import type { ScoringProfile } from '../../scoring/core';
import { createPairScorer, exclusionOf } from '../../scoring/core';
import { BlockSearch } from './block-search';
import type { MatchIndex } from './match-index';
import { MatchSearch, type MatchOptions, type MatchStats } from './match-search';
import { compareEntries, type MatchEntry } from './top-k';

export interface MatchListsResult {
  lists: Map<string, MatchEntry[]>;
  stats: MatchStats;
}

/** Exact top-k lists of `queryIds` (ids not in the index are skipped). */
export function computeMatchLists(index: MatchIndex, queryIds: Iterable<string>, options: MatchOptions): MatchListsResult {
  const t0 = performance.now();
  const search = new BlockSearch(index, options);
  const lists = new Map<string, MatchEntry[]>();
  for (const id of queryIds) {
    const s = index.slot(id);
    if (s !== undefined) lists.set(id, search.query(s).sorted());
  }
  search.stats.ms = performance.now() - t0;
  return { lists, stats: search.stats };
}

/** One exact list; `hint` (e.g. the old list's k-th score) only saves work when it is close. */
export function computeOne(index: MatchIndex, queryId: string, options: MatchOptions, hint?: number, search?: MatchSearch): MatchEntry[] {
  const s = index.slot(queryId);
  if (s === undefined) throw new Error(`Unknown profile ${queryId}`);
  return (search ?? new MatchSearch(index, options)).query(s, hint).sorted();
}

/** Reference: score every allowed candidate with the scoring core and sort (score desc, id asc). */
export function bruteForceList(query: ScoringProfile, pool: Iterable<ScoringProfile>, options: MatchOptions): MatchEntry[] {
  const scorer = createPairScorer(options.weights, options.ctx);
  const out: MatchEntry[] = [];
  for (const b of pool) {
    if (exclusionOf(query, b, options.ctx)) continue;
    out.push({ candidateId: b.id, score: scorer.value(query, b) });
  }
  return out.sort(compareEntries).slice(0, options.k ?? 20);
}
