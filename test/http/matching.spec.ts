import request from 'supertest';
import { bearer, sql, startTestApp, type TestApp } from '../support/test-app';

const MEDICA = 'medica-2007-hamamatsu-jena';

describe('suggestions, explanations and weights (HTTP)', () => {
  let t: TestApp;
  let admin: [string, string];
  let organiser: [string, string];
  let otherOrganiser: [string, string];
  let participant: [string, string];
  let orgId: string;
  let otherOrgId: string;

  async function waitForLists(slug = MEDICA, minVersion = 1): Promise<void> {
    for (let i = 0; i < 200; i++) {
      const res = await request(t.http).get(`/api/events/${slug}/matching`).set(...admin).expect(200);
      const done = res.body.status === 'idle' && res.body.lastCompletedRun?.weightVersion >= minVersion;
      if (done && res.body.listsStored > 0) return;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error('match lists were not computed');
  }

  beforeAll(async () => {
    t = await startTestApp();
    admin = bearer(t.adminKey);
    const key = async (body: object) => bearer((await request(t.http).post('/api/admin/api-keys').set(...admin).send(body).expect(201)).body.key as string);
    const members = await sql<{ organisation_id: string }>(t, 'SELECT ep.organisation_id FROM event_participants ep JOIN events e ON e.id = ep.event_id WHERE e.slug = $1 ORDER BY 1', [MEDICA]);
    [orgId, otherOrgId] = [members[0].organisation_id, members[1].organisation_id];
    organiser = await key({ name: 'medica team', role: 'organiser', eventSlugs: [MEDICA] });
    otherOrganiser = await key({ name: 'other team', role: 'organiser' });
    participant = await key({ name: 'company', role: 'participant', organisationId: orgId });
    await waitForLists();
  });
  afterAll(() => t?.close());

  const suggestions = (key: [string, string], org = orgId) => request(t.http).get(`/api/events/${MEDICA}/participants/${org}/suggestions`).set(...key);

  it('computes every participant’s list in the background after seeding, with the weight version', async () => {
    const status = await request(t.http).get(`/api/events/${MEDICA}/matching`).set(...organiser).expect(200);
    const [{ n }] = await sql<{ n: string }>(t, 'SELECT count(*) AS n FROM event_participants ep JOIN events e ON e.id = ep.event_id WHERE e.slug = $1', [MEDICA]);
    expect(status.body).toMatchObject({ status: 'idle', listsStored: Number(n), weightVersion: 1, weightScope: 'global' });
    expect(status.body.lastCompletedRun).toMatchObject({ status: 'completed', participants: Number(n), weightVersion: 1 });
    expect(status.body.lastCompletedRun.durationMs).toEqual(expect.any(Number));
  });

  it('shows a company its ranked suggestions with breakdown and reasons', async () => {
    const res = await suggestions(participant).expect(200);
    expect(res.body).toMatchObject({ status: 'ready', weightVersion: 1, organisation: { id: orgId } });
    const list = res.body.suggestions as { rank: number; score: number; organisation: { country: string }; breakdown: { contribution: number }[]; reasons: { message: string }[] }[];
    expect(list.length).toBeGreaterThan(3);
    expect(list.map((s) => s.rank)).toEqual(list.map((_, i) => i + 1));
    expect(list.map((s) => s.score)).toEqual([...list.map((s) => s.score)].sort((a, b) => b - a));
    // MEDICA meets across countries only.
    expect(new Set(list.map((s) => s.organisation.country)).size).toBe(1);
    expect(list[0].breakdown.reduce((sum, c) => sum + c.contribution, 0)).toBeCloseTo(list[0].score, 6);
    expect(list[0].reasons.length).toBeGreaterThan(0);
  });

  it('explains each stored suggestion as the pair explanation does (breakdown from the stored values, reasons built on reading)', async () => {
    const list = (await suggestions(participant).expect(200)).body.suggestions as { score: number; interpreterNeeded: boolean; organisation: { id: string }; breakdown: unknown[]; reasons: unknown[] }[];
    for (const s of list) {
      const pair = await request(t.http).get(`/api/events/${MEDICA}/pairs/${orgId}/${s.organisation.id}/explanation`).set(...organiser).expect(200);
      // The search sums the score in another order than the breakdown (last-bit differences).
      expect(Math.abs(s.score - pair.body.score)).toBeLessThan(1e-12);
      expect({ id: s.organisation.id, interpreterNeeded: s.interpreterNeeded, breakdown: s.breakdown, reasons: s.reasons }).toEqual({
        id: s.organisation.id,
        interpreterNeeded: pair.body.interpreterNeeded,
        breakdown: pair.body.breakdown,
        reasons: pair.body.reasons,
      });
    }
    // Stored: the component values, not the texts.
    const [row] = await sql<{ suggestion: Record<string, unknown>; weights: Record<string, number> }>(
      t,
      'SELECT m.suggestions->0 AS suggestion, m.component_weights AS weights FROM match_lists m JOIN events e ON e.id = m.event_id WHERE e.slug = $1 AND m.organisation_id = $2',
      [MEDICA, orgId],
    );
    expect(Object.keys(row.suggestion).sort()).toEqual(['interpreterNeeded', 'organisationId', 'score', 'values']);
    expect(Object.keys(row.weights)).toEqual(expect.arrayContaining(['complementarity', 'sector', 'text']));
  });

  it('keeps each company to its own list; organisers to their events', async () => {
    await suggestions(participant, otherOrgId).expect(404);
    await suggestions(organiser, otherOrgId).expect(200);
    await suggestions(otherOrganiser).expect(404);
    await request(t.http).get(`/api/events/${MEDICA}/participants/${orgId}/suggestions`).expect(401);
    const malformed = await request(t.http).get(`/api/events/${MEDICA}/participants/not-a-uuid/suggestions`).set(...admin).expect(400);
    expect(malformed.body.details).toEqual([{ field: 'org', messages: ['must be a UUID'] }]);
  });

  it('explains one pair for admins and organisers, not companies', async () => {
    const res = await request(t.http).get(`/api/events/${MEDICA}/pairs/${orgId}/${otherOrgId}/explanation`).set(...organiser).expect(200);
    expect(res.body).toMatchObject({ a: { id: orgId }, b: { id: otherOrgId }, weightVersion: 1 });
    expect(res.body.breakdown.map((c: { component: string }) => c.component)).toEqual(expect.arrayContaining(['complementarity', 'sector', 'language']));
    await request(t.http).get(`/api/events/${MEDICA}/pairs/${orgId}/${otherOrgId}/explanation`).set(...participant).expect(403);
    const bad = await request(t.http).get(`/api/events/${MEDICA}/pairs/${orgId}/00000000-0000-4000-8000-000000000000/explanation`).set(...admin).expect(400);
    expect(bad.body.details[0].field).toBe('b');
    for (const [path, field] of [[`not-a-uuid/${otherOrgId}`, 'a'], [`${orgId}/not-a-uuid`, 'b']]) {
      const malformed = await request(t.http).get(`/api/events/${MEDICA}/pairs/${path}/explanation`).set(...admin).expect(400);
      expect(malformed.body.details).toEqual([{ field, messages: ['must be a UUID'] }]);
    }
  });

  it('scores the languages organisers set for the event instead of the profile’s', async () => {
    type Explanation = { interpreterNeeded: boolean; breakdown: { component: string; value: number }[] };
    // A partner from the other country (MEDICA meets across countries only).
    const [{ id: partner }] = await sql<{ id: string }>(
      t,
      `SELECT ep.organisation_id AS id FROM event_participants ep JOIN events e ON e.id = ep.event_id JOIN organisations o ON o.id = ep.organisation_id
        WHERE e.slug = $1 AND o.country <> (SELECT country FROM organisations WHERE id = $2) ORDER BY 1 LIMIT 1`,
      [MEDICA, orgId],
    );
    const explain = async (): Promise<Explanation> => (await request(t.http).get(`/api/events/${MEDICA}/pairs/${orgId}/${partner}/explanation`).set(...organiser).expect(200)).body;
    const language = (e: Explanation) => e.breakdown.find((c) => c.component === 'language')!.value;
    const before = await explain();
    expect(language(before)).toBeGreaterThan(0.2);
    const url = `/api/events/${MEDICA}/participants/${orgId}`;
    await request(t.http).patch(url).set(...organiser).send({ languages: ['ko'] }).expect(200);
    const korean = await explain();
    expect(language(korean)).toBe(0.2);
    expect(korean.interpreterNeeded).toBe(true);
    await request(t.http).patch(url).set(...organiser).send({ languages: null }).expect(200);
    const back = await explain();
    expect(language(back)).toBe(language(before));
    expect(back.interpreterNeeded).toBe(before.interpreterNeeded);
    await waitForLists();
  });

  it('validates weights, naming the component', async () => {
    const res = await request(t.http).put('/api/admin/weights').set(...admin).send({ weights: { sector: -1, colour: 2 } }).expect(400);
    expect(res.body.details.map((d: { field: string }) => d.field).sort()).toEqual(['weights.colour', 'weights.sector']);
    const zero = await request(t.http).put('/api/admin/weights').set(...admin).send({ weights: { complementarity: 0, sector: 0, text: 0, cooperation: 0, language: 0, region: 0, focus: 0 } }).expect(400);
    expect(zero.body.message).toContain('at least one');
    // 1e308 is finite, but two of them sum to Infinity and would turn every score into 0.
    const huge = { weights: { sector: 1e308, text: 1e308 } };
    for (const req of [request(t.http).put('/api/admin/weights').set(...admin), request(t.http).post(`/api/events/${MEDICA}/weights/preview`).set(...admin)]) {
      const res = await req.send(huge).expect(400);
      expect(res.body.details.map((d: { field: string }) => d.field).sort()).toEqual(['weights.sector', 'weights.text']);
    }
    await request(t.http).put('/api/admin/weights').set(...organiser).send({ weights: { sector: 1 } }).expect(403);
  });

  it('previews a weight change without saving, then the change through the API gives exactly the previewed lists', async () => {
    const candidate = { complementarity: 0, sector: 1, text: 0, cooperation: 0, language: 0, region: 0, focus: 0 };
    const preview = await request(t.http).post(`/api/events/${MEDICA}/weights/preview`).set(...organiser).send({ weights: candidate, participants: [orgId] }).expect(200);
    expect(preview.body.currentVersion).toBe(1);
    const p = preview.body.participants[0];
    expect(p.entered.length + p.left.length + p.moved.length).toBeGreaterThan(0);
    // Nothing was saved.
    expect((await request(t.http).get('/api/admin/weights').set(...admin).expect(200)).body).toHaveLength(1);
    const before = (await suggestions(admin).expect(200)).body.suggestions as { organisation: { id: string }; score: number }[];

    const put = await request(t.http).put('/api/admin/weights').set(...admin).send({ weights: candidate, note: 'sector only' }).expect(200);
    expect(put.body.weightSet).toMatchObject({ version: 2, scope: 'global', current: true });
    expect(put.body.eventsRecomputing).toBeGreaterThanOrEqual(1);
    await waitForLists(MEDICA, 2);
    const after = (await suggestions(admin).expect(200)).body;
    expect(after.weightVersion).toBe(2);
    const afterIds = (after.suggestions as { organisation: { id: string } }[]).map((s) => s.organisation.id);
    const beforeIds = before.map((s) => s.organisation.id);
    const entered = afterIds.filter((id) => !beforeIds.includes(id));
    const left = beforeIds.filter((id) => !afterIds.includes(id));
    expect(entered.sort()).toEqual(p.entered.map((c: { organisationId: string }) => c.organisationId).sort());
    expect(left.sort()).toEqual(p.left.map((c: { organisationId: string }) => c.organisationId).sort());
    for (const c of p.entered as { organisationId: string; after: number }[]) expect(afterIds.indexOf(c.organisationId) + 1).toBe(c.after);
  });

  it('lists versions and rolls back by adding a version', async () => {
    const res = await request(t.http).post('/api/admin/weights/rollback').set(...admin).send({ version: 1 }).expect(200);
    expect(res.body.weightSet).toMatchObject({ version: 3, note: 'rollback to version 1' });
    const versions = await request(t.http).get('/api/admin/weights').set(...admin).expect(200);
    expect(versions.body.map((v: { version: number }) => v.version)).toEqual([3, 2, 1]);
    expect(versions.body[0].weights).toEqual(versions.body[2].weights);
    await request(t.http).post('/api/admin/weights/rollback').set(...admin).send({ version: 99 }).expect(404);
    await request(t.http).post('/api/admin/weights/rollback').set(...admin).send({ version: 0 }).expect(400);
    await waitForLists(MEDICA, 3);
  });

  it('lets organisers tune their event’s weights only where an admin allowed it', async () => {
    await request(t.http).put(`/api/events/${MEDICA}/weights`).set(...organiser).send({ weights: { text: 1 } }).expect(403);
    await request(t.http).put(`/api/admin/events/${MEDICA}/weights-policy`).set(...organiser).send({ organisersMayTuneWeights: true }).expect(403);
    await request(t.http).put(`/api/admin/events/${MEDICA}/weights-policy`).set(...admin).send({ organisersMayTuneWeights: 'yes' }).expect(400);
    await request(t.http).put(`/api/admin/events/${MEDICA}/weights-policy`).set(...admin).send({ organisersMayTuneWeights: true }).expect(200);
    const res = await request(t.http).put(`/api/events/${MEDICA}/weights`).set(...organiser).send({ weights: { text: 1 } }).expect(200);
    expect(res.body.weightSet.scope).toMatch(/^event:/);
    await request(t.http).put(`/api/events/${MEDICA}/weights`).set(...otherOrganiser).send({ weights: { text: 1 } }).expect(404);
    const mine = await request(t.http).get(`/api/events/${MEDICA}/weights`).set(...organiser).expect(200);
    expect(mine.body.effective).toMatchObject({ version: 1, scope: res.body.weightSet.scope });
    await waitForLists(MEDICA, 1);
    const list = await suggestions(participant).expect(200);
    expect(list.body.weightScope).toBe(res.body.weightSet.scope);
  });

  it('makes an event follow the global weights again with a marker version (DELETE), which rollbacks and global changes honour', async () => {
    const del = (key: [string, string], slug = MEDICA) => request(t.http).delete(`/api/events/${slug}/weights`).set(...key);
    const eventWeights = async () => (await request(t.http).get(`/api/events/${MEDICA}/weights`).set(...organiser).expect(200)).body;
    const policy = (allowed: boolean) => request(t.http).put(`/api/admin/events/${MEDICA}/weights-policy`).set(...admin).send({ organisersMayTuneWeights: allowed }).expect(200);
    // The same access rule as PUT.
    await del(participant).expect(403);
    await del(otherOrganiser).expect(404);
    await del(admin, 'no-such-event').expect(404);
    await policy(false);
    await del(organiser).expect(403);
    await policy(true);
    // An event without weights of its own follows the global set already.
    const none = await del(admin, 'munich-bavaria-japan-business-day').expect(409);
    expect(none.body.message).toBe('The event already follows the global weights: it has no weights of its own');

    // While MEDICA has its own set (version 1), a global change does not recompute it.
    const sectorHeavy = { complementarity: 0.3, sector: 0.5, text: 0.1, cooperation: 0, language: 0.05, region: 0.05, focus: 0 };
    const withOwn = await request(t.http).put('/api/admin/weights').set(...admin).send({ weights: sectorHeavy }).expect(200);
    expect(withOwn.body.weightSet.version).toBe(4);
    const own = (await eventWeights()).versions[0];
    expect(own).toMatchObject({ version: 1, followsGlobal: false, current: true });

    const res = await del(organiser).expect(200);
    expect(res.body).toMatchObject({ eventsRecomputing: 1, weightSet: { scope: own.scope, version: 2, weights: null, followsGlobal: true, current: true, note: 'follows the global weights' } });
    const again = await del(admin).expect(409);
    expect(again.body.message).toBe('The event already follows the global weights: its latest version 2 follows the global set');
    const after = await eventWeights();
    expect(after.effective).toMatchObject({ scope: 'global', version: 4, weights: withOwn.body.weightSet.weights, followsGlobal: false, current: true });
    expect(after.versions.map((v: { version: number; followsGlobal: boolean; current: boolean }) => [v.version, v.followsGlobal, v.current])).toEqual([
      [2, true, true],
      [1, false, false],
    ]);
    const preview = await request(t.http).post(`/api/events/${MEDICA}/weights/preview`).set(...organiser).send({ weights: sectorHeavy, participants: [orgId] }).expect(200);
    expect(preview.body).toMatchObject({ currentVersion: 4, currentWeights: withOwn.body.weightSet.weights });

    // From now on global changes reach it: one more event recomputes, and its lists use the global set.
    const followed = await request(t.http).put('/api/admin/weights').set(...admin).send({ weights: { ...sectorHeavy, text: 0.2 } }).expect(200);
    expect(followed.body.weightSet.version).toBe(5);
    expect(followed.body.eventsRecomputing).toBe(withOwn.body.eventsRecomputing + 1);
    await waitForLists(MEDICA, 5);
    expect((await suggestions(participant).expect(200)).body).toMatchObject({ weightScope: 'global', weightVersion: 5 });
    expect((await request(t.http).get(`/api/events/${MEDICA}/matching`).set(...organiser).expect(200)).body).toMatchObject({ weightScope: 'global', weightVersion: 5 });

    // Rolling back to a set re-applies it; rolling back to the marker follows the global set again.
    const rollback = (version: number) => request(t.http).post(`/api/events/${MEDICA}/weights/rollback`).set(...organiser).send({ version });
    const back = await rollback(1).expect(200);
    expect(back.body.weightSet).toMatchObject({ version: 3, weights: own.weights, followsGlobal: false, note: 'rollback to version 1' });
    expect((await eventWeights()).effective).toMatchObject({ scope: own.scope, version: 3, weights: own.weights });
    const marker = await rollback(2).expect(200);
    expect(marker.body.weightSet).toMatchObject({ version: 4, weights: null, followsGlobal: true, note: 'rollback to version 2 (follows the global weights)' });
    expect((await eventWeights()).effective).toMatchObject({ scope: 'global', version: 5 });
    const twice = await rollback(2).expect(409);
    expect(twice.body.details).toEqual([{ field: 'version', messages: ['The event already follows the global weights: its latest version 4 follows the global set'] }]);
    await waitForLists(MEDICA, 5);
    expect((await suggestions(participant).expect(200)).body).toMatchObject({ weightScope: 'global', weightVersion: 5 });
  });

  it('drops a declined partner from both lists once the company marks it not interested', async () => {
    const first = (await suggestions(participant).expect(200)).body.suggestions[0].organisation.id as string;
    const runsBefore = (await sql<{ n: string }>(t, 'SELECT count(*) AS n FROM match_runs'))[0].n;
    await request(t.http).put(`/api/events/${MEDICA}/participants/${orgId}/marks/${first}`).set(...participant).send({ mark: 'not-interested' }).expect(200);
    for (let i = 0; i < 200; i++) {
      const [{ n }] = await sql<{ n: string }>(t, "SELECT count(*) AS n FROM match_runs WHERE status = 'completed'");
      if (Number(n) > Number(runsBefore)) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    await waitForLists();
    const mine = (await suggestions(participant).expect(200)).body.suggestions.map((s: { organisation: { id: string } }) => s.organisation.id);
    expect(mine).not.toContain(first);
    const theirs = (await suggestions(admin, first).expect(200)).body.suggestions.map((s: { organisation: { id: string } }) => s.organisation.id);
    expect(theirs).not.toContain(orgId);
    const explained = await request(t.http).get(`/api/events/${MEDICA}/pairs/${orgId}/${first}/explanation`).set(...admin).expect(200);
    expect(explained.body).toMatchObject({ score: 0, excluded: { code: 'declined' } });
  });

  it('lets organisers request a recompute (202) and refuses companies (403)', async () => {
    const res = await request(t.http).post(`/api/events/${MEDICA}/matching/recompute`).set(...organiser).expect(202);
    expect(['queued', 'running', 'completed']).toContain(res.body.status);
    await request(t.http).post(`/api/events/${MEDICA}/matching/recompute`).set(...participant).expect(403);
    await waitForLists();
  });
});
