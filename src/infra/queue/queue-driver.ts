import type { AnyJob, EnqueueOptions, QueueName } from './queue.contract';

export interface QueueCounts {
  waiting: number;
  active: number;
  delayed: number;
  failed: number;
  completed: number;
}

export interface QueueHealth {
  driver: 'bullmq' | 'inline';
  ok: boolean;
  consuming: boolean;
  error?: string;
  queues: Partial<Record<QueueName, QueueCounts>>;
}

/** How jobs travel: BullMQ on Redis across processes, or inline in this process. */
export interface QueueDriver {
  enqueue(job: AnyJob, opts: EnqueueOptions): Promise<{ id: string; deduplicated: boolean }>;
  /** Starts processing jobs in this process. */
  startConsuming(): Promise<void>;
  health(): Promise<QueueHealth>;
  close(): Promise<void>;
}

export const QUEUE_DRIVER = Symbol('QUEUE_DRIVER');
