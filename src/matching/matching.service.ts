import { Inject, Injectable, Logger, NotFoundException } from '@nestjs/common';
import type { AppConfig } from '../infra/config/app-config';
import { APP_CONFIG } from '../infra/config/config.module';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { JobHandler } from '../infra/queue/job-handler.decorator';
import { JobName, type JobContext, type JobData } from '../infra/queue/queue.contract';
import { QueueService } from '../infra/queue/queue.service';
import { createPairScorer } from '../scoring/core';
import { WeightsService } from '../scoring/weights.service';
import { EventPoolService } from './event-pool.service';
import type { StoredSuggestion } from './match-list.entity';
import { MatchRunEntity } from './match-run.entity';
import { computeMatchLists } from './core';
import { MatchListThreads } from './parallel/match-list-threads.service';

// Lists are computed in batches so progress can be reported while a large event runs.
const BATCH = 500;
// Profile edits often come in bursts (an import, a form saved twice): wait a little before recomputing.
export const PROFILE_CHANGE_DEBOUNCE_MS = 1500;

/** Recomputes and stores match lists; runs in workers through the queue. */
@Injectable()
export class MatchingService {
  private readonly logger = new Logger('Matching');

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly queue: QueueService,
    private readonly pools: EventPoolService,
    private readonly weights: WeightsService,
    private readonly threads: MatchListThreads,
  ) {}

  /**
   * Asks for a recomputation. A run already waiting for the same event (and participant) absorbs the
   * request: it reloads everything when it starts, so it will see this change too.
   */
  async requestRecompute(eventId: string, trigger: string, organisationId: string | null = null, delayMs = 0): Promise<MatchRunEntity> {
    const runs = this.db.getRepository(MatchRunEntity);
    const waiting = await runs.findOne({ where: { eventId, status: 'queued', ...(organisationId ? { organisationId } : {}) }, order: { createdAt: 'ASC' } });
    if (waiting && (organisationId !== null || waiting.organisationId === null)) return waiting;
    const run = await runs.save(runs.create({ eventId, organisationId, status: 'queued', trigger }));
    await this.queue.enqueue(JobName.MatchingRecompute, { runId: run.id }, { dedupeKey: `matching:${run.id}`, delayMs });
    return run;
  }

  /** Recomputes the events that follow the global weights (those without their own set). */
  async requestForEventsUsingGlobalWeights(trigger: string): Promise<number> {
    const rows: { id: string }[] = await this.db.query(
      `SELECT e.id FROM events e WHERE NOT EXISTS (SELECT 1 FROM weight_sets w WHERE w.scope = 'event:' || e.id::text)`,
    );
    for (const r of rows) await this.requestRecompute(r.id, trigger);
    return rows.length;
  }

  async requestForAllEvents(trigger: string): Promise<number> {
    const rows: { id: string }[] = await this.db.query('SELECT DISTINCT event_id AS id FROM event_participants');
    for (const r of rows) await this.requestRecompute(r.id, trigger);
    return rows.length;
  }

  /**
   * Profile changes move other participants' lists too, so every event of the changed organisations is
   * recomputed. The delay debounces bursts: requests arriving while that run waits join it.
   */
  async requestForOrganisations(organisationIds: string[], trigger: string): Promise<number> {
    if (organisationIds.length === 0) return 0;
    const rows: { event_id: string }[] = await this.db.query('SELECT DISTINCT event_id FROM event_participants WHERE organisation_id = ANY($1::uuid[])', [organisationIds]);
    for (const r of rows) await this.requestRecompute(r.event_id, trigger, null, PROFILE_CHANGE_DEBOUNCE_MS);
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
    const [{ n }] = await this.db.query<{ n: string }[]>('SELECT count(*) AS n FROM event_participants WHERE event_id = $1', [run.eventId]);
    const participants = run.organisationId ? 1 : Number(n);
    const shards = run.organisationId ? 1 : Math.max(1, Math.ceil(participants / this.config.matching.shardSize));
    await runs.update(run.id, { status: 'running', startedAt: new Date(), generation, progress: 0, error: null, shardsTotal: shards, doneShards: [], participants, pairsScored: '0' });
    if (shards === 1) return this.computeShard(run.id, 0, ctx);
    for (let shard = 0; shard < shards; shard++) {
      await this.queue.enqueue(JobName.MatchingShard, { runId: run.id, shard }, { dedupeKey: `matching:${run.id}:${generation}:${shard}` });
    }
    return { eventId: run.eventId, shards };
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
      const pool = await this.pools.load(run.eventId);
      const weights = await this.weights.effective(run.eventId);
      const scorer = createPairScorer(weights.weights, pool.ctx);
      // Shards interleave the participants by id (an edit elsewhere never moves one to another shard);
      // a shard computes its lists in the pool's matching order, where consecutive queries are alike.
      const all = run.organisationId ? [run.organisationId].filter((id) => pool.byId.has(id)) : pool.profiles.map((p) => p.id).sort();
      const mine = new Set(all.filter((_, i) => i % run.shardsTotal === shard));
      const queryIds = pool.profiles.map((p) => p.id).filter((id) => mine.has(id));
      const options = { k: pool.event.suggestionsK, weights: weights.weights, ctx: pool.ctx };
      const progress = (done: number) => ctx.progress((0.9 * done) / Math.max(1, queryIds.length), { shard, shards: run.shardsTotal });
      const lists = new Map<string, { candidateId: string }[]>();
      let pairsScored = 0;
      let threads = 1;
      const searchStarted = Date.now();
      if (this.threads.available) {
        // The same exact lists, computed by this process's threads (MATCHING_THREADS), in query order.
        const r = await this.threads.compute(pool.profiles, queryIds, options, { index: pool.index, progress: { every: BATCH, report: progress } });
        for (const [id, list] of r.lists) lists.set(id, list);
        pairsScored = r.stats.pairsScored;
        threads = r.perThread.length;
      } else {
        for (let i = 0; i < queryIds.length; i += BATCH) {
          const batch = computeMatchLists(pool.index, queryIds.slice(i, i + BATCH), options);
          for (const [id, list] of batch.lists) lists.set(id, list);
          pairsScored += batch.stats.pairsScored;
          await progress(Math.min(i + BATCH, queryIds.length));
        }
      }
      const searchMs = Date.now() - searchStarted;
      // Written in id order whatever the query order, so row locks are always taken in one order.
      const rows = [...lists.entries()].sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0)).map(([orgId, ranked]) => ({
        org: orgId,
        suggestions: ranked.map(({ candidateId: id }): StoredSuggestion => {
          const explained = scorer.explain(pool.byId.get(orgId)!, pool.byId.get(id)!);
          return { organisationId: id, score: explained.score, interpreterNeeded: explained.interpreterNeeded, breakdown: explained.breakdown, reasons: explained.reasons ?? [] };
        }),
      }));
      const finished = await this.db.transaction(async (tx) => {
        for (let i = 0; i < rows.length; i += 200) {
          await tx.query(
            `INSERT INTO match_lists (event_id, organisation_id, generation, weight_set_id, weight_version, weight_scope, suggestions, computed_at)
             SELECT $1, x.org, $2, $3, $4, $5, x.suggestions, now()
               FROM jsonb_to_recordset($6::jsonb) AS x(org uuid, suggestions jsonb)
             ON CONFLICT (event_id, organisation_id) DO UPDATE
               SET generation = EXCLUDED.generation, weight_set_id = EXCLUDED.weight_set_id, weight_version = EXCLUDED.weight_version,
                   weight_scope = EXCLUDED.weight_scope, suggestions = EXCLUDED.suggestions, computed_at = EXCLUDED.computed_at
             WHERE match_lists.generation < EXCLUDED.generation`,
            [run.eventId, run.generation, weights.id, weights.version, weights.scope, JSON.stringify(rows.slice(i, i + 200))],
          );
        }
        // For UPDATE, TypeORM's raw query answers [rows, affected count].
        const [marked]: [{ done: number; total: number }[], number] = await tx.query(
          `UPDATE match_runs SET done_shards = array_append(done_shards, $2), pairs_scored = pairs_scored + $3,
                  progress = (cardinality(done_shards) + 1)::real / shards_total, weight_version = $4
            WHERE id = $1 AND NOT ($2 = ANY(done_shards)) RETURNING cardinality(done_shards) AS done, shards_total AS total`,
          [run.id, shard, pairsScored, weights.version],
        );
        if (marked.length === 0 || marked[0].done < marked[0].total) return false;
        if (!run.organisationId) {
          // Lists of organisations that left the event go, unless a newer run wrote them.
          await tx.query(
            `DELETE FROM match_lists m WHERE m.event_id = $1 AND m.generation < $2
               AND NOT EXISTS (SELECT 1 FROM event_participants ep WHERE ep.event_id = m.event_id AND ep.organisation_id = m.organisation_id)`,
            [run.eventId, run.generation],
          );
        }
        await tx.query(
          `UPDATE match_runs SET status = 'completed', progress = 1, finished_at = now(),
                  duration_ms = (extract(epoch from now() - started_at) * 1000)::int WHERE id = $1`,
          [run.id],
        );
        return true;
      });
      await ctx.progress(1);
      return { eventId: run.eventId, shard, lists: rows.length, pairsScored, threads, searchMs, ms: Date.now() - started, runCompleted: finished };
    } catch (error) {
      await runs.update(run.id, { status: 'failed', error: (error as Error).message, finishedAt: new Date() });
      throw error;
    }
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
