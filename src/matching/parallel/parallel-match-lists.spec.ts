import type { Worker } from 'node:worker_threads';
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

  it('reports progress as lists complete and answers in query order over the index it is given', async () => {
    const ids = pool.map((p) => p.id).reverse();
    const opts = options(contexts(ids)[1].ctx);
    const index = buildMatchIndex(pool);
    const expected = computeMatchLists(index, ids, opts).lists;
    const reports: number[] = [];
    const r = await threads.compute(pool, ids, opts, { index, progress: { every: 40, report: (done) => Promise.resolve(void reports.push(done)) } });
    expect([...r.lists.keys()]).toEqual(ids);
    expect([...r.lists]).toEqual([...expected]);
    expect(reports.at(-1)).toBe(ids.length);
    expect(reports.length).toBeGreaterThanOrEqual(2);
    expect(reports).toEqual([...reports].sort((a, b) => a - b));
  }, 60_000);

  it('runs computes asked for at once one after the other, each with its own lists', async () => {
    const ids = pool.map((p) => p.id);
    const [a, b] = [options(contexts(ids)[1].ctx), options(contexts(ids)[3].ctx, 5)];
    const [ra, rb] = await Promise.all([threads.compute(pool, ids, a), threads.compute(pool, ids, b)]);
    expect(ra.lists).toEqual(computeMatchLists(buildMatchIndex(pool), ids, a).lists);
    expect(rb.lists).toEqual(computeMatchLists(buildMatchIndex(pool), ids, b).lists);
  }, 60_000);

  it('replaces a worker thread that ended instead of waiting for it forever', async () => {
    const ids = pool.map((p) => p.id);
    const opts = options(contexts(ids)[1].ctx);
    // Reaching into the pool: a thread ending on its own (out of memory, killed) cannot be caused from outside.
    await (threads as unknown as { workers: Worker[] }).workers[0].terminate();
    const r = await threads.compute(pool, ids, opts);
    expect(r.lists).toEqual(computeMatchLists(buildMatchIndex(pool), ids, opts).lists);
    expect(r.perThread).toHaveLength(2);
  }, 60_000);
});
