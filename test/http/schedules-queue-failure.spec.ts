import IORedis from 'ioredis';
import request from 'supertest';
import { redisUrlOrSkip } from '../support/services';
import { bearer, sql, startTestApp, type TestApp } from '../support/test-app';

const redisUrl = redisUrlOrSkip('a schedule run whose job Redis refuses, on BullMQ');
const withRedis = redisUrl ? describe : describe.skip;

withRedis('a schedule run whose job cannot be queued (HTTP, BullMQ)', () => {
  let t: TestApp;
  let redis: IORedis;
  let organiser: [string, string];
  let ev: string;
  let metaKey: string;
  const SLUG = 'queue-refused-day';
  const base = `/api/events/${SLUG}`;

  const runs = () => sql<{ id: string; status: string; error: string | null }>(t, 'SELECT id, status, error FROM schedules WHERE event_id = $1 ORDER BY created_at, id', [ev]);

  beforeAll(async () => {
    t = await startTestApp({ redisUrl: redisUrl! });
    redis = new IORedis(redisUrl!, { maxRetriesPerRequest: 1 });
    if (t.config.queue.kind !== 'redis') throw new Error('the test app should queue on Redis');
    metaKey = `${t.config.queue.prefix}:scheduling:meta`;
    const admin = bearer(t.adminKey);
    organiser = bearer((await request(t.http).post('/api/admin/api-keys').set(...admin).send({ name: 'team', role: 'organiser' }).expect(201)).body.key as string);
    const orgs = await sql<{ id: string }>(t, 'SELECT id FROM organisations ORDER BY id LIMIT 2');
    const created = await request(t.http)
      .post('/api/events')
      .set(...organiser)
      .send({ slug: SLUG, name: 'Queue refused day', timeZone: 'Europe/Berlin', startsOn: '2026-05-12', endsOn: '2026-05-12', tables: 1, meetingRule: 'any', days: [{ date: '2026-05-12', sessions: [{ name: 'morning', start: '09:00', end: '10:00' }] }] })
      .expect(201);
    ev = created.body.id as string;
    await request(t.http).post(`${base}/participants`).set(...organiser).send({ participants: orgs.map((o) => ({ organisationId: o.id })) }).expect(201);
    const [{ id }] = await sql<{ id: string }>(t, `INSERT INTO pair_selections (event_id, report) VALUES ($1, '{}') RETURNING id`, [ev]);
    await sql(t, `INSERT INTO selected_pairs (selection_id, event_id, organisation_a, organisation_b, score, kind) VALUES ($1, $2, $3, $4, 0.5, 'suggested')`, [id, ev, orgs[0].id, orgs[1].id]);
  });
  afterAll(async () => {
    await redis?.del(metaKey);
    redis?.disconnect();
    await t?.close();
  });

  it('marks the run failed and answers 503, so the next request is not held up by it', async () => {
    // Redis refuses the job: the scheduling queue's metadata key holds a value of the wrong type.
    await redis.del(metaKey);
    await redis.set(metaKey, 'not a hash');
    try {
      const refused = await request(t.http).post(`${base}/schedules`).set(...organiser).send({ timeLimitMs: 200 }).expect(503);
      const [first] = await runs();
      expect(refused.body.message).toBe(`Schedule ${first.id} could not be queued (the job queue is unavailable); it is marked failed, try again later`);
      expect(first.status).toBe('failed');
      expect(first.error).toMatch(/^could not be queued: WRONGTYPE/);
      // Still refused: the failed run does not count as one under way (no 409).
      await request(t.http).post(`${base}/schedules`).set(...organiser).send({ timeLimitMs: 200 }).expect(503);
      expect((await runs()).map((r) => r.status)).toEqual(['failed', 'failed']);
    } finally {
      await redis.del(metaKey);
    }
    // Redis takes jobs again: the next request runs.
    const accepted = await request(t.http).post(`${base}/schedules`).set(...organiser).send({ timeLimitMs: 200 }).expect(202);
    for (let i = 0; ; i++) {
      const got = await request(t.http).get(`${base}/schedules/${accepted.body.id as string}`).set(...organiser).expect(200);
      if (got.body.status === 'draft') break;
      if (i >= 300 || got.body.status === 'failed') throw new Error(`the run ended ${got.body.status as string}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  });
});
