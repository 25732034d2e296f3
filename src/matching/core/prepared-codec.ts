// Prepared profiles as JSON-safe data, so a system can store them and reload them without text
// analysis. Vectors are stored with feature strings (ids are per environment). IDF is frozen per
// recompute run: term values already carry the run's idf, and the run's document frequencies are
// stored with a pool (serialisePool) so profiles prepared later (a change) use the same idf.
import type { PackedVector } from '../../text';
import { IdfTable } from '../../text';
import type { PreparedPhrase, ScoringEnvironment, ScoringProfile } from '../../scoring/core';

export interface SerialisedVector {
  /** Feature strings (standalone form) or indexes into the pool's feature table (pool form). */
  f: (string | number)[];
  v: number[];
}

export interface SerialisedPhrase {
  text: string;
  source: PreparedPhrase['source'];
  weight: number;
  kinds: number;
  domains: string[];
  domainWeights: number[];
  inheritedDomains: boolean;
  terms: SerialisedVector;
}

export interface SerialisedProfile {
  id: string;
  name: string;
  country: string;
  region: string;
  offers: SerialisedPhrase[];
  seeks: SerialisedPhrase[];
  description: SerialisedVector;
  codes: string[];
  domains: string[];
  domainWeights: number[];
  cooperation: number;
  languageCodes: string[];
}

export interface SerialisedPool {
  version: 1;
  /** Features in the order of their ids in the source environment (restoring in this order keeps sums bit-identical). */
  features: string[];
  /** Document frequency of each feature and the document count: the run's frozen idf. */
  df: number[];
  documentCount: number;
  profiles: SerialisedProfile[];
}

type FeatureName = (id: number) => string | number;

function vectorOut(v: PackedVector, name: FeatureName): SerialisedVector {
  return { f: Array.from(v.ids, name), v: Array.from(v.values) };
}

function encode(p: ScoringProfile, name: FeatureName): SerialisedProfile {
  const env = p.env;
  const phrase = (ph: PreparedPhrase): SerialisedPhrase => ({
    text: ph.text,
    source: ph.source,
    weight: ph.weight,
    kinds: ph.kinds,
    domains: Array.from(ph.domains, (d) => env.domainIds[d]),
    domainWeights: Array.from(ph.domainWeights),
    inheritedDomains: ph.inheritedDomains,
    terms: vectorOut(ph.terms, name),
  });
  return {
    id: p.id,
    name: p.name,
    country: p.country,
    region: p.region,
    offers: p.offers.map(phrase),
    seeks: p.seeks.map(phrase),
    description: vectorOut(p.description, name),
    codes: Array.from(p.codes, (c) => env.code(c)),
    domains: Array.from(p.domains, (d) => env.domainIds[d]),
    domainWeights: Array.from(p.domainWeights),
    cooperation: p.cooperation,
    languageCodes: [...p.languageCodes],
  };
}

/** Standalone form: feature strings in every vector. */
export function serialisePrepared(p: ScoringProfile): SerialisedProfile {
  return encode(p, (id) => p.env.features.name(id)!);
}

function decode(s: SerialisedProfile, env: ScoringEnvironment, feature: (f: string | number) => number): ScoringProfile {
  const vector = (v: SerialisedVector): PackedVector => {
    const pairs = v.f.map((f, i) => [feature(f), v.v[i]] as const).sort((x, y) => x[0] - y[0]);
    return { ids: Int32Array.from(pairs, (p) => p[0]), values: Float64Array.from(pairs, (p) => p[1]) };
  };
  const domains = (ids: string[], weights: number[]): [Int32Array, Float64Array] => {
    const pairs = ids.map((id, i) => {
      const d = env.domainIndex.get(id);
      if (d === undefined) throw new Error(`Unknown focus sector ${id} in a stored profile (taxonomy changed?)`);
      return [d, weights[i]] as const;
    });
    pairs.sort((x, y) => x[0] - y[0]);
    return [Int32Array.from(pairs, (p) => p[0]), Float64Array.from(pairs, (p) => p[1])];
  };
  const phrase = (ph: SerialisedPhrase): PreparedPhrase => {
    const [d, w] = domains(ph.domains, ph.domainWeights);
    return { text: ph.text, source: ph.source, weight: ph.weight, kinds: ph.kinds, domains: d, domainWeights: w, inheritedDomains: ph.inheritedDomains, terms: vector(ph.terms) };
  };
  const [d, w] = domains(s.domains, s.domainWeights);
  let languages = 0;
  for (const l of s.languageCodes) languages |= env.languageBit(l);
  return {
    env,
    id: s.id,
    name: s.name,
    country: s.country,
    region: s.region,
    offers: s.offers.map(phrase),
    seeks: s.seeks.map(phrase),
    description: vector(s.description),
    codes: Int32Array.from(s.codes, (c) => env.codeIndex(c)),
    domains: d,
    domainWeights: w,
    cooperation: s.cooperation,
    languages,
    languageCodes: [...s.languageCodes],
  };
}

/** Rebuilds a profile in `env` (no text analysis); scores equal the original's when env is the same. */
export function restorePrepared(s: SerialisedProfile, env: ScoringEnvironment): ScoringProfile {
  return decode(s, env, (f) => env.features.id(String(f)));
}

/** Pool form: one feature table, the run's idf, vectors as indexes into the table. */
export function serialisePool(profiles: readonly ScoringProfile[]): SerialisedPool {
  if (profiles.length === 0) return { version: 1, features: [], df: [], documentCount: 0, profiles: [] };
  const env = profiles[0].env;
  const used = new Set<number>();
  for (const p of profiles) {
    for (const ph of [...p.offers, ...p.seeks]) for (const id of ph.terms.ids) used.add(id);
    for (const id of p.description.ids) used.add(id);
  }
  const ids = [...used].sort((x, y) => x - y);
  const position = new Map(ids.map((id, i) => [id, i]));
  const features = ids.map((id) => env.features.name(id)!);
  return {
    version: 1,
    features,
    df: features.map((f) => env.idf.documentFrequency(f)),
    documentCount: env.idf.documentCount,
    profiles: profiles.map((p) => encode(p, (id) => position.get(id)!)),
  };
}

/**
 * Restores a pool into `base` with the stored idf. In a fresh environment the features are interned
 * in stored order, so vectors (and every score) are bit-identical to the source process.
 */
export function restorePool(pool: SerialisedPool, base: ScoringEnvironment): { env: ScoringEnvironment; profiles: ScoringProfile[] } {
  const df = new Map<string, number>();
  pool.features.forEach((f, i) => {
    if (pool.df[i] > 0) df.set(f, pool.df[i]);
  });
  const env = base.withIdf(new IdfTable(df, pool.documentCount));
  const idOf = Int32Array.from(pool.features, (f) => env.features.id(f));
  return { env, profiles: pool.profiles.map((s) => decode(s, env, (f) => idOf[Number(f)])) };
}
