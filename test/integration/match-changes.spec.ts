import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { computeMatchLists } from '../../src/matching/core';
import { EventPoolService } from '../../src/matching/event-pool.service';
import { LIST_RESERVE, MatchChangesService, staleLists, type ChangesOutcome } from '../../src/matching/match-changes.service';
import { JobName } from '../../src/infra/queue/queue.contract';
import { QueueService } from '../../src/infra/queue/queue.service';
import { MatchingService } from '../../src/matching/matching.service';
import { WeightsService } from '../../src/scoring/weights.service';
import { IdfTable, type StoredIdf } from '../../src/text';
import { bearer, sql, startTestApp, type TestApp } from '../support/test-app';

const DEV_PROFILES = resolve(__dirname, '../../../shared/data/match-eval/dev/profiles.jsonl');
const EVENT = 'changes-partnering';

interface Row {
  organisation_id: string;
  generation: string;
  basis: string | null;
  ids: string[];
  scores: number[];
}

interface Run {
  id: string;
  kind: string;
  status: string;
  participants: number;
  generation: string;
  trigger: string;
}

const storedLists = (t: TestApp, eventId: string) =>
  sql<Row>(
    t,
    `SELECT organisation_id, generation::text, basis,
            ARRAY(SELECT s->>'organisationId' FROM jsonb_array_elements(suggestions) s) || ARRAY(SELECT r->>'organisationId' FROM jsonb_array_elements(reserve) r) AS ids,
            ARRAY(SELECT (s->>'score')::float8 FROM jsonb_array_elements(suggestions) s) || ARRAY(SELECT (r->>'score')::float8 FROM jsonb_array_elements(reserve) r) AS scores
       FROM match_lists WHERE event_id = $1 ORDER BY organisation_id`,
    [eventId],
  );

/** The event's latest run, once every run has finished (none failed). */
async function settledRun(t: TestApp, eventId: string): Promise<Run> {
  for (let i = 0; i < 600; i++) {
    const runs = await sql<Run>(t, 'SELECT id, kind, status, participants, generation::text, trigger FROM match_runs WHERE event_id = $1 ORDER BY created_at DESC', [eventId]);
    if (runs.length > 0 && runs.every((r) => r.status === 'completed' || r.status === 'failed')) {
      expect(runs.filter((r) => r.status === 'failed')).toEqual([]);
      return runs[0];
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('runs did not finish');
}

/** Every stored list (suggestions + reserve) against an exact computation over the pool as it is now, with the lists' idf. */
async function expectExactListsOf(t: TestApp, eventId: string): Promise<Row[]> {
  const [{ idf }] = await sql<{ idf: StoredIdf }>(t, 'SELECT idf FROM match_states WHERE event_id = $1', [eventId]);
  const pool = await t.app.get(EventPoolService).load(eventId, { key: `check ${Math.random()}`, idf: IdfTable.fromStored(idf) });
  const weights = await t.app.get(WeightsService).effective(eventId);
  const ids = pool.profiles.map((p) => p.id);
  const exact = computeMatchLists(pool.index(), ids, { k: pool.event.suggestionsK + LIST_RESERVE, weights: weights.weights, ctx: pool.ctx }).lists;
  const rows = await storedLists(t, eventId);
  expect(rows.map((r) => r.organisation_id)).toEqual([...ids].sort());
  for (const r of rows) {
    // A change that drops a candidate from a list promotes from the reserve without refilling it:
    // list + reserve is the exact top n, for some n from k to k + reserve.
    const want = exact.get(r.organisation_id)!.slice(0, r.ids.length);
    expect(r.ids.length).toBeGreaterThanOrEqual(Math.min(20, exact.get(r.organisation_id)!.length));
    expect({ id: r.organisation_id, ids: r.ids }).toEqual({ id: r.organisation_id, ids: want.map((e) => e.candidateId) });
    // A profile prepared by a change run interns new terms after the pool's: its cosines may sum
    // in another order than in a fresh load (last-bit differences).
    r.scores.forEach((score, i) => expect(Math.abs(score - want[i].score)).toBeLessThan(1e-12));
    expect(r.basis).toBe(pool.bases.get(r.organisation_id));
  }
  return rows;
}

/** Runs `fn` and returns what the change service's apply returned meanwhile. */
async function changeOutcomes(t: TestApp, fn: () => Promise<unknown>): Promise<ChangesOutcome[]> {
  const changes = t.app.get(MatchChangesService);
  const outcomes: ChangesOutcome[] = [];
  const apply = changes.apply.bind(changes);
  const spy = jest.spyOn(changes, 'apply').mockImplementation(async (r) => {
    const outcome = await apply(r);
    outcomes.push(outcome);
    return outcome;
  });
  try {
    await fn();
  } finally {
    spy.mockRestore();
  }
  return outcomes;
}

/** Keeps shard jobs out of the queue (the test runs them itself); other jobs are enqueued as usual. */
function holdShardJobs(queue: QueueService): { held: { runId: string; shard: number }[]; enqueueSpy: jest.SpyInstance } {
  const held: { runId: string; shard: number }[] = [];
  const enqueue = queue.enqueue.bind(queue);
  const enqueueSpy = jest.spyOn(queue, 'enqueue').mockImplementation((name, data, opts) => {
    if (name !== JobName.MatchingShard) return enqueue(name, data, opts);
    held.push(data as { runId: string; shard: number });
    return Promise.resolve({ id: `held ${held.length}`, deduplicated: false });
  });
  return { held, enqueueSpy };
}

/** An app with the dev profiles imported and an event of all of them but two Japanese organisations (returned), after a full run. */
async function eventAfterFullRun(env: Record<string, string>): Promise<{ t: TestApp; eventId: string; outsiderIds: string[] }> {
  const t = await startTestApp({ seedDemo: false, env });
  await request(t.http).post('/api/profiles/import').set(...bearer(t.adminKey)).set('Content-Type', 'application/x-ndjson').send(readFileSync(DEV_PROFILES, 'utf8')).expect(200);
  const [{ id: eventId }] = await sql<{ id: string }>(t, `INSERT INTO events (slug, name, time_zone, starts_on, ends_on) VALUES ($1, $1, 'Europe/Berlin', '2026-12-01', '2026-12-01') RETURNING id`, [EVENT]);
  const outsiderIds = (await sql<{ id: string }>(t, "SELECT id FROM organisations WHERE country = 'JP' ORDER BY external_id DESC LIMIT 2")).map((r) => r.id);
  await sql(t, 'INSERT INTO event_participants (event_id, organisation_id) SELECT $1, id FROM organisations WHERE NOT (id = ANY($2::uuid[]))', [eventId, outsiderIds]);
  await request(t.http).post(`/api/events/${EVENT}/matching/recompute`).set(...bearer(t.adminKey)).expect(202);
  expect(await settledRun(t, eventId)).toMatchObject({ kind: 'full', status: 'completed' });
  return { t, eventId, outsiderIds };
}

/**
 * Profile edits, joins and leaves are applied to the stored lists by change runs (not recomputed in
 * full), and the lists stay exactly those a full computation gives with the lists' idf.
 */
describe('match lists kept up to date by change runs (PostgreSQL)', () => {
  let t: TestApp;
  let admin: [string, string];
  let eventId: string;
  let outsiderIds: string[];

  const stored = () => storedLists(t, eventId);
  const settled = () => settledRun(t, eventId);
  const expectExactLists = () => expectExactListsOf(t, eventId);

  beforeAll(async () => {
    // Full runs in four shards (about 100 participants each).
    ({ t, eventId, outsiderIds } = await eventAfterFullRun({ MATCHING_SHARD_SIZE: '100' }));
    admin = bearer(t.adminKey);
  }, 120_000);

  afterAll(() => t?.close());

  it('stores every list with its reserve, the profile basis and the run’s idf', async () => {
    const rows = await expectExactLists();
    expect(rows.every((r) => r.ids.length === 20 + LIST_RESERVE)).toBe(true);
    const [state] = await sql<{ generation: string; version: string }>(t, 'SELECT generation::text, version::text FROM match_states WHERE event_id = $1', [eventId]);
    expect(state.generation).toBe(rows[0].generation);
  });

  it('finds the stale lists in the database: edited, joined, left, without a basis, and pending ids whose list is not current', async () => {
    // Bases are compared as stored: version@ISO 8601 UTC to the millisecond (the form lists have always had).
    const bases = await sql<{ id: string; version: number; updated_at: Date; basis: string }>(
      t,
      `SELECT ep.organisation_id AS id, o.version, ep.updated_at, l.basis
         FROM event_participants ep JOIN organisations o ON o.id = ep.organisation_id
         JOIN match_lists l ON l.event_id = ep.event_id AND l.organisation_id = ep.organisation_id WHERE ep.event_id = $1`,
      [eventId],
    );
    expect(bases.map((r) => r.basis)).toEqual(bases.map((r) => `${r.version}@${r.updated_at.toISOString()}`));
    const participants = bases.length;
    const qr = t.app.get(DataSource).createQueryRunner();
    await qr.startTransaction();
    try {
      expect(await staleLists(qr.manager, eventId, [])).toEqual({ participants, changes: [] });
      const [edited, left, noBasis, current] = bases.map((r) => r.id).sort();
      const unknown = '00000000-0000-4000-8000-000000000000';
      await qr.query('UPDATE organisations SET version = version + 1 WHERE id = $1', [edited]);
      await qr.query('DELETE FROM event_participants WHERE event_id = $1 AND organisation_id = $2', [eventId, left]);
      await qr.query('INSERT INTO event_participants (event_id, organisation_id) VALUES ($1, $2)', [eventId, outsiderIds[0]]);
      await qr.query('UPDATE match_lists SET basis = NULL WHERE event_id = $1 AND organisation_id = $2', [eventId, noBasis]);
      expect(await staleLists(qr.manager, eventId, [current, unknown, edited])).toEqual({
        participants,
        changes: [edited, left, noBasis, outsiderIds[0], unknown].sort(),
      });
    } finally {
      await qr.rollbackTransaction();
      await qr.release();
    }
  });

  it('applies a profile edit to the affected lists only, exactly', async () => {
    // Make one Japanese organisation the German one's mirror image, so it must enter that list.
    const [seeker] = await sql<{ id: string; seeks: string[]; offers: string[]; sectors: string[]; description: string }>(
      t,
      "SELECT id, seeks, offers, sectors, description FROM organisations WHERE country = 'DE' AND cardinality(seeks) > 0 AND cardinality(offers) > 0 ORDER BY external_id LIMIT 1",
    );
    const before = await stored();
    const seekerBefore = before.find((r) => r.organisation_id === seeker.id)!;
    const [mirror] = await sql<{ id: string }>(t, "SELECT o.id FROM organisations o JOIN event_participants ep ON ep.organisation_id = o.id WHERE o.country = 'JP' AND NOT (o.id = ANY($1::uuid[])) ORDER BY o.external_id LIMIT 1", [seekerBefore.ids]);
    let run: Run | undefined;
    const outcomes = await changeOutcomes(t, async () => {
      await request(t.http).patch(`/api/profiles/${mirror.id}`).set(...admin).send({ offers: seeker.seeks, seeks: seeker.offers, sectors: seeker.sectors, description: seeker.description, languages: ['ja', 'de', 'en'] }).expect(200);
      run = await settled();
    });
    expect(run).toMatchObject({ kind: 'changes', status: 'completed', participants: 1 });
    // The full run's four shards all ran in this process over one pool: their lists were handed over.
    expect(outcomes).toEqual([expect.objectContaining({ outcome: 'applied', changes: 1, warm: true })]);
    const after = await expectExactLists();
    const seekerAfter = after.find((r) => r.organisation_id === seeker.id)!;
    expect(seekerAfter.ids.slice(0, 20)).toContain(mirror.id);
    // Only the lists the change touched were written; the rest keep the full run's generation.
    const written = after.filter((r) => r.generation === run!.generation);
    expect(written.length).toBeGreaterThan(1);
    expect(written.length).toBeLessThan(after.length / 2);
    expect(written.map((r) => r.organisation_id)).toContain(mirror.id);
  });

  it('applies joins and leaves (the next change runs on the lists kept in memory)', async () => {
    const leaving = (await stored())[5].organisation_id;
    const add = await request(t.http)
      .post(`/api/events/${EVENT}/participants`)
      .set(...admin)
      .send({ participants: outsiderIds.map((organisationId) => ({ organisationId })) });
    expect(add.status).toBe(201);
    await request(t.http).delete(`/api/events/${EVENT}/participants/${leaving}`).set(...admin).expect(204);
    const run = await settled();
    expect(run.kind).toBe('changes');
    const rows = await expectExactLists();
    expect(rows.map((r) => r.organisation_id)).toEqual(expect.arrayContaining(outsiderIds));
    expect(rows.some((r) => r.organisation_id === leaving || r.ids.includes(leaving))).toBe(false);
    const runs = await sql<Run>(t, "SELECT kind, participants FROM match_runs WHERE event_id = $1 AND kind = 'changes' ORDER BY created_at", [eventId]);
    expect(runs.reduce((n, r) => n + r.participants, 0)).toBe(1 + outsiderIds.length + 1);
  });

  it('runs in full when too many profiles changed at once; then finds nothing left to apply', async () => {
    await sql(t, `UPDATE organisations SET description = description || ' Reinforced plastics.', version = version + 1 WHERE id IN (SELECT organisation_id FROM event_participants WHERE event_id = $1 ORDER BY organisation_id LIMIT 60)`, [eventId]);
    const matching = t.app.get(MatchingService);
    await matching.requestChanges(eventId, 'bulk edit', 0);
    const run = await settled();
    expect(run).toMatchObject({ kind: 'full', status: 'completed' });
    expect(run.trigger).toContain('in full: 60 profiles changed');
    await expectExactLists();
    await matching.requestChanges(eventId, 'nothing changed', 0);
    expect(await settled()).toMatchObject({ kind: 'changes', status: 'completed', participants: 0 });
  });

  it('a profile edited and a participant leaving between two shards of a full run: the next change run makes every list current', async () => {
    const matching = t.app.get(MatchingService);
    const queue = t.app.get(QueueService);
    const ids = (await sql<{ id: string }>(t, 'SELECT organisation_id AS id FROM event_participants WHERE event_id = $1 ORDER BY organisation_id', [eventId])).map((r) => r.id);
    expect(Math.ceil(ids.length / 100)).toBe(4);
    const shardOf = (id: string) => ids.indexOf(id) % 4;
    // The seeker's list is computed before the edit; the edited and the leaving participant's own lists after it.
    const [seeker] = await sql<{ id: string; seeks: string[]; offers: string[]; sectors: string[]; description: string }>(
      t,
      `SELECT id, seeks, offers, sectors, description FROM organisations WHERE country = 'DE' AND cardinality(seeks) > 0 AND cardinality(offers) > 0
          AND id = ANY($1::uuid[]) ORDER BY external_id DESC`,
      [ids.filter((id) => shardOf(id) === 0)],
    );
    const rows = await stored();
    const seekerList = rows.find((r) => r.organisation_id === seeker.id)!.ids;
    const japanese = new Set((await sql<{ id: string }>(t, "SELECT id FROM organisations WHERE country = 'JP'")).map((r) => r.id));
    const mirror = ids.find((id) => japanese.has(id) && shardOf(id) >= 2 && !seekerList.includes(id))!;
    // Suggested in a list computed before it leaves.
    const leaving = rows.find((r) => shardOf(r.organisation_id) <= 1 && r.ids.some((id) => shardOf(id) >= 2 && id !== mirror))!.ids.find((id) => shardOf(id) >= 2 && id !== mirror)!;

    const { held, enqueueSpy } = holdShardJobs(queue);
    const job = { jobId: 'test', attempt: 1, progress: () => Promise.resolve() };
    try {
      const run = await matching.requestRecompute(eventId, 'shards in two halves', null, 0);
      for (let i = 0; i < 300 && held.length < 4; i++) await new Promise((r) => setTimeout(r, 100));
      expect(held.map((h) => [h.runId, h.shard])).toEqual([0, 1, 2, 3].map((shard) => [run.id, shard]));
      await matching.handleShard(held[0], job);
      await matching.handleShard(held[1], job);
      await request(t.http).patch(`/api/profiles/${mirror}`).set(...admin).send({ offers: seeker.seeks, seeks: seeker.offers, sectors: seeker.sectors, description: seeker.description, languages: ['ja', 'de', 'en'] }).expect(200);
      await request(t.http).delete(`/api/events/${EVENT}/participants/${leaving}`).set(...admin).expect(204);
      await matching.handleShard(held[2], job);
      expect(await matching.handleShard(held[3], job)).toMatchObject({ runCompleted: true });
      // The shards' lists could never be handed over as one: nothing of them stays in memory.
      expect((matching as unknown as { collected: Map<string, unknown> }).collected.has(eventId)).toBe(false);
    } finally {
      enqueueSpy.mockRestore();
    }
    const [state] = await sql<{ pending: string[] }>(t, 'SELECT pending FROM match_states WHERE event_id = $1', [eventId]);
    expect(state.pending).toEqual([leaving]);
    const outcomes = await changeOutcomes(t, async () => expect(await settled()).toMatchObject({ kind: 'changes', participants: 2 }));
    // The shards saw two pools (the edit and the leave came between them): the change run loaded the lists.
    expect(outcomes.filter((o) => o.outcome === 'applied')).toEqual([expect.objectContaining({ changes: 2, warm: false })]);
    const after = await expectExactLists();
    expect(after.find((r) => r.organisation_id === seeker.id)!.ids.slice(0, 20)).toContain(mirror);
    expect(after.some((r) => r.organisation_id === leaving || r.ids.includes(leaving))).toBe(false);
    expect((await sql<{ pending: string[] }>(t, 'SELECT pending FROM match_states WHERE event_id = $1', [eventId]))[0].pending).toEqual([]);
  });

  it('loads the pool with the lists’ idf after an edit by preparing only the edited profile again (and updating a copy of its index)', async () => {
    const pools = t.app.get(EventPoolService);
    const [{ idf }] = await sql<{ idf: StoredIdf }>(t, 'SELECT idf FROM match_states WHERE event_id = $1', [eventId]);
    const frozen = { key: `reuse ${Math.random()}`, idf: IdfTable.fromStored(idf) };
    const first = await pools.load(eventId, frozen);
    const firstIndex = first.index();
    const edited = first.profiles.find((p) => p.country === 'DE')!;
    await request(t.http).patch(`/api/profiles/${edited.id}`).set(...admin).send({ description: 'We build laser optics for ophthalmic diagnostics and seek clinical partners in Japan.' }).expect(200);
    await settled();
    const second = await pools.load(eventId, frozen);
    expect(second.fingerprint).not.toBe(first.fingerprint);
    expect(second.bases.get(edited.id)).not.toBe(first.bases.get(edited.id));
    expect(second.byId.get(edited.id)).not.toBe(edited);
    expect(second.profiles.filter((p) => p.id !== edited.id).every((p) => p === first.byId.get(p.id))).toBe(true);
    // Its index: a copy of the first pool's with the edited profile replaced (in a new slot); the first one's is unchanged.
    expect(second.builtIndex()).toBeUndefined();
    const secondIndex = second.index();
    expect(secondIndex).not.toBe(firstIndex);
    expect(secondIndex.slot(edited.id)).toBeGreaterThanOrEqual(firstIndex.capacity);
    expect(secondIndex.profile(edited.id)).toBe(second.byId.get(edited.id));
    expect(firstIndex.profile(edited.id)).toBe(edited);
    // The same lists as a pool prepared afresh with that idf.
    const fresh = await pools.load(eventId, { key: `fresh ${Math.random()}`, idf: IdfTable.fromStored(idf) });
    const weights = await t.app.get(WeightsService).effective(eventId);
    const options = { k: 20, weights: weights.weights, ctx: fresh.ctx };
    const ids = fresh.profiles.map((p) => p.id);
    const reused = computeMatchLists(second.index(), ids, options).lists;
    for (const [id, list] of computeMatchLists(fresh.index(), ids, options).lists) {
      const got = reused.get(id)!;
      expect({ id, ids: got.map((e) => e.candidateId) }).toEqual({ id, ids: list.map((e) => e.candidateId) });
      got.forEach((e, i) => expect(Math.abs(e.score - list[i].score)).toBeLessThan(1e-12));
    }
  });

  it('drops the shard lists it gathered for a run that another process completed, when it next stores a shard', async () => {
    const matching = t.app.get(MatchingService);
    const queue = t.app.get(QueueService);
    const collected = () => (matching as unknown as { collected: Map<string, { runId: string; shards: Set<number> }> }).collected;
    const { held, enqueueSpy } = holdShardJobs(queue);
    let runId: string;
    try {
      const run = await matching.requestRecompute(eventId, 'shards shared with another process', null, 0);
      runId = run.id;
      for (let i = 0; i < 300 && held.length < 4; i++) await new Promise((r) => setTimeout(r, 100));
      expect(held.map((h) => h.runId)).toEqual([run.id, run.id, run.id, run.id]);
      await matching.handleShard(held[0], { jobId: 'test', attempt: 1, progress: () => Promise.resolve() });
    } finally {
      enqueueSpy.mockRestore();
    }
    expect(collected().get(eventId)).toMatchObject({ runId, shards: new Set([0]) });
    // Another process stores shards 1–3 (the rows are not needed here: only the run's state is read).
    await sql(t, "UPDATE match_runs SET status = 'completed', done_shards = '{0,1,2,3}', progress = 1, finished_at = now() WHERE id = $1", [runId!]);
    // This process stores a shard of another event's run: the gathered lists of the finished run go.
    const [{ id: otherId }] = await sql<{ id: string }>(t, "INSERT INTO events (slug, name, time_zone, starts_on, ends_on) VALUES ('changes-other', 'Other', 'Europe/Berlin', '2026-12-02', '2026-12-02') RETURNING id");
    await sql(t, 'INSERT INTO event_participants (event_id, organisation_id) SELECT $1, organisation_id FROM event_participants WHERE event_id = $2 ORDER BY organisation_id LIMIT 30', [otherId, eventId]);
    await request(t.http).post('/api/events/changes-other/matching/recompute').set(...admin).expect(202);
    expect(await settledRun(t, otherId)).toMatchObject({ kind: 'full', status: 'completed' });
    // The shard's job drops them just after its transaction commits, which settledRun may see first.
    for (let i = 0; i < 50 && collected().has(eventId); i++) await new Promise((r) => setTimeout(r, 100));
    expect(collected().has(eventId)).toBe(false);
  });
});

describe('a full run in one shard hands its lists to the change runs of its process (PostgreSQL)', () => {
  let t: TestApp;
  let eventId: string;

  beforeAll(async () => {
    // The default shard size: every participant's list in one shard.
    ({ t, eventId } = await eventAfterFullRun({}));
  }, 120_000);

  afterAll(() => t?.close());

  it('the first profile edit after it is applied to the lists kept in memory, exactly', async () => {
    const [run] = await sql<{ shards_total: number }>(t, "SELECT shards_total FROM match_runs WHERE event_id = $1 AND kind = 'full'", [eventId]);
    expect(run.shards_total).toBe(1);
    const outcomes = await changeOutcomes(t, async () => {
      const [edited] = await sql<{ id: string }>(t, 'SELECT organisation_id AS id FROM event_participants WHERE event_id = $1 ORDER BY organisation_id LIMIT 1', [eventId]);
      await request(t.http).patch(`/api/profiles/${edited.id}`).set(...bearer(t.adminKey)).send({ description: 'We grind aspheric lenses for endoscopes and seek distributors of medical devices in Japan.' }).expect(200);
      expect(await settledRun(t, eventId)).toMatchObject({ kind: 'changes', status: 'completed', participants: 1 });
    });
    expect(outcomes).toEqual([expect.objectContaining({ outcome: 'applied', changes: 1, warm: true })]);
    await expectExactListsOf(t, eventId);
  });
});
