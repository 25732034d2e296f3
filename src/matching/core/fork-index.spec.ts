import { prepareProfile, type ScoringProfile } from '../../scoring/core';
import { applyChange, lowBarFor, MatchListStore } from './affected-lists';
import { candidateBlocksFor, forkIndex } from './candidate-blocks';
import { computeMatchLists } from './compute-match-lists';
import { buildMatchIndex } from './match-index';
import { bruteForceAll, contexts, options, preparedPool, syntheticInputs } from './match-fixture.spec-helper';

const sorted = <V>(m: Map<string, V>) => new Map([...m].sort(([x], [y]) => (x < y ? -1 : 1)));

describe('forkIndex', () => {
  const inputs = syntheticInputs(200, 41);
  let pool: ScoringProfile[];
  beforeAll(() => {
    pool = preparedPool(inputs);
  });

  it('shares the candidate blocks, and changes (a leave, a compaction, a join into the freed slot, edits) stay in the fork', () => {
    const opts = { ...options(contexts(pool.map((p) => p.id))[1].ctx), minUnreadLength: 0 };
    const index = buildMatchIndex(pool);
    const before = computeMatchLists(index, index.allIds(), opts).lists;
    const version = index.version;

    const fork = forkIndex(index);
    expect(fork.version).toBe(version);
    expect(candidateBlocksFor(fork).members).toBe(candidateBlocksFor(index).members);

    const store = new MatchListStore(20, lowBarFor(opts));
    for (const [q, l] of before) store.set(q, l);
    // A leave, a compaction and a join first: the joiner takes the freed slot (a member of a block in both indexes).
    applyChange(fork, store, opts, inputs[90].id, null);
    let current = pool.filter((p) => p.id !== inputs[90].id);
    fork.compact();
    const joiner = prepareProfile({ ...inputs[12], id: '00000000-0000-4000-8000-00000000f00d' }, pool[0].env);
    applyChange(fork, store, opts, joiner.id, joiner);
    expect(fork.slot(joiner.id)).toBe(index.slot(inputs[90].id));
    current.push(joiner);
    for (const [target, donor] of [[7, 101], [30, 31], [55, 160]]) {
      const id = inputs[target].id;
      const changed = prepareProfile({ ...inputs[donor], id, country: inputs[target].country }, pool[0].env);
      applyChange(fork, store, opts, id, changed);
      current = current.map((p) => (p.id === id ? changed : p));
    }

    expect(sorted(store.lists)).toEqual(sorted(bruteForceAll(current, opts)));
    expect(sorted(computeMatchLists(fork, fork.allIds(), opts).lists)).toEqual(sorted(bruteForceAll(current, opts)));
    // The original index: as it was, and its searches give the lists they gave.
    expect(index.version).toBe(version);
    expect(index.profile(inputs[7].id)).toBe(pool.find((p) => p.id === inputs[7].id));
    expect(index.has(inputs[90].id)).toBe(true);
    expect(index.has(joiner.id)).toBe(false);
    expect(sorted(computeMatchLists(index, index.allIds(), opts).lists)).toEqual(sorted(before));
    expect(sorted(before)).toEqual(sorted(bruteForceAll(pool, opts)));
  });
});
