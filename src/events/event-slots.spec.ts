import { defaultSessions } from './event-setup.types';
import { checkEventSetup, checkParticipantSetup, countSlots, deriveSlots, localToUtc, remapBlockedSlots, resolveDays, type EventSetup } from './event-slots';

const setup = (over: Partial<EventSetup> = {}): EventSetup => ({
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
