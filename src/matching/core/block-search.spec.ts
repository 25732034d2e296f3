import type { ScoringProfile } from '../../scoring/core';
import { BlockSearch } from './block-search';
import { buildCandidateBlocks, candidateBlocksFor, looseLimit } from './candidate-blocks';
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

  it('follows index changes: slots added or changed since the blocks were built are loose, and it stays exact', () => {
    const { ctx } = contexts(pool.map((p) => p.id))[0];
    const opts = options(ctx);
    const index = buildMatchIndex(pool);
    const search = new BlockSearch(index, opts);
    expect(search.query(index.slot(pool[1].id)!).sorted()).toEqual(bruteForceList(pool[1], pool, opts));
    const builtBlocks = candidateBlocksFor(index);
    // Remove one, give another new content, add two (clones of others under new ids).
    const current = new Map(pool.map((p) => [p.id, p]));
    index.remove(pool[7].id);
    current.delete(pool[7].id);
    const changed = { ...pool[60], id: pool[9].id, name: pool[9].name };
    index.replace(changed);
    current.set(changed.id, changed);
    for (const i of [12, 140]) {
      const added = { ...pool[i], id: `n-${i}` };
      index.add(added);
      current.set(added.id, added);
    }
    const now = [...current.values()];
    for (const q of [pool[1], changed, pool[50], current.get('n-12')!]) expect(search.query(index.slot(q.id)!).sorted()).toEqual(bruteForceList(q, now, opts));
    const blocks = candidateBlocksFor(index);
    expect(blocks).toBe(builtBlocks);
    const loose = [changed.id, 'n-12', 'n-140'].map((id) => index.slot(id)!);
    expect([...blocks.loose].sort((x, y) => x - y)).toEqual([...loose].sort((x, y) => x - y));
    for (const s of loose) expect(blocks.blockOf[s]).toBe(-1);
    // Past the limit of loose slots the blocks are rebuilt, and the lists are still exact.
    for (let i = 0; i < looseLimit(blocks) + 1; i++) {
      const p = { ...pool[(i * 7) % pool.length], id: `m-${i}` };
      index.add(p);
      current.set(p.id, p);
    }
    const all = [...current.values()];
    for (const q of [pool[1], changed, pool[99]]) expect(search.query(index.slot(q.id)!).sorted()).toEqual(bruteForceList(q, all, opts));
    const rebuilt = candidateBlocksFor(index);
    expect(rebuilt).not.toBe(builtBlocks);
    expect(rebuilt.loose).toEqual([]);
  });
});
