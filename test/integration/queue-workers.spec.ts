import request from 'supertest';
import { QueueName } from '../../src/infra/queue/queue.contract';
import { redisUrlOrSkip, createTestDatabase, type TestDatabase } from '../support/services';
import { bearer, startTestApp, type TestApp } from '../support/test-app';
import { startWorkerProcess, type WorkerProcess } from '../support/worker-process';

const redisUrl = redisUrlOrSkip('API + separate worker processes on BullMQ');
const withRedis = redisUrl && process.env.DATABASE_URL ? describe : describe.skip;
if (redisUrl && !process.env.DATABASE_URL) process.stderr.write('SKIPPED worker processes: they need DATABASE_URL (a shared PostgreSQL)\n');

withRedis('API + separate worker processes on BullMQ (real Redis and PostgreSQL)', () => {
  let db: TestDatabase;
  let api: TestApp;
  const workers: WorkerProcess[] = [];

  beforeAll(async () => {
    db = await createTestDatabase();
    api = await startTestApp({ redisUrl: redisUrl!, role: 'api', database: db, seedDemo: false });
    const env = { DATABASE_URL: db.url!, REDIS_URL: redisUrl!, QUEUE_PREFIX: api.config.queue.prefix, WORKER_CONCURRENCY: '1' };
    workers.push(...(await Promise.all([startWorkerProcess(env), startWorkerProcess(env)])));
  }, 120_000);

  afterAll(async () => {
    await Promise.all(workers.map((w) => w.stop()));
    await api?.close();
    await db?.drop();
  });

  async function waitForRun(jobId: string): Promise<{ status: string; worker: string; result: { processedBy: string } }> {
    for (let i = 0; i < 150; i++) {
      const res = await request(api.http).get(`/api/admin/jobs/${jobId}`).set(...bearer(api.adminKey));
      const done = res.status === 200 ? (res.body as { status: string; worker: string; result: { processedBy: string } }[]).find((r) => r.status === 'completed') : undefined;
      if (done) return done;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`job ${jobId} was not processed; worker output:\n${workers.map((w) => w.output()).join('\n')}`);
  }

  it('reports the BullMQ driver in /health, with the API not consuming', async () => {
    const res = await request(api.http).get('/health').expect(200);
    expect(res.body.info.queue).toMatchObject({ status: 'up', driver: 'bullmq', consuming: false });
  });

  it('shows admins the queue dashboard, and nobody else', async () => {
    const anonymous = await request(api.http).get('/admin/queues').expect(401);
    expect(anonymous.headers['www-authenticate']).toContain('Basic');
    const organiser = await request(api.http).post('/api/admin/api-keys').set(...bearer(api.adminKey)).send({ name: 'o', role: 'organiser' }).expect(201);
    await request(api.http).get('/admin/queues').set(...bearer(organiser.body.key as string)).expect(403);
    await request(api.http).get('/admin/queues').set('Authorization', 'Bearer tum_wrong').expect(401);
    const page = await request(api.http).get('/admin/queues').set(...bearer(api.adminKey)).expect(200);
    expect(page.text).toContain('<html');
    await request(api.http).get('/admin/queues').auth('admin', api.adminKey).expect(200);
    const queues = await request(api.http).get('/admin/queues/api/queues').set(...bearer(api.adminKey)).expect(200);
    expect(queues.body.queues.map((q: { name: string }) => q.name).sort()).toEqual(Object.values(QueueName).sort());
  });

  it('has a job enqueued by the API processed by a separate worker process', async () => {
    const probe = await request(api.http).post('/api/admin/jobs/probe').set(...bearer(api.adminKey)).expect(202);
    const run = await waitForRun(probe.body.jobId as string);
    const workerPid = Number(run.worker.split(':').pop());
    expect(workers.map((w) => w.pid)).toContain(workerPid);
    expect(workerPid).not.toBe(process.pid);
    expect(run.result.processedBy).toBe(run.worker);
  });

  it('shares jobs between the two workers', async () => {
    const probes = await Promise.all(
      Array.from({ length: 30 }, () => request(api.http).post('/api/admin/jobs/probe').set(...bearer(api.adminKey)).expect(202)),
    );
    const runs = await Promise.all(probes.map((p) => waitForRun(p.body.jobId as string)));
    const byPid = new Set(runs.map((r) => Number(r.worker.split(':').pop())));
    expect([...byPid].every((pid) => workers.some((w) => w.pid === pid))).toBe(true);
    expect(byPid.size).toBe(2);
  });
});
