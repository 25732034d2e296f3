import request from 'supertest';
import { bearer, sql, startTestApp, type TestApp } from '../support/test-app';

const MEDICA = 'medica-2007-hamamatsu-jena';
const base = `/api/events/${MEDICA}`;

/** A participant leaving the event takes its pending meeting requests with it (cancelled, saying why). */
describe('company review: meeting requests of a participant who leaves (HTTP)', () => {
  let t: TestApp;
  let organiser: [string, string];
  let orgs: string[];
  const keys = new Map<string, [string, string]>();
  const as = (org: string): [string, string] => keys.get(org)!;
  const requests = (org: string) => `${base}/participants/${org}/requests`;
  const send = (from: string, to: string) => request(t.http).post(requests(from)).set(...as(from)).send({ to });
  const listed = async (org: string, query = ''): Promise<Array<{ id: string; status: string; closedReason: string | null; closedAt: string | null }>> =>
    (await request(t.http).get(`${requests(org)}${query}`).set(...as(org)).expect(200)).body.items;
  const leave = (org: string) => request(t.http).delete(`${base}/participants/${org}`).set(...as(org)).expect(204);

  beforeAll(async () => {
    t = await startTestApp();
    const admin = bearer(t.adminKey);
    const key = async (body: object) => bearer((await request(t.http).post('/api/admin/api-keys').set(...admin).send(body).expect(201)).body.key as string);
    const members = await sql<{ id: string }>(t, 'SELECT ep.organisation_id AS id FROM event_participants ep JOIN events e ON e.id = ep.event_id WHERE e.slug = $1 ORDER BY 1', [MEDICA]);
    orgs = members.map((m) => m.id);
    organiser = await key({ name: 'medica team', role: 'organiser', eventSlugs: [MEDICA] });
    for (const org of orgs.slice(0, 6)) keys.set(org, await key({ name: `company ${org.slice(0, 8)}`, role: 'participant', organisationId: org }));
    // Any pair may meet, and a sender may have one pending request at a time.
    await request(t.http).patch(base).set(...organiser).send({ meetingRuleMode: 'preferred' }).expect(200);
    await request(t.http).put(`${base}/review-settings`).set(...organiser).send({ autoAcceptRequests: false, maxOpenRequests: 1 }).expect(200);
  });
  afterAll(() => t?.close());

  it("frees the sender's cap when the recipient leaves: the request reads cancelled, recipient-left", async () => {
    const [x, y, z] = orgs;
    const sent = (await send(x, y).expect(201)).body as { id: string };
    const capped = await send(x, z).expect(409);
    expect(capped.body.details).toEqual([{ field: 'to', messages: ['at most 1 pending outgoing requests (maxOpenRequests)'] }]);

    await leave(y);
    expect(await listed(x)).toEqual([expect.objectContaining({ id: sent.id, status: 'cancelled', closedReason: 'recipient-left', closedAt: expect.any(String) })]);
    expect(await listed(x, '?status=pending')).toEqual([]);
    // The cap counts pending requests only: x may ask someone else now.
    const next = (await send(x, z).expect(201)).body as { status: string; closedReason: string | null };
    expect(next).toMatchObject({ status: 'pending', closedReason: null });
  });

  it('shows the recipient a request whose sender left as cancelled (sender-left), not as one it could accept', async () => {
    const [, , , u, v, w] = orgs;
    const sent = (await send(u, v).expect(201)).body as { id: string };
    const answered = (await send(w, u).expect(201)).body as { id: string };
    await leave(u);

    const seen = await listed(v, '?direction=incoming');
    expect(seen).toEqual([expect.objectContaining({ id: sent.id, status: 'cancelled', closedReason: 'sender-left' })]);
    expect(await listed(v, '?status=pending')).toEqual([]);
    const accept = await request(t.http).post(`${requests(v)}/${sent.id}/accept`).set(...as(v)).expect(409);
    expect(accept.body.message).toBe('The request is cancelled (the sender left the event) and can no longer be accepted');
    expect(accept.body.details).toEqual([{ field: 'status', messages: ['cancelled'] }]);
    // Requests it received are cancelled too, freeing their senders' caps.
    expect(await listed(w, '?direction=outgoing')).toEqual([expect.objectContaining({ id: answered.id, status: 'cancelled', closedReason: 'recipient-left' })]);
    await send(w, v).expect(201);
  });
});
