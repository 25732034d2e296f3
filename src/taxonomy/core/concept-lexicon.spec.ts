import { loadTaxonomy } from './taxonomy-data.loader';

describe('buildConceptEntries', () => {
  const entries = loadTaxonomy().buildConceptEntries();
  const byId = new Map(entries.map((e) => [e.id, e]));

  it('has one entry per focus sector and per NACE division, group and class', () => {
    expect(entries.filter((e) => e.source === 'focus')).toHaveLength(22);
    expect(entries.filter((e) => e.source === 'nace')).toHaveLength(88 + 272 + 615);
    expect(byId.size).toBe(entries.length);
    expect(byId.has('nace:C')).toBe(false);
  });

  it('keeps the agreed shape', () => {
    for (const e of entries) {
      expect(e.id).toMatch(/^(focus:[a-z-]+|nace:\d{2}(\.\d{1,2})?)$/);
      expect(Object.keys(e).sort()).toEqual(['id', 'source', 'terms']);
      expect(Object.keys(e.terms).sort()).toEqual(['de', 'en', 'ja']);
    }
  });

  it('gives focus sectors their labels and synonyms in three languages', () => {
    const optics = byId.get('focus:optics-photonics')!;
    expect(optics.source).toBe('focus');
    expect(optics.terms.en).toEqual(expect.arrayContaining(['Optics & photonics', 'optics', 'laser']));
    expect(optics.terms.de).toEqual(expect.arrayContaining(['Optik & Photonik', 'Optik']));
    expect(optics.terms.ja).toEqual(expect.arrayContaining(['光学・フォトニクス', '光学']));
  });

  it('gives NACE concepts their official titles and Japanese JSIC names where mapped', () => {
    const c = byId.get('nace:26.70')!;
    expect(c.terms.en).toEqual(['Manufacture of optical instruments and photographic equipment']);
    expect(c.terms.de).toEqual(['Herstellung von optischen und fotografischen Instrumenten und Geräten']);
    expect(c.terms.ja).toEqual(expect.arrayContaining(['光学機械器具・レンズ製造業', 'レンズ']));
    expect(byId.get('nace:32.20')!.terms.ja).toEqual(expect.arrayContaining(['ピアノ', '楽器']));
    expect(byId.get('nace:01.11')!.terms.ja).toEqual([]);
  });
});
