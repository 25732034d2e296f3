// Fault drill: the app's own Redis server goes away and comes back. Requests that enqueue work must
// answer 503 at once while it is down (not hang until it returns), and the work asked for while it
// was down is done once it is back.
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import request from 'supertest';
import { bearer, sql, startTestApp, type TestApp } from '../support/test-app';

const MEDICA = 'medica-2007-hamamatsu-jena';

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** A private redis-server (nothing kept on disk); resolves once it accepts connections. */
async function startRedis(port: number): Promise<ChildProcess> {
  const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: ['ignore', 'pipe', 'pipe'] });
  await new Promise<void>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('Ready to accept connections')) resolve();
    });
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`redis-server exited (${code}): ${out}`)));
  });
  return child;
}

async function stopRedis(child: ChildProcess | null): Promise<void> {
  if (!child || child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGKILL');
  await exited;
}

describe('the job queue while its Redis is down (BullMQ, own redis-server)', () => {
  let t: TestApp;
  let redis: ChildProcess | null = null;
  let port: number;
  let admin: [string, string];

  const status = async () => (await request(t.http).get(`/api/events/${MEDICA}/matching`).set(...admin).expect(200)).body as { status: string; listsStored: number };
  async function settled(): Promise<void> {
    for (let i = 0; i < 600; i++) {
      const s = await status();
      if (s.status === 'idle' && s.listsStored > 0) return;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error('match lists did not settle');
  }

  beforeAll(async () => {
    port = await freePort();
    redis = await startRedis(port);
    t = await startTestApp({ redisUrl: `redis://127.0.0.1:${port}` });
    admin = bearer(t.adminKey);
    await settled();
  });
  afterAll(async () => {
    await t?.close();
    await stopRedis(redis);
  });

  it('answers 503 at once while Redis is down, and does the work asked for once it is back', async () => {
    await stopRedis(redis);
    redis = null;

    const started = Date.now();
    const refused = await request(t.http).post(`/api/events/${MEDICA}/matching/recompute`).set(...admin);
    expect(refused.status).toBe(503);
    expect(refused.body.message).toMatch(/job queue is unavailable/);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect((await request(t.http).get('/health').expect(503)).body).toBeTruthy();

    // The run asked for is stored, waiting for its job.
    const waiting = await sql<{ id: string }>(t, `SELECT r.id FROM match_runs r JOIN events e ON e.id = r.event_id WHERE e.slug = $1 AND r.status = 'queued'`, [MEDICA]);
    expect(waiting).toHaveLength(1);

    redis = await startRedis(port);
    // Once the app has reconnected, the next request gives the waiting run its job, and it completes.
    let accepted = 0;
    for (let i = 0; i < 100 && accepted !== 202; i++) {
      accepted = (await request(t.http).post(`/api/events/${MEDICA}/matching/recompute`).set(...admin)).status;
      if (accepted !== 202) await new Promise((r) => setTimeout(r, 200));
    }
    expect(accepted).toBe(202);
    await settled();
    const [run] = await sql<{ status: string }>(t, 'SELECT status FROM match_runs WHERE id = $1', [waiting[0].id]);
    expect(run.status).toBe('completed');
  });
});
