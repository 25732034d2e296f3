// A scratch database for benchmarks that need PostgreSQL: a fresh database on DATABASE_URL's server
// (dropped afterwards), else an in-memory embedded one.
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { EmbeddedPostgres } from '../../src/infra/database/embedded-postgres';

export interface ScratchDatabase {
  url: string;
  embedded: boolean;
  drop(): Promise<void>;
}

export async function scratchDatabase(prefix: string): Promise<ScratchDatabase> {
  const base = process.env.DATABASE_URL;
  if (!base) {
    const pg = await EmbeddedPostgres.start(null);
    return { url: pg.url, embedded: true, drop: () => pg.stop() };
  }
  const name = `${prefix}_${randomBytes(4).toString('hex')}`;
  const admin = new Client({ connectionString: base });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    embedded: false,
    drop: async () => {
      const c = new Client({ connectionString: base });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await c.end();
    },
  };
}
