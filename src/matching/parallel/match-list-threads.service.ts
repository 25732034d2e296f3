import { join } from 'node:path';
import { Inject, Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import type { AppConfig } from '../../infra/config/app-config';
import { APP_CONFIG } from '../../infra/config/config.module';
import { QueueService } from '../../infra/queue/queue.service';
import type { ScoringProfile } from '../../scoring/core';
import type { MatchOptions } from '../core';
import { MatchThreads, type ComputeOptions, type ParallelResult } from './parallel-match-lists';

/**
 * The process's match-list threads (MATCHING_THREADS): started once at boot in a process that runs
 * jobs, closed at shutdown after the queue has let running jobs finish. With 1 thread, or in a process
 * that only enqueues (API-only, CLI on Redis), none is started and `available` is false.
 */
@Injectable()
export class MatchListThreads implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('MatchListThreads');
  private pool: MatchThreads | null = null;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly queue: QueueService,
  ) {}

  async onModuleInit(): Promise<void> {
    const { threads } = this.config.matching;
    if (threads <= 1 || !this.queue.consumes) return;
    const t0 = performance.now();
    // The same focus sectors as TaxonomyService: pools are handed over by focus-sector position.
    this.pool = await MatchThreads.start(threads, { focusSectorsPath: join(this.config.configDir, 'focus-sectors.json') });
    this.logger.log({ threads, ms: Math.round(performance.now() - t0) }, 'match-list threads started');
  }

  async onApplicationShutdown(): Promise<void> {
    const pool = this.pool;
    this.pool = null;
    await pool?.close();
  }

  /** Whether recomputes here run on several threads. */
  get available(): boolean {
    return this.pool !== null;
  }

  compute(profiles: readonly ScoringProfile[], queryIds: Iterable<string>, options: MatchOptions, opts: ComputeOptions): Promise<ParallelResult> {
    if (!this.pool) throw new Error('No match-list threads in this process');
    return this.pool.compute(profiles, queryIds, options, opts);
  }
}
