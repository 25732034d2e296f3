import { Taxonomy } from './taxonomy';
import { loadTaxonomy, loadTaxonomyData } from './taxonomy-data.loader';

describe('Taxonomy facade', () => {
  const t = loadTaxonomy();

  it('resolves NACE and JSIC: inputs to canonical NACE codes', () => {
    expect(t.resolveCodes(' C26.70 ')).toEqual(['26.70']);
    expect(t.resolveCodes('JSIC:3113')).toEqual(['29.3']);
    expect(t.resolveCodes('JSIC:99')).toEqual([]);
    expect(t.resolveCodes('nonsense')).toEqual([]);
    expect(t.isValidCodeOrJsic('JSIC:275')).toBe(true);
    expect(t.isValidCode('JSIC:275')).toBe(false);
  });

  it('expands filters with descendants', () => {
    const codes = t.expandWithDescendants(['26.7', 'JSIC:3113']);
    expect(codes.sort()).toEqual(['26.7', '26.70', '29.3', '29.31', '29.32']);
  });

  it('exposes hierarchy and JSIC lookups', () => {
    expect(t.parent('26.70')?.code).toBe('26.7');
    expect(t.ancestors('26.70').map((i) => i.code)).toEqual(['26.7', '26', 'C']);
    expect(t.descendants('26.7').map((i) => i.code)).toEqual(['26.70']);
    expect(t.fromJsic('275')).toEqual(['26.70']);
    expect(t.get('2670')?.de).toContain('optischen');
  });

  it('builds the concept lexicon once', () => {
    expect(t.buildConceptEntries()).toBe(t.buildConceptEntries());
  });

  it('refuses a JSIC mapping made for another NACE version', () => {
    const data = loadTaxonomyData();
    expect(() => new Taxonomy({ ...data, jsic: { ...data.jsic, naceVersion: 'nace-r21' } })).toThrow(/nace-r21/);
  });
});
