import type { MeetingRuleInput, MemberInfo } from '../pairing/pair-candidates';
import { buildPairStates, demandPicture, effectiveStatus, meetingRefusal, wantedByManyThreshold, type MarkRow, type RequestRow } from './review-rules';

describe('effectiveStatus', () => {
  const now = new Date('2026-05-01T12:00:00Z');
  it('reports a pending request past its expiry as expired, and leaves others alone', () => {
    expect(effectiveStatus('pending', new Date('2026-05-01T11:59:59Z'), now)).toBe('expired');
    expect(effectiveStatus('pending', new Date('2026-05-01T12:00:00Z'), now)).toBe('expired');
    expect(effectiveStatus('pending', new Date('2026-05-01T12:00:01Z'), now)).toBe('pending');
    expect(effectiveStatus('accepted', new Date('2026-04-01T00:00:00Z'), now)).toBe('accepted');
  });
});

describe('buildPairStates', () => {
  it('derives mutual, must-meet, declined and confirmed per unordered pair', () => {
    const marks: MarkRow[] = [
      { by: 'a', whom: 'b', mark: 'must-meet' },
      { by: 'b', whom: 'a', mark: 'interested' },
      { by: 'c', whom: 'a', mark: 'interested' },
      { by: 'd', whom: 'c', mark: 'not-interested' },
    ];
    const requests: RequestRow[] = [
      { from: 'c', to: 'e', status: 'accepted' },
      { from: 'a', to: 'e', status: 'pending' },
    ];
    const states = buildPairStates(marks, requests, [
      { a: 'b', b: 'e', state: 'forced' },
      { a: 'c', b: 'd', state: 'forbidden' },
    ]);
    const find = (x: string, y: string) => states.find((s) => s.a === x && s.b === y);
    expect(find('a', 'b')).toEqual({ a: 'a', b: 'b', forced: false, forbidden: false, confirmed: true, mutual: true, mustMeet: true, declined: false });
    expect(find('a', 'c')).toMatchObject({ mutual: false, confirmed: false, mustMeet: false });
    expect(find('c', 'd')).toMatchObject({ declined: true, forbidden: true, confirmed: false });
    expect(find('c', 'e')).toMatchObject({ confirmed: true, mutual: false });
    // A pending request alone says nothing the selection uses.
    expect(find('a', 'e')).toBeUndefined();
    expect(find('b', 'e')).toMatchObject({ forced: true, confirmed: false });
    expect(states.map((s) => `${s.a}${s.b}`)).toEqual(['ab', 'ac', 'be', 'cd', 'ce']);
  });

  it('never reports an excluded pair as confirmed, whatever request was accepted or interest shown', () => {
    const requests: RequestRow[] = [
      { from: 'a', to: 'b', status: 'accepted' },
      { from: 'c', to: 'd', status: 'accepted' },
      { from: 'e', to: 'f', status: 'accepted' },
    ];
    const marks: MarkRow[] = [
      { by: 'b', whom: 'a', mark: 'not-interested' },
      { by: 'g', whom: 'h', mark: 'interested' },
      { by: 'h', whom: 'g', mark: 'must-meet' },
    ];
    const states = buildPairStates(marks, requests, [
      { a: 'c', b: 'd', state: 'forbidden' },
      { a: 'g', b: 'h', state: 'forbidden' },
    ]);
    const find = (x: string, y: string) => states.find((s) => s.a === x && s.b === y);
    expect(find('a', 'b')).toMatchObject({ declined: true, confirmed: false });
    expect(find('c', 'd')).toMatchObject({ forbidden: true, confirmed: false });
    expect(find('g', 'h')).toMatchObject({ forbidden: true, mutual: true, confirmed: false });
    expect(find('e', 'f')).toMatchObject({ confirmed: true });
    const { items } = demandPicture(['a', 'b', 'c', 'd'], marks, requests, states);
    expect(items.map((i) => i.confirmedPairs)).toEqual([0, 0, 0, 0]);
  });
});

describe('demand picture', () => {
  it('puts the top decile (ties included) as wanted by many, nobody when nobody is wanted', () => {
    expect(wantedByManyThreshold([0, 0, 0])).toBeNull();
    expect(wantedByManyThreshold([5, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 3])).toBe(3);
    expect(wantedByManyThreshold([1, 0])).toBe(1);
  });

  it('counts marks and requests per participant and flags wanted by many / by none', () => {
    const ids = ['a', 'b', 'c', 'd'];
    const marks: MarkRow[] = [
      { by: 'b', whom: 'a', mark: 'must-meet' },
      { by: 'c', whom: 'a', mark: 'interested' },
      { by: 'a', whom: 'b', mark: 'interested' },
      { by: 'd', whom: 'c', mark: 'not-interested' },
    ];
    const requests: RequestRow[] = [
      { from: 'd', to: 'a', status: 'accepted' },
      { from: 'c', to: 'b', status: 'cancelled' },
    ];
    const { threshold, items } = demandPicture(ids, marks, requests, buildPairStates(marks, requests, []));
    expect(threshold).toBe(3);
    const by = new Map(items.map((i) => [i.organisationId, i]));
    expect(items[0].organisationId).toBe('a');
    expect(by.get('a')).toMatchObject({ mustMeetBy: 1, interestedBy: 1, requestsReceived: 1, requestsAccepted: 1, confirmedPairs: 2, wanted: 3, wantedByMany: true, wantedByNone: false });
    expect(by.get('b')).toMatchObject({ interestedBy: 1, mustMeetBy: 0, requestsReceived: 1, wanted: 1, confirmedPairs: 1, wantedByMany: false });
    expect(by.get('c')).toMatchObject({ notInterestedBy: 1, requestsSent: 1, wanted: 0, wantedByNone: true });
    expect(by.get('d')).toMatchObject({ requestsSent: 1, requestsAccepted: 1, wanted: 0, wantedByNone: true, confirmedPairs: 1 });
  });
});

describe('meetingRefusal', () => {
  const jena1: MemberInfo = { id: 'd1', country: 'DE', region: 'Jena', group: 'optics' };
  const jena2: MemberInfo = { id: 'd2', country: 'DE', region: 'Jena', group: 'optics' };
  const leipzig: MemberInfo = { id: 'd3', country: 'DE', region: 'Leipzig', group: 'bio' };
  const hamamatsu: MemberInfo = { id: 'j1', country: 'JP', region: 'Hamamatsu', group: null };
  const rule = (r: MeetingRuleInput['rule'], groupPairs: [string, string][] | null = null): MeetingRuleInput => ({ rule: r, mode: 'required', groupPairs });

  it('names the rule and what the two share when the rule excludes the pair', () => {
    expect(meetingRefusal({ rule: rule('cross-country'), a: jena1, b: leipzig, pairRule: null })).toBe('the event allows only cross-country meetings and both are in DE');
    expect(meetingRefusal({ rule: rule('cross-region'), a: jena1, b: jena2, pairRule: null })).toBe('the event allows only cross-region meetings and both are in Jena (DE)');
    expect(meetingRefusal({ rule: rule('groups', [['optics', 'bio']]), a: jena1, b: jena2, pairRule: null })).toBe("the event's groups rule does not let group optics meet group optics");
    expect(meetingRefusal({ rule: rule('groups', [['optics', 'bio']]), a: jena1, b: hamamatsu, pairRule: null })).toBe('the event allows only meetings between its groups and one of the two is not in a group');
    expect(meetingRefusal({ rule: rule('groups', [['optics', 'bio']]), a: { ...jena1, group: null }, b: hamamatsu, pairRule: null })).toBe(
      'the event allows only meetings between its groups and neither of the two is in a group',
    );
  });

  it('lets pairs the rule allows, every pair under a preferred rule, and forced pairs meet', () => {
    expect(meetingRefusal({ rule: rule('cross-country'), a: jena1, b: hamamatsu, pairRule: null })).toBeNull();
    expect(meetingRefusal({ rule: rule('cross-region'), a: jena1, b: leipzig, pairRule: null })).toBeNull();
    expect(meetingRefusal({ rule: rule('groups', [['optics', 'bio']]), a: jena1, b: leipzig, pairRule: null })).toBeNull();
    expect(meetingRefusal({ rule: rule('any'), a: jena1, b: jena2, pairRule: null })).toBeNull();
    expect(meetingRefusal({ rule: { ...rule('cross-country'), mode: 'preferred' }, a: jena1, b: jena2, pairRule: null })).toBeNull();
    expect(meetingRefusal({ rule: rule('cross-country'), a: jena1, b: jena2, pairRule: 'forced' })).toBeNull();
  });

  it('refuses a pair the organisers forbade, whatever the rule', () => {
    expect(meetingRefusal({ rule: rule('any'), a: jena1, b: hamamatsu, pairRule: 'forbidden' })).toBe('the organisers excluded this pair');
    expect(meetingRefusal({ rule: rule('cross-country'), a: jena1, b: jena2, pairRule: 'forbidden' })).toBe('the organisers excluded this pair');
  });
});
