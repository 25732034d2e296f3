import type { INestApplicationContext } from '@nestjs/common';
import { createWorkerContext } from '../bootstrap';
import { loadConfig, type AppConfig } from '../infra/config/app-config';

/** Runs a CLI command inside an application context on the same configuration as the servers. */
export async function withContext<T>(fn: (app: INestApplicationContext, config: AppConfig) => Promise<T>): Promise<T> {
  const base = loadConfig(process.env);
  // Logs go to stderr (quiet by default) so stdout carries only the command's output.
  const config: AppConfig = { ...base, log: { level: process.env.LOG_LEVEL ? base.log.level : 'warn', toStderr: true } };
  const app = await createWorkerContext(config, 'cli');
  try {
    return await fn(app, config);
  } finally {
    await app.close();
  }
}
