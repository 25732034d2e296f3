import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { createPairScorer, type ScoringEnvironment, type ScoringProfile } from '../scoring/core';
import { WeightsService } from '../scoring/weights.service';
import { IdfTable, type StoredIdf } from '../text';
import { applyChange, forkIndex, lowBarFor, MatchListStore, type MatchEntry, type MatchIndex, type MatchOptions } from './core';
import { EventPoolService, PARTICIPANT_BASIS, PARTICIPANT_FROM, runIdfKey } from './event-pool.service';
import type { ReserveEntry } from './match-list.entity';
import { listRow, lockEventLists, upsertLists } from './match-list-writes';
import type { MatchRunEntity } from './match-run.entity';

/** Ranks every stored list keeps after the k shown: a change that drops a suggestion promotes the first. */
export const LIST_RESERVE = 10;

/** The stored lists with their reserves (ids and exact scores), as a list store. */
export async function loadListStore(tx: EntityManager, eventId: string, k: number, lowBar: number): Promise<MatchListStore> {
  // Two JSON arrays per list (ids, scores): several times faster to read than the suggestions or unnested arrays.
  const rows: { id: string; ids: string[]; scores: number[]; reserve: ReserveEntry[] }[] = await tx.query(
    `SELECT organisation_id AS id, jsonb_path_query_array(suggestions, '$[*].organisationId') AS ids,
            jsonb_path_query_array(suggestions, '$[*].score') AS scores, reserve
       FROM match_lists WHERE event_id = $1`,
    [eventId],
  );
  const store = new MatchListStore(k, lowBar, LIST_RESERVE);
  for (const r of rows) {
    store.set(
      r.id,
      r.ids.map((candidateId, i) => ({ candidateId, score: r.scores[i] })),
      r.reserve.map((e) => ({ candidateId: e.organisationId, score: e.score })),
    );
  }
  return store;
}

/**
 * The pending changes of an event's lists, compared in the database: participants with no list, lists
 * recorded at another basis than their owner's profile now or at none, lists of those who have left,
 * and `also` (e.g. the match state's pending ids) unless their list is current. Sorted; with the
 * number of participants.
 */
export async function staleLists(tx: EntityManager, eventId: string, also: readonly string[]): Promise<{ participants: number; changes: string[] }> {
  const [row] = await tx.query<{ participants: number; changes: string[] }[]>(
    `WITH p AS (SELECT o.id, ${PARTICIPANT_BASIS} AS basis ${PARTICIPANT_FROM}),
          l AS (SELECT organisation_id AS id, basis FROM match_lists WHERE event_id = $1),
          d AS (SELECT coalesce(p.id, l.id) AS id, coalesce(l.basis = p.basis, false) AS current FROM p FULL JOIN l ON l.id = p.id)
     SELECT (SELECT count(*)::int FROM p) AS participants,
            ARRAY(SELECT id::text FROM d WHERE NOT current
                  UNION SELECT x::text FROM unnest($2::uuid[]) AS x WHERE NOT EXISTS (SELECT 1 FROM d WHERE d.id = x AND d.current)) AS changes`,
    [eventId, also],
  );
  return { participants: row.participants, changes: row.changes.sort() };
}

/** What a change run did, or why the event needs a full run (or must wait for one). */
export type ChangesOutcome =
  | { outcome: 'applied'; changes: number; listsWritten: number; listsDeleted: number; pairsScored: number; warm: boolean; participants: number; weightVersion: number }
  | { outcome: 'full'; reason: string }
  | { outcome: 'wait'; reason: string };

/** An event's lists as this process last wrote them: the index and store they were computed from. */
interface WarmLists {
  /** match_states version and generation (idf) these are current with. */
  version: string;
  generation: string;
  weightSetId: string;
  k: number;
  env: ScoringEnvironment;
  index: MatchIndex;
  store: MatchListStore;
}

/** Changes to apply at once; beyond this share of the participants a full run is cheaper. */
function changeLimit(participants: number): number {
  return Math.max(20, Math.ceil(participants / 20));
}

/**
 * Applies profile changes (edits, joins, leaves) to an event's stored lists without recomputing
 * them all. Every stored list records the basis of its owner's profile that all lists reflect; a
 * participant whose basis differs (or who has no list, or has left, or whom the event's match state
 * names as pending) is a pending change. Each is
 * applied with the incremental core (applyChange: the changed profile's own list, every list it
 * leaves or enters, reserve entries promoted), against the idf of the full run that wrote the lists
 * (frozen until the next full run, so unchanged profiles keep their exact scores), and the changed
 * lists are written in one transaction under the event's list lock. The index and lists stay in
 * memory for the next change while nothing else writes the event's lists.
 */
@Injectable()
export class MatchChangesService {
  private readonly logger = new Logger('MatchChanges');
  private readonly warm = new Map<string, WarmLists>();
  private static readonly MAX_WARM_EVENTS = 4;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly pools: EventPoolService,
    private readonly weights: WeightsService,
  ) {}

  async apply(run: MatchRunEntity): Promise<ChangesOutcome> {
    const eventId = run.eventId;
    try {
      return await this.db.transaction(async (tx) => {
        await lockEventLists(tx, eventId);
        const [latest] = await tx.query<{ status: string }[]>(
          `SELECT status FROM match_runs WHERE event_id = $1 AND kind = 'full' AND organisation_id IS NULL AND generation IS NOT NULL ORDER BY generation DESC LIMIT 1`,
          [eventId],
        );
        if (!latest) return { outcome: 'full', reason: 'no full run yet' };
        // A running full run writes lists with another idf: apply the changes to its result.
        if (latest.status === 'running') return { outcome: 'wait', reason: 'a full run is writing the lists' };
        if (latest.status !== 'completed') return { outcome: 'full', reason: `the last full run ${latest.status}` };
        const [state] = await tx.query<{ generation: string; version: string; weight_set_id: string; pending: string[] }[]>(
          'SELECT generation::text, version::text, weight_set_id, pending FROM match_states WHERE event_id = $1',
          [eventId],
        );
        if (!state) return { outcome: 'full', reason: 'the lists have no stored idf' };
        const weights = await this.weights.effective(eventId, tx);
        if (weights.id !== state.weight_set_id) return { outcome: 'full', reason: 'the weights changed' };

        const { participants, changes } = await staleLists(tx, eventId, state.pending);
        if (changes.length === 0) return { outcome: 'applied', changes: 0, listsWritten: 0, listsDeleted: 0, pairsScored: 0, warm: false, participants, weightVersion: weights.version };
        if (changes.length > changeLimit(participants)) return { outcome: 'full', reason: `${changes.length} profiles changed` };

        const ctx = await this.pools.contextOf(eventId, tx);
        const k = await this.suggestionsK(tx, eventId);
        const options: MatchOptions = { k, weights: weights.weights, ctx };
        let lists = this.warm.get(eventId);
        const warm = lists !== undefined && lists.version === state.version && lists.generation === state.generation && lists.weightSetId === state.weight_set_id && lists.k === k;
        // The profiles to apply, and the basis each was read at (recorded with its list).
        const applied = new Map<string, { profile: ScoringProfile | null; basis: string | null }>();
        if (warm) {
          const fresh = await this.pools.prepareMembers(eventId, changes, lists!.env, tx);
          const byId = new Map(fresh.profiles.map((p) => [p.id, p]));
          for (const id of changes) applied.set(id, { profile: byId.get(id) ?? null, basis: fresh.bases.get(id) ?? null });
        } else {
          // Cold: the pool as it is now, with the lists' idf, already holds every change.
          const [{ idf }] = await tx.query<{ idf: StoredIdf }[]>('SELECT idf FROM match_states WHERE event_id = $1', [eventId]);
          const pool = await this.pools.load(eventId, { key: runIdfKey(state.generation), idf: IdfTable.fromStored(idf) }, tx);
          // The changes update it: not the pool's (shared with its other readers).
          const index = pool.ownIndex();
          lists = { version: state.version, generation: state.generation, weightSetId: state.weight_set_id, k, env: pool.env, index, store: await loadListStore(tx, eventId, k, lowBarFor(options)) };
          for (const id of changes) applied.set(id, { profile: index.profile(id) ?? null, basis: pool.bases.get(id) ?? null });
        }
        // The in-memory copy is mutated from here on: dropped unless the write commits.
        this.warm.delete(eventId);
        const { index, store } = lists!;
        const changed = new Set<string>();
        let pairsScored = 0;
        for (const id of changes) {
          const r = applyChange(index, store, options, id, applied.get(id)!.profile);
          for (const q of r.changed) changed.add(q);
          pairsScored += r.pairsScored;
        }
        const scorer = createPairScorer(weights.weights, ctx);
        const rows = [...changed]
          .filter((q) => store.lists.has(q) && index.has(q))
          .sort()
          .map((q) => listRow(q, store.ranked(q), k, applied.get(q)?.basis ?? null, scorer, (id) => index.profile(id)!));
        const left = changes.filter((id) => !index.has(id));
        await upsertLists(tx, eventId, run.generation!, weights, rows);
        if (left.length > 0) await tx.query('DELETE FROM match_lists WHERE event_id = $1 AND organisation_id = ANY($2::uuid[])', [eventId, left]);
        const [[{ version }]] = await tx.query<[{ version: string }[], number]>(`UPDATE match_states SET version = version + 1, pending = '{}', updated_at = now() WHERE event_id = $1 RETURNING version::text`, [eventId]);
        this.keep(eventId, { ...lists!, version });
        this.logger.log(`event ${eventId}: applied ${changes.length} change(s) to the lists ${warm ? 'kept in memory' : 'loaded'}; wrote ${rows.length}, deleted ${left.length}`);
        return { outcome: 'applied', changes: changes.length, listsWritten: rows.length, listsDeleted: left.length, pairsScored, warm, participants, weightVersion: weights.version };
      });
    } catch (error) {
      this.warm.delete(eventId);
      throw error;
    }
  }

  /**
   * Keeps the lists a full run has just written for every participant (all its shards computed in this
   * process) with the index they were computed over, so that the first change run after it starts
   * warm. `state`: the event's match state as the run's last transaction left it; `index` is copied
   * (its owner may share it).
   */
  adopt(
    eventId: string,
    state: { version: string; generation: string; weightSetId: string },
    run: { k: number; options: MatchOptions; env: ScoringEnvironment; index: MatchIndex; ranked: ReadonlyMap<string, MatchEntry[]> },
  ): void {
    const kept = this.warm.get(eventId);
    // A change run of this process may have written (and kept) newer lists meanwhile.
    if (kept && BigInt(kept.version) > BigInt(state.version)) return;
    const store = new MatchListStore(run.k, lowBarFor(run.options), LIST_RESERVE);
    for (const [id, ranked] of run.ranked) store.setRanked(id, ranked);
    this.keep(eventId, { ...state, k: run.k, env: run.env, index: forkIndex(run.index), store });
  }

  private async suggestionsK(tx: EntityManager, eventId: string): Promise<number> {
    const [{ k }] = await tx.query<{ k: number }[]>('SELECT suggestions_k AS k FROM events WHERE id = $1', [eventId]);
    return k;
  }

  private keep(eventId: string, lists: WarmLists): void {
    this.warm.delete(eventId);
    if (this.warm.size >= MatchChangesService.MAX_WARM_EVENTS) this.warm.delete(this.warm.keys().next().value!);
    this.warm.set(eventId, lists);
    this.logger.debug(`event ${eventId}: lists kept in memory at version ${lists.version}`);
  }
}
