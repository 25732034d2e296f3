// Writes of an event's stored lists, shared by full runs (shards) and change runs.
import type { EntityManager } from 'typeorm';
import type { ComponentName, PairScorer, ScoringProfile } from '../scoring/core';
import type { EffectiveWeights } from '../scoring/weights.service';
import type { MatchEntry } from './core';
import type { ReserveEntry, StoredSuggestion } from './match-list.entity';

/** One list as written: the suggestions shown, the reserve after them, and its owner's basis (null: keep the stored one). */
export interface ListRow {
  org: string;
  suggestions: StoredSuggestion[];
  componentWeights: Partial<Record<ComponentName, number>>;
  reserve: ReserveEntry[];
  basis: string | null;
}

/**
 * A ranked run (list, then reserve) as stored: the first k with the search's exact scores and their
 * component values, the rest as reserve. `profile` finds a pool member by id.
 */
export function listRow(org: string, ranked: readonly MatchEntry[], k: number, basis: string | null, scorer: PairScorer, profile: (id: string) => ScoringProfile): ListRow {
  const a = profile(org);
  let componentWeights: ListRow['componentWeights'] = {};
  const suggestions = ranked.slice(0, k).map(({ candidateId, score }, i): StoredSuggestion => {
    const scored = scorer.score(a, profile(candidateId));
    // The weights depend on the context only: every suggestion of the list has the same.
    if (i === 0) componentWeights = Object.fromEntries(scored.breakdown.map((c) => [c.component, c.weight]));
    return { organisationId: candidateId, score, interpreterNeeded: scored.interpreterNeeded, values: scored.breakdown.map((c) => c.value) };
  });
  return { org, suggestions, componentWeights, reserve: ranked.slice(k).map(({ candidateId, score }): ReserveEntry => ({ organisationId: candidateId, score })), basis };
}

/**
 * Takes the event's match-list lock for the caller's transaction: list writes of full runs and change
 * runs of one event never interleave (a change run reads the lists, applies changes, writes them).
 */
export async function lockEventLists(tx: EntityManager, eventId: string): Promise<void> {
  await tx.query(`SELECT pg_advisory_xact_lock(hashtextextended('match-lists:' || $1, 0))`, [eventId]);
}

/** Upserts lists in the caller's transaction; a row written by a newer run (higher generation) is kept. */
export async function upsertLists(tx: EntityManager, eventId: string, generation: string, weights: EffectiveWeights, rows: readonly ListRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 200) {
    await tx.query(
      `INSERT INTO match_lists (event_id, organisation_id, generation, weight_set_id, weight_version, weight_scope, suggestions, component_weights, reserve, basis, computed_at)
       SELECT $1, x.org, $2, $3, $4, $5, x.suggestions, x."componentWeights", x.reserve, x.basis, now()
         FROM jsonb_to_recordset($6::jsonb) AS x(org uuid, suggestions jsonb, "componentWeights" jsonb, reserve jsonb, basis text)
       ON CONFLICT (event_id, organisation_id) DO UPDATE
         SET generation = EXCLUDED.generation, weight_set_id = EXCLUDED.weight_set_id, weight_version = EXCLUDED.weight_version,
             weight_scope = EXCLUDED.weight_scope, suggestions = EXCLUDED.suggestions, component_weights = EXCLUDED.component_weights, reserve = EXCLUDED.reserve,
             basis = coalesce(EXCLUDED.basis, match_lists.basis), computed_at = EXCLUDED.computed_at
       WHERE match_lists.generation < EXCLUDED.generation`,
      [eventId, generation, weights.id, weights.version, weights.scope, JSON.stringify(rows.slice(i, i + 200))],
    );
  }
}
