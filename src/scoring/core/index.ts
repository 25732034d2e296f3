// Public surface of the scoring core (pure: plain data in, plain data out; no I/O).
export * from './scoring.types';
export { ACTIVITY_PREFIX, activityConceptEntries, kindCompatibility, kindNames, KIND_FLOOR } from './activity-lexicon';
export {
  buildScoringConceptEntries,
  createScoringAnalyser,
  createScoringEnvironment,
  DOMAIN_RELATED_FACTOR,
  DOMAIN_SAME,
  scoringLexiconFingerprint,
  type ScoringEnvironment,
  type ScoringEnvironmentOptions,
} from './scoring-environment';
export {
  analyseProfile,
  documentVector,
  finaliseProfile,
  poolFromAnalyses,
  preparePool,
  prepareProfile,
  splitSentences,
  PHRASE_WEIGHT,
  type AnalysedPhrase,
  type AnalysedProfile,
  type AnalysisTools,
  type PreparedPool,
} from './prepare-profile';
export {
  analysisFingerprint,
  ANALYSIS_VERSION,
  decodeAnalysis,
  encodeAnalysis,
  type AnalysedFields,
  type StoredAnalysis,
  type StoredPhrase,
  type StoredVector,
} from './stored-analysis';
export { COMPLEMENTARITY, bestPhraseMatch, combineDirections, direction, phraseMatch, type PhraseMatch } from './complementarity';
export { FixedSideDirections } from './fixed-side-directions';
export { PhraseTable } from './phrase-table';
export { COOPERATION_COMPLEMENTS, LANGUAGE, SECTOR_FROM_TEXT } from './pair-components';
export { applicableComponents, breakdownOf, componentValues, createPairScorer, declineKey, effectiveTieUp, exclusionOf, explainPair, pairKey, scorePair, scorePairValue, type PairScorer } from './score-pair';
export { buildReasons } from './score-reasons';
export { INDEXED_COMPONENTS, indexKeys, probeKeys, scoreUpperBound, type FeatureKeys, type IndexedComponent } from './feature-keys';
export { PRODUCT_DOMAIN, PRODUCT_PREFIX, productConceptEntries } from './product-lexicon';
export { DEFAULT_WEIGHTS, MAX_WEIGHT, validateWeights, type WeightError, type WeightValidation } from './scoring-weights';
