import type { EntityManager } from 'typeorm';

/**
 * The event's current pair selection ($1: the event id): the newest, ties broken by the greater id.
 * Everything that reads "the current selection" (its GET, the pair PATCH, the carried-over settings,
 * the scheduler) uses this one order, so they never disagree about which selection it is.
 */
export const CURRENT_SELECTION_SQL = 'SELECT id FROM pair_selections WHERE event_id = $1 ORDER BY created_at DESC, id DESC LIMIT 1';

/** The id of the event's current pair selection, or null before the first one. */
export async function currentSelectionId(db: Pick<EntityManager, 'query'>, eventId: string): Promise<string | null> {
  const rows: { id: string }[] = await db.query(CURRENT_SELECTION_SQL, [eventId]);
  return rows[0]?.id ?? null;
}
