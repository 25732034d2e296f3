// Public surface of the multilingual text-analysis core.
export type { ConceptEntry, ConceptSource } from './concept.types';
export type { AnalysedText, ConceptHit, DetectedLang, Lang, LanguageGuess, SparseVector, WeightedField } from './text.types';
export { detectLanguage, detectLatinLanguage } from './detect-language';
export { tokeniseEnglish, tokeniseGerman, tokeniseJapanese, japaneseBigrams, type JapaneseTokens } from './tokenise';
export { isStopWord } from './stop-words';
export { stemToken, createCachedStemmer, type CachedStemmer } from './stem';
export { GermanCompoundSplitter, GERMAN_TECHNICAL_WORDS, type CompoundSplitterOptions } from './german-compound-splitter';
export { ConceptMatcher, japaneseNaceKeys, type ConceptMatcherOptions, type LatinStream, type MatchInput } from './concept-matcher';
export {
  addScaled,
  cosine,
  dot,
  FeatureDictionary,
  IdfTable,
  type StoredIdf,
  l2Normalise,
  norm,
  packedDot,
  sharedFeatures,
  weight,
  type PackedVector,
  type WeightOptions,
} from './term-vector';
export {
  CONCEPT_PREFIX,
  conceptIds,
  createTextAnalyser,
  mergeVectors,
  type AnalyseOptions,
  type Corpus,
  type FeatureWeights,
  type TextAnalyser,
  type TextAnalyserOptions,
} from './text-analyser';
