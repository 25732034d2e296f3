import * as ical from 'node-ical';
import request from 'supertest';
import { meetingUid } from '../../src/scheduling/agenda-format';
import { bearer, sql, startTestApp, type TestApp } from '../support/test-app';

interface Meeting {
  id: string;
  slot: number;
  startUtc: string;
  a: { id: string };
  b: { id: string };
}

describe('publishing a schedule again: calendars and locks (HTTP)', () => {
  let t: TestApp;
  let organiser: [string, string];
  let ev: string;
  let A: string, B: string, C: string, D: string;
  const SLUG = 'republish-day';
  const base = `/api/events/${SLUG}`;
  let first: string;
  let firstMeetings: Meeting[];

  async function runSchedule(): Promise<{ id: string; meetings: Meeting[] }> {
    const res = await request(t.http).post(`${base}/schedules`).set(...organiser).send({ timeLimitMs: 300 }).expect(202);
    for (let i = 0; i < 300; i++) {
      const got = await request(t.http).get(`${base}/schedules/${res.body.id}`).set(...organiser).expect(200);
      if (got.body.status === 'draft') return { id: res.body.id as string, meetings: got.body.meetings as Meeting[] };
      if (got.body.status !== 'queued' && got.body.status !== 'running') throw new Error(`the run ended ${got.body.status}`);
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error('the run did not finish');
  }

  const calendar = async (org: string): Promise<ical.VEvent[]> => {
    const res = await request(t.http).get(`${base}/participants/${org}/agenda.ics`).set(...organiser).expect(200);
    return Object.values(ical.sync.parseICS(res.text)).filter((c): c is ical.VEvent => c?.type === 'VEVENT');
  };
  const sequenceOf = (e: ical.VEvent): number => Number((e as unknown as { sequence: string | number }).sequence);

  beforeAll(async () => {
    t = await startTestApp();
    const admin = bearer(t.adminKey);
    organiser = bearer((await request(t.http).post('/api/admin/api-keys').set(...admin).send({ name: 'team', role: 'organiser' }).expect(201)).body.key as string);
    [A, B, C, D] = (await sql<{ id: string }>(t, 'SELECT id FROM organisations ORDER BY id LIMIT 4')).map((o) => o.id);
    const created = await request(t.http)
      .post('/api/events')
      .set(...organiser)
      .send({ slug: SLUG, name: 'Republish day', timeZone: 'Europe/Berlin', startsOn: '2026-05-12', endsOn: '2026-05-12', tables: 2, meetingRule: 'any', days: [{ date: '2026-05-12', sessions: [{ name: 'morning', start: '09:00', end: '10:00' }] }] })
      .expect(201);
    ev = created.body.id as string;
    await request(t.http).post(`${base}/participants`).set(...organiser).send({ participants: [A, B, C, D].map((organisationId) => ({ organisationId })) }).expect(201);
    const [{ id }] = await sql<{ id: string }>(t, `INSERT INTO pair_selections (event_id, report) VALUES ($1, '{}') RETURNING id`, [ev]);
    for (const [a, b] of [[A, B], [C, D], [A, C], [B, D]]) {
      await sql(t, `INSERT INTO selected_pairs (selection_id, event_id, organisation_a, organisation_b, score, kind) VALUES ($1, $2, $3, $4, 0.5, 'suggested')`, [id, ev, a < b ? a : b, a < b ? b : a]);
    }
  });
  afterAll(() => t?.close());

  it('names each meeting by its event and pair in calendars, so a later publication moves it instead of adding it twice', async () => {
    ({ id: first, meetings: firstMeetings } = await runSchedule());
    await request(t.http).post(`${base}/schedules/${first}/publish`).set(...organiser).expect(200);
    // Published an hour ago: the next publication is later by whole minutes.
    await sql(t, `UPDATE schedules SET published_at = published_at - interval '1 hour' WHERE id = $1`, [first]);
    const before = await calendar(A);
    expect(before).toHaveLength(2);
    const moved = firstMeetings.find((m) => [m.a.id, m.b.id].includes(A) && [m.a.id, m.b.id].includes(B))!;
    // Both sides' calendars hold the meeting under one UID.
    const uid = meetingUid(SLUG, A, B);
    expect(before.map((e) => e.uid)).toContain(uid);
    expect((await calendar(B)).map((e) => e.uid)).toContain(uid);
    expect(new Date(before.find((e) => e.uid === uid)!.start).toISOString()).toBe(moved.startUtc);

    // A cannot make that slot any more; the next run moves the meeting, and its publication supersedes the first.
    await sql(t, 'UPDATE event_participants SET blocked_slots = $3 WHERE event_id = $1 AND organisation_id = $2', [ev, A, [moved.slot]]);
    const second = await runSchedule();
    const again = second.meetings.find((m) => [m.a.id, m.b.id].sort().join() === [A, B].sort().join())!;
    expect(again.slot).not.toBe(moved.slot);
    await request(t.http).post(`${base}/schedules/${second.id}/publish`).set(...organiser).expect(200);

    const after = await calendar(A);
    expect(after.map((e) => e.uid).sort()).toEqual(before.map((e) => e.uid).sort());
    expect(new Date(after.find((e) => e.uid === uid)!.start).toISOString()).toBe(again.startUtc);
    for (const e of after) expect(sequenceOf(e)).toBeGreaterThan(sequenceOf(before.find((x) => x.uid === e.uid)!));
  });

  it('refuses to lock a meeting of a superseded schedule (no run reads its locks); unlocking is allowed', async () => {
    const statuses = await sql<{ status: string }>(t, 'SELECT status FROM schedules WHERE id = $1', [first]);
    expect(statuses[0].status).toBe('superseded');
    const refused = await request(t.http).patch(`${base}/schedules/${first}/meetings/${firstMeetings[0].id}`).set(...organiser).send({ locked: true }).expect(409);
    expect(refused.body.message).toBe(`Meeting ${firstMeetings[0].id} cannot be locked: schedule ${first} is superseded, so no run would keep the lock; lock it in the published schedule or a draft`);
    expect(refused.body.details).toEqual([{ field: 'locked', messages: ['the schedule is superseded'] }]);
    const [row] = await sql<{ locked: boolean }>(t, 'SELECT locked FROM scheduled_meetings WHERE id = $1', [firstMeetings[0].id]);
    expect(row.locked).toBe(false);
    await request(t.http).patch(`${base}/schedules/${first}/meetings/${firstMeetings[0].id}`).set(...organiser).send({ locked: false }).expect(200);
  });
});
