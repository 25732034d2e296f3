import type { MatchEntry } from './core';

export interface RankChange {
  organisationId: string;
  before: number | null;
  after: number | null;
  scoreBefore: number | null;
  scoreAfter: number | null;
}

export interface ListDiff {
  entered: RankChange[];
  left: RankChange[];
  moved: RankChange[];
  unchanged: number;
}

/** How a top-k list changes between two rankings (ranks are 1-based). */
export function diffLists(before: readonly MatchEntry[], after: readonly MatchEntry[]): ListDiff {
  const rankOf = (list: readonly MatchEntry[]) => new Map(list.map((c, i) => [c.candidateId, { rank: i + 1, score: c.score }]));
  const b = rankOf(before);
  const a = rankOf(after);
  const diff: ListDiff = { entered: [], left: [], moved: [], unchanged: 0 };
  for (const [id, now] of a) {
    const was = b.get(id);
    const change = { organisationId: id, before: was?.rank ?? null, after: now.rank, scoreBefore: was?.score ?? null, scoreAfter: now.score };
    if (!was) diff.entered.push(change);
    else if (was.rank !== now.rank) diff.moved.push(change);
    else diff.unchanged++;
  }
  for (const [id, was] of b) if (!a.has(id)) diff.left.push({ organisationId: id, before: was.rank, after: null, scoreBefore: was.score, scoreAfter: null });
  return diff;
}

/** A deterministic, evenly spread sample of ids (sorted), so previews are repeatable. */
export function sampleIds(ids: readonly string[], n: number): string[] {
  const sorted = [...ids].sort();
  if (sorted.length <= n) return sorted;
  const step = sorted.length / n;
  return Array.from({ length: n }, (_, i) => sorted[Math.floor(i * step)]);
}
