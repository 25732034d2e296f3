import request from 'supertest';
import { bearer, sql, startTestApp, type TestApp } from '../support/test-app';

const MEDICA = 'medica-2007-hamamatsu-jena';
const SLUG = 'jena-hamamatsu-photonics-day';

const seminar = (over: Record<string, unknown> = {}) => ({
  slug: SLUG,
  name: 'Photonics day Jena × Hamamatsu',
  timeZone: 'Europe/Berlin',
  startsOn: '2025-11-17',
  endsOn: '2025-11-18',
  days: [
    { date: '2025-11-17', sessions: [{ name: 'morning', start: '09:00', end: '12:30' }, { name: 'afternoon', start: '13:30', end: '17:00' }] },
    { date: '2025-11-18', sessions: [{ name: 'morning', start: '09:00', end: '11:00' }] },
  ],
  slotMinutes: 30,
  breakMinutes: 0,
  tables: 12,
  meetingRule: 'cross-country',
  minMeetings: 2,
  maxMeetings: 8,
  ...over,
});

const fieldsOf = (body: { details?: { field: string }[] }): string[] => (body.details ?? []).map((d) => d.field).sort();

describe('events: set-up and participants (HTTP)', () => {
  let t: TestApp;
  let admin: [string, string];
  let organiser: [string, string];
  let organiserKeyId: string;
  let otherOrganiser: [string, string];
  let medicaOrganiser: [string, string];
  let jp: { id: string; external_id: string }[];
  let de: { id: string; external_id: string }[];
  let participant: [string, string];
  let otherParticipant: [string, string];

  const runs = async (slug: string): Promise<string[]> =>
    (await sql<{ trigger: string }>(t, 'SELECT r.trigger FROM match_runs r JOIN events e ON e.id = r.event_id WHERE e.slug = $1 ORDER BY r.created_at', [slug])).map((r) => r.trigger);

  /** Waits until the event's match runs have finished, so a new request is not absorbed by a waiting run. */
  const settle = async (slug: string): Promise<void> => {
    for (let i = 0; i < 200; i++) {
      const open = await sql(t, "SELECT 1 FROM match_runs r JOIN events e ON e.id = r.event_id WHERE e.slug = $1 AND r.status IN ('queued', 'running')", [slug]);
      if (open.length === 0) return;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error('match runs did not finish');
  };

  beforeAll(async () => {
    t = await startTestApp();
    admin = bearer(t.adminKey);
    const key = async (body: object) => (await request(t.http).post('/api/admin/api-keys').set(...admin).send(body).expect(201)).body as { key: string; apiKey: { id: string } };
    const o = await key({ name: 'photonics team', role: 'organiser' });
    [organiser, organiserKeyId] = [bearer(o.key), o.apiKey.id];
    otherOrganiser = bearer((await key({ name: 'other team', role: 'organiser' })).key);
    medicaOrganiser = bearer((await key({ name: 'medica team', role: 'organiser', eventSlugs: [MEDICA] })).key);
    jp = await sql(t, "SELECT id, external_id FROM organisations WHERE country = 'JP' ORDER BY external_id LIMIT 3");
    de = await sql(t, "SELECT id, external_id FROM organisations WHERE country = 'DE' ORDER BY external_id LIMIT 3");
    await sql(t, "UPDATE organisations SET contact_email = 'export@example.jp' WHERE id = $1", [jp[1].id]);
    participant = bearer((await key({ name: 'jp company', role: 'participant', organisationId: jp[0].id })).key);
    otherParticipant = bearer((await key({ name: 'de company', role: 'participant', organisationId: de[0].id })).key);
  });
  afterAll(() => t?.close());

  describe('creating events', () => {
    it('needs a key (401) and an admin or organiser (403)', async () => {
      await request(t.http).post('/api/events').send(seminar()).expect(401);
      await request(t.http).post('/api/events').set(...participant).send(seminar()).expect(403);
    });

    it('lets an organiser create an event it then organises, with days, sessions and slot settings', async () => {
      const res = await request(t.http).post('/api/events').set(...organiser).send(seminar()).expect(201);
      expect(res.body).toMatchObject({
        slug: SLUG,
        timeZone: 'Europe/Berlin',
        startsOn: '2025-11-17',
        endsOn: '2025-11-18',
        slotMinutes: 30,
        tables: 12,
        // 7 + 7 + 4 slots of 30 minutes.
        slotCount: 18,
        meetingRule: 'cross-country',
        meetingRuleMode: 'required',
        minMeetings: 2,
        maxMeetings: 8,
        participantCount: 0,
        organisers: [{ id: organiserKeyId, name: 'photonics team' }],
      });
      expect(res.body.days[1]).toEqual({ date: '2025-11-18', sessions: [{ name: 'morning', start: '09:00', end: '11:00' }] });
      const mine = await request(t.http).get('/api/events').set(...organiser).expect(200);
      expect(mine.body.map((e: { slug: string }) => e.slug)).toEqual([SLUG]);
      await request(t.http).get(`/api/events/${SLUG}`).set(...otherOrganiser).expect(404);
    });

    it('answers 409 for a slug that is taken', async () => {
      const res = await request(t.http).post('/api/events').set(...admin).send(seminar()).expect(409);
      expect(fieldsOf(res.body)).toEqual(['slug']);
    });

    it('fills in the documented defaults for an event created without a set-up', async () => {
      const res = await request(t.http).post('/api/events').set(...admin).send({ slug: 'bare-event', name: 'Bare', timeZone: 'Asia/Tokyo', startsOn: '2025-12-01' }).expect(201);
      expect(res.body).toMatchObject({
        endsOn: '2025-12-01',
        days: [{ date: '2025-12-01', sessions: [{ name: 'morning', start: '09:00', end: '12:30' }, { name: 'afternoon', start: '13:30', end: '17:00' }] }],
        slotMinutes: 20,
        breakMinutes: 0,
        tables: 10,
        slotCount: 20,
        meetingRule: 'cross-country',
        minMeetings: 0,
        maxMeetings: null,
        organisers: [],
      });
      const slots = await request(t.http).get('/api/events/bare-event/slots').set(...admin).expect(200);
      expect(slots.body.slots[0]).toEqual({ index: 0, dayIndex: 0, day: '2025-12-01', session: 'morning', start: '09:00', end: '09:20', startUtc: '2025-12-01T00:00:00.000Z', endUtc: '2025-12-01T00:20:00.000Z' });
    });

    it('answers 400 naming every invalid field', async () => {
      const bad = async (body: object): Promise<string[]> => fieldsOf((await request(t.http).post('/api/events').set(...admin).send(body).expect(400)).body);
      expect(await bad(seminar({ slug: 'x1', timeZone: 'Mars/Olympus', slotMinutes: 3, tables: 0, breakMinutes: -1 }))).toEqual(['breakMinutes', 'slotMinutes', 'tables', 'timeZone']);
      expect(await bad(seminar({ slug: 'x2', days: [{ date: '2025-11-17', sessions: [{ name: 'morning', start: '9:00', end: '25:00' }] }] }))).toEqual(['days.0.sessions.0.end', 'days.0.sessions.0.start']);
      expect(await bad(seminar({ slug: 'x3', days: [{ date: '2025-11-17', sessions: [{ name: 'morning', start: '12:00', end: '09:00' }] }] }))).toEqual(['days.0.sessions.0.end']);
      expect(await bad(seminar({ slug: 'x4', days: [{ date: '2025-11-18' }, { date: '2025-11-17' }] }))).toEqual(['days.1.date']);
      expect(await bad(seminar({ slug: 'x5', days: [{ date: '2025-11-17' }, { date: '2025-11-17' }] }))).toEqual(['days.1.date']);
      expect(await bad(seminar({ slug: 'x6', days: [{ date: '2025-11-20' }] }))).toEqual(['days.0.date']);
      expect(await bad(seminar({ slug: 'x7', minMeetings: 9, maxMeetings: 3 }))).toEqual(['minMeetings']);
      expect(await bad(seminar({ slug: 'x8', meetingRule: 'groups' }))).toEqual(['groupPairs', 'groups']);
      expect(await bad(seminar({ slug: 'x9', meetingRule: 'groups', groups: ['de', 'jp'], groupPairs: [['de', 'fr']] }))).toEqual(['groupPairs.0']);
      expect(await bad(seminar({ slug: 'x10', meetingRule: 'nobody', endsOn: '2025-11-16' }))).toEqual(['meetingRule']);
      expect(await bad(seminar({ slug: 'x11', endsOn: '2025-11-16' }))).toEqual(['days.0.date', 'days.1.date', 'endsOn']);
      expect(await bad(seminar({ slug: 'x12', tieUpId: '00000000-0000-4000-8000-000000000000' }))).toEqual(['tieUpId']);
      expect(await bad(seminar({ slug: 'Not A Slug', unknown: 1 }))).toEqual(['slug', 'unknown']);
    });
  });

  describe('time zones and dates', () => {
    const bare = (over: Record<string, unknown>) => ({ slug: 'tz-event', name: 'Time zones', timeZone: 'Europe/Berlin', startsOn: '2027-03-28', ...over });
    const night = (date: string, start: string, end: string) => [{ date, sessions: [{ name: 'night', start, end }] }];

    it('refuses a session that contains a daylight-saving change, naming it (its slots would be shorter, longer or overlap)', async () => {
      const spring = await request(t.http).post('/api/events').set(...admin).send(bare({ days: night('2027-03-28', '01:20', '03:40') })).expect(400);
      expect(fieldsOf(spring.body)).toEqual(['days.0.sessions.0']);
      expect(spring.body.message).toContain('the local clock in Europe/Berlin jumps forward from 02:00 to 03:00');
      const fall = await request(t.http).post('/api/events').set(...admin).send(bare({ startsOn: '2027-10-31', days: night('2027-10-31', '01:40', '03:40') })).expect(400);
      expect(fieldsOf(fall.body)).toEqual(['days.0.sessions.0']);
      expect(fall.body.message).toContain('jumps back from 03:00 to 02:00');

      // Up to the change, every slot is as long as it says; a session that starts after it may be added.
      const ok = await request(t.http).post('/api/events').set(...admin).send(bare({ startsOn: '2027-10-31', days: night('2027-10-31', '00:00', '02:00') })).expect(201);
      expect(ok.body.slotCount).toBe(6);
      const slots = (await request(t.http).get('/api/events/tz-event/slots').set(...admin).expect(200)).body.slots as { startUtc: string; endUtc: string }[];
      expect(slots.map((s) => s.startUtc)).toEqual(['2027-10-30T22:00:00.000Z', '2027-10-30T22:20:00.000Z', '2027-10-30T22:40:00.000Z', '2027-10-30T23:00:00.000Z', '2027-10-30T23:20:00.000Z', '2027-10-30T23:40:00.000Z']);
      expect(slots[5].endUtc).toBe('2027-10-31T00:00:00.000Z');
      const changed = await request(t.http).patch('/api/events/tz-event').set(...admin).send({ days: night('2027-10-31', '02:30', '05:00') }).expect(400);
      expect(fieldsOf(changed.body)).toEqual(['days.0.sessions.0']);
      // Moving the event into a zone with a change at that time is refused too.
      expect(fieldsOf((await request(t.http).patch('/api/events/tz-event').set(...admin).send({ timeZone: 'America/Santiago', days: night('2027-09-05', '00:00', '02:00'), startsOn: '2027-09-05', endsOn: '2027-09-05' }).expect(400)).body)).toEqual(['days.0.sessions.0']);
      await request(t.http).patch('/api/events/tz-event').set(...admin).send({ days: night('2027-10-31', '03:00', '05:00') }).expect(200);
      await request(t.http).delete('/api/events/tz-event').set(...admin).expect(204);
    });

    it('takes dates from 1900 to 9999 only (year 0 was a 500, year 1 showed slots in 1901)', async () => {
      for (const startsOn of ['0000-01-01', '0001-01-01', '1899-12-31']) {
        const res = await request(t.http).post('/api/events').set(...admin).send(bare({ startsOn })).expect(400);
        expect(fieldsOf(res.body)).toEqual(['endsOn', 'startsOn']);
        expect(res.body.details.find((d: { field: string }) => d.field === 'startsOn').messages).toEqual(['startsOn must be a calendar date (YYYY-MM-DD) from 1900-01-01 to 9999-12-31']);
      }
      expect(fieldsOf((await request(t.http).post('/api/events').set(...admin).send(bare({ endsOn: '10000-01-01' })).expect(400)).body)).toEqual(['endsOn']);
      expect(fieldsOf((await request(t.http).post('/api/events').set(...admin).send(bare({ endsOn: '2027-03-29', days: [{ date: '0029-03-28' }] })).expect(400)).body)).toEqual(['days.0.date']);
      await request(t.http).post('/api/events').set(...admin).send(bare({ startsOn: '1900-01-01' })).expect(201);
      expect(fieldsOf((await request(t.http).patch('/api/events/tz-event').set(...admin).send({ startsOn: '0001-01-01' }).expect(400)).body)).toEqual(['endsOn', 'startsOn']);
      await request(t.http).delete('/api/events/tz-event').set(...admin).expect(204);
    });

    it('stores the time zone as IANA spells it, as regions do', async () => {
      const res = await request(t.http).post('/api/events').set(...admin).send(bare({ timeZone: 'europe/berlin' })).expect(201);
      expect(res.body.timeZone).toBe('Europe/Berlin');
      expect((await request(t.http).patch('/api/events/tz-event').set(...admin).send({ timeZone: 'ASIA/TOKYO' }).expect(200)).body.timeZone).toBe('Asia/Tokyo');
      expect((await request(t.http).get('/api/events/tz-event/slots').set(...admin).expect(200)).body.timeZone).toBe('Asia/Tokyo');
      await request(t.http).delete('/api/events/tz-event').set(...admin).expect(204);
    });
  });

  describe('slots', () => {
    it('lists slots with indices, local times in the event’s zone and UTC instants', async () => {
      const res = await request(t.http).get(`/api/events/${SLUG}/slots`).set(...organiser).expect(200);
      expect(res.body).toMatchObject({ event: SLUG, timeZone: 'Europe/Berlin', slotMinutes: 30, tables: 12 });
      expect(res.body.slots).toHaveLength(18);
      expect(res.body.slots[0]).toEqual({ index: 0, dayIndex: 0, day: '2025-11-17', session: 'morning', start: '09:00', end: '09:30', startUtc: '2025-11-17T08:00:00.000Z', endUtc: '2025-11-17T08:30:00.000Z' });
      expect(res.body.slots[7]).toMatchObject({ index: 7, session: 'afternoon', start: '13:30' });
      expect(res.body.slots[17]).toMatchObject({ index: 17, dayIndex: 1, day: '2025-11-18', start: '10:30', end: '11:00', endUtc: '2025-11-18T10:00:00.000Z' });
    });

    it('works for events set up before sessions existed (the demo MEDICA seminar)', async () => {
      const event = await request(t.http).get(`/api/events/${MEDICA}`).set(...medicaOrganiser).expect(200);
      expect(event.body).toMatchObject({ slotMinutes: 20, tables: 10, slotCount: 20 });
      expect(event.body.days).toHaveLength(1);
      const slots = await request(t.http).get(`/api/events/${MEDICA}/slots`).set(...medicaOrganiser).expect(200);
      expect(slots.body.slots).toHaveLength(20);
      await request(t.http).get(`/api/events/${MEDICA}/slots`).set(...organiser).expect(404);
    });
  });

  describe('participants', () => {
    it('adds organisations from the profile pool by id or externalId, with their settings', async () => {
      const res = await request(t.http)
        .post(`/api/events/${SLUG}/participants`)
        .set(...organiser)
        .send({
          participants: [
            { organisationId: jp[0].id, blockedSlots: [17, 0], representatives: 2, representativeNames: ['Sato Hiroshi'] },
            { externalId: jp[1].external_id, languages: ['JA'], bringsInterpreter: true, maxMeetings: 4 },
            { organisationId: de[0].id },
            { externalId: de[1].external_id, minMeetings: 1 },
          ],
        })
        .expect(201);
      expect(res.body.total).toBe(4);
      const first = res.body.participants.find((p: { organisation: { id: string } }) => p.organisation.id === jp[0].id);
      expect(first).toMatchObject({ blockedSlots: [0, 17], representatives: 2, representativeNames: ['Sato Hiroshi'], effectiveMinMeetings: 2, effectiveMaxMeetings: 8, languagesFromProfile: true, bringsInterpreter: false });
      const second = res.body.participants.find((p: { organisation: { id: string } }) => p.organisation.id === jp[1].id);
      expect(second).toMatchObject({ languages: ['ja'], languagesFromProfile: false, bringsInterpreter: true, maxMeetings: 4, effectiveMaxMeetings: 4 });
      expect(await runs(SLUG)).toEqual(['4 participant(s) joined']);
    });

    it('answers 409 for organisations already taking part and 400 naming bad entries (all or nothing)', async () => {
      const conflict = await request(t.http).post(`/api/events/${SLUG}/participants`).set(...organiser).send({ participants: [{ organisationId: de[2].id }, { organisationId: jp[0].id }] }).expect(409);
      expect(fieldsOf(conflict.body)).toEqual(['participants.1']);
      const bad = await request(t.http)
        .post(`/api/events/${SLUG}/participants`)
        .set(...organiser)
        .send({
          participants: [
            { organisationId: de[2].id, blockedSlots: [18] },
            { externalId: 'no-such-org' },
            { organisationId: jp[2].id, group: 'jp', minMeetings: 9 },
            { organisationId: jp[2].id },
            {},
          ],
        })
        .expect(400);
      expect(fieldsOf(bad.body)).toEqual(['participants.4.organisationId']);
      const bad2 = await request(t.http)
        .post(`/api/events/${SLUG}/participants`)
        .set(...organiser)
        .send({ participants: [{ organisationId: de[2].id, blockedSlots: [18] }, { externalId: 'no-such-org' }, { organisationId: jp[2].id, group: 'jp', minMeetings: 9 }, { organisationId: jp[2].id }] })
        .expect(400);
      expect(fieldsOf(bad2.body)).toEqual(['participants.0.blockedSlots.0', 'participants.1.externalId', 'participants.2.group', 'participants.2.minMeetings', 'participants.3']);
      const [{ n }] = await sql<{ n: string }>(t, 'SELECT count(*) AS n FROM event_participants ep JOIN events e ON e.id = ep.event_id WHERE e.slug = $1', [SLUG]);
      expect(Number(n)).toBe(4);
      await request(t.http).post(`/api/events/${SLUG}/participants`).set(...participant).send({ participants: [{ organisationId: de[2].id }] }).expect(403);
      await request(t.http).post(`/api/events/${SLUG}/participants`).set(...otherOrganiser).send({ participants: [{ organisationId: de[2].id }] }).expect(404);
    });

    it('shows organisers everything and participants only public facts of co-participants', async () => {
      const full = await request(t.http).get(`/api/events/${SLUG}/participants`).set(...organiser).expect(200);
      expect(full.body.total).toBe(4);
      const jp1 = full.body.participants.find((p: { organisation: { id: string } }) => p.organisation.id === jp[1].id);
      expect(jp1.organisation.contactEmail).toBe('export@example.jp');
      const seen = await request(t.http).get(`/api/events/${SLUG}/participants`).set(...participant).expect(200);
      expect(seen.body.total).toBe(4);
      for (const p of seen.body.participants as { organisation: Record<string, unknown>; blockedSlots?: number[] }[]) {
        expect(p.organisation).toEqual(expect.objectContaining({ name: expect.any(String), country: expect.any(String), region: expect.any(String) }));
        if (p.organisation.id === jp[0].id) expect(p.blockedSlots).toEqual([0, 17]);
        else {
          expect(p.organisation).not.toHaveProperty('contactEmail');
          expect(p).not.toHaveProperty('blockedSlots');
          expect(p).not.toHaveProperty('representativeNames');
        }
      }
      expect(JSON.stringify(seen.body)).not.toContain('export@example.jp');
      await request(t.http).get(`/api/events/${SLUG}/participants`).set(...otherOrganiser).expect(404);
      await request(t.http).get(`/api/events/${MEDICA}/participants`).set(...organiser).expect(404);
    });

    it('lets a participant change its own availability, representatives and languages, nothing else', async () => {
      const own = await request(t.http)
        .patch(`/api/events/${SLUG}/participants/${jp[0].id}`)
        .set(...participant)
        .send({ blockedSlots: [3, 4], representativeNames: ['Sato Hiroshi', 'Ito Yuki', 'Mori Aki'], languages: ['ja', 'en'] })
        .expect(200);
      expect(own.body).toMatchObject({ blockedSlots: [3, 4], representatives: 3, languages: ['ja', 'en'], languagesFromProfile: false });
      const denied = await request(t.http).patch(`/api/events/${SLUG}/participants/${jp[0].id}`).set(...participant).send({ maxMeetings: 20, blockedSlots: [] }).expect(403);
      expect(fieldsOf(denied.body)).toEqual(['maxMeetings']);
      await request(t.http).patch(`/api/events/${SLUG}/participants/${jp[1].id}`).set(...participant).send({ blockedSlots: [] }).expect(404);
      const bad = await request(t.http).patch(`/api/events/${SLUG}/participants/${jp[0].id}`).set(...participant).send({ blockedSlots: [99], languages: ['xx'] }).expect(400);
      expect(fieldsOf(bad.body)).toEqual(['languages']);
      const bad2 = await request(t.http).patch(`/api/events/${SLUG}/participants/${jp[0].id}`).set(...participant).send({ blockedSlots: [99], representatives: 1 }).expect(400);
      expect(fieldsOf(bad2.body)).toEqual(['blockedSlots.0', 'representativeNames']);
      const reset = await request(t.http).patch(`/api/events/${SLUG}/participants/${jp[0].id}`).set(...participant).send({ languages: null }).expect(200);
      expect(reset.body.languagesFromProfile).toBe(true);
    });

    it('lets organisers change everything, checking limits against the event’s', async () => {
      const res = await request(t.http).patch(`/api/events/${SLUG}/participants/${de[0].id}`).set(...organiser).send({ minMeetings: 3, maxMeetings: 5 }).expect(200);
      expect(res.body).toMatchObject({ effectiveMinMeetings: 3, effectiveMaxMeetings: 5 });
      const bad = await request(t.http).patch(`/api/events/${SLUG}/participants/${de[0].id}`).set(...organiser).send({ maxMeetings: 2 }).expect(400);
      expect(fieldsOf(bad.body)).toEqual(['maxMeetings']);
      const group = await request(t.http).patch(`/api/events/${SLUG}/participants/${de[0].id}`).set(...organiser).send({ group: 'jena' }).expect(400);
      expect(fieldsOf(group.body)).toEqual(['group']);
      await request(t.http).patch(`/api/events/${SLUG}/participants/${de[2].id}`).set(...organiser).send({ minMeetings: 1 }).expect(404);
      // A malformed id is named like any other invalid field, on every participant route.
      for (const [method, url] of [
        ['get', `/api/events/${SLUG}/participants/not-a-uuid`],
        ['patch', `/api/events/${SLUG}/participants/not-a-uuid`],
        ['delete', `/api/events/${SLUG}/participants/${de[0].id.slice(0, 35)}`],
      ] as const) {
        const res = await request(t.http)[method](url).set(...organiser).send({}).expect(400);
        expect(res.body.details).toEqual([{ field: 'org', messages: ['must be a UUID'] }]);
      }
      // Upper case is the same organisation.
      expect((await request(t.http).get(`/api/events/${SLUG}/participants/${de[0].id.toUpperCase()}`).set(...organiser).expect(200)).body.organisation.id).toBe(de[0].id);
    });
  });

  describe('changing events', () => {
    it('lets only the event’s organisers and admins change it', async () => {
      await request(t.http).patch(`/api/events/${SLUG}`).set(...participant).send({ tables: 3 }).expect(403);
      await request(t.http).patch(`/api/events/${SLUG}`).set(...otherOrganiser).send({ tables: 3 }).expect(404);
      const res = await request(t.http).patch(`/api/events/${SLUG}`).set(...organiser).send({ tables: 3, venue: 'Ernst-Abbe-Platz' }).expect(200);
      expect(res.body).toMatchObject({ tables: 3, venue: 'Ernst-Abbe-Platz', slotMinutes: 30 });
      const cleared = await request(t.http).patch(`/api/events/${SLUG}`).set(...organiser).send({ tables: null, name: null, maxMeetings: null }).expect(400);
      expect(fieldsOf(cleared.body)).toEqual(['name', 'tables']);
    });

    it('rejects changes that participants’ own limits or groups contradict, naming the field', async () => {
      // jp[1] has its own maximum of 4: an event minimum of 5 would contradict it.
      const bad = await request(t.http).patch(`/api/events/${SLUG}`).set(...organiser).send({ minMeetings: 5 }).expect(400);
      expect(fieldsOf(bad.body)).toEqual(['minMeetings']);
      expect(bad.body.message).toContain('change its own limits first');
      const badRule = await request(t.http).patch(`/api/events/${SLUG}`).set(...organiser).send({ meetingRule: 'groups', groups: ['jena'] }).expect(400);
      expect(fieldsOf(badRule.body)).toEqual(['groupPairs']);
    });

    it('switches to meetings between groups, recomputing the match lists', async () => {
      await settle(SLUG);
      const before = (await runs(SLUG)).length;
      const res = await request(t.http)
        .patch(`/api/events/${SLUG}`)
        .set(...organiser)
        .send({ meetingRule: 'groups', groups: ['jena', 'hamamatsu'], groupPairs: [['jena', 'hamamatsu']] })
        .expect(200);
      expect(res.body).toMatchObject({ meetingRule: 'groups', groups: ['jena', 'hamamatsu'], groupPairs: [['jena', 'hamamatsu']] });
      expect((await runs(SLUG)).slice(before)).toEqual([expect.stringContaining('meetingRule')]);
      await request(t.http).patch(`/api/events/${SLUG}/participants/${de[0].id}`).set(...organiser).send({ group: 'jena' }).expect(200);
      await request(t.http).patch(`/api/events/${SLUG}/participants/${jp[1].id}`).set(...organiser).send({ group: 'hamamatsu' }).expect(200);
      // Lists follow the groups: de[0] (jena) may meet only hamamatsu members; others have no group.
      await settle(SLUG);
      const lists = await request(t.http).get(`/api/events/${SLUG}/participants/${de[0].id}/suggestions`).set(...organiser).expect(200);
      expect(lists.body.suggestions.map((s: { organisation: { id: string } }) => s.organisation.id)).toEqual([jp[1].id]);
      const removing = await request(t.http).patch(`/api/events/${SLUG}`).set(...organiser).send({ groups: ['hamamatsu'], groupPairs: [['hamamatsu', 'hamamatsu']] }).expect(400);
      expect(fieldsOf(removing.body)).toEqual(['groups']);
      const seen = await request(t.http).get(`/api/events/${SLUG}/participants`).set(...participant).expect(200);
      expect(seen.body.participants.find((p: { organisation: { id: string } }) => p.organisation.id === jp[1].id).group).toBe('hamamatsu');
    });

    it('carries blocked slots over by local time when the slot grid changes', async () => {
      // jp[0] blocked slots 3 and 4: 10:30–11:30 on the first day.
      const res = await request(t.http).patch(`/api/events/${SLUG}`).set(...organiser).send({ slotMinutes: 20, breakMinutes: 10 }).expect(200);
      expect(res.body.slotCount).toBe(7 + 7 + 4);
      const slots = (await request(t.http).get(`/api/events/${SLUG}/slots`).set(...organiser).expect(200)).body.slots as { index: number; start: string }[];
      expect(slots.slice(0, 5).map((s) => s.start)).toEqual(['09:00', '09:30', '10:00', '10:30', '11:00']);
      const p = await request(t.http).get(`/api/events/${SLUG}/participants/${jp[0].id}`).set(...participant).expect(200);
      expect(p.body.blockedSlots).toEqual([3, 4]);
      const moved = await request(t.http).patch(`/api/events/${SLUG}`).set(...organiser).send({ days: [{ date: '2025-11-17', sessions: [{ name: 'all day', start: '10:00', end: '16:00' }] }] }).expect(200);
      expect(moved.body.slotCount).toBe(12);
      const after = await request(t.http).get(`/api/events/${SLUG}/participants/${jp[0].id}`).set(...admin).expect(200);
      // 10:30–11:20 overlaps slots 1 (10:30) and 2 (11:00) of the new grid.
      expect(after.body.blockedSlots).toEqual([1, 2]);
    });
  });

  describe('with a published schedule', () => {
    let scheduleId: string;
    const patch = (body: object) => request(t.http).patch(`/api/events/${SLUG}`).set(...organiser).send(body);

    beforeAll(async () => {
      // Published meetings straight in the tables (how they come about is the scheduling specs' business).
      [{ id: scheduleId }] = await sql<{ id: string }>(
        t,
        `INSERT INTO schedules (event_id, status, options, published_at) SELECT id, 'published', '{}', now() FROM events WHERE slug = $1 RETURNING id`,
        [SLUG],
      );
      await sql(t, 'INSERT INTO scheduled_meetings (schedule_id, organisation_a, organisation_b, slot_index, table_number) VALUES ($1, $2, $3, 2, 3), ($1, $4, $5, 5, 1)', [scheduleId, jp[1].id, de[0].id, jp[0].id, de[1].id]);
    });

    it('refuses changes of slots and tables that would move or drop a published meeting, naming the field', async () => {
      // The grid: 10:00–16:00, 20-minute slots with 10-minute breaks; 3 tables.
      const tables = await patch({ tables: 2 }).expect(400);
      expect(fieldsOf(tables.body)).toEqual(['tables']);
      expect(tables.body.message).toContain(`the published schedule ${scheduleId} depends on the tables: 1 of its meetings are at tables above 2, e.g. table 3 in slot 2`);
      expect(tables.body.message).toContain('Keep at least 3 tables');
      const length = await patch({ slotMinutes: 30 }).expect(400);
      expect(fieldsOf(length.body)).toEqual(['slotMinutes']);
      expect(length.body.message).toContain('2 of its meetings are in slots this change moves or removes, e.g. slot 2 (2025-11-17 11:00–11:20)');
      expect(fieldsOf((await patch({ breakMinutes: 0 }).expect(400)).body)).toEqual(['breakMinutes']);
      expect(fieldsOf((await patch({ timeZone: 'Asia/Tokyo' }).expect(400)).body)).toEqual(['timeZone']);
      const shorter = await patch({ days: [{ date: '2025-11-17', sessions: [{ name: 'all day', start: '10:00', end: '12:00' }] }] }).expect(400);
      expect(fieldsOf(shorter.body)).toEqual(['days']);
      expect(shorter.body.message).toContain('1 of its meetings are in slots this change moves or removes, e.g. slot 5 (2025-11-17 12:30–12:50)');
      expect(fieldsOf((await patch({ tables: 1, breakMinutes: 5 }).expect(400)).body)).toEqual(['breakMinutes', 'tables']);

      // What keeps every published meeting where it is passes: more tables, slots added after them.
      await patch({ tables: 5 }).expect(200);
      await patch({ tables: 3 }).expect(200);
      const longer = await patch({ days: [{ date: '2025-11-17', sessions: [{ name: 'all day', start: '10:00', end: '17:00' }] }] }).expect(200);
      expect(longer.body.slotCount).toBe(14);
      await patch({ days: [{ date: '2025-11-17', sessions: [{ name: 'all day', start: '10:00', end: '16:00' }] }] }).expect(200);
      const slots = (await request(t.http).get(`/api/events/${SLUG}/slots`).set(...organiser).expect(200)).body.slots as { start: string }[];
      expect([slots[2].start, slots[5].start]).toEqual(['11:00', '12:30']);
    });

    it('refuses to remove a participant with published meetings (409), whoever asks', async () => {
      const res = await request(t.http).delete(`/api/events/${SLUG}/participants/${de[0].id}`).set(...organiser).expect(409);
      expect(res.body.message).toContain(`1 meeting(s) in the published schedule ${scheduleId}`);
      expect(fieldsOf(res.body)).toEqual(['org']);
      await request(t.http).delete(`/api/events/${SLUG}/participants/${jp[0].id}`).set(...participant).expect(409);
      await request(t.http).delete(`/api/events/${SLUG}/participants/${jp[2].id}`).set(...organiser).expect(404);
      // A later schedule without them lifts it (here: the schedule is superseded).
      await sql(t, `UPDATE schedules SET status = 'superseded', superseded_at = now() WHERE id = $1`, [scheduleId]);
      await patch({ tables: 2 }).expect(200);
      await patch({ tables: 3 }).expect(200);
    });
  });

  describe('leaving and removing', () => {
    it('lets a participant leave (only itself) and organisers remove participants, recomputing', async () => {
      await settle(SLUG);
      await request(t.http).delete(`/api/events/${SLUG}/participants/${de[0].id}`).set(...participant).expect(404);
      await request(t.http).delete(`/api/events/${SLUG}/participants/${jp[0].id}`).set(...participant).expect(204);
      await request(t.http).get(`/api/events/${SLUG}`).set(...participant).expect(404);
      await request(t.http).delete(`/api/events/${SLUG}/participants/${de[1].id}`).set(...organiser).expect(204);
      await request(t.http).delete(`/api/events/${SLUG}/participants/${de[1].id}`).set(...organiser).expect(404);
      const triggers = await runs(SLUG);
      expect(triggers.join('\n')).toMatch(/left|removed/);
      await request(t.http).delete(`/api/events/${SLUG}/participants/${de[0].id}`).set(...otherParticipant).expect(204);
    });

    it('lets only admins delete events', async () => {
      await request(t.http).delete(`/api/events/${SLUG}`).set(...organiser).expect(403);
      await request(t.http).delete(`/api/events/${SLUG}`).set(...admin).expect(204);
      await request(t.http).get(`/api/events/${SLUG}`).set(...admin).expect(404);
      await request(t.http).delete(`/api/events/${SLUG}`).set(...admin).expect(404);
      expect(await sql(t, 'SELECT 1 FROM event_organisers WHERE api_key_id = $1', [organiserKeyId])).toEqual([]);
    });
  });
});
