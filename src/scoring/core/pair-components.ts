// The cheap components of a pair score. Each returns a value in [0, 1] from precomputed arrays.
import { COOPERATION_TYPES, type CooperationType } from '../../profiles/profile.types';
import type { Relatedness } from '../../taxonomy/core';
import { packedDot } from '../../text';
import { domainMatch } from './complementarity';
import type { ScoringContext, ScoringProfile, TieUpContext } from './scoring.types';

/**
 * sector = max(taxonomy relatedness of the best code pair, SECTOR_FROM_TEXT · domain match of the profiles'
 * focus sectors). The second term covers profiles without codes (about one in seven) or with a wrong code.
 */
export const SECTOR_FROM_TEXT = 0.8;

export interface SectorResult {
  value: number;
  /** The taxonomy's best code pair when it decided the value. */
  relatedness: Relatedness | null;
  /** Domain indexes (a, b) when the text-derived domains decided it. */
  domains: [number, number] | null;
}

export function sectorValue(a: ScoringProfile, b: ScoringProfile): number {
  const env = a.env;
  let best = 0;
  for (const i of a.codes) for (const j of b.codes) best = Math.max(best, env.relatednessValue(i, j));
  if (best >= 1) return 1;
  const n = env.domainIds.length;
  return Math.max(best, SECTOR_FROM_TEXT * domainMatch(a.domains, a.domainWeights, b.domains, b.domainWeights, env.domainRelation, n));
}

/** The same value with what decided it (explain mode only). */
export function sectorDetail(a: ScoringProfile, b: ScoringProfile): SectorResult {
  const env = a.env;
  let rel: Relatedness | null = null;
  for (const i of a.codes) {
    for (const j of b.codes) {
      const r = env.relatedness(i, j);
      if (!rel || r.value > rel.value) rel = r;
    }
  }
  const n = env.domainIds.length;
  let bestDomain: [number, number] | null = null;
  let domainValue = 0;
  for (let i = 0; i < a.domains.length; i++) {
    for (let j = 0; j < b.domains.length; j++) {
      const v = SECTOR_FROM_TEXT * a.domainWeights[i] * b.domainWeights[j] * env.domainRelation[a.domains[i] * n + b.domains[j]];
      if (v > domainValue) {
        domainValue = v;
        bestDomain = [a.domains[i], b.domains[j]];
      }
    }
  }
  const taxValue = rel?.value ?? 0;
  if (taxValue >= domainValue) return { value: taxValue, relatedness: taxValue > 0 ? rel : null, domains: null };
  return { value: domainValue, relatedness: null, domains: bestDomain };
}

export function textValue(a: ScoringProfile, b: ScoringProfile): number {
  return Math.min(1, packedDot(a.description, b.description));
}

/** Natural complements among cooperation types (symmetric), worth COOPERATION_COMPLEMENT of an exact match. */
export const COOPERATION_COMPLEMENTS: readonly [CooperationType, CooperationType][] = [
  ['distribution', 'supply'],
  ['distribution', 'production'],
  ['supply', 'production'],
  ['licensing', 'rd'],
  ['licensing', 'production'],
  ['joint_venture', 'investment'],
];
export const COOPERATION_COMPLEMENT = 0.5;
/** Either side lists no cooperation types: nothing is known, so neither reward nor punish. */
export const COOPERATION_UNKNOWN = 0.5;

const bit = (t: CooperationType) => 1 << COOPERATION_TYPES.indexOf(t);
const COMPLEMENT_MASK: number[] = COOPERATION_TYPES.map((t) =>
  COOPERATION_COMPLEMENTS.reduce((m, [x, y]) => (x === t ? m | bit(y) : y === t ? m | bit(x) : m), 0),
);

/** Share of A's cooperation types that B also wants (complements count half). Directional. */
export function cooperationValue(a: ScoringProfile, b: ScoringProfile): number {
  if (a.cooperation === 0 || b.cooperation === 0) return COOPERATION_UNKNOWN;
  let sum = 0;
  let count = 0;
  for (let i = 0; i < COOPERATION_TYPES.length; i++) {
    if ((a.cooperation & (1 << i)) === 0) continue;
    count++;
    if (b.cooperation & (1 << i)) sum += 1;
    else if (b.cooperation & COMPLEMENT_MASK[i]) sum += COOPERATION_COMPLEMENT;
  }
  return sum / count;
}

export const LANGUAGE = { shared: 1, none: 0.2, unknown: 0.5 } as const;

export function languageValue(a: ScoringProfile, b: ScoringProfile): { value: number; interpreterNeeded: boolean } {
  if (a.languages === 0 || b.languages === 0) return { value: LANGUAGE.unknown, interpreterNeeded: false };
  if (a.languages & b.languages) return { value: LANGUAGE.shared, interpreterNeeded: false };
  return { value: LANGUAGE.none, interpreterNeeded: true };
}

/** True when the pair satisfies the meeting rule. */
export function regionRuleHolds(a: ScoringProfile, b: ScoringProfile, ctx: ScoringContext): boolean {
  if (ctx.rule === 'cross-country') return a.country !== b.country;
  if (ctx.rule === 'cross-region') return a.country !== b.country || a.region !== b.region;
  return true;
}

const tieUpMasks = new WeakMap<TieUpContext, Map<ReadonlyMap<string, number>, Uint8Array>>();

/** Domain-index membership of a tie-up's focus sectors (memoised per tie-up object). */
export function tieUpMask(tieUp: TieUpContext, domainIndex: ReadonlyMap<string, number>): Uint8Array {
  let byEnv = tieUpMasks.get(tieUp);
  if (!byEnv) tieUpMasks.set(tieUp, (byEnv = new Map()));
  let mask = byEnv.get(domainIndex);
  if (!mask) {
    mask = new Uint8Array(domainIndex.size);
    for (const id of tieUp.focusSectors) {
      const i = domainIndex.get(id);
      if (i !== undefined) mask[i] = 1;
    }
    byEnv.set(domainIndex, mask);
  }
  return mask;
}

/**
 * Focus bonus: the strongest focus sector both profiles work in (weight min(w_a, w_b)) that is a focus
 * sector of the tie-up. Returns the value and the domain index (−1 when none).
 */
export function focusValue(a: ScoringProfile, b: ScoringProfile, mask: Uint8Array): { value: number; domain: number } {
  let best = 0;
  let domain = -1;
  let j = 0;
  // Both domain lists are ascending: merge-join.
  for (let i = 0; i < a.domains.length; i++) {
    const d = a.domains[i];
    while (j < b.domains.length && b.domains[j] < d) j++;
    if (j < b.domains.length && b.domains[j] === d && mask[d]) {
      const v = Math.min(a.domainWeights[i], b.domainWeights[j]);
      if (v > best) {
        best = v;
        domain = d;
      }
    }
  }
  return { value: best, domain };
}
