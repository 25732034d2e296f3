import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { bearer, sql, startTestApp, type TestApp } from '../support/test-app';

const DEV_PROFILES = resolve(__dirname, '../../../shared/data/match-eval/dev/profiles.jsonl');
const MEDICA = 'medica-2007-hamamatsu-jena';

const newProfile = (over: Record<string, unknown> = {}) => ({
  externalId: 'test-saale-optik',
  name: 'Saale Optik GmbH',
  kind: 'company',
  country: 'DE',
  region: 'Jena',
  sectors: ['26.70'],
  offers: ['Auftragsfertigung optischer Linsen'],
  seeks: ['Vertriebspartner in Japan'],
  cooperation: ['supply', 'distribution'],
  languages: ['de', 'en'],
  description: 'Wir fertigen Präzisionsoptik für die Medizintechnik in Jena.',
  size: 'sme',
  ...over,
});

describe('profiles (HTTP)', () => {
  let t: TestApp;
  let admin: [string, string];
  let organiser: [string, string];
  let otherOrganiser: [string, string];
  let participant: [string, string];
  let participantOrgId: string;

  beforeAll(async () => {
    t = await startTestApp();
    admin = bearer(t.adminKey);
    const key = async (body: object) => bearer((await request(t.http).post('/api/admin/api-keys').set(...admin).send(body).expect(201)).body.key as string);
    organiser = await key({ name: 'medica team', role: 'organiser', eventSlugs: [MEDICA] });
    otherOrganiser = await key({ name: 'other team', role: 'organiser' });
    [{ id: participantOrgId }] = await sql<{ id: string }>(t, "SELECT o.id FROM organisations o WHERE o.external_id LIKE 'demo-jp-%' ORDER BY o.external_id LIMIT 1");
    participant = await key({ name: 'company', role: 'participant', organisationId: participantOrgId });
  });
  afterAll(() => t?.close());

  const count = async () => Number((await sql<{ n: string }>(t, 'SELECT count(*) AS n FROM organisations'))[0].n);

  describe('listing', () => {
    it('requires a key (401) and an admin or organiser (403 for participants)', async () => {
      await request(t.http).get('/api/profiles').expect(401);
      await request(t.http).get('/api/profiles').set(...participant).expect(403);
    });

    it('pages and filters by country, region, sector (with descendants) and text', async () => {
      const page = await request(t.http).get('/api/profiles?pageSize=5&page=2').set(...organiser).expect(200);
      expect(page.body.items).toHaveLength(5);
      expect(page.body).toMatchObject({ page: 2, pageSize: 5, total: await count() });
      const jp = await request(t.http).get('/api/profiles?country=jp&pageSize=200').set(...admin).expect(200);
      expect(jp.body.items.length).toBeGreaterThan(10);
      expect(jp.body.items.every((p: { country: string }) => p.country === 'JP')).toBe(true);
      const hamamatsu = await request(t.http).get('/api/profiles?region=hamamatsu&pageSize=200').set(...admin).expect(200);
      expect(hamamatsu.body.items.map((p: { name: string }) => p.name)).toEqual(expect.arrayContaining([expect.stringMatching(/Hamamatsu Photonics|浜松ホトニクス/)]));
      const optics = await request(t.http).get('/api/profiles?sector=26&pageSize=200').set(...admin).expect(200);
      expect(optics.body.total).toBeGreaterThan(0);
      expect(optics.body.items.every((p: { sectors: string[] }) => p.sectors.some((s) => s.startsWith('26')))).toBe(true);
      const text = await request(t.http).get('/api/profiles?q=photonics&pageSize=200').set(...admin).expect(200);
      expect(text.body.total).toBeGreaterThan(0);
    });

    it('answers 400 naming bad filters', async () => {
      const bad = await request(t.http).get('/api/profiles?country=XX&pageSize=1000').set(...admin).expect(400);
      expect(bad.body.details.map((d: { field: string }) => d.field).sort()).toEqual(['country', 'pageSize']);
      const sector = await request(t.http).get('/api/profiles?sector=nope').set(...admin).expect(400);
      expect(sector.body.details[0].field).toBe('sector');
    });
  });

  describe('create, read, update, delete', () => {
    let createdId: string;

    it('lets an organiser create a profile; language detected, codes normalised, region resolved', async () => {
      const res = await request(t.http).post('/api/profiles').set(...organiser).send(newProfile({ sectors: ['2670', 'JSIC:274'] })).expect(201);
      createdId = res.body.id;
      expect(res.body).toMatchObject({ externalId: 'test-saale-optik', country: 'DE', region: { name: 'Jena' }, descriptionLang: 'de' });
      expect(res.body.sectors).toEqual(expect.arrayContaining(['26.70', '32.50']));
    });

    it('rejects a duplicate externalId with 409 and bad fields with 400 naming them', async () => {
      await request(t.http).post('/api/profiles').set(...organiser).send(newProfile()).expect(409);
      const res = await request(t.http).post('/api/profiles').set(...organiser).send(newProfile({ externalId: 'x2', sectors: ['26.70', '99.99'], kind: 'startup', website: 'ftp://x' })).expect(400);
      expect(res.body.details.map((d: { field: string }) => d.field)).toEqual(expect.arrayContaining(['kind', 'website']));
      const sectors = await request(t.http).post('/api/profiles').set(...organiser).send(newProfile({ externalId: 'x3', sectors: ['26.70', '99.99'] })).expect(400);
      expect(sectors.body.details[0].field).toBe('sectors.1');
    });

    it('forbids participants to create or delete (403)', async () => {
      await request(t.http).post('/api/profiles').set(...participant).send(newProfile({ externalId: 'p1' })).expect(403);
      await request(t.http).delete(`/api/profiles/${participantOrgId}`).set(...participant).expect(403);
    });

    it('lets a participant read and edit only its own organisation', async () => {
      await request(t.http).get(`/api/profiles/${participantOrgId}`).set(...participant).expect(200);
      await request(t.http).get(`/api/profiles/${createdId}`).set(...participant).expect(404);
      const res = await request(t.http).patch(`/api/profiles/${participantOrgId}`).set(...participant).send({ description: 'We build optical sensors for medical devices.' }).expect(200);
      expect(res.body.descriptionLang).toBe('en');
      await request(t.http).patch(`/api/profiles/${createdId}`).set(...participant).send({ name: 'hijack' }).expect(404);
    });

    it('lets organisers edit what they created or what takes part in their events, nothing else', async () => {
      await request(t.http).patch(`/api/profiles/${createdId}`).set(...organiser).send({ seeks: ['販売代理店'] }).expect(200);
      await request(t.http).patch(`/api/profiles/${createdId}`).set(...otherOrganiser).send({ name: 'x' }).expect(403);
      const [{ organisation_id: inMedica }] = await sql<{ organisation_id: string }>(t, 'SELECT ep.organisation_id FROM event_participants ep JOIN events e ON e.id = ep.event_id WHERE e.slug = $1 LIMIT 1', [MEDICA]);
      await request(t.http).patch(`/api/profiles/${inMedica}`).set(...organiser).send({ size: 'large' }).expect(200);
      await request(t.http).patch(`/api/profiles/${inMedica}`).set(...otherOrganiser).send({ size: 'large' }).expect(403);
    });

    it('moves a profile to a new region, creating the region under its country', async () => {
      const res = await request(t.http).patch(`/api/profiles/${createdId}`).set(...admin).send({ region: 'Erfurt' }).expect(200);
      expect(res.body.region.name).toBe('Erfurt');
      const [region] = await sql<{ country: string; time_zone: string }>(t, "SELECT country, time_zone FROM regions WHERE name = 'Erfurt'");
      expect(region).toEqual({ country: 'DE', time_zone: 'Europe/Berlin' });
    });

    it('asks for the region with a new country (400 naming region) instead of making up the old region there', async () => {
      const before = (await request(t.http).get(`/api/profiles/${createdId}`).set(...admin).expect(200)).body as Record<string, unknown>;
      const res = await request(t.http).patch(`/api/profiles/${createdId}`).set(...admin).send({ country: 'jp' }).expect(400);
      expect(res.body.details).toEqual([{ field: 'region', messages: ["give the region in JP with the new country (the profile's region Erfurt lies in DE)"] }]);
      expect(await sql(t, "SELECT 1 FROM regions WHERE name = 'Erfurt' AND country = 'JP'")).toEqual([]);
      expect((await request(t.http).get(`/api/profiles/${createdId}`).set(...admin).expect(200)).body).toEqual(before);
      // The same country, or both together, pass.
      await request(t.http).patch(`/api/profiles/${createdId}`).set(...admin).send({ country: 'DE' }).expect(200);
      const moved = await request(t.http).patch(`/api/profiles/${createdId}`).set(...admin).send({ country: 'JP', region: 'Hamamatsu' }).expect(200);
      expect(moved.body).toMatchObject({ country: 'JP', region: { name: 'Hamamatsu' } });
      await request(t.http).patch(`/api/profiles/${createdId}`).set(...admin).send({ country: 'DE', region: 'Erfurt' }).expect(200);
    });

    it('answers 400 for a malformed id and 404 for an unknown one; deletes with 204', async () => {
      await request(t.http).get('/api/profiles/not-a-uuid').set(...admin).expect(400);
      await request(t.http).get('/api/profiles/00000000-0000-4000-8000-000000000000').set(...admin).expect(404);
      await request(t.http).delete(`/api/profiles/${createdId}`).set(...organiser).expect(204);
      await request(t.http).get(`/api/profiles/${createdId}`).set(...admin).expect(404);
    });
  });

  describe('input rules', () => {
    let id: string;
    const fieldsOf = (res: request.Response) => (res.body as { details: { field: string }[] }).details.map((d) => d.field);
    const importRows = (rows: object[], query = '') => request(t.http).post(`/api/profiles/import${query}`).set(...organiser).set('Content-Type', 'application/x-ndjson').send(rows.map((r) => JSON.stringify(r)).join('\n'));

    beforeAll(async () => {
      id = (await request(t.http).post('/api/profiles').set(...organiser).send(newProfile({ externalId: 'rules-1', region: 'Semicolon Valley' })).expect(201)).body.id as string;
    });

    it.each(['name', 'kind', 'country', 'region', 'sectors', 'offers', 'seeks', 'cooperation', 'languages', 'description'])('answers 400 to PATCH %s: null, naming it', async (field) => {
      const before = (await request(t.http).get(`/api/profiles/${id}`).set(...admin).expect(200)).body as Record<string, unknown>;
      const res = await request(t.http).patch(`/api/profiles/${id}`).set(...organiser).send({ [field]: null }).expect(400);
      expect(res.body.details).toEqual([{ field, messages: [expect.stringContaining(`${field} cannot be null`)] }]);
      expect((await request(t.http).get(`/api/profiles/${id}`).set(...admin).expect(200)).body).toEqual(before);
    });

    it('rejects a null description on create and import too; "" and [] clear', async () => {
      const post = await request(t.http).post('/api/profiles').set(...organiser).send(newProfile({ externalId: 'rules-null', description: null })).expect(400);
      expect(fieldsOf(post)).toEqual(['description']);
      const imp = await importRows([newProfile({ externalId: 'rules-null', description: null })]).expect(400);
      expect(fieldsOf(imp)).toEqual(['line 1: description']);
      const cleared = await request(t.http).patch(`/api/profiles/${id}`).set(...organiser).send({ description: '', sectors: [] }).expect(200);
      expect(cleared.body).toMatchObject({ description: '', sectors: [], descriptionLang: null });
    });

    it('answers 400 naming a field that holds a NUL character (create, update, import, filters)', async () => {
      const post = await request(t.http).post('/api/profiles').set(...organiser).send(newProfile({ externalId: 'rules-nul', name: 'Saale\u0000Optik', offers: ['a\u0000'] })).expect(400);
      // Bodies are checked for NUL before the DTO rules (the validation pipe): list items by their index.
      expect(fieldsOf(post).sort()).toEqual(['name', 'offers.0']);
      const patch = await request(t.http).patch(`/api/profiles/${id}`).set(...organiser).send({ description: 'x\u0000y', region: '\u0000' }).expect(400);
      expect(fieldsOf(patch).sort()).toEqual(['description', 'region']);
      const imp = await importRows([newProfile({ externalId: 'rules-nul', seeks: ['\u0000'] })]).expect(400);
      expect(fieldsOf(imp)).toEqual(['line 1: seeks']);
      const csv = 'externalId,name,kind,country,region,sectors,offers,seeks,cooperation,languages\nrules-nul,A\u0000B,company,DE,Jena,26.70,x,y,rd,de\n';
      const csvRes = await request(t.http).post('/api/profiles/import').set(...organiser).set('Content-Type', 'text/csv').send(csv).expect(400);
      expect(fieldsOf(csvRes)).toEqual(['line 2: name']);
      const list = await request(t.http).get('/api/profiles?q=a%00b&region=%00').set(...organiser).expect(400);
      expect(fieldsOf(list).sort()).toEqual(['q', 'region']);
    });

    it('bounds page so the offset stays in range (400 naming page)', async () => {
      const res = await request(t.http).get('/api/profiles?page=99999999999999999999').set(...organiser).expect(400);
      expect(fieldsOf(res)).toEqual(['page']);
      const last = await request(t.http).get('/api/profiles?page=1000000&pageSize=200').set(...organiser).expect(200);
      expect(last.body.items).toEqual([]);
      await request(t.http).get('/api/profiles?page=1000001').set(...organiser).expect(400);
    });

    it('keeps ; inside CSV list items through export and re-import', async () => {
      await request(t.http).patch(`/api/profiles/${id}`).set(...organiser).send({ offers: ['R&D; prototyping', 'C:\\optics'], sectors: ['26.70'] }).expect(200);
      const csv = await request(t.http).get('/api/profiles/export?format=csv&region=Semicolon%20Valley').set(...organiser).expect(200);
      const back = await request(t.http).post('/api/profiles/import').set(...organiser).set('Content-Type', 'text/csv').send(csv.text).expect(200);
      expect(back.body).toMatchObject({ total: 1, updated: 1 });
      const res = await request(t.http).get(`/api/profiles/${id}`).set(...organiser).expect(200);
      expect(res.body.offers).toEqual(['R&D; prototyping', 'C:\\optics']);
    });

    it('exports CSV a spreadsheet shows as text (formulas escaped, UTF-8 byte order mark) that imports back exactly', async () => {
      const nasty = newProfile({
        externalId: 'formula-1',
        name: '=HYPERLINK("http://evil.example","Angebot")',
        region: 'Formula Valley',
        offers: ['+491234', '@SUM(A1)'],
        seeks: ["'s-Hertogenbosch partners", "'=kept as typed"],
        description: '  －浜松の展示会\r\nZeile 2\n"Zitat", Ende  ',
      });
      const created = await request(t.http).post('/api/profiles').set(...organiser).send(nasty).expect(201);
      const csv = await request(t.http).get('/api/profiles/export?format=csv&region=Formula%20Valley').set(...organiser).expect(200);
      expect(csv.text.startsWith('\uFEFFid,externalId,')).toBe(true);
      expect(csv.text).toContain(`\n${created.body.id as string},formula-1,"'=HYPERLINK(""http://evil.example"",""Angebot"")",company,DE,Formula Valley,26.70,'+491234;@SUM(A1),'s-Hertogenbosch partners;'=kept as typed,`);
      const back = await request(t.http).post('/api/profiles/import').set(...organiser).set('Content-Type', 'text/csv').send(csv.text).expect(200);
      expect(back.body).toMatchObject({ total: 1, updated: 1, created: 0 });
      const after = await request(t.http).get(`/api/profiles/${created.body.id}`).set(...organiser).expect(200);
      const { version: _v, updatedAt: _u, ...rest } = after.body as Record<string, unknown>;
      const { version: _v0, updatedAt: _u0, ...before } = created.body as Record<string, unknown>;
      expect(rest).toEqual(before);
    });

    it('trims name and region and rejects blank ones (400 naming them)', async () => {
      const post = await request(t.http).post('/api/profiles').set(...organiser).send(newProfile({ externalId: 'rules-blank', name: '   ', region: ' \t ' })).expect(400);
      expect(fieldsOf(post).sort()).toEqual(['name', 'region']);
      const patch = await request(t.http).patch(`/api/profiles/${id}`).set(...organiser).send({ region: '   ' }).expect(400);
      expect(fieldsOf(patch)).toEqual(['region']);
      const imp = await importRows([newProfile({ externalId: 'rules-blank', name: '' })]).expect(400);
      expect(fieldsOf(imp)).toEqual(['line 1: name']);
      const res = await request(t.http).patch(`/api/profiles/${id}`).set(...organiser).send({ name: '  Saale Optik  ', region: '  semicolon valley ' }).expect(200);
      expect(res.body).toMatchObject({ name: 'Saale Optik', region: { name: 'Semicolon Valley' } });
      expect(await sql(t, "SELECT 1 FROM regions WHERE name = '' OR name <> btrim(name)")).toEqual([]);
    });

    it('counts repeated cooperation types and languages once (POST, PATCH, import)', async () => {
      const post = await request(t.http).post('/api/profiles').set(...organiser).send(newProfile({ externalId: 'rules-dup', cooperation: ['rd', 'RD', 'supply'], languages: ['de', 'DE', 'de'] })).expect(201);
      expect(post.body).toMatchObject({ cooperation: ['rd', 'supply'], languages: ['de'] });
      const patch = await request(t.http).patch(`/api/profiles/${id}`).set(...organiser).send({ cooperation: ['supply', 'supply'], languages: ['en', 'ja', 'EN'] }).expect(200);
      expect(patch.body).toMatchObject({ cooperation: ['supply'], languages: ['en', 'ja'] });
      await importRows([newProfile({ externalId: 'rules-dup', cooperation: ['licensing', 'licensing'], languages: ['ja', 'ja'] })]).expect(200);
      const [row] = await sql(t, "SELECT cooperation, languages FROM organisations WHERE external_id = 'rules-dup'");
      expect(row).toEqual({ cooperation: ['licensing'], languages: ['ja'] });
    });

    it.each(['get', 'patch', 'delete'] as const)('answers %s with a malformed id 400 naming id', async (method) => {
      const res = await request(t.http)[method]('/api/profiles/not-a-uuid').set(...admin).send({}).expect(400);
      expect(res.body.details).toEqual([{ field: 'id', messages: ['must be a UUID'] }]);
    });
  });

  describe('who may change a profile', () => {
    const outsideAnyEvent = async (n: number) =>
      sql<{ id: string; external_id: string }>(
        t,
        "SELECT o.id, o.external_id FROM organisations o WHERE o.external_id LIKE 'demo-%' AND NOT EXISTS (SELECT 1 FROM event_participants ep WHERE ep.organisation_id = o.id) ORDER BY o.external_id LIMIT $1",
        [n],
      );
    const rowOf = async (id: string) => (await request(t.http).get(`/api/profiles/${id}`).set(...admin).expect(200)).body as Record<string, unknown>;
    const asImportRow = (p: Record<string, unknown>, over: Record<string, unknown> = {}) => {
      const { id: _id, version: _v, createdAt: _c, updatedAt: _u, descriptionLang: _l, region, ...rest } = p;
      return { ...rest, region: (region as { name: string }).name, ...over };
    };

    it('keeps an organiser from taking over a profile that also takes part in another organiser’s event', async () => {
      const [shared] = await outsideAnyEvent(1);
      await request(t.http).post('/api/events').set(...otherOrganiser).send({ slug: 'other-fair', name: 'Other fair', timeZone: 'Europe/Berlin', startsOn: '2025-12-01' }).expect(201);
      await request(t.http).post('/api/events/other-fair/participants').set(...otherOrganiser).send({ participants: [{ organisationId: shared.id }] }).expect(201);
      // Adding it to its own event stays allowed; the write rights do not come with it.
      await request(t.http).post(`/api/events/${MEDICA}/participants`).set(...organiser).send({ participants: [{ organisationId: shared.id }] }).expect(201);
      const denied = await request(t.http).patch(`/api/profiles/${shared.id}`).set(...organiser).send({ name: 'taken over' }).expect(403);
      expect(denied.body.message).toContain('take part only in events they organise');
      await request(t.http).delete(`/api/profiles/${shared.id}`).set(...organiser).expect(403);
      await request(t.http).patch(`/api/profiles/${shared.id}`).set(...otherOrganiser).send({ size: 'large' }).expect(403);
      await request(t.http).patch(`/api/profiles/${shared.id}`).set(...admin).send({ size: 'large' }).expect(200);
      expect(await sql(t, 'SELECT 1 FROM event_participants ep JOIN events e ON e.id = ep.event_id WHERE ep.organisation_id = $1', [shared.id])).toHaveLength(2);
    });

    it('rejects an import that would update a profile the organiser may not change, naming the line (dryRun too)', async () => {
      const [, outsider] = await outsideAnyEvent(2);
      const [{ organisation_id: onlyInMedica }] = await sql<{ organisation_id: string }>(
        t,
        `SELECT ep.organisation_id FROM event_participants ep JOIN events e ON e.id = ep.event_id
          WHERE e.slug = $1 AND NOT EXISTS (SELECT 1 FROM event_participants o WHERE o.organisation_id = ep.organisation_id AND o.event_id <> ep.event_id) LIMIT 1`,
        [MEDICA],
      );
      const before = await rowOf(outsider.id);
      const mine = asImportRow(await rowOf(onlyInMedica), { size: 'micro' });
      const file = [JSON.stringify(mine), JSON.stringify(asImportRow(before, { name: 'Overwritten' }))].join('\n');
      for (const query of ['?dryRun=true', '']) {
        const res = await request(t.http).post(`/api/profiles/import${query}`).set(...organiser).set('Content-Type', 'application/x-ndjson').send(file).expect(400);
        expect(res.body.message).toContain('nothing was imported');
        expect(res.body.details).toEqual([{ field: 'line 2: externalId', messages: [expect.stringContaining('may not change')], line: 2, externalId: outsider.external_id }]);
      }
      expect(await rowOf(outsider.id)).toEqual(before);
      // A profile taking part only in its events is the organiser's to change, by import as by PATCH.
      const ok = await request(t.http).post('/api/profiles/import').set(...organiser).set('Content-Type', 'application/x-ndjson').send(JSON.stringify(mine)).expect(200);
      expect(ok.body).toMatchObject({ updated: 1, created: 0 });
      expect((await rowOf(onlyInMedica)).size).toBe('micro');
    });
  });

  describe('writes racing another transaction', () => {
    /** Runs `statement` in a transaction of its own, sends the request, and commits once the request waits for that transaction. */
    const behindUncommitted = async (statement: string, params: unknown[], send: () => request.Test): Promise<request.Response> => {
      const runner = t.app.get(DataSource).createQueryRunner();
      await runner.connect();
      try {
        await runner.startTransaction();
        const [{ pid }] = (await runner.query('SELECT pg_backend_pid() AS pid')) as { pid: number }[];
        await runner.query(statement, params);
        let done = false;
        const response = send().then((r) => {
          done = true;
          return r;
        });
        for (let i = 0; ; i++) {
          const [{ n }] = await sql<{ n: number }>(t, 'SELECT count(*)::int AS n FROM pg_stat_activity WHERE $1 = ANY(pg_blocking_pids(pid))', [pid]);
          if (n > 0) break;
          if (i >= 400 || done) throw new Error(`the request did not wait for the other transaction (${done ? 'it answered' : 'timeout'})`);
          await new Promise((r) => setTimeout(r, 25));
        }
        await runner.commitTransaction();
        return await response;
      } finally {
        if (runner.isTransactionActive) await runner.rollbackTransaction();
        await runner.release();
      }
    };
    const insertOrganisation = `INSERT INTO organisations (external_id, name, kind, country, region_id, version) SELECT $1, 'Racer', 'company', 'DE', id, 1 FROM regions WHERE country = 'DE' ORDER BY name LIMIT 1`;

    it('uses the region another request creates at the same time instead of failing (500)', async () => {
      const res = await behindUncommitted("INSERT INTO regions (name, country, time_zone) VALUES ('Race Valley', 'DE', 'Europe/Berlin')", [], () =>
        request(t.http).post('/api/profiles').set(...organiser).send(newProfile({ externalId: 'race-region-1', region: 'race valley' })),
      );
      expect(res.status).toBe(201);
      expect(res.body.region.name).toBe('Race Valley');
      expect(await sql(t, "SELECT 1 FROM regions WHERE lower(name) = 'race valley'")).toHaveLength(1);
    });

    it('answers 409 naming externalId when another request takes it first (not 500)', async () => {
      const res = await behindUncommitted(insertOrganisation, ['race-ext-1'], () => request(t.http).post('/api/profiles').set(...organiser).send(newProfile({ externalId: 'race-ext-1' })));
      expect(res.status).toBe(409);
      expect(res.body.details).toEqual([{ field: 'externalId', messages: ['already taken'] }]);
      const id = (await request(t.http).post('/api/profiles').set(...admin).send(newProfile({ externalId: 'race-ext-own' })).expect(201)).body.id as string;
      const patch = await behindUncommitted(insertOrganisation, ['race-ext-2'], () => request(t.http).patch(`/api/profiles/${id}`).set(...admin).send({ externalId: 'race-ext-2' }));
      expect(patch.status).toBe(409);
      expect(patch.body.details).toEqual([{ field: 'externalId', messages: ['already taken'] }]);
    });

    it('imports over a profile another request creates meanwhile with one of the file’s externalIds', async () => {
      const file = [newProfile({ externalId: 'race-imp-1', name: 'Imported' }), newProfile({ externalId: 'race-imp-2' })].map((r) => JSON.stringify(r)).join('\n');
      const res = await behindUncommitted(insertOrganisation, ['race-imp-1'], () => request(t.http).post('/api/profiles/import').set(...admin).set('Content-Type', 'application/x-ndjson').send(file));
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ total: 2, created: 1, updated: 1 });
      expect(await sql(t, "SELECT name FROM organisations WHERE external_id LIKE 'race-imp-%' ORDER BY external_id")).toEqual([{ name: 'Imported' }, { name: 'Saale Optik GmbH' }]);
    });
  });

  describe('deleting a profile with published meetings', () => {
    const DAY = 'delete-guard-day';
    let a: string;
    let b: string;
    let c: string;
    let eventId: string;
    let scheduleId: string;

    beforeAll(async () => {
      const make = async (externalId: string, country: string, region: string) =>
        (await request(t.http).post('/api/profiles').set(...organiser).send(newProfile({ externalId, country, region, name: externalId })).expect(201)).body.id as string;
      [a, b, c] = [await make('guard-a', 'DE', 'Jena'), await make('guard-b', 'JP', 'Hamamatsu'), await make('guard-c', 'JP', 'Hamamatsu')];
      eventId = (await request(t.http).post('/api/events').set(...admin).send({ slug: DAY, name: 'Guard day', timeZone: 'Europe/Berlin', startsOn: '2025-12-02' }).expect(201)).body.id as string;
      await request(t.http).post(`/api/events/${DAY}/participants`).set(...admin).send({ participants: [{ organisationId: a }, { organisationId: b }, { organisationId: c }] }).expect(201);
      // A published meeting straight in the tables (how it comes about is the scheduling specs' business).
      [{ id: scheduleId }] = await sql<{ id: string }>(t, `INSERT INTO schedules (event_id, status, options, published_at) VALUES ($1, 'published', '{}', now()) RETURNING id`, [eventId]);
      await sql(t, 'INSERT INTO scheduled_meetings (schedule_id, organisation_a, organisation_b, slot_index, table_number) VALUES ($1, $2, $3, 0, 1)', [scheduleId, a, b]);
    });

    it('refuses (409 naming id) while a published schedule holds meetings of it, deleting nothing', async () => {
      const res = await request(t.http).delete(`/api/profiles/${a}`).set(...organiser).expect(409);
      expect(res.body.message).toContain(`has meetings in a published schedule (1 in the published schedule ${scheduleId} of ${DAY})`);
      expect(res.body.details).toEqual([{ field: 'id', messages: [`has meetings in the published schedule ${scheduleId} of ${DAY}`] }]);
      await request(t.http).get(`/api/profiles/${a}`).set(...admin).expect(200);
      expect(await sql(t, 'SELECT 1 FROM scheduled_meetings WHERE schedule_id = $1', [scheduleId])).toHaveLength(1);
      expect(await sql(t, 'SELECT 1 FROM event_participants WHERE organisation_id = $1', [a])).toHaveLength(1);
    });

    it('waits for the event row lock, so a schedule published meanwhile is seen', async () => {
      const runner = t.app.get(DataSource).createQueryRunner();
      await runner.connect();
      try {
        // Holds the event row as publishing does, and gives c a published meeting under it.
        await runner.startTransaction();
        const [{ pid }] = (await runner.query('SELECT pg_backend_pid() AS pid')) as { pid: number }[];
        await runner.query('SELECT id FROM events WHERE id = $1 FOR UPDATE', [eventId]);
        let done = false;
        const response = request(t.http).delete(`/api/profiles/${c}`).set(...admin).then((r) => {
          done = true;
          return r;
        });
        for (let i = 0; ; i++) {
          const [{ n }] = await sql<{ n: number }>(t, 'SELECT count(*)::int AS n FROM pg_stat_activity WHERE $1 = ANY(pg_blocking_pids(pid))', [pid]);
          if (n > 0) break;
          if (i >= 200 || done) throw new Error('the delete did not wait for the event row lock');
          await new Promise((r) => setTimeout(r, 25));
        }
        expect(done).toBe(false);
        await runner.query('INSERT INTO scheduled_meetings (schedule_id, organisation_a, organisation_b, slot_index, table_number) VALUES ($1, $2, $3, 1, 1)', [scheduleId, c, a]);
        await runner.commitTransaction();
        const res = await response;
        expect(res.status).toBe(409);
        expect(res.body.details[0].field).toBe('id');
        expect(await sql(t, 'SELECT 1 FROM scheduled_meetings WHERE schedule_id = $1', [scheduleId])).toHaveLength(2);
      } finally {
        if (runner.isTransactionActive) await runner.rollbackTransaction();
        await runner.release();
      }
    });

    it('deletes once the schedule is no longer published', async () => {
      await sql(t, `UPDATE schedules SET status = 'superseded', superseded_at = now() WHERE id = $1`, [scheduleId]);
      await request(t.http).delete(`/api/profiles/${c}`).set(...organiser).expect(204);
      await request(t.http).get(`/api/profiles/${c}`).set(...admin).expect(404);
      expect(await sql(t, 'SELECT 1 FROM event_participants WHERE organisation_id = $1', [c])).toEqual([]);
    });
  });

  describe('bulk import and export', () => {
    const dev = readFileSync(DEV_PROFILES, 'utf8');

    it('imports the match-eval dev profiles (JSON Lines), creating unknown regions', async () => {
      const before = await count();
      const res = await request(t.http).post('/api/profiles/import').set(...admin).set('Content-Type', 'application/x-ndjson').send(dev).expect(200);
      expect(res.body).toMatchObject({ total: 400, created: 400, updated: 0, dryRun: false });
      expect(await count()).toBe(before + 400);
    });

    it('writes nothing when one row is bad, and names that row, field and reason', async () => {
      const lines = dev.trimEnd().split('\n');
      const bad = JSON.parse(lines[6]) as Record<string, unknown>;
      bad.sectors = ['26.70', '99.99'];
      lines[6] = JSON.stringify(bad);
      const before = await sql(t, 'SELECT id, version FROM organisations ORDER BY id');
      const res = await request(t.http).post('/api/profiles/import?format=jsonl').set(...admin).set('Content-Type', 'text/plain').send(lines.join('\n')).expect(400);
      expect(res.body.message).toContain('nothing was imported');
      expect(res.body.details).toEqual([{ field: 'line 7: sectors.1', messages: [expect.stringContaining('99.99')], line: 7, externalId: bad.externalId }]);
      expect(await sql(t, 'SELECT id, version FROM organisations ORDER BY id')).toEqual(before);
    });

    it('upserts by externalId on re-import', async () => {
      const res = await request(t.http).post('/api/profiles/import').set(...admin).set('Content-Type', 'application/x-ndjson').send(dev).expect(200);
      expect(res.body).toMatchObject({ total: 400, created: 0, updated: 400 });
    });

    it('imports CSV with ;-separated lists and JSON arrays; dryRun writes nothing', async () => {
      const csv = 'externalId,name,kind,country,region,sectors,offers,seeks,cooperation,languages,description,size\n' +
        'csv-1,Kobe Cell Labs,company,JP,Kobe,72.11;21.20,iPS細胞の培養;GMP manufacturing,Klinikpartner in Deutschland,rd;licensing,ja;en,再生医療のベンチャーです。,sme\n';
      const dry = await request(t.http).post('/api/profiles/import?dryRun=true').set(...organiser).set('Content-Type', 'text/csv').send(csv).expect(200);
      expect(dry.body).toMatchObject({ created: 1, dryRun: true });
      expect(await sql(t, "SELECT 1 FROM organisations WHERE external_id = 'csv-1'")).toEqual([]);
      await request(t.http).post('/api/profiles/import').set(...organiser).set('Content-Type', 'text/csv').send(csv).expect(200);
      const [row] = await sql<{ sectors: string[]; offers: string[]; description_lang: string }>(t, "SELECT sectors, offers, description_lang FROM organisations WHERE external_id = 'csv-1'");
      expect(row).toEqual({ sectors: ['72.11', '21.20'], offers: ['iPS細胞の培養', 'GMP manufacturing'], description_lang: 'ja' });
      const json = await request(t.http).post('/api/profiles/import').set(...organiser).send([{ ...newProfile({ externalId: 'json-1' }) }]).expect(200);
      expect(json.body.created).toBe(1);
    });

    it('lists every bad row of a file at once, including duplicates and malformed lines', async () => {
      const file = [
        JSON.stringify(newProfile({ externalId: 'a1' })),
        '{not json',
        JSON.stringify(newProfile({ externalId: 'a1' })),
        JSON.stringify(newProfile({ externalId: 'a4', country: 'Germany', cooperation: ['barter'] })),
      ].join('\n');
      const res = await request(t.http).post('/api/profiles/import?format=jsonl').set(...admin).set('Content-Type', 'text/plain').send(file).expect(400);
      expect(res.body.details.map((d: { line: number }) => d.line)).toEqual([2]);
      const file2 = [file.split('\n')[0], file.split('\n')[2], file.split('\n')[3]].join('\n');
      const res2 = await request(t.http).post('/api/profiles/import?format=jsonl').set(...admin).set('Content-Type', 'text/plain').send(file2).expect(400);
      expect(res2.body.details.map((d: { field: string }) => d.field)).toEqual(['line 2: externalId', 'line 3: country', 'line 3: cooperation']);
    });

    it('rejects participants (403), an unknown format and an empty body (400)', async () => {
      await request(t.http).post('/api/profiles/import?format=jsonl').set(...participant).set('Content-Type', 'text/plain').send('{}').expect(403);
      const f = await request(t.http).post('/api/profiles/import?format=xml').set(...admin).set('Content-Type', 'text/plain').send('x').expect(400);
      expect(f.body.details[0].field).toBe('format');
      const e = await request(t.http).post('/api/profiles/import?format=jsonl').set(...admin).set('Content-Type', 'text/plain').send('').expect(400);
      expect(e.body.details[0].field).toBe('body');
    });

    it.each(['jsonl', 'csv', 'json'])('exports %s that imports back unchanged', async (format) => {
      const exported = await request(t.http).get(`/api/profiles/export?format=${format}&country=JP&region=Kobe`).set(...admin).expect(200);
      expect(exported.headers['content-type']).toContain(format === 'csv' ? 'text/csv' : format === 'json' ? 'application/json' : 'application/x-ndjson');
      const text = format === 'json' ? JSON.stringify(exported.body) : exported.text;
      const back = await request(t.http).post(`/api/profiles/import?format=${format}`).set(...admin).set('Content-Type', 'text/plain').send(text).expect(200);
      expect(back.body.created).toBe(0);
      expect(back.body.updated).toBeGreaterThan(0);
    });
  });
});
