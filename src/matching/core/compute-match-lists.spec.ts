import { DEFAULT_WEIGHTS, type ScoringProfile } from '../../scoring/core';
import { bruteForceList, computeMatchLists, computeOne } from './compute-match-lists';
import { buildMatchIndex } from './match-index';
import { MatchSearch } from './match-search';
import { bruteForceAll, contexts, options, preparedPool, syntheticInputs } from './match-fixture.spec-helper';

describe('computeMatchLists (exact top-k)', () => {
  let pool: ScoringProfile[];
  beforeAll(() => {
    const inputs = syntheticInputs(260, 11);
    // Sparse profiles (no text, no codes) exercise the completion from signature buckets.
    inputs.push(
      { id: 'sparse-de', name: 'S', country: 'DE', region: 'Jena', sectors: [], offers: [], seeks: [], cooperation: ['rd'], languages: ['de'], description: '' },
      { id: 'sparse-jp', name: 'S', country: 'JP', region: 'Kobe', sectors: [], offers: [], seeks: [], cooperation: [], languages: [], description: '' },
    );
    pool = preparedPool(inputs);
  });

  it.each([0, 1, 2, 3])('equals brute force for every query (context %i)', (i) => {
    const { ctx } = contexts(pool.map((p) => p.id))[i];
    const opts = options(ctx);
    const index = buildMatchIndex(pool);
    const { lists, stats } = computeMatchLists(index, pool.map((p) => p.id), opts);
    expect(lists).toEqual(bruteForceAll(pool, opts));
    // The index must save work: far fewer exact evaluations than brute force.
    expect(stats.pairsScored).toBeLessThan(pool.length * pool.length * 0.5);
  });

  it.each([0, 1, 2, 3])('equals brute force when every list that may stay unread does (context %i)', (i) => {
    // minUnreadLength 0 exercises the unread-list bounds, refinement and θ rounds on a small pool.
    const { ctx } = contexts(pool.map((p) => p.id))[i];
    const opts = { ...options(ctx), minUnreadLength: 0 };
    const { lists, stats } = computeMatchLists(buildMatchIndex(pool), pool.map((p) => p.id), opts);
    expect(lists).toEqual(bruteForceAll(pool, opts));
    expect(stats.refined).toBeGreaterThan(0);
  });

  it('a seeded query (known exact entries) equals brute force', () => {
    const { ctx } = contexts(pool.map((p) => p.id))[3];
    const opts = { ...options(ctx), minUnreadLength: 0 };
    const index = buildMatchIndex(pool);
    const search = new MatchSearch(index, opts);
    for (const q of [pool[0], pool[9], pool[40]]) {
      const expected = bruteForceList(q, pool, opts);
      // Seed with a few true entries (any allowed candidates with exact scores are valid seeds).
      const seeds = expected.slice(3, 12).map((e) => ({ slot: index.slot(e.candidateId)!, score: e.score }));
      expect(search.query(index.slot(q.id)!, expected[expected.length - 1].score + 0.05, seeds).sorted()).toEqual(expected);
    }
  });

  it('honours exclusions and blocking (no excluded pair, no same-country candidate)', () => {
    const ids = pool.map((p) => p.id);
    const { ctx } = contexts(ids)[3];
    const strict = { ...ctx, mode: 'required' as const };
    const { lists } = computeMatchLists(buildMatchIndex(pool), ids, options(strict));
    const country = new Map(pool.map((p) => [p.id, p.country]));
    expect(lists.get(ids[0])!.map((e) => e.candidateId)).not.toContain(ids[1]);
    expect(lists.get(ids[4])!.map((e) => e.candidateId)).not.toContain(ids[1]);
    for (const [q, list] of lists) for (const e of list) expect(country.get(e.candidateId)).not.toBe(country.get(q));
  });

  it('completes short lists exactly when k exceeds the candidates sharing keys', () => {
    const { ctx } = contexts(pool.map((p) => p.id))[0];
    const opts = options(ctx, 200);
    const index = buildMatchIndex(pool);
    for (const id of ['sparse-de', 'sparse-jp', pool[0].id, pool[17].id]) {
      const q = pool.find((p) => p.id === id)!;
      const list = computeOne(index, id, opts);
      expect(list).toEqual(bruteForceList(q, pool, opts));
      expect(list.length).toBe(Math.min(200, pool.filter((p) => p.country !== q.country).length));
    }
  });

  it('gives identical lists for any sharding of the queries', () => {
    const { ctx } = contexts(pool.map((p) => p.id))[1];
    const opts = options(ctx);
    const ids = pool.map((p) => p.id);
    const whole = computeMatchLists(buildMatchIndex(pool), ids, opts).lists;
    const shards = [ids.filter((_, i) => i % 3 === 0), ids.filter((_, i) => i % 3 === 1), ids.filter((_, i) => i % 3 === 2).reverse()];
    const merged = new Map<string, unknown>();
    for (const shard of shards) for (const [q, l] of computeMatchLists(buildMatchIndex(pool), shard, opts).lists) merged.set(q, l);
    expect(new Map([...merged].sort())).toEqual(new Map([...whole].sort()));
  });

  it('breaks ties by candidate id, independent of index order', () => {
    const base = syntheticInputs(40, 5);
    const twins = [0, 1, 2].flatMap((i) => ['b', 'a', 'c'].map((suffix) => ({ ...base[i], id: `${base[i].id}-${suffix}`, country: 'JP', region: 'Kobe' })));
    const queries = base.slice(3, 8).map((x) => ({ ...x, country: 'DE', region: 'Jena' }));
    const p = preparedPool([...twins, ...queries]);
    const opts = options({ rule: 'cross-country', mode: 'required', tieUp: null }, 5);
    const forward = computeMatchLists(buildMatchIndex(p), queries.map((q) => q.id), opts).lists;
    const backward = computeMatchLists(buildMatchIndex([...p].reverse()), queries.map((q) => q.id), opts).lists;
    expect(backward).toEqual(forward);
    let tied = 0;
    for (const list of forward.values()) {
      for (let i = 1; i < list.length; i++) {
        expect(list[i - 1].score).toBeGreaterThanOrEqual(list[i].score);
        if (list[i - 1].score === list[i].score) {
          tied++;
          expect(list[i - 1].candidateId < list[i].candidateId).toBe(true);
        }
      }
    }
    expect(tied).toBeGreaterThan(0);
  });

  it('rejects profiles from another scoring environment', () => {
    const index = buildMatchIndex(pool.slice(0, 3));
    const other = { ...pool[5], env: { ...pool[5].env, features: new (pool[5].env.features.constructor as new () => typeof pool[5]['env']['features'])() } };
    expect(() => index.add(other as ScoringProfile)).toThrow(/another scoring environment/);
    // The same features with another tie-up: the pool's weights would differ by profile.
    const otherTieUp = { ...pool[5], env: { ...pool[5].env, tieUp: { name: 'Other', focusSectors: ['hydrogen'] } } };
    expect(() => index.add(otherTieUp as ScoringProfile)).toThrow(/another scoring environment/);
    expect(DEFAULT_WEIGHTS.complementarity).toBeGreaterThan(0);
  });
});
