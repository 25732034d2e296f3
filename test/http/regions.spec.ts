import request from 'supertest';
import { bearer, sql, startTestApp, type TestApp } from '../support/test-app';

const UNKNOWN = '00000000-0000-4000-8000-000000000000';
const JENA_HAMAMATSU = 'Jena × Hamamatsu';

type Detail = { field: string; messages: string[] };
const fields = (body: { details?: Detail[] }): string[] => (body.details ?? []).map((d) => d.field);

describe('regions and tie-ups (HTTP)', () => {
  let t: TestApp;
  let admin: [string, string];
  let organiser: [string, string];
  let participant: [string, string];
  const region: Record<string, string> = {};
  let jenaHamamatsuId: string;

  beforeAll(async () => {
    t = await startTestApp();
    admin = bearer(t.adminKey);
    const key = async (body: object) => bearer((await request(t.http).post('/api/admin/api-keys').set(...admin).send(body).expect(201)).body.key as string);
    organiser = await key({ name: 'regions organiser', role: 'organiser' });
    const [{ id: orgId }] = await sql<{ id: string }>(t, 'SELECT id FROM organisations ORDER BY id LIMIT 1');
    participant = await key({ name: 'regions participant', role: 'participant', organisationId: orgId });
    for (const r of (await request(t.http).get('/api/regions').set(...admin).expect(200)).body as { id: string; name: string }[]) region[r.name] = r.id;
    const tieUps = (await request(t.http).get('/api/tie-ups').set(...admin).expect(200)).body as { id: string; name: string }[];
    jenaHamamatsuId = tieUps.find((x) => x.name === JENA_HAMAMATSU)!.id;
  });
  afterAll(() => t?.close());

  describe('regions', () => {
    const erfurt = { name: 'Erfurt', country: 'de', subdivision: 'de-th', timeZone: 'Europe/Berlin' };
    let erfurtId: string;

    it('reads one region with any key (200), 401 without a key, 400 naming a malformed id, 404 for an unknown one', async () => {
      const res = await request(t.http).get(`/api/regions/${region.Jena}`).set(...participant).expect(200);
      expect(res.body).toEqual({ id: region.Jena, name: 'Jena', country: 'DE', subdivision: 'DE-TH', timeZone: 'Europe/Berlin' });
      await request(t.http).get(`/api/regions/${region.Jena}`).set(...organiser).expect(200);
      await request(t.http).get(`/api/regions/${region.Jena}`).expect(401);
      const bad = await request(t.http).get('/api/regions/not-a-uuid').set(...admin).expect(400);
      expect(fields(bad.body)).toEqual(['id']);
      const missing = await request(t.http).get(`/api/regions/${UNKNOWN}`).set(...admin).expect(404);
      expect(missing.body.message).toContain(UNKNOWN);
    });

    it('lets admins create a region (201), normalising country and subdivision', async () => {
      const res = await request(t.http).post('/api/regions').set(...admin).send(erfurt).expect(201);
      erfurtId = res.body.id;
      expect(res.body).toEqual({ id: expect.any(String), name: 'Erfurt', country: 'DE', subdivision: 'DE-TH', timeZone: 'Europe/Berlin' });
      await request(t.http).get(`/api/regions/${erfurtId}`).set(...organiser).expect(200);
      const noSubdivision = await request(t.http).post('/api/regions').set(...admin).send({ name: '  Sapporo ', country: 'JP', timeZone: 'asia/tokyo' }).expect(201);
      expect(noSubdivision.body).toMatchObject({ name: 'Sapporo', subdivision: null, timeZone: 'Asia/Tokyo' });
    });

    it('answers 401 without a key and 403 for organisers and participants on every write', async () => {
      await request(t.http).post('/api/regions').send({ ...erfurt, name: 'Gera' }).expect(401);
      for (const who of [organiser, participant]) {
        await request(t.http).post('/api/regions').set(...who).send({ ...erfurt, name: 'Gera' }).expect(403);
        await request(t.http).patch(`/api/regions/${erfurtId}`).set(...who).send({ name: 'Gera' }).expect(403);
        await request(t.http).delete(`/api/regions/${erfurtId}`).set(...who).expect(403);
      }
      expect(await sql(t, "SELECT 1 FROM regions WHERE name = 'Gera'")).toEqual([]);
    });

    it.each([
      ['a bad country', { country: 'XX' }, 'country'],
      ['a country name instead of a code', { country: 'Germany' }, 'country'],
      ['a subdivision of another country', { subdivision: 'JP-22' }, 'subdivision'],
      ['a malformed subdivision', { subdivision: 'Thüringen' }, 'subdivision'],
      ['an unknown time zone', { timeZone: 'Europe/Jena' }, 'timeZone'],
      ['an offset instead of a zone', { timeZone: '+01:00' }, 'timeZone'],
      ['no time zone', { timeZone: undefined }, 'timeZone'],
      ['an empty name', { name: '  ' }, 'name'],
      ['an unknown field', { population: 110000 }, 'population'],
    ])('answers 400 naming the field for %s', async (_, over, field) => {
      const res = await request(t.http).post('/api/regions').set(...admin).send({ ...erfurt, name: 'Weimar', ...over }).expect(400);
      expect(fields(res.body)).toEqual([field]);
    });

    it('answers 409 for a duplicate name in the country, whatever its case, but allows it in another country', async () => {
      const dup = await request(t.http).post('/api/regions').set(...admin).send({ name: 'JENA', country: 'DE', timeZone: 'Europe/Berlin' }).expect(409);
      expect(dup.body).toMatchObject({ statusCode: 409, message: expect.stringContaining('Jena'), details: [{ field: 'name' }] });
      await request(t.http).post('/api/regions').set(...admin).send({ name: 'erfurt', country: 'DE', timeZone: 'Europe/Berlin' }).expect(409);
      await request(t.http).post('/api/regions').set(...admin).send({ name: 'Jena', country: 'US', timeZone: 'America/Chicago' }).expect(201);
    });

    it('holds case-insensitive uniqueness in the database too, so concurrent writers cannot both win', async () => {
      await expect(sql(t, "INSERT INTO regions (name, country, time_zone) VALUES ('jENA', 'DE', 'Europe/Berlin')")).rejects.toThrow(/uq_regions_country_lower_name/);
      await expect(sql(t, "INSERT INTO tie_ups (name, programme) VALUES ('jena × HAMAMATSU', 'x')")).rejects.toThrow(/uq_tie_ups_lower_name/);
      const racing = await Promise.all(['Suhl', 'SUHL', 'suhl'].map((name) => request(t.http).post('/api/regions').set(...admin).send({ name, country: 'DE', timeZone: 'Europe/Berlin' })));
      expect(racing.map((r) => r.status).sort()).toEqual([201, 409, 409]);
    });

    it('updates a region (200): partial changes, clearing the subdivision, re-casing its own name', async () => {
      const res = await request(t.http).patch(`/api/regions/${erfurtId}`).set(...admin).send({ timeZone: 'Europe/Vienna', subdivision: null }).expect(200);
      expect(res.body).toEqual({ id: erfurtId, name: 'Erfurt', country: 'DE', subdivision: null, timeZone: 'Europe/Vienna' });
      const renamed = await request(t.http).patch(`/api/regions/${erfurtId}`).set(...admin).send({ name: 'ERFURT', timeZone: 'Europe/Berlin', subdivision: 'DE-TH' }).expect(200);
      expect(renamed.body).toMatchObject({ name: 'ERFURT', subdivision: 'DE-TH' });
      await request(t.http).patch(`/api/regions/${erfurtId}`).set(...admin).send({ name: 'Erfurt' }).expect(200);
    });

    it('rejects bad updates: 400 naming the field, 404 unknown, 409 duplicate or a country change under organisations', async () => {
      expect(fields((await request(t.http).patch(`/api/regions/${erfurtId}`).set(...admin).send({ timeZone: 'Mars/Olympus' }).expect(400)).body)).toEqual(['timeZone']);
      expect(fields((await request(t.http).patch(`/api/regions/${erfurtId}`).set(...admin).send({ name: null }).expect(400)).body)).toEqual(['name']);
      expect(fields((await request(t.http).patch(`/api/regions/${erfurtId}`).set(...admin).send({ subdivision: 'JP-13' }).expect(400)).body)).toEqual(['subdivision']);
      // Moving Erfurt (DE-TH) to Japan without a new subdivision leaves the subdivision in the wrong country.
      expect(fields((await request(t.http).patch(`/api/regions/${erfurtId}`).set(...admin).send({ country: 'JP' }).expect(400)).body)).toEqual(['country']);
      expect(fields((await request(t.http).patch('/api/regions/123').set(...admin).send({ name: 'x' }).expect(400)).body)).toEqual(['id']);
      await request(t.http).patch(`/api/regions/${UNKNOWN}`).set(...admin).send({ name: 'x' }).expect(404);
      const dup = await request(t.http).patch(`/api/regions/${erfurtId}`).set(...admin).send({ name: 'leipzig' }).expect(409);
      expect(fields(dup.body)).toEqual(['name']);
      const moved = await request(t.http).patch(`/api/regions/${region.Jena}`).set(...admin).send({ country: 'AT', subdivision: null }).expect(409);
      expect(moved.body.message).toMatch(/organisation/);
      expect((await request(t.http).get(`/api/regions/${region.Jena}`).set(...admin).expect(200)).body).toMatchObject({ country: 'DE', subdivision: 'DE-TH' });
    });

    it('deletes an unused region (204, then 404); 404 for an unknown one', async () => {
      const { body } = await request(t.http).post('/api/regions').set(...admin).send({ name: 'Gera', country: 'DE', timeZone: 'Europe/Berlin' }).expect(201);
      await request(t.http).delete(`/api/regions/${body.id as string}`).set(...admin).expect(204);
      await request(t.http).get(`/api/regions/${body.id as string}`).set(...admin).expect(404);
      await request(t.http).delete(`/api/regions/${body.id as string}`).set(...admin).expect(404);
      expect(fields((await request(t.http).delete('/api/regions/nope').set(...admin).expect(400)).body)).toEqual(['id']);
    });

    it('refuses (409) to delete a region that organisations belong to or a tie-up includes, naming both', async () => {
      const jena = await request(t.http).delete(`/api/regions/${region.Jena}`).set(...admin).expect(409);
      expect(jena.body.message).toMatch(/organisation\(s\) belong to it/);
      expect(jena.body.message).toContain(JENA_HAMAMATSU);
      // Erfurt has no organisations; a tie-up including it keeps it.
      const tieUp = await request(t.http)
        .post('/api/tie-ups')
        .set(...admin)
        .send({ name: 'Erfurt × Sapporo', programme: 'Test', regionIds: [erfurtId, await regionId('Sapporo')] })
        .expect(201);
      const erfurtInUse = await request(t.http).delete(`/api/regions/${erfurtId}`).set(...admin).expect(409);
      expect(erfurtInUse.body.message).toContain('Erfurt × Sapporo');
      expect(erfurtInUse.body.message).not.toMatch(/organisation/);
      await request(t.http).delete(`/api/tie-ups/${tieUp.body.id as string}`).set(...admin).expect(204);
      await request(t.http).get(`/api/regions/${region.Jena}`).set(...admin).expect(200);
    });
  });

  async function regionId(name: string): Promise<string> {
    const [{ id }] = await sql<{ id: string }>(t, 'SELECT id FROM regions WHERE name = $1', [name]);
    return id;
  }

  describe('tie-ups', () => {
    const tieUp = () => ({
      name: 'Leipzig × Hamamatsu',
      programme: 'JETRO Regional Industry Tie-Up (RIT) 2025',
      regionIds: [region.Leipzig, region.Hamamatsu],
      focusSectors: ['Optics-Photonics', 'biotechnology'],
      startsOn: '2025-04-01',
      endsOn: '2028-03-31',
      description: 'Photonics and biotech partnering.',
    });
    let createdId: string;

    it('reads one tie-up with its regions (200) with any key; 401, 400 malformed id, 404 unknown', async () => {
      const res = await request(t.http).get(`/api/tie-ups/${jenaHamamatsuId}`).set(...participant).expect(200);
      expect(res.body).toMatchObject({ name: JENA_HAMAMATSU, programme: 'JETRO Regional Industry Tie-Up (RIT) 2007', startsOn: '2007-04-01', endsOn: '2010-03-31' });
      expect(res.body.focusSectors).toEqual(expect.arrayContaining(['optics-photonics', 'ophthalmology', 'biotechnology']));
      expect(res.body.regions.map((r: { name: string }) => r.name)).toEqual(['Jena', 'Hamamatsu']);
      await request(t.http).get(`/api/tie-ups/${jenaHamamatsuId}`).expect(401);
      expect(fields((await request(t.http).get('/api/tie-ups/not-a-uuid').set(...admin).expect(400)).body)).toEqual(['id']);
      await request(t.http).get(`/api/tie-ups/${UNKNOWN}`).set(...admin).expect(404);
    });

    it('lets admins create a tie-up (201); organisers and participants get 403, no key 401', async () => {
      await request(t.http).post('/api/tie-ups').send(tieUp()).expect(401);
      await request(t.http).post('/api/tie-ups').set(...organiser).send(tieUp()).expect(403);
      await request(t.http).post('/api/tie-ups').set(...participant).send(tieUp()).expect(403);
      const res = await request(t.http).post('/api/tie-ups').set(...admin).send(tieUp()).expect(201);
      createdId = res.body.id;
      expect(res.body).toMatchObject({ name: 'Leipzig × Hamamatsu', focusSectors: ['optics-photonics', 'biotechnology'], startsOn: '2025-04-01', endsOn: '2028-03-31' });
      expect(res.body.regions.map((r: { name: string }) => r.name)).toEqual(['Leipzig', 'Hamamatsu']);
      const minimal = await request(t.http).post('/api/tie-ups').set(...admin).send({ name: 'Essen × Kobe', programme: 'Test', regionIds: [region.Essen, region.Kobe] }).expect(201);
      expect(minimal.body).toMatchObject({ focusSectors: [], startsOn: null, endsOn: null, description: '' });
      await request(t.http).delete(`/api/tie-ups/${minimal.body.id as string}`).set(...admin).expect(204);
    });

    it.each([
      ['one region only', () => ({ regionIds: [region.Leipzig] }), ['regionIds']],
      ['the same region twice', () => ({ regionIds: [region.Leipzig, region.Leipzig] }), ['regionIds']],
      ['an unknown region', () => ({ regionIds: [region.Leipzig, UNKNOWN] }), ['regionIds.1']],
      ['a malformed region id', () => ({ regionIds: [region.Leipzig, 'kobe'] }), ['regionIds']],
      ['an unknown focus sector', () => ({ focusSectors: ['optics-photonics', 'shipbuilding', 'biotechnology', 'alchemy'] }), ['focusSectors.1', 'focusSectors.3']],
      ['startsOn after endsOn', () => ({ startsOn: '2028-04-01', endsOn: '2028-03-31' }), ['endsOn']],
      ['an impossible date', () => ({ startsOn: '2025-02-30' }), ['startsOn']],
      ['a year PostgreSQL cannot store', () => ({ startsOn: '0000-01-01' }), ['startsOn']],
      ['a year before 1900', () => ({ endsOn: '0099-03-31' }), ['endsOn']],
      ['a date with a time', () => ({ endsOn: '2028-03-31T00:00:00Z' }), ['endsOn']],
      ['no programme', () => ({ programme: undefined }), ['programme']],
      ['a null description', () => ({ description: null }), ['description']],
    ])('answers 400 naming the field for %s', async (_, over, expected) => {
      const res = await request(t.http).post('/api/tie-ups').set(...admin).send({ ...tieUp(), name: 'Rejected', ...over() }).expect(400);
      expect(fields(res.body)).toEqual(expected);
      expect(await sql(t, "SELECT 1 FROM tie_ups WHERE name = 'Rejected'")).toEqual([]);
    });

    it('answers 409 for a duplicate name, whatever its case', async () => {
      const res = await request(t.http).post('/api/tie-ups').set(...admin).send({ ...tieUp(), name: 'JENA × HAMAMATSU' }).expect(409);
      expect(res.body).toMatchObject({ message: expect.stringContaining(JENA_HAMAMATSU), details: [{ field: 'name' }] });
    });

    it('updates a tie-up (200): regions and focus sectors replaced, dates cleared, other fields kept', async () => {
      const res = await request(t.http)
        .patch(`/api/tie-ups/${createdId}`)
        .set(...admin)
        .send({ regionIds: [region.Leipzig, region.Hamamatsu, region.Toyohashi], focusSectors: ['ophthalmology'], endsOn: null })
        .expect(200);
      expect(res.body).toMatchObject({ name: 'Leipzig × Hamamatsu', focusSectors: ['ophthalmology'], startsOn: '2025-04-01', endsOn: null, description: 'Photonics and biotech partnering.' });
      expect(res.body.regions.map((r: { name: string }) => r.name).sort()).toEqual(['Hamamatsu', 'Leipzig', 'Toyohashi']);
      const again = await request(t.http).get(`/api/tie-ups/${createdId}`).set(...organiser).expect(200);
      expect(again.body).toEqual(res.body);
    });

    it('rejects bad updates: 400 naming the field, 404, 403, 409', async () => {
      await request(t.http).patch(`/api/tie-ups/${createdId}`).set(...admin).send({ endsOn: '2026-01-01' }).expect(200);
      expect(fields((await request(t.http).patch(`/api/tie-ups/${createdId}`).set(...admin).send({ startsOn: '2027-01-01' }).expect(400)).body)).toEqual(['startsOn']);
      expect(fields((await request(t.http).patch(`/api/tie-ups/${createdId}`).set(...admin).send({ regionIds: [region.Kobe] }).expect(400)).body)).toEqual(['regionIds']);
      expect(fields((await request(t.http).patch(`/api/tie-ups/${createdId}`).set(...admin).send({ focusSectors: ['nope'] }).expect(400)).body)).toEqual(['focusSectors.0']);
      expect(fields((await request(t.http).patch(`/api/tie-ups/${createdId}`).set(...admin).send({ name: null }).expect(400)).body)).toEqual(['name']);
      await request(t.http).patch(`/api/tie-ups/${UNKNOWN}`).set(...admin).send({ name: 'x' }).expect(404);
      await request(t.http).patch(`/api/tie-ups/${createdId}`).set(...organiser).send({ name: 'x' }).expect(403);
      await request(t.http).patch(`/api/tie-ups/${createdId}`).set(...admin).send({ name: 'jena × hamamatsu' }).expect(409);
      const unchanged = await request(t.http).get(`/api/tie-ups/${createdId}`).set(...admin).expect(200);
      expect(unchanged.body).toMatchObject({ name: 'Leipzig × Hamamatsu', startsOn: '2025-04-01', endsOn: '2026-01-01', focusSectors: ['ophthalmology'] });
      expect(unchanged.body.regions).toHaveLength(3);
    });

    it('deletes a tie-up (204); events that referred to it keep going without one', async () => {
      await request(t.http).delete(`/api/tie-ups/${createdId}`).set(...organiser).expect(403);
      await request(t.http).delete(`/api/tie-ups/${createdId}`).expect(401);
      const [event] = await sql<{ id: string }>(t, 'SELECT id FROM events ORDER BY slug LIMIT 1');
      await sql(t, 'UPDATE events SET tie_up_id = $1 WHERE id = $2', [createdId, event.id]);
      await request(t.http).delete(`/api/tie-ups/${createdId}`).set(...admin).expect(204);
      await request(t.http).get(`/api/tie-ups/${createdId}`).set(...admin).expect(404);
      await request(t.http).delete(`/api/tie-ups/${createdId}`).set(...admin).expect(404);
      expect(await sql(t, 'SELECT tie_up_id FROM events WHERE id = $1', [event.id])).toEqual([{ tie_up_id: null }]);
      expect(await sql(t, 'SELECT 1 FROM tie_up_regions WHERE tie_up_id = $1', [createdId])).toEqual([]);
      // Its regions stay.
      await request(t.http).get(`/api/regions/${region.Toyohashi}`).set(...admin).expect(200);
    });
  });
});
