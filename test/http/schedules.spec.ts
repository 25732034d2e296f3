import { parse } from 'csv-parse/sync';
import * as ical from 'node-ical';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { meetingUid } from '../../src/scheduling/agenda-format';
import { bearer, sql, startTestApp, type TestApp } from '../support/test-app';

const MEDICA = 'medica-2007-hamamatsu-jena';
const TABLES = 10;
const SLOTS = 20;

interface ScheduleBody {
  status: string;
  progress: number;
  quality: {
    meetings: number;
    placed: number;
    unplaced: Array<{ a: string; b: string; aName: string; reasons: string[] }>;
    warnings: string[];
    [key: string]: unknown;
  };
  meetings: Meeting[];
}

/** A meeting of a participant's agenda, as the JSON route answers it. */
interface AgendaMeeting {
  meetingId: string;
  partner: { id: string; name: string };
  table: number;
  start: string;
  end: string;
  homeStart: string;
  homeEnd: string;
  startUtc: string;
  endUtc: string;
  interpreterNeeded: boolean;
}

interface Meeting {
  id: string;
  slot: number;
  table: number;
  startUtc: string;
  endUtc: string;
  a: { id: string; name: string };
  b: { id: string; name: string };
  locked: boolean;
}

describe('meeting schedules: solve job, publish, locks, agendas (HTTP)', () => {
  let t: TestApp;
  let admin: [string, string];
  let organiser: [string, string];
  let otherOrganiser: [string, string];
  let participant: [string, string];
  let eventId: string;
  let de: string[];
  let jp: string[];
  let pairs: Array<[string, string]>;
  let firstId: string;
  let secondId: string;
  let lockedMeetings: Meeting[];

  async function insertSelection(list: Array<[string, string]>, event = eventId): Promise<string> {
    const [{ id }] = await sql<{ id: string }>(t, `INSERT INTO pair_selections (event_id, report, created_at) VALUES ($1, '{}', now() + (SELECT count(*) FROM pair_selections) * interval '1 second') RETURNING id`, [event]);
    for (const [a, b] of list) {
      await sql(t, `INSERT INTO selected_pairs (selection_id, event_id, organisation_a, organisation_b, score, kind) VALUES ($1, $2, $3, $4, 0.5, 'suggested')`, [id, event, a < b ? a : b, a < b ? b : a]);
    }
    return id;
  }

  async function runSchedule(key: [string, string] = organiser, slug = MEDICA): Promise<{ id: string; body: ScheduleBody }> {
    const res = await request(t.http).post(`/api/events/${slug}/schedules`).set(...key).send({ timeLimitMs: 800 }).expect(202);
    expect(res.body.status).toBe('queued');
    for (let i = 0; i < 300; i++) {
      const got = await request(t.http).get(`/api/events/${slug}/schedules/${res.body.id}`).set(...key).expect(200);
      if (got.body.status !== 'queued' && got.body.status !== 'running') return { id: res.body.id as string, body: got.body as ScheduleBody };
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error('the schedule did not finish');
  }

  /** Re-validates every hard constraint on the stored rows, independently of the core. */
  async function checkHardConstraints(scheduleId: string): Promise<void> {
    const rows = await sql<{ a: string; b: string; slot: number; table_number: number }>(t, 'SELECT organisation_a AS a, organisation_b AS b, slot_index AS slot, table_number FROM scheduled_meetings WHERE schedule_id = $1', [scheduleId]);
    const blocked = new Map((await sql<{ id: string; blocked: number[] }>(t, 'SELECT organisation_id AS id, blocked_slots AS blocked FROM event_participants WHERE event_id = $1', [eventId])).map((r) => [r.id, r.blocked]));
    const busy = new Set<string>();
    const tables = new Set<string>();
    const perSlot = new Map<number, number>();
    for (const r of rows) {
      expect(r.slot).toBeGreaterThanOrEqual(0);
      expect(r.slot).toBeLessThan(SLOTS);
      expect(r.table_number).toBeGreaterThanOrEqual(1);
      expect(r.table_number).toBeLessThanOrEqual(TABLES);
      for (const p of [r.a, r.b]) {
        expect(busy.has(`${p}@${r.slot}`)).toBe(false);
        busy.add(`${p}@${r.slot}`);
        expect(blocked.get(p) ?? []).not.toContain(r.slot);
      }
      expect(tables.has(`${r.slot}@${r.table_number}`)).toBe(false);
      tables.add(`${r.slot}@${r.table_number}`);
      perSlot.set(r.slot, (perSlot.get(r.slot) ?? 0) + 1);
    }
    for (const n of perSlot.values()) expect(n).toBeLessThanOrEqual(TABLES);
  }

  beforeAll(async () => {
    t = await startTestApp();
    admin = bearer(t.adminKey);
    const key = async (body: object) => bearer((await request(t.http).post('/api/admin/api-keys').set(...admin).send(body).expect(201)).body.key as string);
    const members = await sql<{ id: string; country: string; event_id: string }>(
      t,
      'SELECT o.id, o.country, e.id AS event_id FROM event_participants ep JOIN events e ON e.id = ep.event_id JOIN organisations o ON o.id = ep.organisation_id WHERE e.slug = $1 ORDER BY o.id',
      [MEDICA],
    );
    eventId = members[0].event_id;
    de = members.filter((m) => m.country === 'DE').map((m) => m.id);
    jp = members.filter((m) => m.country === 'JP').map((m) => m.id);
    const all: Array<[string, string]> = [];
    de.forEach((d, i) => jp.forEach((j, k) => all.push([d, j]) && void [i, k]));
    pairs = all.filter((_, i) => i % 3 === 0).slice(0, 30);
    organiser = await key({ name: 'medica team', role: 'organiser', eventSlugs: [MEDICA] });
    otherOrganiser = await key({ name: 'other team', role: 'organiser' });
    participant = await key({ name: 'company', role: 'participant', organisationId: jp[0] });
    // de[0] is away for the first four slots.
    await sql(t, 'UPDATE event_participants SET blocked_slots = $3 WHERE event_id = $1 AND organisation_id = $2', [eventId, de[0], [0, 1, 2, 3]]);
    await insertSelection(pairs);
  });
  afterAll(() => t?.close());

  it('lets only admins and the event’s organisers schedule', async () => {
    await request(t.http).post(`/api/events/${MEDICA}/schedules`).send({}).expect(401);
    await request(t.http).post(`/api/events/${MEDICA}/schedules`).set(...participant).send({}).expect(403);
    await request(t.http).post(`/api/events/${MEDICA}/schedules`).set(...otherOrganiser).send({}).expect(404);
    await request(t.http).get(`/api/events/${MEDICA}/schedules`).set(...participant).expect(403);
    const bad = await request(t.http).post(`/api/events/${MEDICA}/schedules`).set(...organiser).send({ timeLimitMs: 5, fairnessD: -1 }).expect(400);
    expect(bad.body.details.map((d: { field: string }) => d.field).sort()).toEqual(['fairnessD', 'timeLimitMs']);
  });

  it('schedules every selected pair in a worker job into a draft that keeps every hard constraint', async () => {
    const { id, body } = await runSchedule();
    firstId = id;
    expect(body.status).toBe('draft');
    expect(body.progress).toBe(1);
    expect(body.quality).toMatchObject({ meetings: 30, placed: 30, unplaced: [], valid: true, fairnessHolds: true, fairnessD: 2 });
    expect(body.quality.breaksTotal).toEqual(expect.any(Number));
    expect(body.quality.maxBreaks).toEqual(expect.any(Number));
    expect(body.quality.elapsedMs).toEqual(expect.any(Number));
    expect(body.meetings).toHaveLength(30);
    const stored = new Set((body.meetings).map((m) => [m.a.id, m.b.id].sort().join('|')));
    expect(stored).toEqual(new Set(pairs.map((p) => [...p].sort().join('|'))));
    await checkHardConstraints(id);
    const list = await request(t.http).get(`/api/events/${MEDICA}/schedules`).set(...organiser).expect(200);
    expect(list.body[0]).toMatchObject({ id, status: 'draft' });
  });

  it('shows no agenda before a schedule is published, then publishes the draft', async () => {
    await request(t.http).get(`/api/events/${MEDICA}/participants/${jp[0]}/agenda`).set(...participant).expect(404);
    await request(t.http).post(`/api/events/${MEDICA}/schedules/${firstId}/publish`).set(...participant).expect(403);
    const res = await request(t.http).post(`/api/events/${MEDICA}/schedules/${firstId}/publish`).set(...organiser).expect(200);
    expect(res.body).toMatchObject({ id: firstId, status: 'published' });
    expect(res.body.publishedAt).toEqual(expect.any(String));
  });

  it('keeps locked meetings at their slot and table when the event is scheduled again', async () => {
    const first = (await request(t.http).get(`/api/events/${MEDICA}/schedules/${firstId}`).set(...organiser).expect(200)).body.meetings as Meeting[];
    lockedMeetings = [first[0], first[first.length - 1]];
    for (const m of lockedMeetings) {
      const res = await request(t.http).patch(`/api/events/${MEDICA}/schedules/${firstId}/meetings/${m.id}`).set(...organiser).send({ locked: true }).expect(200);
      expect(res.body).toMatchObject({ id: m.id, locked: true, slot: m.slot, table: m.table });
    }
    await request(t.http).patch(`/api/events/${MEDICA}/schedules/${firstId}/meetings/${first[1].id}`).set(...organiser).send({ locked: 'yes' }).expect(400);
    await request(t.http).patch(`/api/events/${MEDICA}/schedules/${firstId}/meetings/00000000-0000-4000-8000-000000000000`).set(...organiser).send({ locked: true }).expect(404);

    const { id, body } = await runSchedule();
    secondId = id;
    expect(body.quality).toMatchObject({ placed: 30, lockedKept: 2, locksDropped: 0, valid: true });
    await checkHardConstraints(id);
    for (const m of lockedMeetings) {
      const again = (body.meetings).find((x) => x.a.id === m.a.id && x.b.id === m.b.id)!;
      expect(again).toMatchObject({ slot: m.slot, table: m.table, locked: true });
    }
    await request(t.http).post(`/api/events/${MEDICA}/schedules/${secondId}/publish`).set(...organiser).expect(200);
    const old = await request(t.http).get(`/api/events/${MEDICA}/schedules/${firstId}`).set(...organiser).expect(200);
    expect(old.body.status).toBe('superseded');
    await request(t.http).post(`/api/events/${MEDICA}/schedules/${firstId}/publish`).set(...organiser).expect(409);
  });

  it('gives a participant its agenda in venue time with its home time beside it, and the interpreter flag', async () => {
    const me = jp[0];
    const mine = pairs.filter((p) => p.includes(me));
    // No shared language with its partners, and only one partner brings an interpreter.
    await sql(t, `UPDATE event_participants SET languages = '{ja}' WHERE event_id = $1 AND organisation_id = $2`, [eventId, me]);
    await sql(t, `UPDATE event_participants SET languages = '{de}' WHERE event_id = $1 AND organisation_id = ANY($2::uuid[])`, [eventId, mine.map((p) => p[0])]);
    await sql(t, `UPDATE event_participants SET brings_interpreter = true WHERE event_id = $1 AND organisation_id = $2`, [eventId, mine[0][0]]);

    const res = await request(t.http).get(`/api/events/${MEDICA}/participants/${me}/agenda`).set(...participant).expect(200);
    // A Hamamatsu company at MEDICA in Düsseldorf: the meetings happen there, in the event's zone.
    expect(res.body).toMatchObject({ event: MEDICA, scheduleId: secondId, timeZone: 'Europe/Berlin', homeTimeZone: 'Asia/Tokyo', organisation: { id: me } });
    const agenda = res.body.meetings as AgendaMeeting[];
    expect(agenda).toHaveLength(mine.length);
    const stored = (await request(t.http).get(`/api/events/${MEDICA}/schedules/${secondId}`).set(...organiser).expect(200)).body.meetings as Meeting[];
    for (const m of agenda) {
      const s = stored.find((x) => x.id === m.meetingId)!;
      expect(m).toMatchObject({ table: s.table, startUtc: s.startUtc, endUtc: s.endUtc });
      // Düsseldorf in November is UTC+1, Hamamatsu UTC+9: 09:00 at the venue is 17:00 at home, 16:00 midnight.
      expect(m.start).toMatch(/^2007-11-1[56]T(09|1\d):\d\d\+01:00$/);
      expect(m.end).toMatch(/^2007-11-1[56]T\d\d:\d\d\+01:00$/);
      expect(m.homeStart).toMatch(/^2007-11-1[567]T\d\d:\d\d\+09:00$/);
      expect(m.homeEnd).toMatch(/^2007-11-1[567]T\d\d:\d\d\+09:00$/);
      const instant = (iso: string) => Date.parse(iso.replace(/([+-]\d\d:\d\d)$/, ':00$1'));
      expect([instant(m.start), instant(m.end)]).toEqual([Date.parse(m.startUtc), Date.parse(m.endUtc)]);
      expect([instant(m.homeStart), instant(m.homeEnd)]).toEqual([Date.parse(m.startUtc), Date.parse(m.endUtc)]);
      expect(m.interpreterNeeded).toBe(m.partner.id !== mine[0][0]);
    }
    expect(agenda.map((m) => m.startUtc)).toEqual([...agenda.map((m) => m.startUtc)].sort());
  });

  it('exports the agenda as ICS (one VEVENT per meeting, right times) and CSV', async () => {
    const me = jp[0];
    const agenda = (await request(t.http).get(`/api/events/${MEDICA}/participants/${me}/agenda`).set(...organiser).expect(200)).body.meetings as AgendaMeeting[];
    const ics = await request(t.http).get(`/api/events/${MEDICA}/participants/${me}/agenda.ics`).set(...participant).expect(200);
    expect(ics.headers['content-type']).toMatch(/^text\/calendar/);
    // RFC 5545 framing: CRLF lines, no line longer than 75 octets, the calendar wrapping every event.
    const lines = ics.text.split('\r\n');
    expect(lines[0]).toBe('BEGIN:VCALENDAR');
    expect(lines.filter((l) => l !== '').at(-1)).toBe('END:VCALENDAR');
    for (const l of lines) expect(Buffer.byteLength(l)).toBeLessThanOrEqual(75);
    const parsed = ical.sync.parseICS(ics.text);
    const events = Object.values(parsed).filter((c): c is ical.VEvent => c?.type === 'VEVENT');
    expect(events).toHaveLength(agenda.length);
    for (const m of agenda) {
      // The meeting is named by its event and pair, the same in both sides' calendars.
      const e = events.find((x) => x.uid === meetingUid(MEDICA, me, m.partner.id))!;
      expect(e).toBeDefined();
      expect(new Date(e.start).toISOString()).toBe(m.startUtc);
      expect(new Date(e.end!).toISOString()).toBe(m.endUtc);
      expect(JSON.stringify(e.summary)).toContain(m.partner.name);
      // Calendars convert the UTC times; the text gives the venue time, then the participant's own.
      const text = typeof e.description === 'string' ? e.description : (e.description?.val ?? '');
      expect(text).toContain(`Local time (Europe/Berlin): ${m.start} – ${m.end}`);
      expect(text).toContain(`Your time (Asia/Tokyo): ${m.homeStart} – ${m.homeEnd}`);
      expect(text.indexOf('Local time')).toBeLessThan(text.indexOf('Your time'));
    }

    const csv = await request(t.http).get(`/api/events/${MEDICA}/participants/${me}/agenda.csv`).set(...participant).expect(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    // Excel needs the byte order mark to read UTF-8; records end with CRLF (RFC 4180).
    expect(csv.text.startsWith('\uFEFFdate,start,end,time_zone,representative,partner,partner_representative,partner_country,table,interpreter_needed,start_utc,end_utc,home_start,home_end,home_time_zone\r\n')).toBe(true);
    expect(csv.text.split('\r\n')).toHaveLength(agenda.length + 2);
    const rows: Array<Record<string, string>> = parse(csv.text, { columns: true, bom: true });
    expect(rows).toHaveLength(agenda.length);
    rows.forEach((r, i) => {
      const m = agenda[i];
      expect(r).toMatchObject({
        date: m.start.slice(0, 10),
        start: m.start.slice(11, 16),
        end: m.end.slice(11, 16),
        time_zone: 'Europe/Berlin',
        partner: m.partner.name,
        table: String(m.table),
        start_utc: m.startUtc,
        home_start: `${m.homeStart.slice(0, 10)} ${m.homeStart.slice(11, 16)}`,
        home_end: `${m.homeEnd.slice(0, 10)} ${m.homeEnd.slice(11, 16)}`,
        home_time_zone: 'Asia/Tokyo',
      });
      expect(r.date).toMatch(/^2007-11-1[56]$/);
      expect(r.interpreter_needed).toMatch(/^(yes|no)$/);
    });
  });

  it('documents the agenda’s venue and home times in the OpenAPI document', async () => {
    const docs = (await request(t.http).get('/docs-json').expect(200)).body as {
      paths: Record<string, { get: { responses: Record<string, { content: Record<string, { schema: { $ref: string } }> }> } }>;
      components: { schemas: Record<string, { properties: Record<string, { nullable?: boolean; type?: string }>; required?: string[] }> };
    };
    const ref = docs.paths['/api/events/{event}/participants/{org}/agenda'].get.responses['200'].content['application/json'].schema.$ref;
    const agenda = docs.components.schemas[ref.split('/').at(-1)!];
    expect(agenda.properties.timeZone.type).toBe('string');
    expect(agenda.properties.homeTimeZone).toMatchObject({ type: 'string', nullable: true });
    const entry = docs.components.schemas.AgendaEntryResponse;
    for (const field of ['homeStart', 'homeEnd']) expect(entry.properties[field]).toMatchObject({ type: 'string', nullable: true });
    expect(entry.required).toEqual(expect.arrayContaining(['start', 'end', 'homeStart', 'homeEnd', 'startUtc', 'endUtc']));
  });

  it('exports the organisers’ grid: slot × table with partner names', async () => {
    const res = await request(t.http).get(`/api/events/${MEDICA}/schedules/${secondId}/grid.csv`).set(...organiser).expect(200);
    expect(res.text.startsWith('\uFEFFslot,')).toBe(true);
    expect(res.text.split('\r\n')).toHaveLength(SLOTS + 2);
    const rows: string[][] = parse(res.text, { bom: true });
    expect(rows[0]).toEqual(['slot', 'day', 'session', 'start', 'end', ...Array.from({ length: TABLES }, (_, i) => `table_${i + 1}`)]);
    expect(rows).toHaveLength(SLOTS + 1);
    expect(rows[1].slice(0, 5)).toEqual(['0', '2007-11-15', 'morning', '09:00', '09:20']);
    const cells = rows.slice(1).flatMap((r) => r.slice(5)).filter((c) => c !== '');
    expect(cells).toHaveLength(30);
    expect(cells.every((c) => c.includes(' × '))).toBe(true);
    await request(t.http).get(`/api/events/${MEDICA}/schedules/${secondId}/grid.csv`).set(...participant).expect(403);
  });

  it('keeps a company to its own agenda', async () => {
    await request(t.http).get(`/api/events/${MEDICA}/participants/${jp[1]}/agenda`).set(...participant).expect(404);
    await request(t.http).get(`/api/events/${MEDICA}/participants/${jp[1]}/agenda.ics`).set(...participant).expect(404);
    await request(t.http).get(`/api/events/${MEDICA}/participants/${jp[1]}/agenda`).set(...organiser).expect(200);
    await request(t.http).get(`/api/events/${MEDICA}/participants/${jp[1]}/agenda`).set(...otherOrganiser).expect(404);
    await request(t.http).get(`/api/events/${MEDICA}/participants/${jp[1]}/agenda.csv`).expect(401);
  });

  it('reports the meetings that cannot be placed, with the reasons', async () => {
    // jp[1] is free in two slots only but should meet five partners.
    await sql(t, 'UPDATE event_participants SET blocked_slots = $3 WHERE event_id = $1 AND organisation_id = $2', [eventId, jp[1], Array.from({ length: SLOTS - 2 }, (_, i) => i)]);
    await insertSelection(de.slice(0, 5).map((d) => [d, jp[1]] as [string, string]));
    const { id, body } = await runSchedule(admin);
    expect(body.status).toBe('draft');
    expect(body.quality.meetings).toBe(5);
    expect(body.quality.placed).toBeLessThanOrEqual(2);
    expect(body.quality.unplaced.length).toBe(5 - body.quality.placed);
    const [{ name }] = await sql<{ name: string }>(t, 'SELECT name FROM organisations WHERE id = $1', [jp[1]]);
    for (const u of body.quality.unplaced) {
      expect([u.a, u.b]).toContain(jp[1]);
      expect(u.aName).toEqual(expect.any(String));
      expect(u.reasons.length).toBeGreaterThan(0);
      // Reasons name the organisation, not its id.
      expect(u.reasons.join(' ')).toContain(`participant ${name} has 5 meetings`);
      expect(u.reasons.join(' ')).not.toContain(jp[1]);
    }
    await checkHardConstraints(id);
  });

  it('names a partner that left the event after publication in every agenda export, and refuses to lock its meeting', async () => {
    const me = jp[0];
    const published = (await request(t.http).get(`/api/events/${MEDICA}/schedules/${secondId}`).set(...organiser).expect(200)).body as ScheduleBody;
    const meeting = published.meetings.find((m) => m.a.id === me || m.b.id === me)!;
    const gone = meeting.a.id === me ? meeting.b : meeting.a;
    const [org] = await sql<{ name: string; country: string }>(t, 'SELECT name, country FROM organisations WHERE id = $1', [gone.id]);
    // The partner leaves; its organisation stays. (Straight in the table: leaving may be refused while it has published meetings.)
    await sql(t, 'DELETE FROM event_participants WHERE event_id = $1 AND organisation_id = $2', [eventId, gone.id]);

    const agenda = (await request(t.http).get(`/api/events/${MEDICA}/participants/${me}/agenda`).set(...participant).expect(200)).body as { meetings: Array<{ meetingId: string; partner: { id: string; name: string; country: string } }> };
    expect(agenda.meetings.find((m) => m.meetingId === meeting.id)!.partner).toMatchObject({ id: gone.id, name: org.name, country: org.country });
    const ics = await request(t.http).get(`/api/events/${MEDICA}/participants/${me}/agenda.ics`).set(...participant).expect(200);
    const event = Object.values(ical.sync.parseICS(ics.text)).find((c): c is ical.VEvent => c?.type === 'VEVENT' && c.uid === meetingUid(MEDICA, me, gone.id))!;
    expect(JSON.stringify(event.summary)).toContain(org.name);
    expect(ics.text).not.toContain(gone.id);
    const csv = await request(t.http).get(`/api/events/${MEDICA}/participants/${me}/agenda.csv`).set(...participant).expect(200);
    const rows: Array<Record<string, string>> = parse(csv.text, { columns: true, bom: true });
    expect(rows.map((r) => r.partner)).toContain(org.name);
    expect(csv.text).not.toContain(gone.id);
    expect(rows.find((r) => r.partner === org.name)!.partner_country).toBe(org.country);

    // Locking a meeting with a participant that left is refused, naming it; unlocking is not.
    const refused = await request(t.http).patch(`/api/events/${MEDICA}/schedules/${secondId}/meetings/${meeting.id}`).set(...organiser).send({ locked: true }).expect(409);
    expect(refused.body.message).toContain(org.name);
    await request(t.http).patch(`/api/events/${MEDICA}/schedules/${secondId}/meetings/${meeting.id}`).set(...organiser).send({ locked: false }).expect(200);
  });

  describe('publishing against the event as it is now, and taking a publication back', () => {
    const SLUG = 'publish-rules-day';
    const base = `/api/events/${SLUG}`;
    const MORNING = { name: 'morning', start: '09:00', end: '10:00' };
    // Two days of three 20-minute slots; two tables.
    const TWO_DAYS = [{ date: '2026-05-12', sessions: [MORNING] }, { date: '2026-05-13', sessions: [MORNING] }];
    const SETUP_CHANGED = "the event's slots or tables changed since this schedule was made; schedule again";
    let ev: string;
    let A: { id: string; name: string }, B: typeof A, C: typeof A, D: typeof A, E: typeof A;
    let superseded: string;
    let taken: string;
    const publish = (id: string, key: [string, string] = organiser) => request(t.http).post(`${base}/schedules/${id}/publish`).set(...key);
    const unpublish = (id: string, key: [string, string] = organiser) => request(t.http).post(`${base}/schedules/${id}/unpublish`).set(...key);
    const statusOf = async (id: string) => (await request(t.http).get(`${base}/schedules/${id}`).set(...organiser).expect(200)).body.status as string;
    const join = (o: { id: string }) => request(t.http).post(`${base}/participants`).set(...organiser).send({ participants: [{ organisationId: o.id }] }).expect(201);

    beforeAll(async () => {
      [A, B, C, D, E] = await sql<{ id: string; name: string }>(t, 'SELECT id, name FROM organisations ORDER BY id LIMIT 5');
      const created = await request(t.http)
        .post('/api/events')
        .set(...organiser)
        .send({ slug: SLUG, name: 'Publish rules day', timeZone: 'Europe/Berlin', startsOn: '2026-05-12', endsOn: '2026-05-13', tables: 2, meetingRule: 'any', days: TWO_DAYS })
        .expect(201);
      ev = created.body.id as string;
      await request(t.http).post(`${base}/participants`).set(...organiser).send({ participants: [A, B, C, D].map((o) => ({ organisationId: o.id })) }).expect(201);
      await insertSelection([[A.id, B.id], [C.id, D.id], [A.id, D.id], [C.id, B.id]], ev);
    });

    it('refuses to publish a draft made for other slots or tables than the event has now; a new run is published', async () => {
      const { id: before, body } = await runSchedule(organiser, SLUG);
      expect(body).toMatchObject({ status: 'draft', quality: { placed: 4, valid: true } });
      const [stored] = await sql<{ setup_fingerprint: string | null }>(t, 'SELECT setup_fingerprint FROM schedules WHERE id = $1', [before]);
      expect(stored.setup_fingerprint).toMatch(/^[0-9a-f]{64}$/);
      // Two days become one (nothing is published, so the event may change).
      await request(t.http).patch(base).set(...organiser).send({ days: [TWO_DAYS[0]] }).expect(200);
      const fits = async (id: string) => (await request(t.http).get(`${base}/schedules/${id}`).set(...organiser).expect(200)).body.fitsEvent as boolean | null;
      expect(await fits(before)).toBe(false);
      const refused = await publish(before).expect(409);
      expect(refused.body.message).toBe(`Schedule ${before} cannot be published: ${SETUP_CHANGED}`);
      expect(refused.body.details).toEqual([{ field: 'id', messages: [SETUP_CHANGED] }]);
      expect(await statusOf(before)).toBe('draft');

      const { id: again } = await runSchedule(organiser, SLUG);
      // Tables count too; what matters is the set-up the run was made for, not whether it ever changed.
      expect(await fits(again)).toBe(true);
      await request(t.http).patch(base).set(...organiser).send({ tables: 3 }).expect(200);
      expect(await fits(again)).toBe(false);
      const listed = (await request(t.http).get(`${base}/schedules`).set(...organiser).expect(200)).body as Array<{ id: string; fitsEvent: boolean | null }>;
      expect(listed.filter((x) => x.id === again || x.id === before).map((x) => x.fitsEvent)).toEqual([false, false]);
      expect((await publish(again).expect(409)).body.message).toContain(SETUP_CHANGED);
      await request(t.http).patch(base).set(...organiser).send({ tables: 2 }).expect(200);
      expect(await fits(again)).toBe(true);
      expect((await publish(again).expect(200)).body).toMatchObject({ id: again, status: 'published' });
      await publish(before).expect(409);
      superseded = again;
    });

    it('refuses to publish a draft with meetings of a participant who has left, naming it', async () => {
      await join(E);
      await insertSelection([[A.id, B.id], [C.id, D.id], [E.id, B.id]], ev);
      const { id, body } = await runSchedule(organiser, SLUG);
      expect(body.quality.placed).toBe(3);
      // E has no published meetings, so it may leave.
      await request(t.http).delete(`${base}/participants/${E.id}`).set(...organiser).expect(204);
      const refused = await publish(id).expect(409);
      expect(refused.body.message).toBe(`Schedule ${id} cannot be published: 1 of its meetings involve ${E.name} (${E.id}), who no longer takes part in the event; schedule again`);
      expect(refused.body.details[0].field).toBe('id');
      expect(await statusOf(id)).toBe('draft');
      expect(await statusOf(superseded)).toBe('published');
      // Back in the event, the draft can be published.
      await join(E);
      await publish(id).expect(200);
      expect(await statusOf(superseded)).toBe('superseded');
      taken = id;
    });

    it('takes the published schedule back: meetings and locks stay, agendas answer as before publication, the event may change again', async () => {
      const meetings = (await request(t.http).get(`${base}/schedules/${taken}`).set(...organiser).expect(200)).body.meetings as Meeting[];
      await request(t.http).patch(`${base}/schedules/${taken}/meetings/${meetings[0].id}`).set(...organiser).send({ locked: true }).expect(200);
      await request(t.http).get(`${base}/participants/${A.id}/agenda`).set(...organiser).expect(200);
      // While it is published, slots may not move under its meetings.
      const blocked = await request(t.http).patch(base).set(...organiser).send({ slotMinutes: 30 }).expect(400);
      expect(blocked.body.details.map((d: { field: string }) => d.field)).toEqual(['slotMinutes']);

      const res = await unpublish(taken).expect(200);
      expect(res.body).toMatchObject({ id: taken, status: 'draft', publishedAt: null });
      const after = (await request(t.http).get(`${base}/schedules/${taken}`).set(...organiser).expect(200)).body as ScheduleBody;
      expect(after.meetings.map((m) => [m.id, m.slot, m.table, m.locked])).toEqual(meetings.map((m) => [m.id, m.slot, m.table, m.id === meetings[0].id]));
      // Nothing is published now; the schedule superseded before stays superseded.
      const list = (await request(t.http).get(`${base}/schedules`).set(...organiser).expect(200)).body as Array<{ id: string; status: string }>;
      expect(list.filter((s) => s.status === 'published')).toEqual([]);
      expect(list.find((s) => s.id === superseded)!.status).toBe('superseded');
      for (const suffix of ['', '.ics', '.csv']) {
        const agenda = await request(t.http).get(`${base}/participants/${A.id}/agenda${suffix}`).set(...organiser).expect(404);
        // As before the first publication, in JSON like every error.
        expect(agenda.headers['content-type']).toBe('application/json; charset=utf-8');
        expect(agenda.body.message).toBe(`${SLUG} has no published schedule`);
      }
      // The organisers' grid shows any schedule, published or not.
      await request(t.http).get(`${base}/schedules/${taken}/grid.csv`).set(...organiser).expect(200);

      await request(t.http).patch(base).set(...organiser).send({ slotMinutes: 30 }).expect(200);
      expect((await publish(taken).expect(409)).body.message).toContain(SETUP_CHANGED);
    });

    it('keeps no lock of a schedule made for other slots or tables: it is not forced into its old slot index, its pair is not kept selected, and one warning says why', async () => {
      // `taken` (unpublished, the latest draft: the lock source) was made for 20-minute slots; they are 30 minutes now.
      const [lock] = (await request(t.http).get(`${base}/schedules/${taken}`).set(...organiser).expect(200)).body.meetings.filter((m: Meeting) => m.locked) as Meeting[];
      const why = (id: string) => `1 locked meeting of schedule ${id} is not kept: the event's slots or tables changed since schedule ${id} was made`;
      const samePair = (m: Meeting) => [m.a.id, m.b.id].sort().join('|') === [lock.a.id, lock.b.id].sort().join('|');

      // Pair selection agrees: with no match lists, only a lock could keep the pair selected. The joins
      // above started a match run in the background: let it finish, then take its lists away.
      for (let i = 0; ; i++) {
        const m = (await request(t.http).get(`${base}/matching`).set(...organiser).expect(200)).body as { status: string };
        if (m.status === 'idle') break;
        if (i >= 300) throw new Error('the match run did not finish');
        await new Promise((r) => setTimeout(r, 100));
      }
      await sql(t, 'DELETE FROM match_lists WHERE event_id = $1', [ev]);
      const selection = (await request(t.http).post(`${base}/selection`).set(...organiser).send({}).expect(200)).body as {
        pairs: Array<{ a: { id: string }; b: { id: string } }>;
        warnings: Array<{ code: string; message: string }>;
      };
      expect(selection.pairs).toEqual([]);
      expect(selection.warnings).toContainEqual(expect.objectContaining({ code: 'locks-setup-changed', message: why(taken) }));
      await insertSelection([[A.id, B.id], [C.id, D.id], [E.id, B.id]], ev);

      const { id: next, body } = await runSchedule(organiser, SLUG);
      expect(body.quality).toMatchObject({ placed: 3, lockedKept: 0, locksDropped: 1, valid: true });
      expect(body.quality.warnings).toContain(why(taken));
      expect(body.meetings.find(samePair)).toMatchObject({ locked: false });

      // A lock made in this draft, for the slots and tables the event has now, is kept by the next run...
      const relock = body.meetings.find(samePair)!;
      await request(t.http).patch(`${base}/schedules/${next}/meetings/${relock.id}`).set(...organiser).send({ locked: true }).expect(200);
      const again = (await request(t.http).post(`${base}/selection`).set(...organiser).send({}).expect(200)).body as {
        pairs: Array<{ a: { id: string }; b: { id: string } }>;
        warnings: Array<{ code: string }>;
      };
      expect(again.warnings.map((w) => w.code)).not.toContain('locks-setup-changed');
      expect(again.pairs.map((p) => [p.a.id, p.b.id].sort().join('|'))).toEqual([[lock.a.id, lock.b.id].sort().join('|')]);
      await insertSelection([[A.id, B.id], [C.id, D.id], [E.id, B.id]], ev);
      const { id: kept, body: keptBody } = await runSchedule(organiser, SLUG);
      expect(keptBody.quality).toMatchObject({ lockedKept: 1, locksDropped: 0 });
      expect(keptBody.quality.warnings.filter((w) => w.includes('changed since schedule'))).toEqual([]);
      expect(keptBody.meetings.find(samePair)).toMatchObject({ slot: relock.slot, table: relock.table, locked: true });

      // ...until the tables change: then the lock of that draft is dropped too.
      await request(t.http).patch(`${base}/schedules/${kept}/meetings/${keptBody.meetings.find(samePair)!.id}`).set(...organiser).send({ locked: true }).expect(200);
      await request(t.http).patch(base).set(...organiser).send({ tables: 3 }).expect(200);
      const { body: changed } = await runSchedule(organiser, SLUG);
      expect(changed.quality).toMatchObject({ lockedKept: 0, locksDropped: 1 });
      expect(changed.quality.warnings).toContain(why(kept));
      expect(changed.meetings.find(samePair)!.locked).toBe(false);
      // A schedule made for other slots or tables takes no new lock (no run would keep it); unlocking is always allowed.
      const stale = keptBody.meetings.find((m) => !samePair(m))!;
      const refused = await request(t.http).patch(`${base}/schedules/${kept}/meetings/${stale.id}`).set(...organiser).send({ locked: true }).expect(409);
      expect(refused.body.details).toEqual([{ field: 'locked', messages: ["the event's slots or tables changed since this schedule was made"] }]);
      await request(t.http).patch(`${base}/schedules/${kept}/meetings/${keptBody.meetings.find(samePair)!.id}`).set(...organiser).send({ locked: false }).expect(200);
      await request(t.http).patch(base).set(...organiser).send({ tables: 2 }).expect(200);
    });

    it('unpublishes only the published schedule, for the event’s organisers and admins', async () => {
      const draft = await unpublish(taken).expect(409);
      expect(draft.body.message).toBe(`Only the published schedule can be unpublished; schedule ${taken} is draft`);
      expect(draft.body.details.map((d: { field: string }) => d.field)).toEqual(['id']);
      await unpublish(superseded).expect(409);
      await unpublish('00000000-0000-4000-8000-000000000000').expect(404);
      await unpublish('not-a-uuid').expect(400);
      await unpublish(taken, participant).expect(403);
      await unpublish(taken, otherOrganiser).expect(404);
      await request(t.http).post(`${base}/schedules/${taken}/unpublish`).expect(401);
    });

    it('publishes a schedule stored before runs recorded their set-up only while its meetings fit the slots and tables', async () => {
      // One day of two 30-minute slots, two tables; three meetings, two of them with B.
      const { id, body } = await runSchedule(organiser, SLUG);
      expect(body.quality.placed).toBe(3);
      await sql(t, 'UPDATE schedules SET setup_fingerprint = NULL WHERE id = $1', [id]);
      expect((await request(t.http).get(`${base}/schedules/${id}`).set(...organiser).expect(200)).body.fitsEvent).toBeNull();
      await request(t.http).patch(base).set(...organiser).send({ tables: 1 }).expect(200);
      // Three meetings in two slots: at least one of them is at table 2.
      const refused = await publish(id).expect(409);
      expect(refused.body.message).toMatch(
        /cannot be published: the event's slots or tables changed since this schedule was made: [12] of its meetings are in slots or at tables the event no longer has \(it has slots 0 to 1 and tables 1 to 1\), e\.g\. slot [01], table 2: .+ – .+; schedule again$/,
      );
      await request(t.http).patch(base).set(...organiser).send({ tables: 2 }).expect(200);
      // A meeting in a slot the grid no longer has (as when a day is dropped).
      const [last] = await sql<{ id: string; slot: number; table: number }>(t, 'SELECT id, slot_index AS slot, table_number AS table FROM scheduled_meetings WHERE schedule_id = $1 ORDER BY slot_index DESC, table_number DESC LIMIT 1', [id]);
      await sql(t, 'UPDATE scheduled_meetings SET slot_index = 2 WHERE id = $1', [last.id]);
      expect((await publish(id).expect(409)).body.message).toContain(`1 of its meetings are in slots or at tables the event no longer has (it has slots 0 to 1 and tables 1 to 2), e.g. slot 2, table ${last.table}:`);
      await sql(t, 'UPDATE scheduled_meetings SET slot_index = $2 WHERE id = $1', [last.id, last.slot]);
      expect((await publish(id).expect(200)).body.status).toBe('published');
    });

    it('publishes under the event row lock: an event change holding it is waited for, and seen', async () => {
      const runner = t.app.get(DataSource).createQueryRunner();
      await runner.connect();
      /** Holds the event row lock as an event update does, starts a publish, and returns once the publish waits for the lock. */
      const publishBehindLock = async (id: string): Promise<{ settled: () => boolean; response: Promise<request.Response> }> => {
        await runner.startTransaction();
        const [{ pid }] = (await runner.query('SELECT pg_backend_pid() AS pid')) as { pid: number }[];
        await runner.query('SELECT id FROM events WHERE id = $1 FOR UPDATE', [ev]);
        let done = false;
        const response = publish(id, admin).then((r) => {
          done = true;
          return r;
        });
        for (let i = 0; ; i++) {
          const [{ n }] = await sql<{ n: number }>(t, 'SELECT count(*)::int AS n FROM pg_stat_activity WHERE $1 = ANY(pg_blocking_pids(pid))', [pid]);
          if (n > 0) break;
          if (i >= 200 || done) throw new Error('the publish did not wait for the event row lock');
          await new Promise((r) => setTimeout(r, 25));
        }
        return { settled: () => done, response };
      };
      try {
        const { id: first } = await runSchedule(organiser, SLUG);
        const held = await publishBehindLock(first);
        expect(held.settled()).toBe(false);
        expect(await statusOf(first)).toBe('draft');
        // The change committed under the lock is what the publish then checks against.
        await runner.query('UPDATE events SET table_count = table_count + 1 WHERE id = $1', [ev]);
        await runner.commitTransaction();
        const refused = await held.response;
        expect(refused.status).toBe(409);
        expect(refused.body.message).toContain(SETUP_CHANGED);

        const { id: second } = await runSchedule(organiser, SLUG);
        const waiting = await publishBehindLock(second);
        expect(waiting.settled()).toBe(false);
        await runner.rollbackTransaction();
        const res = await waiting.response;
        expect(res.status).toBe(200);
        expect(res.body.status).toBe('published');
      } finally {
        if (runner.isTransactionActive) await runner.rollbackTransaction();
        await runner.release();
      }
    });
  });
});
