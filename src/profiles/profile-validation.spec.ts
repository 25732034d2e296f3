import { loadTaxonomy } from '../taxonomy/core';
import { normaliseSectors, validateProfileRecord } from './profile-validation';

const taxonomy = loadTaxonomy();

const valid = {
  externalId: 'jp-hamamatsu-01',
  name: '浜松フォトニクス株式会社',
  kind: 'company',
  country: 'jp',
  region: 'Hamamatsu',
  sectors: ['2670', 'JSIC:274'],
  offers: ['光電子増倍管'],
  seeks: ['Vertriebspartner in Europa'],
  cooperation: ['DISTRIBUTION', 'rd'],
  languages: ['JA', 'en'],
  description: '光技術の研究開発と製造を行っています。',
  size: 'large',
};

describe('validateProfileRecord', () => {
  it('normalises a valid record: country, languages, cooperation case and sector codes', () => {
    const r = validateProfileRecord(valid, taxonomy, { requireExternalId: true });
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    expect(r.profile.country).toBe('JP');
    expect(r.profile.languages).toEqual(['ja', 'en']);
    expect(r.profile.cooperation).toEqual(['distribution', 'rd']);
    expect(r.profile.sectors[0]).toBe('26.70');
    expect(r.profile.sectors).toContain('32.50');
  });

  it('names every bad field, including list positions', () => {
    const r = validateProfileRecord(
      { ...valid, kind: 'startup', country: 'XX', sectors: ['26.70', '99.99'], languages: ['english'], cooperation: ['barter'], colour: 'red' },
      taxonomy,
      { requireExternalId: true },
    );
    expect(r.ok).toBe(false);
    const fields = r.ok ? [] : r.problems.map((p) => p.field);
    expect(fields).toEqual(expect.arrayContaining(['kind', 'country', 'sectors.1', 'languages', 'cooperation', 'colour']));
  });

  it('requires externalId in imports only', () => {
    const { externalId: _, ...noId } = valid;
    expect(validateProfileRecord(noId, taxonomy, { requireExternalId: false }).ok).toBe(true);
    const r = validateProfileRecord(noId, taxonomy, { requireExternalId: true });
    expect(r.ok ? [] : r.problems.map((p) => p.field)).toEqual(['externalId']);
  });

  it('rejects non-objects', () => {
    expect(validateProfileRecord([1], taxonomy, { requireExternalId: false })).toEqual({ ok: false, problems: [{ field: 'record', message: 'expected a JSON object' }] });
  });
});

describe('normaliseSectors', () => {
  it('deduplicates and reports unknown codes by position', () => {
    expect(normaliseSectors(taxonomy, ['26.70', '2670', 'nope'])).toEqual({
      codes: ['26.70'],
      problems: [{ field: 'sectors.2', message: expect.stringContaining('"nope"') }],
    });
  });
});
