import { createHash } from 'node:crypto';
import { stringify } from 'csv-stringify/sync';
import { createEvents, type EventAttributes } from 'ics';
import type { Slot } from '../events/event-slots';

// Pure formatting of agendas (ICS, CSV) and the organisers' grid (CSV).

/** A representative of an organisation meeting in parallel: its number and name, where given. */
export interface RepresentativeRef {
  /** 1-based. */
  number: number;
  name: string | null;
}

export interface AgendaEntry {
  meetingId: string;
  slot: number;
  /** Who of the participant attends, when it meets in parallel; null: the whole team. */
  representative: RepresentativeRef | null;
  partner: { id: string; name: string; country: string; representative: RepresentativeRef | null };
  table: number;
  /** Venue time: local time in the event's time zone, ISO 8601 with offset. */
  start: string;
  end: string;
  /** The same instants in the participant's home time zone (`homeTimeZone`); null when that is unknown. */
  homeStart: string | null;
  homeEnd: string | null;
  startUtc: string;
  endUtc: string;
  interpreterNeeded: boolean;
}

export interface Agenda {
  event: string;
  eventName: string;
  venue: string;
  organisation: { id: string; name: string };
  /** The event's time zone: meetings happen at the venue. */
  timeZone: string;
  /** The participant's home time zone (its region's); null when unknown. */
  homeTimeZone: string | null;
  scheduleId: string;
  publishedAt: string | null;
  meetings: AgendaEntry[];
}

/** How schedules and their exports name a side whose organisation no longer exists (never by its id). */
export const REMOVED_ORGANISATION = '(organisation removed)';

const formatters = new Map<string, Intl.DateTimeFormat>();

/** An instant as local wall time in a zone with its offset: "2007-11-14T09:00+01:00". */
export function localIso(utc: string, timeZone: string): string {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', timeZoneName: 'longOffset' });
    formatters.set(timeZone, f);
  }
  const parts = f.formatToParts(new Date(utc));
  const get = (type: string): string => parts.find((p) => p.type === type)?.value ?? '';
  const offset = get('timeZoneName').replace(/^GMT/, '') || '+00:00';
  return `${get('year')}-${get('month')}-${get('day')}T${get('hour')}:${get('minute')}${offset}`;
}

/** Whether two participants need an interpreter: no language in common and neither brings one. */
export function interpreterNeeded(a: { languages: string[]; bringsInterpreter: boolean }, b: { languages: string[]; bringsInterpreter: boolean }): boolean {
  if (a.bringsInterpreter || b.bringsInterpreter) return false;
  const mine = new Set(a.languages.map((l) => l.toLowerCase()));
  return !b.languages.some((l) => mine.has(l.toLowerCase()));
}

/** "Dr. Anna Weber", or "representative 2" when no name is known. */
export function representativeLabel(r: RepresentativeRef): string {
  return r.name ?? `representative ${r.number}`;
}

/** A party as shown in lists: its name with the attending representative, where it meets in parallel. */
export function withRepresentative(name: string, r: RepresentativeRef | null): string {
  return r ? `${name} (${representativeLabel(r)})` : name;
}

/**
 * A meeting's iCalendar UID: from the event and the pair (a pair meets once per schedule), not from the
 * meeting row, which every run makes anew. A calendar that imports the agenda again after another
 * schedule is published then moves the meeting instead of showing it twice; both sides' calendars
 * name it alike. Hashed, so the file carries no organisation ids.
 */
export function meetingUid(event: string, a: string, b: string): string {
  return `${createHash('sha256').update(`${event}|${a < b ? `${a}|${b}` : `${b}|${a}`}`).digest('hex').slice(0, 32)}@tieup-match`;
}

/**
 * The SEQUENCE of every meeting of a publication: whole minutes since 1970 of its `publishedAt`, so a
 * later publication (also of the same schedule again) carries a higher one and calendars take its times.
 * Minutes, not seconds: RFC 5545 INTEGER is 32-bit, which seconds since 1970 leave in 2038.
 */
export function publicationSequence(publishedAt: string | null): number {
  return publishedAt === null ? 0 : Math.floor(Date.parse(publishedAt) / 60_000);
}

/** The agenda as an iCalendar file: one VEVENT per meeting, times in UTC (DTSTART:...Z). */
export function agendaIcs(agenda: Agenda): string {
  // `ics` escapes only the line breaks of the calendar's name, so it gets the whole RFC 5545 TEXT
  // escaping here (a comma or semicolon in an event or organisation name would otherwise end the value).
  const calName = escapeText(`${agenda.eventName} – ${agenda.organisation.name}`);
  if (agenda.meetings.length === 0) {
    // ics refuses an empty list; an empty calendar is still a valid file.
    return foldOctets(['BEGIN:VCALENDAR', 'VERSION:2.0', 'CALSCALE:GREGORIAN', 'PRODID:tieup-match', 'METHOD:PUBLISH', `X-WR-CALNAME:${calName}`, 'END:VCALENDAR', ''].join('\r\n'));
  }
  const events: EventAttributes[] = agenda.meetings.map((m) => ({
    uid: meetingUid(agenda.event, agenda.organisation.id, m.partner.id),
    sequence: publicationSequence(agenda.publishedAt),
    start: Date.parse(m.startUtc),
    startInputType: 'utc',
    startOutputType: 'utc',
    end: Date.parse(m.endUtc),
    endInputType: 'utc',
    endOutputType: 'utc',
    title: `${agenda.eventName}: meeting with ${withRepresentative(m.partner.name, m.partner.representative)} (table ${m.table}${m.representative ? `, ${representativeLabel(m.representative)}` : ''})`,
    description: [
      `Partner: ${withRepresentative(m.partner.name, m.partner.representative)} (${m.partner.country})`,
      ...(m.representative ? [`Attending for ${agenda.organisation.name}: ${representativeLabel(m.representative)}`] : []),
      `Table: ${m.table}`,
      `Local time (${agenda.timeZone}): ${m.start} – ${m.end}`,
      ...(agenda.homeTimeZone !== null && agenda.homeTimeZone !== agenda.timeZone && m.homeStart !== null ? [`Your time (${agenda.homeTimeZone}): ${m.homeStart} – ${m.homeEnd}`] : []),
      m.interpreterNeeded ? 'Interpreter needed: yes' : 'Interpreter needed: no',
    ].join('\n'),
    location: agenda.venue ? `${agenda.venue}, table ${m.table}` : `Table ${m.table}`,
    categories: m.interpreterNeeded ? ['B2B meeting', 'Interpreter needed'] : ['B2B meeting'],
    status: 'CONFIRMED',
    busyStatus: 'BUSY',
  }));
  const { error, value } = createEvents(events, { productId: 'tieup-match', method: 'PUBLISH', calName });
  if (error || !value) throw error ?? new Error('the calendar could not be written');
  return foldOctets(value);
}

/**
 * Re-folds content lines at 75 octets (RFC 5545 §3.1). `ics` folds by characters, so lines with
 * non-ASCII names ("Hamamatsu × Jena") could run longer; a fold never splits a UTF-8 sequence.
 */
export function foldOctets(text: string): string {
  const lines = text.replace(/\r\n[ \t]/g, '').split('\r\n');
  return lines
    .map((line) => {
      const parts: string[] = [];
      let current = '';
      let octets = 0;
      for (const ch of line) {
        const n = Buffer.byteLength(ch);
        // Continuation lines start with a space, which counts towards their 75 octets.
        if (octets + n > (parts.length === 0 ? 75 : 74)) {
          parts.push(current);
          current = '';
          octets = 0;
        }
        current += ch;
        octets += n;
      }
      parts.push(current);
      return parts.join('\r\n ');
    })
    .join('\r\n');
}

/** RFC 5545 §3.3.11 TEXT: backslash, semicolon and comma escaped, any line break as "\\n". */
export function escapeText(s: string): string {
  return s.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r\n|\r|\n/g, '\\n');
}

/**
 * How every CSV export is written: RFC 4180 CRLF records; a UTF-8 byte order mark (without it Excel
 * reads the file as ANSI and shows "Müller" or "浜松ホトニクス" as mojibake); fields holding any line
 * break quoted (csv-stringify stops doing so by default once a record delimiter is set); and cells
 * starting with =, +, -, @, tab or CR prefixed with ' so a spreadsheet shows a profile named
 * =HYPERLINK(…) as text instead of evaluating it (OWASP CSV injection). Numbers keep their sign.
 */
export const CSV_OPTIONS = { bom: true, record_delimiter: 'windows', quote_record_delimiter: true, escape_formulas: true } as const;

export const AGENDA_CSV_COLUMNS = [
  'date',
  'start',
  'end',
  'time_zone',
  'representative',
  'partner',
  'partner_representative',
  'partner_country',
  'table',
  'interpreter_needed',
  'start_utc',
  'end_utc',
  'home_start',
  'home_end',
  'home_time_zone',
] as const;

/** "2007-11-16T01:00+09:00" → "2007-11-16 01:00": the home date can differ from the venue's. */
const dateTime = (iso: string | null): string => (iso === null ? '' : `${iso.slice(0, 10)} ${iso.slice(11, 16)}`);

/**
 * The agenda as CSV, one row per meeting: date, start, end in the event's zone (venue time), then UTC,
 * then date and time in the participant's home zone (empty when unknown); representatives empty when a
 * side meets as one team.
 */
export function agendaCsv(agenda: Agenda): string {
  const rep = (r: RepresentativeRef | null): string => (r ? representativeLabel(r) : '');
  const rows = agenda.meetings.map((m) => [
    m.start.slice(0, 10),
    m.start.slice(11, 16),
    m.end.slice(11, 16),
    agenda.timeZone,
    rep(m.representative),
    m.partner.name,
    rep(m.partner.representative),
    m.partner.country,
    m.table,
    m.interpreterNeeded ? 'yes' : 'no',
    m.startUtc,
    m.endUtc,
    dateTime(m.homeStart),
    dateTime(m.homeEnd),
    agenda.homeTimeZone ?? '',
  ]);
  return stringify(rows, { ...CSV_OPTIONS, header: true, columns: [...AGENDA_CSV_COLUMNS] });
}

/** The organisers' grid: one row per slot (event's local time), one column per table, "A × B" in each cell (names carry the attending representative where given). */
export function gridCsv(slots: readonly Slot[], tables: number, meetings: ReadonlyArray<{ slot: number; table: number; aName: string; bName: string }>): string {
  const cells = new Map(meetings.map((m) => [`${m.slot}@${m.table}`, `${m.aName} × ${m.bName}`]));
  const header = ['slot', 'day', 'session', 'start', 'end', ...Array.from({ length: tables }, (_, i) => `table_${i + 1}`)];
  const rows = slots.map((s) => [s.index, s.day, s.session, s.start, s.end, ...Array.from({ length: tables }, (_, i) => cells.get(`${s.index}@${i + 1}`) ?? '')]);
  return stringify([header, ...rows], CSV_OPTIONS);
}
