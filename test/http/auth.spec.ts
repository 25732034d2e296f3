import request from 'supertest';
import { bearer, sql, startTestApp, type TestApp } from '../support/test-app';

const MEDICA = 'medica-2007-hamamatsu-jena';

describe('access control (HTTP)', () => {
  let t: TestApp;
  let admin: [string, string];
  beforeAll(async () => {
    t = await startTestApp();
    admin = bearer(t.adminKey);
  });
  afterAll(() => t?.close());

  async function createKey(body: Record<string, unknown>): Promise<{ key: string; apiKey: { id: string } }> {
    const res = await request(t.http).post('/api/admin/api-keys').set(...admin).send(body).expect(201);
    return res.body;
  }

  async function someOrganisationId(event: string): Promise<string> {
    // A participant of the event, found through the database the app uses.
    const rows: { organisation_id: string }[] = await sql(t,
      'SELECT ep.organisation_id FROM event_participants ep JOIN events e ON e.id = ep.event_id WHERE e.slug = $1 LIMIT 1', [event]);
    return rows[0].organisation_id;
  }

  it('rejects a request without a key with 401 and a WWW-Authenticate-free JSON error', async () => {
    const res = await request(t.http).get('/api/events').expect(401);
    expect(res.body).toMatchObject({ statusCode: 401, error: 'Unauthorized', message: expect.stringContaining('Bearer') });
  });

  it('rejects an unknown key and a malformed header with 401', async () => {
    await request(t.http).get('/api/events').set(...bearer('tum_not-a-real-key')).expect(401);
    await request(t.http).get('/api/events').set('Authorization', `Basic ${t.adminKey}`).expect(401);
  });

  it('accepts the ADMIN_API_KEY from boot on', async () => {
    const res = await request(t.http).get('/api/me').set(...admin).expect(200);
    expect(res.body).toMatchObject({ role: 'admin', name: 'ADMIN_API_KEY' });
  });

  it('lets an admin create keys, shown once and stored only as a hash', async () => {
    const { key, apiKey } = await createKey({ name: '  ops  ', role: 'admin' });
    expect(key).toMatch(/^tum_/);
    const list = await request(t.http).get('/api/admin/api-keys').set(...admin).expect(200);
    const listed = (list.body as { id: string; name: string; keyPrefix: string }[]).find((k) => k.id === apiKey.id)!;
    expect(listed.name).toBe('ops');
    expect(listed.keyPrefix).toBe(key.slice(0, 10));
    expect(JSON.stringify(list.body)).not.toContain(key);
    const stored: { key_hash: string }[] = await sql(t, 'SELECT key_hash FROM api_keys WHERE id = $1', [apiKey.id]);
    expect(stored[0].key_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(stored[0].key_hash).not.toContain(key);
  });

  it('forbids admin routes to organisers and participants with 403', async () => {
    const organiser = await createKey({ name: 'org', role: 'organiser', eventSlugs: [MEDICA] });
    const participant = await createKey({ name: 'p', role: 'participant', organisationId: await someOrganisationId(MEDICA) });
    for (const key of [organiser.key, participant.key]) {
      const res = await request(t.http).get('/api/admin/api-keys').set(...bearer(key)).expect(403);
      expect(res.body.message).toContain('may not use this route');
      await request(t.http).post('/api/admin/jobs/probe').set(...bearer(key)).expect(403);
    }
  });

  it('scopes organisers to the events they organise', async () => {
    const scoped = await createKey({ name: 'medica team', role: 'organiser', eventSlugs: [MEDICA] });
    const unscoped = await createKey({ name: 'other team', role: 'organiser' });
    const mine = await request(t.http).get('/api/events').set(...bearer(scoped.key)).expect(200);
    expect(mine.body.map((e: { slug: string }) => e.slug)).toEqual([MEDICA]);
    await request(t.http).get(`/api/events/${MEDICA}`).set(...bearer(scoped.key)).expect(200);
    const none = await request(t.http).get('/api/events').set(...bearer(unscoped.key)).expect(200);
    expect(none.body).toEqual([]);
    await request(t.http).get(`/api/events/${MEDICA}`).set(...bearer(unscoped.key)).expect(404);
  });

  it('lets an admin give an organiser key another event and take it away again', async () => {
    const slug = 'grant-test-day';
    await request(t.http).post('/api/events').set(...admin).send({ slug, name: 'Grant test day', timeZone: 'Europe/Berlin', startsOn: '2026-05-04', endsOn: '2026-05-04' }).expect(201);
    const team = await createKey({ name: 'medica organisers', role: 'organiser', eventSlugs: [MEDICA] });
    const url = `/api/admin/api-keys/${team.apiKey.id}/events/${slug}`;
    await request(t.http).get(`/api/events/${slug}`).set(...bearer(team.key)).expect(404);

    await request(t.http).put(url).expect(401);
    await request(t.http).put(url).set(...bearer(team.key)).expect(403);
    const granted = await request(t.http).put(url).set(...admin).expect(200);
    expect(granted.body).toMatchObject({ id: team.apiKey.id, role: 'organiser', eventSlugs: [slug, MEDICA].sort() });
    expect((await request(t.http).put(url).set(...admin).expect(200)).body.eventSlugs).toEqual([slug, MEDICA].sort());
    await request(t.http).get(`/api/events/${slug}`).set(...bearer(team.key)).expect(200);
    const seen = await request(t.http).get('/api/events').set(...bearer(team.key)).expect(200);
    expect(seen.body.map((e: { slug: string }) => e.slug).sort()).toEqual([slug, MEDICA].sort());

    // Unknown key or event: 404; malformed: 400 naming the part; not an organiser key, or revoked: 400 naming id.
    await request(t.http).put(`/api/admin/api-keys/00000000-0000-4000-8000-000000000000/events/${slug}`).set(...admin).expect(404);
    await request(t.http).put(`/api/admin/api-keys/${team.apiKey.id}/events/no-such-event`).set(...admin).expect(404);
    expect((await request(t.http).put(`/api/admin/api-keys/${team.apiKey.id}/events/Bad_Slug`).set(...admin).expect(400)).body.details[0].field).toBe('event');
    expect((await request(t.http).put(`/api/admin/api-keys/123/events/${slug}`).set(...admin).expect(400)).body.details).toEqual([{ field: 'id', messages: ['must be a UUID'] }]);
    expect((await request(t.http).delete(`/api/admin/api-keys/123/events/${slug}`).set(...admin).expect(400)).body.details).toEqual([{ field: 'id', messages: ['must be a UUID'] }]);
    const ops = await createKey({ name: 'ops team', role: 'admin' });
    const notOrganiser = await request(t.http).put(`/api/admin/api-keys/${ops.apiKey.id}/events/${slug}`).set(...admin).expect(400);
    expect(notOrganiser.body.details).toEqual([{ field: 'id', messages: [expect.stringContaining('has role admin')] }]);
    const gone = await createKey({ name: 'former organisers', role: 'organiser' });
    await request(t.http).delete(`/api/admin/api-keys/${gone.apiKey.id}`).set(...admin).expect(200);
    const revoked = await request(t.http).put(`/api/admin/api-keys/${gone.apiKey.id}/events/${slug}`).set(...admin).expect(400);
    expect(revoked.body.details).toEqual([{ field: 'id', messages: [expect.stringContaining('revoked')] }]);
    const links: { n: string }[] = await sql(t, 'SELECT count(*) AS n FROM event_organisers WHERE api_key_id = ANY($1::uuid[])', [[ops.apiKey.id, gone.apiKey.id]]);
    expect(Number(links[0].n)).toBe(0);

    await request(t.http).delete(url).set(...bearer(team.key)).expect(403);
    const withdrawn = await request(t.http).delete(url).set(...admin).expect(200);
    expect(withdrawn.body.eventSlugs).toEqual([MEDICA]);
    expect((await request(t.http).delete(url).set(...admin).expect(200)).body.eventSlugs).toEqual([MEDICA]);
    await request(t.http).get(`/api/events/${slug}`).set(...bearer(team.key)).expect(404);
    await request(t.http).get(`/api/events/${MEDICA}`).set(...bearer(team.key)).expect(200);
  });

  it('binds participants to their organisation: they see only events it takes part in', async () => {
    const orgId = await someOrganisationId(MEDICA);
    const p = await createKey({ name: 'company', role: 'participant', organisationId: orgId });
    const res = await request(t.http).get('/api/events').set(...bearer(p.key)).expect(200);
    const slugs = res.body.map((e: { slug: string }) => e.slug);
    expect(slugs).toContain(MEDICA);
    const all = await request(t.http).get('/api/events').set(...admin).expect(200);
    expect(all.body.length).toBeGreaterThan(slugs.length);
    const me = await request(t.http).get('/api/me').set(...bearer(p.key)).expect(200);
    expect(me.body).toMatchObject({ role: 'participant', organisationId: orgId });
  });

  it('revokes keys: a revoked key gets 401', async () => {
    const k = await createKey({ name: 'temp', role: 'organiser' });
    await request(t.http).get('/api/me').set(...bearer(k.key)).expect(200);
    const res = await request(t.http).delete(`/api/admin/api-keys/${k.apiKey.id}`).set(...admin).expect(200);
    expect(res.body.revokedAt).not.toBeNull();
    await request(t.http).get('/api/me').set(...bearer(k.key)).expect(401);
  });

  it('refuses to revoke the ADMIN_API_KEY key through the API', async () => {
    const me = await request(t.http).get('/api/me').set(...admin).expect(200);
    await request(t.http).delete(`/api/admin/api-keys/${me.body.keyId}`).set(...admin).expect(400);
  });

  describe('validation', () => {
    it.each([
      [{ name: 'x', role: 'superuser' }, 'role'],
      [{ role: 'admin' }, 'name'],
      [{ name: '   ', role: 'admin' }, 'name'],
      [{ name: '', role: 'admin' }, 'name'],
      [{ name: 'a\u0000b', role: 'admin' }, 'name'],
      [{ name: 'x', role: 'admin', colour: 'red' }, 'colour'],
      [{ name: 'x', role: 'participant' }, 'organisationId'],
      [{ name: 'x', role: 'participant', organisationId: 'not-a-uuid' }, 'organisationId'],
      [{ name: 'x', role: 'participant', organisationId: '00000000-0000-4000-8000-000000000000' }, 'organisationId'],
      [{ name: 'x', role: 'organiser', eventSlugs: ['no-such-event'] }, 'eventSlugs'],
      [{ name: 'x', role: 'organiser', eventSlugs: ['Bad Slug!'] }, 'eventSlugs'],
      [{ name: 'x', role: 'admin', eventSlugs: [MEDICA] }, 'eventSlugs'],
    ])('answers 400 naming the field for %j', async (body, field) => {
      const res = await request(t.http).post('/api/admin/api-keys').set(...admin).send(body).expect(400);
      expect(res.body.statusCode).toBe(400);
      expect(res.body.message).toContain(field);
      expect(res.body.details.map((d: { field: string }) => d.field)).toContain(field);
    });

    it('answers 400 for malformed JSON', async () => {
      const res = await request(t.http).post('/api/admin/api-keys').set(...admin).set('Content-Type', 'application/json').send('{"name":').expect(400);
      expect(res.body.message).toContain('JSON');
    });

    it('answers 400 for a malformed id or slug in the path', async () => {
      const a = await request(t.http).delete('/api/admin/api-keys/123').set(...admin).expect(400);
      expect(a.body).toMatchObject({ message: 'Invalid id: must be a UUID', details: [{ field: 'id', messages: ['must be a UUID'] }] });
      const b = await request(t.http).get('/api/events/NOT_A_SLUG').set(...admin).expect(400);
      expect(b.body.details[0].field).toBe('event');
    });

    it('answers 400 naming the query field', async () => {
      const res = await request(t.http).get('/api/admin/jobs?limit=9999').set(...admin).expect(400);
      expect(res.body.details[0].field).toBe('limit');
    });
  });
});
