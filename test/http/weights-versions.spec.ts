import request from 'supertest';
import { bearer, sql, startTestApp, type TestApp } from '../support/test-app';

const MEDICA = 'medica-2007-hamamatsu-jena';

describe('weight versions: no-op changes, rollback bounds, lists on other weights (HTTP)', () => {
  let t: TestApp;
  let admin: [string, string];
  let organiser: [string, string];
  let participant: [string, string];
  let orgId: string;

  const status = async () => (await request(t.http).get(`/api/events/${MEDICA}/matching`).set(...admin).expect(200)).body;
  const globalVersions = async () => (await request(t.http).get('/api/admin/weights').set(...admin).expect(200)).body as { version: number; weights: Record<string, number> }[];
  const eventVersions = async () => (await request(t.http).get(`/api/events/${MEDICA}/weights`).set(...admin).expect(200)).body.versions as { version: number }[];
  const runCount = async () => Number((await sql<{ n: string }>(t, 'SELECT count(*) AS n FROM match_runs'))[0].n);

  /** Waits until no run of the event is queued or running and its lists are on the weights in force. */
  async function settled(): Promise<void> {
    for (let i = 0; i < 200; i++) {
      const s = await status();
      if (s.status === 'idle' && s.listsStored > 0 && !(s.listsOnOtherWeights > 0)) return;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error('match lists did not settle');
  }

  beforeAll(async () => {
    t = await startTestApp();
    admin = bearer(t.adminKey);
    const key = async (body: object) => bearer((await request(t.http).post('/api/admin/api-keys').set(...admin).send(body).expect(201)).body.key as string);
    const members = await sql<{ organisation_id: string }>(t, 'SELECT ep.organisation_id FROM event_participants ep JOIN events e ON e.id = ep.event_id WHERE e.slug = $1 ORDER BY 1', [MEDICA]);
    orgId = members[0].organisation_id;
    organiser = await key({ name: 'medica team', role: 'organiser', eventSlugs: [MEDICA] });
    participant = await key({ name: 'company', role: 'participant', organisationId: orgId });
    await request(t.http).put(`/api/admin/events/${MEDICA}/weights-policy`).set(...admin).send({ organisersMayTuneWeights: true }).expect(200);
    await settled();
  });
  afterAll(() => t?.close());

  it('keeps the version in force for a PUT of the weights already in force (idempotent), globally and for an event: no duplicate version, no recompute', async () => {
    const [current] = await globalVersions();
    const runs = await runCount();
    const same = await request(t.http).put('/api/admin/weights').set(...admin).send({ weights: current.weights }).expect(200);
    expect(same.body).toMatchObject({ changed: false, eventsRecomputing: 0, weightSet: { version: current.version, current: true } });
    // Missing components are the defaults, which version 1 has: the same set.
    await request(t.http).put('/api/admin/weights').set(...admin).send({ weights: {} }).expect(200);
    expect((await globalVersions()).map((v) => v.version)).toEqual([current.version]);
    expect(await runCount()).toBe(runs);

    // An event following the global set takes the same weights as a set of its own: that is a change.
    const own = await request(t.http).put(`/api/events/${MEDICA}/weights`).set(...organiser).send({ weights: current.weights }).expect(200);
    expect(own.body).toMatchObject({ changed: true, eventsRecomputing: 1, weightSet: { version: 1, followsGlobal: false } });
    await settled();
    const eventRuns = await runCount();
    const again = await request(t.http).put(`/api/events/${MEDICA}/weights`).set(...organiser).send({ weights: current.weights }).expect(200);
    expect(again.body).toMatchObject({ changed: false, eventsRecomputing: 0, weightSet: { version: 1 } });
    expect((await eventVersions()).map((v) => v.version)).toEqual([1]);
    expect(await runCount()).toBe(eventRuns);
    await request(t.http).delete(`/api/events/${MEDICA}/weights`).set(...organiser).expect(200);
    await settled();
  });

  it('refuses (409, field version) a rollback to the weights already in force, as DELETE does; a real rollback still adds a version', async () => {
    const textHeavy = { complementarity: 0.4, sector: 0.1, text: 0.4, cooperation: 0.02, language: 0.03, region: 0.03, focus: 0.02 };
    const put = await request(t.http).put('/api/admin/weights').set(...admin).send({ weights: textHeavy }).expect(200);
    const v = put.body.weightSet.version as number;
    await settled();
    const runs = await runCount();
    const current = await request(t.http).post('/api/admin/weights/rollback').set(...admin).send({ version: v }).expect(409);
    expect(current.body.details).toEqual([{ field: 'version', messages: [`These weights are already in force: version ${v} of the global weights has them`] }]);
    expect((await globalVersions())[0].version).toBe(v);
    expect(await runCount()).toBe(runs);
    const back = await request(t.http).post('/api/admin/weights/rollback').set(...admin).send({ version: 1 }).expect(200);
    expect(back.body.weightSet).toMatchObject({ version: v + 1, note: 'rollback to version 1' });
    // Version 1 and v + 1 have the same weights: rolling back to either is refused now.
    for (const version of [1, v + 1]) await request(t.http).post('/api/admin/weights/rollback').set(...admin).send({ version }).expect(409);
    await settled();

    // The event: a set of its own (version 3), then rolling back to it or to an equal earlier set is refused.
    const own = await request(t.http).put(`/api/events/${MEDICA}/weights`).set(...organiser).send({ weights: textHeavy }).expect(200);
    expect(own.body.weightSet.version).toBe(3);
    const eventRollback = (version: number) => request(t.http).post(`/api/events/${MEDICA}/weights/rollback`).set(...organiser).send({ version });
    const refused = await eventRollback(3).expect(409);
    expect(refused.body.details).toEqual([{ field: 'version', messages: ["These weights are already in force: version 3 of the event's weights has them"] }]);
    // Version 1 (the defaults) differs from version 3: applied.
    await eventRollback(1).expect(200);
    await eventRollback(1).expect(409);
    expect((await eventVersions()).map((x) => x.version)).toEqual([4, 3, 2, 1]);
    await request(t.http).delete(`/api/events/${MEDICA}/weights`).set(...organiser).expect(200);
    await settled();
  });

  it('stores one version when the same change arrives twice at once', async () => {
    const before = (await globalVersions())[0].version;
    const change = { weights: { complementarity: 0.5, sector: 0.3, text: 0.1, cooperation: 0.02, language: 0.04, region: 0.02, focus: 0.02 } };
    const answers = await Promise.all([0, 1].map(() => request(t.http).put('/api/admin/weights').set(...admin).send(change)));
    expect(answers.map((r) => r.status)).toEqual([200, 200]);
    expect(answers.map((r) => r.body.changed as boolean).sort()).toEqual([false, true]);
    expect((await globalVersions())[0].version).toBe(before + 1);
    await settled();
  });

  it('answers 400 naming version for a rollback version beyond the stored range (was a 500)', async () => {
    for (const url of ['/api/admin/weights/rollback', `/api/events/${MEDICA}/weights/rollback`]) {
      const res = await request(t.http).post(url).set(...admin).send({ version: 2 ** 31 }).expect(400);
      expect(res.body.details).toEqual([{ field: 'version', messages: ['version must not be greater than 2147483647'] }]);
    }
    await request(t.http).post('/api/admin/weights/rollback').set(...admin).send({ version: 2 ** 31 - 1 }).expect(404);
  });

  it('says when suggestions and lists were computed with another weight set than the one in force', async () => {
    const fresh = await request(t.http).get(`/api/events/${MEDICA}/participants/${orgId}/suggestions`).set(...participant).expect(200);
    expect(fresh.body).toMatchObject({ status: 'ready', weightsCurrent: true });
    const { listsStored } = await status();
    // A global change whose recompute has not run yet (stored directly, so no run starts).
    const [latest] = await globalVersions();
    await sql(t, `INSERT INTO weight_sets (scope, event_id, version, weights, note) VALUES ('global', NULL, $1, $2, 'test: not recomputed yet')`, [
      latest.version + 1,
      JSON.stringify({ ...latest.weights, sector: latest.weights.sector + 0.1 }),
    ]);
    const stale = await request(t.http).get(`/api/events/${MEDICA}/participants/${orgId}/suggestions`).set(...participant).expect(200);
    expect(stale.body).toMatchObject({ status: 'ready', weightVersion: latest.version, weightScope: 'global', weightsCurrent: false });
    expect(await status()).toMatchObject({ weightVersion: latest.version + 1, listsStored, listsOnOtherWeights: listsStored });

    await request(t.http).post(`/api/events/${MEDICA}/matching/recompute`).set(...organiser).expect(202);
    await settled();
    const recomputed = await request(t.http).get(`/api/events/${MEDICA}/participants/${orgId}/suggestions`).set(...participant).expect(200);
    expect(recomputed.body).toMatchObject({ weightVersion: latest.version + 1, weightsCurrent: true });
  });
});

describe('global weights on a fresh database (HTTP)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ seedDemo: false });
  });
  afterAll(() => t?.close());

  it('keeps the default from config as version 1 when the first request is a change, so the defaults count as in force', async () => {
    const admin = bearer(t.adminKey);
    expect(await sql(t, 'SELECT 1 FROM weight_sets')).toEqual([]);
    const same = await request(t.http).put('/api/admin/weights').set(...admin).send({ weights: {} }).expect(200);
    expect(same.body).toMatchObject({ changed: false, weightSet: { version: 1 } });
    const put = await request(t.http).put('/api/admin/weights').set(...admin).send({ weights: { sector: 1 } }).expect(200);
    expect(put.body.weightSet).toMatchObject({ version: 2, scope: 'global' });
    const versions = (await request(t.http).get('/api/admin/weights').set(...admin).expect(200)).body as { version: number; note: string }[];
    expect(versions.map((v) => [v.version, v.note])).toEqual([
      [2, ''],
      [1, 'default from config/scoring-weights.json'],
    ]);
  });
});
