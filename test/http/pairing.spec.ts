import request from 'supertest';
import { bearer, sql, startTestApp, type TestApp } from '../support/test-app';

const MEDICA = 'medica-2007-hamamatsu-jena';

interface Selection {
  id: string;
  method: string;
  pairs: { a: { id: string }; b: { id: string }; kind: string; score: number }[];
  participants: { id: string; selected: number; min: number; max: number; capacity: number; shortfall: number; reasons: string[] }[];
  warnings: { code: string; message: string; participants: string[] }[];
}

interface Schedule {
  id: string;
  status: string;
  quality: { placed: number; meetings: number; fairness: number; lockedKept: number; locksDropped: number; warnings: string[] };
  meetings: { id: string; slot: number; table: number; locked: boolean; a: { id: string; name: string }; b: { id: string; name: string } }[];
}

// The MEDICA demo event end to end: suggestions → reviews and requests → selected pairs.
describe('pair selection (HTTP)', () => {
  let t: TestApp;
  let admin: [string, string];
  let organiser: [string, string];
  const companies = new Map<string, [string, string]>();
  let de: string[];
  let jp: string[];

  const key = async (body: object) => bearer((await request(t.http).post('/api/admin/api-keys').set(...admin).send(body).expect(201)).body.key as string);
  const as = (org: string) => companies.get(org)!;
  const has = (s: Selection, a: string, b: string) => s.pairs.find((p) => (p.a.id === a && p.b.id === b) || (p.a.id === b && p.b.id === a));

  /** Queues a scheduling run of the current selection and waits for its draft. */
  async function runSchedule(): Promise<Schedule> {
    const run = await request(t.http).post(`/api/events/${MEDICA}/schedules`).set(...organiser).send({ timeLimitMs: 2000 }).expect(202);
    for (let i = 0; i < 300; i++) {
      const got = (await request(t.http).get(`/api/events/${MEDICA}/schedules/${run.body.id}`).set(...organiser).expect(200)).body as Schedule;
      if (got.status !== 'queued' && got.status !== 'running') return got;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error('the schedule did not finish');
  }

  beforeAll(async () => {
    t = await startTestApp();
    admin = bearer(t.adminKey);
    organiser = await key({ name: 'medica team', role: 'organiser', eventSlugs: [MEDICA] });
    const members = await sql<{ id: string; country: string }>(t, 'SELECT o.id, o.country FROM event_participants ep JOIN events e ON e.id = ep.event_id JOIN organisations o ON o.id = ep.organisation_id WHERE e.slug = $1 ORDER BY o.id', [MEDICA]);
    de = members.filter((m) => m.country === 'DE').map((m) => m.id);
    jp = members.filter((m) => m.country === 'JP').map((m) => m.id);
    for (const m of members) companies.set(m.id, await key({ name: `company ${m.id}`, role: 'participant', organisationId: m.id }));
    for (let i = 0; i < 200; i++) {
      const s = await request(t.http).get(`/api/events/${MEDICA}/matching`).set(...admin).expect(200);
      if (s.body.status === 'idle' && s.body.listsStored === members.length) break;
      await new Promise((r) => setTimeout(r, 100));
    }
  });
  afterAll(() => t?.close());

  it('selects confirmed, mutual and forced pairs first, never forbidden ones, within capacity, and explains shortfalls', async () => {
    // Companies review their suggestions.
    const mine = (await request(t.http).get(`/api/events/${MEDICA}/participants/${de[0]}/suggestions`).set(...as(de[0])).expect(200)).body.suggestions;
    const partner = mine[mine.length - 1].organisation.id as string; // the weakest suggestion: only a review gets it selected
    await request(t.http).put(`/api/events/${MEDICA}/participants/${de[0]}/marks/${partner}`).set(...as(de[0])).send({ mark: 'must-meet' }).expect(200);
    await request(t.http).put(`/api/events/${MEDICA}/participants/${partner}/marks/${de[0]}`).set(...as(partner)).send({ mark: 'interested' }).expect(200);
    // A meeting request, accepted.
    const sent = await request(t.http).post(`/api/events/${MEDICA}/participants/${jp[1]}/requests`).set(...as(jp[1])).send({ to: de[1] }).expect(201);
    await request(t.http).post(`/api/events/${MEDICA}/participants/${de[1]}/requests/${sent.body.id}/accept`).set(...as(de[1])).expect(200);
    // Organisers force one pair (even within one country) and forbid another.
    await request(t.http).put(`/api/events/${MEDICA}/pairs/${de[2]}/${de[3]}`).set(...organiser).send({ state: 'forced' }).expect(200);
    const top = (await request(t.http).get(`/api/events/${MEDICA}/participants/${jp[2]}/suggestions`).set(...organiser).expect(200)).body.suggestions[0].organisation.id as string;
    await request(t.http).put(`/api/events/${MEDICA}/pairs/${jp[2]}/${top}`).set(...organiser).send({ state: 'forbidden' }).expect(200);
    // Everyone should get 2 to 4 meetings.
    await request(t.http).patch(`/api/events/${MEDICA}`).set(...organiser).send({ minMeetings: 2, maxMeetings: 4 }).expect(200);

    const res = await request(t.http).post(`/api/events/${MEDICA}/selection`).set(...organiser).send({}).expect(200);
    const s = res.body as Selection;
    expect(has(s, de[0], partner)?.kind).toMatch(/confirmed|mutual/);
    expect(has(s, jp[1], de[1])?.kind).toBe('confirmed');
    expect(has(s, de[2], de[3])?.kind).toBe('forced');
    expect(has(s, jp[2], top)).toBeUndefined();
    // Everything else follows the cross-country rule.
    const country = new Map([...de.map((id) => [id, 'DE'] as const), ...jp.map((id) => [id, 'JP'] as const)]);
    for (const p of s.pairs.filter((x) => x.kind !== 'forced')) expect(country.get(p.a.id)).not.toBe(country.get(p.b.id));
    for (const p of s.participants) {
      expect(p.selected).toBeLessThanOrEqual(p.max);
      expect(p.max).toBe(4);
      if (p.shortfall > 0) expect(p.reasons.length).toBeGreaterThan(0);
      expect(p.shortfall).toBe(Math.max(0, Math.min(p.min, p.capacity) - p.selected));
    }
    expect(s.participants.filter((p) => p.shortfall === 0).length).toBeGreaterThan(s.participants.length / 2);
    expect(s.method).toMatch(/^exact|heuristic/);
    // 20 slots × 10 tables leave room for every pair.
    expect(s.warnings.map((w) => w.code)).not.toContain('exceeds-table-capacity');

    const again = await request(t.http).get(`/api/events/${MEDICA}/selection`).set(...admin).expect(200);
    expect(again.body.id).toBe(s.id);
    expect(again.body.pairs).toEqual(s.pairs);
  });

  it('warns when the selected pairs do not fit the event’s slots × tables', async () => {
    // Before any schedule is published: tables may not shrink below a published schedule's meetings.
    const slots = ((await request(t.http).get(`/api/events/${MEDICA}/slots`).set(...organiser).expect(200)).body as { slots: unknown[] }).slots.length;
    const pairs = ((await request(t.http).get(`/api/events/${MEDICA}/selection`).set(...organiser).expect(200)).body as Selection).pairs.length;
    const tables = Math.floor((pairs - 1) / slots);
    expect(tables).toBeGreaterThanOrEqual(1);
    await request(t.http).patch(`/api/events/${MEDICA}`).set(...organiser).send({ tables }).expect(200);
    try {
      const s = (await request(t.http).post(`/api/events/${MEDICA}/selection`).set(...organiser).send({}).expect(200)).body as Selection;
      const warning = s.warnings.find((w) => w.code === 'exceeds-table-capacity');
      expect(warning?.message).toBe(
        `${s.pairs.length} pairs selected but the event has room for ${slots * tables} meetings (${slots} slots × ${tables} tables): at least ${s.pairs.length - slots * tables} cannot be scheduled; add tables or slots, or lower maxMeetings`,
      );
    } finally {
      await request(t.http).patch(`/api/events/${MEDICA}`).set(...organiser).send({ tables: 10 }).expect(200);
    }
  });

  it('goes on to a published schedule and a company’s agenda as ICS', async () => {
    const run = await request(t.http).post(`/api/events/${MEDICA}/schedules`).set(...organiser).send({ timeLimitMs: 2000 }).expect(202);
    let schedule: { status: string; quality: { placed: number; meetings: number; fairness: number } } = run.body;
    for (let i = 0; i < 300 && !['draft', 'failed'].includes(schedule.status); i++) {
      await new Promise((r) => setTimeout(r, 100));
      schedule = (await request(t.http).get(`/api/events/${MEDICA}/schedules/${run.body.id}`).set(...organiser).expect(200)).body;
    }
    expect(schedule.status).toBe('draft');
    const selection = (await request(t.http).get(`/api/events/${MEDICA}/selection`).set(...organiser).expect(200)).body as Selection;
    expect(schedule.quality.placed).toBe(selection.pairs.length);
    expect(schedule.quality.fairness).toBeLessThanOrEqual(2);
    await request(t.http).post(`/api/events/${MEDICA}/schedules/${run.body.id}/publish`).set(...organiser).expect(200);
    const ics = await request(t.http).get(`/api/events/${MEDICA}/participants/${de[0]}/agenda.ics`).set(...as(de[0])).expect(200);
    expect(ics.headers['content-type']).toContain('text/calendar');
    const meetings = selection.pairs.filter((p) => p.a.id === de[0] || p.b.id === de[0]).length;
    expect(ics.text.match(/BEGIN:VEVENT/g)).toHaveLength(meetings);
    await request(t.http).get(`/api/events/${MEDICA}/participants/${de[1]}/agenda.ics`).set(...as(de[0])).expect(404);
  });

  it('keeps the pairs of locked meetings when the pairs are selected again, and names every lock it cannot keep', async () => {
    const published = ((await request(t.http).get(`/api/events/${MEDICA}/schedules`).set(...organiser).expect(200)).body as Schedule[]).find((x) => x.status === 'published')!;
    const schedule = (await request(t.http).get(`/api/events/${MEDICA}/schedules/${published.id}`).set(...organiser).expect(200)).body as Schedule;
    const before = (await request(t.http).get(`/api/events/${MEDICA}/selection`).set(...organiser).expect(200)).body as Selection;
    // Pairs selected only as suggestions: nothing but the lists keeps them selected.
    const [keep1, keep2, forbid] = schedule.meetings.filter((m) => has(before, m.a.id, m.b.id)?.kind === 'suggested');
    expect(forbid).toBeDefined();
    for (const m of [keep1, keep2, forbid]) {
      await request(t.http).patch(`/api/events/${MEDICA}/schedules/${published.id}/meetings/${m.id}`).set(...organiser).send({ locked: true }).expect(200);
    }
    // The lists change (as after a profile edit): neither side of keep1 and keep2 is suggested to the other any more.
    for (const m of [keep1, keep2]) {
      for (const [owner, other] of [[m.a.id, m.b.id], [m.b.id, m.a.id]]) {
        await sql(
          t,
          `UPDATE match_lists SET suggestions = (SELECT coalesce(jsonb_agg(s ORDER BY n), '[]'::jsonb) FROM jsonb_array_elements(suggestions) WITH ORDINALITY AS x(s, n) WHERE s->>'organisationId' <> $2)
            WHERE organisation_id = $1 AND event_id = (SELECT id FROM events WHERE slug = $3)`,
          [owner, other, MEDICA],
        );
      }
    }
    // The organisers forbid the third pair: a forbid beats a lock.
    await request(t.http).put(`/api/events/${MEDICA}/pairs/${forbid.a.id}/${forbid.b.id}`).set(...organiser).send({ state: 'forbidden' }).expect(200);

    const s = (await request(t.http).post(`/api/events/${MEDICA}/selection`).set(...organiser).send({}).expect(200)).body as Selection;
    expect(has(s, keep1.a.id, keep1.b.id)?.kind).toBe('suggested');
    expect(has(s, keep2.a.id, keep2.b.id)?.kind).toBe('suggested');
    expect(has(s, forbid.a.id, forbid.b.id)).toBeUndefined();
    expect(s.warnings).toContainEqual(expect.objectContaining({ code: 'locked-forbidden', participants: [forbid.a.id, forbid.b.id].sort() }));

    const next = await runSchedule();
    expect(next.status).toBe('draft');
    expect(next.quality).toMatchObject({ lockedKept: 2, locksDropped: 1 });
    expect(next.quality.warnings).toContain(`the locked meeting of ${forbid.a.name} and ${forbid.b.name} (slot ${forbid.slot}, table ${forbid.table}) is dropped: the pair is no longer selected`);
    for (const m of [keep1, keep2]) {
      expect(next.meetings.find((x) => x.a.id === m.a.id && x.b.id === m.b.id)).toMatchObject({ slot: m.slot, table: m.table, locked: true });
    }
  });

  it('is for admins and the event’s organisers only', async () => {
    await request(t.http).post(`/api/events/${MEDICA}/selection`).expect(401);
    await request(t.http).post(`/api/events/${MEDICA}/selection`).set(...as(de[0])).send({}).expect(403);
    const other = await key({ name: 'other team', role: 'organiser' });
    await request(t.http).get(`/api/events/${MEDICA}/selection`).set(...other).expect(404);
    const bad = await request(t.http).post(`/api/events/${MEDICA}/selection`).set(...organiser).send({ minimumPriority: 'whatever' }).expect(400);
    expect(bad.body.details[0].field).toBe('minimumPriority');
  });
});
