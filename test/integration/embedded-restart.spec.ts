import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { bearer, sql, startTestApp } from '../support/test-app';

// The embedded database is what `npm start` uses on a fresh machine: its data must survive a restart.
describe('embedded PostgreSQL (PGlite) persistence', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tieup-pglite-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps keys and data across a restart and does not seed twice', async () => {
    const first = await startTestApp({ embeddedDataDir: dir });
    expect(first.config.database).toEqual({ kind: 'embedded', dataDir: dir });
    const created = await request(first.http).post('/api/admin/api-keys').set(...bearer(first.adminKey)).send({ name: 'kept', role: 'organiser', eventSlugs: ['medica-2007-hamamatsu-jena'] }).expect(201);
    const [{ n: orgsBefore }] = await sql<{ n: string }>(first, 'SELECT count(*) AS n FROM organisations');
    await first.close();

    const second = await startTestApp({ embeddedDataDir: dir });
    try {
      const events = await request(second.http).get('/api/events').set(...bearer(created.body.key as string)).expect(200);
      expect(events.body.map((e: { slug: string }) => e.slug)).toEqual(['medica-2007-hamamatsu-jena']);
      const [{ n: orgsAfter }] = await sql<{ n: string }>(second, 'SELECT count(*) AS n FROM organisations');
      expect(Number(orgsAfter)).toBe(Number(orgsBefore));
      expect(Number(orgsAfter)).toBeGreaterThan(50);
    } finally {
      await second.close();
    }
  });
});

// The embedded database answers one connection: a job that queried beside its own open transaction
// waited for itself forever and took every request with it. Edits, joins and their change runs
// must go through on it as they do on PostgreSQL.
describe('embedded PostgreSQL (PGlite) under change runs', () => {
  const MEDICA = 'medica-2007-hamamatsu-jena';
  const dir = mkdtempSync(join(tmpdir(), 'tieup-pglite-'));
  let t: Awaited<ReturnType<typeof startTestApp>>;
  afterAll(async () => {
    await t?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** The event's runs once all have finished, newest first (none may fail). */
  async function settledRuns(): Promise<{ kind: string; status: string }[]> {
    for (let i = 0; i < 300; i++) {
      const runs = await sql<{ kind: string; status: string }>(t, 'SELECT r.kind, r.status FROM match_runs r JOIN events e ON e.id = r.event_id WHERE e.slug = $1 ORDER BY r.created_at DESC', [MEDICA]);
      if (runs.length > 0 && runs.every((r) => r.status === 'completed' || r.status === 'failed')) {
        expect(runs.filter((r) => r.status === 'failed')).toEqual([]);
        return runs;
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error('runs did not finish');
  }

  it('applies a profile edit and a join to the stored lists, and keeps answering', async () => {
    t = await startTestApp({ embeddedDataDir: dir });
    const admin = bearer(t.adminKey);
    expect((await settledRuns())[0]).toEqual({ kind: 'full', status: 'completed' });
    const [member] = await sql<{ id: string }>(t, 'SELECT ep.organisation_id AS id FROM event_participants ep JOIN events e ON e.id = ep.event_id WHERE e.slug = $1 ORDER BY 1 LIMIT 1', [MEDICA]);
    await request(t.http).patch(`/api/profiles/${member.id}`).set(...admin).send({ description: 'Contract manufacturing of precision optical lenses and ophthalmic instruments.' }).expect(200);
    expect((await settledRuns())[0]).toEqual({ kind: 'changes', status: 'completed' });
    await request(t.http).get('/health').expect(200);

    const [outsider] = await sql<{ id: string }>(
      t,
      `SELECT o.id FROM organisations o WHERE NOT EXISTS (SELECT 1 FROM event_participants ep JOIN events e ON e.id = ep.event_id WHERE e.slug = $1 AND ep.organisation_id = o.id) ORDER BY o.id LIMIT 1`,
      [MEDICA],
    );
    await request(t.http).post(`/api/events/${MEDICA}/participants`).set(...admin).send({ participants: [{ organisationId: outsider.id }] }).expect(201);
    expect((await settledRuns())[0]).toEqual({ kind: 'changes', status: 'completed' });
    const list = await request(t.http).get(`/api/events/${MEDICA}/participants/${outsider.id}/suggestions`).set(...admin).expect(200);
    expect(list.body.status).toBe('ready');
    await request(t.http).get('/health').expect(200);
  });
});
