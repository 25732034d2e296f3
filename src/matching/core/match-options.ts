// Options, statistics and compiled weights of the match search (shared by the forward search and
// the incremental upkeep).
import { applicableComponents, COMPONENTS, type ScoringContext, type ScoringWeights, type TieUpContext } from '../../scoring/core';
import type { NormalisedWeights } from './pair-bound';

export interface MatchOptions {
  /** List length (default 20). */
  k?: number;
  weights: ScoringWeights;
  /** Rule, mode, tie-up and exclusions (forbidden/declined pairs); a required rule blocks candidates. */
  ctx: ScoringContext;
  /** Tuning only (results are identical): lists shorter than this are always read (default: see defaultMinUnreadLength). */
  minUnreadLength?: number;
}

export interface MatchStats {
  queries: number;
  /** Exact pair evaluations. */
  pairsScored: number;
  /** Candidates whose upper bound was computed. */
  candidatesConsidered: number;
  postingsRead: number;
  /** Extra rounds because the guessed threshold was too high or the list stayed short. */
  extraRounds: number;
  /** Queries completed from signature buckets (candidates sharing no key). */
  completions: number;
  /** Candidates whose bound was refined from their own postings. */
  refined: number;
  /** Candidate blocks bounded, and expanded to their members (block search). */
  blocksBounded: number;
  blocksExpanded: number;
  /** Blocks whose bound was recomputed from their own postings (lists left unread for the query). */
  blocksRefined: number;
  /** Candidates whose forward direction was computed (the first stage of an exact score). */
  forwardOnly: number;
  ms: number;
}

export function emptyStats(): MatchStats {
  return { queries: 0, pairsScored: 0, candidatesConsidered: 0, postingsRead: 0, extraRounds: 0, completions: 0, refined: 0, blocksBounded: 0, blocksExpanded: 0, blocksRefined: 0, forwardOnly: 0, ms: 0 };
}

export function normaliseWeights(weights: ScoringWeights, ctx: ScoringContext, tieUp: TieUpContext | null): NormalisedWeights {
  const applicable = applicableComponents(ctx, tieUp);
  let sum = 0;
  for (const c of COMPONENTS) if (applicable[c]) sum += weights[c];
  const w = (c: (typeof COMPONENTS)[number]) => (applicable[c] && sum > 0 ? weights[c] / sum : 0);
  return { complementarity: w('complementarity'), sector: w('sector'), text: w('text'), cooperation: w('cooperation'), language: w('language'), region: w('region'), focus: w('focus') };
}

/** Ids that may be excluded with a given id (a superset: every hit is confirmed with the exact key). */
export function exclusionCandidates(ctx: ScoringContext): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  const add = (a: string, b: string) => {
    if (!out.has(a)) out.set(a, new Set());
    if (!out.has(b)) out.set(b, new Set());
    out.get(a)!.add(b);
    out.get(b)!.add(a);
  };
  const split = (key: string, sep: string) => {
    for (let i = key.indexOf(sep); i > 0; i = key.indexOf(sep, i + 1)) add(key.slice(0, i), key.slice(i + 1));
  };
  for (const k of ctx.forbiddenPairs ?? []) split(k, '|');
  for (const k of ctx.declinedPairs ?? []) split(k, '>');
  return out;
}
