// Shared shapes of the text-analysis core. Plain data only.
import type { TextLanguage } from '../profiles/profile.types';

/** A language the pipeline analyses (mirrors the profile vocabulary: de, en, ja). */
export type Lang = TextLanguage;
/** A detected language; 'und' (undetermined) for empty or evidence-free text. */
export type DetectedLang = Lang | 'und';

export interface LanguageGuess {
  lang: DetectedLang;
  /** 0..1; how sure the detector is (short phrases score lower). */
  confidence: number;
}

/** A concept found in a text. */
export interface ConceptHit {
  id: string;
  source: 'focus' | 'nace';
  /** Evidence strength before source weighting (number of matched term occurrences, NACE: fraction matched). */
  score: number;
  /** The term keys that matched (stems joined by space, or Japanese substrings); for explanations. */
  matched: string[];
}

export interface AnalysedText {
  lang: DetectedLang;
  /** Content tokens (lower-cased, stop words removed), in text order. */
  tokens: string[];
  /** Prefixed stem features of the tokens in text order, e.g. `de:augenheilkund`, `en:lens`, `ja:眼内`. */
  stems: string[];
  /** Prefixed stems of German compound parts (`de:medizin`, `de:technik` for Medizintechnik). */
  parts: string[];
  /** Japanese only: prefixed character bigrams of kanji/katakana runs (`jb:眼内`), a segmentation backup. */
  bigrams: string[];
  concepts: ConceptHit[];
}

/** Sparse feature vector: feature key → value. */
export type SparseVector = Map<string, number>;

export interface WeightedField {
  text: string;
  weight: number;
  /** Known language of the field; detected when absent. */
  lang?: Lang;
}
