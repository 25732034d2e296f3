import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import request from 'supertest';
import { EventPoolService } from '../../src/matching/event-pool.service';
import { matchingOrder, serialisePrepared } from '../../src/matching/core';
import { ProfileAnalysisService } from '../../src/profiles/features/profile-analysis.service';
import { createScoringEnvironment, DEFAULT_WEIGHTS, preparePool, scorePair, type ScoringInput } from '../../src/scoring/core';
import { ScoringEngine } from '../../src/scoring/scoring-engine.service';
import { TaxonomyService } from '../../src/taxonomy/taxonomy.service';
import { createTestDatabase, type TestDatabase } from '../support/services';
import { bearer, sql, startTestApp, type TestApp } from '../support/test-app';

const ROOT = resolve(__dirname, '../..');
const DEV_PROFILES = resolve(ROOT, '../shared/data/match-eval/dev/profiles.jsonl');
const EVENT = 'features-event';

interface FeatureRow {
  organisation_id: string;
  fingerprint: string;
  current: boolean;
  analysed_at: Date;
}

describe('stored profile analyses (profile_features)', () => {
  let db: TestDatabase;
  let dataDir: string | null = null;
  let configDir: string;
  let t: TestApp;
  let eventId: string;
  let admin: [string, string];

  // A second start on the same database must see the first one's data: PostgreSQL, or embedded on disk.
  const boot = (env: Record<string, string> = {}) =>
    startTestApp(db.url ? { database: db, seedDemo: false, env } : { embeddedDataDir: dataDir!, seedDemo: false, env });

  beforeAll(async () => {
    db = await createTestDatabase();
    if (!db.url) dataDir = mkdtempSync(join(tmpdir(), 'features-db-'));
    configDir = mkdtempSync(join(tmpdir(), 'features-config-'));
    cpSync(join(ROOT, 'config'), configDir, { recursive: true });
    t = await boot({ CONFIG_DIR: configDir });
    admin = bearer(t.adminKey);
  }, 120_000);

  afterAll(async () => {
    await t?.close();
    await db?.drop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    rmSync(configDir, { recursive: true, force: true });
  });

  afterEach(() => jest.restoreAllMocks());

  const service = () => t.app.get(ProfileAnalysisService);
  const rows = () =>
    sql<FeatureRow>(
      t,
      `SELECT f.organisation_id, f.fingerprint, f.analysed_at,
              (f.fingerprint = $1 AND f.profile_version = o.version AND f.profile_updated_at = o.updated_at) AS current
         FROM profile_features f JOIN organisations o ON o.id = f.organisation_id ORDER BY f.organisation_id`,
      [service().fingerprint],
    );
  const importText = (body: string, query = '') => request(t.http).post(`/api/profiles/import${query}`).set(...admin).set('Content-Type', 'application/x-ndjson').send(body);
  /** Any change to the event makes the pool service prepare the pool again (its in-memory cache is per fingerprint). */
  const touchEvent = () => sql(t, 'UPDATE events SET updated_at = clock_timestamp() WHERE id = $1', [eventId]);

  it('stores nothing for a dry run, a rejected file, or an import whose transaction fails', async () => {
    const text = readFileSync(DEV_PROFILES, 'utf8');
    await importText(text, '?dryRun=true').expect(200);
    await importText(`${text}{"externalId": "broken"}\n`).expect(400);
    jest.spyOn(service(), 'store').mockRejectedValueOnce(new Error('disk full'));
    await importText(text).expect(500);
    expect(await sql(t, 'SELECT 1 FROM organisations')).toHaveLength(0);
    expect(await rows()).toHaveLength(0);
  });

  it('stores a current analysis for every imported profile, with the import', async () => {
    const res = await importText(readFileSync(DEV_PROFILES, 'utf8')).expect(200);
    expect(res.body.created).toBe(400);
    const stored = await rows();
    expect(stored).toHaveLength(400);
    expect(stored.every((r) => r.current)).toBe(true);
  });

  it('stores on create, refreshes on update, and deletes with the profile', async () => {
    const created = await request(t.http)
      .post('/api/profiles')
      .set(...admin)
      .send({ externalId: 'features-optik', name: 'Features Optik GmbH', kind: 'company', country: 'DE', region: 'Jena', sectors: ['26.70'], offers: ['laser diodes'], seeks: ['Vertriebspartner in Japan'], cooperation: ['supply'], languages: ['de'], description: 'Wir fertigen Laseroptik.' })
      .expect(201);
    const id = created.body.id as string;
    const analysisOf = async () => (await sql<{ analysis: { offers: { text: string }[] }; analysed_at: Date; current: boolean }>(t, `SELECT f.analysis, f.analysed_at, f.profile_version = o.version AS current FROM profile_features f JOIN organisations o ON o.id = f.organisation_id WHERE f.organisation_id = $1`, [id]))[0];
    const first = await analysisOf();
    expect(first.current).toBe(true);
    expect(first.analysis.offers.map((o) => o.text)).toContain('laser diodes');

    await request(t.http).patch(`/api/profiles/${id}`).set(...admin).send({ offers: ['optical coatings'] }).expect(200);
    const second = await analysisOf();
    expect(second.current).toBe(true);
    expect(second.analysis.offers.map((o) => o.text)).toEqual(expect.arrayContaining(['optical coatings']));
    expect(second.analysis.offers.map((o) => o.text)).not.toContain('laser diodes');
    expect(second.analysed_at.getTime()).toBeGreaterThanOrEqual(first.analysed_at.getTime());

    await request(t.http).delete(`/api/profiles/${id}`).set(...admin).expect(204);
    expect(await sql(t, 'SELECT 1 FROM profile_features WHERE organisation_id = $1', [id])).toHaveLength(0);
  });

  it('prepares a pool from stored analyses without analysing, identical to preparing from scratch', async () => {
    [{ id: eventId }] = await sql<{ id: string }>(t, `INSERT INTO events (slug, name, time_zone, starts_on, ends_on) VALUES ($1, $1, 'Europe/Berlin', '2026-12-01', '2026-12-01') RETURNING id`, [EVENT]);
    await sql(t, 'INSERT INTO event_participants (event_id, organisation_id) SELECT $1, id FROM organisations', [eventId]);
    const analyse = jest.spyOn(service(), 'analyse');
    const pool = await t.app.get(EventPoolService).load(eventId);
    expect(analyse).not.toHaveBeenCalled();
    expect(pool.profiles).toHaveLength(400);

    // From scratch, as before analyses were stored: the same inputs, put in the pool's matching order.
    const inputs = await sql<ScoringInput>(
      t,
      `SELECT o.id, o.name, o.country, r.name AS region, o.sectors, o.offers, o.seeks, o.cooperation, o.languages, o.description
         FROM event_participants ep JOIN organisations o ON o.id = ep.organisation_id JOIN regions r ON r.id = o.region_id WHERE ep.event_id = $1 ORDER BY o.id`,
      [eventId],
    );
    const env = createScoringEnvironment({ taxonomy: t.app.get(TaxonomyService).taxonomy, analyser: t.app.get(ScoringEngine).analyser });
    const scratch = matchingOrder(preparePool(inputs, env).profiles);
    expect(pool.profiles.map(serialisePrepared)).toEqual(scratch.map(serialisePrepared));
    for (let i = 0; i < 400; i += 37) {
      for (let j = 1; j < 400; j += 41) expect(scorePair(pool.profiles[i], pool.profiles[j], DEFAULT_WEIGHTS, pool.ctx).score).toBe(scorePair(scratch[i], scratch[j], DEFAULT_WEIGHTS, pool.ctx).score);
    }
  });

  it('analyses only missing or stale profiles and stores them back', async () => {
    const ids = (await rows()).map((r) => r.organisation_id);
    await sql(t, 'DELETE FROM profile_features WHERE organisation_id = ANY($1::uuid[])', [ids.slice(0, 3)]);
    await sql(t, "UPDATE profile_features SET fingerprint = 'a0:older' WHERE organisation_id = $1", [ids[3]]);
    // A profile changed behind the service's back (a newer version than its stored analysis).
    await sql(t, 'UPDATE organisations SET version = version + 1 WHERE id = $1', [ids[4]]);
    await touchEvent();
    const analyse = jest.spyOn(service(), 'analyse');
    await t.app.get(EventPoolService).load(eventId);
    expect(analyse.mock.calls.map(([input]) => input.id).sort()).toEqual(ids.slice(0, 5).sort());
    const stored = await rows();
    expect(stored).toHaveLength(ids.length);
    expect(stored.every((r) => r.current)).toBe(true);

    analyse.mockClear();
    await touchEvent();
    await t.app.get(EventPoolService).load(eventId);
    expect(analyse).not.toHaveBeenCalled();
  });

  it('re-analyses every participant after a start with another taxonomy or lexicon', async () => {
    const before = await rows();
    const oldFingerprint = service().fingerprint;
    await t.close();
    // The same installation restarted with one more focus-sector synonym.
    const path = join(configDir, 'focus-sectors.json');
    const focus = JSON.parse(readFileSync(path, 'utf8')) as { sectors: { synonyms: { en: string[] } }[] };
    focus.sectors[0].synonyms.en.push('photon counting modules');
    writeFileSync(path, JSON.stringify(focus));
    t = await boot({ CONFIG_DIR: configDir });
    admin = bearer(t.adminKey);
    expect(service().fingerprint).not.toBe(oldFingerprint);

    // The start found the lexicon changed and recomputes the event's lists: that prepares its pool.
    for (let i = 0; ; i++) {
      const [{ n }] = await sql<{ n: string }>(t, "SELECT count(*) AS n FROM match_runs WHERE event_id = $1 AND trigger = 'taxonomy or lexicon changed' AND status = 'completed'", [eventId]);
      if (n !== '0') break;
      if (i > 600) throw new Error('the recompute after the lexicon change did not complete');
      await new Promise((r) => setTimeout(r, 100));
    }
    const after = await rows();
    expect(after).toHaveLength(before.length);
    expect(after.every((r) => r.current && r.fingerprint === service().fingerprint)).toBe(true);
    const previous = new Map(before.map((r) => [r.organisation_id, r.analysed_at.getTime()]));
    expect(after.every((r) => r.analysed_at.getTime() > previous.get(r.organisation_id)!)).toBe(true);
  });
});
