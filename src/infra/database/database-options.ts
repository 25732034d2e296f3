import type { DataSourceOptions } from 'typeorm';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';

/** Options shared by the app, the CLI and the migration tooling. */
export function dataSourceOptions(url: string, embedded: boolean): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    // Applied at boot by runMigrationsLocked, under a lock.
    migrationsRun: false,
    migrationsTransactionMode: 'each',
    synchronize: false,
    // gen_random_uuid() is built into PostgreSQL 13+; no extension to install.
    uuidExtension: 'pgcrypto',
    installExtensions: false,
    logging: ['error'],
    // The embedded server answers one connection; a real server gets a pool.
    extra: embedded ? { max: 1 } : { max: 10 },
    migrationsTableName: 'migrations',
  };
}
