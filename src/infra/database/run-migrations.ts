import { MigrationExecutor, type DataSource } from 'typeorm';

// Any fixed 64-bit key; all processes of the engine agree on it.
const MIGRATION_LOCK_KEY = 7_316_204_911;

/**
 * Applies pending migrations under a PostgreSQL advisory lock, so an API and several workers
 * starting together apply each migration exactly once (the others wait, then find nothing to do).
 * Lock and migrations share one connection, which also suits the single-connection embedded server.
 */
export async function runMigrationsLocked(ds: DataSource): Promise<string[]> {
  const runner = ds.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    try {
      const executor = new MigrationExecutor(ds, runner);
      executor.transaction = 'each';
      const applied = await executor.executePendingMigrations();
      return applied.map((m) => m.name);
    } finally {
      await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
    }
  } finally {
    await runner.release();
  }
}
