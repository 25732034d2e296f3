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
