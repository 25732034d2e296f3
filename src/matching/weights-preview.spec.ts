import { diffLists, sampleIds } from './weights-preview';

describe('diffLists', () => {
  it('reports entered, left, moved and unchanged candidates with ranks and scores', () => {
    const before = [
      { candidateId: 'a', score: 0.9 },
      { candidateId: 'b', score: 0.8 },
      { candidateId: 'c', score: 0.7 },
    ];
    const after = [
      { candidateId: 'b', score: 0.85 },
      { candidateId: 'a', score: 0.84 },
      { candidateId: 'd', score: 0.6 },
    ];
    expect(diffLists(before, after)).toEqual({
      entered: [{ organisationId: 'd', before: null, after: 3, scoreBefore: null, scoreAfter: 0.6 }],
      left: [{ organisationId: 'c', before: 3, after: null, scoreBefore: 0.7, scoreAfter: null }],
      moved: [
        { organisationId: 'b', before: 2, after: 1, scoreBefore: 0.8, scoreAfter: 0.85 },
        { organisationId: 'a', before: 1, after: 2, scoreBefore: 0.9, scoreAfter: 0.84 },
      ],
      unchanged: 0,
    });
  });

  it('counts identical lists as unchanged', () => {
    const list = [{ candidateId: 'x', score: 0.5 }, { candidateId: 'y', score: 0.4 }];
    expect(diffLists(list, list)).toEqual({ entered: [], left: [], moved: [], unchanged: 2 });
  });
});

describe('sampleIds', () => {
  it('spreads the sample evenly over the sorted ids and is repeatable', () => {
    const ids = ['j', 'a', 'c', 'e', 'g', 'i', 'b', 'd', 'f', 'h'];
    expect(sampleIds(ids, 5)).toEqual(['a', 'c', 'e', 'g', 'i']);
    expect(sampleIds(ids, 20)).toHaveLength(10);
  });
});
