import { createTextAnalyser } from '../../text';
import { createScoringEnvironment, DOMAIN_RELATED_FACTOR } from './scoring-environment';
import { fixtureEnv, fixtureTaxonomy } from './scoring-fixture.spec-helper';

describe('createScoringEnvironment', () => {
  it('computes the taxonomy relatedness values itself, identically', () => {
    const env = fixtureEnv();
    const tax = fixtureTaxonomy();
    const codes = ['26.70', '26.7', '26', 'C', '26.60', '26.11', '32.50', '86.22', '21.20', '29.10', '28.99', '01.11', '72.11', '35.11', '46.46'];
    const ids = codes.map((c) => env.codeIndex(tax.normalizeCode(c)!));
    for (let i = 0; i < codes.length; i++) {
      for (let j = 0; j < codes.length; j++) {
        expect([codes[i], codes[j], env.relatednessValue(ids[i], ids[j])]).toEqual([codes[i], codes[j], tax.relatedness(codes[i], codes[j]).value]);
      }
    }
    expect(env.relatedness(ids[0], ids[3]).kind).toBe('ancestor');
  });

  it('relates focus sectors symmetrically: 1 on the diagonal, DOMAIN_RELATED_FACTOR · strength elsewhere', () => {
    const env = fixtureEnv();
    const n = env.domainIds.length;
    const o = env.domainIndex.get('optics-photonics')!;
    const e = env.domainIndex.get('ophthalmology')!;
    expect(env.domainRelation[o * n + o]).toBe(1);
    expect(env.domainRelation[o * n + e]).toBeCloseTo(DOMAIN_RELATED_FACTOR * fixtureTaxonomy().focus.strength('optics-photonics', 'ophthalmology'), 12);
    expect(env.domainRelation[e * n + o]).toBe(env.domainRelation[o * n + e]);
  });

  it('refuses an analyser built without the activity cues', () => {
    const plain = createTextAnalyser(fixtureTaxonomy().buildConceptEntries());
    expect(() => createScoringEnvironment({ taxonomy: fixtureTaxonomy(), analyser: plain })).toThrow(/activity cues missing/);
  });

  it('interns language codes case-insensitively', () => {
    const env = fixtureEnv();
    expect(env.languageBit('JA')).toBe(env.languageBit('ja'));
    expect(env.languageCode(env.languageBit('ja'))).toBe('ja');
  });
});
