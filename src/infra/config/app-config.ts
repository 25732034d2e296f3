import { resolve } from 'node:path';
import { plainToInstance } from 'class-transformer';
import { validateSync, type ValidationError } from 'class-validator';
import { EnvironmentVariables, type LogLevel } from './environment.schema';

/** The typed configuration every module reads; built once at boot from the environment. */
export interface AppConfig {
  env: 'development' | 'production' | 'test';
  http: { host: string; port: number; rateLimitPerMinute: number };
  database:
    | { kind: 'postgres'; url: string }
    /** dataDir null = in-memory (tests); otherwise persisted on disk. */
    | { kind: 'embedded'; dataDir: string | null };
  queue:
    | { kind: 'redis'; url: string; prefix: string; concurrency: number; stalledMs: number }
    | { kind: 'inline'; prefix: string; concurrency: number; stalledMs: number };
  matching: {
    /** Whole-event recomputes above this many participants are split into shards for several workers. */
    shardSize: number;
    /**
     * Threads computing one recompute (or shard) in a process that runs jobs: the job's own thread plus
     * `threads − 1` worker threads started at boot. 1 (the default) starts none.
     */
    threads: number;
  };
  scheduling: {
    /**
     * Threads of one scheduling run: 2 (the default) runs a second search on a worker thread beside
     * the job's own (other settings, same deadline; the better schedule wins), 1 runs the job's alone.
     */
    threads: number;
  };
  auth: { adminApiKey: string | null };
  /** The CLI logs to stderr so its stdout stays machine-readable. */
  log: { level: LogLevel; toStderr: boolean };
  seedDemo: boolean;
  /** Directory of tunable defaults (scoring weights, focus sectors, ...). */
  configDir: string;
  dataDir: string;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

function describe(errors: ValidationError[]): string[] {
  return errors.flatMap((e) =>
    Object.values(e.constraints ?? {}).map((msg) => (msg.startsWith(e.property) ? msg : `${e.property}: ${msg}`)),
  );
}

/**
 * Validates the environment and returns the typed config. Throws ConfigError naming every
 * offending variable. `cwd` anchors relative paths (the project root in practice).
 */
export function loadConfig(env: Record<string, string | undefined>, cwd = process.cwd()): AppConfig {
  // Empty strings mean "unset" (as in `FOO= npm start`).
  const raw = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const vars = plainToInstance(EnvironmentVariables, raw, { excludeExtraneousValues: false });
  const errors = validateSync(vars, { skipMissingProperties: false, forbidUnknownValues: false });
  if (errors.length > 0) throw new ConfigError(describe(errors));

  const dataDir = resolve(cwd, vars.DATA_DIR ?? 'data');
  const prefix = vars.QUEUE_PREFIX ?? 'tieup';
  const concurrency = vars.WORKER_CONCURRENCY ?? 2;
  // How long a job may go without its worker's heartbeat before another worker takes it over.
  const stalledMs = vars.QUEUE_STALLED_MS ?? 30_000;
  return {
    env: vars.NODE_ENV ?? 'development',
    http: { host: vars.HOST ?? '0.0.0.0', port: vars.PORT ?? 3000, rateLimitPerMinute: vars.RATE_LIMIT_PER_MINUTE ?? 600 },
    database: vars.DATABASE_URL
      ? { kind: 'postgres', url: vars.DATABASE_URL }
      : { kind: 'embedded', dataDir: resolve(dataDir, 'pglite') },
    queue: vars.REDIS_URL
      ? { kind: 'redis', url: vars.REDIS_URL, prefix, concurrency, stalledMs }
      : { kind: 'inline', prefix, concurrency, stalledMs },
    matching: { shardSize: vars.MATCHING_SHARD_SIZE ?? 2000, threads: vars.MATCHING_THREADS ?? 1 },
    scheduling: { threads: vars.SCHEDULING_THREADS ?? 2 },
    auth: { adminApiKey: vars.ADMIN_API_KEY ?? null },
    log: { level: vars.LOG_LEVEL ?? 'info', toStderr: false },
    seedDemo: vars.SEED_DEMO ?? true,
    configDir: resolve(cwd, vars.CONFIG_DIR ?? 'config'),
    dataDir,
  };
}
