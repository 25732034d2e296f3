import { readFileSync } from 'node:fs';
import { createPairScorer, createScoringEnvironment, preparePool } from './src/scoring/core';
import { loadTaxonomy } from './src/taxonomy/core';
import { generateSyntheticInputs } from './src/matching/core';
const taxonomy = loadTaxonomy();
const inputs = generateSyntheticInputs(200, taxonomy.focusSectors(), { seed: 1, prefix: 'p' });
const pool = preparePool(inputs, createScoringEnvironment({ taxonomy }));
const w = JSON.parse(readFileSync('config/scoring-weights.json', 'utf8')).weights;
const sc = createPairScorer(w, { rule: 'cross-country', mode: 'required', tieUp: { name: 'x', focusSectors: ['optics-photonics', 'medtech'] } });
const a = pool.profiles.find(p => p.country === 'DE')!;
let tot = 0, br = 0, re = 0, msg = 0; let n = 0;
for (const b of pool.profiles.filter(p => p.country === 'JP').slice(0, 20)) {
  const e = sc.explain(a, b);
  tot += JSON.stringify(e).length; br += JSON.stringify(e.breakdown).length; re += JSON.stringify(e.reasons).length; msg += e.reasons.reduce((s, r) => s + r.message.length, 0); n++;
  if (n === 1) console.log(JSON.stringify(e.reasons, null, 1).slice(0, 3000));
}
console.log({ perSuggestion: tot / n, breakdown: br / n, reasons: re / n, messages: msg / n });
