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
  private readonly connection: Redis;
  private readonly queues = new Map<QueueName, Queue>();
  private readonly workers: Worker[] = [];

  constructor(
    url: string,
    private readonly prefix: string,
    private readonly concurrency: number,
    private readonly runner: JobRunner,
    private readonly stalledMs = 30_000,
  ) {
    // Workers block on Redis; BullMQ requires maxRetriesPerRequest null for them.
    this.connection = new IORedis(url, { maxRetriesPerRequest: null, lazyConnect: false });
    this.connection.on('error', (err) => this.logger.warn(`redis: ${err.message}`));
    for (const name of Object.values(QueueName)) {
      this.queues.set(name, new Queue(name, { connection: this.connection, prefix: this.prefix }));
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
      const worker = new Worker(name, (job: Job) => this.process(job), {
        connection: this.connection.duplicate(),
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
    await this.connection.quit().catch(() => undefined);
  }
}
