import naceJson from '../data/nace-r2.json';
import { NaceTaxonomy, naceLevelOf, parseNaceCode } from './nace-taxonomy';

describe('NaceTaxonomy', () => {
  const nace = new NaceTaxonomy(naceJson);

  it('holds all 996 NACE Rev. 2 codes: 21 sections, 88 divisions, 272 groups, 615 classes', () => {
    expect(nace.id).toBe('nace-r2');
    expect(nace.all()).toHaveLength(996);
    expect([1, 2, 3, 4].map((l) => nace.byLevel(l as 1 | 2 | 3 | 4).length)).toEqual([21, 88, 272, 615]);
  });

  it.each([
    ['26.70', '26.70'],
    ['2670', '26.70'],
    [' 26.70 ', '26.70'],
    ['C26.70', '26.70'],
    ['C 26.70', '26.70'],
    ['c26.70', '26.70'],
    ['nace:26.70', '26.70'],
    ['26,70', '26.70'],
    ['２６．７０', '26.70'],
    ['26.7', '26.7'],
    ['267', '26.7'],
    ['26', '26'],
    ['C', 'C'],
    ['u', 'U'],
    ['1.11', '01.11'],
    ['0111', '01.11'],
  ])('normalises %j to %s', (input, expected) => {
    expect(nace.normalize(input)).toBe(expected);
  });

  it.each(['26.0', '26.700', '00', 'V', 'A26.70', '', 'optics', '26.7.0', '100'])('rejects %j', (input) => {
    expect(nace.normalize(input)).toBeNull();
    expect(nace.isValidCode(input)).toBe(false);
  });

  it('parses syntax without checking existence', () => {
    expect(parseNaceCode('C2670')).toEqual({ code: '26.70', section: 'C' });
    expect(parseNaceCode('99.99')).toEqual({ code: '99.99', section: null });
    expect(parseNaceCode('x')).toBeNull();
  });

  it('derives levels from the code shape', () => {
    expect(['A', '26', '26.7', '26.70'].map(naceLevelOf)).toEqual([1, 2, 3, 4]);
  });

  it('returns titles in English and German with the ISIC Rev. 4 link', () => {
    expect(nace.get('2670')).toMatchObject({
      code: '26.70',
      level: 4,
      en: 'Manufacture of optical instruments and photographic equipment',
      de: 'Herstellung von optischen und fotografischen Instrumenten und Geräten',
      isic4: '2670',
    });
  });

  it('walks up the hierarchy nearest first', () => {
    expect(nace.parent('26.70')?.code).toBe('26.7');
    expect(nace.parent('26')?.code).toBe('C');
    expect(nace.parent('C')).toBeUndefined();
    expect(nace.ancestors('26.70').map((i) => i.code)).toEqual(['26.7', '26', 'C']);
  });

  it('lists children and descendants', () => {
    expect(nace.childrenOf('26.1').map((i) => i.code)).toEqual(['26.11', '26.12']);
    const desc = nace.descendants('26').map((i) => i.code);
    expect(desc).toContain('26.7');
    expect(desc).toContain('26.70');
    expect(desc).not.toContain('26');
    expect(desc).toHaveLength(8 + 10); // 8 groups, 10 classes in division 26
    expect(nace.withDescendants('32.5')).toEqual(['32.5', '32.50']);
    expect(nace.descendants('C').length).toBeGreaterThan(300);
    expect(nace.descendants('nonsense')).toEqual([]);
  });

  it('tests membership through the hierarchy', () => {
    expect(nace.isWithin('26.70', '26')).toBe(true);
    expect(nace.isWithin('26.70', 'C')).toBe(true);
    expect(nace.isWithin('26.70', '26.70')).toBe(true);
    expect(nace.isWithin('26', '26.70')).toBe(false);
    expect(nace.isWithin('32.50', '26')).toBe(false);
  });

  it('refuses data with a dangling parent', () => {
    expect(() => new NaceTaxonomy({ id: 'x', name: 'x', source: '', items: [{ code: '01', parent: 'A', en: '', de: '', isic4: '' }] })).toThrow(
      /unknown parent A/,
    );
  });
});
