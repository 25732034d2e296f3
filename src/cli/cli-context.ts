import type { INestApplicationContext } from '@nestjs/common';
import { createWorkerContext } from '../bootstrap';
import { loadConfig, type AppConfig } from '../infra/config/app-config';
import type { InlineQueueDriver } from '../infra/queue/drivers/inline-queue.driver';
import { QUEUE_DRIVER } from '../infra/queue/queue-driver';
import { MatchingService } from '../matching/matching.service';

/** Runs a CLI command inside an application context on the same configuration as the servers. */
export async function withContext<T>(fn: (app: INestApplicationContext, config: AppConfig) => Promise<T>): Promise<T> {
  const base = loadConfig(process.env);
  // Logs go to stderr (quiet by default) so stdout carries only the command's output.
  const config: AppConfig = { ...base, log: { level: process.env.LOG_LEVEL ? base.log.level : 'warn', toStderr: true } };
  const app = await createWorkerContext(config, 'cli');
  try {
    if (config.queue.kind === 'inline') await app.get(MatchingService).resumeUnfinished();
    const result = await fn(app, config);
    // Without Redis the jobs a command started run in this process: finish them before exiting.
    if (config.queue.kind === 'inline') await app.get<InlineQueueDriver>(QUEUE_DRIVER).whenIdle();
    return result;
  } finally {
    await app.close();
  }
}
