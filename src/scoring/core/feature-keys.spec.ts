import { indexKeys, INDEXED_COMPONENTS, probeKeys, scoreUpperBound } from './feature-keys';
import { componentValues, createPairScorer } from './score-pair';
import { input, pool } from './scoring-fixture.spec-helper';
import { DEFAULT_WEIGHTS } from './scoring-weights';
import type { ScoringContext } from './scoring.types';

const CTX: ScoringContext = { rule: 'cross-country', mode: 'preferred', tieUp: { name: 'Jena × Hamamatsu', focusSectors: ['optics-photonics', 'ophthalmology', 'biotechnology'] } };

const p = pool(
  input('lens', { sectors: ['26.70'], offers: ['Auftragsfertigung optischer Linsen'], seeks: ['Vertriebspartner in Japan'], description: 'Wir fertigen Präzisionsoptik in Jena.', languages: ['de'] }),
  input('hikari', { country: 'JP', region: 'Hamamatsu', sectors: ['26.70', '26.11'], offers: ['レーザーダイオード'], seeks: ['光学レンズの受託製造'], description: '浜松の光技術メーカーです。', languages: ['ja'] }),
  input('clinic', { country: 'JP', region: 'Hamamatsu', sectors: ['86.22'], offers: ['clinical trials in ophthalmology'], seeks: ['OCT devices'], languages: ['en', 'ja'] }),
  input('oct', { sectors: ['32.50'], offers: ['OCT-Systeme'], seeks: ['klinische Studien'], languages: ['de', 'en'] }),
  input('gears', { region: 'Stuttgart', sectors: ['29.32'], offers: ['gear wheels'], seeks: ['distributors in Japan'], languages: ['de'] }),
  input('car', { country: 'JP', region: 'Toyohashi', sectors: ['29.10'], offers: ['passenger cars'], seeks: ['歯車の調達先'], languages: ['ja'] }),
  input('water', { region: 'Essen', offers: ['membranes for wastewater treatment'], description: 'Water technology from the Ruhr.', languages: ['de', 'en'] }),
  input('empty', { country: 'JP', region: 'Kobe' }),
  input('agency', { country: 'JP', region: 'Kobe', sectors: ['84.13'], offers: ['business delegations in biotechnology'], seeks: ['cluster partners in biotechnology'], languages: ['en'] }),
);
const all = Object.values(p);

describe('feature-key contract for candidate generation', () => {
  it('a component is positive only if the probe keys of A meet the index keys of B', () => {
    let positives = 0;
    for (const a of all) {
      const probe = probeKeys(a);
      for (const b of all) {
        if (a === b) continue;
        const index = indexKeys(b);
        const { values } = componentValues(a, b, CTX);
        for (const c of INDEXED_COMPONENTS) {
          const shared = probe[c].some((k) => index[c].includes(k));
          if (values[c] > 0) {
            positives++;
            expect([a.id, b.id, c, shared]).toEqual([a.id, b.id, c, true]);
          }
        }
      }
    }
    expect(positives).toBeGreaterThan(20);
  });

  it('a pair sharing no key scores at most the featureless bound', () => {
    const bound = scoreUpperBound(DEFAULT_WEIGHTS, CTX, CTX.tieUp ?? null, INDEXED_COMPONENTS);
    const w = DEFAULT_WEIGHTS;
    expect(bound).toBeCloseTo((w.cooperation + w.language + w.region) / (w.complementarity + w.sector + w.text + w.cooperation + w.language + w.region + w.focus), 12);
    const scorer = createPairScorer(DEFAULT_WEIGHTS, CTX);
    let checked = 0;
    for (const a of all) {
      for (const b of all) {
        if (a === b) continue;
        const probe = probeKeys(a);
        const index = indexKeys(b);
        if (INDEXED_COMPONENTS.some((c) => probe[c].some((k) => index[c].includes(k)))) continue;
        checked++;
        expect(scorer.value(a, b)).toBeLessThanOrEqual(bound + 1e-12);
      }
    }
    expect(checked).toBeGreaterThan(0);
  });

  it('drops components that do not apply from the bound (no tie-up, required rule)', () => {
    const ctx: ScoringContext = { rule: 'cross-country', mode: 'required' };
    const w = DEFAULT_WEIGHTS;
    expect(scoreUpperBound(w, ctx, null, INDEXED_COMPONENTS)).toBeCloseTo((w.cooperation + w.language) / (w.complementarity + w.sector + w.text + w.cooperation + w.language), 12);
    expect(scoreUpperBound(w, ctx, null, [])).toBe(1);
  });
});
