// Complementarity: does B offer what A seeks (primary), and does A offer what B seeks (reverse)?
//
// phraseMatch(seek, offer) = kindCompat(seek, offer) · (DOMAIN_SHARE · domainMatch + (1 − DOMAIN_SHARE) · termCosine)
//                            · seek.weight · offer.weight
//   kindCompat   — activity kinds (goods, distribution, R&D, testing, …; see activity-lexicon), ≥ KIND_FLOOR;
//   domainMatch  — best w_s · w_o · relation(d_s, d_o) over the phrases' focus sectors (1 same, 0.5·strength related);
//   termCosine   — TF-IDF cosine of the phrases' stems, bigrams and concept features (focus, NACE and product
//                  concepts, so "Auftragsfertigung optischer Linsen" meets 「光学レンズの受託製造」 across languages).
// DOMAIN_SHARE = ½: the sector alone gives half a match, the product (cosine) the other half.
// direction(seeker, offerer) = best phrase match + EXTRA_NEED · (1 − best) · second best (a second met need helps a little).
// complementarity = PRIMARY · dirAB + REVERSE · dirBA + MUTUAL · min(dirAB, dirBA)
//   Linear in each direction, so scores stay comparable; the min term makes a mutual fit worth more than the
//   same total one-sidedly, and PRIMARY > REVERSE makes "B brings A what A needs" the leading signal.
import { packedDot } from '../../text';
import { kindCompatibility } from './activity-lexicon';
import type { PreparedPhrase, ScoringProfile } from './scoring.types';

export const COMPLEMENTARITY = Object.freeze({
  primary: 0.65,
  reverse: 0.25,
  mutual: 0.1,
  domainShare: 0.5,
  extraNeed: 0.25,
} as const);

export interface PhraseMatch {
  seek: PreparedPhrase;
  offer: PreparedPhrase;
  value: number;
  kind: number;
  domain: number;
  terms: number;
}

/** Best focus-sector match of two domain lists (ascending indexes) under the relation table. */
export function domainMatch(ai: Int32Array, aw: Float64Array, bi: Int32Array, bw: Float64Array, relation: Float64Array, n: number): number {
  let best = 0;
  for (let i = 0; i < ai.length; i++) {
    const row = ai[i] * n;
    for (let j = 0; j < bi.length; j++) {
      const v = aw[i] * bw[j] * relation[row + bi[j]];
      if (v > best) best = v;
    }
  }
  return best;
}

export function phraseMatch(seek: PreparedPhrase, offer: PreparedPhrase, relation: Float64Array, n: number): number {
  const kind = kindCompatibility(seek.kinds, offer.kinds);
  const domain = domainMatch(seek.domains, seek.domainWeights, offer.domains, offer.domainWeights, relation, n);
  const terms = packedDot(seek.terms, offer.terms);
  return kind * (COMPLEMENTARITY.domainShare * domain + (1 - COMPLEMENTARITY.domainShare) * terms) * seek.weight * offer.weight;
}

/** How well `offerer` meets `seeker`'s needs, in [0, 1]. */
export function direction(seeker: ScoringProfile, offerer: ScoringProfile, relation: Float64Array, n: number): number {
  let best = 0;
  let second = 0;
  const share = COMPLEMENTARITY.domainShare;
  for (const s of seeker.seeks) {
    let bestForNeed = 0;
    for (const o of offerer.offers) {
      // Cheap parts first; the merge-join for the cosine only when it could still beat the best (cosine ≤ 1).
      const k = kindCompatibility(s.kinds, o.kinds) * s.weight * o.weight;
      const partial = share * domainMatch(s.domains, s.domainWeights, o.domains, o.domainWeights, relation, n);
      if (k * (partial + (1 - share)) <= bestForNeed) continue;
      const v = k * (partial + (1 - share) * packedDot(s.terms, o.terms));
      if (v > bestForNeed) bestForNeed = v;
    }
    if (bestForNeed > best) {
      second = best;
      best = bestForNeed;
    } else if (bestForNeed > second) second = bestForNeed;
  }
  return best + COMPLEMENTARITY.extraNeed * (1 - best) * second;
}

export function combineDirections(primary: number, reverse: number): number {
  const c = COMPLEMENTARITY;
  return c.primary * primary + c.reverse * reverse + c.mutual * Math.min(primary, reverse);
}

/** The best (seek, offer) pair behind a direction, with its parts, for explanations. */
export function bestPhraseMatch(seeker: ScoringProfile, offerer: ScoringProfile, relation: Float64Array, n: number): PhraseMatch | null {
  let best: PhraseMatch | null = null;
  for (const seek of seeker.seeks) {
    for (const offer of offerer.offers) {
      const value = phraseMatch(seek, offer, relation, n);
      if (value > 0 && (!best || value > best.value)) {
        best = {
          seek,
          offer,
          value,
          kind: kindCompatibility(seek.kinds, offer.kinds),
          domain: domainMatch(seek.domains, seek.domainWeights, offer.domains, offer.domainWeights, relation, n),
          terms: packedDot(seek.terms, offer.terms),
        };
      }
    }
  }
  return best;
}
