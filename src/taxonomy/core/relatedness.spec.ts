import { RELATEDNESS } from './relatedness';
import { loadTaxonomy } from './taxonomy-data.loader';

describe('relatedness', () => {
  const t = loadTaxonomy();

  it('same code: 1.0', () => {
    expect(t.relatedness('26.70', 'C2670')).toMatchObject({
      value: 1,
      kind: 'same',
      reason: 'same class 26.70 Manufacture of optical instruments and photographic equipment',
    });
  });

  it('ancestor/descendant: codes at different depths meet through the hierarchy', () => {
    expect(t.relatedness('26', '26.70')).toMatchObject({
      value: RELATEDNESS.withinDivision,
      kind: 'ancestor',
      reason: '26.70 is within division 26 (Manufacture of computer, electronic and optical products)',
    });
    expect(t.relatedness('26.70', '26.7').value).toBe(0.9);
    expect(t.relatedness('C', '26.70').value).toBe(0.5);
    expect(t.relatedness('26.70', '26').value).toBe(t.relatedness('26', '26.70').value);
  });

  it('siblings: same group above same division', () => {
    const group = t.relatedness('26.11', '26.12');
    expect(group).toMatchObject({ value: 0.7, kind: 'same-group' });
    expect(group.reason).toBe('26.11 and 26.12 are in the same group 26.1 (Manufacture of electronic components and boards)');
    const division = t.relatedness('26.52', '26.60'); // watches vs electromedical: no shared sector
    expect(division).toMatchObject({ value: 0.55, kind: 'same-division' });
    expect(division.reason).toContain('same division 26');
  });

  it('different divisions sharing a focus sector', () => {
    expect(t.relatedness('26.70', '32.50')).toMatchObject({ value: 0.6, kind: 'shared-focus', reason: 'both in optics & photonics' });
    expect(t.relatedness('29.10', '27.20')).toMatchObject({ kind: 'shared-focus', reason: 'both in e-mobility' });
  });

  it('related focus sectors, scaled by strength', () => {
    // 27.31 (fibre optic cables) is optics only; 86.22 (specialist practice) is ophthalmology only.
    const r = t.relatedness('27.31', '86.22');
    expect(r.kind).toBe('related-focus');
    expect(r.value).toBeCloseTo(0.5 * 0.8);
    expect(r.reason).toBe('optics & photonics is related to ophthalmology (strength 0.8)');
    const weak = t.relatedness('32.20', '26.30'); // musical instruments ↔ electronics 0.3
    expect(weak.value).toBeCloseTo(0.15);
  });

  it('unrelated: 0', () => {
    expect(t.relatedness('26.70', '01.11')).toMatchObject({ value: 0, kind: 'unrelated', reason: 'unrelated' });
    // Sharing only section C is not enough.
    expect(t.relatedness('10.11', '32.20').value).toBe(0);
  });

  it('unknown codes: 0 with the offending input named', () => {
    expect(t.relatedness('26.70', '99.99')).toMatchObject({ value: 0, kind: 'unknown', reason: 'unknown code "99.99"' });
  });

  it('accepts JSIC codes and names the NACE target used', () => {
    const r = t.relatedness('JSIC:275', '26.70');
    expect(r.value).toBe(1);
    expect(r.reason).toContain('(JSIC:275 → 26.70)');
    expect(t.relatedness('JSIC:27', '32.50').value).toBe(1); // 27 maps to several codes incl. 32.50
  });

  it('bestRelatedness picks the best pair across two code lists', () => {
    const best = t.bestRelatedness(['01.11', '26.11'], ['10.11', '26.12', 'bogus']);
    expect(best).toMatchObject({ value: 0.7, kind: 'same-group', a: '26.11', b: '26.12' });
    expect(t.bestRelatedness(['01.11'], ['26.70'])).toMatchObject({ value: 0, kind: 'unrelated' });
    expect(t.bestRelatedness([], ['26.70']).value).toBe(0);
  });

  it('keeps the constants ordered from close to far', () => {
    const order = [RELATEDNESS.same, RELATEDNESS.withinGroup, RELATEDNESS.withinDivision, RELATEDNESS.sameGroup, RELATEDNESS.sharedFocus];
    for (let i = 1; i < order.length; i++) expect(order[i - 1]).toBeGreaterThan(order[i]);
    expect(RELATEDNESS.relatedFocusMax).toBeLessThan(RELATEDNESS.sharedFocus);
  });

  it('stays within [0, 1] for every pair of focus-sector codes', () => {
    const codes = [...new Set(t.focusSectors().flatMap((s) => s.nace))];
    for (const a of codes) {
      for (const b of codes) {
        const v = t.relatedness(a, b).value;
        expect(v >= 0 && v <= 1).toBe(true);
        expect(t.relatedness(b, a).value).toBe(v);
      }
    }
  });
});
