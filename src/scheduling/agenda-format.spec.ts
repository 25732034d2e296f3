import { parse } from 'csv-parse/sync';
import type { Slot } from '../events/event-slots';
import { agendaCsv, agendaIcs, escapeText, gridCsv, meetingUid, publicationSequence, type Agenda, type AgendaEntry } from './agenda-format';

const BOM = '\uFEFF';
const EVIL = '=HYPERLINK("http://evil.example","Osaka Trading")';

function entry(over: Partial<AgendaEntry> = {}): AgendaEntry {
  return {
    meetingId: '11111111-1111-4111-8111-111111111111',
    slot: 0,
    representative: null,
    partner: { id: '22222222-2222-4222-8222-222222222222', name: 'Jena Optik GmbH', country: 'DE', representative: null },
    table: 3,
    start: '2007-11-15T09:00+01:00',
    end: '2007-11-15T09:20+01:00',
    homeStart: '2007-11-15T17:00+09:00',
    homeEnd: '2007-11-15T17:20+09:00',
    startUtc: '2007-11-15T08:00:00.000Z',
    endUtc: '2007-11-15T08:20:00.000Z',
    interpreterNeeded: false,
    ...over,
  };
}

function agenda(meetings: AgendaEntry[], over: Partial<Agenda> = {}): Agenda {
  return {
    event: 'medica',
    eventName: 'MEDICA 2007',
    venue: 'Düsseldorf',
    organisation: { id: '33333333-3333-4333-8333-333333333333', name: '浜松ホトニクス' },
    timeZone: 'Europe/Berlin',
    homeTimeZone: 'Asia/Tokyo',
    scheduleId: '44444444-4444-4444-8444-444444444444',
    publishedAt: null,
    meetings,
    ...over,
  };
}

const slot = (index: number): Slot => ({ index, dayIndex: 0, day: '2007-11-15', session: 'morning', start: '09:00', end: '09:20', startUtc: '', endUtc: '' });

/** The X-WR-CALNAME value, unfolded. */
const calName = (ics: string): string => ics.replace(/\r\n[ \t]/g, '').split('\r\n').find((l) => l.startsWith('X-WR-CALNAME:'))!.slice('X-WR-CALNAME:'.length);

describe('agenda CSV and grid CSV', () => {
  it('neutralises cells that a spreadsheet would run as a formula', () => {
    const csv = agendaCsv(agenda([entry({ partner: { id: 'p', name: EVIL, country: '+81', representative: { number: 1, name: '@boss' } } })]));
    const [row] = parse<Record<string, string>>(csv, { columns: true, bom: true });
    expect(row.partner).toBe(`'${EVIL}`);
    expect(row.partner_country).toBe("'+81");
    expect(row.partner_representative).toBe("'@boss");
    // Numbers and ordinary text are left alone.
    expect(row.table).toBe('3');
    expect(row.date).toBe('2007-11-15');

    const grid = gridCsv([slot(0)], 2, [
      { slot: 0, table: 1, aName: EVIL, bName: 'Jena Optik GmbH' },
      { slot: 0, table: 2, aName: '-1 Corp', bName: '\tTabbed' },
    ]);
    const rows: string[][] = parse(grid, { bom: true });
    expect(rows[1].slice(5)).toEqual([`'${EVIL} × Jena Optik GmbH`, "'-1 Corp × \tTabbed"]);
  });

  it('neutralises cells starting with a tab or a carriage return', () => {
    const csv = agendaCsv(agenda([entry({ partner: { id: 'p', name: '\tcmd', country: '\rDE', representative: null } })]));
    const [row] = parse<Record<string, string>>(csv, { columns: true, bom: true });
    expect(row.partner).toBe("'\tcmd");
    expect(row.partner_country).toBe("'\rDE");
  });

  it('writes a UTF-8 byte order mark and CRLF record delimiters (RFC 4180), quoting line breaks inside fields', () => {
    const csv = agendaCsv(agenda([entry({ partner: { id: 'p', name: 'Müller\nHamamatsu', country: 'JP', representative: null } }), entry()]));
    expect(csv.startsWith(`${BOM}date,start,end,`)).toBe(true);
    // Three records (header and two meetings), each ended by CRLF; the line break inside a name is quoted.
    expect(csv.split('\r\n')).toHaveLength(4);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv).toContain('"Müller\nHamamatsu"');
    expect(parse(csv, { columns: true, bom: true })).toHaveLength(2);

    const grid = gridCsv([slot(0), slot(1)], 1, [{ slot: 1, table: 1, aName: '浜松ホトニクス', bName: 'Jena Optik GmbH' }]);
    expect(grid).toBe(`${BOM}slot,day,session,start,end,table_1\r\n0,2007-11-15,morning,09:00,09:20,\r\n1,2007-11-15,morning,09:00,09:20,浜松ホトニクス × Jena Optik GmbH\r\n`);
  });

  it('writes the header with a byte order mark for an empty agenda too', () => {
    expect(agendaCsv(agenda([]))).toBe(
      `${BOM}date,start,end,time_zone,representative,partner,partner_representative,partner_country,table,interpreter_needed,start_utc,end_utc,home_start,home_end,home_time_zone\r\n`,
    );
  });

  it('gives date and times in venue time, then the home date and time, which may be another day', () => {
    const late = entry({ start: '2007-11-15T17:00+01:00', end: '2007-11-15T17:20+01:00', homeStart: '2007-11-16T01:00+09:00', homeEnd: '2007-11-16T01:20+09:00', startUtc: '2007-11-15T16:00:00.000Z', endUtc: '2007-11-15T16:20:00.000Z' });
    const [first, second] = parse<Record<string, string>>(agendaCsv(agenda([entry(), late])), { columns: true, bom: true });
    expect(first).toMatchObject({ date: '2007-11-15', start: '09:00', end: '09:20', time_zone: 'Europe/Berlin', home_start: '2007-11-15 17:00', home_end: '2007-11-15 17:20', home_time_zone: 'Asia/Tokyo' });
    expect(second).toMatchObject({ date: '2007-11-15', start: '17:00', end: '17:20', start_utc: '2007-11-15T16:00:00.000Z', home_start: '2007-11-16 01:00', home_end: '2007-11-16 01:20' });
    // The home columns come last, so readers of the earlier columns are not disturbed.
    expect(Object.keys(first).slice(-3)).toEqual(['home_start', 'home_end', 'home_time_zone']);
  });

  it('leaves the home columns empty when the home zone is unknown', () => {
    const [row] = parse<Record<string, string>>(agendaCsv(agenda([entry({ homeStart: null, homeEnd: null })], { homeTimeZone: null })), { columns: true, bom: true });
    expect(row).toMatchObject({ start: '09:00', time_zone: 'Europe/Berlin', home_start: '', home_end: '', home_time_zone: '' });
  });
});

describe('agenda ICS', () => {
  /** The DESCRIPTION of the first event, unfolded and unescaped line by line. */
  const description = (ics: string): string[] =>
    ics
      .replace(/\r\n[ \t]/g, '')
      .split('\r\n')
      .find((l) => l.startsWith('DESCRIPTION:'))!
      .slice('DESCRIPTION:'.length)
      .split('\\n')
      .map((l) => l.replace(/\\([,;\\])/g, '$1'));

  it('keeps times in UTC and gives the venue time, then the participant’s own time when its zone is another', () => {
    const ics = agendaIcs(agenda([entry()]));
    expect(ics).toContain('DTSTART:20071115T080000Z');
    expect(description(ics)).toEqual([
      'Partner: Jena Optik GmbH (DE)',
      'Table: 3',
      'Local time (Europe/Berlin): 2007-11-15T09:00+01:00 – 2007-11-15T09:20+01:00',
      'Your time (Asia/Tokyo): 2007-11-15T17:00+09:00 – 2007-11-15T17:20+09:00',
      'Interpreter needed: no',
    ]);
  });

  it('gives the venue time only when the home zone is the event’s or unknown', () => {
    const berlin = { homeStart: '2007-11-15T09:00+01:00', homeEnd: '2007-11-15T09:20+01:00' };
    for (const ics of [agendaIcs(agenda([entry(berlin)], { homeTimeZone: 'Europe/Berlin' })), agendaIcs(agenda([entry({ homeStart: null, homeEnd: null })], { homeTimeZone: null }))]) {
      const lines = description(ics);
      expect(lines).toContain('Local time (Europe/Berlin): 2007-11-15T09:00+01:00 – 2007-11-15T09:20+01:00');
      expect(lines.some((l) => l.startsWith('Your time'))).toBe(false);
    }
  });

  it('escapes TEXT per RFC 5545: backslash, semicolon, comma and line breaks', () => {
    expect(escapeText('a\\b;c,d\ne\r\nf\rg')).toBe('a\\\\b\\;c\\,d\\ne\\nf\\ng');
  });

  it('escapes the calendar name, with and without meetings', () => {
    const over = { eventName: 'Expo; Day 1, Hall\\A', organisation: { id: 'o', name: 'Müller, Schmidt\n& Co' } };
    const expected = 'Expo\\; Day 1\\, Hall\\\\A – Müller\\, Schmidt\\n& Co';
    expect(calName(agendaIcs(agenda([entry()], over)))).toBe(expected);
    expect(calName(agendaIcs(agenda([], over)))).toBe(expected);
  });

  it('names a meeting by its event and pair, not by the run’s meeting row, with the publication minute as SEQUENCE', () => {
    const publishedAt = '2026-05-01T10:00:30.000Z';
    const ics = agendaIcs(agenda([entry(), entry({ meetingId: '55555555-5555-4555-8555-555555555555' })], { publishedAt }));
    const uid = meetingUid('medica', '33333333-3333-4333-8333-333333333333', '22222222-2222-4222-8222-222222222222');
    expect(uid).toMatch(/^[0-9a-f]{32}@tieup-match$/);
    // Another run's meeting of the same pair, and the partner's own calendar, name it alike.
    expect(ics.match(/^UID:.*$/gm)).toEqual([`UID:${uid}`, `UID:${uid}`]);
    expect(meetingUid('medica', '22222222-2222-4222-8222-222222222222', '33333333-3333-4333-8333-333333333333')).toBe(uid);
    expect(meetingUid('other-event', '22222222-2222-4222-8222-222222222222', '33333333-3333-4333-8333-333333333333')).not.toBe(uid);
    // 2026-05-01T10:00Z is 29,627,160 minutes after 1970-01-01T00:00Z.
    expect(ics.match(/^SEQUENCE:.*$/gm)).toEqual(['SEQUENCE:29627160', 'SEQUENCE:29627160']);
    expect(publicationSequence('2026-05-01T10:01:00.000Z')).toBeGreaterThan(publicationSequence(publishedAt));
    // RFC 5545 INTEGER is a signed 32-bit value: minutes fit it until the year 6053 (seconds would end in 2038).
    expect(publicationSequence('6000-01-01T00:00:00.000Z')).toBeLessThan(2 ** 31);
  });

  it('keeps the content lines of an empty calendar within 75 octets', () => {
    const ics = agendaIcs(agenda([], { eventName: 'Hamamatsu × Jena: '.repeat(8) }));
    for (const line of ics.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
    expect(calName(ics)).toContain('Hamamatsu × Jena: Hamamatsu');
  });
});
