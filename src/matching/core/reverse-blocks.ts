// The lists a changed profile C may enter, found over candidate blocks: which queries Q can have
// score(Q, C) at or above their list's bar (the score an outsider must beat).
//
// C's reverse probes are read like a query's forward probes (block-search.ts): term lists in full
// (exact term values per Q, their maxima per block), domain/sector lists through their block postings.
// A block is expanded only when its bound reaches the lowest bar among its members (kept per block,
// updated from the list store's bar changes); a member is then bounded from its own postings and
// reported when that bound reaches its own bar. Exactness: a block's values are the maxima of its
// members', so a block below its lowest bar holds no member that C can enter. Loose slots (changed
// since the blocks were built) are bounded one by one. A Q in no touched block shares no key with C
// and scores only its cheap part: such Q are the list store's `low` lists, which the caller checks.
import type { ScoringProfile } from '../../scoring/core';
import { COOPERATION_UNKNOWN, tieUpMask } from '../../scoring/core/pair-components';
import { blockTermMaxima, maxGroups, readBlockPostings, readTerms, resolveProbeLists, type BlockReader } from './block-postings';
import { blockScratchFor } from './block-scratch';
import { candidateBlocksFor, withBlockLanguageAndRegion, type CandidateBlocks } from './candidate-blocks';
import { EPS } from './list-selection';
import type { MatchIndex } from './match-index';
import type { MatchListStore } from './match-list-store';
import { reverseProbes } from './match-keys';
import type { MatchSearch } from './match-search';
import { directionBound, groupBound, restBound, type NormalisedWeights } from './pair-bound';

/**
 * Per store: the bar of every slot in a block (by slot, so no lookup by id) and each block's lowest,
 * kept in step through the store's bar changes. A slot's id stays the same while it is in a block.
 */
class BlockBars {
  barBySlot = new Float64Array(0);
  blockMin = new Float64Array(0);

  constructor(
    readonly index: MatchIndex,
    readonly blocks: CandidateBlocks,
    store: MatchListStore,
  ) {
    store.takeBarChanges();
    this.barBySlot = new Float64Array(index.capacity).fill(-Infinity);
    for (let s = 0; s < index.capacity; s++) if (index.alive[s]) this.barBySlot[s] = store.bar(index.ids[s]);
    this.blockMin = new Float64Array(blocks.count);
    for (let b = 0; b < blocks.count; b++) this.updateBlock(b);
  }

  /**
   * Applies the bars changed since the last call (the store records them). Only slots in a block
   * count: they were all there when these bars were built, so the arrays never grow; loose slots'
   * bars are looked up by id.
   */
  catchUp(store: MatchListStore): void {
    const { index, blocks } = this;
    for (const q of store.takeBarChanges()) {
      const s = index.slot(q);
      const b = s !== undefined && s < blocks.blockOf.length ? blocks.blockOf[s] : -1;
      if (b < 0) continue;
      this.barBySlot[s!] = store.bar(q);
      this.updateBlock(b);
    }
  }

  /** Lowest bar of the block's current members (a slot that left the block no longer counts). */
  private updateBlock(b: number): void {
    const bl = this.blocks;
    let min = Infinity;
    for (let m = bl.memberStart[b]; m < bl.memberStart[b + 1]; m++) {
      const s = bl.members[m];
      if (bl.blockOf[s] === b && this.barBySlot[s] < min) min = this.barBySlot[s];
    }
    this.blockMin[b] = min;
  }
}

const barsByStore = new WeakMap<MatchListStore, BlockBars>();

/** The store's block bars over the index's current blocks (rebuilt when the blocks are). */
function blockBarsFor(index: MatchIndex, blocks: CandidateBlocks, store: MatchListStore): BlockBars {
  let bars = barsByStore.get(store);
  if (!bars || bars.index !== index || bars.blocks !== blocks) barsByStore.set(store, (bars = new BlockBars(index, blocks, store)));
  else bars.catchUp(store);
  return bars;
}

/**
 * Calls `visit(slotQ, h2, rest)` for every live Q (other than C, not blocked by the meeting rule)
 * whose bound of score(Q, C) reaches store.bar(Q) − EPS; h2 bounds the reverse direction of (Q, C)
 * and rest its sector, text, focus and cheap part (for staged scoring). Q in no touched block
 * (sharing no key with C) is not visited: `inTouchedBlock` tells them apart.
 */
export function reachingQueries(
  index: MatchIndex,
  search: MatchSearch,
  store: MatchListStore,
  c: ScoringProfile,
  slotC: number,
  visit: (slotQ: number, h2: number, rest: number) => void,
): { bounded: number; inTouchedBlock: (slotQ: number) => boolean } {
  const blocks = candidateBlocksFor(index);
  const ws = blockScratchFor(index);
  ws.ensure(index.capacity, blocks.count, index.listCount);
  const bars = blockBarsFor(index, blocks, store);
  const cur = ++ws.counter;
  // An index holds one environment (features and tie-up, see MatchIndex), so every Q has C's weights.
  const { w, tieUp } = search.weightsFor(c);
  const focusMask = w.focus > 0 && tieUp ? tieUpMask(tieUp, c.env.domainIndex) : null;
  const ctx = search.options.ctx;
  const required = ctx.mode === 'required';
  // Cross-country required: no Q in C's own country can list C, so its country's lists stay unread.
  const blockCountry = required && ctx.rule === 'cross-country' ? index.country[slotC] : -1;
  const blockPlace = required && ctx.rule === 'cross-region' ? index.place[slotC] : -1;
  const stats = search.stats;
  const reader: BlockReader = { index, blocks, ws, stats };
  const probes = resolveProbeLists(reader, reverseProbes(c, focusMask), w, blockCountry, cur, new Float64Array(7));
  const nTouched = readTerms(reader, probes, cur);
  let nBlocks = blockTermMaxima(reader, nTouched, cur);
  nBlocks = readBlockPostings(reader, probes, cur, nBlocks);
  const { blockD, blockDStamp, blockStamp, blockTerms, touchedBlocks, slotStamp, terms, g } = ws;
  const alive = index.alive;
  const ids = index.ids;
  let bounded = 0;
  let refined = 0;
  let blocksBounded = 0;
  let blocksExpanded = 0;
  // A member: first bounded with its block's domain/sector values and its own terms and cheap part,
  // then, if that reaches its bar, from its own postings.
  const member = (s: number, bar: number, quick: Float64Array | null, lists: Int32Array, values: Float32Array, from: number, to: number) => {
    let t1 = 0;
    let t2 = 0;
    let tx = 0;
    if (slotStamp[s] === cur) {
      t1 = terms[s * 3];
      t2 = terms[s * 3 + 1];
      tx = terms[s * 3 + 2];
    }
    const cheap = search.cheap(w, s, slotC);
    bounded++;
    if (quick !== null && groupBound(w, quick[0], t1, quick[1], t2, quick[2], tx, quick[3]) + cheap < bar - EPS) return;
    refined++;
    maxGroups(ws, lists, values, from, to, cur);
    if (groupBound(w, g[0], t1, g[2], t2, g[4], tx, g[6]) + cheap < bar - EPS) return;
    visit(s, directionBound(g[2], t2), restBound(w, g[4], tx, g[6]) + cheap);
  };
  const blockValues = new Float64Array(4);
  for (let x = 0; x < nBlocks; x++) {
    const b = touchedBlocks[x];
    if (blocks.country[b] === blockCountry || blocks.place[b] === blockPlace) continue;
    const lim = bars.blockMin[b] - EPS;
    blockValues.fill(0);
    if (blockDStamp[b] === cur) for (let j = 0; j < 4; j++) blockValues[j] = blockD[b * 4 + j];
    let t1 = 0;
    let t2 = 0;
    let tx = 0;
    if (blockStamp[b] === cur) {
      t1 = blockTerms[b * 3];
      t2 = blockTerms[b * 3 + 1];
      tx = blockTerms[b * 3 + 2];
    }
    blocksBounded++;
    const indexed = groupBound(w, blockValues[0], t1, blockValues[1], t2, blockValues[2], tx, blockValues[3]);
    // Most blocks fall below with any cooperation value; the members' own are looked up for the rest.
    if (indexed + blockCheap(search, w, blocks, b, slotC, false) < lim || indexed + blockCheap(search, w, blocks, b, slotC, true) < lim) continue;
    blocksExpanded++;
    for (let m = blocks.memberStart[b]; m < blocks.memberStart[b + 1]; m++) {
      const s = blocks.members[m];
      if (s === slotC || alive[s] === 0 || blocks.blockOf[s] !== b) continue;
      member(s, bars.barBySlot[s], blockValues, blocks.slotLists, blocks.slotValues, blocks.slotStart[s], blocks.slotStart[s + 1]);
    }
  }
  for (const s of blocks.loose) {
    if (s === slotC || alive[s] === 0 || index.country[s] === blockCountry || index.place[s] === blockPlace) continue;
    const lists = index.forwardLists[s];
    member(s, store.bar(ids[s]), null, lists, index.forwardValues[s], 0, lists.length);
  }
  stats.blocksBounded += blocksBounded;
  stats.blocksExpanded += blocksExpanded;
  stats.candidatesConsidered += bounded;
  stats.refined += refined;
  const inTouchedBlock = (s: number) => {
    const b = s < blocks.blockOf.length ? blocks.blockOf[s] : -1;
    // Loose slots were all bounded above.
    return b < 0 || blockStamp[b] === cur || blockDStamp[b] === cur;
  };
  return { bounded, inTouchedBlock };
}

/**
 * The largest cheap part (cooperation, language, region) of score(Q, C) over the members Q of block b:
 * cooperation is directional (the share of Q's own types), so it is taken over the members, or, when
 * `members` is false, bounded by 1.
 */
function blockCheap(search: MatchSearch, w: NormalisedWeights, bl: CandidateBlocks, b: number, slotC: number, members: boolean): number {
  const ix = search.index;
  let coop = 0;
  if (w.cooperation > 0) {
    if (ix.cooperation[slotC] === 0) coop = COOPERATION_UNKNOWN;
    else if (!members) coop = 1;
    else {
      // The members' own values (MatchSearch.cheap with only cooperation weighted).
      for (let m = bl.memberStart[b]; m < bl.memberStart[b + 1] && coop < 1; m++) {
        const s = bl.members[m];
        if (bl.blockOf[s] === b) coop = Math.max(coop, search.cheap(COOPERATION_ONLY, s, slotC));
      }
    }
  }
  return withBlockLanguageAndRegion(w.cooperation * coop, ix, bl, b, slotC, w.language, w.region, search.options.ctx.rule);
}

const COOPERATION_ONLY: NormalisedWeights = { complementarity: 0, sector: 0, text: 0, cooperation: 1, language: 0, region: 0, focus: 0 };
