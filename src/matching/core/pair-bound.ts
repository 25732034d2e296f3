// Upper bound of score(A, B) from the seven group values of match-keys.ts. Monotone in every
// group value, so bounding the group values bounds the score.
import { COMPLEMENTARITY } from '../../scoring/core';
import { G_D1, G_D2, G_FOCUS, G_SECTOR, G_T1, G_T2, G_TEXT } from './match-keys';

/** Normalised weights as the scorer applies them (weight / Σ applicable weights; 0 when not applicable). */
export interface NormalisedWeights {
  complementarity: number;
  sector: number;
  text: number;
  cooperation: number;
  language: number;
  region: number;
  focus: number;
}

const { primary, reverse, mutual, domainShare, extraNeed } = COMPLEMENTARITY;

/** direction() = best + extraNeed·(1 − best)·second, increasing in both, with second ≤ best ≤ u. */
export function directionBound(domain: number, terms: number): number {
  let u = domainShare * domain + (1 - domainShare) * (terms < 1 ? terms : 1);
  if (u > 1) u = 1;
  return u + extraNeed * (1 - u) * u;
}

/** Bound of the indexed components' weighted sum; `g` holds the group values at `offset`. */
export function indexedBound(w: NormalisedWeights, g: Float64Array, offset: number): number {
  return groupBound(w, g[offset + G_D1], g[offset + G_T1], g[offset + G_D2], g[offset + G_T2], g[offset + G_SECTOR], g[offset + G_TEXT], g[offset + G_FOCUS]);
}

/** The same bound from the seven group values as arguments (no array: the hot path). */
export function groupBound(w: NormalisedWeights, d1: number, t1: number, d2: number, t2: number, s: number, t: number, f: number): number {
  const h1 = directionBound(d1, t1);
  const h2 = directionBound(d2, t2);
  const comp = primary * h1 + reverse * h2 + mutual * (h1 < h2 ? h1 : h2);
  return w.complementarity * comp + w.sector * (s < 1 ? s : 1) + w.text * (t < 1 ? t : 1) + w.focus * (f < 1 ? f : 1);
}

/** The indexed part of the bound with the forward direction known exactly (h2: bound of the reverse one). */
export function boundWithForward(w: NormalisedWeights, forward: number, h2: number, rest: number): number {
  return w.complementarity * (primary * forward + reverse * h2 + mutual * (forward < h2 ? forward : h2)) + rest;
}

/** Sector, text and focus part of the bound (see groupBound). */
export function restBound(w: NormalisedWeights, s: number, t: number, f: number): number {
  return w.sector * (s < 1 ? s : 1) + w.text * (t < 1 ? t : 1) + w.focus * (f < 1 ? f : 1);
}
