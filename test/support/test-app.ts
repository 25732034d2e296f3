import type { NestExpressApplication } from '@nestjs/platform-express';
import type { Server } from 'node:http';
import IORedis from 'ioredis';
import { DataSource } from 'typeorm';
import type { ProcessRole } from '../../src/app.module';
import { createHttpApp, runStartupTasks } from '../../src/bootstrap';
import { loadConfig, type AppConfig } from '../../src/infra/config/app-config';
import { createTestDatabase, uniqueName, type TestDatabase } from './services';

export const TEST_ADMIN_KEY = 'test-admin-key-0123456789abcdef';

export interface TestApp {
  app: NestExpressApplication;
  http: Server;
  config: AppConfig;
  adminKey: string;
  close(): Promise<void>;
}

export interface TestAppOptions {
  /** BullMQ on this Redis instead of the inline driver. */
  redisUrl?: string;
  role?: Extract<ProcessRole, 'all' | 'api'>;
  seedDemo?: boolean;
  /** Embedded database directory, for restart tests; default: in-memory or a fresh PostgreSQL database. */
  embeddedDataDir?: string;
  database?: TestDatabase;
  env?: Record<string, string>;
}

/** Boots the real HTTP application on an isolated database (and Redis prefix). */
export async function startTestApp(opts: TestAppOptions = {}): Promise<TestApp> {
  const db = opts.database ?? (opts.embeddedDataDir ? null : await createTestDatabase());
  const prefix = uniqueName('tq');
  const base = loadConfig({
    ADMIN_API_KEY: TEST_ADMIN_KEY,
    LOG_LEVEL: 'silent',
    SEED_DEMO: opts.seedDemo === false ? 'false' : 'true',
    RATE_LIMIT_PER_MINUTE: '0',
    QUEUE_PREFIX: prefix,
    NODE_ENV: 'test',
    ...(db?.url ? { DATABASE_URL: db.url } : {}),
    ...(opts.redisUrl ? { REDIS_URL: opts.redisUrl } : {}),
    ...opts.env,
  });
  const config: AppConfig = db?.url ? base : { ...base, database: { kind: 'embedded', dataDir: opts.embeddedDataDir ?? null } };
  const app = await createHttpApp(config, opts.role ?? 'all');
  await runStartupTasks(app, config);
  await app.init();
  return {
    app,
    http: app.getHttpServer(),
    config,
    adminKey: config.auth.adminApiKey ?? TEST_ADMIN_KEY,
    close: async () => {
      await app.close();
      if (!opts.database) await db?.drop();
      if (opts.redisUrl) await deleteRedisPrefix(opts.redisUrl, prefix);
    },
  };
}

export async function deleteRedisPrefix(url: string, prefix: string): Promise<void> {
  const redis = new IORedis(url, { maxRetriesPerRequest: 1 });
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 500);
      if (keys.length) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}

export const bearer = (key: string): [string, string] => ['Authorization', `Bearer ${key}`];

/** Runs SQL on the app's own database (for assertions about what is stored). */
export function sql<T = Record<string, unknown>>(t: TestApp, text: string, params: unknown[] = []): Promise<T[]> {
  return t.app.get(DataSource).query(text, params);
}
