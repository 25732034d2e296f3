import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import request from 'supertest';
import { createTestDatabase, type TestDatabase } from '../support/services';
import { bearer, sql, startTestApp, type TestApp } from '../support/test-app';
import { startWorkerProcess } from '../support/worker-process';

const DEV_PROFILES = resolve(__dirname, '../../../shared/data/match-eval/dev/profiles.jsonl');
const EVENT = 'threads-partnering';

interface ListRow {
  organisation_id: string;
  generation: string;
  ids: string[];
  scores: number[];
}

/** OS threads of this process (a worker thread is one), where Linux tells. */
function osThreads(): number | null {
  if (!existsSync('/proc/self/status')) return null;
  const m = /^Threads:\s+(\d+)/m.exec(readFileSync('/proc/self/status', 'utf8'));
  return m ? Number(m[1]) : null;
}

// A recompute on several threads (MATCHING_THREADS) must store exactly what one thread stores. Runs on
// PostgreSQL (DATABASE_URL) or, without it, on an embedded database kept on disk across the two apps.
describe('match lists computed on several threads (MATCHING_THREADS)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tieup-threads-'));
  let db: TestDatabase;

  const startApp = (threads: number) =>
    startTestApp({
      ...(db.url ? { database: db } : { embeddedDataDir: dir }),
      seedDemo: false,
      // 400 participants in 3 shards: every shard job goes through the threads.
      env: { MATCHING_THREADS: String(threads), MATCHING_SHARD_SIZE: '150' },
    });

  const lists = (app: TestApp) =>
    sql<ListRow>(
      app,
      `SELECT m.organisation_id, m.generation::text, ARRAY(SELECT s->>'organisationId' FROM jsonb_array_elements(m.suggestions) s) AS ids,
              ARRAY(SELECT (s->>'score')::float8 FROM jsonb_array_elements(m.suggestions) s) AS scores
         FROM match_lists m JOIN events e ON e.id = m.event_id WHERE e.slug = $1 ORDER BY m.organisation_id`,
      [EVENT],
    );

  /** Recomputes the event and waits for the run; returns what its shard jobs reported. */
  async function recompute(app: TestApp): Promise<{ threads: number; lists: number }[]> {
    const res = await request(app.http).post(`/api/events/${EVENT}/matching/recompute`).set(...bearer(app.adminKey)).expect(202);
    const runId = res.body.id as string;
    const deadline = Date.now() + 120_000;
    for (;;) {
      const [run] = await sql<{ status: string; error: string | null }>(app, 'SELECT status, error FROM match_runs WHERE id = $1', [runId]);
      if (run.status === 'completed') break;
      if (run.status === 'failed') throw new Error(`run failed: ${run.error}`);
      if (Date.now() > deadline) throw new Error(`run ${runId} stayed ${run.status}`);
      await new Promise((r) => setTimeout(r, 50));
    }
    // The run completes with the last shard's lists; that shard's job record is closed just after.
    while ((await sql(app, `SELECT 1 FROM job_runs WHERE job_name = 'matching.shard' AND payload->>'runId' = $1 AND status = 'running'`, [runId])).length > 0) {
      if (Date.now() > deadline) throw new Error(`shard jobs of run ${runId} stayed running`);
      await new Promise((r) => setTimeout(r, 50));
    }
    return sql<{ threads: number; lists: number }>(
      app,
      `SELECT (result->>'threads')::int AS threads, (result->>'lists')::int AS lists FROM job_runs
        WHERE job_name = 'matching.shard' AND payload->>'runId' = $1 AND status = 'completed' ORDER BY payload->>'shard'`,
      [runId],
    );
  }

  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await db.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('stores the same lists (ids, scores, order) with 2 threads as with 1, and ends its threads on close', async () => {
    const one = await startApp(1);
    let single: ListRow[];
    try {
      await request(one.http).post('/api/profiles/import').set(...bearer(one.adminKey)).set('Content-Type', 'application/x-ndjson').send(readFileSync(DEV_PROFILES, 'utf8')).expect(200);
      const [{ id: eventId }] = await sql<{ id: string }>(one, `INSERT INTO events (slug, name, time_zone, starts_on, ends_on) VALUES ($1, $1, 'Europe/Berlin', '2026-12-01', '2026-12-01') RETURNING id`, [EVENT]);
      await sql(one, 'INSERT INTO event_participants (event_id, organisation_id) SELECT $1, id FROM organisations', [eventId]);
      expect(await recompute(one)).toEqual([
        { threads: 1, lists: 134 },
        { threads: 1, lists: 133 },
        { threads: 1, lists: 133 },
      ]);
      single = await lists(one);
    } finally {
      await one.close();
    }
    expect(single).toHaveLength(400);
    expect(single.every((l) => l.ids.length === 20)).toBe(true);

    const two = await startApp(2);
    const running = osThreads();
    let threaded: ListRow[];
    try {
      expect(await recompute(two)).toEqual([
        { threads: 2, lists: 134 },
        { threads: 2, lists: 133 },
        { threads: 2, lists: 133 },
      ]);
      threaded = await lists(two);
    } finally {
      await two.close();
    }
    expect(threaded.map(({ organisation_id, ids, scores }) => ({ organisation_id, ids, scores }))).toEqual(
      single.map(({ organisation_id, ids, scores }) => ({ organisation_id, ids, scores })),
    );
    // Every list was rewritten by the threaded run.
    expect(new Set(threaded.map((l) => l.generation)).size).toBe(1);
    expect(Number(threaded[0].generation)).toBeGreaterThan(Number(single[0].generation));
    // The app's worker thread ended with it.
    if (running !== null) expect(osThreads()).toBeLessThan(running);
  }, 240_000);

  it('stops the boot of a worker process naming MATCHING_THREADS when it is not a whole number ≥ 1', async () => {
    const boot = startWorkerProcess({ DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none', REDIS_URL: 'redis://127.0.0.1:1', MATCHING_THREADS: '0' });
    await expect(boot).rejects.toThrow(/worker exited with 1:[\s\S]*MATCHING_THREADS must be an integer between 1 and 256/);
  });
});
