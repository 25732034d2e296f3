import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import request from 'supertest';
import { createTestDatabase, redisUrlOrSkip, type TestDatabase } from '../support/services';
import { bearer, sql, startTestApp, type TestApp } from '../support/test-app';
import { startWorkerProcess, type WorkerProcess } from '../support/worker-process';

const DEV_PROFILES = resolve(__dirname, '../../../shared/data/match-eval/dev/profiles.jsonl');
const EVENT = 'dev-partnering';

const redisUrl = redisUrlOrSkip('match lists computed by worker processes');
const withServices = redisUrl && process.env.DATABASE_URL ? describe : describe.skip;

interface ListRow {
  organisation_id: string;
  generation: string;
  ids: string[];
  scores: number[];
}

withServices('match lists computed by worker processes (real Redis and PostgreSQL)', () => {
  let db: TestDatabase;
  let api: TestApp;
  let eventId: string;
  let participants: number;
  const running: WorkerProcess[] = [];

  const workerEnv = (shardSize: number) => ({
    DATABASE_URL: db.url!,
    REDIS_URL: redisUrl!,
    QUEUE_PREFIX: api.config.queue.prefix,
    WORKER_CONCURRENCY: '1',
    MATCHING_SHARD_SIZE: String(shardSize),
    QUEUE_STALLED_MS: '1500',
  });
  const startWorker = async (shardSize: number) => {
    const w = await startWorkerProcess(workerEnv(shardSize));
    running.push(w);
    return w;
  };
  const stopAll = async () => {
    await Promise.all(running.splice(0).map((w) => w.stop()));
  };

  const lists = () =>
    sql<ListRow>(
      api,
      `SELECT organisation_id, generation::text, ARRAY(SELECT s->>'organisationId' FROM jsonb_array_elements(suggestions) s) AS ids,
              ARRAY(SELECT (s->>'score')::float8 FROM jsonb_array_elements(suggestions) s) AS scores
         FROM match_lists WHERE event_id = $1 ORDER BY organisation_id`,
      [eventId],
    );

  async function recompute(): Promise<string> {
    const res = await request(api.http).post(`/api/events/${EVENT}/matching/recompute`).set(...bearer(api.adminKey)).expect(202);
    return res.body.id as string;
  }

  async function waitFor(runId: string, status: string[], timeoutMs = 90_000): Promise<{ status: string; shards_total: number }> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const [run] = await sql<{ status: string; shards_total: number }>(api, 'SELECT status, shards_total FROM match_runs WHERE id = $1', [runId]);
      if (status.includes(run.status)) return run;
      if (Date.now() > deadline) throw new Error(`run ${runId} stayed ${run.status}; workers:\n${running.map((w) => w.output()).join('\n')}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  beforeAll(async () => {
    db = await createTestDatabase();
    api = await startTestApp({ redisUrl: redisUrl!, role: 'api', database: db, seedDemo: false });
    await request(api.http).post('/api/profiles/import').set(...bearer(api.adminKey)).set('Content-Type', 'application/x-ndjson').send(readFileSync(DEV_PROFILES, 'utf8')).expect(200);
    [{ id: eventId }] = await sql<{ id: string }>(api, `INSERT INTO events (slug, name, time_zone, starts_on, ends_on) VALUES ($1, $1, 'Europe/Berlin', '2026-12-01', '2026-12-01') RETURNING id`, [EVENT]);
    await sql(api, 'INSERT INTO event_participants (event_id, organisation_id) SELECT $1, id FROM organisations', [eventId]);
    participants = 400;
  }, 120_000);

  afterAll(async () => {
    await stopAll();
    await api?.close();
    await db?.drop();
  });

  it('gives the same lists when two workers share the event in shards as when one computes it whole', async () => {
    await startWorker(100_000);
    const whole = await recompute();
    expect((await waitFor(whole, ['completed'])).shards_total).toBe(1);
    const one = await lists();
    expect(one).toHaveLength(participants);
    await stopAll();

    await Promise.all([startWorker(50), startWorker(50)]);
    const sharded = await recompute();
    expect((await waitFor(sharded, ['completed'])).shards_total).toBe(8);
    const two = await lists();
    expect(two.map(({ organisation_id, ids, scores }) => ({ organisation_id, ids, scores }))).toEqual(
      one.map(({ organisation_id, ids, scores }) => ({ organisation_id, ids, scores })),
    );
    // Every list was rewritten by the sharded run.
    expect(new Set(two.map((l) => l.generation)).size).toBe(1);
    expect(Number(two[0].generation)).toBeGreaterThan(Number(one[0].generation));
    const shardWorkers = await sql<{ worker: string }>(api, "SELECT DISTINCT worker FROM job_runs WHERE job_name = 'matching.shard' AND status = 'completed'");
    if (shardWorkers.length !== 2) process.stderr.write(JSON.stringify(await sql(api, 'SELECT job_name, worker, status, attempt, error, started_at, finished_at FROM job_runs ORDER BY started_at'), null, 1) + '\n');
    expect(shardWorkers).toHaveLength(2);
    await stopAll();
  });

  it('leaves every list complete when a worker is killed mid-job, and brings them up to date after a restart', async () => {
    const before = await lists();
    const victim = await startWorker(100_000);
    const runId = await recompute();
    await waitFor(runId, ['running']);
    await victim.stop('SIGKILL');
    running.splice(running.indexOf(victim), 1);

    // Readers still see the previous complete lists: nothing half-written.
    const during = await lists();
    expect(during).toHaveLength(participants);
    expect(new Set(during.map((l) => l.generation)).size).toBe(1);
    expect(during).toEqual(before);

    await startWorker(100_000);
    await waitFor(runId, ['completed']);
    const after = await lists();
    expect(after).toHaveLength(participants);
    expect(new Set(after.map((l) => l.generation)).size).toBe(1);
    expect(Number(after[0].generation)).toBeGreaterThan(Number(before[0].generation));
    expect(after.map((l) => l.ids)).toEqual(before.map((l) => l.ids));
  });

  it('re-ranks the affected lists when a profile changes', async () => {
    // Make one Japanese organisation the German one's mirror image (offering what it seeks, seeking what
    // it offers, same sectors), so it must enter the German organisation's list.
    const [seeker] = await sql<{ id: string; seeks: string[]; offers: string[]; sectors: string[]; description: string }>(
      api,
      "SELECT id, seeks, offers, sectors, description FROM organisations WHERE country = 'DE' AND cardinality(seeks) > 0 AND cardinality(offers) > 0 ORDER BY external_id LIMIT 1",
    );
    const [before] = (await lists()).filter((l) => l.organisation_id === seeker.id);
    const [outsider] = await sql<{ id: string }>(api, "SELECT id FROM organisations WHERE country = 'JP' AND NOT (id = ANY($1::uuid[])) ORDER BY external_id LIMIT 1", [before.ids]);
    await startWorker(100_000);
    await request(api.http).patch(`/api/profiles/${outsider.id}`).set(...bearer(api.adminKey)).send({ offers: seeker.seeks, seeks: seeker.offers, sectors: seeker.sectors, description: seeker.description, languages: ['ja', 'de', 'en'] }).expect(200);
    const deadline = Date.now() + 60_000;
    let now = before;
    while (Date.now() < deadline) {
      [now] = (await lists()).filter((l) => l.organisation_id === seeker.id);
      if (now.generation !== before.generation) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(now.generation).not.toBe(before.generation);
    expect(now.ids).toContain(outsider.id);
  });
});
