import { randomUUID } from 'node:crypto';
import { Logger } from '@nestjs/common';
import { Queue, Worker, type Job } from 'bullmq';
import IORedis, { type Redis } from 'ioredis';
import type { JobRunner } from '../job-runner';
import type { QueueCounts, QueueDriver, QueueHealth } from '../queue-driver';
import {
  JOB_DEFINITIONS,
  QueueName,
  RETENTION_POLICIES,
  RETRY_POLICIES,
  type AnyJob,
  type EnqueueOptions,
  type JobName,
} from '../queue.contract';

/** BullMQ on Redis: jobs survive restarts and are shared by any number of worker processes. */
export class BullMqQueueDriver implements QueueDriver {
  private readonly logger = new Logger('BullMQ');
  /** Producers and health checks: fails at once while Redis is unreachable instead of waiting for it. */
  private readonly connection: Redis;
  private readonly queues = new Map<QueueName, Queue>();
  private readonly workers: Worker[] = [];
  private readonly workerConnections: Redis[] = [];

  constructor(
    private readonly url: string,
    private readonly prefix: string,
    private readonly concurrency: number,
    private readonly runner: JobRunner,
    private readonly stalledMs = 30_000,
  ) {
    // An enqueue runs inside a request (or a job): while Redis is down it must fail, so the request can
    // answer 503 and keep nothing half-done, rather than hang until Redis returns. ioredis still
    // reconnects in the background.
    this.connection = new IORedis(url, { enableOfflineQueue: false, maxRetriesPerRequest: 1 });
    this.connection.on('error', (err) => this.logger.warn(`redis: ${err.message}`));
    for (const name of Object.values(QueueName)) {
      const queue = new Queue(name, { connection: this.connection, prefix: this.prefix });
      queue.on('error', (err) => this.logger.warn(`queue ${name}: ${err.message}`));
      this.queues.set(name, queue);
    }
  }

  /** The BullMQ queues, e.g. for a dashboard. */
  allQueues(): Queue[] {
    return [...this.queues.values()];
  }

  async enqueue(job: AnyJob, opts: EnqueueOptions): Promise<{ id: string; deduplicated: boolean }> {
    const def = JOB_DEFINITIONS[job.name];
    const queue = this.queues.get(def.queue)!;
    const jobId = randomUUID();
    const added = await queue.add(job.name, job.data, {
      jobId,
      ...RETRY_POLICIES[def.retry],
      ...RETENTION_POLICIES[def.retention],
      delay: opts.delayMs,
      deduplication: opts.dedupeKey ? { id: opts.dedupeKey } : undefined,
    });
    // A deduplicated add answers with the id of the job already holding that key.
    return { id: String(added.id), deduplicated: added.id !== jobId };
  }

  startConsuming(): Promise<void> {
    for (const name of Object.values(QueueName)) {
      // Workers block on Redis and wait for it while it is down: BullMQ requires maxRetriesPerRequest null.
      const connection = new IORedis(this.url, { maxRetriesPerRequest: null });
      connection.on('error', (err) => this.logger.warn(`redis (worker ${name}): ${err.message}`));
      this.workerConnections.push(connection);
      const worker = new Worker(name, (job: Job) => this.process(job), {
        connection,
        prefix: this.prefix,
        concurrency: this.concurrency,
        // A worker that dies (SIGKILL, lost machine) stops renewing its lock; after this long another
        // worker takes the job over.
        lockDuration: this.stalledMs,
        stalledInterval: this.stalledMs,
      });
      worker.on('error', (err) => this.logger.warn(`worker ${name}: ${err.message}`));
      this.workers.push(worker);
    }
    this.logger.log(`consuming ${this.workers.length} queue(s) with concurrency ${this.concurrency}`);
    return Promise.resolve();
  }

  private async process(job: Job): Promise<unknown> {
    return this.runner.run({
      name: job.name as JobName,
      data: job.data as Record<string, unknown>,
      jobId: String(job.id),
      attempt: job.attemptsMade + 1,
      progress: async (fraction, detail) => {
        await job.updateProgress({ fraction, ...(detail ?? {}) });
      },
    });
  }

  async health(): Promise<QueueHealth> {
    try {
      await this.connection.ping();
      const queues: Partial<Record<QueueName, QueueCounts>> = {};
      for (const [name, q] of this.queues) {
        const c = await q.getJobCounts('waiting', 'active', 'delayed', 'failed', 'completed');
        queues[name] = { waiting: c.waiting ?? 0, active: c.active ?? 0, delayed: c.delayed ?? 0, failed: c.failed ?? 0, completed: c.completed ?? 0 };
      }
      return { driver: 'bullmq', ok: true, consuming: this.workers.length > 0, queues };
    } catch (error) {
      return { driver: 'bullmq', ok: false, consuming: this.workers.length > 0, error: (error as Error).message, queues: {} };
    }
  }

  async close(): Promise<void> {
    // Workers first: they finish their active jobs before the connection goes.
    await Promise.all(this.workers.map((w) => w.close()));
    await Promise.all([...this.queues.values()].map((q) => q.close()));
    await Promise.all([this.connection, ...this.workerConnections].map((c) => c.quit().catch(() => undefined)));
  }
}
