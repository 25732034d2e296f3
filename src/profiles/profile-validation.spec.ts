import { loadTaxonomy } from '../taxonomy/core';
import { normaliseSectors, validateImportRecord, validateProfileRecord } from './profile-validation';

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

  it('takes an import row’s id (a UUID, lower-cased; empty or null is none) and needs it or an externalId', () => {
    const { externalId: _, ...noExt } = valid;
    const id = 'A1B2C3D4-0000-4000-8000-00000000000F';
    const withId = validateImportRecord({ ...noExt, id }, taxonomy);
    expect(withId.ok && withId.id).toBe(id.toLowerCase());
    const both = validateImportRecord({ ...valid, id: '' }, taxonomy);
    expect(both.ok && both.id).toBeNull();
    const neither = validateImportRecord({ ...noExt, id: null }, taxonomy);
    expect(neither.ok ? [] : neither.problems.map((p) => p.field)).toEqual(['externalId']);
    const bad = validateImportRecord({ ...noExt, id: 'row-7', kind: 'startup' }, taxonomy);
    expect(bad.ok ? [] : bad.problems.map((p) => p.field)).toEqual(['id', 'kind']);
    expect(validateImportRecord({ ...valid, id: 7 }, taxonomy).ok).toBe(false);
  });

  it('says a null field cannot be null, once, instead of every type rule it fails', () => {
    const r = validateProfileRecord({ ...valid, name: null, description: null, sectors: null, size: null }, taxonomy, { requireExternalId: true });
    expect(r.ok ? [] : r.problems).toEqual([
      { field: 'name', message: 'name cannot be null' },
      { field: 'sectors', message: 'sectors cannot be null (send [] to clear it)' },
      { field: 'description', message: 'description cannot be null (send "" to clear it)' },
    ]);
  });

  it('names text fields holding a NUL character', () => {
    const r = validateProfileRecord({ ...valid, name: 'A\u0000B', region: 'X\u0000', offers: ['ok', 'b\u0000d'], seeks: ['\u0000x'], description: 'd\u0000', website: 'https://a.example/\u0000' }, taxonomy, {
      requireExternalId: true,
    });
    expect(r.ok ? [] : r.problems.map((p) => p.field).sort()).toEqual(['description', 'name', 'offers', 'region', 'seeks', 'website']);
    expect(r.ok ? [] : r.problems.find((p) => p.field === 'offers')?.message).toBe('each value in offers must not contain the NUL character (\\u0000)');
  });

  it('trims name and region and rejects blank ones', () => {
    const r = validateProfileRecord({ ...valid, name: '  Hamamatsu Optics  ', region: ' Hamamatsu ' }, taxonomy, { requireExternalId: true });
    expect(r.ok && [r.profile.name, r.profile.region]).toEqual(['Hamamatsu Optics', 'Hamamatsu']);
    const blank = validateProfileRecord({ ...valid, name: '   ', region: '' }, taxonomy, { requireExternalId: true });
    expect(blank.ok ? [] : blank.problems).toEqual([
      { field: 'name', message: 'name must not be blank' },
      { field: 'region', message: 'region must not be blank' },
    ]);
  });

  it('counts repeated cooperation types and languages once (case-insensitively)', () => {
    const r = validateProfileRecord({ ...valid, cooperation: ['rd', 'RD', ' rd', 'supply'], languages: ['de', 'DE', 'en', 'de'] }, taxonomy, { requireExternalId: true });
    expect(r.ok && [r.profile.cooperation, r.profile.languages]).toEqual([
      ['rd', 'supply'],
      ['de', 'en'],
    ]);
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
