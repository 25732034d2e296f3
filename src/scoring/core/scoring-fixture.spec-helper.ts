// Shared fixture for the scoring specs: one environment over the real taxonomy (built once per spec
// file; building the analyser takes a few hundred milliseconds) and a terse profile builder.
import { loadTaxonomy, type Taxonomy } from '../../taxonomy/core';
import { createScoringEnvironment, type ScoringEnvironment } from './scoring-environment';
import { preparePool } from './prepare-profile';
import type { ScoringInput, ScoringProfile } from './scoring.types';

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

/** A profile with empty text, no codes, no cooperation types; override what a test needs. */
export function input(id: string, overrides: Partial<ScoringInput> = {}): ScoringInput {
  return { id, name: id.toUpperCase(), country: 'DE', region: 'Jena', sectors: [], offers: [], seeks: [], cooperation: [], languages: ['en'], description: '', ...overrides };
}

/** Prepares the inputs as one pool (idf over them); returns them by id. */
export function pool(...inputs: ScoringInput[]): Record<string, ScoringProfile> {
  const { profiles } = preparePool(inputs, fixtureEnv());
  return Object.fromEntries(profiles.map((p) => [p.id, p]));
}
