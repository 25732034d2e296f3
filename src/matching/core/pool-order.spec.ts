import type { ScoringProfile } from '../../scoring/core';
import { buildCandidateBlocks } from './candidate-blocks';
import { computeMatchLists } from './compute-match-lists';
import { buildMatchIndex } from './match-index';
import { contexts, options, preparedPool, syntheticInputs } from './match-fixture.spec-helper';
import { matchingKey, matchingOrder } from './pool-order';
import { createRandom } from './synthetic-profiles';

function shuffled<T>(xs: readonly T[], seed: number): T[] {
  const rnd = createRandom(seed);
  const out = [...xs];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

describe('matchingOrder', () => {
  let pool: ScoringProfile[];
  beforeAll(() => {
    pool = preparedPool(syntheticInputs(160, 23));
  });

  it('returns the same profiles, a new array, the input untouched', () => {
    const before = pool.map((p) => p.id);
    const ordered = matchingOrder(pool);
    expect(ordered).not.toBe(pool);
    expect(pool.map((p) => p.id)).toEqual(before);
    expect(ordered.map((p) => p.id).sort()).toEqual([...before].sort());
  });

  it('groups by country and region, then by dominant focus sector', () => {
    const ordered = matchingOrder(pool);
    const place = (p: ScoringProfile) => `${p.country}\u0000${p.region}`;
    // Each place is one run, places ascending.
    const runs = ordered.map(place).filter((x, i, all) => i === 0 || all[i - 1] !== x);
    expect(runs).toEqual([...new Set(runs)].sort());
    for (let i = 1; i < ordered.length; i++) {
      if (place(ordered[i - 1]) === place(ordered[i])) expect(matchingKey(ordered[i - 1])[0]).toBeLessThanOrEqual(matchingKey(ordered[i])[0]);
    }
  });

  it('depends on the content only: every input order gives the same order', () => {
    const expected = matchingOrder(pool).map((p) => p.id);
    for (const seed of [1, 2, 3]) expect(matchingOrder(shuffled(pool, seed)).map((p) => p.id)).toEqual(expected);
  });

  it('makes every candidate block a run of consecutive slots', () => {
    const blocks = buildCandidateBlocks(buildMatchIndex(matchingOrder(shuffled(pool, 4))));
    expect(blocks.count).toBeGreaterThan(10);
    for (let b = 0; b < blocks.count; b++) {
      const members = [...blocks.members.subarray(blocks.memberStart[b], blocks.memberStart[b + 1])];
      expect(members).toEqual(members.map((_, i) => members[0] + i));
    }
  });

  it('leaves every list unchanged (lists are exact whatever the slots)', () => {
    const ids = pool.map((p) => p.id);
    for (const { ctx } of contexts(ids)) {
      const opts = options(ctx);
      const asGiven = computeMatchLists(buildMatchIndex(pool), ids, opts).lists;
      const ordered = matchingOrder(pool);
      const inOrder = computeMatchLists(buildMatchIndex(ordered), ordered.map((p) => p.id), opts).lists;
      for (const id of ids) expect(inOrder.get(id)).toEqual(asGiven.get(id));
    }
  });
});
