// Loading the evaluation set and the nDCG@k metric exactly as its README defines it.
import { readFileSync } from 'node:fs';
import type { CooperationType } from '../../src/profiles/profile.types';

export interface EvalProfile {
  externalId: string;
  name: string;
  kind: string;
  country: string;
  region: string;
  sectors: string[];
  offers: string[];
  seeks: string[];
  cooperation: CooperationType[];
  languages: string[];
  description: string;
  size: string | null;
}

/** query id → candidate id → grade (1 or 2; unlisted candidates are 0). */
export type Qrels = Map<string, Map<string, number>>;
/** query id → ranked suggestions (best first). */
export type Ranking = Map<string, { id: string; score: number }[]>;

export function loadProfiles(path: string): EvalProfile[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as EvalProfile);
}

export function loadQrels(path: string): Qrels {
  const out: Qrels = new Map();
  const lines = readFileSync(path, 'utf8').split('\n').slice(1);
  for (const l of lines) {
    if (l.trim() === '') continue;
    const [q, c, g] = l.split('\t');
    let m = out.get(q);
    if (!m) out.set(q, (m = new Map()));
    m.set(c, Number(g));
  }
  return out;
}

/** nDCG@k of one ranking; duplicates count once, a query with no relevant grades scores 0. */
export function ndcgAt(ranked: readonly string[], grades: ReadonlyMap<string, number>, k: number): number {
  const seen = new Set<string>();
  let dcg = 0;
  let rank = 0;
  for (const id of ranked) {
    if (seen.has(id)) continue;
    seen.add(id);
    rank++;
    if (rank > k) break;
    dcg += (2 ** (grades.get(id) ?? 0) - 1) / Math.log2(rank + 1);
  }
  const ideal = [...grades.values()].sort((x, y) => y - x).slice(0, k);
  const idcg = ideal.reduce((s, g, i) => s + (2 ** g - 1) / Math.log2(i + 2), 0);
  return idcg > 0 ? dcg / idcg : 0;
}

export function meanNdcg(ranking: Ranking, qrels: Qrels, k: number): number {
  let sum = 0;
  for (const [q, grades] of qrels) sum += ndcgAt((ranking.get(q) ?? []).map((s) => s.id), grades, k);
  return qrels.size ? sum / qrels.size : 0;
}
