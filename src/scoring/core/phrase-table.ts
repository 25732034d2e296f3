// The phrases of a pool in one flat array, one contiguous record per slot: what direction() reads of
// a candidate (kinds, weight, focus domains and term vector of each seek and offer). A match search
// reads hundreds of scattered candidates per query; with the phrases as objects (a dozen separate
// allocations per profile) most of a direction's cost was waiting for memory, while one record is a
// few consecutive cache lines.
//
// Record of a slot, all numbers in one Float64Array (ids are small integers, exact as doubles):
//   seekCount, offerCount, then per phrase (seeks first, then offers):
//   kinds, weight, termCount, domainCount, (termId, termValue) × termCount, (domainId, domainWeight) × domainCount
// Term ids and domain ids ascend within a phrase, as in the phrase's own vectors.
import type { PreparedPhrase, ScoringProfile } from './scoring.types';

/** Offsets within a phrase's header. */
export const PH_KINDS = 0;
export const PH_WEIGHT = 1;
export const PH_TERMS = 2;
export const PH_DOMAINS = 3;
export const PH_HEADER = 4;

export class PhraseTable {
  /** Start of each slot's record in `data` (−1: no record) and its length. */
  start = new Int32Array(0).fill(-1);
  private size = new Int32Array(0);
  data = new Float64Array(0);
  private used = 0;
  /** Numbers of replaced or cleared records still in `data` (reclaimed by compact). */
  private garbage = 0;

  /** Stores (or replaces) the phrases of a slot. */
  set(slot: number, p: ScoringProfile): void {
    this.clear(slot);
    if (this.garbage > 65536 && this.garbage > this.used / 2) this.compact();
    let n = 2;
    for (const ph of p.seeks) n += phraseSize(ph);
    for (const ph of p.offers) n += phraseSize(ph);
    if (this.used + n > this.data.length) {
      const grown = new Float64Array(Math.max(65536, (this.used + n) * 2));
      grown.set(this.data.subarray(0, this.used));
      this.data = grown;
    }
    const d = this.data;
    let o = this.used;
    this.start[slot] = o;
    d[o++] = p.seeks.length;
    d[o++] = p.offers.length;
    for (const ph of p.seeks) o = writePhrase(d, o, ph);
    for (const ph of p.offers) o = writePhrase(d, o, ph);
    this.size[slot] = n;
    this.used = o;
  }

  /** A copy that changes independently of this table. */
  clone(): PhraseTable {
    const c = new PhraseTable();
    c.start = this.start.slice();
    c.size = this.size.slice();
    c.data = this.data.slice();
    c.used = this.used;
    c.garbage = this.garbage;
    return c;
  }

  /** Forgets a slot's phrases. */
  clear(slot: number): void {
    if (slot >= this.start.length) {
      const n = Math.max(slot + 1, this.start.length * 2, 256);
      const start = new Int32Array(n).fill(-1);
      start.set(this.start);
      this.start = start;
      const size = new Int32Array(n);
      size.set(this.size);
      this.size = size;
    }
    if (this.start[slot] < 0) return;
    this.garbage += this.size[slot];
    this.start[slot] = -1;
  }

  /** Rewrites the live records contiguously, dropping replaced ones. */
  private compact(): void {
    const old = this.data;
    const out = new Float64Array(Math.max(65536, (this.used - this.garbage) * 2));
    let o = 0;
    for (let s = 0; s < this.start.length; s++) {
      const from = this.start[s];
      if (from < 0) continue;
      const n = this.size[s];
      out.set(old.subarray(from, from + n), o);
      this.start[s] = o;
      o += n;
    }
    this.data = out;
    this.used = o;
    this.garbage = 0;
  }
}

function phraseSize(ph: PreparedPhrase): number {
  return PH_HEADER + 2 * ph.terms.ids.length + 2 * ph.domains.length;
}

function writePhrase(d: Float64Array, o: number, ph: PreparedPhrase): number {
  d[o + PH_KINDS] = ph.kinds;
  d[o + PH_WEIGHT] = ph.weight;
  d[o + PH_TERMS] = ph.terms.ids.length;
  d[o + PH_DOMAINS] = ph.domains.length;
  o += PH_HEADER;
  for (let j = 0; j < ph.terms.ids.length; j++) {
    d[o++] = ph.terms.ids[j];
    d[o++] = ph.terms.values[j];
  }
  for (let j = 0; j < ph.domains.length; j++) {
    d[o++] = ph.domains[j];
    d[o++] = ph.domainWeights[j];
  }
  return o;
}
