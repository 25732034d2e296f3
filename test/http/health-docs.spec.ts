import { PinoLogger } from 'nestjs-pino';
import request from 'supertest';
import { bearer, startTestApp, type TestApp } from '../support/test-app';

describe('health and API docs (HTTP)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ seedDemo: false });
  });
  afterAll(() => t?.close());

  it('GET /health answers 200 without a key, with database and queue state', async () => {
    const res = await request(t.http).get('/health').expect(200);
    expect(res.body.status).toBe('ok');
    expect(res.body.info.database).toMatchObject({ status: 'up', kind: t.config.database.kind });
    expect(res.body.info.queue).toMatchObject({ status: 'up', driver: 'inline', consuming: true });
    expect(res.body.info.queue.queues.maintenance).toEqual(expect.objectContaining({ waiting: 0, active: 0 }));
  });

  it('serves the OpenAPI UI at /docs without a key', async () => {
    const res = await request(t.http).get('/docs').redirects(1).expect(200);
    expect(res.text).toContain('swagger-ui');
  });

  it('lists the routes in /docs-json with bearer auth', async () => {
    const res = await request(t.http).get('/docs-json').expect(200);
    const paths = Object.keys(res.body.paths as object);
    expect(paths).toEqual(
      expect.arrayContaining(['/health', '/api/events', '/api/events/{event}', '/api/admin/api-keys', '/api/admin/api-keys/{id}', '/api/me', '/api/regions', '/api/tie-ups', '/api/admin/jobs/probe']),
    );
    expect(res.body.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(res.body.paths['/api/admin/api-keys'].post.requestBody).toBeDefined();
  });

  it('answers unknown routes with the JSON error shape and a request id', async () => {
    const res = await request(t.http).get('/api/nope').set('x-request-id', 'req-abc-123').expect(404);
    expect(res.body).toMatchObject({ statusCode: 404, error: 'Not Found', requestId: 'req-abc-123' });
    expect(res.headers['x-request-id']).toBe('req-abc-123');
  });

  it('answers errors of CSV and calendar routes as JSON, not as the file type the route serves', async () => {
    for (const file of ['agenda.ics', 'agenda.csv']) {
      const res = await request(t.http).get(`/api/events/no-such-event/participants/00000000-0000-4000-8000-000000000000/${file}`).set(...bearer(t.adminKey)).expect(404);
      expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
      expect(res.body).toMatchObject({ statusCode: 404, error: 'Not Found' });
    }
  });

  it('generates a request id when none is sent', async () => {
    const res = await request(t.http).get('/health').expect(200);
    expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  describe('bodies that fail to parse get the standard error shape and a request id', () => {
    const post = (id?: string) => {
      const req = request(t.http).post('/api/events').set(...bearer(t.adminKey)).set('Content-Type', 'application/json');
      return id ? req.set('x-request-id', id) : req;
    };
    const expectShape = (res: request.Response, statusCode: number, message: string | RegExp) => {
      expect(res.body).toMatchObject({ statusCode, error: expect.any(String), message, details: [{ field: 'body', messages: [expect.any(String)] }] });
      expect(res.body.requestId).toEqual(expect.any(String));
      expect(res.headers['x-request-id']).toBe(res.body.requestId);
    };

    it('invalid JSON: 400, naming the body', async () => {
      const res = await post('req-bad-json').send('{bad').expect(400);
      expectShape(res, 400, 'Request body is not valid JSON');
      expect(res.body.requestId).toBe('req-bad-json');
      expect(res.body.details[0].messages[0]).toMatch(/^not valid JSON: /);
    });

    it('a body that is not what its Content-Encoding says: 400, with a generated id', async () => {
      const res = await post().set('Content-Encoding', 'gzip').send('{"name":"x"}').expect(400);
      expectShape(res, 400, 'Request body does not match its Content-Encoding');
      expect(res.body.requestId).toMatch(/^[0-9a-f-]{36}$/);
    });

    it('an unknown Content-Encoding: 415', async () => {
      const res = await post().set('Content-Encoding', 'snappy').send('{}').expect(415);
      expectShape(res, 415, /Content-Encoding "snappy" is not supported/);
    });

    it('writes the access-log line pino-http would have, once, and none for requests it logs itself', async () => {
      const lines: { obj: Record<string, unknown>; msg: string }[] = [];
      const spy = jest.spyOn(PinoLogger.root, 'info').mockImplementation(((obj: Record<string, unknown>, msg: string) => lines.push({ obj, msg })) as never);
      try {
        await post('req-logged').send('{bad').expect(400);
        await request(t.http).get('/health').set('x-request-id', 'req-routed').expect(200);
        await new Promise((r) => setImmediate(r));
      } finally {
        spy.mockRestore();
      }
      const early = lines.filter((l) => l.obj.beforeRouting === true);
      expect(early).toHaveLength(1);
      expect(early[0].msg).toBe('request completed');
      expect(early[0].obj).toMatchObject({ service: 'tieup-match', req: expect.objectContaining({ id: 'req-logged', method: 'POST' }), res: expect.objectContaining({ statusCode: 400 }), responseTime: expect.any(Number) });
    });

    it('a body over the limit: 413', async () => {
      const res = await post().send(`{"name":"${'x'.repeat(26 * 1024 * 1024)}"}`).expect(413);
      expectShape(res, 413, /Request body is too large/);
    });
  });

  // PostgreSQL text cannot hold U+0000: in any field of any route it is a 400 naming the field, never a 500.
  it('refuses a NUL character in any body or query field, naming it', async () => {
    const admin = bearer(t.adminKey);
    const event = await request(t.http)
      .post('/api/events')
      .set(...admin)
      .send({ slug: 'nul-day', name: 'Day\u0000', timeZone: 'Europe/Berlin', startsOn: '2027-03-10', days: [{ date: '2027-03-10', sessions: [{ name: 'mor\u0000ning', start: '09:00', end: '12:00' }] }] })
      .expect(400);
    expect(event.body.details).toEqual([
      { field: 'name', messages: ['must not contain the NUL character (\\u0000)'] },
      { field: 'days.0.sessions.0.name', messages: ['must not contain the NUL character (\\u0000)'] },
    ]);
    const region = await request(t.http).post('/api/regions').set(...admin).send({ name: 'Jena\u0000', country: 'DE', timeZone: 'Europe/Berlin' }).expect(400);
    expect(region.body.details).toEqual([{ field: 'name', messages: ['must not contain the NUL character (\\u0000)'] }]);
    const query = await request(t.http).get('/api/taxonomy/search').query({ q: 'optik\u0000' }).set(...admin).expect(400);
    expect(query.body.details.map((d: { field: string }) => d.field)).toEqual(['q']);
    await request(t.http).get('/api/events/nul-day').set(...admin).expect(404);
  });
});
