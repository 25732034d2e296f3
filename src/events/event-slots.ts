import { defaultSessions, LIMITS, type EventDay, type EventMeetingRule, type GroupPair } from './event-setup.types';

// Pure rules of an event's set-up: the slot grid derived from days × sessions × slot length, local
// time to UTC in the event's time zone, and the cross-field checks the DTOs cannot express.

/** One meeting slot. `index` is what availability and the scheduler refer to. */
export interface Slot {
  index: number;
  /** 0-based position of the day in the event. */
  dayIndex: number;
  day: string;
  session: string;
  /** Local "HH:MM" in the event's time zone. */
  start: string;
  end: string;
  startUtc: string;
  endUtc: string;
}

export interface SlotGridInput {
  days: EventDay[];
  slotMinutes: number;
  breakMinutes: number;
  timeZone: string;
}

export interface Problem {
  field: string;
  message: string;
}

export function toMinutes(hhmm: string): number {
  return Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
}

export function toHhmm(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/** The event's days: those stored, or (none stored) its first day with the default sessions. */
export function resolveDays(days: EventDay[] | null, startsOn: string): EventDay[] {
  return days && days.length > 0 ? days : [{ date: startsOn, sessions: defaultSessions() }];
}

/** Start minutes of the slots that fit into a session: back to back, each followed by the break. */
export function slotStarts(startMin: number, endMin: number, slotMinutes: number, breakMinutes: number): number[] {
  const starts: number[] = [];
  for (let t = startMin; t + slotMinutes <= endMin; t += slotMinutes + breakMinutes) starts.push(t);
  return starts;
}

/** How many slots the grid holds, without time-zone work (for validation). */
export function countSlots(days: EventDay[], slotMinutes: number, breakMinutes: number): number {
  let n = 0;
  for (const d of days) for (const s of d.sessions) n += slotStarts(toMinutes(s.start), toMinutes(s.end), slotMinutes, breakMinutes).length;
  return n;
}

export function deriveSlots({ days, slotMinutes, breakMinutes, timeZone }: SlotGridInput): Slot[] {
  const slots: Slot[] = [];
  days.forEach((day, dayIndex) => {
    for (const session of day.sessions) {
      for (const start of slotStarts(toMinutes(session.start), toMinutes(session.end), slotMinutes, breakMinutes)) {
        const end = start + slotMinutes;
        slots.push({
          index: slots.length,
          dayIndex,
          day: day.date,
          session: session.name,
          start: toHhmm(start),
          end: toHhmm(end),
          startUtc: new Date(localToUtc(day.date, start, timeZone)).toISOString(),
          endUtc: new Date(localToUtc(day.date, end, timeZone)).toISOString(),
        });
      }
    }
  });
  return slots;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** Offset of the zone from UTC at an instant, in milliseconds (east positive). */
function zoneOffsetMs(timeZone: string, utcMs: number): number {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' });
    formatters.set(timeZone, f);
  }
  const part = (parts: Intl.DateTimeFormatPart[], type: string): number => Number(parts.find((p) => p.type === type)!.value);
  const parts = f.formatToParts(new Date(utcMs));
  const asUtc = Date.UTC(part(parts, 'year'), part(parts, 'month') - 1, part(parts, 'day'), part(parts, 'hour') % 24, part(parts, 'minute'), part(parts, 'second'));
  return asUtc - Math.floor(utcMs / 1000) * 1000;
}

/**
 * The UTC instant of a local wall-clock time in a zone. A time skipped by a daylight-saving change is
 * read with the offset before the change (02:30 on a spring-forward night becomes 03:30).
 */
export function localToUtc(date: string, minutes: number, timeZone: string): number {
  const naive = Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) + minutes * 60_000;
  const o1 = zoneOffsetMs(timeZone, naive);
  const utc1 = naive - o1;
  const o2 = zoneOffsetMs(timeZone, utc1);
  if (o2 === o1) return utc1;
  const utc2 = naive - o2;
  if (zoneOffsetMs(timeZone, utc2) === o2) return utc2;
  // In a gap neither reading holds: the later instant is the wall time read with the earlier offset.
  return Math.max(utc1, utc2);
}

export function isValidDate(value: string): boolean {
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

/** An event's set-up after a create or update is applied, as checked before it is stored. */
export interface EventSetup {
  startsOn: string;
  endsOn: string;
  /** Null: the default (first day, default sessions). */
  days: EventDay[] | null;
  slotMinutes: number;
  breakMinutes: number;
  meetingRule: EventMeetingRule;
  groups: string[];
  groupPairs: GroupPair[];
  minMeetings: number;
  maxMeetings: number | null;
}

/** The rules across fields: dates, day order, session times, slot fit, groups, min ≤ max. */
export function checkEventSetup(s: EventSetup): Problem[] {
  const problems: Problem[] = [];
  const add = (field: string, message: string): void => void problems.push({ field, message });
  if (!isValidDate(s.startsOn)) add('startsOn', 'startsOn must be a calendar date (YYYY-MM-DD)');
  if (!isValidDate(s.endsOn)) add('endsOn', 'endsOn must be a calendar date (YYYY-MM-DD)');
  else if (s.endsOn < s.startsOn) add('endsOn', 'endsOn must not be before startsOn');

  const days = resolveDays(s.days, s.startsOn);
  days.forEach((day, i) => {
    if (!isValidDate(day.date)) return add(`days.${i}.date`, 'must be a calendar date (YYYY-MM-DD)');
    if (i > 0 && day.date <= days[i - 1].date) add(`days.${i}.date`, day.date === days[i - 1].date ? `${day.date} is listed twice` : 'days must be in date order');
    if (day.date < s.startsOn || day.date > s.endsOn) add(`days.${i}.date`, `${day.date} is outside the event (${s.startsOn} to ${s.endsOn})`);
    const names = new Set<string>();
    day.sessions.forEach((session, j) => {
      const at = `days.${i}.sessions.${j}`;
      if (names.has(session.name)) add(`${at}.name`, `session name ${session.name} is used twice on ${day.date}`);
      names.add(session.name);
      const [start, end] = [toMinutes(session.start), toMinutes(session.end)];
      if (end <= start) return add(`${at}.end`, `end (${session.end}) must be after start (${session.start})`);
      if (j > 0 && start < toMinutes(day.sessions[j - 1].end)) add(`${at}.start`, `starts before the previous session ends (${day.sessions[j - 1].end})`);
      if (end - start < s.slotMinutes) add(`${at}.end`, `the session (${session.start}–${session.end}) is shorter than one ${s.slotMinutes}-minute slot`);
    });
  });
  const slots = countSlots(days, s.slotMinutes, s.breakMinutes);
  if (slots > LIMITS.slots) add('days', `the days and sessions make ${slots} slots; at most ${LIMITS.slots} are allowed`);

  const groups = new Set<string>();
  s.groups.forEach((g, i) => {
    if (groups.has(g)) add(`groups.${i}`, `group ${g} is listed twice`);
    groups.add(g);
  });
  const pairs = new Set<string>();
  s.groupPairs.forEach((pair, i) => {
    if (!Array.isArray(pair) || pair.length !== 2 || pair.some((g) => typeof g !== 'string')) return add(`groupPairs.${i}`, 'each pair must be two group names');
    const unknown = pair.filter((g) => !groups.has(g));
    if (unknown.length) return add(`groupPairs.${i}`, `unknown group ${unknown.join(', ')} (not in groups)`);
    const key = [...pair].sort().join('\u0000');
    if (pairs.has(key)) add(`groupPairs.${i}`, `the pair ${pair.join(' × ')} is listed twice`);
    pairs.add(key);
  });
  if (s.meetingRule === 'groups') {
    if (s.groups.length === 0) add('groups', 'the groups rule needs at least one named group');
    if (s.groupPairs.length === 0) add('groupPairs', 'the groups rule needs at least one allowed pair of groups');
  }
  if (s.maxMeetings !== null && s.minMeetings > s.maxMeetings) add('minMeetings', `minMeetings (${s.minMeetings}) must not exceed maxMeetings (${s.maxMeetings})`);
  return problems;
}

/** The session names an event's days use, in order of first appearance. */
export function sessionNamesOf(days: readonly EventDay[]): string[] {
  return [...new Set(days.flatMap((d) => d.sessions.map((s) => s.name)))];
}

/** A participant's own settings as checked against its event. */
export interface ParticipantSetup {
  group: string | null;
  minMeetings: number | null;
  maxMeetings: number | null;
  representatives: number;
  representativeNames: string[];
  blockedSlots: number[];
  /** Sessions attended; null: all. */
  sessions: string[] | null;
  parallelMeetings: number;
  /** 1-based; null: none. */
  fixedTable: number | null;
}

export interface ParticipantEventContext {
  groups: string[];
  minMeetings: number;
  maxMeetings: number | null;
  slotCount: number;
  sessionNames: string[];
  tables: number;
}

export function checkParticipantSetup(p: ParticipantSetup, event: ParticipantEventContext, prefix = '', changed: ReadonlySet<string> = new Set()): Problem[] {
  const problems: Problem[] = [];
  const add = (field: string, message: string): void => void problems.push({ field: prefix + field, message });
  if (p.group !== null && !event.groups.includes(p.group)) {
    add('group', event.groups.length ? `unknown group ${p.group} (the event's groups: ${event.groups.join(', ')})` : `the event has no groups; define them first`);
  }
  const min = p.minMeetings ?? event.minMeetings;
  const max = p.maxMeetings ?? event.maxMeetings;
  if (max !== null && min > max) add(p.maxMeetings !== null ? 'maxMeetings' : 'minMeetings', `the minimum (${min}) must not exceed the maximum (${max})`);
  if (p.representativeNames.length > p.representatives) add('representativeNames', `${p.representativeNames.length} names for ${p.representatives} representative(s)`);
  const seen = new Set<number>();
  p.blockedSlots.forEach((index, i) => {
    if (index >= event.slotCount) add(`blockedSlots.${i}`, `no slot ${index}: the event has ${event.slotCount} slots (0 to ${event.slotCount - 1})`);
    else if (seen.has(index)) add(`blockedSlots.${i}`, `slot ${index} is listed twice`);
    seen.add(index);
  });
  const sessions = new Set<string>();
  (p.sessions ?? []).forEach((name, i) => {
    if (!event.sessionNames.includes(name)) add(`sessions.${i}`, `unknown session ${name} (the event's sessions: ${event.sessionNames.join(', ')})`);
    else if (sessions.has(name)) add(`sessions.${i}`, `session ${name} is listed twice`);
    sessions.add(name);
  });
  if (p.parallelMeetings > p.representatives) {
    // Name the field the caller changed: a participant lowering its representatives cannot change parallelMeetings.
    const field = changed.has('representatives') && !changed.has('parallelMeetings') ? 'representatives' : 'parallelMeetings';
    add(field, `${p.parallelMeetings} meetings at once need as many representatives; ${p.representatives} are sent`);
  }
  if (p.fixedTable !== null) {
    if (p.fixedTable > event.tables) add('fixedTable', `no table ${p.fixedTable}: the event has ${event.tables} tables (1 to ${event.tables})`);
    if (p.parallelMeetings > 1) add(changed.has('parallelMeetings') && !changed.has('fixedTable') ? 'parallelMeetings' : 'fixedTable', 'a participant with its own table meets one partner at a time (parallelMeetings must be 1)');
  }
  return problems;
}

/**
 * Carries blocked slots over to a new grid by time: a new slot is blocked when it overlaps a slot
 * that was blocked. Availability is about when a participant is away, not about slot numbers, and it
 * is read in the event's local time (correcting the time zone keeps "away 09:00–10:00" as it was).
 */
export function remapBlockedSlots(oldSlots: Slot[], newSlots: Slot[], blocked: number[]): number[] {
  const local = (s: Slot): [number, number] => [Date.parse(`${s.day}T${s.start}:00Z`), Date.parse(`${s.day}T${s.end}:00Z`)];
  const intervals = blocked.map((i) => oldSlots[i]).filter((s): s is Slot => s !== undefined).map(local);
  return newSlots
    .filter((s) => {
      const [a, b] = local(s);
      return intervals.some(([x, y]) => a < y && x < b);
    })
    .map((s) => s.index);
}

/** Whether two grids hold the same slots at the same local times. */
export function sameGrid(a: Slot[], b: Slot[]): boolean {
  return a.length === b.length && a.every((s, i) => s.day === b[i].day && s.start === b[i].start && s.end === b[i].end);
}
