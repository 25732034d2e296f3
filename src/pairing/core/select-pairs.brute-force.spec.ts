// Cross-checks selectPairs against exhaustive enumeration on small random events, and checks
// invariants on a moderately sized one (not timed).
import { selectPairs } from './select-pairs';
import type {
  CandidatePair,
  PairKind,
  PairParticipant,
  PairSelectionInput,
  PairSelectionObjective,
} from './pair-selection.types';

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 4294967296;
  };
}

const KINDS: PairKind[] = ['confirmed', 'mutual', 'must-meet', 'suggested', 'suggested', 'suggested'];

function randomEvent(random: () => number, size: number, pairs: number, bipartite: boolean): PairSelectionInput {
  const participants: PairParticipant[] = Array.from({ length: size }, (_, i) => ({
    id: `${i % 2 ? 'jp' : 'de'}${i}`,
    minMeetings: Math.floor(random() * 3),
    maxMeetings: 1 + Math.floor(random() * 3),
    availableSlots: 1 + Math.floor(random() * 3),
  }));
  const candidates: CandidatePair[] = [];
  const seen = new Set<string>();
  for (let t = 0; t < pairs * 3 && candidates.length < pairs; t++) {
    const i = Math.floor(random() * size);
    const j = Math.floor(random() * size);
    if (i >= j || (bipartite && i % 2 === j % 2) || seen.has(`${i}-${j}`)) continue;
    seen.add(`${i}-${j}`);
    const x = random();
    const kind: PairKind = x < 0.08 ? 'forced' : KINDS[Math.floor(random() * KINDS.length)];
    candidates.push({ a: participants[i].id, b: participants[j].id, score: Math.round(random() * 20) / 20, kind });
    if (random() < 0.1) candidates[candidates.length - 1].allowed = false;
  }
  const forbidden = candidates.filter(() => random() < 0.1).map((c) => ({ a: c.b, b: c.a }));
  return { participants, candidates, forbidden };
}

/** Objective vector, most significant first (default minimumPriority), with scores in millionths. */
function vector(o: PairSelectionObjective): number[] {
  const s = (x: number): number => Math.round(x * 1e6);
  return [-o.shortfall, o.tier1Pairs, s(o.tier1Score), o.tier2Pairs, s(o.tier2Score), s(o.suggestedScore)];
}
function compare(a: number[], b: number[]): number {
  for (let l = 0; l < a.length; l++) if (a[l] !== b[l]) return a[l] < b[l] ? -1 : 1;
  return 0;
}

/** Best objective by enumerating every subset of the usable non-forced pairs. */
function bruteForce(input: PairSelectionInput): number[] {
  const ids = input.participants.map((p) => p.id);
  const cap = input.participants.map((p) => Math.min(p.maxMeetings, p.availableSlots));
  const minEff = input.participants.map((p, i) => Math.min(p.minMeetings, cap[i]));
  const banned = new Set((input.forbidden ?? []).flatMap((f) => [`${f.a}|${f.b}`, `${f.b}|${f.a}`]));
  const baseDeg = ids.map(() => 0);
  const free: { u: number; v: number; c: CandidatePair }[] = [];
  for (const c of input.candidates) {
    const u = ids.indexOf(c.a);
    const v = ids.indexOf(c.b);
    if (banned.has(`${c.a}|${c.b}`)) continue;
    if (c.kind === 'forced') {
      baseDeg[u]++;
      baseDeg[v]++;
    } else if (c.allowed !== false) free.push({ u, v, c });
  }
  let best: number[] | undefined;
  for (let mask = 0; mask < 1 << free.length; mask++) {
    const deg = [...baseDeg];
    const o: PairSelectionObjective = { shortfall: 0, tier1Pairs: 0, tier1Score: 0, tier2Pairs: 0, tier2Score: 0, suggestedScore: 0 };
    let ok = true;
    free.forEach(({ u, v, c }, e) => {
      if (!(mask & (1 << e))) return;
      deg[u]++;
      deg[v]++;
      if (deg[u] > Math.max(cap[u], baseDeg[u]) || deg[v] > Math.max(cap[v], baseDeg[v])) ok = false;
      if (c.kind === 'confirmed' || c.kind === 'mutual') {
        o.tier1Pairs++;
        o.tier1Score += c.score;
      } else if (c.kind === 'must-meet') {
        o.tier2Pairs++;
        o.tier2Score += c.score;
      } else o.suggestedScore += c.score;
    });
    if (!ok) continue;
    o.shortfall = minEff.reduce((acc, m, i) => acc + Math.max(0, m - deg[i]), 0);
    const vec = vector(o);
    if (!best || compare(vec, best) > 0) best = vec;
  }
  return best ?? [];
}

describe('selectPairs vs exhaustive search', () => {
  it('is optimal on every small bipartite event', () => {
    const random = rng(7);
    for (let t = 0; t < 150; t++) {
      const input = randomEvent(random, 4 + Math.floor(random() * 5), 12, true);
      const result = selectPairs(input);
      expect(result.method).toBe('exact-bipartite');
      expect(vector(result.objective)).toEqual(bruteForce(input));
    }
  });

  it('on small general events: never beats the optimum, bound never below it, mostly optimal', () => {
    const random = rng(11);
    let optimal = 0;
    const runs = 150;
    for (let t = 0; t < runs; t++) {
      const input = randomEvent(random, 4 + Math.floor(random() * 4), 13, false);
      const result = selectPairs(input);
      const best = bruteForce(input);
      const got = vector(result.objective);
      expect(compare(got, best)).toBeLessThanOrEqual(0);
      expect(compare(vector(result.bound), best)).toBeGreaterThanOrEqual(0);
      if (result.method !== 'heuristic-general') expect(got).toEqual(best);
      if (compare(got, best) === 0) optimal++;
    }
    expect(optimal / runs).toBeGreaterThanOrEqual(0.98); // 149/150 measured; 142 without local search
  });
});

describe('selectPairs on a moderately sized random event (invariants, not timed)', () => {
  it.each([true, false])('keeps every hard rule (bipartite: %s)', (bipartite) => {
    const random = rng(bipartite ? 3 : 5);
    const size = 300;
    const input = randomEvent(random, size, size * 8, bipartite);
    const result = selectPairs(input);
    const byId = new Map(input.participants.map((p) => [p.id, p]));
    const banned = new Set((input.forbidden ?? []).flatMap((f) => [`${f.a}|${f.b}`, `${f.b}|${f.a}`]));
    const candidate = new Map(input.candidates.map((c) => [`${c.a}|${c.b}`, c]));
    const deg = new Map<string, number>();
    const forcedDeg = new Map<string, number>();
    const seen = new Set<string>();
    for (const s of result.selected) {
      const c = candidate.get(`${s.a}|${s.b}`) ?? candidate.get(`${s.b}|${s.a}`);
      expect(c).toBeDefined();
      expect(banned.has(`${s.a}|${s.b}`)).toBe(false);
      if (s.kind !== 'forced') expect(c?.allowed).not.toBe(false);
      expect(seen.has(`${s.a}|${s.b}`)).toBe(false);
      seen.add(`${s.a}|${s.b}`);
      for (const id of [s.a, s.b]) {
        deg.set(id, (deg.get(id) ?? 0) + 1);
        if (s.kind === 'forced') forcedDeg.set(id, (forcedDeg.get(id) ?? 0) + 1);
      }
    }
    for (const c of input.candidates) {
      if (c.kind !== 'forced' || banned.has(`${c.a}|${c.b}`)) continue;
      expect(seen.has(`${c.a}|${c.b}`) || seen.has(`${c.b}|${c.a}`)).toBe(true);
    }
    for (const o of result.perParticipant) {
      const p = byId.get(o.id) as PairParticipant;
      const capacity = Math.min(p.maxMeetings, p.availableSlots);
      expect(o.selected).toBe(deg.get(o.id) ?? 0);
      expect(o.selected).toBeLessThanOrEqual(Math.max(capacity, forcedDeg.get(o.id) ?? 0));
      expect(o.shortfall).toBe(Math.max(0, p.minMeetings - o.selected));
      expect(o.reasons.length > 0).toBe(o.shortfall > 0);
    }
    expect(result.totals.pairs).toBe(result.selected.length);
    expect(compare(vector(result.objective), vector(result.bound))).toBeLessThanOrEqual(0);
  });
});
