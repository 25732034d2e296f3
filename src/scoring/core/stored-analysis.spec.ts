import { generateSyntheticInputs } from '../../matching/core/synthetic-profiles';
import { IdfTable, l2Normalise, weight, type PackedVector, type SparseVector } from '../../text';
import { analyseProfile, documentVector, poolFromAnalyses, preparePool } from './prepare-profile';
import { createScoringEnvironment, scoringLexiconFingerprint, type ScoringEnvironment } from './scoring-environment';
import { fixtureEnv, fixtureTaxonomy, input } from './scoring-fixture.spec-helper';
import { scorePair } from './score-pair';
import { DEFAULT_WEIGHTS } from './scoring-weights';
import { analysisFingerprint, ANALYSIS_VERSION, decodeAnalysis, encodeAnalysis, type StoredAnalysis } from './stored-analysis';
import type { PreparedPhrase, ScoringContext, ScoringInput, ScoringProfile } from './scoring.types';

// Every environment gets its own feature dictionary, as each event pool does.
const freshEnv = (): ScoringEnvironment => createScoringEnvironment({ taxonomy: fixtureTaxonomy(), analyser: fixtureEnv().analyser });

const inputs: ScoringInput[] = [
  ...generateSyntheticInputs(120, fixtureTaxonomy().focusSectors(), { seed: 7, prefix: 's' }),
  input('hikari', {
    country: 'JP',
    region: 'Hamamatsu',
    sectors: ['26.70', 'JSIC:2741'],
    offers: ['高精度レーザーダイオード', 'joint R&D in photonics'],
    seeks: ['Vertriebspartner in Europa für Medizinprodukte'],
    description: 'Hikari Co., Ltd. is a maker of optical systems. We are looking for distributors of laser diodes in Europe. Founded in 1950.',
  }),
  input('empty', { offers: ['   '], description: '' }),
];

/** Stored as the database would: through JSON text. */
const roundTrip = (s: StoredAnalysis): StoredAnalysis => JSON.parse(JSON.stringify(s)) as StoredAnalysis;

function expectPhrasesIdentical(a: PreparedPhrase[], b: PreparedPhrase[]): void {
  expect(b.map((p) => [p.text, p.source, p.weight, p.kinds, p.inheritedDomains])).toEqual(a.map((p) => [p.text, p.source, p.weight, p.kinds, p.inheritedDomains]));
  for (let i = 0; i < a.length; i++) {
    expect([...b[i].terms.ids]).toEqual([...a[i].terms.ids]);
    expect([...b[i].terms.values]).toEqual([...a[i].terms.values]);
    expect([...b[i].domains]).toEqual([...a[i].domains]);
    expect([...b[i].domainWeights]).toEqual([...a[i].domainWeights]);
  }
}

function expectProfilesIdentical(a: ScoringProfile, b: ScoringProfile): void {
  expect(b.id).toBe(a.id);
  expectPhrasesIdentical(a.offers, b.offers);
  expectPhrasesIdentical(a.seeks, b.seeks);
  expect([...b.description.ids]).toEqual([...a.description.ids]);
  expect([...b.description.values]).toEqual([...a.description.values]);
  expect([...b.codes]).toEqual([...a.codes]);
  expect([...b.domains]).toEqual([...a.domains]);
  expect([...b.domainWeights]).toEqual([...a.domainWeights]);
  expect([b.cooperation, b.languages, b.languageCodes, b.country, b.region, b.name]).toEqual([a.cooperation, a.languages, a.languageCodes, a.country, a.region, a.name]);
}

describe('the pool step', () => {
  it('counts document frequencies, weights, normalises and interns exactly as fromVectors(documentVector) → weight → l2Normalise → pack', () => {
    const tools = fixtureEnv();
    const analysed = inputs.map((i) => analyseProfile(i, tools));
    const { env, profiles } = poolFromAnalyses(analysed, freshEnv());
    const reference = IdfTable.fromVectors(analysed.map(documentVector));
    expect(env.idf.documentCount).toBe(reference.documentCount);
    expect(env.idf.featureCount).toBe(reference.featureCount);
    for (const a of analysed) for (const f of documentVector(a).keys()) expect([f, env.idf.documentFrequency(f)]).toEqual([f, reference.documentFrequency(f)]);
    const expectedOrder: string[] = [];
    const seen = new Set<string>();
    const expectSame = (packed: PackedVector, raw: SparseVector) => {
      const reference = l2Normalise(weight(raw, env.idf));
      for (const f of reference.keys()) {
        if (seen.has(f)) continue;
        seen.add(f);
        expectedOrder.push(f);
      }
      expect(new Map(Array.from(packed.ids, (id, k) => [env.features.name(id), packed.values[k]]))).toEqual(reference);
      expect([...packed.ids]).toEqual([...packed.ids].sort((x, y) => x - y));
    };
    analysed.forEach((a, i) => {
      a.offers.forEach((ph, k) => expectSame(profiles[i].offers[k].terms, ph.raw));
      a.seeks.forEach((ph, k) => expectSame(profiles[i].seeks[k].terms, ph.raw));
      expectSame(profiles[i].description, a.descriptionRaw);
    });
    expect(Array.from({ length: env.features.size }, (_, id) => env.features.name(id))).toEqual(expectedOrder);
  });
});

describe('stored analyses + the pool step', () => {
  const ctx: ScoringContext = { rule: 'any', mode: 'required', tieUp: { name: 'Jena × Hamamatsu', focusSectors: ['optics-photonics', 'medical-technology'] } };

  it('prepare bit-identically to preparePool after a round trip through JSON', () => {
    const direct = preparePool(inputs, freshEnv()).profiles;
    const tools = fixtureEnv();
    const stored = inputs.map((i) => roundTrip(encodeAnalysis(analyseProfile(i, tools))));
    const restored = poolFromAnalyses(
      stored.map((s, i) => decodeAnalysis(s, inputs[i])!),
      freshEnv(),
    ).profiles;
    expect(restored).toHaveLength(direct.length);
    direct.forEach((p, i) => expectProfilesIdentical(p, restored[i]));
    // Scores are compared with toBe: equal bits, not merely close.
    for (let i = 0; i < direct.length; i += 3) {
      for (let j = 0; j < direct.length; j += 5) {
        expect(scorePair(restored[i], restored[j], DEFAULT_WEIGHTS, ctx).score).toBe(scorePair(direct[i], direct[j], DEFAULT_WEIGHTS, ctx).score);
      }
    }
  });

  it('mixes stored and fresh analyses freely (only the order of the pool matters)', () => {
    const direct = preparePool(inputs, freshEnv()).profiles;
    const tools = fixtureEnv();
    const mixed = inputs.map((i, n) => (n % 2 === 0 ? decodeAnalysis(roundTrip(encodeAnalysis(analyseProfile(i, tools))), i)! : analyseProfile(i, tools)));
    const restored = poolFromAnalyses(mixed, freshEnv()).profiles;
    direct.forEach((p, i) => expectProfilesIdentical(p, restored[i]));
  });

  it('reads non-analysed fields (name, country, languages, cooperation) from the current input', () => {
    const base = input('x', { offers: ['laser diodes'], languages: ['de'] });
    const stored = roundTrip(encodeAnalysis(analyseProfile(base, fixtureEnv())));
    const renamed = { ...base, name: 'Renamed GmbH', country: 'jp', languages: ['ja'], cooperation: ['rd' as const] };
    const [p] = poolFromAnalyses([decodeAnalysis(stored, renamed)!], freshEnv()).profiles;
    expect([p.name, p.country, p.languageCodes, p.cooperation]).toEqual(['Renamed GmbH', 'JP', ['ja'], 1]);
    expect(p.offers.map((o) => o.text)).toEqual(['laser diodes']);
  });

  it('refuses data of another analysis version (the caller analyses again)', () => {
    const stored = encodeAnalysis(analyseProfile(input('x', { offers: ['lasers'] }), fixtureEnv()));
    expect(decodeAnalysis({ ...stored, version: (ANALYSIS_VERSION + 1) as typeof ANALYSIS_VERSION }, input('x'))).toBeNull();
  });

  it('fingerprints the analysis version with the lexicon', () => {
    const lexicon = scoringLexiconFingerprint(fixtureTaxonomy());
    expect(lexicon).toMatch(/^[0-9a-f]{64}$/);
    expect(analysisFingerprint(lexicon)).toBe(`a${ANALYSIS_VERSION}:${lexicon}`);
    expect(analysisFingerprint('other')).not.toBe(analysisFingerprint(lexicon));
  });
});

describe('the pool step on long texts', () => {
  it('sorts long vectors as well as short ones', () => {
    const words = Array.from({ length: 150 }, (_, i) => `laser${String.fromCharCode(97 + (i % 26))}${String.fromCharCode(97 + Math.floor(i / 26))} optics`);
    const long = input('long', { offers: [words.join(' ')], description: words.reverse().join('. ') });
    const { env, profiles: [direct] } = preparePool([long, ...inputs.slice(0, 5)], freshEnv());
    const reference = l2Normalise(weight(analyseProfile(long, fixtureEnv()).descriptionRaw, env.idf));
    expect(new Map(Array.from(direct.description.ids, (id, k) => [env.features.name(id), direct.description.values[k]]))).toEqual(reference);
    const [restored] = poolFromAnalyses(
      [long, ...inputs.slice(0, 5)].map((i) => decodeAnalysis(roundTrip(encodeAnalysis(analyseProfile(i, fixtureEnv()))), i)!),
      freshEnv(),
    ).profiles;
    expect(direct.description.ids.length).toBeGreaterThan(64);
    expect([...direct.description.ids]).toEqual([...direct.description.ids].sort((x, y) => x - y));
    expectProfilesIdentical(direct, restored);
  });
});
