// Pure rules of the company review: effective request status, pair states, which pairs may be asked
// to meet, and the demand picture.
import { mayMeet, type MeetingRuleInput, type MemberInfo } from '../pairing/pair-candidates';
import { pairKey } from '../scoring/core';
import { POSITIVE_MARKS, type Mark, type PairRuleState, type PairState, type RequestStatus } from './review.types';

export interface MarkRow {
  by: string;
  whom: string;
  mark: Mark;
}

export interface RequestRow {
  from: string;
  to: string;
  /** The effective status (a pending request past its expiry counts as expired). */
  status: RequestStatus;
}

export interface PairRuleRow {
  a: string;
  b: string;
  state: PairRuleState;
}

/** A pending request past its expiry is expired, whether or not the expiry job has marked it. */
export function effectiveStatus(status: RequestStatus, expiresAt: Date, now: Date = new Date()): RequestStatus {
  return status === 'pending' && expiresAt.getTime() <= now.getTime() ? 'expired' : status;
}

export const isPositive = (mark: Mark | undefined): boolean => mark !== undefined && POSITIVE_MARKS.includes(mark);

/** Every unordered pair some review or organiser decision touches, with what is known about it (sorted by a, b). */
export function buildPairStates(marks: MarkRow[], requests: RequestRow[], rules: PairRuleRow[]): PairState[] {
  const pairs = new Map<string, PairState>();
  const get = (x: string, y: string): PairState => {
    const key = pairKey(x, y);
    let s = pairs.get(key);
    if (!s) {
      const [a, b] = x < y ? [x, y] : [y, x];
      s = { a, b, forced: false, forbidden: false, confirmed: false, mutual: false, mustMeet: false, declined: false };
      pairs.set(key, s);
    }
    return s;
  };
  const markOf = new Map(marks.map((m) => [`${m.by}>${m.whom}`, m.mark]));
  for (const m of marks) {
    const s = get(m.by, m.whom);
    if (m.mark === 'must-meet') s.mustMeet = true;
    if (m.mark === 'not-interested') s.declined = true;
    if (isPositive(m.mark) && isPositive(markOf.get(`${m.whom}>${m.by}`))) s.mutual = true;
  }
  for (const r of requests) if (r.status === 'accepted') get(r.from, r.to).confirmed = true;
  for (const r of rules) {
    const s = get(r.a, r.b);
    if (r.state === 'forced') s.forced = true;
    if (r.state === 'forbidden') s.forbidden = true;
  }
  // An excluded pair meets nowhere in the event, so nothing confirms it (an accepted request left from
  // before the exclusion included).
  for (const s of pairs.values()) s.confirmed = (s.confirmed || s.mutual) && !s.forbidden && !s.declined;
  return [...pairs.values()].sort((x, y) => (x.a === y.a ? (x.b < y.b ? -1 : 1) : x.a < y.a ? -1 : 1));
}

/** What decides whether two participants may be asked to meet. */
export interface PairMeetingFacts {
  rule: MeetingRuleInput;
  a: MemberInfo;
  b: MemberInfo;
  /** The organisers' decision on the pair, if any. */
  pairRule: PairRuleState | null;
}

/**
 * Why the pair may not be asked to meet (a positive mark, a meeting request or its acceptance), or
 * null when it may: the organisers forbade it, or the event's who-meets-whom rule (`mayMeet`) excludes
 * it and the organisers did not force it. The other side's own marks are not considered here.
 */
export function meetingRefusal(f: PairMeetingFacts): string | null {
  if (f.pairRule === 'forbidden') return 'the organisers excluded this pair';
  if (f.pairRule === 'forced' || mayMeet(f.a, f.b, f.rule)) return null;
  const { a, b } = f;
  switch (f.rule.rule) {
    case 'cross-country':
      return `the event allows only cross-country meetings and both are in ${a.country}`;
    case 'cross-region':
      return `the event allows only cross-region meetings and both are in ${a.region} (${a.country})`;
    case 'groups':
      if (!a.group || !b.group) return `the event allows only meetings between its groups and ${!a.group && !b.group ? 'neither of the two is' : 'one of the two is not'} in a group`;
      return `the event's groups rule does not let group ${a.group} meet group ${b.group}`;
    case 'any':
      // mayMeet allows every pair under 'any'.
      return null;
  }
}

export interface DemandCounts {
  organisationId: string;
  mustMeetBy: number;
  interestedBy: number;
  notInterestedBy: number;
  requestsReceived: number;
  requestsSent: number;
  requestsAccepted: number;
  confirmedPairs: number;
  /** Distinct others who marked it must-meet or interested, or sent it a request they did not cancel. */
  wanted: number;
  wantedByMany: boolean;
  wantedByNone: boolean;
}

/**
 * The smallest "wanted" count inside the top decile of participants (at least one participant), or
 * null when nobody is wanted at all. Ties with it count as wanted by many too.
 */
export function wantedByManyThreshold(wanted: number[]): number | null {
  const positive = wanted.filter((w) => w > 0).sort((a, b) => b - a);
  if (positive.length === 0) return null;
  const top = Math.max(1, Math.ceil(wanted.length / 10));
  return positive[Math.min(top, positive.length) - 1];
}

/** Per participant: how much the others want it, what it asked and got; sorted by wanted, most first. */
export function demandPicture(participants: string[], marks: MarkRow[], requests: RequestRow[], pairStates: PairState[]): { threshold: number | null; items: DemandCounts[] } {
  const counts = new Map<string, DemandCounts>(
    participants.map((id) => [
      id,
      { organisationId: id, mustMeetBy: 0, interestedBy: 0, notInterestedBy: 0, requestsReceived: 0, requestsSent: 0, requestsAccepted: 0, confirmedPairs: 0, wanted: 0, wantedByMany: false, wantedByNone: true },
    ]),
  );
  const wantedBy = new Map<string, Set<string>>(participants.map((id) => [id, new Set<string>()]));
  for (const m of marks) {
    const c = counts.get(m.whom);
    if (!c || !counts.has(m.by)) continue;
    if (m.mark === 'must-meet') c.mustMeetBy++;
    else if (m.mark === 'interested') c.interestedBy++;
    else c.notInterestedBy++;
    if (isPositive(m.mark)) wantedBy.get(m.whom)!.add(m.by);
  }
  for (const r of requests) {
    const from = counts.get(r.from);
    const to = counts.get(r.to);
    if (!from || !to) continue;
    from.requestsSent++;
    to.requestsReceived++;
    if (r.status === 'accepted') {
      from.requestsAccepted++;
      to.requestsAccepted++;
    }
    if (r.status !== 'cancelled') wantedBy.get(r.to)!.add(r.from);
  }
  for (const s of pairStates) {
    if (!s.confirmed) continue;
    const a = counts.get(s.a);
    const b = counts.get(s.b);
    if (a && b) {
      a.confirmedPairs++;
      b.confirmedPairs++;
    }
  }
  for (const [id, set] of wantedBy) counts.get(id)!.wanted = set.size;
  const items = [...counts.values()];
  const threshold = wantedByManyThreshold(items.map((c) => c.wanted));
  for (const c of items) {
    c.wantedByNone = c.wanted === 0;
    c.wantedByMany = threshold !== null && c.wanted >= threshold;
  }
  items.sort((x, y) => y.wanted - x.wanted || (x.organisationId < y.organisationId ? -1 : 1));
  return { threshold, items };
}
