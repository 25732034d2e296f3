import { defaultSessions } from './event-setup.types';
import { checkEventSetup, checkParticipantSetup, clockChangeProblem, clockChangesOn, countSlots, deriveSlots, isValidDate, localToUtc, movedSlots, remapBlockedSlots, resolveDays, type EventSetup } from './event-slots';

const setup = (over: Partial<EventSetup> = {}): EventSetup => ({
  timeZone: 'Europe/Berlin',
  startsOn: '2007-11-15',
  endsOn: '2007-11-16',
  days: null,
  slotMinutes: 20,
  breakMinutes: 0,
  meetingRule: 'cross-country',
  groups: [],
  groupPairs: [],
  minMeetings: 0,
  maxMeetings: null,
  ...over,
});

describe('event slots', () => {
  it('defaults to the first day with a morning and an afternoon session of 20-minute slots', () => {
    const days = resolveDays(null, '2007-11-15');
    expect(days).toEqual([{ date: '2007-11-15', sessions: defaultSessions() }]);
    // 09:00–12:30 holds 10 slots of 20 minutes (the last ends 12:20), 13:30–17:00 another 10.
    expect(countSlots(days, 20, 0)).toBe(20);
    const slots = deriveSlots({ days, slotMinutes: 20, breakMinutes: 0, timeZone: 'Europe/Berlin' });
    expect(slots).toHaveLength(20);
    expect(slots[0]).toEqual({ index: 0, dayIndex: 0, day: '2007-11-15', session: 'morning', start: '09:00', end: '09:20', startUtc: '2007-11-15T08:00:00.000Z', endUtc: '2007-11-15T08:20:00.000Z' });
    expect(slots[10]).toMatchObject({ index: 10, session: 'afternoon', start: '13:30', end: '13:50' });
  });

  it('puts a break between slots and numbers slots across days', () => {
    const days = [
      { date: '2007-11-15', sessions: [{ name: 'morning', start: '09:00', end: '10:00' }] },
      { date: '2007-11-16', sessions: [{ name: 'morning', start: '09:00', end: '10:00' }] },
    ];
    const slots = deriveSlots({ days, slotMinutes: 20, breakMinutes: 10, timeZone: 'Asia/Tokyo' });
    expect(slots.map((s) => `${s.index}:${s.day} ${s.start}-${s.end}`)).toEqual(['0:2007-11-15 09:00-09:20', '1:2007-11-15 09:30-09:50', '2:2007-11-16 09:00-09:20', '3:2007-11-16 09:30-09:50']);
    expect(slots[0].startUtc).toBe('2007-11-15T00:00:00.000Z');
  });

  it('converts local times to UTC across daylight-saving changes', () => {
    expect(new Date(localToUtc('2024-07-01', 9 * 60, 'Europe/Berlin')).toISOString()).toBe('2024-07-01T07:00:00.000Z');
    expect(new Date(localToUtc('2024-01-01', 9 * 60, 'Europe/Berlin')).toISOString()).toBe('2024-01-01T08:00:00.000Z');
    // 02:30 does not exist on 31 March 2024 in Berlin: read with the winter offset (= 03:30 CEST).
    expect(new Date(localToUtc('2024-03-31', 150, 'Europe/Berlin')).toISOString()).toBe('2024-03-31T01:30:00.000Z');
    expect(new Date(localToUtc('2024-03-31', 9 * 60, 'UTC')).toISOString()).toBe('2024-03-31T09:00:00.000Z');
  });

  const utc = (date: string, hhmm: string, zone: string): string => new Date(localToUtc(date, Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3)), zone)).toISOString();

  it('reads a time the clocks repeat as its first occurrence, and the edges of a change as the change itself', () => {
    // Berlin, 31 Oct 2027: 03:00 CEST becomes 02:00 CET at 01:00 UTC; 02:00–03:00 happens twice.
    expect(utc('2027-10-31', '01:59', 'Europe/Berlin')).toBe('2027-10-30T23:59:00.000Z');
    expect(utc('2027-10-31', '02:00', 'Europe/Berlin')).toBe('2027-10-31T00:00:00.000Z');
    expect(utc('2027-10-31', '02:30', 'Europe/Berlin')).toBe('2027-10-31T00:30:00.000Z');
    expect(utc('2027-10-31', '03:00', 'Europe/Berlin')).toBe('2027-10-31T02:00:00.000Z');
    // Berlin, 28 Mar 2027: 02:00 CET becomes 03:00 CEST at 01:00 UTC; "until 02:00" and "from 03:00" meet.
    expect(utc('2027-03-28', '01:59', 'Europe/Berlin')).toBe('2027-03-28T00:59:00.000Z');
    expect(utc('2027-03-28', '02:00', 'Europe/Berlin')).toBe('2027-03-28T01:00:00.000Z');
    expect(utc('2027-03-28', '03:00', 'Europe/Berlin')).toBe('2027-03-28T01:00:00.000Z');
    // Western zones, half-hour changes, a change at midnight.
    expect(utc('2027-11-07', '01:30', 'America/New_York')).toBe('2027-11-07T05:30:00.000Z');
    expect(utc('2027-11-07', '02:00', 'America/New_York')).toBe('2027-11-07T07:00:00.000Z');
    expect(utc('2024-10-06', '02:30', 'Australia/Lord_Howe')).toBe('2024-10-05T15:30:00.000Z');
    expect(utc('2024-09-08', '01:00', 'America/Santiago')).toBe('2024-09-08T04:00:00.000Z');
  });

  it('keeps years below 100 as they are (no 19xx)', () => {
    expect(utc('0001-01-01', '09:00', 'UTC')).toBe('0001-01-01T09:00:00.000Z');
    expect(utc('0099-12-31', '09:00', 'Etc/GMT-9')).toBe('0099-12-31T00:00:00.000Z');
  });

  it('finds the clock changes of a day and refuses sessions that contain one', () => {
    expect(clockChangesOn('2027-03-27', 'Europe/Berlin')).toEqual([]);
    expect(clockChangesOn('2027-03-28', 'UTC')).toEqual([]);
    const [spring] = clockChangesOn('2027-03-28', 'Europe/Berlin');
    expect([new Date(spring.from).toISOString(), new Date(spring.to).toISOString()]).toEqual(['2027-03-28T02:00:00.000Z', '2027-03-28T03:00:00.000Z']);
    expect(clockChangeProblem('2027-03-28', '01:20', '03:40', 'Europe/Berlin')).toBe(
      'on 2027-03-28 the local clock in Europe/Berlin jumps forward from 02:00 to 03:00, within this session (01:20–03:40); a session that day must end by 02:00 or start at 03:00 or later',
    );
    expect(clockChangeProblem('2027-10-31', '01:40', '03:40', 'Europe/Berlin')).toContain('jumps back from 03:00 to 02:00');
    expect(clockChangeProblem('2027-10-31', '02:10', '02:50', 'Europe/Berlin')).toContain('jumps back');
    expect(clockChangeProblem('2027-03-28', '02:30', '04:00', 'Europe/Berlin')).toContain('jumps forward');
    // Up to the change and from it on are fine; so is the same session on another day or in another zone.
    expect(clockChangeProblem('2027-03-28', '00:00', '02:00', 'Europe/Berlin')).toBeNull();
    expect(clockChangeProblem('2027-10-31', '03:00', '05:00', 'Europe/Berlin')).toBeNull();
    expect(clockChangeProblem('2027-10-31', '00:00', '02:00', 'Europe/Berlin')).toBeNull();
    expect(clockChangeProblem('2027-03-27', '01:20', '03:40', 'Europe/Berlin')).toBeNull();
    expect(clockChangeProblem('2027-03-28', '01:20', '03:40', 'Asia/Tokyo')).toBeNull();
    expect(clockChangeProblem('2024-09-08', '00:00', '02:00', 'America/Santiago')).toContain('must start at 01:00 or later');
    // Samoa skipped 30 December 2011 altogether.
    expect(clockChangeProblem('2011-12-30', '09:00', '17:00', 'Pacific/Apia')).toContain('to 2011-12-31 00:00, within this session (09:00–17:00); no session can be held that day');
  });

  it('gives every slot of a session that may be held its length in UTC', () => {
    const days = [{ date: '2027-10-31', sessions: [{ name: 'night', start: '00:00', end: '02:00' }, { name: 'early', start: '03:00', end: '05:00' }] }];
    for (const s of deriveSlots({ days, slotMinutes: 20, breakMinutes: 0, timeZone: 'Europe/Berlin' })) expect(Date.parse(s.endUtc) - Date.parse(s.startUtc)).toBe(20 * 60_000);
  });

  it('names the used slots a new grid moves or drops', () => {
    const grid = (end: string, slotMinutes = 20, timeZone = 'Europe/Berlin') => deriveSlots({ days: [{ date: '2007-11-15', sessions: [{ name: 'm', start: '09:00', end }] }], slotMinutes, breakMinutes: 0, timeZone });
    const old = grid('10:00');
    expect(movedSlots(old, grid('11:00'), [0, 1, 2])).toEqual([]);
    expect(movedSlots(old, grid('09:40'), [0, 1, 2])).toEqual([2]);
    expect(movedSlots(old, grid('10:00', 30), [0, 1])).toEqual([0, 1]);
    expect(movedSlots(old, grid('10:00', 20, 'Europe/London'), [1])).toEqual([1]);
    // An index the old grid did not have is no meeting to move.
    expect(movedSlots(old, grid('11:00'), [7])).toEqual([]);
  });

  it('carries blocked slots over to a new grid by local time', () => {
    const days = resolveDays(null, '2007-11-15');
    const old = deriveSlots({ days, slotMinutes: 20, breakMinutes: 0, timeZone: 'UTC' });
    const next = deriveSlots({ days, slotMinutes: 30, breakMinutes: 0, timeZone: 'Europe/Berlin' });
    // 09:20–09:40 overlaps 09:00–09:30 and 09:30–10:00.
    expect(remapBlockedSlots(old, next, [1])).toEqual([0, 1]);
    expect(remapBlockedSlots(old, next, [])).toEqual([]);
  });
});

describe('checkEventSetup', () => {
  const fields = (s: EventSetup): string[] => checkEventSetup(s).map((p) => p.field);

  it('accepts the defaults', () => expect(checkEventSetup(setup())).toEqual([]));

  it('names days out of order, twice, outside the event, and bad dates', () => {
    const day = (date: string) => ({ date, sessions: defaultSessions() });
    expect(fields(setup({ days: [day('2007-11-16'), day('2007-11-15')] }))).toEqual(['days.1.date']);
    expect(fields(setup({ days: [day('2007-11-15'), day('2007-11-15')] }))).toEqual(['days.1.date']);
    expect(fields(setup({ days: [day('2007-11-17')] }))).toEqual(['days.0.date']);
    expect(fields(setup({ days: [day('2007-02-30')] }))).toEqual(['days.0.date']);
    expect(fields(setup({ endsOn: '2007-11-14' }))).toContain('endsOn');
  });

  it('takes dates from 1900 to 9999 only', () => {
    expect(['1900-01-01', '2007-11-15', '9999-12-31'].map(isValidDate)).toEqual([true, true, true]);
    expect(['0000-01-01', '0001-01-01', '1899-12-31', '2007-02-29', '2007-13-01', '10000-01-01'].map(isValidDate)).toEqual([false, false, false, false, false, false]);
    expect(fields(setup({ startsOn: '0001-01-01', endsOn: '0001-01-01' }))).toEqual(['startsOn', 'endsOn']);
    expect(checkEventSetup(setup({ startsOn: '0000-01-01' }))[0].message).toBe('startsOn must be a calendar date (YYYY-MM-DD) from 1900-01-01 to 9999-12-31');
  });

  it('names a session that contains a change of the local clock', () => {
    const on = (date: string, start: string, end: string, timeZone = 'Europe/Berlin') =>
      setup({ timeZone, startsOn: date, endsOn: date, days: [{ date, sessions: [{ name: 'night', start, end }, { name: 'morning', start: '09:00', end: '10:00' }] }] });
    expect(fields(on('2027-03-28', '01:20', '03:40'))).toEqual(['days.0.sessions.0']);
    expect(fields(on('2027-10-31', '01:40', '03:40'))).toEqual(['days.0.sessions.0']);
    expect(fields(on('2027-10-31', '01:40', '03:40', 'America/New_York'))).toEqual([]);
    expect(fields(on('2027-10-30', '01:40', '03:40'))).toEqual([]);
    expect(fields(on('2027-03-28', '03:00', '04:00'))).toEqual([]);
  });

  it('names sessions that end before they start, overlap, repeat a name or hold no slot', () => {
    const sessions = (list: [string, string, string][]) => [{ date: '2007-11-15', sessions: list.map(([name, start, end]) => ({ name, start, end })) }];
    expect(fields(setup({ days: sessions([['morning', '12:00', '09:00']]) }))).toEqual(['days.0.sessions.0.end']);
    expect(fields(setup({ days: sessions([['a', '09:00', '12:00'], ['b', '11:00', '13:00']]) }))).toEqual(['days.0.sessions.1.start']);
    expect(fields(setup({ days: sessions([['a', '09:00', '10:00'], ['a', '11:00', '12:00']]) }))).toEqual(['days.0.sessions.1.name']);
    expect(fields(setup({ days: sessions([['a', '09:00', '09:10']]) }))).toEqual(['days.0.sessions.0.end']);
  });

  it('needs groups and pairs of known groups for the groups rule, and min ≤ max', () => {
    expect(fields(setup({ meetingRule: 'groups' }))).toEqual(['groups', 'groupPairs']);
    expect(fields(setup({ meetingRule: 'groups', groups: ['a', 'b'], groupPairs: [['a', 'c']] }))).toEqual(['groupPairs.0']);
    expect(fields(setup({ meetingRule: 'groups', groups: ['a', 'b'], groupPairs: [['a', 'b'], ['b', 'a']] }))).toEqual(['groupPairs.1']);
    expect(fields(setup({ meetingRule: 'groups', groups: ['a', 'a'], groupPairs: [['a', 'a']] }))).toEqual(['groups.1']);
    expect(fields(setup({ minMeetings: 5, maxMeetings: 3 }))).toEqual(['minMeetings']);
  });
});

describe('checkParticipantSetup', () => {
  const event = { groups: ['de', 'jp'], minMeetings: 2, maxMeetings: 8, slotCount: 20, sessionNames: ['morning', 'afternoon'], tables: 5 };
  const p = { group: null, minMeetings: null, maxMeetings: null, representatives: 1, representativeNames: [], blockedSlots: [], sessions: null, parallelMeetings: 1, fixedTable: null };
  const fields = (over: object, changed: string[] = []): string[] => checkParticipantSetup({ ...p, ...over }, event, 'x.', new Set(changed)).map((e) => e.field);

  it('checks group, limits against the event’s, names and blocked slots', () => {
    expect(fields({})).toEqual([]);
    expect(fields({ group: 'fr' })).toEqual(['x.group']);
    expect(fields({ maxMeetings: 1 })).toEqual(['x.maxMeetings']);
    expect(fields({ minMeetings: 9 })).toEqual(['x.minMeetings']);
    expect(fields({ representativeNames: ['A', 'B'] })).toEqual(['x.representativeNames']);
    expect(fields({ blockedSlots: [3, 20, 3] })).toEqual(['x.blockedSlots.1', 'x.blockedSlots.2']);
  });

  it('checks sessions against the event’s session names', () => {
    expect(fields({ sessions: ['afternoon'] })).toEqual([]);
    expect(fields({ sessions: ['evening', 'morning', 'morning'] })).toEqual(['x.sessions.0', 'x.sessions.2']);
  });

  it('keeps parallel meetings within the representatives, naming the field that was changed', () => {
    expect(fields({ representatives: 2, parallelMeetings: 2 })).toEqual([]);
    expect(fields({ representatives: 1, parallelMeetings: 2 }, ['parallelMeetings'])).toEqual(['x.parallelMeetings']);
    expect(fields({ representatives: 1, parallelMeetings: 2 }, ['representatives'])).toEqual(['x.representatives']);
  });

  it('keeps an own table within the event’s tables and to one meeting at a time', () => {
    expect(fields({ fixedTable: 5 })).toEqual([]);
    expect(fields({ fixedTable: 6 })).toEqual(['x.fixedTable']);
    expect(fields({ fixedTable: 2, representatives: 2, parallelMeetings: 2 }, ['fixedTable'])).toEqual(['x.fixedTable']);
    expect(fields({ fixedTable: 2, representatives: 2, parallelMeetings: 2 }, ['parallelMeetings'])).toEqual(['x.parallelMeetings']);
  });
});
