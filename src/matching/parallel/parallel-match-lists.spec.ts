import type { ScoringProfile } from '../../scoring/core';
import { buildMatchIndex, computeMatchLists } from '../core';
import { contexts, options, preparedPool, syntheticInputs } from '../core/match-fixture.spec-helper';
import { MatchThreads } from './parallel-match-lists';

describe('MatchThreads (threaded recompute)', () => {
  let pool: ScoringProfile[];
  let threads: MatchThreads;
  beforeAll(async () => {
    pool = preparedPool(syntheticInputs(150, 31));
    threads = await MatchThreads.start(2);
  }, 60_000);
  afterAll(async () => {
    await threads.close();
  });

  it('gives exactly the lists of the in-process recompute, computed by both threads', async () => {
    const ids = pool.map((p) => p.id);
    for (const { ctx } of [contexts(ids)[1], contexts(ids)[3]]) {
      const opts = options(ctx);
      const expected = computeMatchLists(buildMatchIndex(pool), ids, opts).lists;
      const r = await threads.compute(pool, ids, opts);
      expect(new Map([...r.lists].sort())).toEqual(new Map([...expected].sort()));
      expect(r.perThread).toHaveLength(2);
      expect(r.perThread.reduce((n, t) => n + t.queries, 0)).toBe(ids.length);
    }
  }, 60_000);
});
