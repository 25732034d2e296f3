import type { ScoringProfile } from '../../scoring/core';
import { BlockSearch } from './block-search';
import { buildCandidateBlocks } from './candidate-blocks';
import { bruteForceList } from './compute-match-lists';
import { buildMatchIndex } from './match-index';
import { contexts, options, preparedPool, syntheticInputs } from './match-fixture.spec-helper';

describe('BlockSearch (best-first over candidate blocks)', () => {
  let pool: ScoringProfile[];
  beforeAll(() => {
    pool = preparedPool(syntheticInputs(180, 23));
  });

  it('every block bounds its members: union values are the largest, cheap attributes are OR-ed', () => {
    const index = buildMatchIndex(pool);
    const blocks = buildCandidateBlocks(index, 8);
    expect(blocks.count).toBeGreaterThan(180 / 8);
    for (let b = 0; b < blocks.count; b++) {
      const union = new Map<number, number>();
      for (let j = blocks.listStart[b]; j < blocks.listStart[b + 1]; j++) union.set(blocks.lists[j], blocks.values[j]);
      for (let m = blocks.memberStart[b]; m < blocks.memberStart[b + 1]; m++) {
        const s = blocks.members[m];
        expect(blocks.blockOf[s]).toBe(b);
        expect(index.place[s]).toBe(blocks.place[b]);
        expect(blocks.coopOr[b] & index.cooperation[s]).toBe(index.cooperation[s]);
        for (let j = blocks.slotStart[s]; j < blocks.slotStart[s + 1]; j++) expect(union.get(blocks.slotLists[j])).toBeGreaterThanOrEqual(blocks.slotValues[j]);
      }
    }
    // Block postings invert the unions exactly.
    const total = blocks.postingStart[index.listCount];
    expect(total).toBe(blocks.lists.length);
  });

  it.each([0, 1, 2, 3])('equals brute force with seeds and k beyond the allowed candidates (context %i)', (i) => {
    const { ctx } = contexts(pool.map((p) => p.id))[i];
    const index = buildMatchIndex(pool);
    for (const k of [5, 400]) {
      const opts = options(ctx, k);
      const search = new BlockSearch(index, opts);
      for (const q of [pool[0], pool[33], pool[101]]) {
        const expected = bruteForceList(q, pool, opts);
        expect(search.query(index.slot(q.id)!).sorted()).toEqual(expected);
        const seeds = expected.slice(1, 4).map((e) => ({ slot: index.slot(e.candidateId)!, score: e.score }));
        expect(search.query(index.slot(q.id)!, seeds).sorted()).toEqual(expected);
      }
    }
  });

  it('leaves weak lists unread once it has a guess of the k-th score, and stays exact', () => {
    const { ctx } = contexts(pool.map((p) => p.id))[3];
    const opts = options(ctx);
    const index = buildMatchIndex(pool);
    const search = new BlockSearch(index, opts);
    for (const q of pool) expect(search.query(index.slot(q.id)!).sorted()).toEqual(bruteForceList(q, pool, opts));
    expect(search.stats.blocksRefined).toBeGreaterThan(0);
  });

  it('stays exact after changes (removed slots, replaced profiles) and refuses a stale search', () => {
    const { ctx } = contexts(pool.map((p) => p.id))[0];
    const opts = options(ctx);
    const index = buildMatchIndex(pool);
    const stale = new BlockSearch(index, opts);
    index.remove(pool[7].id);
    index.replace({ ...pool[9] });
    expect(() => stale.query(index.slot(pool[1].id)!)).toThrow(/index changed/);
    const rest = pool.filter((p) => p.id !== pool[7].id);
    const search = new BlockSearch(index, opts);
    for (const q of [pool[1], pool[9], pool[50]]) expect(search.query(index.slot(q.id)!).sorted()).toEqual(bruteForceList(q, rest, opts));
    expect(search.stats.blocksExpanded).toBeLessThan(search.stats.blocksBounded);
  });
});
