import { parse } from 'csv-parse/sync';
import request from 'supertest';
import { bearer, sql, startTestApp, type TestApp } from '../support/test-app';

// Session restrictions, representatives meeting in parallel and exhibitors' own tables, from the
// participant settings and the selected pairs through the schedule to the agendas.

const SLUG = 'scheduler-constraints-day';
const fieldsOf = (body: { details?: { field: string }[] }): string[] => (body.details ?? []).map((d) => d.field).sort();

// Two days, each with a morning and an afternoon of three 20-minute slots: slots 0-2 morning,
// 3-5 afternoon, 6-8 morning, 9-11 afternoon.
const SESSIONS = [
  { name: 'morning', start: '09:00', end: '10:00' },
  { name: 'afternoon', start: '14:00', end: '15:00' },
];
const SLOT_SESSION = ['morning', 'afternoon', 'morning', 'afternoon'].flatMap((s) => [s, s, s]);

interface Pair {
  id: string;
  a: { id: string };
  b: { id: string };
  session: string | null;
  representativeA: number | null;
  representativeB: number | null;
}

interface Meeting {
  id: string;
  slot: number;
  table: number;
  a: { id: string };
  b: { id: string };
  representativeA: number | null;
  representativeB: number | null;
}

describe('scheduler constraints: sessions, parallel representatives, own tables (HTTP)', () => {
  let t: TestApp;
  let admin: [string, string];
  let organiser: [string, string];
  let otherOrganiser: [string, string];
  let company: [string, string];
  // X exhibits at table 2; P sends two representatives who meet in parallel; M attends mornings only.
  let X: string, P: string, M: string, Q: string, R: string, S: string;
  const base = `/api/events/${SLUG}`;
  const pairOf = (pairs: Pair[], a: string, b: string): Pair => pairs.find((p) => (p.a.id === a && p.b.id === b) || (p.a.id === b && p.b.id === a))!;

  beforeAll(async () => {
    t = await startTestApp();
    admin = bearer(t.adminKey);
    const key = async (body: object) => bearer((await request(t.http).post('/api/admin/api-keys').set(...admin).send(body).expect(201)).body.key as string);
    organiser = await key({ name: 'constraints team', role: 'organiser' });
    otherOrganiser = await key({ name: 'other team', role: 'organiser' });
    const orgs = await sql<{ id: string }>(t, 'SELECT id FROM organisations ORDER BY id LIMIT 6');
    [X, P, M, Q, R, S] = orgs.map((o) => o.id);
    company = await key({ name: 'company', role: 'participant', organisationId: P });
    await request(t.http)
      .post('/api/events')
      .set(...organiser)
      .send({ slug: SLUG, name: 'Constraints day', timeZone: 'Europe/Berlin', startsOn: '2026-03-10', endsOn: '2026-03-11', tables: 3, meetingRule: 'any', days: [{ date: '2026-03-10', sessions: SESSIONS }, { date: '2026-03-11', sessions: SESSIONS }] })
      .expect(201);
    await request(t.http).post(`${base}/participants`).set(...organiser).send({ participants: orgs.map((o) => ({ organisationId: o.id })) }).expect(201);
  });
  afterAll(() => t?.close());

  it('lists the event’s session names', async () => {
    const res = await request(t.http).get(base).set(...organiser).expect(200);
    expect(res.body.sessionNames).toEqual(['morning', 'afternoon']);
  });

  it('restricts a participant to sessions the event has; a company may set its own', async () => {
    const bad = await request(t.http).patch(`${base}/participants/${M}`).set(...organiser).send({ sessions: ['morning', 'evening'] }).expect(400);
    expect(fieldsOf(bad.body)).toEqual(['sessions.1']);
    expect(fieldsOf((await request(t.http).patch(`${base}/participants/${M}`).set(...organiser).send({ sessions: [] }).expect(400)).body)).toEqual(['sessions']);
    expect(fieldsOf((await request(t.http).patch(`${base}/participants/${M}`).set(...organiser).send({ sessions: 'morning' }).expect(400)).body)).toEqual(['sessions']);
    const ok = await request(t.http).patch(`${base}/participants/${M}`).set(...organiser).send({ sessions: ['morning'] }).expect(200);
    expect(ok.body.sessions).toEqual(['morning']);
    // The company's own availability: sessions, like blocked slots.
    const own = await request(t.http).patch(`${base}/participants/${P}`).set(...company).send({ sessions: ['afternoon'] }).expect(200);
    expect(own.body.sessions).toEqual(['afternoon']);
    await request(t.http).patch(`${base}/participants/${P}`).set(...company).send({ sessions: null }).expect(200);
    await request(t.http).patch(`${base}/participants/${M}`).set(...company).send({ sessions: ['morning'] }).expect(404);
    await request(t.http).patch(`${base}/participants/${M}`).send({ sessions: ['morning'] }).expect(401);
    await request(t.http).patch(`${base}/participants/${M}`).set(...otherOrganiser).send({ sessions: ['morning'] }).expect(404);
  });

  it('lets organisers allow parallel meetings up to the representatives sent', async () => {
    const tooMany = await request(t.http).patch(`${base}/participants/${P}`).set(...organiser).send({ parallelMeetings: 2 }).expect(400);
    expect(fieldsOf(tooMany.body)).toEqual(['parallelMeetings']);
    expect(fieldsOf((await request(t.http).patch(`${base}/participants/${P}`).set(...organiser).send({ parallelMeetings: 0 }).expect(400)).body)).toEqual(['parallelMeetings']);
    const denied = await request(t.http).patch(`${base}/participants/${P}`).set(...company).send({ parallelMeetings: 2 }).expect(403);
    expect(fieldsOf(denied.body)).toEqual(['parallelMeetings']);
    const ok = await request(t.http)
      .patch(`${base}/participants/${P}`)
      .set(...organiser)
      .send({ representatives: 2, representativeNames: ['Anna Weber', 'Ben Kato'], parallelMeetings: 2 })
      .expect(200);
    expect(ok.body).toMatchObject({ representatives: 2, parallelMeetings: 2 });
    // The company cannot send fewer people than meet at once.
    const fewer = await request(t.http).patch(`${base}/participants/${P}`).set(...company).send({ representatives: 1, representativeNames: [] }).expect(400);
    expect(fieldsOf(fewer.body)).toEqual(['representatives']);
  });

  it('gives an exhibitor its own table: in range, one per table, one meeting at a time', async () => {
    expect(fieldsOf((await request(t.http).patch(`${base}/participants/${X}`).set(...organiser).send({ fixedTable: 4 }).expect(400)).body)).toEqual(['fixedTable']);
    expect(fieldsOf((await request(t.http).patch(`${base}/participants/${X}`).set(...organiser).send({ fixedTable: 0 }).expect(400)).body)).toEqual(['fixedTable']);
    expect(fieldsOf((await request(t.http).patch(`${base}/participants/${P}`).set(...organiser).send({ fixedTable: 1 }).expect(400)).body)).toEqual(['fixedTable']);
    await request(t.http).patch(`${base}/participants/${X}`).set(...company).send({ fixedTable: 2 }).expect(404);
    const ok = await request(t.http).patch(`${base}/participants/${X}`).set(...organiser).send({ fixedTable: 2 }).expect(200);
    expect(ok.body.fixedTable).toBe(2);
    const taken = await request(t.http).patch(`${base}/participants/${Q}`).set(...organiser).send({ fixedTable: 2 }).expect(409);
    expect(fieldsOf(taken.body)).toEqual(['fixedTable']);
    // Joining with a taken table is refused the same way.
    const [extra] = await sql<{ id: string }>(t, 'SELECT id FROM organisations ORDER BY id OFFSET 6 LIMIT 1');
    const joining = await request(t.http).post(`${base}/participants`).set(...organiser).send({ participants: [{ organisationId: extra.id, fixedTable: 2 }] }).expect(409);
    expect(fieldsOf(joining.body)).toEqual(['participants.0.fixedTable']);
    // X keeps its table when it is set again.
    await request(t.http).patch(`${base}/participants/${X}`).set(...organiser).send({ fixedTable: 2 }).expect(200);
  });

  it('refuses fewer tables than an own table needs, and removing a session still attended', async () => {
    const tables = await request(t.http).patch(base).set(...organiser).send({ tables: 1 }).expect(400);
    expect(fieldsOf(tables.body)).toEqual(['tables']);
    expect(tables.body.message).toMatch(/table 2/);
    const days = await request(t.http)
      .patch(base)
      .set(...organiser)
      .send({ days: [{ date: '2026-03-10', sessions: [SESSIONS[1]] }] })
      .expect(400);
    expect(fieldsOf(days.body)).toEqual(['days']);
    expect(days.body.message).toMatch(/session morning is still attended/);
    expect((await request(t.http).get(base).set(...organiser).expect(200)).body).toMatchObject({ tables: 3, slotCount: 12 });
  });

  it('restricts a selected pair to a session and names the representative who attends', async () => {
    // P is free only in slots 0 and 1 and meets four partners: only its two representatives in parallel make that fit.
    await request(t.http).patch(`${base}/participants/${P}`).set(...organiser).send({ blockedSlots: Array.from({ length: 10 }, (_, i) => i + 2) }).expect(200);
    // S cannot come in the afternoons.
    await request(t.http).patch(`${base}/participants/${S}`).set(...organiser).send({ blockedSlots: [3, 4, 5, 9, 10, 11] }).expect(200);
    const forced: Array<[string, string]> = [[P, X], [P, Q], [P, R], [P, S], [X, Q], [M, R], [M, S], [Q, R], [S, Q]];
    for (const [a, b] of forced) await request(t.http).put(`/api/events/${SLUG}/pairs/${a}/${b}`).set(...organiser).send({ state: 'forced' }).expect(200);
    // Only the forced pairs: no room left for suggestions (forced pairs are kept beyond the maximum).
    await request(t.http).patch(base).set(...organiser).send({ maxMeetings: 1 }).expect(200);
    await request(t.http).patch(`${base}/participants/${P}`).set(...organiser).send({ maxMeetings: 10 }).expect(200);
    const selection = await request(t.http).post(`${base}/selection`).set(...organiser).send({}).expect(200);
    const pairs = selection.body.pairs as Pair[];
    expect(pairs).toHaveLength(forced.length);
    expect(pairs.every((p) => p.session === null && p.representativeA === null)).toBe(true);
    // Capacity counts the slots P can attend times the meetings it holds at once.
    expect(selection.body.participants.find((p: { id: string }) => p.id === P).capacity).toBe(4);

    const qr = pairOf(pairs, Q, R);
    const url = (p: Pair) => `${base}/selection/pairs/${p.id}`;
    await request(t.http).patch(url(qr)).send({ session: 'afternoon' }).expect(401);
    await request(t.http).patch(url(qr)).set(...company).send({ session: 'afternoon' }).expect(403);
    await request(t.http).patch(url(qr)).set(...otherOrganiser).send({ session: 'afternoon' }).expect(404);
    await request(t.http).patch(`${base}/selection/pairs/00000000-0000-4000-8000-000000000000`).set(...organiser).send({ session: 'afternoon' }).expect(404);
    expect(fieldsOf((await request(t.http).patch(`${base}/selection/pairs/not-a-uuid`).set(...organiser).send({}).expect(400)).body)).toEqual(['pairId']);
    expect(fieldsOf((await request(t.http).patch(url(qr)).set(...organiser).send({ session: 'evening' }).expect(400)).body)).toEqual(['session']);
    expect(fieldsOf((await request(t.http).patch(url(qr)).set(...organiser).send({ session: 7 }).expect(400)).body)).toEqual(['session']);
    expect(fieldsOf((await request(t.http).patch(url(qr)).set(...organiser).send({ representativeA: 0 }).expect(400)).body)).toEqual(['representativeA']);
    // Q and R meet one partner at a time; M attends mornings only.
    expect(fieldsOf((await request(t.http).patch(url(qr)).set(...organiser).send({ representativeB: 2 }).expect(400)).body)).toEqual(['representativeB']);
    const mr = pairOf(pairs, M, R);
    expect(fieldsOf((await request(t.http).patch(url(mr)).set(...organiser).send({ session: 'afternoon' }).expect(400)).body)).toEqual(['session']);

    const set = await request(t.http).patch(url(qr)).set(...organiser).send({ session: 'afternoon' }).expect(200);
    expect(set.body).toMatchObject({ id: qr.id, session: 'afternoon', representativeA: null, representativeB: null });
    await request(t.http).patch(url(pairOf(pairs, S, Q))).set(...organiser).send({ session: 'afternoon' }).expect(200);
    // A session pairs are restricted to stays while they need it; nothing changes.
    const mornings = [{ date: '2026-03-10', sessions: [SESSIONS[0]] }, { date: '2026-03-11', sessions: [SESSIONS[0]] }];
    const gone = await request(t.http).patch(base).set(...organiser).send({ days: mornings }).expect(400);
    expect(gone.body.details).toEqual([{ field: 'days', messages: [expect.stringMatching(/^session afternoon is still required by 2 selected pair\(s\), e\.g\. .+ – .+; change their session first$/)] }]);
    expect((await request(t.http).get(base).set(...organiser).expect(200)).body).toMatchObject({ slotCount: 12 });
    expect(pairOf((await request(t.http).get(`${base}/selection`).set(...organiser).expect(200)).body.pairs as Pair[], Q, R).session).toBe('afternoon');
    const px = pairOf(pairs, P, X);
    const pSide = px.a.id === P ? 'representativeA' : 'representativeB';
    const rep = await request(t.http).patch(url(px)).set(...organiser).send({ [pSide]: 2 }).expect(200);
    expect(rep.body[pSide]).toBe(2);
    expect(fieldsOf((await request(t.http).patch(url(px)).set(...organiser).send({ [pSide]: 3 }).expect(400)).body)).toEqual([pSide]);

    // Selecting the pairs again keeps what the organisers set on them.
    const again = (await request(t.http).post(`${base}/selection`).set(...organiser).send({}).expect(200)).body.pairs as Pair[];
    expect(pairOf(again, Q, R).session).toBe('afternoon');
    const px2 = pairOf(again, P, X);
    expect(px2.a.id === P ? px2.representativeA : px2.representativeB).toBe(2);
  });

  it('schedules within sessions, with representatives in parallel and the exhibitor at its table', async () => {
    const res = await request(t.http).post(`${base}/schedules`).set(...organiser).send({ timeLimitMs: 800 }).expect(202);
    let body: { status: string; quality: { placed: number; meetings: number; valid: boolean; unplaced: Array<{ a: string; b: string; reasons: string[] }> }; meetings: Meeting[] } | undefined;
    for (let i = 0; i < 300 && !body; i++) {
      const got = await request(t.http).get(`${base}/schedules/${res.body.id}`).set(...organiser).expect(200);
      if (got.body.status !== 'queued' && got.body.status !== 'running') body = got.body;
      else await new Promise((r) => setTimeout(r, 100));
    }
    expect(body?.status).toBe('draft');
    const { quality, meetings } = body!;
    expect(quality.valid).toBe(true);
    // S–Q is restricted to the afternoon, when S is away: reported with the session named.
    expect(quality.unplaced).toHaveLength(1);
    expect([quality.unplaced[0].a, quality.unplaced[0].b].sort()).toEqual([Q, S].sort());
    expect(quality.unplaced[0].reasons.join()).toMatch(/afternoon session/);
    expect(quality.placed).toBe(8);

    const has = (m: Meeting, id: string) => m.a.id === id || m.b.id === id;
    const repOf = (m: Meeting, id: string) => (m.a.id === id ? m.representativeA : m.representativeB);
    const qr = meetings.find((m) => has(m, Q) && has(m, R))!;
    expect(SLOT_SESSION[qr.slot]).toBe('afternoon');
    for (const m of meetings.filter((x) => has(x, M))) expect(SLOT_SESSION[m.slot]).toBe('morning');
    for (const m of meetings.filter((x) => has(x, X))) expect(m.table).toBe(2);
    const ofP = meetings.filter((m) => has(m, P));
    expect(ofP).toHaveLength(4);
    for (const m of ofP) expect([0, 1]).toContain(m.slot);
    // Two at a time, never one representative twice in a slot; the one chosen for X is kept.
    expect(new Set(ofP.map((m) => `${m.slot}/${repOf(m, P)}`)).size).toBe(4);
    expect(repOf(ofP.find((m) => has(m, X))!, P)).toBe(2);
    for (const m of meetings.filter((x) => !has(x, P))) expect([m.representativeA, m.representativeB]).toEqual([null, null]);
    // Every slot within the tables, every table once per slot.
    expect(new Set(meetings.map((m) => `${m.slot}/${m.table}`)).size).toBe(meetings.length);

    await request(t.http).post(`${base}/schedules/${res.body.id}/publish`).set(...organiser).expect(200);
  });

  it('shows which representative attends in the agenda, its exports and the organisers’ grid', async () => {
    const agenda = (await request(t.http).get(`${base}/participants/${P}/agenda`).set(...company).expect(200)).body as {
      meetings: Array<{ meetingId: string; representative: { number: number; name: string | null } | null; partner: { id: string; representative: unknown } }>;
    };
    expect(agenda.meetings).toHaveLength(4);
    for (const m of agenda.meetings) {
      expect(m.representative).toEqual(expect.objectContaining({ number: expect.any(Number) }));
      expect(['Anna Weber', 'Ben Kato']).toContain(m.representative!.name);
      expect(m.partner.representative).toBeNull();
    }
    expect(agenda.meetings.find((m) => m.partner.id === X)!.representative).toEqual({ number: 2, name: 'Ben Kato' });
    // The partner's agenda names who comes to meet it.
    const xAgenda = (await request(t.http).get(`${base}/participants/${X}/agenda`).set(...organiser).expect(200)).body as { meetings: Array<{ partner: { id: string; representative: unknown }; representative: unknown; table: number }> };
    expect(xAgenda.meetings.find((m) => m.partner.id === P)).toMatchObject({ representative: null, table: 2, partner: { representative: { number: 2, name: 'Ben Kato' } } });

    const csv = await request(t.http).get(`${base}/participants/${P}/agenda.csv`).set(...company).expect(200);
    const rows: Array<Record<string, string>> = parse(csv.text, { columns: true, bom: true });
    expect(rows).toHaveLength(4);
    expect(rows.map((r) => r.representative).sort()).toEqual(['Anna Weber', 'Anna Weber', 'Ben Kato', 'Ben Kato']);
    expect(rows.every((r) => r.partner_representative === '')).toBe(true);

    const ics = await request(t.http).get(`${base}/participants/${P}/agenda.ics`).set(...company).expect(200);
    expect(ics.text.replace(/\r\n[ \t]/g, '')).toMatch(/Attending for .+: Ben Kato/);

    const schedule = (await request(t.http).get(`${base}/schedules`).set(...organiser).expect(200)).body[0] as { id: string };
    const grid: string[][] = parse((await request(t.http).get(`${base}/schedules/${schedule.id}/grid.csv`).set(...organiser).expect(200)).text, { bom: true });
    const cells = grid.slice(1).flatMap((r) => r.slice(5)).filter((c) => c !== '');
    expect(cells.filter((c) => /\((Anna Weber|Ben Kato)\)/.test(c))).toHaveLength(4);
  });
});
