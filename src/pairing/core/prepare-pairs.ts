// Validates and canonicalises the selection input into index-based data, so the solver is
// independent of input order (determinism) and never sees forbidden or disallowed pairs.
import type {
  CandidatePair,
  PairKind,
  PairParticipant,
  PairSelectionInput,
  PairSelectionIssue,
} from './pair-selection.types';

/** Tier of a non-forced kind: 1 = confirmed/mutual, 2 = must-meet, 3 = suggested. */
export function tierOf(kind: PairKind): 0 | 1 | 2 | 3 {
  if (kind === 'forced') return 0;
  if (kind === 'confirmed' || kind === 'mutual') return 1;
  if (kind === 'must-meet') return 2;
  return 3;
}

/** Scores are compared as integers in millionths, so flow arithmetic stays exact. */
export const SCORE_SCALE = 1_000_000;

export interface PreparedPair {
  u: number;
  v: number;
  score: number;
  scoreInt: number;
  kind: PairKind;
  tier: 0 | 1 | 2 | 3;
}

export interface CandidateStats {
  total: number;
  notAllowed: number;
  forbidden: number;
}

export interface PreparedSelection {
  participants: PairParticipant[];
  /** min(maxMeetings, availableSlots), floored at 0. */
  capacity: Int32Array;
  /** min(minMeetings, capacity). */
  minEff: Int32Array;
  /** Forced pairs and pairs of locked meetings: always selected (`forcedDeg` counts both). */
  forced: PreparedPair[];
  forcedDeg: Int32Array;
  /** Usable, non-forced pairs, sorted by (u, v). */
  pairs: PreparedPair[];
  stats: CandidateStats[];
  errors: PairSelectionIssue[];
  warnings: PairSelectionIssue[];
}

export const nonNegInt = (x: number): number => (Number.isFinite(x) ? Math.max(0, Math.floor(x)) : 0);
const byId = (a: PairParticipant, b: PairParticipant): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

interface MergedPair {
  u: number;
  v: number;
  score: number;
  kind: PairKind;
  notAllowed: boolean;
  locked: boolean;
}

export function preparePairs(input: PairSelectionInput): PreparedSelection {
  const errors: PairSelectionIssue[] = [];
  const warnings: PairSelectionIssue[] = [];
  const issue = (list: PairSelectionIssue[], code: PairSelectionIssue['code'], message: string, ids: string[]): void => {
    list.push({ code, message, participants: ids });
  };

  const participants: PairParticipant[] = [];
  const index = new Map<string, number>();
  for (const p of [...input.participants].sort(byId)) {
    if (index.has(p.id)) {
      issue(errors, 'duplicate-participant', `participant ${p.id} is listed twice; the first entry is used`, [p.id]);
      continue;
    }
    const bad = [p.minMeetings, p.maxMeetings, p.availableSlots].some((x) => !Number.isFinite(x) || x < 0);
    if (bad) issue(warnings, 'invalid-participant', `participant ${p.id} has a negative or non-finite limit; treated as 0`, [p.id]);
    index.set(p.id, participants.length);
    participants.push(p);
  }
  const n = participants.length;
  const capacity = new Int32Array(n);
  const minEff = new Int32Array(n);
  participants.forEach((p, i) => {
    capacity[i] = Math.min(nonNegInt(p.maxMeetings), nonNegInt(p.availableSlots));
    minEff[i] = Math.min(nonNegInt(p.minMeetings), capacity[i]);
  });

  const key = (u: number, v: number): number => (u < v ? u * n + v : v * n + u);
  const resolve = (pair: { a: string; b: string }, what: string): [number, number] | undefined => {
    const u = index.get(pair.a);
    const v = index.get(pair.b);
    if (u === undefined || v === undefined) {
      const missing = [pair.a, pair.b].filter((id) => !index.has(id));
      issue(warnings, 'unknown-participant', `${what} ${pair.a}–${pair.b} names unknown participant(s) ${missing.join(', ')}; ignored`, missing);
      return undefined;
    }
    if (u === v) {
      issue(warnings, 'self-pair', `${what} ${pair.a}–${pair.b} pairs a participant with itself; ignored`, [pair.a]);
      return undefined;
    }
    return u < v ? [u, v] : [v, u];
  };

  const forbidden = new Set<number>();
  for (const f of input.forbidden ?? []) {
    const uv = resolve(f, 'forbidden pair');
    if (uv) forbidden.add(key(uv[0], uv[1]));
  }

  // Duplicate candidate entries merge to the highest-priority kind and the best score.
  const merged = new Map<number, MergedPair>();
  for (const c of input.candidates) {
    const uv = resolve(c, 'candidate pair');
    if (!uv) continue;
    const score = clampScore(c, warnings);
    const k = key(uv[0], uv[1]);
    const prev = merged.get(k);
    if (!prev) {
      merged.set(k, { u: uv[0], v: uv[1], score, kind: c.kind, notAllowed: c.allowed === false, locked: c.locked === true });
      continue;
    }
    issue(warnings, 'duplicate-pair', `pair ${c.a}–${c.b} is listed more than once; entries merged`, [c.a, c.b]);
    if (tierOf(c.kind) < tierOf(prev.kind)) prev.kind = c.kind;
    prev.score = Math.max(prev.score, score);
    prev.notAllowed ||= c.allowed === false;
    prev.locked ||= c.locked === true;
  }

  const stats: CandidateStats[] = participants.map(() => ({ total: 0, notAllowed: 0, forbidden: 0 }));
  const forced: PreparedPair[] = [];
  const pairs: PreparedPair[] = [];
  const forcedDeg = new Int32Array(n);
  const lockedDeg = new Int32Array(n);
  const ordered = [...merged.values()].sort((x, y) => x.u - y.u || x.v - y.v);
  for (const m of ordered) {
    const ids = [participants[m.u].id, participants[m.v].id];
    const isForbidden = forbidden.has(key(m.u, m.v));
    const pair: PreparedPair = {
      u: m.u,
      v: m.v,
      score: m.score,
      scoreInt: Math.round(m.score * SCORE_SCALE),
      kind: m.kind,
      tier: tierOf(m.kind),
    };
    const fixed = pair.tier === 0 || m.locked;
    for (const w of [m.u, m.v]) {
      stats[w].total++;
      if (isForbidden) stats[w].forbidden++;
      else if (m.notAllowed && !fixed) stats[w].notAllowed++;
    }
    if (fixed) {
      // An explicit forbid/decline beats the organiser's force or lock; a general who-may-meet rule does not.
      if (isForbidden) {
        if (pair.tier === 0) issue(errors, 'forced-forbidden', `forced pair ${ids[0]}–${ids[1]} is forbidden or declined; not selected`, ids);
        if (m.locked) issue(warnings, 'locked-forbidden', `the locked meeting of ${ids[0]} and ${ids[1]} is now forbidden or declined; not selected, so the next schedule drops its lock`, ids);
        continue;
      }
      if (m.notAllowed) {
        if (pair.tier === 0) issue(warnings, 'forced-not-allowed', `forced pair ${ids[0]}–${ids[1]} breaks the who-may-meet rule; selected anyway`, ids);
        else issue(warnings, 'locked-not-allowed', `the locked meeting of ${ids[0]} and ${ids[1]} breaks the who-may-meet rule; selected anyway`, ids);
      }
      forced.push(pair);
      forcedDeg[m.u]++;
      forcedDeg[m.v]++;
      if (m.locked && pair.tier !== 0) {
        lockedDeg[m.u]++;
        lockedDeg[m.v]++;
      }
    } else if (!isForbidden && !m.notAllowed) {
      pairs.push(pair);
    }
  }
  for (let i = 0; i < n; i++) {
    if (forcedDeg[i] > capacity[i]) {
      const p = participants[i];
      issue(
        errors,
        'forced-over-capacity',
        `participant ${p.id} has ${forcedDeg[i]} forced pairs${lockedDeg[i] > 0 ? ` (${lockedDeg[i]} of them locked meetings)` : ''} but capacity ${capacity[i]} (maxMeetings ${p.maxMeetings}, ${p.availableSlots} available slots); all forced pairs kept`,
        [p.id],
      );
    }
  }
  return { participants, capacity, minEff, forced, forcedDeg, pairs, stats, errors, warnings };
}

function clampScore(c: CandidatePair, warnings: PairSelectionIssue[]): number {
  if (Number.isFinite(c.score) && c.score >= 0 && c.score <= 1) return c.score;
  const fixed = Number.isFinite(c.score) ? Math.min(1, Math.max(0, c.score)) : 0;
  warnings.push({
    code: 'invalid-score',
    message: `pair ${c.a}–${c.b} has score ${String(c.score)} outside [0, 1]; using ${fixed}`,
    participants: [c.a, c.b],
  });
  return fixed;
}
