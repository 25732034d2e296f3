import { FeatureDictionary } from '../../text';
import { COMPLEMENTARITY, direction } from './complementarity';
import { createPairScorer, declineKey, explainPair, pairKey, scorePair } from './score-pair';
import { fixtureEnv, input, pool } from './scoring-fixture.spec-helper';
import { DEFAULT_WEIGHTS } from './scoring-weights';
import type { ComponentName, PairScore, ScoringContext, ScoringWeights } from './scoring.types';

const ANY: ScoringContext = { rule: 'any', mode: 'preferred' };
const CROSS_COUNTRY: ScoringContext = { rule: 'cross-country', mode: 'required' };
const ZERO: ScoringWeights = { complementarity: 0, sector: 0, text: 0, cooperation: 0, language: 0, region: 0, focus: 0 };
const only = (c: ComponentName): ScoringWeights => ({ ...ZERO, [c]: 1 });
const value = (r: PairScore, c: ComponentName) => r.breakdown.find((x) => x.component === c)!.value;

describe('scorePair: sector relatedness', () => {
  const p = pool(
    input('optics', { sectors: ['26.70'] }),
    input('optics2', { sectors: ['C26.70'] }),
    input('ophthalmic', { sectors: ['86.22'] }),
    input('car', { sectors: ['29.10'] }),
    input('robot', { sectors: ['28.99'] }),
    input('opticsOther', { sectors: ['32.50'] }),
    input('farm', { sectors: ['01.11'] }),
    input('laserA', { offers: ['lasers'] }),
    input('laserB', { offers: ['laser systems'] }),
  );

  it('same NACE class (any spelling) → 1', () => {
    expect(scorePair(p.optics, p.optics2, only('sector'), ANY).score).toBe(1);
  });

  it('codes in related focus sectors → 0.5 × strength (automotive ↔ robotics, 0.7)', () => {
    // The code-derived domains give 0.8 (SECTOR_FROM_TEXT) · 0.8 · 0.8 · 0.35 ≈ 0.18 < 0.35: the taxonomy decides.
    expect(scorePair(p.car, p.robot, only('sector'), ANY).score).toBeCloseTo(0.35, 10);
  });

  it('codes sharing a focus sector in different divisions → 0.6', () => {
    expect(scorePair(p.optics, p.opticsOther, only('sector'), ANY).score).toBeCloseTo(0.6, 10);
    expect(scorePair(p.optics, p.ophthalmic, only('sector'), ANY).score).toBeCloseTo(0.6, 10);
  });

  it('unrelated codes → 0, with the unrelated pair ranked below the related ones', () => {
    const r = scorePair(p.optics, p.farm, only('sector'), ANY);
    expect(r.score).toBe(0);
    expect(scorePair(p.car, p.robot, only('sector'), ANY).score).toBeGreaterThan(r.score);
  });

  it('without codes, the focus sectors of the texts count at SECTOR_FROM_TEXT (0.8)', () => {
    expect(scorePair(p.laserA, p.laserB, only('sector'), ANY).score).toBeCloseTo(0.8, 10);
  });

  it('explains the taxonomy reason', () => {
    const r = explainPair(p.car, p.robot, only('sector'), ANY);
    expect(r.reasons[0]).toMatchObject({ code: 'sector_related_focus', component: 'sector', params: { codeA: '29.10', codeB: '28.99' } });
    expect(r.reasons[0].message).toBe('automotive is related to mechatronics & robotics (strength 0.7)');
    expect(explainPair(p.optics, p.optics2, only('sector'), ANY).reasons[0].code).toBe('sector_same');
  });
});

describe('scorePair: complementarity', () => {
  const p = pool(
    input('a', { seeks: ['laser diodes'] }),
    input('b', { offers: ['laser diodes'] }),
    input('aMutual', { seeks: ['laser diodes'], offers: ['distribution of photonics products in Japan'] }),
    input('bMutual', { offers: ['laser diodes'], seeks: ['distribution of photonics products in Japan'] }),
    input('seller', { seeks: ['distribution partners for laser diodes'] }),
  );
  const env = fixtureEnv();
  const n = env.domainIds.length;

  it('an identical need and offer match fully: kind 1 · (½ · domain 1 + ½ · cosine 1)', () => {
    expect(direction(p.a, p.b, env.domainRelation, n)).toBeCloseTo(1, 10);
  });

  it('one-sided primary fit = PRIMARY (0.65), reverse only = REVERSE (0.25), mutual = 1', () => {
    const primaryOnly = value(scorePair(p.a, p.b, only('complementarity'), ANY), 'complementarity');
    const reverseOnly = value(scorePair(p.b, p.a, only('complementarity'), ANY), 'complementarity');
    const mutual = value(scorePair(p.aMutual, p.bMutual, only('complementarity'), ANY), 'complementarity');
    expect(primaryOnly).toBeCloseTo(COMPLEMENTARITY.primary, 10);
    expect(reverseOnly).toBeCloseTo(COMPLEMENTARITY.reverse, 10);
    expect(mutual).toBeCloseTo(1, 10);
    expect(mutual).toBeGreaterThan(primaryOnly);
    expect(primaryOnly).toBeGreaterThan(reverseOnly);
  });

  it('is directional: B offering what A seeks ranks B higher for A than A for B', () => {
    expect(scorePair(p.a, p.b, DEFAULT_WEIGHTS, ANY).score).toBeGreaterThan(scorePair(p.b, p.a, DEFAULT_WEIGHTS, ANY).score);
  });

  it('a distributor seeking distribution partners is not served by a product offer (kind floor 0.1)', () => {
    expect(direction(p.seller, p.b, env.domainRelation, n)).toBeLessThanOrEqual(0.1 + 1e-12);
    expect(direction(p.seller, p.b, env.domainRelation, n)).toBeGreaterThan(0);
  });

  it('matches a German offer to a Japanese need through concepts (no shared token)', () => {
    const q = pool(
      input('jp', { country: 'JP', region: 'Hamamatsu', seeks: ['光学レンズの受託製造'], languages: ['ja'] }),
      input('de', { offers: ['Auftragsfertigung optischer Linsen'], languages: ['de'] }),
      input('other', { offers: ['Zahnräder für Getriebe'], languages: ['de'] }),
    );
    const match = direction(q.jp, q.de, env.domainRelation, n);
    expect(match).toBeGreaterThan(0.6); // kind 1 (contract manufacturing) and the same sector at least
    expect(direction(q.jp, q.other, env.domainRelation, n)).toBeLessThan(0.1);
    const r = explainPair(q.jp, q.de, DEFAULT_WEIGHTS, CROSS_COUNTRY);
    const reason = r.reasons.find((x) => x.code === 'offers_what_you_seek');
    expect(reason?.params).toMatchObject({ offer: 'Auftragsfertigung optischer Linsen', seek: '光学レンズの受託製造', kinds: ['manufacturing'] });
    expect(reason?.message).toBe("DE offers 'Auftragsfertigung optischer Linsen', which JP seeks ('光学レンズの受託製造')");
  });

  it('a need stated only in the description still counts, less than a listed one', () => {
    const q = pool(
      input('listed', { seeks: ['laser diodes'] }),
      input('described', { description: 'We are looking for suppliers of laser diodes.' }),
      input('offerer', { offers: ['laser diodes'] }),
    );
    const listed = direction(q.listed, q.offerer, env.domainRelation, n);
    const described = direction(q.described, q.offerer, env.domainRelation, n);
    expect(described).toBeGreaterThan(0.3);
    expect(described).toBeLessThan(listed);
  });
});

describe('scorePair: language, region rule, exclusions, focus bonus', () => {
  const p = pool(
    input('deOnly', { languages: ['de'], offers: ['lasers'] }),
    input('jaOnly', { country: 'JP', region: 'Hamamatsu', languages: ['ja'], offers: ['lasers'] }),
    input('enJa', { country: 'JP', region: 'Hamamatsu', languages: ['en', 'ja'] }),
    input('jenaToo', { region: 'Jena' }),
    input('leipzig', { region: 'Leipzig' }),
  );

  it('no shared language → value 0.2 and the interpreter flag with its reason', () => {
    const r = explainPair(p.deOnly, p.jaOnly, DEFAULT_WEIGHTS, CROSS_COUNTRY);
    expect(r.interpreterNeeded).toBe(true);
    expect(value(r, 'language')).toBe(0.2);
    expect(r.reasons.map((x) => x.code)).toContain('interpreter_needed');
    const shared = scorePair(p.enJa, p.leipzig, DEFAULT_WEIGHTS, CROSS_COUNTRY);
    expect(shared.interpreterNeeded).toBe(false);
    expect(value(shared, 'language')).toBe(1);
  });

  it('cross-country required → a same-country pair is excluded with score 0', () => {
    const r = explainPair(p.deOnly, p.leipzig, DEFAULT_WEIGHTS, CROSS_COUNTRY);
    expect(r.score).toBe(0);
    expect(r.excluded?.code).toBe('same_country');
    expect(r.reasons[0].code).toBe('excluded_same_country');
    expect(scorePair(p.deOnly, p.jaOnly, DEFAULT_WEIGHTS, CROSS_COUNTRY).excluded).toBeNull();
  });

  it('cross-region required excludes the same region only; preferred makes it a component', () => {
    const ctx: ScoringContext = { rule: 'cross-region', mode: 'required' };
    expect(scorePair(p.deOnly, p.jenaToo, DEFAULT_WEIGHTS, ctx).excluded?.code).toBe('same_region');
    expect(scorePair(p.deOnly, p.leipzig, DEFAULT_WEIGHTS, ctx).excluded).toBeNull();
    const preferred: ScoringContext = { rule: 'cross-region', mode: 'preferred' };
    const same = scorePair(p.deOnly, p.jenaToo, DEFAULT_WEIGHTS, preferred);
    expect(same.excluded).toBeNull();
    expect(same.breakdown.find((c) => c.component === 'region')).toMatchObject({ value: 0, weight: DEFAULT_WEIGHTS.region });
    expect(value(scorePair(p.deOnly, p.leipzig, DEFAULT_WEIGHTS, preferred), 'region')).toBe(1);
  });

  it('excludes the same organisation, forbidden pairs (either order) and declined partners (either direction)', () => {
    expect(scorePair(p.deOnly, p.deOnly, DEFAULT_WEIGHTS, ANY).excluded?.code).toBe('same_organisation');
    const forbidden: ScoringContext = { ...ANY, forbiddenPairs: new Set([pairKey('jaOnly', 'deOnly')]) };
    expect(scorePair(p.deOnly, p.jaOnly, DEFAULT_WEIGHTS, forbidden)).toMatchObject({ score: 0, excluded: { code: 'forbidden_pair' } });
    const declined: ScoringContext = { ...ANY, declinedPairs: new Set([declineKey('jaOnly', 'deOnly')]) };
    expect(scorePair(p.deOnly, p.jaOnly, DEFAULT_WEIGHTS, declined).excluded?.code).toBe('declined');
    expect(scorePair(p.jaOnly, p.deOnly, DEFAULT_WEIGHTS, declined).excluded?.code).toBe('declined');
    expect(createPairScorer(DEFAULT_WEIGHTS, declined).value(p.deOnly, p.jaOnly)).toBe(0);
    expect(scorePair(p.deOnly, p.jaOnly, DEFAULT_WEIGHTS, ANY).score).toBeGreaterThan(0);
  });

  it('focus bonus: a shared focus sector of the tie-up, named in the reason; not applicable without a tie-up', () => {
    const ctx: ScoringContext = { ...CROSS_COUNTRY, tieUp: { name: 'Jena × Hamamatsu', focusSectors: ['optics-photonics', 'ophthalmology'] } };
    const r = explainPair(p.deOnly, p.jaOnly, DEFAULT_WEIGHTS, ctx);
    expect(r.breakdown.find((c) => c.component === 'focus')).toMatchObject({ value: 1, weight: DEFAULT_WEIGHTS.focus });
    const reason = r.reasons.find((x) => x.code === 'tie_up_focus_sector');
    expect(reason?.message).toBe('optics & photonics: focus sector of the Jena × Hamamatsu tie-up');
    expect(reason?.params).toEqual({ sector: 'optics-photonics', tieUp: 'Jena × Hamamatsu' });
    const without = scorePair(p.deOnly, p.jaOnly, DEFAULT_WEIGHTS, CROSS_COUNTRY);
    expect(without.breakdown.find((c) => c.component === 'focus')?.weight).toBe(0);
    const other: ScoringContext = { ...CROSS_COUNTRY, tieUp: { name: 'Essen × Koriyama', focusSectors: ['hydrogen'] } };
    expect(value(scorePair(p.deOnly, p.jaOnly, DEFAULT_WEIGHTS, other), 'focus')).toBe(0);
  });
});

describe('scorePair: totals', () => {
  const p = pool(
    input('a', { seeks: ['laser diodes'], cooperation: ['distribution', 'rd'] }),
    input('b', { country: 'JP', region: 'Hamamatsu', offers: ['laser diodes'], cooperation: ['rd'] }),
    input('c', { country: 'JP', region: 'Kobe', sectors: ['21.20'], offers: ['generic drugs'], seeks: ['clinical trials'], description: 'Pharma company in Kobe.' }),
  );

  it('total = Σ weight · value / Σ weight (hand-computed)', () => {
    // complementarity 0.65 (one-sided), sector 0.8 (both texts in optics), language 1 (en).
    const w: ScoringWeights = { ...ZERO, complementarity: 2, sector: 1, language: 1 };
    expect(scorePair(p.a, p.b, w, CROSS_COUNTRY).score).toBeCloseTo((2 * 0.65 + 0.8 + 1) / 4, 10);
  });

  it('cooperation fit is directional: share of A’s types B also wants, complements half', () => {
    expect(value(scorePair(p.a, p.b, only('cooperation'), ANY), 'cooperation')).toBe(0.5);
    expect(value(scorePair(p.b, p.a, only('cooperation'), ANY), 'cooperation')).toBe(1);
  });

  it('contributions sum to the total, every value is in [0, 1], and the fast path agrees', () => {
    const scorer = createPairScorer(DEFAULT_WEIGHTS, ANY);
    for (const [x, y] of [[p.a, p.b], [p.b, p.a], [p.a, p.c], [p.c, p.b]]) {
      const r = scorePair(x, y, DEFAULT_WEIGHTS, ANY);
      expect(r.breakdown.reduce((s, c) => s + c.contribution, 0)).toBeCloseTo(r.score, 12);
      for (const c of r.breakdown) expect(c.value >= 0 && c.value <= 1).toBe(true);
      expect(r.score >= 0 && r.score <= 1).toBe(true);
      expect(scorer.value(x, y)).toBeCloseTo(r.score, 12);
    }
  });

  it('is deterministic: repeated calls and a freshly prepared pool give identical results', () => {
    const first = explainPair(p.a, p.c, DEFAULT_WEIGHTS, ANY);
    expect(explainPair(p.a, p.c, DEFAULT_WEIGHTS, ANY)).toEqual(first);
    const again = pool(input('c', { country: 'JP', region: 'Kobe', sectors: ['21.20'], offers: ['generic drugs'], seeks: ['clinical trials'], description: 'Pharma company in Kobe.' }), input('b', { country: 'JP', region: 'Hamamatsu', offers: ['laser diodes'], cooperation: ['rd'] }), input('a', { seeks: ['laser diodes'], cooperation: ['distribution', 'rd'] }));
    expect(scorePair(again.a, again.b, DEFAULT_WEIGHTS, ANY).score).toBe(scorePair(p.a, p.b, DEFAULT_WEIGHTS, ANY).score);
  });

  it('refuses profiles from different environments', () => {
    const foreign = { ...p.b, env: { ...fixtureEnv(), features: new FeatureDictionary() } };
    expect(() => scorePair(p.a, foreign, DEFAULT_WEIGHTS, ANY)).toThrow(/different scoring environments/);
  });
});
