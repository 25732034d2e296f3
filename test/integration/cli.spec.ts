import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Client } from 'pg';
import { runCli } from '../support/cli-process';
import { createTestDatabase, type TestDatabase } from '../support/services';

const DEV_PROFILES = resolve(__dirname, '../../../shared/data/match-eval/dev/profiles.jsonl');

// The organisers' batch commands, run as a real process on the same configuration as the servers.
describe('CLI import/export', () => {
  let db: TestDatabase;
  const dir = mkdtempSync(join(tmpdir(), 'tieup-cli-'));
  let env: Record<string, string>;

  beforeAll(async () => {
    db = await createTestDatabase();
    env = db.url ? { DATABASE_URL: db.url } : { DATA_DIR: dir };
  });
  afterAll(async () => {
    await db.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('imports a file into an event created with the given rule, showing progress', async () => {
    const r = await runCli(['import', DEV_PROFILES, '--event', 'dev-partnering', '--rule', 'cross-region'], env);
    expect(r.stderr).toContain('importing: 400/400 (100%)');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ total: 400, created: 400, event: 'dev-partnering', eventCreated: true, rule: 'cross-region', joined: 400 });
  });

  it('exits non-zero and names the bad row, writing nothing', async () => {
    const lines = readFileSync(DEV_PROFILES, 'utf8').trimEnd().split('\n').slice(0, 5);
    const bad = JSON.parse(lines[3]) as Record<string, unknown>;
    bad.kind = 'startup';
    lines[3] = JSON.stringify(bad);
    lines.push(JSON.stringify({ ...bad, externalId: 'brand-new', kind: 'company' }));
    const file = join(dir, 'bad.jsonl');
    writeFileSync(file, lines.join('\n'));
    const r = await runCli(['import', file, '--event', 'other-event'], env);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain(`line 4 (${String(bad.externalId)}): kind:`);
    expect(r.stderr).toContain('nothing was imported');
    const exported = await runCli(['export', '--format', 'jsonl'], env);
    expect(exported.stdout).not.toContain('brand-new');
    const events = await runCli(['events'], env);
    expect(events.stdout).not.toContain('other-event');
  });

  it('exports an event’s participants in CSV', async () => {
    const r = await runCli(['export', '--event', 'dev-partnering', '--format', 'csv', '--country', 'jp'], env);
    expect(r.code).toBe(0);
    const rows = r.stdout.trimEnd().split('\n');
    expect(rows[0]).toBe('id,externalId,name,kind,country,region,sectors,offers,seeks,cooperation,languages,description,size,website,contactEmail');
    expect(rows.length).toBe(201);
  });

  it('refuses an API key with a blank name', async () => {
    const r = await runCli(['create-api-key', '--name', '   ', '--role', 'admin'], env);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('name: must not be blank');
    expect(r.stdout).toBe('');
  });

  // Needs SQL on the app's database to give one profile no external id (import always sets one).
  (process.env.DATABASE_URL ? it : it.skip)('prints suggestions with each one’s external id (null when it has none) and internal id', async () => {
    const c = new Client({ connectionString: db.url! });
    await c.connect();
    let bareId: string;
    try {
      bareId = (await c.query<{ id: string }>("UPDATE organisations SET external_id = NULL WHERE external_id = 'de-bavaria-0003' RETURNING id")).rows[0].id;
    } finally {
      await c.end();
    }
    const r = await runCli(['suggestions', '--event', 'dev-partnering', '--top', '3'], env);
    expect(r.code).toBe(0);
    type Entry = { externalId: string | null; id: string };
    const lines = r.stdout.trimEnd().split('\n').map((l) => JSON.parse(l) as Entry & { suggestions: (Entry & { score: number })[] });
    expect(lines).toHaveLength(400);
    const externalIdOf = new Map(lines.map((l) => [l.id, l.externalId]));
    expect(lines.find((l) => l.id === bareId)).toMatchObject({ externalId: null });
    for (const line of lines) {
      expect(Object.keys(line)).toEqual(['externalId', 'id', 'suggestions']);
      expect(line.id).toMatch(/^[0-9a-f-]{36}$/);
      if (line.id !== bareId) expect(line.externalId).toMatch(/^[a-z]{2}-/);
      expect(line.suggestions.length).toBe(3);
      for (const s of line.suggestions) {
        expect(Object.keys(s)).toEqual(['externalId', 'id', 'score']);
        expect(s.externalId).toBe(externalIdOf.get(s.id));
      }
    }
  });
});
