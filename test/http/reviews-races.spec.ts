import request from 'supertest';
import { DataSource, type QueryRunner } from 'typeorm';
import { bearer, sql, startTestApp, type TestApp } from '../support/test-app';

const MEDICA = 'medica-2007-hamamatsu-jena';
const base = `/api/events/${MEDICA}`;

/**
 * Review writes that meet at the same moment, made to interleave by a row lock the test holds: each
 * must end in an answer the API documents (never a 500 from a deadlock), and nothing may be lost.
 */
describe('company review: concurrent writes (HTTP)', () => {
  let t: TestApp;
  let organiser: [string, string];
  let eventId: string;
  let orgs: string[];
  const keys = new Map<string, [string, string]>();
  const as = (org: string): [string, string] => keys.get(org)!;
  const marks = (org: string) => `${base}/participants/${org}/marks`;
  const requests = (org: string) => `${base}/participants/${org}/requests`;
  const mark = (by: string, whom: string, m: string) => request(t.http).put(`${marks(by)}/${whom}`).set(...as(by)).send({ mark: m });
  const send = (from: string, to: string) => request(t.http).post(requests(from)).set(...as(from)).send({ to });
  const statusOf = async (id: string): Promise<string> => (await sql<{ status: string }>(t, 'SELECT status FROM meeting_requests WHERE id = $1', [id]))[0].status;

  /**
   * Starts a call and returns (its response to come) once `waiting` statements of the test database wait
   * for a lock (only statements containing `statement`, when given: jobs of earlier tests may wait too).
   */
  const startBehindLocks = async (call: () => request.Test, waiting: number, statement = ''): Promise<{ response: Promise<request.Response> }> => {
    let done = false;
    const response = call().then((r) => {
      done = true;
      return r;
    });
    for (let i = 0; ; i++) {
      const [{ n }] = await sql<{ n: number }>(t, `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND strpos(query, $1) > 0`, [statement]);
      if (n >= waiting) break;
      // Not awaiting a response still to come: it may wait for a lock the test holds.
      if (i >= 200 || done) throw new Error(`the call did not wait for a lock${done ? ` (${(await response).status})` : ''}`);
      await new Promise((r) => setTimeout(r, 25));
    }
    return { response };
  };
  let runner: QueryRunner;
  /** Holds a row lock in a transaction of the test's own until `release`. */
  const hold = async (query: string, params: unknown[]): Promise<void> => {
    await runner.startTransaction();
    expect(await runner.query(query, params)).toHaveLength(1);
  };
  const release = () => runner.rollbackTransaction();

  beforeAll(async () => {
    t = await startTestApp();
    const admin = bearer(t.adminKey);
    const key = async (body: object) => bearer((await request(t.http).post('/api/admin/api-keys').set(...admin).send(body).expect(201)).body.key as string);
    const members = await sql<{ id: string; event_id: string }>(
      t,
      'SELECT ep.organisation_id AS id, ep.event_id FROM event_participants ep JOIN events e ON e.id = ep.event_id WHERE e.slug = $1 ORDER BY 1',
      [MEDICA],
    );
    eventId = members[0].event_id;
    orgs = members.map((m) => m.id);
    organiser = await key({ name: 'medica team', role: 'organiser', eventSlugs: [MEDICA] });
    for (const org of orgs.slice(0, 10)) keys.set(org, await key({ name: `company ${org.slice(0, 8)}`, role: 'participant', organisationId: org }));
    // Any pair may meet: these tests are about timing, not the who-meets-whom rule.
    await request(t.http).patch(base).set(...organiser).send({ meetingRuleMode: 'preferred' }).expect(200);
    runner = t.app.get(DataSource).createQueryRunner();
    await runner.connect();
  });
  afterAll(async () => {
    if (runner?.isTransactionActive) await runner.rollbackTransaction();
    await runner?.release();
    await t?.close();
  });

  it('two companies interested in each other sending each other a request at once: one is sent, the other answered 409', async () => {
    const [x, y] = orgs;
    await mark(x, y, 'interested').expect(200);
    await mark(y, x, 'must-meet').expect(200);
    // x's request gets as far as x's mark and waits there; y's request then starts.
    await hold('SELECT 1 FROM review_marks WHERE event_id = $1 AND organisation_id = $2 AND candidate_id = $3 FOR UPDATE', [eventId, x, y]);
    const fromX = await startBehindLocks(() => send(x, y), 1);
    const fromY = await startBehindLocks(() => send(y, x), 2);
    await release();
    const [sent, crossing] = await Promise.all([fromX.response, fromY.response]);
    expect([sent.status, crossing.status]).toEqual([201, 409]);
    expect(crossing.body.details).toEqual([{ field: 'to', messages: ['already requested'] }]);
    expect(await sql(t, 'SELECT 1 FROM meeting_requests WHERE event_id = $1 AND from_organisation_id = ANY($2::uuid[]) AND to_organisation_id = ANY($2::uuid[])', [eventId, [x, y]])).toHaveLength(1);
  });

  it('a recipient accepting while the sender marks it not-interested: both answered, the meeting is off', async () => {
    const [, , x, y] = orgs;
    await mark(x, y, 'interested').expect(200);
    const sent = (await send(x, y).expect(201)).body as { id: string };
    // The accept takes the pair and waits for the event row; the mark then starts (and waits for the pair).
    await hold('SELECT 1 FROM events WHERE id = $1 FOR UPDATE', [eventId]);
    const accepting = await startBehindLocks(() => request(t.http).post(`${requests(y)}/${sent.id}/accept`).set(...as(y)), 1);
    const marking = await startBehindLocks(() => mark(x, y, 'not-interested'), 2);
    await release();
    const [accepted, marked] = await Promise.all([accepting.response, marking.response]);
    expect(accepted.status).toBe(200);
    expect(marked.status).toBe(200);
    // The mark came second, so it called off the meeting just accepted.
    expect(await statusOf(sent.id)).toBe('cancelled');
    expect((await request(t.http).get(`${base}/participants/${y}/confirmed`).set(...as(y)).expect(200)).body.partners).toEqual([]);
  });

  it('an organiser forbidding a pair while its request is accepted: both answered, the request cancelled', async () => {
    const [, , , , x, y] = orgs;
    await request(t.http).put(`${base}/pairs/${x}/${y}`).set(...organiser).send({ state: 'forced' }).expect(200);
    const sent = (await send(x, y).expect(201)).body as { id: string };
    await hold('SELECT 1 FROM events WHERE id = $1 FOR UPDATE', [eventId]);
    const accepting = await startBehindLocks(() => request(t.http).post(`${requests(y)}/${sent.id}/accept`).set(...as(y)), 1);
    const forbidding = await startBehindLocks(() => request(t.http).put(`${base}/pairs/${x}/${y}`).set(...organiser).send({ state: 'forbidden' }), 2);
    await release();
    const [accepted, forbidden] = await Promise.all([accepting.response, forbidding.response]);
    expect(accepted.status).toBe(200);
    expect(forbidden.status).toBe(200);
    expect(await statusOf(sent.id)).toBe('cancelled');
  });

  it('deleting the sender\'s profile while the recipient accepts its request: the delete lands, the accept answers 404, no deadlock', async () => {
    const [, , , , , , x, y] = orgs;
    const sent = (await send(x, y).expect(201)).body as { id: string };
    // The delete locks the event row and waits at the organisation row, before its cascade reaches the
    // request; the accept then starts. Accepting locked the request row before the event row, so the
    // cascade and the accept waited on each other (one ended in a deadlock, a 500).
    await hold('SELECT 1 FROM organisations WHERE id = $1 FOR KEY SHARE', [x]);
    const deleting = await startBehindLocks(() => request(t.http).delete(`/api/profiles/${x}`).set(...bearer(t.adminKey)), 1, 'DELETE FROM "organisations"');
    const accepting = await startBehindLocks(() => request(t.http).post(`${requests(y)}/${sent.id}/accept`).set(...as(y)), 1, 'FROM events WHERE id = $1 FOR SHARE');
    await release();
    const [deleted, accepted] = await Promise.all([deleting.response, accepting.response]);
    expect(deleted.status).toBe(204);
    expect(accepted.status).toBe(404);
    expect(accepted.body.message).toBe(`Request ${sent.id} not found`);
    expect(await sql(t, 'SELECT 1 FROM meeting_requests WHERE id = $1', [sent.id])).toEqual([]);
  });

  it('every write about a pair waits for the event row before it locks a row of the pair (as the event\'s writers lock them after it)', async () => {
    const [, , , , , , , , p, q] = orgs;
    const [lo, hi] = p < q ? [p, q] : [q, p];
    /** Fails (55P03) when the write behind the event row lock already holds a request, mark, decision or participant row of the pair. */
    const pairRowsFree = async (): Promise<void> => {
      const pair = [eventId, [p, q]];
      await sql(t, 'SELECT 1 FROM meeting_requests WHERE event_id = $1 AND from_organisation_id = ANY($2::uuid[]) AND to_organisation_id = ANY($2::uuid[]) FOR UPDATE NOWAIT', pair);
      await sql(t, 'SELECT 1 FROM review_marks WHERE event_id = $1 AND organisation_id = ANY($2::uuid[]) AND candidate_id = ANY($2::uuid[]) FOR UPDATE NOWAIT', pair);
      await sql(t, 'SELECT 1 FROM review_pair_rules WHERE event_id = $1 AND organisation_a = $2 AND organisation_b = $3 FOR UPDATE NOWAIT', [eventId, lo, hi]);
      await sql(t, 'SELECT 1 FROM event_participants WHERE event_id = $1 AND organisation_id = ANY($2::uuid[]) FOR UPDATE NOWAIT', pair);
    };
    const behindEventLock = async (call: () => request.Test): Promise<request.Response> => {
      await hold('SELECT 1 FROM events WHERE id = $1 FOR UPDATE', [eventId]);
      try {
        const write = await startBehindLocks(call, 1, 'FROM events WHERE id = $1 FOR SHARE');
        await pairRowsFree();
        await release();
        return await write.response;
      } finally {
        if (runner.isTransactionActive) await release();
      }
    };
    const actOn = (org: string, id: string, action: string) => () => request(t.http).post(`${requests(org)}/${id}/${action}`).set(...as(org));
    await request(t.http).put(`${base}/pairs/${p}/${q}`).set(...organiser).send({ state: 'forced' }).expect(200);
    await mark(p, q, 'interested').expect(200);
    await mark(q, p, 'interested').expect(200);
    const first = (await send(p, q).expect(201)).body as { id: string };

    expect((await behindEventLock(actOn(q, first.id, 'accept'))).status).toBe(200);
    expect((await behindEventLock(actOn(p, first.id, 'cancel'))).status).toBe(200);
    const second = (await send(p, q).expect(201)).body as { id: string };
    expect((await behindEventLock(actOn(q, second.id, 'decline'))).status).toBe(200);
    const third = await behindEventLock(() => send(p, q));
    expect(third.status).toBe(201);
    expect((await behindEventLock(() => mark(q, p, 'not-interested'))).status).toBe(200);
    expect((await behindEventLock(() => request(t.http).put(`${base}/pairs/${p}/${q}`).set(...organiser).send({ state: 'forbidden' }))).status).toBe(200);
    expect([await statusOf(first.id), await statusOf(second.id), await statusOf((third.body as { id: string }).id)]).toEqual(['cancelled', 'declined', 'declined']);
  });

  it('two organisers changing different review settings at once: both changes are kept', async () => {
    await request(t.http).put(`${base}/review-settings`).set(...organiser).send({ autoAcceptRequests: false, requestTtlHours: 72, maxOpenRequests: 10 }).expect(200);
    await hold('SELECT 1 FROM review_settings WHERE event_id = $1 FOR UPDATE', [eventId]);
    const put = (body: object) => () => request(t.http).put(`${base}/review-settings`).set(...organiser).send(body);
    const first = await startBehindLocks(put({ autoAcceptRequests: true }), 1);
    const second = await startBehindLocks(put({ requestTtlHours: 5 }), 2);
    await release();
    for (const res of await Promise.all([first.response, second.response])) expect(res.status).toBe(200);
    expect((await request(t.http).get(`${base}/review-settings`).set(...organiser).expect(200)).body).toMatchObject({ autoAcceptRequests: true, requestTtlHours: 5, maxOpenRequests: 10 });
  });
});
