import request from 'supertest';
import { DataSource } from 'typeorm';
import { bearer, sql, startTestApp, type TestApp } from '../support/test-app';

interface Pair {
  id: string;
  a: { id: string; name: string };
  b: { id: string; name: string };
  session: string | null;
}

interface Selection {
  id: string;
  pairs: Pair[];
  participants: { id: string; name: string }[];
}

// A small event whose pairs the organisers force, so every selection holds the same pairs.
describe('pair selection: settings, the current selection, departed organisations (HTTP)', () => {
  let t: TestApp;
  let organiser: [string, string];
  let ev: string;
  let orgs: { id: string; name: string }[];
  const SLUG = 'pair-settings-day';
  const base = `/api/events/${SLUG}`;

  const pairOf = (s: Selection, a: string, b: string) => s.pairs.find((p) => (p.a.id === a && p.b.id === b) || (p.a.id === b && p.b.id === a));
  const select = async () => (await request(t.http).post(`${base}/selection`).set(...organiser).send({}).expect(200)).body as Selection;

  /** Waits until `n` connections of the app's database wait for a lock. */
  async function waitForBlocked(n: number): Promise<void> {
    for (let i = 0; ; i++) {
      const [{ blocked }] = await sql<{ blocked: number }>(t, 'SELECT count(*)::int AS blocked FROM pg_stat_activity WHERE datname = current_database() AND cardinality(pg_blocking_pids(pid)) > 0');
      if (blocked === n) return;
      if (i >= 200) throw new Error(`${n} requests did not wait (${blocked} do)`);
      await new Promise((r) => setTimeout(r, 25));
    }
  }

  beforeAll(async () => {
    t = await startTestApp();
    const admin = bearer(t.adminKey);
    organiser = bearer((await request(t.http).post('/api/admin/api-keys').set(...admin).send({ name: 'team', role: 'organiser' }).expect(201)).body.key as string);
    orgs = await sql<{ id: string; name: string }>(t, 'SELECT id, name FROM organisations ORDER BY id LIMIT 6');
    const created = await request(t.http)
      .post('/api/events')
      .set(...organiser)
      .send({
        slug: SLUG,
        name: 'Pair settings day',
        timeZone: 'Europe/Berlin',
        startsOn: '2026-05-12',
        endsOn: '2026-05-12',
        tables: 2,
        meetingRule: 'any',
        days: [{ date: '2026-05-12', sessions: [{ name: 'morning', start: '09:00', end: '10:00' }, { name: 'afternoon', start: '14:00', end: '15:00' }] }],
      })
      .expect(201);
    ev = created.body.id as string;
    await request(t.http).post(`${base}/participants`).set(...organiser).send({ participants: orgs.map((o) => ({ organisationId: o.id })) }).expect(201);
    for (const [a, b] of [[0, 1], [2, 3], [4, 5]]) {
      await request(t.http).put(`${base}/pairs/${orgs[a].id}/${orgs[b].id}`).set(...organiser).send({ state: 'forced' }).expect(200);
    }
  });
  afterAll(() => t?.close());

  it('keeps a pair setting made while the pairs are being selected again', async () => {
    const first = await select();
    const pair = pairOf(first, orgs[0].id, orgs[1].id)!;
    expect(pair.session).toBeNull();
    // The PATCH comes first and the selection right after; both meet while another transaction holds the
    // event row (as an event change does), the pair row and the selections (no new one can be written).
    const runner = t.app.get(DataSource).createQueryRunner();
    await runner.connect();
    try {
      await runner.startTransaction();
      await runner.query('SELECT id FROM events WHERE id = $1 FOR UPDATE', [ev]);
      await runner.query('SELECT id FROM selected_pairs WHERE id = $1 FOR UPDATE', [pair.id]);
      await runner.query('LOCK TABLE pair_selections IN SHARE MODE');
      const patched = request(t.http).patch(`${base}/selection/pairs/${pair.id}`).set(...organiser).send({ session: 'afternoon' }).then((r) => r);
      await waitForBlocked(1);
      const selected = request(t.http).post(`${base}/selection`).set(...organiser).send({}).then((r) => r);
      await waitForBlocked(2);
      await runner.rollbackTransaction();
      const [patch, next] = await Promise.all([patched, selected]);
      expect(patch.status).toBe(200);
      expect(patch.body.session).toBe('afternoon');
      expect(next.status).toBe(200);
      expect(pairOf(next.body as Selection, orgs[0].id, orgs[1].id)?.session).toBe('afternoon');
    } finally {
      if (runner.isTransactionActive) await runner.rollbackTransaction();
      await runner.release();
    }
    const current = (await request(t.http).get(`${base}/selection`).set(...organiser).expect(200)).body as Selection;
    expect(pairOf(current, orgs[0].id, orgs[1].id)?.session).toBe('afternoon');
  });

  it('takes the same selection as current as the pair PATCH and the scheduler: the newest, ties broken by the greater id', async () => {
    // The greater id stored first: an order by time alone finds the other one first.
    const [{ id: high }] = await sql<{ id: string }>(t, `INSERT INTO pair_selections (id, event_id, report, created_at) VALUES ('ffffffff-ffff-4fff-bfff-ffffffffffff', $1, $2, now() + interval '1 hour') RETURNING id`, [ev, emptyReport]);
    const [{ id: low }] = await sql<{ id: string }>(t, `INSERT INTO pair_selections (id, event_id, report, created_at) SELECT '00000000-0000-4000-8000-000000000001', $1, $2, created_at FROM pair_selections WHERE id = $3 RETURNING id`, [ev, emptyReport, high]);
    try {
      const [lowPair] = await sql<{ id: string }>(t, `INSERT INTO selected_pairs (selection_id, event_id, organisation_a, organisation_b, score, kind) VALUES ($1, $2, $3, $4, 1, 'forced') RETURNING id`, [low, ev, orgs[0].id, orgs[1].id]);
      const [highPair] = await sql<{ id: string }>(t, `INSERT INTO selected_pairs (selection_id, event_id, organisation_a, organisation_b, score, kind) VALUES ($1, $2, $3, $4, 1, 'forced') RETURNING id`, [high, ev, orgs[2].id, orgs[3].id]);
      const current = (await request(t.http).get(`${base}/selection`).set(...organiser).expect(200)).body as Selection;
      expect(current.id).toBe(high);
      expect(current.pairs.map((p) => p.id)).toEqual([highPair.id]);
      await request(t.http).patch(`${base}/selection/pairs/${highPair.id}`).set(...organiser).send({ session: 'morning' }).expect(200);
      await request(t.http).patch(`${base}/selection/pairs/${lowPair.id}`).set(...organiser).send({ session: 'morning' }).expect(404);
    } finally {
      await sql(t, 'DELETE FROM pair_selections WHERE id = ANY($1::uuid[])', [[low, high]]);
    }
  });

  it('names an organisation that left the event as schedules do, and a deleted one "(organisation removed)"', async () => {
    const admin = bearer(t.adminKey);
    const [left, deleted] = [orgs[2], orgs[4]];
    const before = await select();
    expect(pairOf(before, orgs[2].id, orgs[3].id)).toBeDefined();
    await request(t.http).delete(`${base}/participants/${left.id}`).set(...organiser).expect(204);
    await request(t.http).delete(`/api/profiles/${deleted.id}`).set(...admin).expect(204);
    const current = (await request(t.http).get(`${base}/selection`).set(...organiser).expect(200)).body as Selection;
    expect(current.id).toBe(before.id);
    const side = (p: Pair | undefined, id: string) => (p?.a.id === id ? p.a : p?.b);
    expect(side(pairOf(current, left.id, orgs[3].id), left.id)).toEqual({ id: left.id, name: left.name });
    expect(side(pairOf(current, deleted.id, orgs[5].id), deleted.id)).toEqual({ id: deleted.id, name: '(organisation removed)' });
    expect(current.participants.find((p) => p.id === left.id)?.name).toBe(left.name);
    expect(current.participants.find((p) => p.id === deleted.id)?.name).toBe('(organisation removed)');
    // The PATCH answer names them the same way.
    const pair = pairOf(current, deleted.id, orgs[5].id)!;
    const patched = await request(t.http).patch(`${base}/selection/pairs/${pair.id}`).set(...organiser).send({ session: 'morning' }).expect(200);
    expect(side(patched.body as Pair, deleted.id)?.name).toBe('(organisation removed)');
  });
});

const emptyReport = JSON.stringify({ method: 'exact', totals: {}, perParticipant: [], errors: [], warnings: [] });
