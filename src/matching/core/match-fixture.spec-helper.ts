// Shared fixture for the matching specs: the real scoring environment over the real taxonomy and a
// synthetic mixed DE/EN/JA pool (built once per spec file).
import { createScoringEnvironment, DEFAULT_WEIGHTS, preparePool, type ScoringContext, type ScoringEnvironment, type ScoringInput, type ScoringProfile } from '../../scoring/core';
import { loadTaxonomy, type Taxonomy } from '../../taxonomy/core';
import { generateSyntheticInputs } from './synthetic-profiles';
import { bruteForceList } from './compute-match-lists';
import type { MatchOptions } from './match-search';
import type { MatchEntry } from './top-k';

let taxonomy: Taxonomy | null = null;
let env: ScoringEnvironment | null = null;

export function fixtureTaxonomy(): Taxonomy {
  taxonomy ??= loadTaxonomy();
  return taxonomy;
}

export function fixtureEnv(): ScoringEnvironment {
  env ??= createScoringEnvironment({ taxonomy: fixtureTaxonomy() });
  return env;
}

export function syntheticInputs(n: number, seed: number, prefix = 'p'): ScoringInput[] {
  return generateSyntheticInputs(n, fixtureTaxonomy().focusSectors(), { seed, prefix });
}

export function preparedPool(inputs: ScoringInput[]): ScoringProfile[] {
  return preparePool(inputs, fixtureEnv()).profiles;
}

export const TIE_UP = { name: 'Jena × Hamamatsu', focusSectors: ['optics-photonics', 'medical-technology', 'biotechnology'] };

/** Contexts covering every rule, both modes, a tie-up and exclusions. */
export function contexts(ids: string[]): { name: string; ctx: ScoringContext }[] {
  const forbidden = new Set([`${ids[0]}|${ids[1]}`, `${ids[2]}|${ids[5]}`, `${ids[3]}|${ids[8]}`]);
  const declined = new Set([`${ids[1]}>${ids[4]}`, `${ids[7]}>${ids[0]}`, `${ids[6]}>${ids[9]}`]);
  return [
    { name: 'cross-country required', ctx: { rule: 'cross-country', mode: 'required', tieUp: null } },
    { name: 'cross-region required + exclusions', ctx: { rule: 'cross-region', mode: 'required', tieUp: null, forbiddenPairs: forbidden, declinedPairs: declined } },
    { name: 'any + tie-up', ctx: { rule: 'any', mode: 'required', tieUp: TIE_UP } },
    { name: 'cross-country preferred + tie-up + exclusions', ctx: { rule: 'cross-country', mode: 'preferred', tieUp: TIE_UP, forbiddenPairs: forbidden, declinedPairs: declined } },
  ];
}

export function options(ctx: ScoringContext, k = 20): MatchOptions {
  return { k, weights: DEFAULT_WEIGHTS, ctx };
}

export function bruteForceAll(pool: ScoringProfile[], opts: MatchOptions): Map<string, MatchEntry[]> {
  return new Map(pool.map((q) => [q.id, bruteForceList(q, pool, opts)]));
}
