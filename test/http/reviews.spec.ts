import request from 'supertest';
import { QueueService } from '../../src/infra/queue/queue.service';
import { JobName } from '../../src/infra/queue/queue.contract';
import { ReviewsRepository } from '../../src/reviews/reviews.repository';
import { declineKey, pairKey } from '../../src/scoring/core';
import { bearer, sql, startTestApp, type TestApp } from '../support/test-app';

const MEDICA = 'medica-2007-hamamatsu-jena';
const base = `/api/events/${MEDICA}`;

describe('company review: marks, meeting requests, pair decisions and demand (HTTP)', () => {
  let t: TestApp;
  let admin: [string, string];
  let organiser: [string, string];
  let otherOrganiser: [string, string];
  /** Participant keys by organisation id. */
  const keys = new Map<string, [string, string]>();
  let eventId: string;
  let orgs: string[];
  let outsider: string;
  let reviews: ReviewsRepository;
  let key: (body: object) => Promise<[string, string]>;

  const as = (org: string): [string, string] => keys.get(org)!;
  const marks = (org: string) => `${base}/participants/${org}/marks`;
  const requests = (org: string) => `${base}/participants/${org}/requests`;
  const send = (from: string, to: string, key = as(from)) => request(t.http).post(requests(from)).set(...key).send({ to, message: 'Guten Tag' });
  const act = (org: string, id: string, action: 'accept' | 'decline' | 'cancel', key = as(org)) => request(t.http).post(`${requests(org)}/${id}/${action}`).set(...key);
  const settings = (body: object) => request(t.http).put(`${base}/review-settings`).set(...organiser).send(body);

  beforeAll(async () => {
    t = await startTestApp();
    admin = bearer(t.adminKey);
    key = async (body: object) => bearer((await request(t.http).post('/api/admin/api-keys').set(...admin).send(body).expect(201)).body.key as string);
    const members = await sql<{ id: string; event_id: string }>(
      t,
      'SELECT ep.organisation_id AS id, ep.event_id FROM event_participants ep JOIN events e ON e.id = ep.event_id WHERE e.slug = $1 ORDER BY 1',
      [MEDICA],
    );
    eventId = members[0].event_id;
    orgs = members.map((m) => m.id);
    expect(orgs.length).toBeGreaterThanOrEqual(14);
    [{ id: outsider }] = await sql<{ id: string }>(t, 'SELECT o.id FROM organisations o WHERE NOT EXISTS (SELECT 1 FROM event_participants ep WHERE ep.event_id = $1 AND ep.organisation_id = o.id) LIMIT 1', [
      eventId,
    ]);
    organiser = await key({ name: 'medica team', role: 'organiser', eventSlugs: [MEDICA] });
    otherOrganiser = await key({ name: 'other team', role: 'organiser' });
    for (const org of orgs.slice(0, 12)) keys.set(org, await key({ name: `company ${org.slice(0, 8)}`, role: 'participant', organisationId: org }));
    reviews = t.app.get(ReviewsRepository);
    // The participants are taken in id order, so the pairs below mix German and Japanese companies at
    // random; the event's cross-country rule only scores here. Its refusals are tested at the end,
    // with the rule required.
    await request(t.http).patch(base).set(...organiser).send({ meetingRuleMode: 'preferred' }).expect(200);
  });
  afterAll(() => t?.close());

  describe('marks', () => {
    it('lets a company mark candidates; mutual interest makes a confirmed pair', async () => {
      const [a, b] = orgs;
      const first = await request(t.http).put(`${marks(a)}/${b}`).set(...as(a)).send({ mark: 'interested' }).expect(200);
      expect(first.body).toMatchObject({ candidate: { id: b }, mark: 'interested', mutual: false });
      const second = await request(t.http).put(`${marks(b)}/${a}`).set(...as(b)).send({ mark: 'must-meet' }).expect(200);
      expect(second.body).toMatchObject({ candidate: { id: a }, mark: 'must-meet', mutual: true });

      const mine = await request(t.http).get(marks(a)).set(...as(a)).expect(200);
      expect(mine.body).toMatchObject({ event: MEDICA, organisation: { id: a }, marks: [{ candidate: { id: b }, mark: 'interested', mutual: true }] });
      const confirmed = await request(t.http).get(`${base}/participants/${a}/confirmed`).set(...as(a)).expect(200);
      expect(confirmed.body.partners).toEqual([expect.objectContaining({ organisation: expect.objectContaining({ id: b }), mutual: true, acceptedRequest: false })]);

      const [lo, hi] = a < b ? [a, b] : [b, a];
      expect((await reviews.pairStates(eventId)).find((s) => s.a === lo && s.b === hi)).toEqual({ a: lo, b: hi, forced: false, forbidden: false, confirmed: true, mutual: true, mustMeet: true, declined: false });

      // Clearing the mark ends the mutual interest.
      await request(t.http).delete(`${marks(a)}/${b}`).set(...as(a)).expect(204);
      await request(t.http).delete(`${marks(a)}/${b}`).set(...as(a)).expect(204);
      expect((await request(t.http).get(marks(b)).set(...as(b)).expect(200)).body.marks).toEqual([expect.objectContaining({ mark: 'must-meet', mutual: false })]);
      expect((await reviews.pairStates(eventId)).find((s) => s.a === lo && s.b === hi)).toMatchObject({ confirmed: false, mutual: false, mustMeet: true });
    });

    it('answers 400 naming the field for a bad mark, itself, a non-participant or a malformed id; 401 without a key', async () => {
      const [a, b] = orgs;
      const cases: [string, object, string][] = [
        [`${marks(a)}/${b}`, { mark: 'maybe' }, 'mark'],
        [`${marks(a)}/${b}`, {}, 'mark'],
        [`${marks(a)}/${a}`, { mark: 'interested' }, 'candidate'],
        [`${marks(a)}/${outsider}`, { mark: 'interested' }, 'candidate'],
        [`${marks(a)}/not-a-uuid`, { mark: 'interested' }, 'candidate'],
      ];
      for (const [url, body, field] of cases) {
        const res = await request(t.http).put(url).set(...as(a)).send(body).expect(400);
        expect(res.body.details.map((d: { field: string }) => d.field)).toEqual([field]);
      }
      await request(t.http).put(`${marks(a)}/${b}`).send({ mark: 'interested' }).expect(401);
      await request(t.http).get(marks(outsider)).set(...admin).expect(404);
    });

    it('not-interested excludes the pair both ways, closes pending requests and triggers a recompute', async () => {
      const [, , c, d] = orgs;
      const pending = (await send(d, c).expect(201)).body;
      await request(t.http).put(`${marks(c)}/${d}`).set(...as(c)).send({ mark: 'not-interested' }).expect(200);
      // The request c received from d is declined by the mark.
      expect((await request(t.http).get(requests(d)).set(...as(d)).query({ direction: 'outgoing' }).expect(200)).body.items).toEqual([
        expect.objectContaining({ id: pending.id, status: 'declined' }),
      ]);
      const ex = await reviews.exclusionsFor(eventId);
      expect(ex.declinedPairs.has(declineKey(c, d))).toBe(true);
      expect(ex.forbiddenPairs.size).toBe(0);
      const runs = await sql(t, `SELECT 1 FROM match_runs WHERE event_id = $1 AND trigger = 'marks changed'`, [eventId]);
      expect(runs.length).toBeGreaterThan(0);
      for (const [from, to] of [
        [c, d],
        [d, c],
      ]) {
        const res = await send(from, to).expect(409);
        expect(res.body.message).toContain('cannot meet');
      }
      expect((await reviews.pairStates(eventId)).find((s) => s.a === (c < d ? c : d) && s.b === (c < d ? d : c))).toMatchObject({ declined: true });

      await request(t.http).delete(`${marks(c)}/${d}`).set(...as(c)).expect(204);
      expect((await reviews.exclusionsFor(eventId)).declinedPairs.size).toBe(0);
      await send(c, d).expect(201);
    });
  });

  describe('who may see and act', () => {
    it('keeps a company to its own marks and requests (404); organisers to their events; companies out of organiser routes (403)', async () => {
      const [a, b] = orgs;
      const mine = (await send(a, orgs[5]).expect(201)).body;

      await request(t.http).get(marks(b)).set(...as(a)).expect(404);
      await request(t.http).put(`${marks(b)}/${a}`).set(...as(a)).send({ mark: 'interested' }).expect(404);
      await request(t.http).delete(`${marks(b)}/${a}`).set(...as(a)).expect(404);
      await request(t.http).get(requests(b)).set(...as(a)).expect(404);
      await send(b, a, as(a)).expect(404);
      await request(t.http).get(`${base}/participants/${b}/confirmed`).set(...as(a)).expect(404);
      // Another company can neither act on a's request through a's path nor through its own.
      await act(a, mine.id, 'cancel', as(b)).expect(404);
      await act(b, mine.id, 'decline').expect(404);
      // Nor can a company of another event, or an organiser of another event.
      await request(t.http).get(marks(a)).set(...otherOrganiser).expect(404);
      await request(t.http).put(`${marks(a)}/${b}`).set(...otherOrganiser).send({ mark: 'interested' }).expect(404);

      // The event's organisers and admins see and act for any participant.
      await request(t.http).put(`${marks(b)}/${a}`).set(...organiser).send({ mark: 'interested' }).expect(200);
      expect((await request(t.http).get(marks(b)).set(...admin).expect(200)).body.marks.map((m: { candidate: { id: string } }) => m.candidate.id)).toContain(a);
      expect((await request(t.http).get(requests(a)).set(...organiser).expect(200)).body.items.map((r: { id: string }) => r.id)).toContain(mine.id);

      for (const [method, url] of [
        ['get', `${base}/demand`],
        ['get', `${base}/pairs`],
        ['put', `${base}/pairs/${a}/${b}`],
        ['delete', `${base}/pairs/${a}/${b}`],
        ['put', `${base}/review-settings`],
      ] as const) {
        await request(t.http)[method](url).set(...as(a)).send({ state: 'forbidden', autoAcceptRequests: true }).expect(403);
      }
      await request(t.http).get(`${base}/review-settings`).set(...as(a)).expect(200);
      await act(a, mine.id, 'cancel').expect(200);
    });
  });

  describe('meeting requests', () => {
    it('sends, refuses duplicates, accepts (the recipient only), cancels (the sender only) and lists by direction and status', async () => {
      const [a, , , , e, f] = orgs;
      const sent = await send(a, e).expect(201);
      expect(sent.body).toMatchObject({ event: MEDICA, from: { id: a }, to: { id: e }, status: 'pending', autoAccepted: false, message: 'Guten Tag', closedAt: null });
      const ttl = new Date(sent.body.expiresAt).getTime() - new Date(sent.body.createdAt).getTime();
      expect(ttl).toBeGreaterThan(71.9 * 3600_000);
      expect(ttl).toBeLessThan(72.1 * 3600_000);

      for (const [from, to] of [
        [a, e],
        [e, a],
      ]) {
        const dup = await send(from, to).expect(409);
        expect(dup.body.details[0].field).toBe('to');
      }
      expect((await send(a, a).expect(400)).body.details[0].field).toBe('to');
      expect((await send(a, outsider).expect(400)).body.details[0].field).toBe('to');
      expect((await request(t.http).post(requests(a)).set(...as(a)).send({ to: 'x' }).expect(400)).body.details[0].field).toBe('to');

      const incoming = await request(t.http).get(requests(e)).set(...as(e)).query({ direction: 'incoming', status: 'pending' }).expect(200);
      expect(incoming.body.items.map((r: { id: string }) => r.id)).toEqual([sent.body.id]);
      expect((await request(t.http).get(requests(e)).set(...as(e)).query({ direction: 'outgoing', status: 'pending' }).expect(200)).body.items).toEqual([]);
      expect((await request(t.http).get(requests(e)).set(...as(e)).query({ direction: 'sideways' }).expect(400)).body.details[0].field).toBe('direction');

      // The sender cannot accept its own request; the recipient cannot cancel it.
      await act(a, sent.body.id, 'accept').expect(403);
      await act(e, sent.body.id, 'cancel').expect(403);
      const accepted = await act(e, sent.body.id, 'accept').expect(200);
      expect(accepted.body).toMatchObject({ status: 'accepted', closedAt: expect.any(String) });
      await act(e, sent.body.id, 'decline').expect(409);
      const confirmed = await request(t.http).get(`${base}/participants/${e}/confirmed`).set(...as(e)).expect(200);
      expect(confirmed.body.partners).toEqual([expect.objectContaining({ organisation: expect.objectContaining({ id: a }), acceptedRequest: true, mutual: false })]);
      expect((await reviews.pairStates(eventId)).find((s) => s.a === (a < e ? a : e) && s.b === (a < e ? e : a))).toMatchObject({ confirmed: true, mutual: false });
      // An accepted request still holds the pair.
      await send(e, a).expect(409);
      // The sender may withdraw it.
      expect((await act(a, sent.body.id, 'cancel').expect(200)).body.status).toBe('cancelled');
      await act(a, sent.body.id, 'cancel').expect(409);

      // Declined by the recipient; then the pair is free for a new request.
      const second = await send(a, f).expect(201);
      expect((await act(f, second.body.id, 'decline').expect(200)).body.status).toBe('declined');
      const third = await send(f, a).expect(201);
      expect((await request(t.http).get(requests(a)).set(...as(a)).query({ status: 'declined' }).expect(200)).body.items.map((r: { id: string }) => r.id)).toEqual([second.body.id]);
      await act(f, third.body.id, 'cancel').expect(200);
      await act(a, '00000000-0000-4000-8000-000000000000', 'accept').expect(404);
    });

    it('lets only one of two crossing requests between the same pair through', async () => {
      const [x, y] = [orgs[4], orgs[11]];
      const results = await Promise.all([send(x, y), send(y, x)]);
      expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
      const created = results.find((r) => r.status === 201)!.body;
      await act(created.from.id, created.id, 'cancel').expect(200);
    });

    it('expires requests: readers see them expired at once, and the job records it', async () => {
      const [a, , , , , , g] = orgs;
      const sent = (await send(a, g).expect(201)).body;
      await sql(t, `UPDATE meeting_requests SET expires_at = now() - interval '1 minute' WHERE id = $1`, [sent.id]);

      const outgoing = await request(t.http).get(requests(a)).set(...as(a)).query({ direction: 'outgoing', status: 'expired' }).expect(200);
      expect(outgoing.body.items).toEqual([expect.objectContaining({ id: sent.id, status: 'expired', closedAt: expect.any(String) })]);
      expect((await request(t.http).get(requests(g)).set(...as(g)).query({ status: 'pending' }).expect(200)).body.items).toEqual([]);
      expect((await sql<{ status: string }>(t, 'SELECT status FROM meeting_requests WHERE id = $1', [sent.id]))[0].status).toBe('pending');
      const late = await act(g, sent.id, 'accept').expect(409);
      expect(late.body.message).toContain('expired');
      expect((await reviews.pairStates(eventId)).find((s) => s.a === (a < g ? a : g) && s.b === (a < g ? g : a))).toBeUndefined();

      // The expiry job (the one scheduled at creation runs 72 hours later) marks it.
      await t.app.get(QueueService).enqueue(JobName.ReviewsExpireRequests, { eventId });
      let status = 'pending';
      for (let i = 0; i < 100 && status === 'pending'; i++) {
        await new Promise((r) => setTimeout(r, 50));
        [{ status }] = await sql<{ status: string }>(t, 'SELECT status FROM meeting_requests WHERE id = $1', [sent.id]);
      }
      expect(status).toBe('expired');
      const [run] = await sql<{ status: string; result: { expired: number } }>(t, `SELECT status, result FROM job_runs WHERE job_name = 'reviews.expire-requests' ORDER BY started_at DESC LIMIT 1`);
      expect(run).toMatchObject({ status: 'completed', result: { expired: 1 } });
      // An expired request no longer holds the pair.
      const again = (await send(a, g).expect(201)).body;
      await act(a, again.id, 'cancel').expect(200);
    });

    it('caps open outgoing requests per the event settings (409), counting pending ones only', async () => {
      const [, , , , , , , h, i, j, k] = orgs;
      await settings({ maxOpenRequests: 0 }).expect(400);
      // Null is no value for any setting (it was a 500 from the database).
      for (const field of ['autoAcceptRequests', 'requestTtlHours', 'maxOpenRequests']) {
        const res = await settings({ [field]: null }).expect(400);
        expect(res.body.details).toEqual([{ field, messages: [`${field} cannot be null (leave it out to keep it)`] }]);
      }
      expect((await settings({ maxOpenRequests: null, autoAcceptRequests: null }).expect(400)).body.details.map((d: { field: string }) => d.field)).toEqual(['autoAcceptRequests', 'maxOpenRequests']);
      expect((await settings({ requestTtlHours: 0 }).expect(400)).body.details[0].field).toBe('requestTtlHours');
      const saved = await settings({ maxOpenRequests: 2 }).expect(200);
      expect(saved.body).toMatchObject({ event: MEDICA, maxOpenRequests: 2, requestTtlHours: 72, autoAcceptRequests: false });
      await request(t.http).put(`${base}/review-settings`).set(...otherOrganiser).send({ maxOpenRequests: 3 }).expect(404);

      const first = (await send(h, i).expect(201)).body;
      await send(h, j).expect(201);
      const capped = await send(h, k).expect(409);
      expect(capped.body.message).toContain('cap of 2');
      // Another sender is not affected; an answered request frees a place.
      await send(i, k).expect(201);
      await act(i, first.id, 'decline').expect(200);
      await send(h, k).expect(201);
      await send(h, orgs[11]).expect(409);
      await settings({ maxOpenRequests: 10 }).expect(200);
    });

    it('auto-accepts new requests where the event says so, with the configured time to live', async () => {
      const [, b, , , , , , , , j] = orgs;
      const on = await settings({ autoAcceptRequests: true, requestTtlHours: 1 }).expect(200);
      expect(on.body).toMatchObject({ autoAcceptRequests: true, requestTtlHours: 1, maxOpenRequests: 10 });
      const res = await send(b, j).expect(201);
      expect(res.body).toMatchObject({ status: 'accepted', autoAccepted: true, closedAt: expect.any(String) });
      expect(new Date(res.body.expiresAt).getTime() - new Date(res.body.createdAt).getTime()).toBeLessThan(1.1 * 3600_000);
      await act(j, res.body.id, 'decline').expect(409);
      await settings({ autoAcceptRequests: false, requestTtlHours: 72 }).expect(200);
      const res2 = await send(b, orgs[10]).expect(201);
      expect(res2.body.status).toBe('pending');
    });
  });

  describe('excluding a pair after a request was accepted', () => {
    const confirmedOf = async (org: string): Promise<string[]> =>
      (await request(t.http).get(`${base}/participants/${org}/confirmed`).set(...as(org)).expect(200)).body.partners.map((p: { organisation: { id: string } }) => p.organisation.id);
    const statusOf = async (id: string): Promise<string> => (await sql<{ status: string }>(t, 'SELECT status FROM meeting_requests WHERE id = $1', [id]))[0].status;
    const stateOf = async (x: string, y: string) => (await reviews.pairStates(eventId)).find((s) => s.a === (x < y ? x : y) && s.b === (x < y ? y : x));

    it('not-interested cancels the accepted request and the pair is confirmed nowhere', async () => {
      const [g, j] = [orgs[6], orgs[9]];
      const sent = (await send(g, j).expect(201)).body;
      await act(j, sent.id, 'accept').expect(200);
      expect(await confirmedOf(g)).toContain(j);
      // The recipient changes its mind: the meeting agreed is called off (cancelled, not declined).
      await request(t.http).put(`${marks(j)}/${g}`).set(...as(j)).send({ mark: 'not-interested' }).expect(200);
      expect(await statusOf(sent.id)).toBe('cancelled');
      expect(await confirmedOf(g)).not.toContain(j);
      expect(await confirmedOf(j)).not.toContain(g);
      expect(await stateOf(g, j)).toMatchObject({ declined: true, confirmed: false });
      // Clearing the mark reopens nothing; the two may ask again.
      await request(t.http).delete(`${marks(j)}/${g}`).set(...as(j)).expect(204);
      expect(await confirmedOf(g)).not.toContain(j);
      const again = (await send(j, g).expect(201)).body;
      await act(j, again.id, 'cancel').expect(200);
    });

    it('forbidding cancels the pair’s accepted and pending requests', async () => {
      const [g, i, k, l] = [orgs[6], orgs[8], orgs[10], orgs[11]];
      const accepted = (await send(i, g).expect(201)).body;
      await act(g, accepted.id, 'accept').expect(200);
      const pending = (await send(l, k).expect(201)).body;
      expect(await confirmedOf(i)).toContain(g);
      await request(t.http).put(`${base}/pairs/${g}/${i}`).set(...organiser).send({ state: 'forbidden' }).expect(200);
      await request(t.http).put(`${base}/pairs/${k}/${l}`).set(...organiser).send({ state: 'forbidden' }).expect(200);
      expect(await statusOf(accepted.id)).toBe('cancelled');
      expect(await statusOf(pending.id)).toBe('cancelled');
      expect(await confirmedOf(i)).not.toContain(g);
      expect(await stateOf(g, i)).toMatchObject({ forbidden: true, confirmed: false });
      // Forcing a pair closes nothing.
      await request(t.http).put(`${base}/pairs/${g}/${i}`).set(...organiser).send({ state: 'forced' }).expect(200);
      const next = (await send(g, i).expect(201)).body;
      await request(t.http).put(`${base}/pairs/${g}/${i}`).set(...organiser).send({ state: 'forced' }).expect(200);
      expect(await statusOf(next.id)).toBe('pending');
      await act(g, next.id, 'cancel').expect(200);
      await request(t.http).delete(`${base}/pairs/${g}/${i}`).set(...organiser).expect(204);
      await request(t.http).delete(`${base}/pairs/${k}/${l}`).set(...organiser).expect(204);
    });
  });

  describe('organisers', () => {
    it('forbid pairs (excluded everywhere, requests refused, lists recomputed) and force pairs', async () => {
      const [a, b, c, d] = orgs;
      const res = await request(t.http).put(`${base}/pairs/${b}/${a}`).set(...organiser).send({ state: 'forbidden' }).expect(200);
      const [lo, hi] = a < b ? [a, b] : [b, a];
      expect(res.body).toMatchObject({ event: MEDICA, a: { id: lo }, b: { id: hi }, state: 'forbidden' });
      expect((await reviews.exclusionsFor(eventId)).forbiddenPairs).toEqual(new Set([pairKey(a, b)]));
      expect((await send(a, b).expect(409)).body.message).toContain('organisers excluded');

      await request(t.http).put(`${base}/pairs/${c}/${d}`).set(...admin).send({ state: 'forced' }).expect(200);
      const states = await reviews.pairStates(eventId);
      expect(states.find((s) => s.a === lo && s.b === hi)).toMatchObject({ forbidden: true, forced: false });
      expect(states.find((s) => s.a === (c < d ? c : d) && s.b === (c < d ? d : c))).toMatchObject({ forced: true, forbidden: false });
      const list = await request(t.http).get(`${base}/pairs`).set(...organiser).expect(200);
      expect(list.body.map((r: { state: string }) => r.state).sort()).toEqual(['forbidden', 'forced']);

      expect((await request(t.http).put(`${base}/pairs/${a}/${b}`).set(...organiser).send({ state: 'maybe' }).expect(400)).body.details[0].field).toBe('state');
      expect((await request(t.http).put(`${base}/pairs/${a}/${a}`).set(...organiser).send({ state: 'forced' }).expect(400)).body.details[0].field).toBe('b');
      expect((await request(t.http).put(`${base}/pairs/${a}/${outsider}`).set(...organiser).send({ state: 'forced' }).expect(400)).body.details[0].field).toBe('b');
      await request(t.http).put(`${base}/pairs/${a}/${b}`).set(...otherOrganiser).send({ state: 'forced' }).expect(404);

      await request(t.http).delete(`${base}/pairs/${a}/${b}`).set(...organiser).expect(204);
      await request(t.http).delete(`${base}/pairs/${c}/${d}`).set(...organiser).expect(204);
      expect((await request(t.http).get(`${base}/pairs`).set(...organiser).expect(200)).body).toEqual([]);
      expect((await reviews.exclusionsFor(eventId)).forbiddenPairs.size).toBe(0);
      const runs = await sql(t, `SELECT 1 FROM match_runs WHERE event_id = $1 AND trigger = 'marks changed'`, [eventId]);
      expect(runs.length).toBeGreaterThan(0);
    });

    it('show the demand picture: who is wanted by many, who by none', async () => {
      const star = orgs[13];
      // Eight companies want the same one (their marks set by the organisers on their behalf).
      for (const org of orgs.slice(0, 8)) await request(t.http).put(`${marks(org)}/${star}`).set(...organiser).send({ mark: org === orgs[0] ? 'must-meet' : 'interested' }).expect(200);
      const res = await request(t.http).get(`${base}/demand`).set(...organiser).expect(200);
      expect(res.body).toMatchObject({ event: MEDICA, participants: orgs.length });
      expect(res.body.items).toHaveLength(orgs.length);
      const top = res.body.items[0];
      expect(top).toMatchObject({ organisation: { id: star }, mustMeetBy: 1, interestedBy: 7, wanted: 8, wantedByMany: true, wantedByNone: false });
      expect(res.body.wantedByManyThreshold).toBeGreaterThanOrEqual(1);
      const none = res.body.items.filter((i: { wantedByNone: boolean }) => i.wantedByNone);
      expect(none.length).toBeGreaterThan(0);
      for (const i of none) expect(i).toMatchObject({ wanted: 0, wantedByMany: false, mustMeetBy: 0, interestedBy: 0 });
      const h = res.body.items.find((i: { organisation: { id: string } }) => i.organisation.id === orgs[7]);
      expect(h.requestsSent).toBeGreaterThanOrEqual(3);
      await request(t.http).get(`${base}/demand`).set(...otherOrganiser).expect(404);
    });
  });
  describe('pairs the who-meets-whom rule excludes', () => {
    /** Two German participants of one region, a Japanese one, and a German organisation of another region added to the event. */
    let de1: string, de2: string, jp1: string, leipzig: string;
    const rule = (body: object) => request(t.http).patch(base).set(...organiser).send(body).expect(200);
    const mark = (by: string, whom: string, m: string) => request(t.http).put(`${marks(by)}/${whom}`).set(...as(by)).send({ mark: m });
    const refusal = (res: request.Response, field: string, why: string) => {
      expect(res.status).toBe(409);
      expect(res.body).toMatchObject({ message: `This pair cannot meet: ${why}`, details: [{ field, messages: [why] }] });
    };
    const statusOf = async (id: string): Promise<string> => (await sql<{ status: string }>(t, 'SELECT status FROM meeting_requests WHERE id = $1', [id]))[0].status;
    const bothInDe = 'the event allows only cross-country meetings and both are in DE';

    beforeAll(async () => {
      const members = await sql<{ id: string; country: string; region: string }>(
        t,
        'SELECT o.id, o.country, r.name AS region FROM event_participants ep JOIN organisations o ON o.id = ep.organisation_id JOIN regions r ON r.id = o.region_id WHERE ep.event_id = $1 ORDER BY 1',
        [eventId],
      );
      const german = members.filter((m) => m.country === 'DE');
      const twin = german.find((m) => m !== german[0] && m.region === german[0].region)!;
      [de1, de2] = [german[0].id, twin.id];
      jp1 = members.find((m) => m.country === 'JP')!.id;
      const region = german[0].region;
      [{ id: leipzig }] = await sql<{ id: string }>(
        t,
        `SELECT o.id FROM organisations o JOIN regions r ON r.id = o.region_id
          WHERE o.country = 'DE' AND r.name <> $2 AND NOT EXISTS (SELECT 1 FROM event_participants ep WHERE ep.event_id = $1 AND ep.organisation_id = o.id) ORDER BY 1 LIMIT 1`,
        [eventId, region],
      );
      await request(t.http).post(`${base}/participants`).set(...organiser).send({ participants: [{ organisationId: leipzig }] }).expect(201);
      for (const org of [de1, de2, jp1, leipzig]) if (!keys.has(org)) keys.set(org, await key({ name: `company ${org.slice(0, 8)}`, role: 'participant', organisationId: org }));
      // They are picked by id, so earlier tests may have marked, requested or ruled on some of these pairs: start clean.
      const four = [de1, de2, jp1, leipzig];
      await sql(t, 'DELETE FROM meeting_requests WHERE event_id = $1 AND from_organisation_id = ANY($2::uuid[]) AND to_organisation_id = ANY($2::uuid[])', [eventId, four]);
      await sql(t, 'DELETE FROM review_marks WHERE event_id = $1 AND organisation_id = ANY($2::uuid[]) AND candidate_id = ANY($2::uuid[])', [eventId, four]);
      await sql(t, 'DELETE FROM review_pair_rules WHERE event_id = $1 AND organisation_a = ANY($2::uuid[]) AND organisation_b = ANY($2::uuid[])', [eventId, four]);
    });

    it('cross-country, required: refuses positive marks and requests between two German companies (409), takes not-interested and clearing', async () => {
      // A mark set while the rule only scored.
      await mark(de2, de1, 'interested').expect(200);
      await rule({ meetingRule: 'cross-country', meetingRuleMode: 'required' });

      for (const m of ['interested', 'must-meet']) refusal(await mark(de1, de2, m), 'candidate', bothInDe);
      // The event's organisers are refused alike; another region of the same country does not help.
      refusal(await request(t.http).put(`${marks(de1)}/${de2}`).set(...organiser).send({ mark: 'must-meet' }), 'candidate', bothInDe);
      refusal(await mark(de1, leipzig, 'interested'), 'candidate', bothInDe);
      const marked = (await request(t.http).get(marks(de1)).set(...as(de1)).expect(200)).body.marks.map((m: { candidate: { id: string } }) => m.candidate.id);
      expect(marked).not.toContain(de2);
      expect(marked).not.toContain(leipzig);

      // A refusal is always taken; clearing too, also a positive mark left from before the rule.
      expect((await mark(de1, de2, 'not-interested').expect(200)).body).toMatchObject({ candidate: { id: de2 }, mark: 'not-interested' });
      await request(t.http).delete(`${marks(de1)}/${de2}`).set(...as(de1)).expect(204);
      await request(t.http).delete(`${marks(de2)}/${de1}`).set(...as(de2)).expect(204);

      // No request is added by the refusals.
      const between = async () =>
        ((await request(t.http).get(requests(de1)).set(...as(de1)).expect(200)).body.items as Array<{ id: string; from: { id: string }; to: { id: string } }>)
          .filter((r) => [r.from.id, r.to.id].includes(de2))
          .map((r) => r.id);
      const before = await between();
      refusal(await send(de1, de2), 'to', bothInDe);
      refusal(await send(de2, de1), 'to', bothInDe);
      expect(await between()).toEqual(before);
      // A pair the rule allows is not affected.
      await mark(de1, jp1, 'must-meet').expect(200);
      await request(t.http).delete(`${marks(de1)}/${jp1}`).set(...as(de1)).expect(204);
    });

    it('lets a pair the organisers forced be marked and requested; refuses one they forbade even where the rule allows it', async () => {
      await request(t.http).put(`${base}/pairs/${de1}/${de2}`).set(...organiser).send({ state: 'forced' }).expect(200);
      expect((await mark(de1, de2, 'interested').expect(200)).body).toMatchObject({ mark: 'interested' });
      const sent = (await send(de2, de1).expect(201)).body;
      await act(de2, sent.id, 'cancel').expect(200);
      await request(t.http).delete(`${marks(de1)}/${de2}`).set(...as(de1)).expect(204);
      await request(t.http).delete(`${base}/pairs/${de1}/${de2}`).set(...organiser).expect(204);
      refusal(await mark(de1, de2, 'interested'), 'candidate', bothInDe);

      await request(t.http).put(`${base}/pairs/${jp1}/${de1}`).set(...organiser).send({ state: 'forbidden' }).expect(200);
      refusal(await mark(de1, jp1, 'interested'), 'candidate', 'the organisers excluded this pair');
      refusal(await mark(jp1, de1, 'must-meet'), 'candidate', 'the organisers excluded this pair');
      await mark(jp1, de1, 'not-interested').expect(200);
      await request(t.http).delete(`${marks(jp1)}/${de1}`).set(...as(jp1)).expect(204);
      await request(t.http).delete(`${base}/pairs/${jp1}/${de1}`).set(...organiser).expect(204);
    });

    it("does not disclose the other side's not-interested mark through the mark route", async () => {
      await mark(jp1, de1, 'not-interested').expect(200);
      expect((await mark(de1, jp1, 'interested').expect(200)).body).toMatchObject({ candidate: { id: jp1 }, mark: 'interested', mutual: false });
      await request(t.http).delete(`${marks(de1)}/${jp1}`).set(...as(de1)).expect(204);
      await request(t.http).delete(`${marks(jp1)}/${de1}`).set(...as(jp1)).expect(204);
    });

    it('cross-region, required: refuses a pair of one region and country, lets two regions of one country meet', async () => {
      await rule({ meetingRule: 'cross-region' });
      const [{ region }] = await sql<{ region: string }>(t, 'SELECT r.name AS region FROM organisations o JOIN regions r ON r.id = o.region_id WHERE o.id = $1', [de1]);
      refusal(await mark(de1, de2, 'interested'), 'candidate', `the event allows only cross-region meetings and both are in ${region} (DE)`);
      refusal(await send(de1, de2), 'to', `the event allows only cross-region meetings and both are in ${region} (DE)`);
      await mark(de1, leipzig, 'interested').expect(200);
      await request(t.http).delete(`${marks(de1)}/${leipzig}`).set(...as(de1)).expect(204);
    });

    it('groups, required: refuses pairs of groups not allowed to meet and participants in no group', async () => {
      await rule({ meetingRule: 'groups', groups: ['optics', 'bio'], groupPairs: [['optics', 'bio']] });
      for (const [org, group] of [
        [de1, 'optics'],
        [de2, 'optics'],
        [jp1, 'bio'],
      ]) {
        await request(t.http).patch(`${base}/participants/${org}`).set(...organiser).send({ group }).expect(200);
      }
      refusal(await mark(de1, de2, 'interested'), 'candidate', "the event's groups rule does not let group optics meet group optics");
      refusal(await mark(de1, leipzig, 'must-meet'), 'candidate', 'the event allows only meetings between its groups and one of the two is not in a group');
      refusal(await send(de2, de1), 'to', "the event's groups rule does not let group optics meet group optics");
      // Two German companies of groups allowed to meet: the cross-country rule no longer applies.
      await request(t.http).patch(`${base}/participants/${de2}`).set(...organiser).send({ group: 'bio' }).expect(200);
      await mark(de1, de2, 'interested').expect(200);
      await mark(de1, jp1, 'interested').expect(200);
      await request(t.http).delete(`${marks(de1)}/${de2}`).set(...as(de1)).expect(204);
      await request(t.http).delete(`${marks(de1)}/${jp1}`).set(...as(de1)).expect(204);
    });

    it('refuses to accept a request the rule came to exclude after it was sent (409), unless the organisers force the pair', async () => {
      await rule({ meetingRule: 'cross-country', meetingRuleMode: 'preferred' });
      const sent = (await send(de2, de1).expect(201)).body;
      // Changing the rule leaves open requests as they are.
      await rule({ meetingRuleMode: 'required' });
      expect(await statusOf(sent.id)).toBe('pending');
      refusal(await act(de1, sent.id, 'accept'), 'to', bothInDe);
      expect(await statusOf(sent.id)).toBe('pending');
      // Declining and cancelling are refusals, always taken; here the organisers force the pair instead.
      await request(t.http).put(`${base}/pairs/${de1}/${de2}`).set(...organiser).send({ state: 'forced' }).expect(200);
      expect((await act(de1, sent.id, 'accept').expect(200)).body.status).toBe('accepted');
      await act(de2, sent.id, 'cancel').expect(200);
      await request(t.http).delete(`${base}/pairs/${de1}/${de2}`).set(...organiser).expect(204);
    });

    it('lets the organisers clear a decision on a pair one of whom has left the event (it is still listed)', async () => {
      await request(t.http).put(`${base}/pairs/${jp1}/${leipzig}`).set(...organiser).send({ state: 'forbidden' }).expect(200);
      await request(t.http).delete(`${base}/participants/${leipzig}`).set(...organiser).expect(204);
      const listed = async () => (await request(t.http).get(`${base}/pairs`).set(...organiser).expect(200)).body.map((r: { a: { id: string }; b: { id: string } }) => [r.a.id, r.b.id].sort().join('|'));
      expect(await listed()).toContain([jp1, leipzig].sort().join('|'));
      // Setting a decision still needs both to take part; clearing it does not (it was a 400 naming b).
      expect((await request(t.http).put(`${base}/pairs/${jp1}/${leipzig}`).set(...organiser).send({ state: 'forced' }).expect(400)).body.details[0].field).toBe('b');
      await request(t.http).delete(`${base}/pairs/${jp1}/${leipzig}`).set(...organiser).expect(204);
      await request(t.http).delete(`${base}/pairs/${leipzig}/${jp1}`).set(...organiser).expect(204);
      expect(await listed()).not.toContain([jp1, leipzig].sort().join('|'));
      // Back in the event, the pair has no decision.
      await request(t.http).post(`${base}/participants`).set(...organiser).send({ participants: [{ organisationId: leipzig }] }).expect(201);
      expect((await reviews.exclusionsFor(eventId)).forbiddenPairs.has(pairKey(jp1, leipzig))).toBe(false);
    });
  });
});
