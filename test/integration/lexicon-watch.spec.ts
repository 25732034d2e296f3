import { LexiconWatch } from '../../src/matching/lexicon-watch.service';
import { sql, startTestApp, type TestApp } from '../support/test-app';

describe('recompute when the taxonomy or lexicon changes', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t?.close());

  async function runsSettled(): Promise<void> {
    for (let i = 0; i < 300; i++) {
      const [{ n }] = await sql<{ n: string }>(t, "SELECT count(*) AS n FROM match_runs WHERE status IN ('queued', 'running')");
      if (n === '0') return;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error('match runs did not settle');
  }

  it('remembers the lexicon fingerprint and recomputes every event once it differs', async () => {
    const watch = t.app.get(LexiconWatch);
    const [stored] = await sql<{ value: string }>(t, "SELECT value FROM app_settings WHERE key = 'matching.lexicon-fingerprint'");
    expect(stored.value).toBe(watch.fingerprint());
    expect(await watch.checkForChange()).toBe(0);

    // A queued run absorbs new requests, so let the seeding runs finish first.
    await runsSettled();
    // A start with a different lexicon than the one the lists were computed with:
    await sql(t, "UPDATE app_settings SET value = '\"older\"' WHERE key = 'matching.lexicon-fingerprint'");
    const [{ n: events }] = await sql<{ n: string }>(t, 'SELECT count(DISTINCT event_id) AS n FROM event_participants');
    expect(await watch.checkForChange()).toBe(Number(events));
    const runs = await sql<{ n: string }>(t, "SELECT count(*) AS n FROM match_runs WHERE trigger = 'taxonomy or lexicon changed'");
    expect(Number(runs[0].n)).toBe(Number(events));
    expect(await watch.checkForChange()).toBe(0);
    await runsSettled();
  });
});
