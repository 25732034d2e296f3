import { addScaled, cosine, dot, FeatureDictionary, IdfTable, l2Normalise, norm, packedDot, sharedFeatures, weight } from './term-vector';

const v = (o: Record<string, number>) => new Map(Object.entries(o));

describe('IdfTable', () => {
  const idf = IdfTable.fromVectors([v({ a: 1, b: 2 }), v({ a: 3 }), v({ a: 1, c: 1 }), v({ d: 0 })]);

  it('counts document frequencies (zero entries ignored)', () => {
    expect(idf.documentCount).toBe(4);
    expect(idf.documentFrequency('a')).toBe(3);
    expect(idf.documentFrequency('d')).toBe(0);
  });

  it('computes smoothed idf ln((1+N)/(1+df))+1, rarer is higher, unseen is maximal', () => {
    expect(idf.idf('a')).toBeCloseTo(Math.log(5 / 4) + 1);
    expect(idf.idf('b')).toBeCloseTo(Math.log(5 / 2) + 1);
    expect(idf.idf('zzz')).toBeCloseTo(Math.log(5) + 1);
    expect(idf.idf('b')).toBeGreaterThan(idf.idf('a'));
  });
});

describe('weighting and similarity', () => {
  const idf = new IdfTable(new Map([['x', 9], ['y', 1]]), 10);

  it('weights with sublinear tf times idf', () => {
    const w = weight(v({ x: 1, y: Math.E }), idf);
    expect(w.get('x')).toBeCloseTo(Math.log(11 / 10) + 1);
    expect(w.get('y')).toBeCloseTo(2 * (Math.log(11 / 2) + 1));
    expect(weight(v({ y: 4 }), idf, { sublinear: false }).get('y')).toBeCloseTo(4 * (Math.log(11 / 2) + 1));
  });

  it('normalises to unit length and leaves zero vectors empty', () => {
    expect(norm(l2Normalise(v({ a: 3, b: 4 })))).toBeCloseTo(1);
    expect(l2Normalise(v({ a: 3, b: 4 })).get('a')).toBeCloseTo(0.6);
    expect(l2Normalise(new Map()).size).toBe(0);
  });

  it('computes cosine on sparse vectors', () => {
    expect(cosine(v({ a: 1, b: 1 }), v({ a: 2, b: 2 }))).toBeCloseTo(1);
    expect(cosine(v({ a: 1 }), v({ b: 1 }))).toBe(0);
    expect(cosine(v({ a: 1, b: 1 }), v({ a: 1 }))).toBeCloseTo(Math.SQRT1_2);
    expect(cosine(new Map(), v({ a: 1 }))).toBe(0);
    expect(dot(v({ a: 2, b: 3 }), v({ b: 4 }))).toBe(12);
  });

  it('adds scaled vectors and lists shared features by contribution', () => {
    const t = addScaled(v({ a: 1 }), v({ a: 1, b: 2 }), 0.5);
    expect([...t]).toEqual([['a', 1.5], ['b', 1]]);
    expect(sharedFeatures(v({ a: 1, b: 3, c: 1 }), v({ a: 1, b: 1 }))).toEqual([
      { feature: 'b', contribution: 3 },
      { feature: 'a', contribution: 1 },
    ]);
  });

  it('packs vectors into sorted id arrays with the same dot product', () => {
    const dict = new FeatureDictionary();
    const a = v({ z: 1, a: 2, m: 3 });
    const b = v({ m: 1, q: 5, a: 1 });
    const pa = dict.pack(a);
    const pb = dict.pack(b);
    expect([...pa.ids]).toEqual([...pa.ids].sort((x, y) => x - y));
    expect(packedDot(pa, pb)).toBeCloseTo(dot(a, b));
    expect(dict.name(dict.id('q'))).toBe('q');
    expect(dict.size).toBe(4);
  });
});
