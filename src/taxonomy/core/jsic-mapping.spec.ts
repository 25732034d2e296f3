import jsicJson from '../data/jsic-nace.json';
import naceJson from '../data/nace-r2.json';
import { JsicMapping, jsicJaTerms, stripJsicPrefix } from './jsic-mapping';
import { NaceTaxonomy } from './nace-taxonomy';

describe('JsicMapping', () => {
  const jsic = new JsicMapping(jsicJson);
  const nace = new NaceTaxonomy(naceJson);

  it('maps every one of the 99 JSIC divisions and names them in Japanese and English', () => {
    const divisions = jsic.all().filter((e) => e.jsic.length === 2);
    expect(divisions).toHaveLength(99);
    expect(jsic.entry('27')).toMatchObject({ ja: '業務用機械器具製造業', en: 'MANUFACTURE OF BUSINESS ORIENTED MACHINERY' });
    expect(jsic.allMajors()).toHaveLength(20);
  });

  it('targets only valid NACE codes of the same version', () => {
    expect(jsic.naceVersion).toBe(nace.id);
    const bad = jsic.all().flatMap((e) => e.nace.filter((c) => !nace.isValidCode(c)).map((c) => `${e.jsic}→${c}`));
    expect(bad).toEqual([]);
  });

  it.each([
    ['275', ['26.70']], // optical instruments and lenses
    ['2753', ['26.70']],
    ['274', ['32.50']], // medical instruments
    ['2962', ['26.60']], // medical electronic equipment
    ['3113', ['29.3']], // motor vehicle parts
    ['3241', ['32.20']], // pianos
    ['3297', ['32.50']], // spectacles
    ['295', ['27.20']], // batteries
    ['165', ['21']],
    ['472', ['52.10']], // refrigerated warehousing
  ])('fromJsic(%s) → %j', (code, expected) => {
    expect(jsic.fromJsic(code)).toEqual(expected);
  });

  it('maps divisions to several NACE targets where JSIC is broader', () => {
    expect(jsic.fromJsic('27')).toEqual(expect.arrayContaining(['26.70', '32.50', '26.51']));
    expect(jsic.fromJsic('31')).toEqual(['29', '30']);
  });

  it('falls back to the nearest mapped prefix for finer codes', () => {
    const l = jsic.lookup('2759');
    expect(l?.entry?.jsic).toBe('275');
    expect(l?.nace).toEqual(['26.70']);
    expect(jsic.lookup('1199')?.entry?.jsic).toBe('11');
  });

  it('accepts the JSIC: prefix and major groups', () => {
    expect(stripJsicPrefix('JSIC:27')).toBe('27');
    expect(stripJsicPrefix(' jsic : 2753 ')).toBe('2753');
    expect(stripJsicPrefix('26.70')).toBeNull();
    expect(jsic.fromJsic('JSIC:275')).toEqual(['26.70']);
    const manufacturing = jsic.lookup('JSIC:E');
    expect(manufacturing?.major?.ja).toBe('製造業');
    expect(manufacturing?.nace).toEqual(expect.arrayContaining(['10', '29', '32']));
  });

  it('returns nothing for unknown or unclassifiable codes', () => {
    expect(jsic.fromJsic('99')).toEqual([]);
    expect(jsic.fromJsic('abc')).toEqual([]);
    expect(jsic.lookup('7')).toBeNull();
  });

  it('splits JSIC names into the product words users type', () => {
    expect(jsicJaTerms('光学機械器具・レンズ製造業')).toEqual(
      expect.arrayContaining(['光学機械器具・レンズ製造業', '光学機械器具', 'レンズ']),
    );
    expect(jsicJaTerms('顕微鏡・望遠鏡等製造業')).toEqual(expect.arrayContaining(['顕微鏡', '望遠鏡']));
    const parts = jsicJaTerms('自動車・同附属品製造業');
    expect(parts).toContain('自動車');
    expect(parts.some((p) => p.startsWith('同'))).toBe(false);
    expect(jsicJaTerms('倉庫業（冷蔵倉庫業を除く）')).toContain('倉庫');
    expect(jsicJaTerms('自動車部分品・附属品製造業')).not.toContain('附属品');
  });
});
