import { createHash } from 'node:crypto';
import type { EventEntity } from '../events/event.entity';
import type { Slot } from '../events/event-slots';
import { slotsOf } from '../events/events.service';
import { REMOVED_ORGANISATION } from './agenda-format';

// Pure rules for publishing a draft against the event's current set-up: meetings refer to slots by
// index and to tables by number, so a draft only means what it meant when it was computed while the
// slot grid and the tables are those it was computed for.

/**
 * The set-up a schedule is computed for: every slot's start and end instant and session, in grid
 * order, and the table count. Equal fingerprints: every slot index and table number means the same.
 */
export function setupFingerprint(slots: readonly Slot[], tables: number): string {
  const canonical = JSON.stringify({ tables, slots: slots.map((s) => [s.startUtc, s.endUtc, s.session]) });
  return createHash('sha256').update(canonical).digest('hex');
}

/** What of an event its set-up fingerprint covers: the slot grid's inputs and the tables. */
export type EventSetup = Pick<EventEntity, 'days' | 'startsOn' | 'slotMinutes' | 'breakMinutes' | 'timeZone' | 'tables'>;

/** The fingerprint of the event's set-up as it is now (what a run made now would record). */
export function eventSetupFingerprint(event: EventSetup): string {
  return setupFingerprint(slotsOf(event), event.tables);
}

export const SETUP_CHANGED = "the event's slots or tables changed since this schedule was made; schedule again";

/**
 * Whether the locks of a schedule made for set-up `made` hold for the event's `current` one. Not when
 * it was made for another: its slot indexes and table numbers now mean other times and tables, so its
 * locks are no locks any more. A schedule stored before runs recorded their set-up (null) cannot tell;
 * its locks are checked one by one against the slots and tables the event still has.
 */
export function locksHold(made: string | null, current: string): boolean {
  return made === null || made === current;
}

/**
 * The one warning of a run whose lock source was made for another set-up: how many of its locks are
 * not kept (locked meetings, and meetings a lock kept at their slot when they moved to an own table).
 */
export function locksForAnotherSetup(scheduleId: string, locked: number, held: number): string {
  const what = [
    locked > 0 ? `${locked} locked meeting${locked > 1 ? 's' : ''}` : '',
    held > 0 ? `${held} meeting${held > 1 ? 's' : ''} a lock kept at ${held > 1 ? 'their' : 'its'} slot` : '',
  ].filter((s) => s !== '');
  return `${what.join(' and ')} of schedule ${scheduleId} ${locked + held > 1 ? 'are' : 'is'} not kept: the event's slots or tables changed since schedule ${scheduleId} was made`;
}

/** Meetings of a schedule outside the event's current grid or tables: how many, and the first (by slot, table). */
export interface MeetingsOutside {
  n: number;
  slot: number;
  table: number;
  aName: string | null;
  bName: string | null;
}

/** Why a schedule stored without a fingerprint does not fit the event's current slots and tables. */
export function outsideProblem(outside: MeetingsOutside, slotCount: number, tables: number): string {
  const e = outside;
  return (
    `the event's slots or tables changed since this schedule was made: ${e.n} of its meetings are in slots or at tables the event no longer has ` +
    `(it has slots 0 to ${slotCount - 1} and tables 1 to ${tables}), e.g. slot ${e.slot}, table ${e.table}: ${e.aName ?? REMOVED_ORGANISATION} – ${e.bName ?? REMOVED_ORGANISATION}; schedule again`
  );
}

/** An organisation with meetings in the schedule that no longer takes part in the event. */
export interface Departed {
  id: string;
  /** Null when the organisation itself is gone. */
  name: string | null;
}

const NAMED = 5;

/** Why a schedule with meetings of departed organisations is not published; names them (the first few). */
export function departedProblem(meetings: number, departed: readonly Departed[]): string {
  const named = departed.slice(0, NAMED).map((d) => (d.name !== null ? `${d.name} (${d.id})` : `${REMOVED_ORGANISATION} ${d.id}`));
  const more = departed.length > NAMED ? ` and ${departed.length - NAMED} more` : '';
  const who = named.length > 1 && !more ? `${named.slice(0, -1).join(', ')} and ${named.at(-1)}` : named.join(', ') + more;
  return `${meetings} of its meetings involve ${who}, who no longer take${departed.length > 1 ? '' : 's'} part in the event; schedule again`;
}
