import { solveAssignment } from './participant-retime';

describe('solveAssignment', () => {
  it('finds the minimum-cost assignment of a hand-checked 3x3 matrix', () => {
    // Optimum: row0->col1 (1), row1->col0 (2), row2->col2 (2) = 5
    const cost = Float64Array.from([4, 1, 3, 2, 0, 5, 3, 2, 2]);
    const out = new Int32Array(3);
    expect(solveAssignment(3, 3, cost, out)).toBe(5);
    expect(Array.from(out)).toEqual([1, 0, 2]);
  });

  it('handles more columns than rows', () => {
    const cost = Float64Array.from([9, 9, 1, 1, 9, 9]);
    const out = new Int32Array(2);
    expect(solveAssignment(2, 3, cost, out)).toBe(2);
    expect(Array.from(out)).toEqual([2, 0]);
  });
});
