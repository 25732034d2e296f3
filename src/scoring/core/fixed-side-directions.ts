// direction() with one profile fixed: the query of a match search scores hundreds of candidates in
// both directions. The fixed profile's phrase terms sit in a lookup (term id → row of its seek and
// offer values), so a candidate phrase costs one load per term instead of a merge-join, and the
// candidates' phrases are read from a PhraseTable (flat arrays) instead of scattered objects. The arithmetic is direction()'s, operation for operation: the
// same products summed in the same (ascending term id) order, the same domain, kind and best/second
// steps, so the values are bit-identical (fixed-side-directions.spec.ts checks it).
import type { PackedVector } from '../../text';
import { kindCompatibility } from './activity-lexicon';
import { COMPLEMENTARITY } from './complementarity';
import { PH_DOMAINS, PH_HEADER, PH_KINDS, PH_TERMS, PH_WEIGHT, type PhraseTable } from './phrase-table';
import type { PreparedPhrase, ScoringProfile } from './scoring.types';

const SHARE = COMPLEMENTARITY.domainShare;
const EXTRA = COMPLEMENTARITY.extraNeed;

export class FixedSideDirections {
  private profile: ScoringProfile | null = null;
  /** Term id → row (−1: not a term of the fixed profile's phrases). */
  private row = new Int32Array(0).fill(-1);
  private rowIds: number[] = [];
  /** Row-major values of the fixed profile's seeks (S per row) and offers (O per row); 0 where absent. */
  private seekValues = new Float64Array(0);
  private offerValues = new Float64Array(0);
  /** Cosines of one candidate phrase with each fixed phrase, and each fixed seek's best match. */
  private acc = new Float64Array(8);
  private bestFor = new Float64Array(8);
  private nSeeks = 0;
  private nOffers = 0;

  /** The profile set last (null before the first set). */
  get current(): ScoringProfile | null {
    return this.profile;
  }

  /** The fixed profile; every later call compares against it. */
  set(p: ScoringProfile): void {
    if (this.profile === p) return;
    for (const id of this.rowIds) this.row[id] = -1;
    this.rowIds = [];
    this.profile = p;
    this.nSeeks = p.seeks.length;
    this.nOffers = p.offers.length;
    let maxId = -1;
    for (const ph of p.seeks) maxId = Math.max(maxId, lastId(ph.terms));
    for (const ph of p.offers) maxId = Math.max(maxId, lastId(ph.terms));
    if (maxId >= this.row.length) {
      const grown = new Int32Array(Math.max(maxId + 1, this.row.length * 2)).fill(-1);
      this.row = grown;
    }
    const addRows = (phrases: readonly PreparedPhrase[]) => {
      for (const ph of phrases) for (const id of ph.terms.ids) if (this.row[id] < 0) this.row[id] = this.rowIds.push(id) - 1;
    };
    addRows(p.seeks);
    addRows(p.offers);
    const rows = this.rowIds.length;
    const S = this.nSeeks;
    const O = this.nOffers;
    if (this.seekValues.length < rows * S) this.seekValues = new Float64Array(rows * S * 2);
    if (this.offerValues.length < rows * O) this.offerValues = new Float64Array(rows * O * 2);
    this.seekValues.fill(0, 0, rows * S);
    this.offerValues.fill(0, 0, rows * O);
    p.seeks.forEach((ph, s) => ph.terms.ids.forEach((id, j) => (this.seekValues[this.row[id] * S + s] = ph.terms.values[j])));
    p.offers.forEach((ph, o) => ph.terms.ids.forEach((id, j) => (this.offerValues[this.row[id] * O + o] = ph.terms.values[j])));
  }

  /** direction(fixed, b) for the profile b stored at `slot` of the table: how well b meets the fixed profile's needs. */
  forward(t: PhraseTable, slot: number, relation: Float64Array, n: number): number {
    const a = this.fixed();
    const S = this.nSeeks;
    if (S === 0) return 0;
    const d = t.data;
    let o = t.start[slot];
    const nSeeks = d[o];
    const nOffers = d[o + 1];
    o += 2;
    for (let i = 0; i < nSeeks; i++) o += PH_HEADER + 2 * d[o + PH_TERMS] + 2 * d[o + PH_DOMAINS];
    const acc = this.scratch(S);
    const bestFor = this.bestFor.fill(0, 0, S);
    // Offers outer, the fixed seeks inner: each seek still meets the offers in their order, so every
    // seek's best match is direction()'s.
    for (let p = 0; p < nOffers; p++) {
      const nt = d[o + PH_TERMS];
      const nd = d[o + PH_DOMAINS];
      const kinds = d[o + PH_KINDS];
      const weight = d[o + PH_WEIGHT];
      const terms = o + PH_HEADER;
      const doms = terms + 2 * nt;
      this.cosines(d, terms, nt, this.seekValues, S, acc);
      for (let s = 0; s < S; s++) {
        const sp = a.seeks[s];
        const k = kindCompatibility(sp.kinds, kinds) * sp.weight * weight;
        // domainMatch(seek domains, offer domains), operation for operation.
        let dm = 0;
        const ai = sp.domains;
        const aw = sp.domainWeights;
        for (let i = 0; i < ai.length; i++) {
          const row = ai[i] * n;
          for (let j = 0; j < nd; j++) {
            const v = aw[i] * d[doms + 2 * j + 1] * relation[row + d[doms + 2 * j]];
            if (v > dm) dm = v;
          }
        }
        const partial = SHARE * dm;
        if (k * (partial + (1 - SHARE)) <= bestFor[s]) continue;
        const v = k * (partial + (1 - SHARE) * acc[s]);
        if (v > bestFor[s]) bestFor[s] = v;
      }
      o = doms + 2 * nd;
    }
    let best = 0;
    let second = 0;
    for (let s = 0; s < S; s++) {
      const bestForNeed = bestFor[s];
      if (bestForNeed > best) {
        second = best;
        best = bestForNeed;
      } else if (bestForNeed > second) second = bestForNeed;
    }
    return best + EXTRA * (1 - best) * second;
  }

  /** direction(b, fixed) for the profile b stored at `slot` of the table: how well the fixed profile meets b's needs. */
  reverse(t: PhraseTable, slot: number, relation: Float64Array, n: number): number {
    const a = this.fixed();
    const O = this.nOffers;
    const d = t.data;
    let o = t.start[slot];
    const nSeeks = d[o];
    o += 2;
    if (nSeeks === 0) return 0;
    const acc = this.scratch(O);
    let best = 0;
    let second = 0;
    for (let p = 0; p < nSeeks; p++) {
      const nt = d[o + PH_TERMS];
      const nd = d[o + PH_DOMAINS];
      const kinds = d[o + PH_KINDS];
      const weight = d[o + PH_WEIGHT];
      const terms = o + PH_HEADER;
      const doms = terms + 2 * nt;
      this.cosines(d, terms, nt, this.offerValues, O, acc);
      let bestForNeed = 0;
      for (let f = 0; f < O; f++) {
        const op = a.offers[f];
        const k = kindCompatibility(kinds, op.kinds) * weight * op.weight;
        // domainMatch(seek domains, offer domains), operation for operation.
        let dm = 0;
        const bi = op.domains;
        const bw = op.domainWeights;
        for (let i = 0; i < nd; i++) {
          const row = d[doms + 2 * i] * n;
          const w = d[doms + 2 * i + 1];
          for (let j = 0; j < bi.length; j++) {
            const v = w * bw[j] * relation[row + bi[j]];
            if (v > dm) dm = v;
          }
        }
        const partial = SHARE * dm;
        if (k * (partial + (1 - SHARE)) <= bestForNeed) continue;
        const v = k * (partial + (1 - SHARE) * acc[f]);
        if (v > bestForNeed) bestForNeed = v;
      }
      if (bestForNeed > best) {
        second = best;
        best = bestForNeed;
      } else if (bestForNeed > second) second = bestForNeed;
      o = doms + 2 * nd;
    }
    return best + EXTRA * (1 - best) * second;
  }

  /**
   * packedDot(record phrase, fixed phrase) for every fixed phrase, into acc[0..width): the record
   * phrase's terms in ascending id order, as the merge-join adds them (a term the fixed phrase lacks
   * is skipped, as the merge-join skips it).
   */
  private cosines(d: Float64Array, from: number, nt: number, values: Float64Array, width: number, acc: Float64Array): void {
    acc.fill(0, 0, width);
    const row = this.row;
    const limit = row.length;
    for (let j = 0; j < nt; j++) {
      const id = d[from + 2 * j];
      if (id >= limit) break;
      const r = row[id];
      if (r < 0) continue;
      const v = d[from + 2 * j + 1];
      for (let f = 0; f < width; f++) {
        const x = values[r * width + f];
        if (x !== 0) acc[f] += v * x;
      }
    }
  }

  private scratch(width: number): Float64Array {
    if (this.acc.length < width) {
      this.acc = new Float64Array(width * 2);
      this.bestFor = new Float64Array(width * 2);
    }
    return this.acc;
  }

  private fixed(): ScoringProfile {
    if (!this.profile) throw new Error('FixedSideDirections: no profile set');
    return this.profile;
  }
}

function lastId(v: PackedVector): number {
  return v.ids.length > 0 ? v.ids[v.ids.length - 1] : -1;
}
