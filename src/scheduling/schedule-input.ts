import type { Slot } from '../events/event-slots';
import type { MeetingInput, ParticipantInput, ScheduleInput } from './core';
import { locksForAnotherSetup } from './schedule-setup';

// Pure translation from what the database holds (the slot grid, the selected pairs with their
// sessions and representatives, participants' availability, parallel meetings and own tables, locks
// of the previous schedule) into the scheduler core's input. A participant meeting in parallel
// becomes one attendee per representative, so the core keeps one meeting per attendee and slot.

export interface PairRow {
  /** The selected pair's id: the core's meeting id. */
  id: string;
  a: string;
  b: string;
  /** Session the meeting is restricted to; null or absent: any. */
  session?: string | null;
  /** Representative (1-based) of a / b who attends, where the organisers chose one. */
  representativeA?: number | null;
  representativeB?: number | null;
}

export interface ParticipantRow {
  organisationId: string;
  /** The organisation's name: how the scheduler's reasons name it (default: its id). */
  name?: string;
  blockedSlots: number[];
  /** Sessions attended; null or absent: all. */
  sessions?: string[] | null;
  /** Meetings held at once, one per representative; absent: 1. */
  parallelMeetings?: number;
  /** Own table, 1-based; null or absent: none. */
  fixedTable?: number | null;
}

/** A meeting of the schedule the locks come from. */
export interface PreviousMeeting {
  a: string;
  b: string;
  slot: number;
  /** 1-based. */
  table: number;
  locked: boolean;
  fixedSlot: number | null;
  representativeA?: number | null;
  representativeB?: number | null;
  /** The organisations' names, for warnings about a lock that is dropped (a side may have left). */
  aName?: string | null;
  bName?: string | null;
}

/** Who an attendee of the core is: an organisation, or one of its representatives meeting in parallel. */
export interface Attendee {
  organisationId: string;
  /** 1-based; null when the organisation meets one partner at a time. */
  representative: number | null;
}

export interface BuiltInput {
  input: ScheduleInput;
  /** Pairs that cannot be scheduled at all (a side left the event), with the reason. */
  excluded: Array<{ pair: PairRow; reason: string }>;
  /** Core attendee id -> organisation and representative. */
  attendees: Map<string, Attendee>;
  lockedKept: number;
  locksDropped: number;
  warnings: string[];
}

export const pairKey = (a: string, b: string): string => (a < b ? `${a}|${b}` : `${b}|${a}`);

/** The core's id of an organisation's representative r (1-based) when it meets in parallel. */
export const attendeeId = (organisationId: string, representative: number): string => `${organisationId}#${representative}`;

const parallelOf = (p: ParticipantRow | undefined): number => Math.max(1, Math.floor(p?.parallelMeetings ?? 1));

/**
 * `previous`: the meetings of the schedule locks come from. `setupChangedSince`: that schedule's id when
 * it was made for other slots or tables than these; then none of its locks is kept (its slot indexes and
 * table numbers mean other times and tables now), and one warning says so.
 */
export function buildScheduleInput(
  slots: readonly Slot[],
  tables: number,
  pairs: readonly PairRow[],
  participants: readonly ParticipantRow[],
  source: readonly PreviousMeeting[],
  setupChangedSince: string | null = null,
): BuiltInput {
  const nSlots = slots.length;
  const members = new Map(participants.map((p) => [p.organisationId, p]));
  const warnings: string[] = [];
  const previous = setupChangedSince === null ? source : [];
  let lockedForAnotherSetup = 0;
  if (setupChangedSince !== null) {
    lockedForAnotherSetup = source.filter((m) => m.locked).length;
    const held = source.filter((m) => !m.locked && m.fixedSlot !== null).length;
    if (lockedForAnotherSetup + held > 0) warnings.push(locksForAnotherSetup(setupChangedSince, lockedForAnotherSetup, held));
  }
  const prev = new Map(previous.filter((m) => m.locked || m.fixedSlot !== null).map((m) => [pairKey(m.a, m.b), m]));
  const excluded: BuiltInput['excluded'] = [];
  const meetings: MeetingInput[] = [];
  // Per meeting: the representative each side asked for (explicitly, or kept from a lock).
  const wanted = new Map<string, { a: number | null; b: number | null }>();
  const seen = new Set<string>();
  let lockedKept = 0;
  // Why a lock of the previous schedule is not kept, by pair, where it is not simply unselected.
  const lockLost = new Map<string, string | null>();
  const ownTable = (orgId: string): number | null => {
    const p = members.get(orgId);
    return p?.fixedTable && p.fixedTable <= tables && parallelOf(p) === 1 ? p.fixedTable : null;
  };
  for (const pair of pairs) {
    const key = pairKey(pair.a, pair.b);
    const gone = [pair.a, pair.b].filter((id) => !members.has(id));
    if (gone.length > 0) {
      const reason = `${gone.join(' and ')} no longer take${gone.length > 1 ? '' : 's'} part in the event`;
      excluded.push({ pair, reason });
      if (!lockLost.has(key)) lockLost.set(key, reason);
      continue;
    }
    if (seen.has(key)) {
      excluded.push({ pair, reason: 'the pair is selected twice' });
      continue;
    }
    seen.add(key);
    const meeting: MeetingInput = { id: pair.id, a: pair.a, b: pair.b };
    if (pair.session) meeting.session = pair.session;
    const p = prev.get(key);
    const same = p?.a === pair.a;
    const fromLock = { a: (same ? p?.representativeA : p?.representativeB) ?? null, b: (same ? p?.representativeB : p?.representativeA) ?? null };
    if (p?.locked && p.slot < nSlots && p.table >= 1 && p.table <= tables) {
      const own = [ownTable(pair.a), ownTable(pair.b)].filter((t): t is number => t !== null);
      if (own.length > 0 && !own.includes(p.table)) {
        // An own table given after the lock: the meeting keeps its slot and moves to that table.
        meeting.fixedSlot = p.slot;
        warnings.push(`the locked meeting of ${pair.a} and ${pair.b} keeps slot ${p.slot} but leaves table ${p.table} for the own table ${own.join(' or ')}`);
        lockLost.set(key, null);
      } else {
        meeting.locked = { slot: p.slot, table: p.table - 1 };
        lockedKept++;
      }
    } else if (p?.locked) {
      lockLost.set(key, `slot ${p.slot} or table ${p.table} no longer exists (the event has ${nSlots} slots and ${tables} tables)`);
    }
    if (p && p.fixedSlot !== null && p.fixedSlot < nSlots && !meeting.locked) meeting.fixedSlot = p.fixedSlot;
    wanted.set(pair.id, { a: pair.representativeA ?? (p?.locked ? fromLock.a : null), b: pair.representativeB ?? (p?.locked ? fromLock.b : null) });
    meetings.push(meeting);
  }

  const attendees = new Map<string, Attendee>();
  const participantInputs: ParticipantInput[] = [];
  for (const p of [...members.values()].sort((x, y) => (x.organisationId < y.organisationId ? -1 : 1))) {
    const base: Omit<ParticipantInput, 'id'> = { forbiddenSlots: p.blockedSlots.filter((s) => s >= 0 && s < nSlots) };
    const name = p.name ?? p.organisationId;
    if (p.sessions) base.sessions = p.sessions;
    const k = parallelOf(p);
    if (k === 1) {
      const table = ownTable(p.organisationId);
      participantInputs.push({ id: p.organisationId, name, ...base, ...(table !== null ? { fixedTable: table - 1 } : {}) });
      attendees.set(p.organisationId, { organisationId: p.organisationId, representative: null });
      continue;
    }
    for (let r = 1; r <= k; r++) {
      participantInputs.push({ id: attendeeId(p.organisationId, r), name: `${name} (representative ${r})`, ...base });
      attendees.set(attendeeId(p.organisationId, r), { organisationId: p.organisationId, representative: r });
    }
  }
  assignRepresentatives(meetings, members, wanted, warnings);

  const lockedBefore = previous.filter((m) => m.locked);
  const name = (id: string, stored: string | null | undefined): string => members.get(id)?.name ?? stored ?? id;
  // Every lock not kept is named: organisers locked it on purpose, a count alone does not say which.
  for (const m of lockedBefore) {
    const key = pairKey(m.a, m.b);
    if (seen.has(key) && !lockLost.has(key)) continue;
    const reason = lockLost.has(key) ? lockLost.get(key) : 'the pair is no longer selected';
    if (reason === null) continue; // kept its slot on another table: warned above
    warnings.push(`the locked meeting of ${name(m.a, m.aName)} and ${name(m.b, m.bName)} (slot ${m.slot}, table ${m.table}) is dropped: ${reason}`);
  }
  return {
    // Reasons name slots by local day and time.
    input: { nSlots, slotSessions: slots.map((s) => s.session), slotNames: slots.map((s) => `${s.day} ${s.start}`), tables, participants: participantInputs, meetings },
    excluded,
    attendees,
    lockedKept,
    locksDropped: lockedBefore.length - lockedKept + lockedForAnotherSetup,
    warnings,
  };
}

/**
 * Gives each meeting of an organisation meeting in parallel to one of its representatives: the one
 * asked for where valid, then pinned meetings to a representative free in that slot, then the rest
 * to the representative with the fewest meetings so far. Rewrites the meetings' sides to attendees.
 */
function assignRepresentatives(meetings: MeetingInput[], members: Map<string, ParticipantRow>, wanted: Map<string, { a: number | null; b: number | null }>, warnings: string[]): void {
  const load = new Map<string, number[]>(); // organisation -> meetings per representative (index r-1)
  const busy = new Set<string>(); // attendee@slot of pinned meetings
  const pinOf = (m: MeetingInput): number | undefined => m.locked?.slot ?? m.fixedSlot;
  const choose = (m: MeetingInput, side: 'a' | 'b'): void => {
    const orgId = m[side];
    const k = parallelOf(members.get(orgId));
    if (k === 1) return;
    const counts = load.get(orgId) ?? new Array<number>(k).fill(0);
    load.set(orgId, counts);
    const pin = pinOf(m);
    let r = wanted.get(m.id)?.[side] ?? null;
    if (r !== null && r > k) {
      warnings.push(`meeting ${m.id}: representative ${r} of ${orgId} asked for, but it meets with ${k} in parallel; the scheduler chooses`);
      r = null;
    }
    if (r === null) {
      let best = -1;
      for (let i = 0; i < k; i++) {
        if (pin !== undefined && busy.has(`${attendeeId(orgId, i + 1)}@${pin}`)) continue;
        if (best < 0 || counts[i] < counts[best]) best = i;
      }
      r = (best < 0 ? 0 : best) + 1;
    }
    counts[r - 1]++;
    if (pin !== undefined) busy.add(`${attendeeId(orgId, r)}@${pin}`);
    m[side] = attendeeId(orgId, r);
  };
  const explicit = (m: MeetingInput): boolean => wanted.get(m.id)?.a != null || wanted.get(m.id)?.b != null;
  const order = [...meetings].sort((x, y) => Number(explicit(y)) - Number(explicit(x)) || Number(pinOf(y) !== undefined) - Number(pinOf(x) !== undefined));
  for (const m of order) {
    choose(m, 'a');
    choose(m, 'b');
  }
}
