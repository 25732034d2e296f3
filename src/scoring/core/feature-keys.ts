// The contract for an exact top-k matching engine built on this core: which sparse features can make
// each component positive, so an inverted index finds every candidate that can score above a bound.
//
// For every component c in INDEXED_COMPONENTS and every pair (A, B):
//   value_c(A, B) > 0  ⇒  probeKeys(A)[c] ∩ indexKeys(B)[c] ≠ ∅
//   complementarity: A's seek phrases (domains expanded to related sectors, and term features) against B's
//     offer phrases (`o…` keys); A's offer phrases against B's seek phrases (`s…` keys). A phrase match is
//     kind · (½ · domain + ½ · cosine), with kind ≥ KIND_FLOOR > 0, so it is positive iff the two phrases
//     share a (related) domain or a term feature.
//   sector: NACE codes with all their ancestors (`c:`), and profile domains expanded to related sectors (`f:`).
//   text: description features (`t:`).
//   focus: profile domains (`f:`), unexpanded (the bonus needs the same focus sector on both sides).
// cooperation, language and region have no features: each is at most 1 for any pair. Hence a pair that
// shares no key of a set S of indexed components scores at most scoreUpperBound(weights, ctx, S).
import type { ScoringContext, ScoringProfile, ScoringWeights, PreparedPhrase, TieUpContext } from './scoring.types';
import { applicableComponents } from './score-pair';
import { COMPONENTS } from './scoring.types';

export const INDEXED_COMPONENTS = ['complementarity', 'sector', 'text', 'focus'] as const;
export type IndexedComponent = (typeof INDEXED_COMPONENTS)[number];
export type FeatureKeys = Record<IndexedComponent, string[]>;

/** Keys to store in the inverted index for profile B (the candidate side). */
export function indexKeys(p: ScoringProfile): FeatureKeys {
  const comp = new Set<string>();
  for (const o of p.offers) phraseKeys(o, 'o', false, p, comp);
  for (const s of p.seeks) phraseKeys(s, 's', false, p, comp);
  const sector = new Set<string>();
  for (const c of p.codes) codeKeys(p, c, sector);
  for (const d of p.domains) sector.add(`f:${d}`);
  return {
    complementarity: [...comp].sort(),
    sector: [...sector].sort(),
    text: [...p.description.ids].map((id) => `t:${id}`),
    focus: [...p.domains].map((d) => `f:${d}`),
  };
}

/** Keys to look up for profile A (the query side). */
export function probeKeys(p: ScoringProfile): FeatureKeys {
  const comp = new Set<string>();
  // A's needs are met by offers (o…), A's offers meet seeks (s…).
  for (const s of p.seeks) phraseKeys(s, 'o', true, p, comp);
  for (const o of p.offers) phraseKeys(o, 's', true, p, comp);
  const sector = new Set<string>();
  for (const c of p.codes) codeKeys(p, c, sector);
  for (const d of expandDomains(p, p.domains)) sector.add(`f:${d}`);
  return {
    complementarity: [...comp].sort(),
    sector: [...sector].sort(),
    text: [...p.description.ids].map((id) => `t:${id}`),
    focus: [...p.domains].map((d) => `f:${d}`),
  };
}

/**
 * Highest score a pair can reach when it shares no key of the components in `unmatched` (those are 0):
 * Σ of the other applicable weights / Σ of all applicable weights.
 */
export function scoreUpperBound(weights: ScoringWeights, ctx: ScoringContext, tieUp: TieUpContext | null, unmatched: readonly IndexedComponent[]): number {
  const applicable = applicableComponents(ctx, tieUp && tieUp.focusSectors.length > 0 ? tieUp : null);
  let sum = 0;
  let open = 0;
  for (const c of COMPONENTS) {
    if (!applicable[c]) continue;
    sum += weights[c];
    if (!(unmatched as readonly string[]).includes(c)) open += weights[c];
  }
  return sum > 0 ? open / sum : 0;
}

function phraseKeys(ph: PreparedPhrase, side: 'o' | 's', expand: boolean, p: ScoringProfile, out: Set<string>): void {
  for (const d of expand ? expandDomains(p, ph.domains) : ph.domains) out.add(`${side}d:${d}`);
  for (const id of ph.terms.ids) out.add(`${side}t:${id}`);
}

/** The domains and every domain related to one of them (relation > 0). */
function expandDomains(p: ScoringProfile, domains: Int32Array): number[] {
  const n = p.env.domainIds.length;
  const rel = p.env.domainRelation;
  const out = new Set<number>();
  for (const d of domains) for (let j = 0; j < n; j++) if (rel[d * n + j] > 0) out.add(j);
  return [...out].sort((x, y) => x - y);
}

function codeKeys(p: ScoringProfile, codeIndex: number, out: Set<string>): void {
  const code = p.env.code(codeIndex);
  out.add(`c:${code}`);
  for (const a of p.env.taxonomy.ancestors(code)) out.add(`c:${a.code}`);
}
