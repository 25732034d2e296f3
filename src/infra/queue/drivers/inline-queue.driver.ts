import { randomUUID } from 'node:crypto';
import { Logger } from '@nestjs/common';
import type { JobRunner } from '../job-runner';
import type { QueueCounts, QueueDriver, QueueHealth } from '../queue-driver';
import { JOB_DEFINITIONS, RETRY_POLICIES, type AnyJob, type EnqueueOptions, type QueueName } from '../queue.contract';

interface InlineJob {
  id: string;
  job: AnyJob;
  dedupeKey?: string;
  state: 'waiting' | 'delayed' | 'active';
  /** When a delayed job becomes due (ms since the epoch; 0: at once). */
  dueAt: number;
}

export interface InlineQueueOptions {
  /** How long close() waits for running jobs before it gives up on them (default 10 s). */
  closeGraceMs?: number;
}

/**
 * Runs jobs in this process with the contract's retry policies, for a single-process install
 * without Redis. Jobs live in memory: a crash loses the waiting ones (use Redis in production).
 */
export class InlineQueueDriver implements QueueDriver {
  private readonly logger = new Logger('InlineQueue');
  private readonly jobs = new Map<string, InlineJob>();
  private readonly byDedupeKey = new Map<string, string>();
  private readonly done = new Map<QueueName, { completed: number; failed: number }>();
  private readonly timers = new Set<NodeJS.Timeout>();
  /** Attempts in progress (close waits for these, not for jobs that have not started). */
  private readonly running = new Set<Promise<void>>();
  private readonly closeGraceMs: number;
  private consuming = false;
  private closed = false;
  private idleWaiters: (() => void)[] = [];

  constructor(
    private readonly runner: JobRunner,
    options: InlineQueueOptions = {},
  ) {
    this.closeGraceMs = options.closeGraceMs ?? 10_000;
  }

  enqueue(job: AnyJob, opts: EnqueueOptions): Promise<{ id: string; deduplicated: boolean }> {
    if (this.closed) return Promise.reject(new Error('queue is closed'));
    const existing = opts.dedupeKey ? this.byDedupeKey.get(opts.dedupeKey) : undefined;
    if (existing) return Promise.resolve({ id: existing, deduplicated: true });
    const id = randomUUID();
    this.jobs.set(id, { id, job, dedupeKey: opts.dedupeKey, state: opts.delayMs ? 'delayed' : 'waiting', dueAt: opts.delayMs ? Date.now() + opts.delayMs : 0 });
    if (opts.dedupeKey) this.byDedupeKey.set(opts.dedupeKey, id);
    if (this.consuming) this.schedule(id, 1, opts.delayMs ?? 0);
    return Promise.resolve({ id, deduplicated: false });
  }

  startConsuming(): Promise<void> {
    this.consuming = true;
    // Jobs enqueued before consuming keep their delay (a debounced job still waits out its burst).
    const now = Date.now();
    for (const j of this.jobs.values()) this.schedule(j.id, 1, Math.max(0, j.dueAt - now));
    return Promise.resolve();
  }

  private schedule(id: string, attempt: number, delayMs: number): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      const run = this.attempt(id, attempt).finally(() => this.running.delete(run));
      this.running.add(run);
    }, delayMs);
    this.timers.add(timer);
  }

  private async attempt(id: string, attempt: number): Promise<void> {
    const entry = this.jobs.get(id);
    if (!entry || this.closed) return;
    entry.state = 'active';
    const def = JOB_DEFINITIONS[entry.job.name];
    const policy = RETRY_POLICIES[def.retry];
    try {
      await this.runner.run({ name: entry.job.name, data: entry.job.data, jobId: id, attempt, progress: () => Promise.resolve() });
      this.finish(entry, 'completed');
    } catch (error) {
      if (attempt < policy.attempts && !this.closed) {
        const delay = policy.backoff.type === 'fixed' ? policy.backoff.delay : policy.backoff.delay * 2 ** (attempt - 1);
        entry.state = 'delayed';
        this.schedule(id, attempt + 1, delay);
      } else {
        this.logger.error({ job: entry.job.name, jobId: id, err: String(error) }, 'job failed permanently');
        this.finish(entry, 'failed');
      }
    }
  }

  private finish(entry: InlineJob, outcome: 'completed' | 'failed'): void {
    this.jobs.delete(entry.id);
    if (entry.dedupeKey) this.byDedupeKey.delete(entry.dedupeKey);
    const queue = JOB_DEFINITIONS[entry.job.name].queue;
    const counts = this.done.get(queue) ?? { completed: 0, failed: 0 };
    counts[outcome] += 1;
    this.done.set(queue, counts);
    if (this.jobs.size === 0) for (const w of this.idleWaiters.splice(0)) w();
  }

  /** Resolves when no job is waiting, delayed or running (used by the CLI and tests). */
  whenIdle(): Promise<void> {
    if (this.jobs.size === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  health(): Promise<QueueHealth> {
    const queues: Partial<Record<QueueName, QueueCounts>> = {};
    for (const def of Object.values(JOB_DEFINITIONS)) {
      const done = this.done.get(def.queue) ?? { completed: 0, failed: 0 };
      queues[def.queue] = { waiting: 0, active: 0, delayed: 0, ...done };
    }
    for (const j of this.jobs.values()) queues[JOB_DEFINITIONS[j.job.name].queue]![j.state] += 1;
    return Promise.resolve({ driver: 'inline', ok: true, consuming: this.consuming, queues });
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
    // Let running handlers finish so nothing is left half-written; jobs not yet started stay unrun.
    if (this.running.size === 0) return;
    let grace: NodeJS.Timeout | undefined;
    const gaveUp = new Promise<boolean>((resolve) => (grace = setTimeout(() => resolve(true), this.closeGraceMs)));
    try {
      const timedOut = await Promise.race([Promise.allSettled([...this.running]).then(() => false), gaveUp]);
      if (timedOut) this.logger.warn({ running: this.running.size, graceMs: this.closeGraceMs }, 'closing with jobs still running');
    } finally {
      clearTimeout(grace);
    }
  }
}
