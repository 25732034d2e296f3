import type { SearchHit } from './taxonomy.types';
import { loadTaxonomy } from './taxonomy-data.loader';

const key = (h: SearchHit): string => `${h.kind}:${h.kind === 'focus' ? h.id : h.code}`;

describe('Taxonomy.search', () => {
  const t = loadTaxonomy();
  const keys = (q: string, limit = 10): string[] => t.search(q, { limit }).map(key);

  it.each(['Optik', 'optics', '光学', 'Photonik', 'フォトニクス'])('%s finds optics-photonics first and NACE 26.70', (q) => {
    const found = keys(q);
    expect(found[0]).toBe('focus:optics-photonics');
    expect(found).toContain('nace:26.70');
    // 26.70 is the sector's core code and leads its NACE codes.
    expect(found.filter((k) => k.startsWith('nace:'))[0]).toBe('nace:26.70');
  });

  it.each(['Augenheilkunde', 'ophthalmology', '眼科', 'Ophthalmologie', 'Katarakt', '白内障', 'Intraokularlinsen', 'IOL'])(
    '%s meets ophthalmology',
    (q) => expect(keys(q)[0]).toBe('focus:ophthalmology'),
  );

  it.each(['Medizintechnik', 'medical devices', '医療機器', 'Medizinprodukte', '内視鏡'])('%s meets medical-technology', (q) => {
    expect(keys(q)[0]).toBe('focus:medical-technology');
  });

  it.each([
    ['Ladeinfrastruktur', 'focus:e-mobility'],
    ['充電', 'focus:e-mobility'],
    ['Kühlkette', 'focus:logistics'],
    ['Kuehlkette', 'focus:logistics'],
    ['コールドチェーン', 'focus:logistics'],
    ['Brennstoffzelle', 'focus:hydrogen'],
    ['燃料電池', 'focus:hydrogen'],
    ['Abwasser', 'focus:environment-water'],
    ['下水', 'focus:environment-water'],
    ['Pharmagroßhandel', 'focus:health-economy'],
    ['Pharmagrosshandel', 'focus:health-economy'],
    ['ピアノ', 'focus:musical-instruments'],
    ['Klavier', 'focus:musical-instruments'],
    ['iPS細胞', 'focus:regenerative-medicine'],
    ['stem cells', 'focus:regenerative-medicine'],
  ])('%s → %s', (q, expected) => {
    expect(keys(q)[0]).toBe(expected);
  });

  it('is case-insensitive and tolerant of German umlaut spellings', () => {
    expect(keys('OPTIK')[0]).toBe('focus:optics-photonics');
    for (const q of ['Ärzte', 'Aerzte', 'Arzte']) expect(keys(q)[0]).toBe('focus:health-economy');
  });

  it('matches Japanese by prefix and substring (no spaces), and longer queries containing a term', () => {
    const prefix = t.search('レーザ', { limit: 3 });
    expect(key(prefix[0])).toBe('focus:optics-photonics');
    expect(keys('眼内レンズの開発')[0]).toBe('focus:ophthalmology');
    expect(keys('光学機械')).toContain('jsic:275');
  });

  it('finds NACE titles in English and German directly', () => {
    const en = t.search('watches and clocks', { kinds: ['nace'] });
    expect(en[0]).toMatchObject({ kind: 'nace', code: '26.52' });
    expect(en[0].matchedOn).toMatch(/^title\.en: /);
    const de = t.search('Uhren', { kinds: ['nace'], limit: 3 }).map(key);
    expect(de).toContain('nace:26.52');
  });

  it('finds JSIC divisions by Japanese name and maps them to NACE', () => {
    const hits = t.search('業務用機械器具製造業');
    const jsicHit = hits.find((h) => h.kind === 'jsic' && h.code === '27');
    expect(jsicHit).toMatchObject({ kind: 'jsic', title: { ja: '業務用機械器具製造業' }, score: 0.92 });
    expect(jsicHit && jsicHit.kind === 'jsic' ? jsicHit.nace : []).toContain('26.70');
    expect(hits.find((h) => key(h) === 'nace:26.70')?.matchedOn).toMatch(/via JSIC:27/);
  });

  it('finds typed codes', () => {
    expect(t.search('2670')[0]).toMatchObject({ kind: 'nace', code: '26.70', score: 1, matchedOn: 'code' });
    expect(t.search('JSIC:3241').map(key).slice(0, 2)).toEqual(['jsic:3241', 'nace:32.20']);
  });

  it('scores in (0, 1], sorted, with a reason, and honours limit and kinds', () => {
    const hits = t.search('battery', { limit: 5 });
    expect(hits.length).toBeLessThanOrEqual(5);
    for (let i = 1; i < hits.length; i++) expect(hits[i - 1].score).toBeGreaterThanOrEqual(hits[i].score);
    for (const h of hits) {
      expect(h.score).toBeGreaterThan(0);
      expect(h.score).toBeLessThanOrEqual(1);
      expect(h.matchedOn.length).toBeGreaterThan(0);
    }
    expect(t.search('battery', { kinds: ['focus'] }).every((h) => h.kind === 'focus')).toBe(true);
    expect(t.search('   ')).toEqual([]);
    expect(t.search('xyzzyqq')).toEqual([]);
  });

  it('returns labels for focus hits and titles for NACE hits', () => {
    const [focus] = t.search('Photonik', { kinds: ['focus'] });
    expect(focus).toMatchObject({ kind: 'focus', id: 'optics-photonics', labels: { de: 'Optik & Photonik', ja: '光学・フォトニクス' } });
    const [nace] = t.search('26.70');
    expect(nace).toMatchObject({ title: { en: 'Manufacture of optical instruments and photographic equipment' } });
  });
});
