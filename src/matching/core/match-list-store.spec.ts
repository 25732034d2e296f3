import { MatchListStore } from './match-list-store';

const entries = (...scores: number[]) => scores.map((score, i) => ({ candidateId: `c${i}`, score }));

describe('MatchListStore.bar', () => {
  it('is −∞ for an unknown or short list, else the last kept score (the reserve’s when there is one)', () => {
    const store = new MatchListStore(3, 0.1, 2);
    expect(store.bar('q')).toBe(-Infinity);
    store.set('q', entries(0.9, 0.8));
    expect(store.bar('q')).toBe(-Infinity);
    store.set('q', entries(0.9, 0.8, 0.7));
    expect(store.bar('q')).toBe(0.7);
    store.setRanked('q', entries(0.9, 0.8, 0.7, 0.6, 0.5, 0.4));
    expect(store.ranked('q').map((e) => e.score)).toEqual([0.9, 0.8, 0.7, 0.6, 0.5]);
    expect(store.bar('q')).toBe(0.5);
    store.setRanked('q', entries(0.9, 0.8));
    expect(store.bar('q')).toBe(-Infinity);
    store.setRanked('q', entries(0.95, 0.85, 0.75, 0.65));
    expect(store.bar('q')).toBe(0.65);
    store.delete('q');
    expect(store.bar('q')).toBe(-Infinity);
  });

  it('admits exactly the entries that rank above the last kept one', () => {
    const store = new MatchListStore(2, 0.1);
    store.set('q', [{ candidateId: 'b', score: 0.9 }, { candidateId: 'd', score: 0.5 }]);
    expect(store.bar('q')).toBe(0.5);
    expect(store.admits('q', { candidateId: 'c', score: 0.5 })).toBe(true);
    expect(store.admits('q', { candidateId: 'e', score: 0.5 })).toBe(false);
    expect(store.admits('q', { candidateId: 'a', score: 0.49 })).toBe(false);
  });
});
