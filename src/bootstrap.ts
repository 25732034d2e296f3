import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { INestApplicationContext } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Logger, PinoLogger } from 'nestjs-pino';
import { AppModule, type ProcessRole } from './app.module';
import { ApiKeysService } from './auth/api-keys.service';
import { DEMO_DATA } from './demo/data/demo-data';
import { DemoSeeder } from './demo/demo-seeder.service';
import { mountQueueDashboard } from './diagnostics/queue-dashboard';
import { BullMqQueueDriver } from './infra/queue/drivers/bullmq-queue.driver';
import { QUEUE_DRIVER, type QueueDriver } from './infra/queue/queue-driver';
import { LexiconWatch } from './matching/lexicon-watch.service';
import { MatchingService } from './matching/matching.service';
import { WeightRecomputeService } from './matching/weight-recompute.service';
import type { AppConfig } from './infra/config/app-config';
import { HttpExceptionFilter } from './infra/http/http-exception.filter';
import { setupOpenApi } from './infra/http/openapi';
import { logRequestsAnsweredBeforeRouting } from './infra/http/early-access-log';
import { ACCESS_LOG_PROPS } from './infra/logging/logging.module';
import { assignRequestId } from './infra/http/request-id';
import { createValidationPipe } from './infra/http/validation';

/** Checks that the process role fits the configured services before anything starts. */
export function assertRoleFits(config: AppConfig, role: ProcessRole): void {
  if ((role === 'api' || role === 'worker') && config.queue.kind !== 'redis') {
    throw new Error(`REDIS_URL is required to run a separate ${role} process (use "npm start" for a single process without Redis)`);
  }
  if ((role === 'api' || role === 'worker') && config.database.kind !== 'postgres') {
    throw new Error(`DATABASE_URL is required to run a separate ${role} process: the embedded database lives inside one process`);
  }
}

/** The HTTP application with every convention applied (validation, errors, OpenAPI, logs). */
export async function createHttpApp(config: AppConfig, role: 'all' | 'api'): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config, role), { bufferLogs: true, abortOnError: false });
  configureHttpApp(app);
  return app;
}

export function configureHttpApp(app: NestExpressApplication): void {
  app.useLogger(app.get(Logger));
  // Before the body parsers, so that a body that fails to parse still gets a request id in its answer.
  app.use(assignRequestId);
  // pino-http logs as Nest middleware, after the body parsers: bodies they refuse are logged here.
  app.use(logRequestsAnsweredBeforeRouting(() => PinoLogger.root, ACCESS_LOG_PROPS));
  // Imports send whole files: JSON, JSON Lines or CSV.
  app.useBodyParser('json', { limit: '25mb' });
  app.useBodyParser('text', { type: ['text/csv', 'text/plain', 'application/x-ndjson', 'application/jsonl'], limit: '25mb' });
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new HttpExceptionFilter());
  app.enableShutdownHooks();
  setupOpenApi(app);
  const driver = app.get<QueueDriver>(QUEUE_DRIVER);
  if (driver instanceof BullMqQueueDriver) mountQueueDashboard(app, driver, app.get(ApiKeysService));
}

export async function createWorkerContext(config: AppConfig, role: 'worker' | 'cli'): Promise<INestApplicationContext> {
  const ctx = await NestFactory.createApplicationContext(AppModule.forRoot(config, role), { bufferLogs: true, abortOnError: false });
  ctx.useLogger(ctx.get(Logger));
  ctx.enableShutdownHooks();
  return ctx;
}

export interface StartupOutcome {
  generatedAdminKey: string | null;
  seeded: boolean;
}

/** First-start work of a serving process: admin access and demo data. */
export async function runStartupTasks(app: INestApplicationContext, config: AppConfig): Promise<StartupOutcome> {
  const { generatedKey } = await app.get(ApiKeysService).ensureAdminAccess();
  const seeded = config.seedDemo ? (await app.get(DemoSeeder).seedIfEmpty(DEMO_DATA)) !== null : false;
  const matching = app.get(MatchingService);
  // In-process jobs do not outlive the process: pick up runs an earlier one left unfinished.
  if (config.queue.kind === 'inline') await matching.resumeUnfinished();
  await app.get(LexiconWatch).checkForChange();
  // Freshly seeded events get their match lists computed in the background.
  if (seeded) await app.get(WeightRecomputeService).requestForEventsUsingGlobalWeights('demo data seeded');
  return { generatedAdminKey: generatedKey, seeded };
}
