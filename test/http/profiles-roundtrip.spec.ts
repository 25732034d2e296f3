import request from 'supertest';
import { bearer, sql, startTestApp, type TestApp } from '../support/test-app';

// Export → edit → import: exported rows carry the engine's id, and an import matches a row by it
// (else by externalId), so profiles created without an externalId import back onto themselves.

const MEDICA = 'medica-2007-hamamatsu-jena';

const profile = (over: Record<string, unknown> = {}) => ({
  name: 'Saale Optik GmbH',
  kind: 'company',
  country: 'DE',
  region: 'Roundtrip Valley',
  sectors: ['26.70'],
  offers: ['Auftragsfertigung optischer Linsen'],
  seeks: ['Vertriebspartner in Japan'],
  cooperation: ['supply'],
  languages: ['de', 'en'],
  description: 'Wir fertigen Präzisionsoptik.',
  size: 'sme',
  ...over,
});

type Row = Record<string, unknown> & { id: string; externalId: string | null; name: string };
type Details = { field: string; messages: string[]; line: number; externalId: string | null }[];

describe('profiles: export → edit → import round trip (HTTP)', () => {
  let t: TestApp;
  let admin: [string, string];
  let organiser: [string, string];

  beforeAll(async () => {
    t = await startTestApp();
    admin = bearer(t.adminKey);
    organiser = bearer((await request(t.http).post('/api/admin/api-keys').set(...admin).send({ name: 'medica team', role: 'organiser', eventSlugs: [MEDICA] }).expect(201)).body.key as string);
  });
  afterAll(() => t?.close());

  const create = async (over: Record<string, unknown>, key = organiser): Promise<string> => (await request(t.http).post('/api/profiles').set(...key).send(profile(over)).expect(201)).body.id as string;
  const get = async (id: string) => (await request(t.http).get(`/api/profiles/${id}`).set(...admin).expect(200)).body as Row;
  const exportRows = async (region: string): Promise<Row[]> => {
    const res = await request(t.http).get(`/api/profiles/export?format=jsonl&region=${encodeURIComponent(region)}`).set(...admin).expect(200);
    return res.text.trimEnd().split('\n').map((l) => JSON.parse(l) as Row);
  };
  const importJsonl = (rows: object[], key = organiser, query = '') =>
    request(t.http).post(`/api/profiles/import${query}`).set(...key).set('Content-Type', 'application/x-ndjson').send(rows.map((r) => JSON.stringify(r)).join('\n'));
  const count = async () => Number((await sql<{ n: string }>(t, 'SELECT count(*) AS n FROM organisations'))[0].n);
  const snapshot = () => sql(t, 'SELECT id, external_id, name, version FROM organisations ORDER BY id');

  it.each(['jsonl', 'json', 'csv'] as const)('imports an edited %s export back onto the same profiles, with and without externalId', async (format) => {
    const region = `Roundtrip ${format}`;
    const bare = await create({ externalId: null, name: 'Hamamtsu Optics', region });
    const keyed = await create({ externalId: `rt-${format}`, name: 'Jena Lenses', region });
    const exported = await request(t.http).get(`/api/profiles/export?format=${format}&region=${encodeURIComponent(region)}`).set(...organiser).expect(200);
    // The organiser fixes a typo in the spreadsheet and changes the other row.
    const edited = exported.text.replace('Hamamtsu Optics', 'Hamamatsu Optics').replace('Jena Lenses', 'Jena Lenses AG');
    const before = await count();
    const dry = await request(t.http).post(`/api/profiles/import?format=${format}&dryRun=true`).set(...organiser).set('Content-Type', 'text/plain').send(edited).expect(200);
    expect(dry.body).toEqual({ total: 2, created: 0, updated: 2, regionsCreated: 0, dryRun: true });
    expect((await get(bare)).name).toBe('Hamamtsu Optics');
    const res = await request(t.http).post(`/api/profiles/import?format=${format}`).set(...organiser).set('Content-Type', 'text/plain').send(edited).expect(200);
    expect(res.body).toEqual({ total: 2, created: 0, updated: 2, regionsCreated: 0, dryRun: false });
    expect(await count()).toBe(before);
    expect(await get(bare)).toMatchObject({ externalId: null, name: 'Hamamatsu Optics', offers: ['Auftragsfertigung optischer Linsen'] });
    expect(await get(keyed)).toMatchObject({ externalId: `rt-${format}`, name: 'Jena Lenses AG' });
  });

  it('gives a profile an externalId, or takes it away, through a row with its id', async () => {
    const bare = await create({ externalId: null, region: 'Renaming Valley', name: 'Bare' });
    const keyed = await create({ externalId: 'rt-rename-old', region: 'Renaming Valley', name: 'Keyed' });
    const rows = await exportRows('Renaming Valley');
    const edited = rows.map((r) => (r.id === bare ? { ...r, externalId: 'rt-rename-new' } : { ...r, externalId: null }));
    const res = await importJsonl(edited).expect(200);
    expect(res.body).toMatchObject({ created: 0, updated: 2 });
    expect((await get(bare)).externalId).toBe('rt-rename-new');
    expect((await get(keyed)).externalId).toBeNull();
    // Files without ids still match by externalId.
    const byExternalId = await importJsonl([profile({ externalId: 'rt-rename-new', name: 'Bare again' })]).expect(200);
    expect(byExternalId.body).toMatchObject({ created: 0, updated: 1 });
    expect((await get(bare)).name).toBe('Bare again');
  });

  it('matches rows by externalId when their ids are another installation’s', async () => {
    const here = await create({ externalId: 'rt-moved-1', region: 'Moving Valley', name: 'Here' });
    const elsewhere = [
      profile({ id: 'a0000000-0000-4000-8000-000000000001', externalId: 'rt-moved-1', name: 'Here, updated' }),
      profile({ id: 'a0000000-0000-4000-8000-000000000002', externalId: 'rt-moved-2', name: 'New here' }),
    ];
    const res = await importJsonl(elsewhere).expect(200);
    expect(res.body).toMatchObject({ created: 1, updated: 1 });
    expect((await get(here)).name).toBe('Here, updated');
    const [created] = await sql<{ id: string }>(t, "SELECT id FROM organisations WHERE external_id = 'rt-moved-2'");
    expect(created.id).not.toBe('a0000000-0000-4000-8000-000000000002');
  });

  it('creates a profile from a row with an empty id (CSV) and an externalId', async () => {
    const csv = 'id,externalId,name,kind,country,region,sectors,offers,seeks,cooperation,languages\n,rt-new-csv,Neu GmbH,company,DE,Jena,26.70,x,y,rd,de\n';
    const res = await request(t.http).post('/api/profiles/import').set(...organiser).set('Content-Type', 'text/csv').send(csv).expect(200);
    expect(res.body).toMatchObject({ created: 1, updated: 0 });
    expect(await sql(t, "SELECT name FROM organisations WHERE external_id = 'rt-new-csv'")).toEqual([{ name: 'Neu GmbH' }]);
  });

  describe('rejects the whole file, naming each bad row, line and field', () => {
    let bare: string;
    let other: string;
    let rows: Row[];

    beforeAll(async () => {
      bare = await create({ externalId: null, region: 'Error Valley', name: 'Error Bare' });
      other = await create({ externalId: 'rt-err-other', region: 'Error Valley', name: 'Error Other' });
      rows = await exportRows('Error Valley');
    });

    const rowOf = (id: string) => rows.find((r) => r.id === id)!;

    it('an id no profile has, an externalId of another profile, a malformed id, and a row with neither', async () => {
      const before = await snapshot();
      const file = [
        { ...rowOf(bare), name: 'changed' },
        { ...rowOf(bare), id: '00000000-0000-4000-8000-000000000000', externalId: null },
        { ...rowOf(bare), id: rowOf(bare).id, externalId: 'rt-err-other' },
        { ...rowOf(other), id: 'row-4' },
        { ...rowOf(bare), id: null, externalId: null },
      ];
      // Line 3 repeats line 1's id: a duplicate, named before the database is asked.
      const dup = await importJsonl(file).expect(400);
      expect((dup.body.details as Details).map((d) => d.field)).toEqual(['line 3: id', 'line 4: id', 'line 5: externalId']);
      expect(dup.body.details[0].messages).toEqual(['duplicate of line 1']);
      expect(dup.body.details[1].messages).toEqual([expect.stringContaining('UUID')]);
      expect(dup.body.details[2].messages).toEqual([expect.stringContaining('externalId is required in imports unless the row has the id')]);
      const res = await importJsonl([file[1], profile({ externalId: 'rt-err-fresh' }), { ...rowOf(bare), externalId: 'rt-err-other', name: 'taken' }]).expect(400);
      expect(res.body.message).toContain('nothing was imported');
      expect(res.body.details).toEqual([
        { field: 'line 1: id', line: 1, externalId: null, messages: [expect.stringContaining('no profile has the id 00000000-0000-4000-8000-000000000000')] },
        { field: 'line 3: id', line: 3, externalId: 'rt-err-other', messages: [`the row's externalId rt-err-other belongs to another profile (id ${other}) than this id`] },
      ]);
      expect(await snapshot()).toEqual(before);
    });

    it('two rows updating one profile (one by id, one by its externalId)', async () => {
      const before = await snapshot();
      const res = await importJsonl([{ ...rowOf(other), externalId: 'rt-err-renamed' }, profile({ externalId: 'rt-err-other', name: 'twin' })]).expect(400);
      expect(res.body.details).toEqual([{ field: 'line 2: externalId', line: 2, externalId: 'rt-err-other', messages: [`updates the same profile (id ${other}) as line 1`] }]);
      expect(await snapshot()).toEqual(before);
    });

    it('a row with the id of a profile the organiser may not change; dry runs check the same', async () => {
      const foreign = await create({ externalId: null, region: 'Error Valley', name: 'Admin only' }, admin);
      const [row] = (await exportRows('Error Valley')).filter((r) => r.id === foreign);
      const before = await snapshot();
      for (const query of ['?dryRun=true', '']) {
        const res = await importJsonl([{ ...rowOf(bare), name: 'ok' }, { ...row, name: 'hijack' }], organiser, query).expect(400);
        expect(res.body.details).toEqual([{ field: 'line 2: id', line: 2, externalId: null, messages: [expect.stringContaining('updates a profile this key may not change')] }]);
      }
      expect(await snapshot()).toEqual(before);
      await importJsonl([{ ...row, name: 'Admin changed' }], admin).expect(200);
      expect((await get(foreign)).name).toBe('Admin changed');
    });
  });
});
