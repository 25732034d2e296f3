// Shared part of the threaded match-list recompute: claiming chunks of queries from a shared
// counter (so a slow-starting thread simply takes fewer) and the compact form of a thread's lists.
import { BlockSearch, type MatchIndex, type MatchOptions, type MatchStats } from '../core';

/** Queries handed out per claim: small enough to balance, large enough to keep the counter cold. */
export const QUERY_CHUNK = 32;

/** Slots of the shared counter: the next query to claim, and the queries finished by all threads. */
export const NEXT_QUERY = 0;
export const QUERIES_DONE = 1;

/** Lists of one thread: per query its pool position, then its candidates (pool positions) and scores. */
export interface CompactLists {
  queries: Int32Array;
  offsets: Int32Array;
  candidates: Int32Array;
  scores: Float64Array;
  stats: MatchStats;
}

/**
 * Computes lists for the queries `positions[i]` for every chunk of i claimed from the shared counter,
 * in an index whose slot s holds pool position s (a fresh index over the pool in order). `run` may be
 * called repeatedly (the calling thread stops now and then to report progress).
 */
export class ClaimedQueries {
  private readonly search: BlockSearch;
  private readonly queries: number[] = [];
  private readonly offsets: number[] = [0];
  private readonly candidates: number[] = [];
  private readonly scores: number[] = [];
  private ms = 0;

  constructor(
    index: MatchIndex,
    options: MatchOptions,
    private readonly positions: Int32Array,
    private readonly counter: Int32Array,
  ) {
    this.search = new BlockSearch(index, options);
  }

  /** Claims and computes chunks until about `limit` queries are done here; false once none are left. */
  run(limit = Infinity): boolean {
    const t0 = performance.now();
    const { positions, counter, search } = this;
    let done = 0;
    try {
      while (done < limit) {
        const start = Atomics.add(counter, NEXT_QUERY, QUERY_CHUNK);
        if (start >= positions.length) return false;
        const end = Math.min(positions.length, start + QUERY_CHUNK);
        for (let i = start; i < end; i++) {
          const top = search.query(positions[i]);
          this.queries.push(positions[i]);
          for (const e of top.sortedSlots()) {
            this.candidates.push(e.slot);
            this.scores.push(e.score);
          }
          this.offsets.push(this.candidates.length);
        }
        Atomics.add(counter, QUERIES_DONE, end - start);
        done += end - start;
      }
      return true;
    } finally {
      this.ms += performance.now() - t0;
    }
  }

  lists(): CompactLists {
    this.search.stats.ms = this.ms;
    return {
      queries: Int32Array.from(this.queries),
      offsets: Int32Array.from(this.offsets),
      candidates: Int32Array.from(this.candidates),
      scores: Float64Array.from(this.scores),
      stats: this.search.stats,
    };
  }
}

/** Every chunk claimable from `counter`, computed on this thread. */
export function runClaimedQueries(index: MatchIndex, options: MatchOptions, positions: Int32Array, counter: Int32Array): CompactLists {
  const claimed = new ClaimedQueries(index, options, positions, counter);
  claimed.run();
  return claimed.lists();
}
