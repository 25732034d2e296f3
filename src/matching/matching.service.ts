import { Injectable, Logger, NotFoundException } from '@nestjs/common';
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
    private readonly queue: QueueService,
    private readonly pools: EventPoolService,
    private readonly weights: WeightsService,
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

  @JobHandler(JobName.MatchingRecompute)
  async handleRecompute(data: JobData<JobName.MatchingRecompute>, ctx: JobContext): Promise<Record<string, unknown>> {
    const runs = this.db.getRepository(MatchRunEntity);
    const run = await runs.findOneBy({ id: data.runId });
    if (!run) return { skipped: 'run no longer exists' };
    if (run.status === 'completed') return { skipped: 'already completed' };
    const started = Date.now();
    // The generation is taken when the run starts: a run that started later always wins.
    const [{ generation }] = await this.db.query<{ generation: string }[]>(`SELECT nextval('match_generation_seq')::text AS generation`);
    await runs.update(run.id, { status: 'running', startedAt: new Date(started), generation, progress: 0, error: null });
    try {
      const pool = await this.pools.load(run.eventId);
      const weights = await this.weights.effective(run.eventId);
      const scorer = createPairScorer(weights.weights, pool.ctx);
      const queryIds = run.organisationId ? [run.organisationId].filter((id) => pool.byId.has(id)) : pool.profiles.map((p) => p.id);
      const lists = new Map<string, { candidateId: string }[]>();
      let pairsScored = 0;
      for (let i = 0; i < queryIds.length; i += BATCH) {
        const batch = computeMatchLists(pool.index, queryIds.slice(i, i + BATCH), { k: pool.event.suggestionsK, weights: weights.weights, ctx: pool.ctx });
        for (const [id, list] of batch.lists) lists.set(id, list);
        pairsScored += batch.stats.pairsScored;
        const done = Math.min(i + BATCH, queryIds.length);
        await runs.update(run.id, { progress: (0.9 * done) / queryIds.length });
        await ctx.progress((0.9 * done) / queryIds.length, { done, total: queryIds.length });
      }
      const rows = [...lists.entries()].map(([orgId, ranked]) => ({
        orgId,
        suggestions: ranked.map(({ candidateId: id }): StoredSuggestion => {
          const explained = scorer.explain(pool.byId.get(orgId)!, pool.byId.get(id)!);
          return { organisationId: id, score: explained.score, interpreterNeeded: explained.interpreterNeeded, breakdown: explained.breakdown, reasons: explained.reasons ?? [] };
        }),
      }));
      await this.db.transaction(async (tx) => {
        for (let i = 0; i < rows.length; i += 200) {
          const chunk = rows.slice(i, i + 200);
          await tx.query(
            `INSERT INTO match_lists (event_id, organisation_id, generation, weight_set_id, weight_version, weight_scope, suggestions, computed_at)
             SELECT $1, x.org, $2, $3, $4, $5, x.suggestions, now()
               FROM jsonb_to_recordset($6::jsonb) AS x(org uuid, suggestions jsonb)
             ON CONFLICT (event_id, organisation_id) DO UPDATE
               SET generation = EXCLUDED.generation, weight_set_id = EXCLUDED.weight_set_id, weight_version = EXCLUDED.weight_version,
                   weight_scope = EXCLUDED.weight_scope, suggestions = EXCLUDED.suggestions, computed_at = EXCLUDED.computed_at
             WHERE match_lists.generation < EXCLUDED.generation`,
            [run.eventId, generation, weights.id, weights.version, weights.scope, JSON.stringify(chunk.map((r) => ({ org: r.orgId, suggestions: r.suggestions })))],
          );
        }
        if (!run.organisationId) {
          // Lists of organisations that left the event go, unless a newer run wrote them.
          await tx.query(
            `DELETE FROM match_lists m WHERE m.event_id = $1 AND m.generation < $2
               AND NOT EXISTS (SELECT 1 FROM event_participants ep WHERE ep.event_id = m.event_id AND ep.organisation_id = m.organisation_id)`,
            [run.eventId, generation],
          );
        }
        await tx.getRepository(MatchRunEntity).update(run.id, {
          status: 'completed',
          progress: 1,
          participants: queryIds.length,
          pairsScored: String(pairsScored),
          weightVersion: weights.version,
          finishedAt: new Date(),
          durationMs: Date.now() - started,
        });
      });
      await ctx.progress(1);
      return { eventId: run.eventId, lists: rows.length, pairsScored, ms: Date.now() - started };
    } catch (error) {
      await runs.update(run.id, { status: 'failed', error: (error as Error).message, finishedAt: new Date(), durationMs: Date.now() - started });
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
