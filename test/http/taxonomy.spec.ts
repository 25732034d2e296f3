import request from 'supertest';
import { bearer, sql, startTestApp, type TestApp } from '../support/test-app';

interface Hit {
  kind: 'nace' | 'focus' | 'jsic';
  code?: string;
  id?: string;
  score: number;
  matchedOn: string;
}

interface CodeSummary {
  code: string;
  level: number;
  levelName: string;
  title: { en: string; de: string };
}

describe('taxonomy (HTTP)', () => {
  let t: TestApp;
  let admin: [string, string];
  let organiser: [string, string];
  let participant: [string, string];

  beforeAll(async () => {
    t = await startTestApp({ seedDemo: false });
    admin = bearer(t.adminKey);
    const createKey = async (body: Record<string, unknown>): Promise<[string, string]> => {
      const res = await request(t.http).post('/api/admin/api-keys').set(...admin).send(body).expect(201);
      return bearer((res.body as { key: string }).key);
    };
    // Without demo data, a participant key needs an organisation of its own.
    const [region] = await sql<{ id: string }>(t, `INSERT INTO regions (name, country, time_zone) VALUES ('Jena', 'DE', 'Europe/Berlin') RETURNING id`);
    const [org] = await sql<{ id: string }>(t,
      `INSERT INTO organisations (name, kind, country, region_id, version) VALUES ('Optik GmbH', 'company', 'DE', $1, 1) RETURNING id`, [region.id]);
    organiser = await createKey({ name: 'organiser', role: 'organiser' });
    participant = await createKey({ name: 'participant', role: 'participant', organisationId: org.id });
  });
  afterAll(() => t?.close());

  const get = (path: string, key: [string, string] = admin): request.Test => request(t.http).get(path).set(...key);

  describe('access', () => {
    it.each([
      '/api/taxonomy/search?q=optics',
      '/api/taxonomy/codes/26.70',
      '/api/taxonomy/codes/26/descendants',
      '/api/taxonomy/relatedness?a=26.70&b=32.50',
      '/api/taxonomy/focus-sectors',
      '/api/taxonomy/jsic/275',
    ])('%s: 401 without a key, 200 for admin, organiser and participant', async (path) => {
      await request(t.http).get(path).expect(401);
      for (const key of [admin, organiser, participant]) await get(path, key).expect(200);
    });
  });

  describe('GET /api/taxonomy/search', () => {
    it.each([
      ['Optik', 'synonym.de'],
      ['optics', 'synonym.en'],
      ['光学', 'synonym.ja'],
    ])('finds optics-photonics and 26.70 from %s', async (q, field) => {
      const res = await get(`/api/taxonomy/search?q=${encodeURIComponent(q)}`, participant).expect(200);
      const hits = res.body as Hit[];
      expect(hits[0]).toEqual({
        kind: 'focus',
        id: 'optics-photonics',
        labels: { en: 'Optics & photonics', de: 'Optik & Photonik', ja: '光学・フォトニクス' },
        score: expect.any(Number),
        matchedOn: `${field}: ${q}`,
      });
      const nace = hits.find((h) => h.kind === 'nace' && h.code === '26.70');
      expect(nace).toMatchObject({
        title: { en: 'Manufacture of optical instruments and photographic equipment', de: expect.stringContaining('optischen') },
        matchedOn: expect.stringContaining('via focus:optics-photonics'),
      });
      for (const h of hits) expect(h.score).toBeGreaterThan(0);
      expect(hits.map((h) => h.score)).toEqual([...hits.map((h) => h.score)].sort((x, y) => y - x));
    });

    it('returns JSIC hits with their Japanese name and NACE targets', async () => {
      const res = await get(`/api/taxonomy/search?q=${encodeURIComponent('レンズ')}&kinds=jsic`).expect(200);
      const hits = res.body as Hit[];
      expect(hits.length).toBeGreaterThan(0);
      expect(hits.every((h) => h.kind === 'jsic')).toBe(true);
      expect(hits[0]).toMatchObject({ code: '275', title: { ja: '光学機械器具・レンズ製造業', en: expect.any(String) }, nace: ['26.70'] });
    });

    it('honours limit and kinds (comma-separated or repeated)', async () => {
      const one = await get('/api/taxonomy/search?q=optics&limit=1').expect(200);
      expect(one.body).toHaveLength(1);
      const comma = await get('/api/taxonomy/search?q=optics&kinds=nace,jsic').expect(200);
      const repeated = await get('/api/taxonomy/search?q=optics&kinds=nace&kinds=jsic').expect(200);
      expect(comma.body).toEqual(repeated.body);
      expect((comma.body as Hit[]).length).toBeGreaterThan(0);
      expect((comma.body as Hit[]).every((h) => h.kind !== 'focus')).toBe(true);
      const all = await get('/api/taxonomy/search?q=optics').expect(200);
      expect((all.body as Hit[]).length).toBeLessThanOrEqual(20);
    });

    it('finds a typed code directly', async () => {
      const res = await get('/api/taxonomy/search?q=JSIC:275').expect(200);
      expect(res.body[0]).toMatchObject({ kind: 'jsic', code: '275', score: 1, matchedOn: 'code' });
    });

    it.each([
      ['', 'q'],
      ['?limit=5', 'q'],
      ['?q=', 'q'],
      ['?q=%20%20', 'q'],
      [`?q=${'x'.repeat(201)}`, 'q'],
      ['?q=optics&limit=0', 'limit'],
      ['?q=optics&limit=51', 'limit'],
      ['?q=optics&limit=ten', 'limit'],
      ['?q=optics&kinds=nace,bogus', 'kinds'],
      ['?q=optics&kinds=', 'kinds'],
      ['?q=optics&colour=red', 'colour'],
    ])('answers 400 naming the field for %s', async (qs, field) => {
      const res = await get(`/api/taxonomy/search${qs}`).expect(400);
      expect(res.body.message).toContain(field);
      expect(res.body.details.map((d: { field: string }) => d.field)).toEqual([field]);
    });
  });

  describe('GET /api/taxonomy/codes/:code', () => {
    it('returns a class with titles, ISIC link, hierarchy and focus sectors', async () => {
      const res = await get('/api/taxonomy/codes/26.70', organiser).expect(200);
      const code = (c: CodeSummary): string => c.code;
      expect(res.body).toMatchObject({
        taxonomy: 'nace-r2',
        code: '26.70',
        level: 4,
        levelName: 'class',
        title: { en: 'Manufacture of optical instruments and photographic equipment', de: 'Herstellung von optischen und fotografischen Instrumenten und Geräten' },
        isic4: '2670',
        parent: { code: '26.7', level: 3, levelName: 'group' },
        children: [],
        resolvedFrom: null,
      });
      expect(res.body.ancestors.map(code)).toEqual(['26.7', '26', 'C']);
      expect(res.body.ancestors[2]).toMatchObject({ levelName: 'section', title: { en: 'MANUFACTURING' } });
      expect(res.body.focusSectors.map((s: { id: string }) => s.id)).toEqual(expect.arrayContaining(['optics-photonics', 'ophthalmology']));
      expect(res.body.focusSectors[0].labels).toEqual({ en: expect.any(String), de: expect.any(String), ja: expect.any(String) });
    });

    it('lists direct descendants as children', async () => {
      const res = await get('/api/taxonomy/codes/C').expect(200);
      expect(res.body).toMatchObject({ code: 'C', level: 1, parent: null, ancestors: [] });
      const children = (res.body.children as CodeSummary[]).map((c) => c.code);
      expect(children).toContain('26');
      expect(children.every((c) => /^\d{2}$/.test(c))).toBe(true);
    });

    it.each(['2670', '26,70', 'C26.70', 'C%2026.70', 'nace:26.70', '%EF%BC%92%EF%BC%96%EF%BC%8E%EF%BC%97%EF%BC%90'])('accepts the spelling %s', async (spelling) => {
      const res = await get(`/api/taxonomy/codes/${spelling}`).expect(200);
      expect(res.body.code).toBe('26.70');
    });

    it('reads 26.7 as the group and 267 likewise', async () => {
      for (const spelling of ['26.7', '267']) {
        const res = await get(`/api/taxonomy/codes/${spelling}`).expect(200);
        expect(res.body).toMatchObject({ code: '26.7', levelName: 'group', children: [{ code: '26.70' }] });
      }
    });

    it('resolves a JSIC code that maps to one NACE code', async () => {
      const res = await get('/api/taxonomy/codes/JSIC:275').expect(200);
      expect(res.body).toMatchObject({ code: '26.70', resolvedFrom: 'JSIC:275' });
    });

    it('answers 400 for a JSIC code that maps to several NACE codes, pointing to the JSIC route', async () => {
      const res = await get('/api/taxonomy/codes/JSIC:27').expect(400);
      expect(res.body.details[0].field).toBe('code');
      expect(res.body.message).toContain('26.70');
      expect(res.body.message).toContain('/api/taxonomy/jsic/27');
    });

    it.each(['99.99', '26.79', 'A26.70', 'JSIC:00', 'JSIC:99'])('answers 404 for the well-formed but unknown code %s', async (c) => {
      const res = await get(`/api/taxonomy/codes/${c}`).expect(404);
      expect(res.body).toMatchObject({ statusCode: 404, error: 'Not Found' });
    });

    it.each(['optics', '26.70.1', '12345', 'JSIC:abc', 'x'.repeat(41)])('answers 400 naming code for %s, which is no code at all', async (c) => {
      const res = await get(`/api/taxonomy/codes/${c}`).expect(400);
      expect(res.body.message).toContain('code');
      expect(res.body.details[0].field).toBe('code');
    });
  });

  describe('GET /api/taxonomy/codes/:code/descendants', () => {
    it('returns every descendant in tree order with its parent, and the codes a filter matches', async () => {
      const res = await get('/api/taxonomy/codes/26/descendants', participant).expect(200);
      expect(res.body.code).toBe('26');
      const items = res.body.descendants as (CodeSummary & { parent: string })[];
      expect(items.slice(0, 3).map((i) => [i.code, i.parent])).toEqual([['26.1', '26'], ['26.11', '26.1'], ['26.12', '26.1']]);
      expect(items.map((i) => i.code)).toEqual(expect.arrayContaining(['26.7', '26.70', '26.51']));
      expect(items).toHaveLength(18);
      expect(res.body.codes).toEqual(['26', ...items.map((i) => i.code)]);
    });

    it('returns no descendants for a class and 404 for an unknown code', async () => {
      const res = await get('/api/taxonomy/codes/2670/descendants').expect(200);
      expect(res.body).toEqual({ code: '26.70', descendants: [], codes: ['26.70'] });
      await get('/api/taxonomy/codes/99.99/descendants').expect(404);
      const bad = await get('/api/taxonomy/codes/optics/descendants').expect(400);
      expect(bad.body.details[0].field).toBe('code');
    });
  });

  describe('GET /api/taxonomy/relatedness', () => {
    it.each([
      ['26.70', '26.70', 1, 'same', 'same class 26.70'],
      ['26.70', '26', 0.8, 'ancestor', '26.70 is within division 26'],
      ['26.51', '26.70', 0.55, 'same-division', 'same division 26'],
      ['26.70', '32.50', 0.6, 'shared-focus', 'both in optics & photonics'],
      ['26.70', '01.11', 0, 'unrelated', 'unrelated'],
    ])('%s ~ %s = %d (%s) with a reason', async (a, b, value, kind, reason) => {
      const res = await get(`/api/taxonomy/relatedness?a=${a}&b=${b}`, participant).expect(200);
      expect(res.body).toEqual({ a, b, value, kind, reason: expect.stringContaining(reason) });
    });

    it('accepts other spellings and JSIC codes, answering with canonical codes', async () => {
      const res = await get('/api/taxonomy/relatedness?a=JSIC:275&b=3250').expect(200);
      expect(res.body).toEqual({ a: '26.70', b: '32.50', value: 0.6, kind: 'shared-focus', reason: 'both in optics & photonics (JSIC:275 → 26.70)' });
    });

    it.each([
      ['?a=26.70&b=99.99', ['b']],
      ['?a=optics&b=26.70', ['a']],
      ['?a=nope&b=JSIC:99', ['a', 'b']],
      ['?a=26.70', ['b']],
      ['?b=26.70', ['a']],
    ])('answers 400 naming the field for %s', async (qs, fields) => {
      const res = await get(`/api/taxonomy/relatedness${qs}`).expect(400);
      expect(res.body.details.map((d: { field: string }) => d.field)).toEqual(fields);
      for (const f of fields) expect(res.body.message).toContain(f);
    });
  });

  describe('GET /api/taxonomy/focus-sectors', () => {
    it('lists the focus sectors with labels, NACE codes, related sectors and synonyms', async () => {
      const res = await get('/api/taxonomy/focus-sectors', organiser).expect(200);
      const sectors = res.body as { id: string; nace: string[]; related: { id: string; strength: number }[] }[];
      expect(sectors.length).toBeGreaterThan(5);
      const optics = sectors.find((s) => s.id === 'optics-photonics');
      expect(optics).toMatchObject({
        labels: { en: 'Optics & photonics', de: 'Optik & Photonik', ja: '光学・フォトニクス' },
        nace: expect.arrayContaining(['26.70']),
        synonyms: { en: expect.arrayContaining(['optics']), de: expect.arrayContaining(['Optik']), ja: expect.arrayContaining(['光学']) },
      });
      expect(optics!.related[0]).toEqual({ id: 'ophthalmology', strength: 0.8 });
      const strengths = optics!.related.map((r) => r.strength);
      expect(strengths).toEqual([...strengths].sort((x, y) => y - x));
      // Relations are symmetric.
      expect(sectors.find((s) => s.id === 'ophthalmology')!.related).toContainEqual({ id: 'optics-photonics', strength: 0.8 });
    });
  });

  describe('GET /api/taxonomy/jsic/:code', () => {
    it('returns the names, major group and NACE targets of a JSIC code', async () => {
      const res = await get('/api/taxonomy/jsic/275', participant).expect(200);
      expect(res.body).toEqual({
        mapping: 'jsic-r14-nace-r2',
        code: '275',
        level: 'group',
        ja: '光学機械器具・レンズ製造業',
        en: 'OPTICAL INSTRUMENTS AND APPARATUS, AND LENSES',
        mappedFrom: '275',
        major: { code: 'E', ja: '製造業', en: 'MANUFACTURING' },
        nace: [{ code: '26.70', level: 4, levelName: 'class', title: expect.objectContaining({ en: 'Manufacture of optical instruments and photographic equipment' }) }],
      });
    });

    it('accepts the JSIC: prefix, divisions with several targets and major groups', async () => {
      const prefixed = await get('/api/taxonomy/jsic/JSIC:275').expect(200);
      expect(prefixed.body.code).toBe('275');
      const division = await get('/api/taxonomy/jsic/27').expect(200);
      expect(division.body).toMatchObject({ level: 'division', mappedFrom: '27' });
      expect(division.body.nace.map((n: CodeSummary) => n.code)).toEqual(expect.arrayContaining(['26.70', '32.50']));
      const major = await get('/api/taxonomy/jsic/e').expect(200);
      expect(major.body).toMatchObject({ code: 'E', level: 'major', ja: '製造業', mappedFrom: 'E', major: { code: 'E' } });
      expect(major.body.nace.length).toBeGreaterThan(10);
    });

    it('names the nearest curated code for a finer code that is not curated, and 99 has no targets', async () => {
      const finer = await get('/api/taxonomy/jsic/2759').expect(200);
      expect(finer.body).toMatchObject({ code: '2759', level: 'detail', mappedFrom: '275', nace: [{ code: '26.70' }] });
      const unclassifiable = await get('/api/taxonomy/jsic/99').expect(200);
      expect(unclassifiable.body).toMatchObject({ en: 'INDUSTRIES UNABLE TO CLASSIFY', nace: [] });
    });

    it('answers 404 for an unknown and 400 for a malformed JSIC code', async () => {
      await get('/api/taxonomy/jsic/00').expect(404);
      await get('/api/taxonomy/jsic/U').expect(404);
      for (const c of ['lens', '12345', '2.7']) {
        const res = await get(`/api/taxonomy/jsic/${c}`).expect(400);
        expect(res.body.details[0].field).toBe('code');
      }
    });
  });

  it('documents the routes and their response schemas in /docs-json', async () => {
    const res = await request(t.http).get('/docs-json').expect(200);
    const doc = res.body as { paths: Record<string, Record<string, unknown>>; components: { schemas: Record<string, { properties?: Record<string, unknown> }> } };
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/taxonomy/search',
        '/api/taxonomy/codes/{code}',
        '/api/taxonomy/codes/{code}/descendants',
        '/api/taxonomy/relatedness',
        '/api/taxonomy/focus-sectors',
        '/api/taxonomy/jsic/{code}',
      ]),
    );
    const search = doc.paths['/api/taxonomy/search'].get as { parameters: { name: string; in: string; required?: boolean }[] };
    expect(search.parameters).toEqual(expect.arrayContaining([expect.objectContaining({ name: 'q', in: 'query', required: true }), expect.objectContaining({ name: 'kinds', in: 'query' })]));
    for (const schema of ['NaceCodeResponse', 'NaceDescendantsResponse', 'RelatednessResponse', 'FocusSectorResponse', 'JsicCodeResponse', 'NaceSearchHit', 'FocusSearchHit', 'JsicSearchHit']) {
      expect(doc.components.schemas[schema]?.properties).toBeDefined();
    }
    expect(Object.keys(doc.components.schemas.NaceCodeResponse.properties!)).toEqual(
      expect.arrayContaining(['code', 'title', 'isic4', 'parent', 'ancestors', 'children', 'focusSectors']),
    );
  });
});
