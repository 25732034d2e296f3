// What one block-search query reads from the index: its probed lists (resolved to posting lists
// with impacts), the term lists in full (exact term values per candidate, their maxima per block),
// and the block postings of its domain/sector lists (max-group values per block).
import type { BlockScratch } from './block-scratch';
import type { CandidateBlocks } from './candidate-blocks';
import { forEachProbedList, groupWeights } from './list-selection';
import type { MatchIndex, PostingList } from './match-index';
import { SUM_GROUP, type ProbeEntry } from './match-keys';
import type { MatchStats } from './match-options';
import type { NormalisedWeights } from './pair-bound';

/** The index, its candidate blocks, the scratch and the counters a query reads with. */
export interface BlockReader {
  index: MatchIndex;
  blocks: CandidateBlocks;
  ws: BlockScratch;
  stats: MatchStats;
}

/** A probed list of the query. */
export interface Resolved {
  list: PostingList;
  group: number;
  impact: number;
  /** Largest group-weighted contribution of the list (orders the weak lists). */
  strength: number;
  /** Left unread in this run (a weak domain/sector list, see BlockSearch.selectEssential). */
  unread: boolean;
}

/** Sum group → position in the per-slot term values (t1, t2, text). */
const TERM_SLOT = [-1, 0, -1, 1, -1, 2, -1];

/**
 * Probe entries resolved to lists (kind-split variants, one list per country; lists of a blocked
 * country left out), with each list's group and impact stamped for this query. The same impacts
 * as resolveProbes of list-selection.ts, without the ordering the list selection needs.
 */
export function resolveProbeLists(r: BlockReader, entries: readonly ProbeEntry[], w: NormalisedWeights, skipCountry: number, cur: number, gwOut: Float64Array): Resolved[] {
  const { listStamp, listGroup, listImpact, listGroup2, listImpact2 } = r.ws;
  const out: Resolved[] = [];
  const add = (list: PostingList, group: number, impact: number) => {
    if (impact <= 0 || list.length === 0 || list.country === skipCountry) return;
    out.push({ list, group, impact, strength: gwOut[group] * impact * list.max, unread: false });
    const id = list.id;
    // A list can feed two groups (f: keys bound sector and focus).
    if (listStamp[id] === cur) {
      if (listGroup2[id] >= 0) throw new Error(`list ${id} probed by more than two groups`);
      listGroup2[id] = group;
      listImpact2[id] = impact;
    } else {
      listStamp[id] = cur;
      listGroup[id] = group;
      listImpact[id] = impact;
      listGroup2[id] = -1;
    }
  };
  forEachProbedList(r.index, entries, groupWeights(w, gwOut), skipCountry, add);
  return out;
}

/** Reads the query's term lists in full: exact term group values of every candidate they hold. */
export function readTerms(r: BlockReader, probes: readonly Resolved[], cur: number): number {
  const ix = r.index;
  const { slotStamp, terms, touched } = r.ws;
  const checkAlive = ix.hasDeadPostings;
  const alive = ix.alive;
  let n = 0;
  for (const p of probes) {
    if (!SUM_GROUP[p.group]) continue;
    const t = TERM_SLOT[p.group];
    const { slots, values, length } = p.list;
    const impact = p.impact;
    r.stats.postingsRead += length;
    for (let r = 0; r < length; r++) {
      const s = slots[r];
      if (checkAlive && alive[s] === 0) continue;
      const o = s * 3;
      if (slotStamp[s] !== cur) {
        slotStamp[s] = cur;
        terms[o] = terms[o + 1] = terms[o + 2] = 0;
        touched[n++] = s;
      }
      terms[o + t] += impact * values[r];
    }
  }
  return n;
}

/** Per block: the largest term group values of its members (0 for members no term list holds). */
export function blockTermMaxima(r: BlockReader, nTouched: number, cur: number): number {
  const { touched, terms, blockStamp, blockTerms, touchedBlocks } = r.ws;
  let nBlocks = 0;
  const blockOf = r.blocks.blockOf;
  for (let i = 0; i < nTouched; i++) {
    const s = touched[i];
    // Loose slots (in no block, see candidate-blocks.ts) are bounded one by one.
    const b = s < blockOf.length ? blockOf[s] : -1;
    if (b < 0) continue;
    const o = b * 3;
    const so = s * 3;
    if (blockStamp[b] !== cur) {
      blockStamp[b] = cur;
      touchedBlocks[nBlocks++] = b;
      blockTerms[o] = terms[so];
      blockTerms[o + 1] = terms[so + 1];
      blockTerms[o + 2] = terms[so + 2];
      continue;
    }
    if (terms[so] > blockTerms[o]) blockTerms[o] = terms[so];
    if (terms[so + 1] > blockTerms[o + 1]) blockTerms[o + 1] = terms[so + 1];
    if (terms[so + 2] > blockTerms[o + 2]) blockTerms[o + 2] = terms[so + 2];
  }
  return nBlocks;
}

/** Max-group values from postings (list ids, values) within [from, to), into ws.g (groups 0, 2, 4, 6). */
export function maxGroups(ws: BlockScratch, lists: Int32Array, values: Float32Array, from: number, to: number, cur: number): void {
  const { listStamp, listGroup, listImpact, listGroup2, listImpact2, g } = ws;
  g[0] = g[2] = g[4] = g[6] = 0;
  for (let j = from; j < to; j++) {
    const id = lists[j];
    if (listStamp[id] !== cur) continue;
    const v = values[j];
    let c = listImpact[id] * v;
    let h = listGroup[id];
    if (c > g[h]) g[h] = c;
    h = listGroup2[id];
    if (h < 0) continue;
    c = listImpact2[id] * v;
    if (c > g[h]) g[h] = c;
  }
}

/** Reads the block postings of the probed domain/sector lists: each block's max-group values. */
export function readBlockPostings(r: BlockReader, probes: readonly Resolved[], cur: number, nBlocks: number): number {
  const { blockDStamp, blockD, blockStamp, touchedBlocks } = r.ws;
  const { postingStart, postingBlocks, postingValues } = r.blocks;
  for (const p of probes) {
    if (SUM_GROUP[p.group] || p.unread) continue;
    const gi = p.group >> 1;
    const impact = p.impact;
    const id = p.list.id;
    // A list created after the blocks holds only loose slots: no block postings.
    if (id >= r.blocks.listCount) continue;
    const end = postingStart[id + 1];
    r.stats.postingsRead += end - postingStart[id];
    for (let j = postingStart[id]; j < end; j++) {
      const b = postingBlocks[j];
      const o = b * 4;
      if (blockDStamp[b] !== cur) {
        blockDStamp[b] = cur;
        if (blockStamp[b] !== cur) touchedBlocks[nBlocks++] = b;
        blockD[o] = blockD[o + 1] = blockD[o + 2] = blockD[o + 3] = 0;
      }
      const c = impact * postingValues[j];
      if (c > blockD[o + gi]) blockD[o + gi] = c;
    }
  }
  return nBlocks;
}
