import { PAIR_KINDS, type CandidatePair, type ForbiddenPair, type PairKind, type PairSelectionIssue } from './core/pair-selection.types';

export interface ListEntry {
  owner: string;
  candidate: string;
  score: number;
}

export interface ReviewPairState {
  a: string;
  b: string;
  forced: boolean;
  forbidden: boolean;
  confirmed: boolean;
  mutual: boolean;
  mustMeet: boolean;
  declined: boolean;
}

export interface MemberInfo {
  id: string;
  country: string;
  region: string;
  group: string | null;
}

export interface MeetingRuleInput {
  rule: 'cross-country' | 'cross-region' | 'any' | 'groups';
  mode: 'required' | 'preferred';
  groupPairs: [string, string][] | null;
}

const key = (a: string, b: string): string => (a < b ? `${a}|${b}` : `${b}|${a}`);

/**
 * Whether two participants may meet under the event's who-meets-whom rule (a preferred rule never
 * forbids). The one copy of the rule: pair selection and the reviews' refusals use it; a pair the
 * organisers forced is the callers' exception. Cross-region holds as scoring's `regionRuleHolds` has
 * it: another country or another region (region names are not unique across countries).
 */
export function mayMeet(a: MemberInfo, b: MemberInfo, r: MeetingRuleInput): boolean {
  if (r.mode === 'preferred') return true;
  switch (r.rule) {
    case 'cross-country':
      return a.country !== b.country;
    case 'cross-region':
      return a.country !== b.country || a.region !== b.region;
    case 'any':
      return true;
    case 'groups':
      return !!a.group && !!b.group && (r.groupPairs ?? []).some(([x, y]) => (x === a.group && y === b.group) || (x === b.group && y === a.group));
  }
}

/**
 * Candidate pairs for selection: every pair on either side's stored list (scored by the better of the
 * two directions) plus every pair the reviews made explicit, with the strongest kind that applies.
 */
export function buildCandidates(
  members: readonly MemberInfo[],
  lists: readonly ListEntry[],
  states: readonly ReviewPairState[],
  rule: MeetingRuleInput,
): { candidates: CandidatePair[]; forbidden: ForbiddenPair[] } {
  const byId = new Map(members.map((m) => [m.id, m]));
  const score = new Map<string, number>();
  for (const e of lists) {
    if (!byId.has(e.owner) || !byId.has(e.candidate)) continue;
    const k = key(e.owner, e.candidate);
    score.set(k, Math.max(score.get(k) ?? 0, e.score));
  }
  const kinds = new Map<string, PairKind>();
  const forbidden: ForbiddenPair[] = [];
  for (const s of states) {
    if (!byId.has(s.a) || !byId.has(s.b)) continue;
    const k = key(s.a, s.b);
    if (s.forbidden || s.declined) forbidden.push({ a: s.a, b: s.b, reason: s.forbidden ? 'organiser' : 'declined' });
    const kind: PairKind | null = s.forced ? 'forced' : s.confirmed ? 'confirmed' : s.mutual ? 'mutual' : s.mustMeet ? 'must-meet' : null;
    if (kind) kinds.set(k, kind);
  }
  const keys = new Set([...score.keys(), ...kinds.keys()]);
  const candidates: CandidatePair[] = [...keys].sort().map((k) => {
    const [a, b] = k.split('|');
    const kind = kinds.get(k) ?? 'suggested';
    return { a, b, score: score.get(k) ?? 0, kind, allowed: kind === 'forced' || mayMeet(byId.get(a)!, byId.get(b)!, rule) };
  });
  return { candidates, forbidden };
}

/** The pair of a meeting locked in the current schedule, as the selection that schedule was made from had it. */
export interface LockedPairInput {
  a: string;
  b: string;
  kind: string | null;
  score: number | null;
}

/**
 * Keeps the pairs of locked meetings selectable whatever the lists say now: a candidate pair is marked
 * locked (the core selects it like a forced pair), and a pair no longer on any list comes back with
 * the kind and score it was selected with (never `forced`: a force since lifted does not return).
 * A lock whose side left the event cannot be kept and is reported.
 */
export function withLockedPairs(
  candidates: readonly CandidatePair[],
  locks: readonly LockedPairInput[],
  members: readonly MemberInfo[],
  rule: MeetingRuleInput,
): { candidates: CandidatePair[]; warnings: PairSelectionIssue[] } {
  const byId = new Map(members.map((m) => [m.id, m]));
  const byKey = new Map(candidates.map((c) => [key(c.a, c.b), { ...c }]));
  const warnings: PairSelectionIssue[] = [];
  for (const l of locks) {
    const gone = [l.a, l.b].filter((id) => !byId.has(id));
    if (gone.length > 0) {
      warnings.push({
        code: 'locked-participant-left',
        message: `the locked meeting of ${l.a} and ${l.b} is not selected: ${gone.join(' and ')} no longer take${gone.length > 1 ? '' : 's'} part in the event`,
        participants: gone,
      });
      continue;
    }
    const k = key(l.a, l.b);
    const known = byKey.get(k);
    if (known) {
      known.locked = true;
      continue;
    }
    const kind: PairKind = PAIR_KINDS.includes(l.kind as PairKind) && l.kind !== 'forced' ? (l.kind as PairKind) : 'suggested';
    const [a, b] = k.split('|');
    byKey.set(k, { a, b, score: l.score ?? 0, kind, allowed: mayMeet(byId.get(a)!, byId.get(b)!, rule), locked: true });
  }
  return { candidates: [...byKey.values()].sort((x, y) => (key(x.a, x.b) < key(y.a, y.b) ? -1 : 1)), warnings };
}
