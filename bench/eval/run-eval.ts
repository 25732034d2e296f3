// Evaluation: mean nDCG@10 of the scoring engine and two baselines on a graded partner-matching set.
// Usage: npm run eval -- <profiles.jsonl> <qrels.tsv> [--run <engine-run.jsonl>] [--weights <weights.json>]
// Prints one JSON line per system on stdout; per-component ablations and timings go to stderr.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  applicableComponents,
  COMPONENTS,
  createScoringEnvironment,
  preparePool,
  createPairScorer,
  validateWeights,
  type ScoringContext,
  type ScoringInput,
  type ScoringProfile,
  type ScoringWeights,
} from '../../src/scoring/core';
import { findProjectRoot, loadTaxonomy } from '../../src/taxonomy/core';
import { loadProfiles, loadQrels, meanNdcg, type EvalProfile, type Qrels, type Ranking } from './eval-data';
import { naceJaccardRanking, tfidfRanking } from './baselines';

const K = 10;

function parseArgs(argv: string[]): { profiles: string; qrels: string; run?: string; weights?: string } {
  const rest: string[] = [];
  let run: string | undefined;
  let weights: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--run') run = argv[++i];
    else if (argv[i] === '--weights') weights = argv[++i];
    else rest.push(argv[i]);
  }
  if (rest.length !== 2) {
    process.stderr.write('usage: npm run eval -- <profiles.jsonl> <qrels.tsv> [--run <file>] [--weights <file>]\n');
    process.exit(2);
  }
  return { profiles: rest[0], qrels: rest[1], run, weights };
}

function loadWeights(path: string): ScoringWeights {
  const result = validateWeights(JSON.parse(readFileSync(path, 'utf8')));
  if (!result.ok) throw new Error(`invalid weights in ${path}: ${result.errors.map((e) => `${e.field}: ${e.message}`).join('; ')}`);
  return result.weights;
}

function toInput(p: EvalProfile): ScoringInput {
  return {
    id: p.externalId,
    name: p.name,
    country: p.country,
    region: p.region,
    sectors: p.sectors ?? [],
    offers: p.offers ?? [],
    seeks: p.seeks ?? [],
    cooperation: p.cooperation ?? [],
    languages: p.languages ?? [],
    description: p.description ?? '',
  };
}

/** Engine ranking: every cross-country candidate scored; ties broken by id like the baselines. */
function engineRanking(profiles: ScoringProfile[], qrels: Qrels, weights: ScoringWeights, ctx: ScoringContext): Ranking {
  const byId = new Map(profiles.map((p) => [p.id, p]));
  const scorer = createPairScorer(weights, ctx);
  const out: Ranking = new Map();
  for (const qid of qrels.keys()) {
    const q = byId.get(qid);
    if (!q) {
      out.set(qid, []);
      continue;
    }
    const scored: { id: string; score: number }[] = [];
    for (const c of profiles) {
      if (c.country === q.country) continue;
      scored.push({ id: c.id, score: scorer.value(q, c) });
    }
    scored.sort((x, y) => y.score - x.score || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
    out.set(qid, scored);
  }
  return out;
}

function line(system: string, ndcg: number, queries: number): string {
  return JSON.stringify({ system, 'ndcg@10': Math.round(ndcg * 1000) / 1000, queries });
}

function main(): void {
  const args = parseArgs(process.argv.slice(2));
  const raw = loadProfiles(args.profiles);
  const qrels = loadQrels(args.qrels);
  const weights = loadWeights(args.weights ?? join(findProjectRoot(__dirname), 'config', 'scoring-weights.json'));
  // Neutral context: the set's rule (cross-country, required), no tie-up focus bonus.
  const ctx: ScoringContext = { rule: 'cross-country', mode: 'required', tieUp: null };

  let t = Date.now();
  const taxonomy = loadTaxonomy();
  const env0 = createScoringEnvironment({ taxonomy });
  const setupMs = Date.now() - t;
  t = Date.now();
  const { profiles } = preparePool(raw.map(toInput), env0);
  const prepareMs = Date.now() - t;
  t = Date.now();
  const engine = engineRanking(profiles, qrels, weights, ctx);
  const rankMs = Date.now() - t;
  const engineNdcg = meanNdcg(engine, qrels, K);
  process.stdout.write(line('engine', engineNdcg, qrels.size) + '\n');
  process.stdout.write(line('baseline-nace-jaccard', meanNdcg(naceJaccardRanking(raw, qrels), qrels, K), qrels.size) + '\n');
  process.stdout.write(line('baseline-tfidf-cosine', meanNdcg(tfidfRanking(raw, qrels), qrels, K), qrels.size) + '\n');
  process.stderr.write(`timing: environment ${setupMs} ms, prepare ${raw.length} profiles ${prepareMs} ms, rank ${qrels.size} queries ${rankMs} ms\n`);

  const applicable = applicableComponents(ctx, null);
  for (const c of COMPONENTS) {
    if (!applicable[c]) {
      process.stderr.write(`ablation: without ${c.padEnd(15)} (does not apply in this context: ${c === 'region' ? 'the rule is required, i.e. an exclusion' : 'no tie-up'})\n`);
      continue;
    }
    if (weights[c] === 0) continue;
    const ablated = { ...weights, [c]: 0 };
    if (COMPONENTS.every((x) => ablated[x] === 0)) continue;
    const v = meanNdcg(engineRanking(profiles, qrels, ablated, ctx), qrels, K);
    process.stderr.write(`ablation: without ${c.padEnd(15)} ndcg@10 ${v.toFixed(3)} (${(v - engineNdcg >= 0 ? '+' : '') + (v - engineNdcg).toFixed(3)})\n`);
  }
  for (const c of COMPONENTS) {
    if (!applicable[c]) continue;
    const only = Object.fromEntries(COMPONENTS.map((x) => [x, x === c ? 1 : 0])) as ScoringWeights;
    const v = meanNdcg(engineRanking(profiles, qrels, only, ctx), qrels, K);
    process.stderr.write(`only: ${c.padEnd(15)} ndcg@10 ${v.toFixed(3)}\n`);
  }

  if (args.run) {
    const lines = [...engine].map(([qid, list]) =>
      JSON.stringify({ externalId: qid, suggestions: list.slice(0, 100).map((s) => ({ externalId: s.id, score: Math.round(s.score * 1e6) / 1e6 })) }),
    );
    writeFileSync(args.run, lines.join('\n') + '\n');
    process.stderr.write(`run file: ${args.run}\n`);
  }
}

main();
