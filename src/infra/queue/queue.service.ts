import { Inject, Injectable, Logger, ServiceUnavailableException, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { QUEUE_DRIVER, type QueueDriver, type QueueHealth } from './queue-driver';
import type { AnyJob, EnqueueOptions, JobData, JobName } from './queue.contract';

export const QUEUE_CONSUME = Symbol('QUEUE_CONSUME');

/** The one way to enqueue background work. */
@Injectable()
export class QueueService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('Queue');

  constructor(
    @Inject(QUEUE_DRIVER) private readonly driver: QueueDriver,
    @Inject(QUEUE_CONSUME) private readonly consume: boolean,
  ) {}

  /** Whether this process runs the job handlers (worker, all-in-one) rather than only enqueueing. */
  get consumes(): boolean {
    return this.consume;
  }

  async onApplicationBootstrap(): Promise<void> {
    if (this.consume) await this.driver.startConsuming();
  }

  async enqueue<N extends JobName>(name: N, data: JobData<N>, opts: EnqueueOptions = {}): Promise<{ id: string; deduplicated: boolean }> {
    let result: { id: string; deduplicated: boolean };
    try {
      // The generic pair is one member of the union; TypeScript cannot narrow it by itself.
      result = await this.driver.enqueue({ name, data } as unknown as AnyJob, opts);
    } catch (error) {
      // Redis down or refusing the job: the request that asked for the work answers 503, not 500.
      this.logger.error({ job: name, err: error }, 'job could not be enqueued');
      throw new QueueUnavailableError(name, error);
    }
    this.logger.debug({ job: name, jobId: result.id, deduplicated: result.deduplicated }, 'job enqueued');
    return result;
  }

  health(): Promise<QueueHealth> {
    return this.driver.health();
  }

  // Before the database closes (TypeORM shuts down in onApplicationShutdown), so running jobs can finish.
  async beforeApplicationShutdown(): Promise<void> {
    await this.driver.close();
  }
}

/** The queue did not take a job (its backend is unreachable or refused it): 503, try again later. */
export class QueueUnavailableError extends ServiceUnavailableException {
  /** What the queue's backend said. */
  readonly reason: string;

  constructor(job: string, cause: unknown) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    super(`The job queue is unavailable (${job}: ${reason}); try again later`, { cause });
    this.reason = reason;
  }
}
