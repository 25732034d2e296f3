import { breaksOfMask, countBreaks, minBreaksAlone, popcount32 } from './break-count';

describe('countBreaks', () => {
  it('counts runs of idle slots between meetings only', () => {
    expect(countBreaks([])).toBe(0);
    expect(countBreaks([5])).toBe(0);
    expect(countBreaks([1, 2, 3])).toBe(0);
    // idle 1, then idle 4-5: two breaks; idle time before 0 and after 6 is free
    expect(countBreaks([0, 2, 3, 6])).toBe(2);
    expect(countBreaks([6, 0, 3, 2])).toBe(2);
    expect(countBreaks([2, 9])).toBe(1);
  });

  it('agrees with the bitmask form', () => {
    expect(popcount32(0b1011)).toBe(3);
    expect(popcount32(-1)).toBe(32);
    expect(breaksOfMask(0)).toBe(0);
    expect(breaksOfMask(0b1001101)).toBe(2);
    expect(breaksOfMask(0b111000)).toBe(0);
  });
});

describe('minBreaksAlone', () => {
  const all = (n: number) => new Array<boolean>(n).fill(true);
  const none = (n: number) => new Array<boolean>(n).fill(false);

  it('is 0 when a contiguous run is available', () => {
    expect(minBreaksAlone(6, 4, all(6), none(6))).toBe(0);
  });

  it('needs a break when forbidden slots split the day', () => {
    const allowed = [true, true, false, true, true, true];
    expect(minBreaksAlone(6, 3, allowed, none(6))).toBe(0);
    expect(minBreaksAlone(6, 4, allowed, none(6))).toBe(1);
    expect(minBreaksAlone(6, 5, allowed, none(6))).toBe(1);
  });

  it('honours required (fixed) slots', () => {
    const required = none(8);
    required[0] = true;
    required[7] = true;
    expect(minBreaksAlone(8, 3, all(8), required)).toBe(1);
    expect(minBreaksAlone(8, 8, all(8), required)).toBe(0);
  });
});
