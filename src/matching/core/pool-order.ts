// The order of a pool's profiles for matching: similar profiles next to each other.
//
// Index slots follow the pool's order, and candidate blocks group similar profiles (same place, same
// dominant focus sectors, see candidate-blocks.ts). When the pool is in random order a block's members
// sit far apart in every per-slot array, so expanding a block misses the cache once per member and
// array. In this order every block is a run of consecutive slots (blocks order a place's profiles by
// the same key), and consecutive queries are alike, so they touch the same blocks. Lists do not depend
// on the order (every list is exact; ties are broken by id): only the speed does.
import type { ScoringProfile } from '../../scoring/core';

/** Domain index with the largest weight over the phrases (phrase weight · domain weight); −1 for none. */
function dominantPhraseDomain(phrases: ScoringProfile['offers']): number {
  let best = -1;
  let bestW = 0;
  for (const ph of phrases) {
    for (let k = 0; k < ph.domains.length; k++) {
      const w = ph.weight * ph.domainWeights[k];
      if (w > bestW) {
        bestW = w;
        best = ph.domains[k];
      }
    }
  }
  return best;
}

function dominantDomain(p: ScoringProfile): number {
  let best = -1;
  let bestW = 0;
  for (let k = 0; k < p.domains.length; k++) {
    if (p.domainWeights[k] > bestW) {
      bestW = p.domainWeights[k];
      best = p.domains[k];
    }
  }
  return best;
}

/**
 * The similarity part of the order: the strongest focus sector of the profile, of its offers and of
 * its seeks (domain indexes, −1 for none). Candidate blocks order a place's profiles by it as well.
 */
export function matchingKey(p: ScoringProfile): [number, number, number] {
  return [dominantDomain(p), dominantPhraseDomain(p.offers), dominantPhraseDomain(p.seeks)];
}

/** Orders two keys (matchingKey) element by element. */
export function compareKeys(x: readonly number[], y: readonly number[]): number {
  return x[0] - y[0] || x[1] - y[1] || x[2] - y[2];
}

const byString = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);

/**
 * The pool in matching order: by country and region (the meeting rules block whole places), then by
 * dominant focus sector of the profile, its offers and its seeks, then by id, so the order depends on
 * the pool's content only (every worker loading the same pool gets the same order). Returns a new array.
 */
export function matchingOrder<T extends ScoringProfile>(profiles: readonly T[]): T[] {
  const keyed = profiles.map((p) => ({ p, key: matchingKey(p) }));
  keyed.sort((x, y) => byString(x.p.country, y.p.country) || byString(x.p.region, y.p.region) || compareKeys(x.key, y.key) || byString(x.p.id, y.p.id));
  return keyed.map((k) => k.p);
}
