// A profile's analysis as JSON-safe data, so it can be stored once and reused by every later pool.
// Only pool-independent output is kept (raw feature counts, kinds, focus scores, canonical codes);
// idf weighting, normalisation and interning happen in the pool step (poolFromAnalyses). Vectors keep
// their features in insertion order: restored maps iterate as the originals did, so the pool step
// interns and sums in the same order and every prepared value is bit-identical.
import type { SparseVector } from '../../text';
import type { AnalysedPhrase, AnalysedProfile } from './prepare-profile';
import type { PhraseSource, ScoringInput } from './scoring.types';

/**
 * Version of the analysis output. Bump it whenever analyseProfile, the text pipeline under it or
 * this format changes: it is part of the fingerprint stored analyses are checked against.
 */
export const ANALYSIS_VERSION = 1;

/** What a stored analysis is checked against: the analysis version and the lexicon fingerprint. */
export function analysisFingerprint(lexiconFingerprint: string): string {
  return `a${ANALYSIS_VERSION}:${lexiconFingerprint}`;
}

export interface StoredVector {
  /** Features in insertion order. */
  f: string[];
  v: number[];
}

export interface StoredPhrase {
  text: string;
  source: PhraseSource;
  weight: number;
  kinds: number;
  /** Focus-sector id → concept score. */
  focus: StoredVector;
  raw: StoredVector;
}

export interface StoredAnalysis {
  version: typeof ANALYSIS_VERSION;
  offers: StoredPhrase[];
  seeks: StoredPhrase[];
  description: StoredVector;
  codes: string[];
}

/** The fields of a profile its analysis depends on; any other field may change without re-analysis. */
export type AnalysedFields = Pick<ScoringInput, 'sectors' | 'offers' | 'seeks' | 'description'>;

function vectorOut(m: ReadonlyMap<string, number>): StoredVector {
  return { f: [...m.keys()], v: [...m.values()] };
}

function vectorIn(s: StoredVector): SparseVector {
  const m: SparseVector = new Map();
  for (let i = 0; i < s.f.length; i++) m.set(s.f[i], s.v[i]);
  return m;
}

export function encodeAnalysis(a: AnalysedProfile): StoredAnalysis {
  const phrase = (p: AnalysedPhrase): StoredPhrase => ({ text: p.text, source: p.source, weight: p.weight, kinds: p.kinds, focus: vectorOut(p.focus), raw: vectorOut(p.raw) });
  return { version: ANALYSIS_VERSION, offers: a.offers.map(phrase), seeks: a.seeks.map(phrase), description: vectorOut(a.descriptionRaw), codes: [...a.codes] };
}

/**
 * The analysis back, attached to the profile's current input (names, countries, languages and
 * cooperation are read at pool time; only the analysed fields must be those it was made from).
 * Null when the data is of another version: the caller analyses the profile again.
 */
export function decodeAnalysis(s: StoredAnalysis, input: ScoringInput): AnalysedProfile | null {
  if (s?.version !== ANALYSIS_VERSION) return null;
  const phrase = (p: StoredPhrase): AnalysedPhrase => ({ text: p.text, source: p.source, weight: p.weight, kinds: p.kinds, focus: vectorIn(p.focus), raw: vectorIn(p.raw) });
  return { input, offers: s.offers.map(phrase), seeks: s.seeks.map(phrase), descriptionRaw: vectorIn(s.description), codes: [...s.codes] };
}
