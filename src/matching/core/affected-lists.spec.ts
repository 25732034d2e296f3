import { createPairScorer, exclusionOf, prepareProfile, type ScoringProfile } from '../../scoring/core';
import { affectedBy, applyChange, lowBarFor, MatchListStore } from './affected-lists';
import { computeMatchLists } from './compute-match-lists';
import { buildMatchIndex, type MatchIndex } from './match-index';
import { bruteForceAll, contexts, options, preparedPool, syntheticInputs } from './match-fixture.spec-helper';
import type { MatchOptions } from './match-search';

function fullStore(index: MatchIndex, opts: MatchOptions): MatchListStore {
  const store = new MatchListStore(opts.k ?? 20, lowBarFor(opts));
  for (const [q, l] of computeMatchLists(index, index.allIds(), opts).lists) store.set(q, l);
  return store;
}

describe('incremental match lists', () => {
  let pool: ScoringProfile[];
  const inputs = syntheticInputs(220, 23);
  beforeAll(() => {
    pool = preparedPool(inputs);
  });

  it.each([0, 1, 3])('one changed profile: affected lists recomputed equal a full recompute (context %i)', (i) => {
    const opts = options(contexts(pool.map((p) => p.id))[i].ctx);
    const index = buildMatchIndex(pool);
    const store = fullStore(index, opts);
    // Replace a profile by another one's content (same id, different offers, seeks and country).
    const donor = inputs[101];
    const changed = prepareProfile({ ...donor, id: inputs[7].id }, pool[0].env);
    const { changed: touchedLists } = applyChange(index, store, opts, changed.id, changed);
    const after = pool.map((p) => (p.id === changed.id ? changed : p));
    expect(new Map([...store.lists].sort())).toEqual(new Map([...bruteForceAll(after, opts)].sort()));
    expect(touchedLists).toContain(changed.id);
    expect(touchedLists.length).toBeLessThan(pool.length);
  });

  it.each([0, 1, 3])('a series of changes (in-place updates and seeded recomputes) stays equal to brute force (context %i)', (i) => {
    const opts = { ...options(contexts(pool.map((p) => p.id))[i].ctx), minUnreadLength: 0 };
    const index = buildMatchIndex(pool);
    const store = fullStore(index, opts);
    let current = [...pool];
    for (const [target, donor] of [[7, 101], [30, 31], [55, 160], [7, 8], [90, 12]]) {
      const id = inputs[target].id;
      // Small edits (donor's country kept or not) keep the profile in many lists: both update paths run.
      const changed = prepareProfile({ ...inputs[donor], id, country: donor % 2 === 0 ? inputs[target].country : inputs[donor].country }, pool[0].env);
      applyChange(index, store, opts, id, changed);
      current = current.map((p) => (p.id === id ? changed : p));
    }
    expect(new Map([...store.lists].sort())).toEqual(new Map([...bruteForceAll(current, opts)].sort()));
  });

  it('with a reserve: promotions, inserts and recomputes stay equal to brute force', () => {
    const opts = { ...options(contexts(pool.map((p) => p.id))[1].ctx), minUnreadLength: 0 };
    const index = buildMatchIndex(pool);
    const store = new MatchListStore(20, lowBarFor(opts), 5);
    // Initial lists with their reserve (ranks 21–25), as a service would store them.
    for (const [q, l] of computeMatchLists(index, index.allIds(), { ...opts, k: 25 }).lists) store.setRanked(q, l);
    let current = [...pool];
    for (const [target, donor] of [[7, 101], [30, 31], [55, 160], [7, 8], [90, 12], [30, 200], [61, 62]]) {
      const id = inputs[target].id;
      const changed = prepareProfile({ ...inputs[donor], id, country: inputs[target].country }, pool[0].env);
      applyChange(index, store, opts, id, changed);
      current = current.map((p) => (p.id === id ? changed : p));
    }
    applyChange(index, store, opts, pool[40].id, null);
    current = current.filter((p) => p.id !== pool[40].id);
    expect(new Map([...store.lists].sort())).toEqual(new Map([...bruteForceAll(current, opts)].sort()));
    // Every reserve is still the exact next ranks.
    const deeper = bruteForceAll(current, { ...opts, k: 25 });
    for (const q of store.lists.keys()) expect(deeper.get(q)!.slice(0, store.ranked(q).length)).toEqual(store.ranked(q));
  });

  it('a profile joining and one leaving', () => {
    const opts = options(contexts(pool.map((p) => p.id))[0].ctx);
    const index = buildMatchIndex(pool);
    const store = fullStore(index, opts);
    const joining = prepareProfile({ ...inputs[50], id: 'zz-new' }, pool[0].env);
    applyChange(index, store, opts, joining.id, joining);
    const leaving = pool[12].id;
    applyChange(index, store, opts, leaving, null);
    const after = [...pool.filter((p) => p.id !== leaving), joining];
    expect(new Map([...store.lists].sort())).toEqual(new Map([...bruteForceAll(after, opts)].sort()));
    expect(store.lists.has(leaving)).toBe(false);
    for (const list of store.lists.values()) expect(list.map((e) => e.candidateId)).not.toContain(leaving);
  });

  it('affectedBy names the lists that listed the profile and the lists it now enters', () => {
    const opts = options(contexts(pool.map((p) => p.id))[0].ctx);
    const index = buildMatchIndex(pool);
    const store = fullStore(index, opts);
    const id = pool[3].id;
    const listing = [...store.listing(id)].sort();
    const changed = prepareProfile({ ...inputs[120], id, country: inputs[3].country }, pool[0].env);
    index.replace(changed);
    const result = affectedBy(index, id, store, opts);
    expect(result.recompute).toEqual(listing.filter((q) => q !== id));
    // Every list the new profile enters by brute force is reported as an insert or a recompute.
    const after = bruteForceAll(pool.map((p) => (p.id === id ? changed : p)), opts);
    const entered = [...after].filter(([q, l]) => q !== id && l.some((e) => e.candidateId === id)).map(([q]) => q);
    const reported = new Set([...result.recompute, ...result.insert.map((x) => x.queryId)]);
    for (const q of entered) expect(reported.has(q)).toBe(true);
    expect(result.candidatesConsidered).toBeGreaterThan(0);
  });

  // k = 105 in context 0: lists of the smaller country hold every allowed candidate (short lists, no bar).
  it.each([
    [0, 8],
    [1, 8],
    [2, 8],
    [3, 8],
    [0, 105],
  ])('affectedBy reports exactly the lists a changed profile enters, over many changes (context %i, k %i)', (i, k) => {
    const opts = options(contexts(pool.map((p) => p.id))[i].ctx, k);
    const index = buildMatchIndex(pool);
    const store = fullStore(index, opts);
    const scorer = createPairScorer(opts.weights, opts.ctx);
    let current = [...pool];
    // 45 changes, each applied after the check, so the store's bars move between checks (every
    // fifth step also removes the most listed profile, which lowers the bars of the lists it was in);
    // the candidate blocks take changed slots in as loose, then are rebuilt.
    for (let t = 0; t < 45; t++) {
      if (t % 5 === 4) {
        const top = [...current].sort((x, y) => store.listing(y.id).size - store.listing(x.id).size)[0].id;
        applyChange(index, store, opts, top, null);
        current = current.filter((p) => p.id !== top);
      }
      const original = current[(t * 37) % current.length];
      const donor = inputs[(t * 53 + 11) % inputs.length];
      const changed = prepareProfile({ ...donor, id: original.id, country: t % 3 === 0 ? donor.country : original.country }, pool[0].env);
      index.replace(changed);
      const result = affectedBy(index, changed.id, store, opts);
      const listing = new Set(result.recompute);
      const entering = current
        .filter((q) => q.id !== changed.id && !listing.has(q.id) && !exclusionOf(q, changed, opts.ctx))
        .map((q) => ({ queryId: q.id, score: scorer.value(q, changed) }))
        .filter((e) => store.admits(e.queryId, { candidateId: changed.id, score: e.score }))
        .sort((x, y) => (x.queryId < y.queryId ? -1 : 1));
      expect(result.insert).toEqual(entering);
      applyChange(index, store, opts, changed.id, changed);
      current = current.map((p) => (p.id === changed.id ? changed : p));
    }
    expect(new Map([...store.lists].sort())).toEqual(new Map([...bruteForceAll(current, opts)].sort()));
  });

  it('incremental index updates equal a fresh build', () => {
    const opts = options(contexts(pool.map((p) => p.id))[2].ctx);
    const index = buildMatchIndex(pool.slice(0, 150));
    for (const p of pool.slice(150)) index.add(p);
    for (const p of pool.slice(0, 60)) index.remove(p.id);
    for (const p of pool.slice(0, 60)) index.add(p);
    expect(index.size).toBe(pool.length);
    const ids = pool.map((p) => p.id);
    expect(computeMatchLists(index, ids, opts).lists).toEqual(computeMatchLists(buildMatchIndex(pool), ids, opts).lists);
  });
});
