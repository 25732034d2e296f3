// The README's two reference baselines, measured like the engine (cross-country candidates, ties by id).
import type { EvalProfile, Qrels, Ranking } from './eval-data';

function rank(profiles: readonly EvalProfile[], qrels: Qrels, score: (q: number, c: number) => number): Ranking {
  const index = new Map(profiles.map((p, i) => [p.externalId, i]));
  const out: Ranking = new Map();
  for (const qid of qrels.keys()) {
    const qi = index.get(qid);
    if (qi === undefined) {
      out.set(qid, []);
      continue;
    }
    const q = profiles[qi];
    const list = profiles
      .map((c, ci) => ({ c, ci }))
      .filter(({ c }) => c.country !== q.country)
      .map(({ c, ci }) => ({ id: c.externalId, score: score(qi, ci) }));
    list.sort((x, y) => y.score - x.score || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
    out.set(qid, list);
  }
  return out;
}

/** (a) Jaccard overlap of the exact NACE code strings. */
export function naceJaccardRanking(profiles: readonly EvalProfile[], qrels: Qrels): Ranking {
  const sets = profiles.map((p) => new Set(p.sectors ?? []));
  return rank(profiles, qrels, (q, c) => {
    const a = sets[q];
    const b = sets[c];
    let inter = 0;
    for (const x of a) if (b.has(x)) inter++;
    const union = a.size + b.size - inter;
    return union ? inter / union : 0;
  });
}

const JA_RUN = /[\u3041-\u309F\u30A1-\u30FF\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF\u3005]+/gu;

/** Lower-cased tokens split on non-letters; Japanese runs as character bigrams (a lone character as itself). */
export function baselineTokens(text: string): string[] {
  const out: string[] = [];
  const lower = text.toLowerCase();
  for (const run of lower.match(JA_RUN) ?? []) {
    if (run.length === 1) out.push(run);
    for (let i = 0; i + 2 <= run.length; i++) out.push(run.slice(i, i + 2));
  }
  for (const w of lower.replace(JA_RUN, ' ').split(/[^\p{L}]+/u)) if (w) out.push(w);
  return out;
}

/** (b) TF-IDF cosine over description + offers + seeks. */
export function tfidfRanking(profiles: readonly EvalProfile[], qrels: Qrels): Ranking {
  const tfs = profiles.map((p) => {
    const tf = new Map<string, number>();
    for (const t of baselineTokens([p.description ?? '', ...(p.offers ?? []), ...(p.seeks ?? [])].join(' '))) tf.set(t, (tf.get(t) ?? 0) + 1);
    return tf;
  });
  const df = new Map<string, number>();
  for (const tf of tfs) for (const t of tf.keys()) df.set(t, (df.get(t) ?? 0) + 1);
  const n = profiles.length;
  const vectors = tfs.map((tf) => {
    const v = new Map<string, number>();
    let norm = 0;
    for (const [t, f] of tf) {
      const w = f * (Math.log((1 + n) / (1 + (df.get(t) ?? 0))) + 1);
      v.set(t, w);
      norm += w * w;
    }
    norm = Math.sqrt(norm);
    if (norm > 0) for (const [t, w] of v) v.set(t, w / norm);
    return v;
  });
  return rank(profiles, qrels, (q, c) => {
    let s = 0;
    for (const [t, w] of vectors[q]) s += w * (vectors[c].get(t) ?? 0);
    return s;
  });
}
