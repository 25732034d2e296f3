import { defaultSessions, ISO_DATE, LIMITS, type EventDay, type EventMeetingRule, type GroupPair } from './event-setup.types';

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

/** Milliseconds since the epoch of a UTC calendar time; unlike Date.UTC, years 0–99 stay years 0–99. */
function utcMs(year: number, month: number, day: number, hour = 0, minute = 0, second = 0): number {
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  d.setUTCHours(hour, minute, second, 0);
  return d.getTime();
}

/** Midnight UTC of a "YYYY-MM-DD" date, in milliseconds. */
function dateMs(date: string): number {
  return utcMs(Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10)));
}

/** Offset of the zone from UTC at an instant, in milliseconds (east positive). */
function zoneOffsetMs(timeZone: string, at: number): number {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', era: 'short', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' });
    formatters.set(timeZone, f);
  }
  const parts = f.formatToParts(new Date(at));
  const part = (type: string): number => Number(parts.find((p) => p.type === type)!.value);
  // Years before 1 AD come as "1 BC", "2 BC"…: year 0, -1… in the proleptic calendar Date uses.
  const bc = parts.find((p) => p.type === 'era')?.value === 'BC';
  const wall = utcMs(bc ? 1 - part('year') : part('year'), part('month'), part('day'), part('hour') % 24, part('minute'), part('second'));
  return wall - Math.floor(at / 1000) * 1000;
}

// Offsets lie between UTC−12 and UTC+14: the instant of a wall time is within these bounds of it
// read as UTC. Offsets sampled just outside them give the offsets in force before and after any one
// change near that wall time (changes in a zone are months apart, never hours).
const BEFORE_MS = 15 * 3_600_000;
const AFTER_MS = 15 * 3_600_000;

/**
 * The UTC instant of a local wall-clock time in a zone. A time the clocks repeat (set back) is its
 * first occurrence, before the change; a time they skip (set forward) is read with the offset before
 * the change (02:30 on a spring-forward night becomes 03:30). Sessions may not contain either (see
 * clockChangesOn), so slots only ever meet the end points: "until 02:00" and "from 03:00".
 */
export function localToUtc(date: string, minutes: number, timeZone: string): number {
  const wall = dateMs(date) + minutes * 60_000;
  const before = zoneOffsetMs(timeZone, wall - BEFORE_MS);
  const after = zoneOffsetMs(timeZone, wall + AFTER_MS);
  // Nearly always: no change near this time, one offset.
  if (before === after) return wall - before;
  const offsets = [before, zoneOffsetMs(timeZone, wall), after];
  const readings = offsets.map((o) => wall - o).filter((utc) => wall - zoneOffsetMs(timeZone, utc) === utc);
  return readings.length ? Math.min(...readings) : wall - before;
}

/** A change of a zone's UTC offset as the local clock shows it: at `from` it jumps to `to`. */
export interface ClockChange {
  /** Local wall time as milliseconds of a UTC clock (the date and time the clock shows). */
  from: number;
  to: number;
}

/** The clock changes whose skipped or repeated local times touch the local day `date` (usually none). */
export function clockChangesOn(date: string, timeZone: string): ClockChange[] {
  const dayStart = dateMs(date);
  const changes: ClockChange[] = [];
  // Hourly samples over every instant that is some time of that day somewhere (offsets −12 h to +14 h).
  const first = dayStart - BEFORE_MS;
  const last = dayStart + 24 * 3_600_000 + AFTER_MS;
  let prevAt = first;
  let prevOffset = zoneOffsetMs(timeZone, first);
  for (let at = first + 3_600_000; at <= last; at += 3_600_000) {
    const offset = zoneOffsetMs(timeZone, at);
    if (offset !== prevOffset) {
      // The change lies in (lo, hi]: narrow it to the second.
      let [lo, hi] = [prevAt, at];
      while (hi - lo > 1000) {
        const mid = lo + Math.floor((hi - lo) / 2000) * 1000;
        if (zoneOffsetMs(timeZone, mid) === prevOffset) lo = mid;
        else hi = mid;
      }
      const change = { from: hi + prevOffset, to: hi + offset };
      if (Math.max(change.from, change.to) > dayStart && Math.min(change.from, change.to) < dayStart + 24 * 3_600_000) changes.push(change);
    }
    [prevAt, prevOffset] = [at, offset];
  }
  return changes;
}

/**
 * Why a session cannot be held on `date` in the zone: the local clock skips or repeats some of its
 * times, so its slots would not be as long as they say, or would overlap. Null when it can be.
 */
export function clockChangeProblem(date: string, start: string, end: string, timeZone: string): string | null {
  const [dayStart, dayEnd] = [dateMs(date), dateMs(date) + 24 * 3_600_000];
  const [s, e] = [dayStart + toMinutes(start) * 60_000, dayStart + toMinutes(end) * 60_000];
  // A jump across midnight (rare; some zones skip a whole day) names the dates too.
  const when = (wall: number): string => (wall >= dayStart && wall < dayEnd ? '' : `${new Date(wall).toISOString().slice(0, 10)} `) + new Date(wall).toISOString().slice(11, 16);
  for (const change of clockChangesOn(date, timeZone)) {
    const [lo, hi] = [Math.min(change.from, change.to), Math.max(change.from, change.to)];
    if (!(s < hi && lo < e)) continue;
    const jump = `${change.to > change.from ? 'jumps forward' : 'jumps back'} from ${when(change.from)} to ${when(change.to)}`;
    const ways = [...(lo > dayStart ? [`end by ${when(lo)}`] : []), ...(hi < dayEnd ? [`start at ${when(hi)} or later`] : [])];
    const advice = ways.length ? `a session that day must ${ways.join(' or ')}` : 'no session can be held that day';
    return `on ${date} the local clock in ${timeZone} ${jump}, within this session (${start}–${end}); ${advice}`;
  }
  return null;
}

/** Earliest and latest dates an event may use: far beyond any real event, but within what dates and the database hold. */
export const DATE_RANGE = { min: '1900-01-01', max: '9999-12-31' } as const;

/** A real calendar date "YYYY-MM-DD" within DATE_RANGE. */
export function isValidDate(value: string): boolean {
  if (!ISO_DATE.test(value) || value < DATE_RANGE.min || value > DATE_RANGE.max) return false;
  return new Date(dateMs(value)).toISOString().slice(0, 10) === value;
}

/** An event's set-up after a create or update is applied, as checked before it is stored. */
export interface EventSetup {
  /** IANA name; session times are local to it. */
  timeZone: string;
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

/** The rules across fields: dates, day order, session times (no clock change inside), slot fit, groups, min ≤ max. */
export function checkEventSetup(s: EventSetup): Problem[] {
  const problems: Problem[] = [];
  const add = (field: string, message: string): void => void problems.push({ field, message });
  const dateRule = `a calendar date (YYYY-MM-DD) from ${DATE_RANGE.min} to ${DATE_RANGE.max}`;
  if (!isValidDate(s.startsOn)) add('startsOn', `startsOn must be ${dateRule}`);
  if (!isValidDate(s.endsOn)) add('endsOn', `endsOn must be ${dateRule}`);
  else if (s.endsOn < s.startsOn) add('endsOn', 'endsOn must not be before startsOn');

  const days = resolveDays(s.days, s.startsOn);
  days.forEach((day, i) => {
    // The default day is startsOn, named already.
    if (!isValidDate(day.date)) return s.days ? add(`days.${i}.date`, `must be ${dateRule}`) : undefined;
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
      const clock = clockChangeProblem(day.date, session.start, session.end, s.timeZone);
      if (clock) add(at, clock);
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

/**
 * Those of the `used` slot indices that a new grid moves (another day, local time or instant) or no
 * longer has: meetings placed in them would silently change time or disappear.
 */
export function movedSlots(oldSlots: Slot[], newSlots: Slot[], used: number[]): number[] {
  return used.filter((i) => {
    const [was, is] = [oldSlots[i], newSlots[i]];
    if (!was) return false;
    return !is || was.day !== is.day || was.start !== is.start || was.end !== is.end || was.startUtc !== is.startUtc || was.endUtc !== is.endUtc;
  });
}

/** Whether two grids hold the same slots at the same local times. */
export function sameGrid(a: Slot[], b: Slot[]): boolean {
  return a.length === b.length && a.every((s, i) => s.day === b[i].day && s.start === b[i].start && s.end === b[i].end);
}
