import { createPairScorer, createScoringEnvironment, DEFAULT_WEIGHTS, type ScoringProfile } from '../../scoring/core';
import { fixtureEnv, fixtureTaxonomy, preparedPool, syntheticInputs, TIE_UP } from './match-fixture.spec-helper';
import { decodePoolTransfer, encodePoolTransfer } from './pool-transfer';

describe('pool transfer (shared arrays for worker threads)', () => {
  let pool: ScoringProfile[];
  beforeAll(() => {
    pool = preparedPool(syntheticInputs(50, 8));
  });
  const scorer = createPairScorer(DEFAULT_WEIGHTS, { rule: 'cross-region', mode: 'preferred', tieUp: TIE_UP });
  const allScores = (ps: ScoringProfile[]) => ps.flatMap((a) => ps.map((b) => scorer.value(a, b)));

  it('rebuilds the pool in a fresh environment with bit-identical scores', () => {
    const t = encodePoolTransfer(pool);
    expect(t.ints.buffer).toBeInstanceOf(SharedArrayBuffer);
    const fresh = createScoringEnvironment({ taxonomy: fixtureTaxonomy(), analyser: fixtureEnv().analyser });
    const profiles = decodePoolTransfer(structuredClone(t), fresh);
    expect(profiles.map((p) => p.id)).toEqual(pool.map((p) => p.id));
    expect(profiles[3].offers.map((o) => o.kinds)).toEqual(pool[3].offers.map((o) => o.kinds));
    expect(allScores(profiles)).toEqual(allScores(pool));
  });

  it('refuses a pool prepared over other focus sectors', () => {
    const t = { ...encodePoolTransfer(pool), domainIds: ['elsewhere'] };
    expect(() => decodePoolTransfer(t, fixtureEnv())).toThrow(/other focus sectors/);
  });
});
