import { buildCandidates, mayMeet, withLockedPairs, type MemberInfo } from './pair-candidates';

const de1: MemberInfo = { id: 'd1', country: 'DE', region: 'Jena', group: 'optics' };
const de2: MemberInfo = { id: 'd2', country: 'DE', region: 'Leipzig', group: 'bio' };
const jp1: MemberInfo = { id: 'j1', country: 'JP', region: 'Hamamatsu', group: 'optics' };
const none = { forced: false, forbidden: false, confirmed: false, mutual: false, mustMeet: false, declined: false };

describe('mayMeet', () => {
  it('applies each who-meets-whom rule', () => {
    expect(mayMeet(de1, de2, { rule: 'cross-country', mode: 'required', groupPairs: null })).toBe(false);
    expect(mayMeet(de1, jp1, { rule: 'cross-country', mode: 'required', groupPairs: null })).toBe(true);
    expect(mayMeet(de1, de2, { rule: 'cross-region', mode: 'required', groupPairs: null })).toBe(true);
    expect(mayMeet(de1, de2, { rule: 'cross-country', mode: 'preferred', groupPairs: null })).toBe(true);
    expect(mayMeet(de1, jp1, { rule: 'groups', mode: 'required', groupPairs: [['optics', 'optics']] })).toBe(true);
    expect(mayMeet(de1, de2, { rule: 'groups', mode: 'required', groupPairs: [['optics', 'optics']] })).toBe(false);
  });

  it('takes cross-region as another country or another region, as scoring does', () => {
    const rule = { rule: 'cross-region' as const, mode: 'required' as const, groupPairs: null };
    const jena2: MemberInfo = { id: 'd3', country: 'DE', region: 'Jena', group: null };
    // A region of the same name in another country is another region.
    const jenaUs: MemberInfo = { id: 'u1', country: 'US', region: 'Jena', group: null };
    expect(mayMeet(de1, jena2, rule)).toBe(false);
    expect(mayMeet(de1, jenaUs, rule)).toBe(true);
    expect(mayMeet(de1, de2, rule)).toBe(true);
    expect(mayMeet(de1, jp1, rule)).toBe(true);
    expect(mayMeet(de1, jena2, { ...rule, mode: 'preferred' })).toBe(true);
  });
});

describe('buildCandidates', () => {
  const rule = { rule: 'cross-country' as const, mode: 'required' as const, groupPairs: null };

  it('merges both directions of the lists, keeping the better score', () => {
    const { candidates } = buildCandidates([de1, jp1], [{ owner: 'd1', candidate: 'j1', score: 0.4 }, { owner: 'j1', candidate: 'd1', score: 0.7 }], [], rule);
    expect(candidates).toEqual([{ a: 'd1', b: 'j1', score: 0.7, kind: 'suggested', allowed: true }]);
  });

  it('takes the strongest review kind and lists forbidden and declined pairs', () => {
    const { candidates, forbidden } = buildCandidates(
      [de1, de2, jp1],
      [{ owner: 'd1', candidate: 'j1', score: 0.5 }],
      [
        { ...none, a: 'd1', b: 'j1', confirmed: true, mustMeet: true },
        { ...none, a: 'd1', b: 'd2', forced: true },
        { ...none, a: 'd2', b: 'j1', declined: true },
      ],
      rule,
    );
    expect(candidates).toEqual([
      { a: 'd1', b: 'd2', score: 0, kind: 'forced', allowed: true },
      { a: 'd1', b: 'j1', score: 0.5, kind: 'confirmed', allowed: true },
    ]);
    expect(forbidden).toEqual([{ a: 'd2', b: 'j1', reason: 'declined' }]);
  });

  it('marks pairs the rule forbids as not allowed, unless forced', () => {
    const { candidates } = buildCandidates([de1, de2], [{ owner: 'd1', candidate: 'd2', score: 0.9 }], [], rule);
    expect(candidates[0].allowed).toBe(false);
  });

  it('ignores entries of organisations that left the event', () => {
    expect(buildCandidates([de1], [{ owner: 'd1', candidate: 'gone', score: 1 }], [], rule).candidates).toEqual([]);
  });
});

describe('withLockedPairs', () => {
  const rule = { rule: 'cross-country' as const, mode: 'required' as const, groupPairs: null };
  const listed = [{ a: 'd1', b: 'j1', score: 0.7, kind: 'suggested' as const, allowed: true }];

  it('marks a locked pair that is still a candidate, keeping its current kind and score', () => {
    const { candidates, warnings } = withLockedPairs(listed, [{ a: 'j1', b: 'd1', kind: 'mutual', score: 0.2 }], [de1, jp1], rule);
    expect(candidates).toEqual([{ ...listed[0], locked: true }]);
    expect(warnings).toEqual([]);
    // The input is left as it was.
    expect(listed[0]).not.toHaveProperty('locked');
  });

  it('brings back a locked pair no list holds any more, with the kind and score it was selected with, never forced', () => {
    const { candidates } = withLockedPairs(
      listed,
      [
        { a: 'j1', b: 'd2', kind: 'confirmed', score: 0.4 },
        { a: 'd1', b: 'd2', kind: 'forced', score: null },
      ],
      [de1, de2, jp1],
      rule,
    );
    expect(candidates).toEqual([
      { a: 'd1', b: 'd2', score: 0, kind: 'suggested', allowed: false, locked: true },
      listed[0],
      { a: 'd2', b: 'j1', score: 0.4, kind: 'confirmed', allowed: true, locked: true },
    ]);
  });

  it('reports a lock whose side left the event', () => {
    const { candidates, warnings } = withLockedPairs(listed, [{ a: 'd1', b: 'gone', kind: 'suggested', score: 0.5 }], [de1, jp1], rule);
    expect(candidates).toEqual(listed);
    expect(warnings).toEqual([{ code: 'locked-participant-left', message: 'the locked meeting of d1 and gone is not selected: gone no longer takes part in the event', participants: ['gone'] }]);
  });
});
