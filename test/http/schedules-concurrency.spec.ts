import request from 'supertest';
import { DataSource } from 'typeorm';
import { SchedulingService } from '../../src/scheduling/scheduling.service';
import { bearer, sql, startTestApp, type TestApp } from '../support/test-app';

describe('one schedule run at a time per event (HTTP)', () => {
  let t: TestApp;
  let organiser: [string, string];
  let ev: string;
  const SLUG = 'two-requests-day';
  const base = `/api/events/${SLUG}`;

  beforeAll(async () => {
    t = await startTestApp();
    const admin = bearer(t.adminKey);
    organiser = bearer((await request(t.http).post('/api/admin/api-keys').set(...admin).send({ name: 'team', role: 'organiser' }).expect(201)).body.key as string);
    const orgs = await sql<{ id: string }>(t, 'SELECT id FROM organisations ORDER BY id LIMIT 4');
    const created = await request(t.http)
      .post('/api/events')
      .set(...organiser)
      .send({ slug: SLUG, name: 'Two requests day', timeZone: 'Europe/Berlin', startsOn: '2026-05-12', endsOn: '2026-05-12', tables: 2, meetingRule: 'any', days: [{ date: '2026-05-12', sessions: [{ name: 'morning', start: '09:00', end: '10:00' }] }] })
      .expect(201);
    ev = created.body.id as string;
    await request(t.http).post(`${base}/participants`).set(...organiser).send({ participants: orgs.map((o) => ({ organisationId: o.id })) }).expect(201);
    const [{ id }] = await sql<{ id: string }>(t, `INSERT INTO pair_selections (event_id, report) VALUES ($1, '{}') RETURNING id`, [ev]);
    await sql(t, `INSERT INTO selected_pairs (selection_id, event_id, organisation_a, organisation_b, score, kind) VALUES ($1, $2, $3, $4, 0.5, 'suggested')`, [id, ev, orgs[0].id, orgs[1].id]);
  });
  afterAll(() => t?.close());

  it('queues one run when two requests arrive at once; the other answers 409', async () => {
    // Two requests that meet between looking for a run under way and writing their own: the runner holds
    // the event row (as an event change does) and keeps new schedule rows from being written meanwhile.
    const runner = t.app.get(DataSource).createQueryRunner();
    await runner.connect();
    try {
      await runner.startTransaction();
      await runner.query('SELECT id FROM events WHERE id = $1 FOR UPDATE', [ev]);
      await runner.query('LOCK TABLE schedules IN SHARE MODE');
      const responses = Promise.all([0, 1].map(() => request(t.http).post(`${base}/schedules`).set(...organiser).send({ timeLimitMs: 200 }).then((r) => r)));
      for (let i = 0; ; i++) {
        const [{ n }] = await sql<{ n: number }>(t, 'SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND cardinality(pg_blocking_pids(pid)) > 0');
        if (n === 2) break;
        if (i >= 200) throw new Error('the two requests did not both wait');
        await new Promise((r) => setTimeout(r, 25));
      }
      await runner.rollbackTransaction();
      const [first, second] = await responses;
      expect([first.status, second.status].sort()).toEqual([202, 409]);
      const accepted = first.status === 202 ? first : second;
      const refused = first.status === 202 ? second : first;
      expect(refused.body.message).toMatch(new RegExp(`^Schedule ${accepted.body.id as string} of this event is still (queued|running); wait for it to finish$`));
      const stored = await sql<{ id: string }>(t, 'SELECT id FROM schedules WHERE event_id = $1', [ev]);
      expect(stored.map((s) => s.id)).toEqual([accepted.body.id]);
    } finally {
      if (runner.isTransactionActive) await runner.rollbackTransaction();
      await runner.release();
    }
    for (let i = 0; ; i++) {
      const [{ n }] = await sql<{ n: number }>(t, `SELECT count(*)::int AS n FROM schedules WHERE event_id = $1 AND status IN ('queued', 'running')`, [ev]);
      if (n === 0) break;
      if (i >= 300) throw new Error('the run did not finish');
      await new Promise((r) => setTimeout(r, 50));
    }
  });

  it('does not take a failed run up again on its retry once another run of the event was started', async () => {
    // The first run failed and waits for its retry; meanwhile the organisers started another (a failed run is not under way).
    const options = JSON.stringify({ timeLimitMs: 200, fairnessD: 2, seed: 1 });
    const [failed] = await sql<{ id: string }>(t, `INSERT INTO schedules (event_id, status, options, error, created_at) VALUES ($1, 'failed', $2, 'connection lost', now() - interval '1 minute') RETURNING id`, [ev, options]);
    const [queued] = await sql<{ id: string }>(t, `INSERT INTO schedules (event_id, status, options) VALUES ($1, 'queued', $2) RETURNING id`, [ev, options]);
    try {
      const ctx = { jobId: 'retry', attempt: 2, progress: () => Promise.resolve() };
      const outcome = await t.app.get(SchedulingService).handleSolve({ scheduleId: failed.id }, ctx);
      expect(outcome).toEqual({ skipped: `schedule ${queued.id} of the event was started since; this failed run is not retried` });
      const [row] = await sql<{ status: string; error: string }>(t, 'SELECT status, error FROM schedules WHERE id = $1', [failed.id]);
      expect(row).toEqual({ status: 'failed', error: 'connection lost' });
      expect(await sql(t, 'SELECT 1 FROM scheduled_meetings WHERE schedule_id = $1', [failed.id])).toEqual([]);
    } finally {
      await sql(t, 'DELETE FROM schedules WHERE id = $1', [queued.id]);
    }
    // With no other run under way, the retry runs it.
    const ctx = { jobId: 'retry', attempt: 3, progress: () => Promise.resolve() };
    await t.app.get(SchedulingService).handleSolve({ scheduleId: failed.id }, ctx);
    const [row] = await sql<{ status: string; error: string | null }>(t, 'SELECT status, error FROM schedules WHERE id = $1', [failed.id]);
    expect(row).toEqual({ status: 'draft', error: null });
  });
});
