import { createPairScorer, createScoringEnvironment, DEFAULT_WEIGHTS, type ScoringProfile } from '../../scoring/core';
import { restorePool, restorePrepared, serialisePool, serialisePrepared } from './prepared-codec';
import { fixtureEnv, fixtureTaxonomy, preparedPool, syntheticInputs, TIE_UP } from './match-fixture.spec-helper';

describe('prepared profile storage', () => {
  let pool: ScoringProfile[];
  beforeAll(() => {
    pool = preparedPool(syntheticInputs(60, 3));
  });
  const scorer = createPairScorer(DEFAULT_WEIGHTS, { rule: 'cross-region', mode: 'preferred', tieUp: TIE_UP });
  const allScores = (ps: ScoringProfile[]) => ps.flatMap((a) => ps.map((b) => scorer.value(a, b)));

  it('serialisePrepared is JSON-safe and restorePrepared gives identical scores in the same environment', () => {
    const restored = pool.map((p) => restorePrepared(JSON.parse(JSON.stringify(serialisePrepared(p))), p.env));
    expect(allScores(restored)).toEqual(allScores(pool));
    expect(restored[4].offers.map((o) => o.text)).toEqual(pool[4].offers.map((o) => o.text));
    expect(serialisePrepared(pool[4]).description.f.every((f) => typeof f === 'string')).toBe(true);
  });

  it('a pool restored into a fresh environment scores bit-identically and keeps the idf', () => {
    const stored = JSON.parse(JSON.stringify(serialisePool(pool)));
    const fresh = createScoringEnvironment({ taxonomy: fixtureTaxonomy(), analyser: fixtureEnv().analyser });
    const { env, profiles } = restorePool(stored, fresh);
    expect(allScores(profiles)).toEqual(allScores(pool));
    const feature = stored.features[10];
    expect(env.idf.idf(feature)).toBe(pool[0].env.idf.idf(feature));
    expect(env.idf.documentCount).toBe(60);
  });

  it('rejects a stored profile whose focus sector no longer exists', () => {
    const s = serialisePrepared(pool.find((p) => p.domains.length > 0)!);
    s.domains[0] = 'no-such-sector';
    expect(() => restorePrepared(s, pool[0].env)).toThrow(/Unknown focus sector/);
  });
});
