// Shared part of the threaded match-list recompute: claiming chunks of queries from a shared
// counter (so a slow-starting thread simply takes fewer) and the compact form of a thread's lists.
import { BlockSearch, type MatchIndex, type MatchOptions, type MatchStats } from '../core';

/** Queries handed out per claim: small enough to balance, large enough to keep the counter cold. */
export const QUERY_CHUNK = 32;

/** Lists of one thread: per query its pool position, then its candidates (pool positions) and scores. */
export interface CompactLists {
  queries: Int32Array;
  offsets: Int32Array;
  candidates: Int32Array;
  scores: Float64Array;
  stats: MatchStats;
}

/**
 * Computes lists for the queries `positions[i]` for every chunk of i claimed from `counter[0]`, in an
 * index whose slot s holds pool position s (a fresh index over the pool in order).
 */
export function runClaimedQueries(index: MatchIndex, options: MatchOptions, positions: Int32Array, counter: Int32Array): CompactLists {
  const t0 = performance.now();
  const search = new BlockSearch(index, options);
  const queries: number[] = [];
  const offsets: number[] = [0];
  const candidates: number[] = [];
  const scores: number[] = [];
  for (;;) {
    const start = Atomics.add(counter, 0, QUERY_CHUNK);
    if (start >= positions.length) break;
    const end = Math.min(positions.length, start + QUERY_CHUNK);
    for (let i = start; i < end; i++) {
      const top = search.query(positions[i]);
      queries.push(positions[i]);
      for (const e of top.sortedSlots()) {
        candidates.push(e.slot);
        scores.push(e.score);
      }
      offsets.push(candidates.length);
    }
  }
  search.stats.ms = performance.now() - t0;
  return { queries: Int32Array.from(queries), offsets: Int32Array.from(offsets), candidates: Int32Array.from(candidates), scores: Float64Array.from(scores), stats: search.stats };
}
