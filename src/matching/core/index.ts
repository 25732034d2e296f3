// Public surface of the matching core (pure: plain data in, plain data out; no I/O).
export { buildMatchIndex, MatchIndex, type PostingList, type SignatureBucket } from './match-index';
export { BlockSearch } from './block-search';
export { matchingOrder } from './pool-order';
export { buildCandidateBlocks, candidateBlocksFor, DEFAULT_BLOCK_SIZE, forkIndex, type CandidateBlocks } from './candidate-blocks';
export { decodePoolTransfer, encodePoolTransfer, type PoolTransfer } from './pool-transfer';
export { computeMatchLists, computeOne, bruteForceList, type MatchListsResult } from './compute-match-lists';
export { EPS, MatchSearch, emptyStats, normaliseWeights, type MatchOptions, type MatchStats } from './match-search';
export { compareEntries, TopK, type MatchEntry } from './top-k';
export { createRandom, generateSyntheticInputs, type SyntheticOptions } from './synthetic-profiles';
export { affectedBy, applyChange, lowBarFor, MatchListStore, type AffectedResult } from './affected-lists';
export {
  restorePool,
  restorePrepared,
  serialisePool,
  serialisePrepared,
  type SerialisedPhrase,
  type SerialisedPool,
  type SerialisedProfile,
  type SerialisedVector,
} from './prepared-codec';
