import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../../src/infra/database/database-options';
import { MIGRATIONS } from '../../src/infra/database/migrations';
import { runMigrationsLocked } from '../../src/infra/database/run-migrations';
import { startTestDatabaseServer, type TestDatabaseServer } from '../support/services';

describe('database schema and migrations', () => {
  let server: TestDatabaseServer;
  let url: string;
  let embedded: boolean;

  beforeAll(async () => {
    server = await startTestDatabaseServer();
    ({ url, embedded } = server);
  });
  afterAll(() => server?.stop());

  const open = async (): Promise<DataSource> => new DataSource(dataSourceOptions(url, embedded)).initialize();

  it('applies every migration exactly once, even when several processes start together', async () => {
    // The embedded server serves one process; concurrency only applies to a real server.
    const count = embedded ? 1 : 3;
    const sources = await Promise.all(Array.from({ length: count }, open));
    try {
      const applied = await Promise.all(sources.map((s) => runMigrationsLocked(s)));
      expect(applied.flat().sort()).toEqual(MIGRATIONS.map((m) => m.name).sort());
      const rows: { name: string }[] = await sources[0].query('SELECT name FROM migrations ORDER BY id');
      expect(rows.map((r) => r.name)).toEqual(MIGRATIONS.map((m) => m.name));
    } finally {
      await Promise.all(sources.map((s) => s.destroy()));
    }
  });

  it('leaves the schema exactly as the entities describe it (nothing for synchronize to do)', async () => {
    const ds = await open();
    try {
      await runMigrationsLocked(ds);
      const pending = await ds.driver.createSchemaBuilder().log();
      expect(pending.upQueries.map((q) => q.query)).toEqual([]);
    } finally {
      await ds.destroy();
    }
  });

  it('never lets TypeORM synchronize the schema', () => {
    expect(dataSourceOptions(url, false).synchronize).toBe(false);
  });
});
