// The pair score: directional — score(A, B) ranks B in A's suggestion list ("what does B bring A").
// total = Σ_c w_c · v_c / Σ_{c applicable} w_c, every v_c in [0, 1], so the total is in [0, 1].
// Applicability depends on the context only (never on the pair), so totals stay comparable within
// one context: `region` applies only to a *preferred* rule other than 'any' (a required rule is an
// exclusion instead), `focus` only when the context has a tie-up with focus sectors.
import { combineDirections, direction } from './complementarity';
import { cooperationValue, focusValue, languageValue, regionRuleHolds, sectorValue, textValue, tieUpMask } from './pair-components';
import { buildReasons } from './score-reasons';
import { COMPONENTS, type ComponentName, type ComponentScore, type Exclusion, type PairScore, type ScoringContext, type ScoringProfile, type ScoringWeights, type TieUpContext } from './scoring.types';

/** Unordered key of a pair of organisation ids (for forbidden pairs). */
export function pairKey(a: string, b: string): string {
  return a < b ? `${a}|${b}` : `${b}|${a}`;
}

/** Directional key: `by` declined `whom`. */
export function declineKey(by: string, whom: string): string {
  return `${by}>${whom}`;
}

export function effectiveTieUp(ctx: ScoringContext, a: ScoringProfile): TieUpContext | null {
  const t = ctx.tieUp === undefined ? a.env.tieUp : ctx.tieUp;
  return t && t.focusSectors.length > 0 ? t : null;
}

/** Which components count in this context (see the header). */
export function applicableComponents(ctx: ScoringContext, tieUp: TieUpContext | null): Record<ComponentName, boolean> {
  return {
    complementarity: true,
    sector: true,
    text: true,
    cooperation: true,
    language: true,
    region: ctx.rule !== 'any' && ctx.mode === 'preferred',
    focus: tieUp !== null,
  };
}

/** Hard exclusions, in order of precedence; null when the pair may be suggested. */
export function exclusionOf(a: ScoringProfile, b: ScoringProfile, ctx: ScoringContext): Exclusion | null {
  if (a.id === b.id) return { code: 'same_organisation', message: 'the same organisation' };
  if (ctx.forbiddenPairs?.has(pairKey(a.id, b.id))) return { code: 'forbidden_pair', message: 'the organisers excluded this pair' };
  if (ctx.declinedPairs && (ctx.declinedPairs.has(declineKey(a.id, b.id)) || ctx.declinedPairs.has(declineKey(b.id, a.id)))) {
    return { code: 'declined', message: 'one of the two declined a meeting with the other' };
  }
  if (ctx.mode === 'required' && !regionRuleHolds(a, b, ctx)) {
    return ctx.rule === 'cross-country'
      ? { code: 'same_country', message: `both are in ${a.country}; only cross-country meetings are allowed` }
      : { code: 'same_region', message: `both are in ${b.region}; only cross-region meetings are allowed` };
  }
  return null;
}

function assertSameEnvironment(a: ScoringProfile, b: ScoringProfile): void {
  if (a.env.features !== b.env.features) throw new Error(`Profiles ${a.id} and ${b.id} were prepared in different scoring environments`);
}

/** Component values of a non-excluded pair (weights not applied). */
export function componentValues(a: ScoringProfile, b: ScoringProfile, ctx: ScoringContext, components?: Partial<Record<ComponentName, boolean>>): {
  values: Record<ComponentName, number>;
  interpreterNeeded: boolean;
} {
  const env = a.env;
  const n = env.domainIds.length;
  const rel = env.domainRelation;
  const want = (c: ComponentName) => components?.[c] ?? true;
  const tieUp = effectiveTieUp(ctx, a);
  const lang = languageValue(a, b);
  const values: Record<ComponentName, number> = {
    complementarity: want('complementarity') ? combineDirections(direction(a, b, rel, n), direction(b, a, rel, n)) : 0,
    sector: want('sector') ? sectorValue(a, b) : 0,
    text: want('text') ? textValue(a, b) : 0,
    cooperation: want('cooperation') ? cooperationValue(a, b) : 0,
    language: lang.value,
    region: regionRuleHolds(a, b, ctx) ? 1 : 0,
    focus: tieUp && want('focus') ? focusValue(a, b, tieUpMask(tieUp, env.domainIndex)).value : 0,
  };
  return { values, interpreterNeeded: lang.interpreterNeeded };
}

/** The score alone: 0 when excluded. Prefer createPairScorer when scoring many pairs in one context. */
export function scorePairValue(a: ScoringProfile, b: ScoringProfile, weights: ScoringWeights, ctx: ScoringContext): number {
  return createPairScorer(weights, ctx).value(a, b);
}

export interface PairScorer {
  /** The total only (the hot path): no breakdown, components with weight 0 skipped; 0 when excluded. */
  value(a: ScoringProfile, b: ScoringProfile): number;
  /**
   * value(a, b) when direction(a, b) (how well b meets a's needs) is already known, e.g. from an
   * early bound check of a match search: the same number, bit for bit, without computing it twice.
   */
  valueWithForward(a: ScoringProfile, b: ScoringProfile, forward: number): number;
  /** value(a, b) with both directions already known (forward = direction(a, b), reverse = direction(b, a)). */
  valueWithDirections(a: ScoringProfile, b: ScoringProfile, forward: number, reverse: number): number;
  score(a: ScoringProfile, b: ScoringProfile): PairScore;
  explain(a: ScoringProfile, b: ScoringProfile): PairScore;
}

/**
 * Weights and context compiled once (normalised weights, applicability, tie-up mask) for scoring many
 * pairs; value() allocates nothing per pair. The tie-up is the context's, else the first profile's
 * environment default, resolved per call (cheap).
 */
export function createPairScorer(weights: ScoringWeights, ctx: ScoringContext): PairScorer {
  const plan = (a: ScoringProfile) => {
    const tieUp = effectiveTieUp(ctx, a);
    const applicable = applicableComponents(ctx, tieUp);
    let sumW = 0;
    for (const c of COMPONENTS) if (applicable[c]) sumW += weights[c];
    const w = (c: ComponentName) => (applicable[c] && sumW > 0 ? weights[c] / sumW : 0);
    return { tieUp, w: { complementarity: w('complementarity'), sector: w('sector'), text: w('text'), cooperation: w('cooperation'), language: w('language'), region: w('region'), focus: w('focus') } };
  };
  let cachedEnv: ScoringProfile['env'] | null = null;
  let cached = null as ReturnType<typeof plan> | null;
  // forward, reverse < 0: not known (a direction is never negative).
  const valueOf = (a: ScoringProfile, b: ScoringProfile, forward: number, reverse: number): number => {
    assertSameEnvironment(a, b);
    if (exclusionOf(a, b, ctx)) return 0;
    if (a.env !== cachedEnv || !cached) {
      cached = plan(a);
      cachedEnv = a.env;
    }
    const { w, tieUp } = cached;
    const env = a.env;
    const n = env.domainIds.length;
    let total = 0;
    if (w.complementarity > 0) total += w.complementarity * combineDirections(forward >= 0 ? forward : direction(a, b, env.domainRelation, n), reverse >= 0 ? reverse : direction(b, a, env.domainRelation, n));
    if (w.sector > 0) total += w.sector * sectorValue(a, b);
    if (w.text > 0) total += w.text * textValue(a, b);
    if (w.cooperation > 0) total += w.cooperation * cooperationValue(a, b);
    if (w.language > 0) total += w.language * languageValue(a, b).value;
    if (w.region > 0 && regionRuleHolds(a, b, ctx)) total += w.region;
    if (w.focus > 0 && tieUp) total += w.focus * focusValue(a, b, tieUpMask(tieUp, env.domainIndex)).value;
    return clamp01(total);
  };
  return {
    value: (a, b) => valueOf(a, b, -1, -1),
    valueWithForward: (a, b, forward) => valueOf(a, b, forward, -1),
    valueWithDirections: (a, b, forward, reverse) => valueOf(a, b, forward, reverse),
    score: (a, b) => evaluate(a, b, weights, ctx, false),
    explain: (a, b) => evaluate(a, b, weights, ctx, true),
  };
}

/** Score with the component breakdown (no reasons). */
export function scorePair(a: ScoringProfile, b: ScoringProfile, weights: ScoringWeights, ctx: ScoringContext): PairScore {
  return evaluate(a, b, weights, ctx, false);
}

/** Score, breakdown and human-readable reasons (slower: builds texts; for the top of a list). */
export function explainPair(a: ScoringProfile, b: ScoringProfile, weights: ScoringWeights, ctx: ScoringContext): PairScore {
  return evaluate(a, b, weights, ctx, true);
}

function evaluate(a: ScoringProfile, b: ScoringProfile, weights: ScoringWeights, ctx: ScoringContext, explain: boolean): PairScore {
  assertSameEnvironment(a, b);
  const excluded = exclusionOf(a, b, ctx);
  const tieUp = effectiveTieUp(ctx, a);
  const applicable = applicableComponents(ctx, tieUp);
  if (excluded) {
    const breakdown = COMPONENTS.map((component) => ({ component, value: 0, weight: applicable[component] ? weights[component] : 0, contribution: 0 }));
    const reasons = explain ? [{ code: `excluded_${excluded.code}`, component: 'exclusion' as const, message: `excluded: ${excluded.message}`, params: { a: a.name, b: b.name } }] : [];
    return { a: a.id, b: b.id, score: 0, excluded, interpreterNeeded: false, breakdown, reasons };
  }
  const { values, interpreterNeeded } = componentValues(a, b, ctx);
  const applied: Partial<ScoringWeights> = {};
  for (const c of COMPONENTS) applied[c] = applicable[c] ? weights[c] : 0;
  const breakdown = breakdownOf(applied, (component) => clamp01(values[component]));
  const score = clamp01(breakdown.reduce((s, c) => s + c.contribution, 0));
  const reasons = explain ? buildReasons(a, b, breakdown, ctx, tieUp, interpreterNeeded) : [];
  return { a: a.id, b: b.id, score, excluded: null, interpreterNeeded, breakdown, reasons };
}

/**
 * The breakdown of component values under the weights that apply (absent or 0: the component does
 * not count): each contribution is weight · value / Σ weights, so the contributions sum to the score.
 * Also rebuilds a stored suggestion's breakdown from its values.
 */
export function breakdownOf(weights: Partial<ScoringWeights>, value: (component: ComponentName, i: number) => number): ComponentScore[] {
  let sumW = 0;
  for (const c of COMPONENTS) sumW += weights[c] ?? 0;
  return COMPONENTS.map((component, i) => {
    const weight = weights[component] ?? 0;
    const v = value(component, i);
    return { component, value: v, weight, contribution: sumW > 0 ? (weight * v) / sumW : 0 };
  });
}

function clamp01(v: number): number {
  return v < 0 ? 0 : v > 1 ? 1 : v;
}
