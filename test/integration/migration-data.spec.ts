import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../../src/infra/database/database-options';
import { MIGRATIONS } from '../../src/infra/database/migrations';
import { CanonicalTimeZones1765400000000 } from '../../src/infra/database/migrations/1765400000000-canonical-time-zones';
import { startTestDatabaseServer, type TestDatabaseServer } from '../support/services';

// Migrations that rewrite stored data: rows written under the schema before them, then the migration.
describe('data migrations', () => {
  let server: TestDatabaseServer;
  let url: string;
  let embedded: boolean;

  beforeAll(async () => {
    server = await startTestDatabaseServer();
    ({ url, embedded } = server);
  });
  afterAll(() => server?.stop());

  /** A data source that knows the migrations before `migration` (or all of them). */
  const migrateUpTo = async (migration: (typeof MIGRATIONS)[number] | null): Promise<DataSource> => {
    const upTo = migration ? MIGRATIONS.indexOf(migration) : MIGRATIONS.length;
    const ds = await new DataSource({ ...dataSourceOptions(url, embedded), migrations: MIGRATIONS.slice(0, upTo) }).initialize();
    await ds.runMigrations({ transaction: 'each' });
    return ds;
  };

  it('spells stored time zones of events and regions as IANA does, and leaves other values alone', async () => {
    let ds = await migrateUpTo(CanonicalTimeZones1765400000000);
    try {
      await ds.query(`INSERT INTO regions (name, country, time_zone) VALUES ('Jena', 'DE', 'europe/berlin'), ('Hamamatsu', 'JP', 'Asia/Tokyo'), ('Anywhere', 'DE', 'utc')`);
      await ds.query(
        `INSERT INTO events (slug, name, time_zone, starts_on, ends_on) VALUES ('a', 'A', 'EUROPE/BERLIN', '2026-11-16', '2026-11-16'), ('b', 'B', 'America/Argentina/Buenos_Aires', '2026-11-16', '2026-11-16')`,
      );
    } finally {
      await ds.destroy();
    }
    ds = await migrateUpTo(null);
    try {
      const regions: { name: string; time_zone: string }[] = await ds.query('SELECT name, time_zone FROM regions ORDER BY name');
      expect(regions).toEqual([
        { name: 'Anywhere', time_zone: 'UTC' },
        { name: 'Hamamatsu', time_zone: 'Asia/Tokyo' },
        { name: 'Jena', time_zone: 'Europe/Berlin' },
      ]);
      const events: { slug: string; time_zone: string }[] = await ds.query('SELECT slug, time_zone FROM events ORDER BY slug');
      expect(events).toEqual([
        { slug: 'a', time_zone: 'Europe/Berlin' },
        { slug: 'b', time_zone: 'America/Argentina/Buenos_Aires' },
      ]);
    } finally {
      await ds.destroy();
    }
  });
});
