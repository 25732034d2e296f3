import type { PairScorer, ScoringProfile } from '../scoring/core';

export interface RankedCandidate {
  id: string;
  score: number;
}

/**
 * Exact top-k of every query over the pool (score descending, then id ascending), skipping excluded
 * pairs (score 0 with an exclusion) and zero scores.
 */
export function rankLists(
  profiles: readonly ScoringProfile[],
  queryIds: readonly string[],
  scorer: PairScorer,
  k: number,
  onProgress?: (done: number) => void,
): { lists: Map<string, RankedCandidate[]>; pairsScored: number } {
  const byId = new Map(profiles.map((p) => [p.id, p]));
  const lists = new Map<string, RankedCandidate[]>();
  let pairsScored = 0;
  queryIds.forEach((qid, i) => {
    const a = byId.get(qid);
    if (!a) return;
    const scored: RankedCandidate[] = [];
    for (const b of profiles) {
      if (b.id === a.id) continue;
      const score = scorer.value(a, b);
      pairsScored++;
      if (score > 0) scored.push({ id: b.id, score });
    }
    scored.sort((x, y) => y.score - x.score || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
    lists.set(qid, scored.slice(0, k));
    onProgress?.(i + 1);
  });
  return { lists, pairsScored };
}
