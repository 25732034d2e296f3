import naceJson from '../data/nace-r2.json';
import { FocusSectors, parseFocusSectorConfig } from './focus-sectors';
import { NaceTaxonomy } from './nace-taxonomy';
import { loadTaxonomy } from './taxonomy-data.loader';

const REQUIRED_IDS = [
  'optics-photonics', 'medical-technology', 'ophthalmology', 'biotechnology', 'regenerative-medicine', 'pharma',
  'diagnostics', 'health-economy', 'automotive', 'e-mobility', 'logistics', 'renewable-energy', 'hydrogen',
  'environment-water', 'energy-efficiency', 'mechatronics-robotics', 'nanotechnology', 'chemistry',
  'electronics-semiconductors', 'software-ict', 'advanced-materials', 'musical-instruments',
];

describe('focus sectors (config/focus-sectors.json)', () => {
  const t = loadTaxonomy();

  it('has exactly the agreed ids', () => {
    expect(t.focus.ids().sort()).toEqual([...REQUIRED_IDS].sort());
    expect(t.focus.version).toBe('2026-11-1');
  });

  it('labels every sector in three languages with synonyms in each', () => {
    const gaps: string[] = [];
    for (const s of t.focusSectors()) {
      for (const lang of ['en', 'de', 'ja'] as const) {
        if (!s.labels[lang]) gaps.push(`${s.id} label.${lang}`);
        if (s.synonyms[lang].length < 8) gaps.push(`${s.id} synonyms.${lang}`);
      }
    }
    expect(gaps).toEqual([]);
  });

  it.each([
    ['ophthalmology', ['intraocular lens', 'IOL', 'OCT', 'cataract', 'retina'], ['Intraokularlinse', 'Katarakt', 'Netzhaut'], ['眼内レンズ', '白内障', '網膜']],
    ['e-mobility', ['battery', 'EV', 'charging'], ['Batterie', 'Ladeinfrastruktur'], ['電池', '充電']],
    ['logistics', ['warehouse', 'cold chain'], ['Spedition', 'Lager', 'Kühlkette'], ['物流', '倉庫', 'コールドチェーン']],
    ['hydrogen', ['fuel cell', 'electrolysis'], ['Brennstoffzelle', 'Elektrolyse'], ['燃料電池', '水電解']],
    ['environment-water', ['wastewater', 'water treatment'], ['Abwasser', 'Wasseraufbereitung'], ['下水', '水処理']],
    ['health-economy', ['hospital', 'pharma wholesale'], ['Klinik', 'Pharmagroßhandel'], ['病院', '医薬品卸']],
    ['musical-instruments', ['piano'], ['Klavier'], ['ピアノ', '楽器']],
    ['medical-technology', ['medical devices'], ['Medizintechnik'], ['医療機器']],
  ])('%s carries the product words users write', (id, en, de, ja) => {
    const s = t.focusSector(id)!;
    const all = { en: [s.labels.en, ...s.synonyms.en], de: [s.labels.de, ...s.synonyms.de], ja: [s.labels.ja, ...s.synonyms.ja] };
    expect(all.en).toEqual(expect.arrayContaining(en));
    expect(all.de).toEqual(expect.arrayContaining(de));
    expect(all.ja).toEqual(expect.arrayContaining(ja));
  });

  it('maps a NACE code to the sectors whose codes it equals or descends from', () => {
    expect(t.focusSectorsForCode('26.70').map((s) => s.id)).toEqual(expect.arrayContaining(['optics-photonics', 'ophthalmology']));
    expect(t.focusSectorsForCode('21.20').map((s) => s.id)).toContain('pharma'); // pharma lists division 21
    expect(t.focusSectorsForCode('37.00').map((s) => s.id)).toEqual(['environment-water']); // via section E
    expect(t.focusSectorsForCode('32.20').map((s) => s.id)).toEqual(['musical-instruments']);
    expect(t.focusSectorsForCode('26')).toEqual([]); // a division is wider than 26.70, not inside it
    expect(t.focusSectorsForCode('01.11')).toEqual([]);
    expect(t.focusSectorsForCode('JSIC:275').map((s) => s.id)).toContain('optics-photonics');
  });

  it('reads relations symmetrically with strengths in (0, 1]', () => {
    expect(t.focus.strength('optics-photonics', 'ophthalmology')).toBe(0.8);
    expect(t.focus.strength('ophthalmology', 'optics-photonics')).toBe(0.8);
    expect(t.focus.strength('automotive', 'automotive')).toBe(1);
    expect(t.focus.strength('musical-instruments', 'hydrogen')).toBe(0);
    for (const a of t.focus.ids()) {
      for (const { sector, strength } of t.relatedFocusSectors(a)) {
        expect(strength).toBeGreaterThan(0);
        expect(strength).toBeLessThanOrEqual(1);
        expect(t.focus.strength(sector.id, a)).toBe(strength);
      }
    }
    const chains = [['optics-photonics', 'ophthalmology', 'medical-technology'], ['automotive', 'e-mobility', 'mechatronics-robotics'],
      ['renewable-energy', 'hydrogen', 'environment-water', 'energy-efficiency'], ['biotechnology', 'regenerative-medicine', 'pharma', 'diagnostics'],
      ['health-economy', 'pharma', 'medical-technology']];
    for (const chain of chains) for (let i = 1; i < chain.length; i++) expect([chain[i - 1], chain[i], t.focus.strength(chain[i - 1], chain[i]) > 0]).toEqual([chain[i - 1], chain[i], true]);
    expect(t.relatedFocusSectors('optics-photonics')[0]).toMatchObject({ sector: { id: 'ophthalmology' }, strength: 0.8 });
  });
});

describe('parseFocusSectorConfig', () => {
  const nace = new NaceTaxonomy(naceJson);
  const sector = (over: Record<string, unknown> = {}) => ({
    id: 'a', labels: { en: 'A', de: 'A', ja: 'エー' }, synonyms: { en: ['a1'], de: ['a2'], ja: ['エーエー'] }, nace: ['2670'], related: [], ...over,
  });

  it('canonicalises NACE codes', () => {
    const cfg = parseFocusSectorConfig({ version: 'v', sectors: [sector()] }, nace);
    expect(cfg.sectors[0].nace).toEqual(['26.70']);
    const fs = new FocusSectors(cfg, nace);
    expect(fs.forNaceCode('C26.70').map((s) => s.id)).toEqual(['a']);
  });

  it('lists every problem of a broken config', () => {
    const raw = {
      version: 1,
      sectors: [sector({ nace: ['99.99'], related: [{ id: 'b', strength: 1.5 }, { id: 'zzz', strength: 0.5 }] }), sector({ id: 'Bad Id' }), sector({ synonyms: { en: [], de: [], ja: ['目'] } })],
    };
    let message = '';
    try {
      parseFocusSectorConfig(raw, nace);
    } catch (err) {
      message = (err as Error).message;
    }
    expect(message).toContain('"version" must be a string');
    expect(message).toContain('unknown NACE code "99.99"');
    expect(message).toContain('strength must be in (0, 1]');
    expect(message).toContain('related id zzz is not a sector');
    expect(message).toContain('"id" must be a kebab-case string');
    expect(message).toContain('synonyms.ja "目" too short');
    expect(message).toContain('duplicate id');
  });
});
