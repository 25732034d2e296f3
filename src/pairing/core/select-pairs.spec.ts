import { selectPairs } from './select-pairs';
import type { CandidatePair, PairParticipant, PairSelectionInput, PairSelectionResult } from './pair-selection.types';

const person = (id: string, max = 1, min = 0, slots = 10): PairParticipant => ({
  id,
  minMeetings: min,
  maxMeetings: max,
  availableSlots: slots,
});
const pair = (a: string, b: string, score: number, kind: CandidatePair['kind'] = 'suggested'): CandidatePair => ({
  a,
  b,
  score,
  kind,
});
const keys = (r: PairSelectionResult): string[] => r.selected.map((s) => `${s.a}-${s.b}`);
const outcome = (r: PairSelectionResult, id: string) => {
  const o = r.perParticipant.find((p) => p.id === id);
  if (!o) throw new Error(`no outcome for ${id}`);
  return o;
};

describe('selectPairs – optimality', () => {
  it('beats greedy-by-score on a 2×2 bipartite case (exact method)', () => {
    // Greedy takes A1-B1 (0.9) and then only A2-B2 (0.1) = 1.0; the optimum is 0.8 + 0.8 = 1.6.
    const r = selectPairs({
      participants: ['A1', 'A2', 'B1', 'B2'].map((id) => person(id)),
      candidates: [pair('A1', 'B1', 0.9), pair('A1', 'B2', 0.8), pair('A2', 'B1', 0.8), pair('A2', 'B2', 0.1)],
    });
    expect(keys(r)).toEqual(['A1-B2', 'A2-B1']);
    expect(r.totals.score).toBeCloseTo(1.6, 9);
    expect(r.method).toBe('exact-bipartite');
    expect(r.bound).toEqual(r.objective);
  });

  it('respects degree bounds: capacity = min(maxMeetings, availableSlots)', () => {
    const r = selectPairs({
      participants: [person('H', 5, 0, 2), person('a'), person('b'), person('c'), person('d')],
      candidates: [pair('H', 'a', 0.2), pair('H', 'b', 0.9), pair('H', 'c', 0.5), pair('H', 'd', 0.7)],
    });
    expect(keys(r)).toEqual(['H-b', 'H-d']);
    expect(outcome(r, 'H')).toMatchObject({ selected: 2, capacity: 2, max: 5 });
  });

  it('gives up a higher-scoring pair so that a minimum is met', () => {
    // X can meet once: Y scores 0.9, but Z (minimum 1) has no one else.
    const r = selectPairs({
      participants: [person('X'), person('Y'), person('Z', 1, 1)],
      candidates: [pair('X', 'Y', 0.9), pair('X', 'Z', 0.3)],
    });
    expect(keys(r)).toEqual(['X-Z']);
    expect(outcome(r, 'Z').shortfall).toBe(0);
    expect(r.totals.participantsBelowMinimum).toBe(0);
  });

  it('minimises total shortfall before anything else, across a chain', () => {
    // P and Q both need one meeting; hub H1 can serve only one of them unless H2 takes the other.
    const r = selectPairs({
      participants: [person('H1'), person('H2'), person('P', 1, 1), person('Q', 1, 1)],
      candidates: [pair('H1', 'P', 1), pair('H1', 'Q', 1), pair('H2', 'Q', 0.01)],
    });
    expect(keys(r)).toEqual(['H1-P', 'H2-Q']);
    expect(r.objective.shortfall).toBe(0);
  });
});

describe('selectPairs – hard rules and tiers', () => {
  it('never selects a forbidden or disallowed pair, and explains the shortfall', () => {
    const r = selectPairs({
      participants: [person('A', 2, 1), person('B'), person('C', 2, 1), person('D')],
      candidates: [pair('A', 'B', 1, 'confirmed'), { ...pair('C', 'D', 1, 'mutual'), allowed: false }],
      forbidden: [{ a: 'B', b: 'A', reason: 'declined' }],
    });
    expect(r.selected).toEqual([]);
    expect(outcome(r, 'A').reasons).toEqual(['all candidates forbidden/declined (1 candidate)']);
    expect(outcome(r, 'C').reasons).toEqual([
      'no allowed candidates (1 candidate is excluded by who-may-meet rules)',
    ]);
  });

  it('always selects forced pairs, reporting capacity overflow as an error', () => {
    const r = selectPairs({
      participants: [person('F', 1), person('a'), person('b'), person('c')],
      candidates: [pair('F', 'a', 0.1, 'forced'), pair('F', 'b', 0.1, 'forced'), pair('F', 'c', 1, 'confirmed')],
    });
    expect(keys(r)).toEqual(['F-a', 'F-b']);
    expect(r.errors.map((e) => e.code)).toEqual(['forced-over-capacity']);
    expect(r.errors[0].participants).toEqual(['F']);
    expect(r.totals.byKind.forced).toBe(2);
  });

  it('reports a forced pair that is also forbidden and does not select it', () => {
    const r = selectPairs({
      participants: [person('A'), person('B')],
      candidates: [pair('A', 'B', 1, 'forced')],
      forbidden: [{ a: 'A', b: 'B', reason: 'organiser' }],
    });
    expect(r.selected).toEqual([]);
    expect(r.errors.map((e) => e.code)).toEqual(['forced-forbidden']);
  });

  it('keeps the pairs of locked meetings like forced ones, with their own kind, even beyond capacity', () => {
    // L can meet once: the confirmed L-c would win, but L-a is a locked meeting of the current schedule.
    const r = selectPairs({
      participants: [person('L', 1), person('a'), person('b'), person('c')],
      candidates: [{ ...pair('L', 'a', 0.1), locked: true }, { ...pair('L', 'b', 0.2), locked: true }, pair('L', 'c', 1, 'confirmed')],
    });
    expect(keys(r)).toEqual(['L-a', 'L-b']);
    expect(r.selected.map((x) => x.kind)).toEqual(['suggested', 'suggested']);
    expect(r.totals.byKind).toMatchObject({ forced: 0, suggested: 2, confirmed: 0 });
    expect(r.errors.map((e) => e.code)).toEqual(['forced-over-capacity']);
    expect(r.errors[0].message).toContain('2 of them locked meetings');
  });

  it('drops a locked pair that is now forbidden, and keeps one the who-may-meet rule no longer allows, warning for both', () => {
    const r = selectPairs({
      participants: [person('A'), person('B'), person('C'), person('D')],
      candidates: [{ ...pair('A', 'B', 0.5), locked: true }, { ...pair('C', 'D', 0.5), locked: true, allowed: false }],
      forbidden: [{ a: 'A', b: 'B', reason: 'declined' }],
    });
    expect(keys(r)).toEqual(['C-D']);
    expect(r.warnings.map((w) => w.code)).toEqual(['locked-forbidden', 'locked-not-allowed']);
    expect(r.warnings[0].participants).toEqual(['A', 'B']);
    expect(r.errors).toEqual([]);
  });

  it('explains a shortfall caused by locked meetings as capacity used by forced pairs', () => {
    const r = selectPairs({
      participants: [person('F'), person('G'), person('wants', 1, 1)],
      candidates: [{ ...pair('F', 'G', 0.1), locked: true }, pair('wants', 'F', 0.9), pair('wants', 'G', 0.9)],
    });
    expect(outcome(r, 'wants').reasons).toEqual(["candidates' capacity used by forced pairs (F, G)"]);
  });

  it('ranks confirmed/mutual over must-meet over suggestions, whatever the scores', () => {
    const participants = [person('H'), person('s'), person('m'), person('c')];
    const suggested = pair('H', 's', 1);
    const mustMeet = pair('H', 'm', 0.5, 'must-meet');
    const confirmed = pair('H', 'c', 0.01, 'confirmed');
    expect(keys(selectPairs({ participants, candidates: [suggested, mustMeet] }))).toEqual(['H-m']);
    expect(keys(selectPairs({ participants, candidates: [suggested, mustMeet, confirmed] }))).toEqual(['H-c']);
    const mutual = pair('H', 'c', 0.01, 'mutual');
    expect(keys(selectPairs({ participants, candidates: [mustMeet, mutual] }))).toEqual(['H-c']);
  });

  it('prefers more tier-1 pairs over a higher tier-1 score', () => {
    // H (cap 2) + K (cap 1): H-K 1.0 blocks K; H-x 0.1 and K-y 0.1 give two confirmed pairs.
    const r = selectPairs({
      participants: [person('H'), person('K'), person('x'), person('y')],
      candidates: [pair('H', 'K', 1, 'confirmed'), pair('H', 'x', 0.1, 'confirmed'), pair('K', 'y', 0.1, 'confirmed')],
    });
    expect(keys(r)).toEqual(['H-x', 'K-y']);
    expect(r.objective.tier1Pairs).toBe(2);
  });

  it('lets minimums outrank confirmed pairs by default, and not with after-confirmed', () => {
    const input: PairSelectionInput = {
      participants: [person('A', 1, 1), person('B'), person('C')],
      candidates: [pair('A', 'B', 0.2), pair('B', 'C', 0.9, 'confirmed')],
    };
    expect(keys(selectPairs(input))).toEqual(['A-B']);
    const r = selectPairs(input, { minimumPriority: 'after-confirmed' });
    expect(keys(r)).toEqual(['B-C']);
    expect(outcome(r, 'A').reasons).toEqual(["candidates' capacity used by higher-priority pairs (B)"]);
    expect(outcome(r, 'A').reasonDetails[0].code).toBe('capacity-used-by-higher-priority');
  });

  it('puts must-meet ahead of minimums with after-must-meet', () => {
    const input: PairSelectionInput = {
      participants: [person('A', 1, 1), person('B'), person('C')],
      candidates: [pair('A', 'B', 0.2), pair('B', 'C', 0.9, 'must-meet')],
    };
    expect(keys(selectPairs(input, { minimumPriority: 'after-confirmed' }))).toEqual(['A-B']);
    expect(keys(selectPairs(input, { minimumPriority: 'after-must-meet' }))).toEqual(['B-C']);
  });
});

describe('selectPairs – shortfall reasons', () => {
  it('names missing candidates, slots and forced capacity', () => {
    const r = selectPairs({
      participants: [
        person('lonely', 3, 2),
        person('busy', 5, 3, 2),
        person('F', 1),
        person('G', 1),
        person('wants', 2, 1),
        person('x'),
        person('y'),
      ],
      candidates: [
        pair('busy', 'x', 0.5),
        pair('busy', 'y', 0.5),
        pair('F', 'G', 0.5, 'forced'),
        pair('wants', 'F', 0.9),
        pair('wants', 'G', 0.9),
      ],
    });
    expect(outcome(r, 'lonely').reasons).toEqual(['no candidates']);
    expect(outcome(r, 'busy')).toMatchObject({ selected: 2, shortfall: 1 });
    expect(outcome(r, 'busy').reasons).toEqual(['only 2 available slots for a minimum of 3']);
    expect(outcome(r, 'wants').reasons).toEqual(["candidates' capacity used by forced pairs (F, G)"]);
  });

  it('counts too few usable candidates', () => {
    const r = selectPairs({
      participants: [person('A', 3, 3), person('b'), person('c'), person('d')],
      candidates: [pair('A', 'b', 0.5), pair('A', 'c', 0.5), pair('A', 'd', 0.5)],
      forbidden: [{ a: 'A', b: 'd' }],
    });
    expect(outcome(r, 'A').reasons).toEqual([
      'only 2 usable candidates for a minimum of 3 (0 not allowed, 1 forbidden/declined)',
    ]);
  });
  it('says when candidates are full with equal-priority pairs that serve other minimums', () => {
    // A and C both need B, who can meet once: the tie on shortfall goes to the higher score.
    const r = selectPairs({
      participants: [person('A', 1, 1), person('B'), person('C', 1, 1)],
      candidates: [pair('A', 'B', 0.2), pair('B', 'C', 0.9)],
    });
    expect(keys(r)).toEqual(['B-C']);
    expect(outcome(r, 'A').reasonDetails.map((x) => x.code)).toEqual(['candidates-at-capacity']);
    expect(outcome(r, 'A').reasons[0]).toContain('(B)');
    expect(r.totals).toMatchObject({ shortfall: 1, participantsBelowMinimum: 1 });
  });
});

describe('selectPairs – input handling and determinism', () => {
  it('handles an empty event', () => {
    const r = selectPairs({ participants: [], candidates: [] });
    expect(r.selected).toEqual([]);
    expect(r.totals).toMatchObject({ pairs: 0, score: 0, shortfall: 0 });
    expect(r.method).toBe('exact-bipartite');
  });

  it('clamps out-of-range scores with a warning', () => {
    const r = selectPairs({ participants: [person('A'), person('B')], candidates: [pair('A', 'B', 1.7)] });
    expect(r.selected[0].score).toBe(1);
    expect(r.warnings.map((w) => w.code)).toEqual(['invalid-score']);
  });

  it('ignores unknown ids and self pairs with warnings, and merges duplicates to the better kind', () => {
    const r = selectPairs({
      participants: [person('A'), person('B')],
      candidates: [pair('A', 'Z', 1), pair('A', 'A', 1), pair('A', 'B', 0.3), pair('B', 'A', 0.6, 'mutual')],
    });
    expect(r.selected).toEqual([{ a: 'A', b: 'B', score: 0.6, kind: 'mutual' }]);
    expect(r.warnings.map((w) => w.code).sort()).toEqual(['duplicate-pair', 'self-pair', 'unknown-participant']);
  });

  it('is independent of input order, breaking score ties by ids', () => {
    const participants = ['p1', 'p2', 'q1', 'q2', 'q3'].map((id) => person(id, 2));
    const candidates = [
      pair('p1', 'q1', 0.5),
      pair('p1', 'q2', 0.5),
      pair('p1', 'q3', 0.5),
      pair('p2', 'q1', 0.5),
      pair('p2', 'q2', 0.5),
      pair('p2', 'q3', 0.5),
    ];
    const base = selectPairs({ participants, candidates });
    expect(base.totals.pairs).toBe(4);
    for (let shift = 1; shift < candidates.length; shift++) {
      const rotated = [...candidates.slice(shift), ...candidates.slice(0, shift)].map((c, i) =>
        i % 2 ? { ...c, a: c.b, b: c.a } : c,
      );
      expect(selectPairs({ participants: [...participants].reverse(), candidates: rotated })).toEqual(base);
    }
  });
});

describe('selectPairs – general (non-bipartite) graphs', () => {
  it('solves a triangle with capacity 2 exactly', () => {
    const r = selectPairs({
      participants: ['A', 'B', 'C'].map((id) => person(id, 2)),
      candidates: [pair('A', 'B', 0.5), pair('B', 'C', 0.5), pair('A', 'C', 0.5)],
    });
    expect(r.totals.pairs).toBe(3);
    expect(r.method).toBe('exact-general');
  });

  it('rounds the half-integral triangle LP and reports the bound', () => {
    const r = selectPairs({
      participants: ['A', 'B', 'C'].map((id) => person(id, 1)),
      candidates: [pair('A', 'B', 0.6), pair('B', 'C', 0.5), pair('A', 'C', 0.4)],
    });
    expect(keys(r)).toEqual(['A-B']);
    expect(r.method).toBe('heuristic-general');
    expect(r.bound.suggestedScore).toBeCloseTo(0.75, 9);
  });
});
