import { Inject, Injectable, Logger, NotFoundException } from '@nestjs/common';
import type { AppConfig } from '../infra/config/app-config';
import { APP_CONFIG } from '../infra/config/config.module';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, IsNull } from 'typeorm';
import { JobHandler } from '../infra/queue/job-handler.decorator';
import { JobName, type JobContext, type JobData } from '../infra/queue/queue.contract';
import { QueueService } from '../infra/queue/queue.service';
import { createPairScorer, type ScoringProfile } from '../scoring/core';
import { WeightsService } from '../scoring/weights.service';
import { EventPoolService, runIdfKey, type EventPool, type FrozenIdf } from './event-pool.service';
import { LIST_RESERVE, MatchChangesService, type ChangesOutcome } from './match-changes.service';
import { listRow, lockEventLists, upsertLists } from './match-list-writes';
import { MatchRunEntity } from './match-run.entity';
import { buildMatchIndex, computeMatchLists, type MatchEntry, type MatchIndex } from './core';
import { IdfTable, type StoredIdf } from '../text';
import { MatchListThreads } from './parallel/match-list-threads.service';

// Lists are computed in batches so progress can be reported while a large event runs.
const BATCH = 500;
// Profile edits often come in bursts (an import, a form saved twice): wait a little before recomputing.
export const PROFILE_CHANGE_DEBOUNCE_MS = 1500;

/** Recomputes and stores match lists; runs in workers through the queue. */
@Injectable()
export class MatchingService {
  private readonly logger = new Logger('Matching');
  /** Per event: the lists of a whole-event run's shards stored from this process so far (see collect). */
  private readonly collected = new Map<string, { runId: string; index: MatchIndex | null; shards: Set<number>; lists: Map<string, MatchEntry[]> }>();
  private static readonly MAX_COLLECTED_RUNS = 4;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly queue: QueueService,
    private readonly pools: EventPoolService,
    private readonly weights: WeightsService,
    private readonly threads: MatchListThreads,
    private readonly changes: MatchChangesService,
  ) {}

  /**
   * Asks for a recomputation. A run already waiting for the same event (and participant) absorbs the
   * request: it reloads everything when it starts, so it will see this change too. Its job is enqueued
   * again: it is missing when enqueueing failed after the run was stored (Redis down, a crash), and the
   * run's key makes this a no-op while the job waits or runs (a waiting full run only ever had that job).
   */
  async requestRecompute(eventId: string, trigger: string, organisationId: string | null = null, delayMs = 0): Promise<MatchRunEntity> {
    const runs = this.db.getRepository(MatchRunEntity);
    const waiting = await runs.findOne({ where: { eventId, status: 'queued', kind: 'full', organisationId: organisationId ?? IsNull() }, order: { createdAt: 'ASC' } });
    if (waiting) {
      await this.queue.enqueue(JobName.MatchingRecompute, { runId: waiting.id }, { dedupeKey: `matching:${waiting.id}`, delayMs });
      return waiting;
    }
    return this.enqueueRun(runs.create({ eventId, organisationId, status: 'queued', trigger, kind: 'full' }), delayMs);
  }

  /**
   * Asks for the event's lists to follow its participants' profiles (edits, joins, leaves): a change
   * run applies what changed since the lists were written (MatchChangesService) or, when that is
   * not possible, runs in full. Any run waiting to start absorbs the request (it reads the profiles
   * when it starts). Delayed to debounce bursts.
   */
  async requestChanges(eventId: string, trigger: string, delayMs = PROFILE_CHANGE_DEBOUNCE_MS): Promise<MatchRunEntity> {
    const runs = this.db.getRepository(MatchRunEntity);
    const waiting = await runs.findOne({ where: { eventId, status: 'queued', organisationId: IsNull() }, order: { createdAt: 'ASC' } });
    if (waiting) return waiting;
    return this.enqueueRun(runs.create({ eventId, organisationId: null, status: 'queued', trigger, kind: 'changes' }), delayMs);
  }

  private async enqueueRun(run: MatchRunEntity, delayMs: number): Promise<MatchRunEntity> {
    const saved = await this.db.getRepository(MatchRunEntity).save(run);
    await this.queue.enqueue(JobName.MatchingRecompute, { runId: saved.id }, { dedupeKey: `matching:${saved.id}`, delayMs });
    return saved;
  }

  async requestForAllEvents(trigger: string): Promise<number> {
    const rows: { id: string }[] = await this.db.query('SELECT DISTINCT event_id AS id FROM event_participants');
    for (const r of rows) await this.requestRecompute(r.id, trigger);
    return rows.length;
  }

  /**
   * Profile changes move other participants' lists too: every event of the changed organisations
   * gets a change run (debounced: requests arriving while it waits join it).
   */
  async requestForOrganisations(organisationIds: string[], trigger: string): Promise<number> {
    if (organisationIds.length === 0) return 0;
    const rows: { event_id: string }[] = await this.db.query('SELECT DISTINCT event_id FROM event_participants WHERE organisation_id = ANY($1::uuid[])', [organisationIds]);
    for (const r of rows) await this.requestChanges(r.event_id, trigger);
    return rows.length;
  }

  /** Starts a run: takes its generation, then computes it here or splits it into shard jobs. */
  @JobHandler(JobName.MatchingRecompute)
  async handleRecompute(data: JobData<JobName.MatchingRecompute>, ctx: JobContext): Promise<Record<string, unknown>> {
    const runs = this.db.getRepository(MatchRunEntity);
    const run = await runs.findOneBy({ id: data.runId });
    if (!run) return { skipped: 'run no longer exists' };
    if (run.status === 'completed') return { skipped: 'already completed' };
    // The generation is taken when the run starts: a run that started later always wins.
    const [{ generation }] = await this.db.query<{ generation: string }[]>(`SELECT nextval('match_generation_seq')::text AS generation`);
    if (run.kind === 'changes') {
      await runs.update(run.id, { status: 'running', startedAt: new Date(), generation, progress: 0, error: null, shardsTotal: 1, doneShards: [], pairsScored: '0' });
      const outcome = await this.applyChanges({ ...run, generation }, ctx);
      if (outcome) return outcome;
      // Not possible incrementally: this run recomputes every list instead.
    }
    const [{ n }] = await this.db.query<{ n: string }[]>('SELECT count(*) AS n FROM event_participants WHERE event_id = $1', [run.eventId]);
    const participants = run.organisationId ? 1 : Number(n);
    const shards = run.organisationId ? 1 : Math.max(1, Math.ceil(participants / this.config.matching.shardSize));
    await runs.update(run.id, { status: 'running', startedAt: new Date(), generation, progress: 0, error: null, shardsTotal: shards, doneShards: [], participants, pairsScored: '0' });
    if (!run.organisationId) {
      // The run's idf and participants, taken now from the pool: shards load the pool at different
      // times, and every one weighs terms with this idf (change runs after it keep it, match_states),
      // computes these participants' lists and records these profile bases with them. A profile edited
      // while the run goes on is then pending for the next change run, whichever shards saw the edit.
      const pool = await this.pools.load(run.eventId);
      this.pools.alias(pool, runIdfKey(generation));
      await this.db.query('UPDATE match_runs SET idf = $2, bases = $3 WHERE id = $1', [run.id, JSON.stringify(pool.env.idf.toStored()), JSON.stringify(Object.fromEntries(pool.bases))]);
    }
    if (shards === 1) return this.computeShard(run.id, 0, ctx);
    for (let shard = 0; shard < shards; shard++) {
      await this.queue.enqueue(JobName.MatchingShard, { runId: run.id, shard }, { dedupeKey: `matching:${run.id}:${generation}:${shard}` });
    }
    return { eventId: run.eventId, shards };
  }

  /**
   * A change run: applies the profile changes to the stored lists. Returns the job result, or null
   * when the event needs a full run (the run is then turned into one). While a full run writes the
   * lists, the run waits for it (queued again, delayed).
   */
  private async applyChanges(run: MatchRunEntity, ctx: JobContext): Promise<Record<string, unknown> | null> {
    const runs = this.db.getRepository(MatchRunEntity);
    let outcome: ChangesOutcome;
    try {
      outcome = await this.changes.apply(run);
    } catch (error) {
      await runs.update(run.id, { status: 'failed', error: (error as Error).message, finishedAt: new Date() });
      throw error;
    }
    if (outcome.outcome === 'full') {
      this.logger.log(`event ${run.eventId}: change run ${run.id} runs in full (${outcome.reason})`);
      await runs.update(run.id, { kind: 'full', trigger: `${run.trigger} (in full: ${outcome.reason})`.slice(0, 120) });
      return null;
    }
    if (outcome.outcome === 'wait') {
      await runs.update(run.id, { status: 'queued', generation: null, startedAt: null });
      await this.queue.enqueue(JobName.MatchingRecompute, { runId: run.id }, { dedupeKey: `matching:${run.id}:after:${run.generation}`, delayMs: PROFILE_CHANGE_DEBOUNCE_MS });
      return { eventId: run.eventId, waiting: outcome.reason };
    }
    await runs.query(
      `UPDATE match_runs SET status = 'completed', progress = 1, participants = $2, pairs_scored = $3, done_shards = '{0}', finished_at = now(),
              weight_version = $4, duration_ms = (extract(epoch from now() - started_at) * 1000)::int WHERE id = $1`,
      [run.id, outcome.changes, outcome.pairsScored, outcome.weightVersion],
    );
    await ctx.progress(1);
    return { eventId: run.eventId, ...outcome };
  }

  @JobHandler(JobName.MatchingShard)
  async handleShard(data: JobData<JobName.MatchingShard>, ctx: JobContext): Promise<Record<string, unknown>> {
    return this.computeShard(data.runId, data.shard, ctx);
  }

  /**
   * Computes and stores the lists of one shard (participants interleaved by id). The lists and the
   * shard's "done" mark are written in one transaction, so a retried shard (worker killed) neither
   * leaves half-written lists nor counts twice; the shard completing the set finishes the run.
   */
  private async computeShard(runId: string, shard: number, ctx: JobContext): Promise<Record<string, unknown>> {
    const runs = this.db.getRepository(MatchRunEntity);
    const run = await runs.findOneBy({ id: runId });
    if (!run || run.generation === null) return { skipped: 'run not started' };
    if (run.doneShards.includes(shard)) return { skipped: `shard ${shard} already stored` };
    const started = Date.now();
    try {
      const pool = await this.pools.load(run.eventId, (await this.frozenIdf(run)) ?? undefined);
      const bases = run.organisationId ? null : await this.runBases(run);
      // The run's participants only: one who joined after it started is a change for the next change run.
      const { profiles, index } = withoutJoiners(pool, bases);
      const weights = await this.weights.effective(run.eventId);
      const scorer = createPairScorer(weights.weights, pool.ctx);
      // Shards interleave the run's participants by id (every shard splits the same set the same way);
      // a shard computes its lists in the pool's matching order, where consecutive queries are alike.
      // One who left since the run started has no list to compute (see pending in match_states).
      const all = run.organisationId ? [run.organisationId] : bases ? [...bases.keys()].sort() : profiles.map((p) => p.id).sort();
      const mine = new Set(all.filter((_, i) => i % run.shardsTotal === shard));
      const queryIds = profiles.map((p) => p.id).filter((id) => mine.has(id));
      const k = pool.event.suggestionsK;
      // Lists are computed with a reserve (the exact ranks after k) that change runs promote from.
      const options = { k: k + LIST_RESERVE, weights: weights.weights, ctx: pool.ctx };
      const progress = (done: number) => ctx.progress((0.9 * done) / Math.max(1, queryIds.length), { shard, shards: run.shardsTotal });
      const lists = new Map<string, MatchEntry[]>();
      let pairsScored = 0;
      let threads = 1;
      const searchStarted = Date.now();
      if (this.threads.available) {
        // The same exact lists, computed by this process's threads (MATCHING_THREADS), in query order.
        const r = await this.threads.compute(profiles, queryIds, options, { index, progress: { every: BATCH, report: progress } });
        for (const [id, list] of r.lists) lists.set(id, list);
        pairsScored = r.stats.pairsScored;
        threads = r.perThread.length;
      } else {
        for (let i = 0; i < queryIds.length; i += BATCH) {
          const batch = computeMatchLists(index, queryIds.slice(i, i + BATCH), options);
          for (const [id, list] of batch.lists) lists.set(id, list);
          pairsScored += batch.stats.pairsScored;
          await progress(Math.min(i + BATCH, queryIds.length));
        }
      }
      const searchMs = Date.now() - searchStarted;
      // Written in id order whatever the query order, so row locks are always taken in one order.
      // Each list records its owner's basis when the run started (every shard, whenever it loaded the
      // pool). A one-participant run leaves the recorded basis: the other lists have not seen its profile.
      const rows = [...lists.entries()]
        .sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0))
        .map(([orgId, ranked]) => listRow(orgId, ranked, k, run.organisationId ? null : ((bases ?? pool.bases).get(orgId) ?? null), scorer, (id) => pool.byId.get(id)!));
      const finished = await this.db.transaction(async (tx) => {
        await lockEventLists(tx, run.eventId);
        await upsertLists(tx, run.eventId, run.generation!, weights, rows);
        // Lists in memory elsewhere (change runs) are no longer current.
        await tx.query('UPDATE match_states SET version = version + 1, updated_at = now() WHERE event_id = $1', [run.eventId]);
        // For UPDATE, TypeORM's raw query answers [rows, affected count].
        const [marked]: [{ done: number; total: number }[], number] = await tx.query(
          `UPDATE match_runs SET done_shards = array_append(done_shards, $2), pairs_scored = pairs_scored + $3,
                  progress = (cardinality(done_shards) + 1)::real / shards_total, weight_version = $4
            WHERE id = $1 AND NOT ($2 = ANY(done_shards)) RETURNING cardinality(done_shards) AS done, shards_total AS total`,
          [run.id, shard, pairsScored, weights.version],
        );
        if (marked.length === 0) return { stored: false, completed: false, state: null };
        if (marked[0].done < marked[0].total) return { stored: true, completed: false, state: null };
        if (!run.organisationId) {
          // Change runs from now on keep this run's idf (every list now has it). The run's participants
          // who have left since it started are pending: shards that loaded the pool before they left
          // may suggest them.
          await tx.query(
            `INSERT INTO match_states (event_id, generation, version, weight_set_id, idf, pending)
             SELECT r.event_id, r.generation, 1, $2, r.idf,
                    ARRAY(SELECT b.id::uuid FROM jsonb_object_keys(coalesce(r.bases, '{}')) AS b(id)
                           WHERE NOT EXISTS (SELECT 1 FROM event_participants ep WHERE ep.event_id = r.event_id AND ep.organisation_id = b.id::uuid))
               FROM match_runs r WHERE r.id = $1 AND r.idf IS NOT NULL
             ON CONFLICT (event_id) DO UPDATE SET generation = EXCLUDED.generation, weight_set_id = EXCLUDED.weight_set_id, idf = EXCLUDED.idf,
                   pending = EXCLUDED.pending, version = match_states.version + 1, updated_at = now()
             WHERE match_states.generation < EXCLUDED.generation`,
            [run.id, weights.id],
          );
          // Lists of organisations that left the event go, unless a newer run wrote them.
          await tx.query(
            `DELETE FROM match_lists m WHERE m.event_id = $1 AND m.generation < $2
               AND NOT EXISTS (SELECT 1 FROM event_participants ep WHERE ep.event_id = m.event_id AND ep.organisation_id = m.organisation_id)`,
            [run.eventId, run.generation],
          );
        }
        await tx.query(
          // clock_timestamp(): now() is when this transaction began, before the lists were written.
          `UPDATE match_runs SET status = 'completed', progress = 1, finished_at = clock_timestamp(),
                  duration_ms = (extract(epoch from clock_timestamp() - started_at) * 1000)::int WHERE id = $1`,
          [run.id],
        );
        const [state] = await tx.query<{ version: string; generation: string; weightSetId: string }[]>(
          'SELECT version::text, generation::text, weight_set_id AS "weightSetId" FROM match_states WHERE event_id = $1',
          [run.eventId],
        );
        return { stored: true, completed: true, state: state ?? null };
      });
      // Every shard of the run stored its lists from this process, over one index: the change service
      // keeps them for the next change run (when this run's idf is the lists' idf now, i.e. no newer
      // run wrote them).
      let runLists: Map<string, MatchEntry[]> | null = null;
      if (finished.stored && !run.organisationId) {
        await this.dropFinishedCollections(run.id);
        runLists = this.collect(run, shard, index, lists, finished.completed);
      }
      if (runLists && finished.state && finished.state.generation === run.generation) {
        this.changes.adopt(run.eventId, finished.state, { k, options: { k, weights: weights.weights, ctx: pool.ctx }, env: pool.env, index, ranked: runLists });
      }
      await ctx.progress(1);
      return { eventId: run.eventId, shard, lists: rows.length, pairsScored, threads, searchMs, ms: Date.now() - started, runCompleted: finished.completed };
    } catch (error) {
      await runs.update(run.id, { status: 'failed', error: (error as Error).message, finishedAt: new Date() });
      throw error;
    }
  }

  /**
   * Gathers the lists a whole-event run's shards stored from this process: all of the run's lists
   * once every shard is here and all were computed over one index (the same pool), else null. A run
   * whose shards saw different pools (an edit between them), or that other processes share, hands
   * nothing over; its change runs load the lists. What was gathered is dropped once the run has
   * completed (`completed`: this shard was its last) without all of it here: it can never be whole.
   */
  private collect(run: MatchRunEntity, shard: number, index: MatchIndex, lists: ReadonlyMap<string, MatchEntry[]>, completed: boolean): Map<string, MatchEntry[]> | null {
    let c = this.collected.get(run.eventId);
    if (!c || c.runId !== run.id) {
      this.collected.delete(run.eventId);
      if (this.collected.size >= MatchingService.MAX_COLLECTED_RUNS) this.collected.delete(this.collected.keys().next().value!);
      this.collected.set(run.eventId, (c = { runId: run.id, index, shards: new Set(), lists: new Map() }));
    }
    if (c.index !== index) {
      c.index = null;
      c.lists.clear();
    }
    if (c.index !== null) {
      c.shards.add(shard);
      for (const [id, list] of lists) c.lists.set(id, list);
    }
    const whole = c.index !== null && c.shards.size === run.shardsTotal;
    if (!whole && !completed) return null;
    this.collected.delete(run.eventId);
    return whole ? c.lists : null;
  }

  /**
   * Drops the lists gathered for other runs that are no longer running (another process stored
   * their last shard, or they failed): they can never be handed over. Checked whenever this process
   * stores a shard of a whole-event run.
   */
  private async dropFinishedCollections(currentRunId: string): Promise<void> {
    const others = [...this.collected.values()].map((c) => c.runId).filter((id) => id !== currentRunId);
    if (others.length === 0) return;
    const running = await this.db.query<{ id: string }[]>("SELECT id FROM match_runs WHERE id = ANY($1::uuid[]) AND status = 'running'", [others]);
    const keep = new Set(running.map((r) => r.id));
    for (const [eventId, c] of this.collected) if (c.runId !== currentRunId && !keep.has(c.runId)) this.collected.delete(eventId);
  }

  /**
   * The idf a run's shards weigh terms with: a full run's own (taken when it started), or for a
   * one-participant run the idf the event's lists have (so the list fits the others). Null: the
   * pool's own (a run from before runs kept their idf, or an event without stored lists).
   */
  private async frozenIdf(run: MatchRunEntity): Promise<FrozenIdf | null> {
    if (run.organisationId) {
      const [state] = await this.db.query<{ generation: string; idf: StoredIdf }[]>('SELECT generation::text, idf FROM match_states WHERE event_id = $1', [run.eventId]);
      return state ? { key: runIdfKey(state.generation), idf: IdfTable.fromStored(state.idf) } : null;
    }
    const [{ idf }] = await this.db.query<{ idf: StoredIdf | null }[]>('SELECT idf FROM match_runs WHERE id = $1', [run.id]);
    return idf ? { key: runIdfKey(run.generation!), idf: IdfTable.fromStored(idf) } : null;
  }

  /** A full run's participants and their bases when it started (null: a run from before runs kept them). */
  private async runBases(run: MatchRunEntity): Promise<Map<string, string> | null> {
    const [{ bases }] = await this.db.query<{ bases: Record<string, string> | null }[]>('SELECT bases FROM match_runs WHERE id = $1', [run.id]);
    return bases ? new Map(Object.entries(bases)) : null;
  }

  /**
   * Re-enqueues runs left queued or running by a process that ended. Needed for the inline driver,
   * whose waiting jobs live in memory; BullMQ keeps its jobs (and retries stalled ones) by itself.
   */
  async resumeUnfinished(): Promise<number> {
    const runs = await this.db.getRepository(MatchRunEntity).findBy({ status: In(['queued', 'running']) });
    for (const run of runs) await this.queue.enqueue(JobName.MatchingRecompute, { runId: run.id }, { dedupeKey: `matching:${run.id}` });
    return runs.length;
  }

  async latestRuns(eventId: string, limit = 5): Promise<MatchRunEntity[]> {
    return this.db.getRepository(MatchRunEntity).find({ where: { eventId }, order: { createdAt: 'DESC' }, take: limit });
  }

  async findRun(id: string): Promise<MatchRunEntity> {
    const run = await this.db.getRepository(MatchRunEntity).findOneBy({ id });
    if (!run) throw new NotFoundException(`Run ${id} not found`);
    return run;
  }

  /** Ids of runs not finished yet (queued or running) among the given ones. */
  async unfinished(ids: string[]): Promise<string[]> {
    const rows = await this.db.getRepository(MatchRunEntity).findBy({ id: In(ids), status: In(['queued', 'running']) });
    return rows.map((r) => r.id);
  }
}

/**
 * The pool restricted to a run's participants (`bases`, null: everyone), with an index over them:
 * the pool's own when nobody joined since the run started.
 */
function withoutJoiners(pool: EventPool, bases: ReadonlyMap<string, string> | null): { profiles: ScoringProfile[]; index: MatchIndex } {
  if (!bases || pool.profiles.every((p) => bases.has(p.id))) return { profiles: pool.profiles, index: pool.index() };
  const profiles = pool.profiles.filter((p) => bases.has(p.id));
  return { profiles, index: buildMatchIndex(profiles) };
}

