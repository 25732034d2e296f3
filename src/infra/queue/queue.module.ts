import { Global, Module, type DynamicModule } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { BullMqQueueDriver } from './drivers/bullmq-queue.driver';
import { InlineQueueDriver } from './drivers/inline-queue.driver';
import { JobRegistry } from './job-registry';
import { JobRunEntity } from './job-run.entity';
import { JobRunner } from './job-runner';
import { QUEUE_DRIVER, type QueueDriver } from './queue-driver';
import { QUEUE_CONSUME, QueueService } from './queue.service';

export interface QueueModuleOptions {
  /** Whether this process runs the job handlers (worker, all-in-one) or only enqueues (API). */
  consume: boolean;
}

@Global()
@Module({})
export class QueueModule {
  static forRoot(options: QueueModuleOptions): DynamicModule {
    return {
      module: QueueModule,
      imports: [DiscoveryModule, TypeOrmModule.forFeature([JobRunEntity])],
      providers: [
        JobRegistry,
        JobRunner,
        { provide: QUEUE_CONSUME, useValue: options.consume },
        {
          provide: QUEUE_DRIVER,
          inject: [APP_CONFIG, JobRunner],
          useFactory: (config: AppConfig, runner: JobRunner): QueueDriver =>
            config.queue.kind === 'redis'
              ? new BullMqQueueDriver(config.queue.url, config.queue.prefix, config.queue.concurrency, runner, config.queue.stalledMs)
              : new InlineQueueDriver(runner),
        },
        QueueService,
      ],
      exports: [QueueService, JobRunner, QUEUE_DRIVER],
    };
  }
}
