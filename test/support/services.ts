import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { EmbeddedPostgres } from '../../src/infra/database/embedded-postgres';

// Test services: a fresh database per test file (on DATABASE_URL's server, or in-memory PGlite
// when unset) and a fresh Redis key prefix. Under CI a missing service is an error, never a skip.

export const isCi = (): boolean => !!process.env.CI && process.env.CI !== 'false';

export function uniqueName(prefix: string): string {
  return `${prefix}_${process.pid}_${randomBytes(4).toString('hex')}`;
}

export interface TestDatabase {
  /** URL of the isolated database, or null for in-memory embedded PGlite. */
  url: string | null;
  drop(): Promise<void>;
}

export async function createTestDatabase(): Promise<TestDatabase> {
  const base = process.env.DATABASE_URL;
  if (!base) {
    if (isCi()) throw new Error('CI must provide DATABASE_URL: integration tests run against the real PostgreSQL');
    return { url: null, drop: () => Promise.resolve() };
  }
  const name = uniqueName('t');
  const admin = new Client({ connectionString: base });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  const url = new URL(base);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new Client({ connectionString: base });
      await c.connect();
      try {
        await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      } finally {
        await c.end();
      }
    },
  };
}

/** A database server of its own for a test file that opens its own data sources (migrations). */
export interface TestDatabaseServer {
  url: string;
  /** True for the in-memory embedded PostgreSQL (when DATABASE_URL is unset outside CI). */
  embedded: boolean;
  stop(): Promise<void>;
}

/** A fresh database on DATABASE_URL's server, else an embedded PostgreSQL served on a local port. */
export async function startTestDatabaseServer(): Promise<TestDatabaseServer> {
  const db = await createTestDatabase();
  if (db.url) return { url: db.url, embedded: false, stop: () => db.drop() };
  const server = await EmbeddedPostgres.start(null);
  return { url: server.url, embedded: true, stop: () => server.stop() };
}

/** Redis URL for tests, or null (with the reason printed) when none is configured outside CI. */
export function redisUrlOrSkip(suite: string): string | null {
  const url = process.env.REDIS_URL;
  if (url) return url;
  if (isCi()) throw new Error(`CI must provide REDIS_URL: "${suite}" runs against the real Redis`);
  process.stderr.write(`SKIPPED "${suite}": needs Redis; set REDIS_URL (e.g. redis://127.0.0.1:6379) to run it\n`);
  return null;
}
