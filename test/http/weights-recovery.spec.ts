import request from 'supertest';
import { QueueService } from '../../src/infra/queue/queue.service';
import { createTestDatabase, redisUrlOrSkip, type TestDatabase } from '../support/services';
import { bearer, sql, startTestApp, type TestApp } from '../support/test-app';

const MEDICA = 'medica-2007-hamamatsu-jena';
const redisUrl = redisUrlOrSkip('weight changes whose recompute was lost, on BullMQ');

// A weight change stores its version, then asks for the recomputes. When the second step is lost (a crash
// between the two, Redis refusing the job), the versions below are stored directly in SQL, as that leaves
// them: no run, or a run without its job. Retrying the same PUT (idempotent: changed false) heals it.
const drivers: [string, string | undefined][] = [['inline', undefined], ...(redisUrl ? [['BullMQ', redisUrl] as [string, string]] : [])];

describe.each(drivers)('weight changes whose recompute was lost are healed by retrying them (HTTP, %s queue)', (_driver, queueRedis) => {
  let t: TestApp;
  let admin: [string, string];
  let medicaId: string;

  const status = async (slug = MEDICA) => (await request(t.http).get(`/api/events/${slug}/matching`).set(...admin).expect(200)).body;
  const runCount = async () => Number((await sql<{ n: string }>(t, 'SELECT count(*) AS n FROM match_runs'))[0].n);
  const globalLatest = async () => ((await request(t.http).get('/api/admin/weights').set(...admin).expect(200)).body as { version: number; weights: Record<string, number> }[])[0];
  const eventsWithLists = async () => (await sql<{ slug: string }>(t, 'SELECT DISTINCT e.slug FROM match_lists m JOIN events e ON e.id = m.event_id ORDER BY 1')).map((r) => r.slug);

  /** Waits until no run is queued or running and every event's lists are on the weights in force. */
  async function settled(): Promise<void> {
    for (let i = 0; i < 300; i++) {
      const [{ unfinished }] = await sql<{ unfinished: string }>(t, "SELECT count(*) AS unfinished FROM match_runs WHERE status IN ('queued', 'running')");
      if (Number(unfinished) === 0) {
        const stale = [];
        for (const slug of await eventsWithLists()) if ((await status(slug)).listsOnOtherWeights > 0) stale.push(slug);
        if (stale.length === 0) return;
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error('match lists did not settle');
  }

  /** Lets queued jobs run; asserts the event stayed on other weights (nothing recomputes it by itself). */
  async function stillStale(slug = MEDICA): Promise<void> {
    await new Promise((r) => setTimeout(r, 500));
    expect((await status(slug)).listsOnOtherWeights).toBeGreaterThan(0);
  }

  beforeAll(async () => {
    t = await startTestApp(queueRedis ? { redisUrl: queueRedis } : {});
    admin = bearer(t.adminKey);
    [{ id: medicaId }] = await sql<{ id: string }>(t, 'SELECT id FROM events WHERE slug = $1', [MEDICA]);
    await settled();
  });
  afterAll(() => t?.close());

  it('recomputes, on a retried global PUT, every event following the global weights whose lists a lost recompute left on older weights', async () => {
    const latest = await globalLatest();
    const weights = { ...latest.weights, sector: latest.weights.sector + 0.1 };
    await sql(t, `INSERT INTO weight_sets (scope, event_id, version, weights, note) VALUES ('global', NULL, $1, $2, 'test: recompute lost')`, [latest.version + 1, JSON.stringify(weights)]);
    const events = await eventsWithLists();
    expect(events.length).toBeGreaterThan(0);
    await stillStale();

    const retry = await request(t.http).put('/api/admin/weights').set(...admin).send({ weights }).expect(200);
    expect(retry.body).toMatchObject({ changed: false, eventsRecomputing: events.length, weightSet: { version: latest.version + 1 } });
    await settled();
    expect(await status()).toMatchObject({ weightVersion: latest.version + 1, listsOnOtherWeights: 0 });

    // Healed: the same PUT again recomputes nothing.
    const runs = await runCount();
    const again = await request(t.http).put('/api/admin/weights').set(...admin).send({ weights }).expect(200);
    expect(again.body).toMatchObject({ changed: false, eventsRecomputing: 0 });
    expect(await runCount()).toBe(runs);
  });

  it("recomputes, on a retried event PUT, the event whose lists a lost recompute left on the event's older weights", async () => {
    const { weights } = await globalLatest();
    const own = await request(t.http).put(`/api/events/${MEDICA}/weights`).set(...admin).send({ weights }).expect(200);
    expect(own.body).toMatchObject({ changed: true, eventsRecomputing: 1 });
    await settled();
    const textHeavy = { ...weights, text: weights.text + 0.2 };
    await sql(t, `INSERT INTO weight_sets (scope, event_id, version, weights, note) VALUES ($1, $2, $3, $4, 'test: recompute lost')`, [
      `event:${medicaId}`,
      medicaId,
      own.body.weightSet.version + 1,
      JSON.stringify(textHeavy),
    ]);
    await stillStale();

    const retry = await request(t.http).put(`/api/events/${MEDICA}/weights`).set(...admin).send({ weights: textHeavy }).expect(200);
    expect(retry.body).toMatchObject({ changed: false, eventsRecomputing: 1, weightSet: { version: own.body.weightSet.version + 1 } });
    await settled();
    expect(await status()).toMatchObject({ weightScope: `event:${medicaId}`, weightVersion: own.body.weightSet.version + 1, listsOnOtherWeights: 0 });
    await request(t.http).delete(`/api/events/${MEDICA}/weights`).set(...admin).expect(200);
    await settled();
  });

  it('starts a run stored without its job (enqueueing failed) when a retried PUT asks for it again, instead of waiting for it forever', async () => {
    const latest = await globalLatest();
    const weights = { ...latest.weights, region: latest.weights.region + 0.1 };
    await sql(t, `INSERT INTO weight_sets (scope, event_id, version, weights, note) VALUES ('global', NULL, $1, $2, 'test: job lost')`, [latest.version + 1, JSON.stringify(weights)]);
    const [{ id: lost }] = await sql<{ id: string }>(t, "INSERT INTO match_runs (event_id, status, kind, trigger) VALUES ($1, 'queued', 'full', 'test: job lost') RETURNING id", [medicaId]);
    await stillStale();
    expect(await status()).toMatchObject({ status: 'queued' });

    const retry = await request(t.http).put('/api/admin/weights').set(...admin).send({ weights }).expect(200);
    expect(retry.body).toMatchObject({ changed: false, eventsRecomputing: (await eventsWithLists()).length });
    await settled();
    expect((await sql<{ status: string; weight_version: number }>(t, 'SELECT status, weight_version FROM match_runs WHERE id = $1', [lost]))[0]).toEqual({ status: 'completed', weight_version: latest.version + 1 });
    expect(await status()).toMatchObject({ status: 'idle', listsOnOtherWeights: 0 });
  });
});

describe('a weight change stores its runs with its version (HTTP, inline queue, restart)', () => {
  let db: TestDatabase;
  let t: TestApp | null = null;

  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await t?.close();
    await db?.drop();
  });

  const unsettled = async (app: TestApp) =>
    (
      await sql<{ slug: string }>(
        app,
        `SELECT e.slug FROM events e
          WHERE EXISTS (SELECT 1 FROM match_runs r WHERE r.event_id = e.id AND r.status IN ('queued', 'running'))
             OR EXISTS (SELECT 1 FROM match_lists m WHERE m.event_id = e.id
                          AND m.weight_set_id <> (SELECT id FROM weight_sets WHERE scope = 'global' ORDER BY version DESC LIMIT 1))`,
      )
    ).map((r) => r.slug);

  async function settledOn(app: TestApp): Promise<void> {
    for (let i = 0; i < 300; i++) {
      const [{ n }] = await sql<{ n: string }>(app, 'SELECT count(*) AS n FROM match_lists');
      if (Number(n) > 0 && (await unsettled(app)).length === 0) return;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`match lists did not settle: ${(await unsettled(app)).join(', ')}`);
  }

  it('recomputes every event after a restart when the jobs of a global change were never enqueued (Redis refused them, the process ended)', async () => {
    t = await startTestApp({ database: db });
    const admin = bearer(t.adminKey);
    await settledOn(t);
    const events = await sql<{ id: string }>(t, 'SELECT DISTINCT event_id AS id FROM match_lists');
    expect(events.length).toBeGreaterThan(1);

    // The queue refuses every job, as Redis would while down: the change answers 500 after its version is stored.
    const queue = t.app.get(QueueService);
    const refuse = jest.spyOn(queue, 'enqueue').mockRejectedValue(new Error('test: Redis down'));
    await request(t.http).put('/api/admin/weights').set(...admin).send({ weights: { sector: 0.5 } }).expect(500);
    refuse.mockRestore();
    const [latest] = await sql<{ version: number }>(t, "SELECT version FROM weight_sets WHERE scope = 'global' ORDER BY version DESC LIMIT 1");
    expect(latest.version).toBe(2);
    // Every event following the global set has a waiting run, stored with the version.
    const waiting = await sql<{ event_id: string; trigger: string }>(t, "SELECT event_id, trigger FROM match_runs WHERE status = 'queued' ORDER BY event_id");
    expect(waiting.map((r) => r.event_id).sort()).toEqual(expect.arrayContaining(events.map((e) => e.id).sort()));
    expect(new Set(waiting.map((r) => r.trigger))).toEqual(new Set(['global weights v2']));

    // The process ends; the next one starts the waiting runs, with no request retried.
    await t.close();
    t = null;
    t = await startTestApp({ database: db });
    await settledOn(t);
    expect(Number((await sql<{ n: string }>(t, "SELECT count(*) AS n FROM match_lists m JOIN weight_sets w ON w.id = m.weight_set_id WHERE w.version <> 2"))[0].n)).toBe(0);
  });
});
