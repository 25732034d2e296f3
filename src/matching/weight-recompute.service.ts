import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { WeightSetResponse } from '../scoring/dto/weights.dto';
import { GLOBAL_SCOPE, type OnNewVersion } from '../scoring/weights.service';
import { MatchingService } from './matching.service';

// An event's latest own weight version (none: `own` is null), and whether the event follows the global
// weights then: no own versions, or the latest is a marker (WeightsService.effective).
const OWN_LATEST_WEIGHTS = `LEFT JOIN LATERAL (SELECT w.id, w.follows_global FROM weight_sets w WHERE w.scope = 'event:' || e.id::text ORDER BY w.version DESC LIMIT 1) own ON true`;
const FOLLOWS_GLOBAL = 'own.follows_global IS NOT false';

/** Which events a weight change affects, and their recomputation, kept with the change itself. */
@Injectable()
export class WeightRecomputeService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly matching: MatchingService,
  ) {}

  /**
   * Recomputes the events that follow the global weights: those without a set of their own, and those
   * whose latest own version is a marker "follows the global set" (WeightsService.effective).
   */
  async requestForEventsUsingGlobalWeights(trigger: string): Promise<number> {
    const ids = await eventsFollowingGlobal(this.db.manager);
    for (const id of ids) await this.matching.requestRecompute(id, trigger);
    return ids.length;
  }

  /**
   * Applies a weight change of `eventId`'s set (null: the global set) and recomputes the events it
   * affects. The runs are stored in the transaction that stores the version and enqueued once it has
   * committed, so a crash or Redis failure in between leaves waiting runs (started when the process
   * restarts, inline driver, or by the next request for the event) rather than events never recomputed.
   * A change that keeps the version in force (an idempotent PUT) recomputes the events whose lists are
   * still on other weights, so retrying a change heals it.
   */
  async recomputeForWeights(eventId: string | null, change: (onNew: OnNewVersion) => Promise<{ weightSet: WeightSetResponse; changed: boolean }>): Promise<{ weightSet: WeightSetResponse; changed: boolean; eventsRecomputing: number }> {
    let events: string[] = [];
    const { weightSet, changed } = await change(async (tx, version) => {
      events = await this.storeRunsForWeights(tx, eventId, weightsTrigger(version));
    });
    if (!changed) return { weightSet, changed, eventsRecomputing: await this.requestForListsOnOtherWeights(eventId, `${weightsTrigger(weightSet)} (lists on other weights)`) };
    // Absorbed by the runs just stored: this enqueues their jobs.
    for (const id of events) await this.matching.requestRecompute(id, weightsTrigger(weightSet));
    return { weightSet, changed, eventsRecomputing: events.length };
  }

  /**
   * Stores a waiting whole-event run, in `tx`, for `eventId` or (null) every event following the global
   * weights, unless one is waiting already. Their jobs are enqueued by requestRecompute. Returns the events.
   */
  private async storeRunsForWeights(tx: EntityManager, eventId: string | null, trigger: string): Promise<string[]> {
    const ids = eventId ? [eventId] : await eventsFollowingGlobal(tx);
    await tx.query(
      `INSERT INTO match_runs (event_id, organisation_id, status, kind, trigger)
       SELECT e.id, NULL, 'queued', 'full', $2 FROM unnest($1::uuid[]) AS e(id)
        WHERE NOT EXISTS (SELECT 1 FROM match_runs r WHERE r.event_id = e.id AND r.status = 'queued' AND r.kind = 'full' AND r.organisation_id IS NULL)`,
      [ids, trigger],
    );
    return ids;
  }

  /**
   * Recomputes the events whose stored lists are not all on the weights in force: `eventId`, or (null)
   * the events following the global weights. That is a weight change whose recompute was never asked
   * for, or never enqueued (a crash or Redis failure after the version was stored); an idempotent PUT
   * asks again, so retrying a change heals it. A run waiting for such an event absorbs the request (and
   * gets its job back). Returns how many events.
   */
  private async requestForListsOnOtherWeights(eventId: string | null, trigger: string): Promise<number> {
    const rows: { id: string }[] = await this.db.query(
      `SELECT e.id FROM events e ${OWN_LATEST_WEIGHTS}
         LEFT JOIN LATERAL (SELECT g.id FROM weight_sets g WHERE g.scope = 'global' ORDER BY g.version DESC LIMIT 1) glob ON true
        WHERE ${eventId ? 'e.id = $1' : FOLLOWS_GLOBAL}
          AND EXISTS (SELECT 1 FROM match_lists m WHERE m.event_id = e.id
                        AND m.weight_set_id IS DISTINCT FROM (CASE WHEN own.follows_global = false THEN own.id ELSE glob.id END))`,
      eventId ? [eventId] : [],
    );
    for (const r of rows) await this.matching.requestRecompute(r.id, trigger);
    return rows.length;
  }
}

/** The events following the global weights (no own versions, or the latest is a marker). */
async function eventsFollowingGlobal(db: Pick<EntityManager, 'query'>): Promise<string[]> {
  const rows: { id: string }[] = await db.query(`SELECT e.id FROM events e ${OWN_LATEST_WEIGHTS} WHERE ${FOLLOWS_GLOBAL}`);
  return rows.map((r) => r.id);
}

/** Why a run recomputes with a weight version: `global weights v3`, `event weights v2 (follows global)`. */
function weightsTrigger(v: WeightSetResponse): string {
  if (v.scope === GLOBAL_SCOPE) return `global weights v${v.version}`;
  return `event weights v${v.version}${v.followsGlobal ? ' (follows global)' : ''}`;
}
