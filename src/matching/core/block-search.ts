// Exact top-k for one query by best-first search over candidate blocks (block-max bounds).
//
// 1. The query's term lists (sum groups: seek/offer terms and description) are read in full: every
//    candidate gets its exact term group values, every block the largest of its members'.
// 2. The block postings of the query's domain/sector lists give every block its domain/sector group
//    values (max groups). With a guess θ of the k-th score (a low quantile of recent queries), the
//    weakest of these lists stay unread as long as a block holding none of the read postings stays
//    below θ; read blocks then carry the unread lists' allowance until they are bounded from their own
//    union of postings. If the k-th score ends below θ, the query runs again with every list.
// 3. Blocks and candidates share one max-heap by bound. A popped block is expanded: each member is
//    bounded with the block's domain/sector values and its own terms and cheap part, and, when popped,
//    from its own postings (exact group values); a popped candidate is scored in two stages (its
//    forward direction first). The search stops when the best remaining bound is below the k-th exact
//    score minus EPS.
// Exactness: group bounds are monotone in every group value, and a block's values are the maxima of
// its members', so a block's bound is ≥ every member's bound ≥ its exact score. Every allowed
// candidate is in a block or loose (added or changed since the blocks were built: bounded from its
// own postings), so nothing else needs completing (candidates sharing no key are bounded by their
// cheap part like any other).
import type { ScoringProfile } from '../../scoring/core';
import { COOPERATION_UNKNOWN, cooperationValue, tieUpMask } from '../../scoring/core/pair-components';
import { blockTermMaxima, maxGroups, readBlockPostings, readTerms, resolveProbeLists, type BlockReader, type Resolved } from './block-postings';
import { blockScratchFor, type BlockScratch } from './block-scratch';
import { candidateBlocksFor, withBlockLanguageAndRegion, type CandidateBlocks } from './candidate-blocks';
import { EPS, RecentThresholds } from './list-selection';
import type { MatchIndex } from './match-index';
import { forwardProbes, SUM_GROUP } from './match-keys';
import { emptyStats, exclusionCandidates, type MatchOptions } from './match-options';
import { MatchSearch } from './match-search';
import { boundWithForward, directionBound, groupBound, restBound, type NormalisedWeights } from './pair-bound';
import { heapPop, heapPush } from './search-workspace';
import { TopK } from './top-k';

/** Heap item states: a block; a candidate bounded with its block's domain values; one bounded exactly. */
const BLOCK = 0;
const QUICK = 1;
const REFINED = 2;
/** A block bounded from its own postings (not the unread lists' allowance). */
const BLOCK_EXACT = 3;

/** Quantile of recent k-th scores used as the θ that decides which lists stay unread. */
const SELECTION_QUANTILE = 0.01;

export class BlockSearch {
  readonly k: number;
  readonly stats = emptyStats();
  /** Shared helpers (weights per tie-up, cheap part, exclusions, exact score). */
  readonly base: MatchSearch;
  private blocks: CandidateBlocks;
  private readonly ws: BlockScratch;
  private readonly reader: BlockReader;
  private readonly maybeExcluded: Map<string, Set<string>>;
  private readonly gw = new Float64Array(7);
  private readonly recent = new RecentThresholds();
  private readonly neScratch = new Float64Array(4);
  private readonly trial = new Float64Array(4);
  /** The caller's guess of the current query's k-th score (−∞: none). */
  private hint = -Infinity;
  /** Bound of the unread domain/sector lists of the current run (d1, d2, sector, focus). */
  private ne: Float64Array = new Float64Array(4);

  constructor(
    readonly index: MatchIndex,
    readonly options: MatchOptions,
  ) {
    this.k = options.k ?? 20;
    this.base = new MatchSearch(index, options);
    this.blocks = candidateBlocksFor(index);
    this.maybeExcluded = exclusionCandidates(options.ctx);
    this.ws = blockScratchFor(index);
    this.reader = { index, blocks: this.blocks, ws: this.ws, stats: this.stats };
  }

  /**
   * Exact top-k of one query slot. `seeds`: allowed candidates with their exact scores (e.g. the
   * unchanged part of an old list); each must be a distinct, non-excluded slot.
   */
  query(slotA: number, seeds?: readonly { slot: number; score: number }[], hint?: number): TopK {
    const ix = this.index;
    // After index changes the blocks catch up (new slots loose) or are rebuilt.
    if (this.blocks.version !== ix.version) {
      this.blocks = candidateBlocksFor(ix);
      this.reader.blocks = this.blocks;
    }
    this.ws.ensure(ix.capacity, this.blocks.count, ix.listCount);
    this.stats.queries++;
    // A low guess of the k-th score lets weak domain/sector lists stay unread and untouched blocks
    // unbounded; if the k-th score ends up below it, the query runs again with every list. `hint`
    // (e.g. the list's previous k-th score) stands in while there is no history of recent queries.
    this.hint = hint ?? -Infinity;
    const guess = this.quantile(SELECTION_QUANTILE);
    let top = this.run(slotA, seeds, guess);
    if (guess > -Infinity && (!top.full || top.threshold < guess)) {
      this.stats.extraRounds++;
      top = this.run(slotA, seeds, -Infinity);
    }
    if (top.full) this.recent.add(top.threshold);
    return top;
  }

  /** One search; blocks that hold no essential list for `thetaSel` must stay below it (see query). */
  private run(slotA: number, seeds: readonly { slot: number; score: number }[] | undefined, thetaSel: number): TopK {
    const ix = this.index;
    const bl = this.blocks;
    const ws = this.ws;
    const a = ix.profiles[slotA]!;
    const dirs = this.base.directions;
    dirs.set(a);
    const { w, tieUp } = this.base.weightsFor(a);
    const focusMask = w.focus > 0 && tieUp ? tieUpMask(tieUp, a.env.domainIndex) : null;
    const ctx = this.options.ctx;
    const required = ctx.mode === 'required';
    const blockCountry = required && ctx.rule === 'cross-country' ? ix.country[slotA] : -1;
    const blockPlace = required && ctx.rule === 'cross-region' ? ix.place[slotA] : -1;
    const cur = ++ws.counter;
    const top = new TopK(this.k);
    const seeded = seeds && seeds.length > 0 ? new Set<number>() : null;
    for (const seed of seeds ?? []) {
      seeded!.add(seed.slot);
      top.push(seed.slot, seed.score, ix.ids[seed.slot]);
    }
    const r = this.reader;
    const probes = resolveProbeLists(r, forwardProbes(a, focusMask), w, blockCountry, cur, this.gw);
    const nTouched = readTerms(r, probes, cur);
    let nBlocks = blockTermMaxima(r, nTouched, cur);
    const ne = this.selectEssential(probes, w, thetaSel);
    nBlocks = readBlockPostings(r, probes, cur, nBlocks);
    this.ne = ne;
    const everyBlock = thetaSel === -Infinity;
    const unreadLists = ne[0] > 0 || ne[1] > 0 || ne[2] > 0 || ne[3] > 0;
    const touchedBlocks = ws.touchedBlocks;
    // Bound every allowed block; the heap holds blocks and candidates by bound.
    const { keys, refs, heap, state } = ws;
    let items = 0;
    let size = 0;
    // Blocks below a guessed k-th score wait outside the heap (fewer heap operations); they join
    // only if the k-th score ends up below the guess.
    const guess = this.quantile(0.5);
    const deferred = ws.deferred;
    let nDeferred = 0;
    const nBound = everyBlock ? bl.count : nBlocks;
    for (let x = 0; x < nBound; x++) {
      const b = everyBlock ? x : touchedBlocks[x];
      if (bl.country[b] === blockCountry || bl.place[b] === blockPlace) continue;
      keys[items] = this.blockBound(w, slotA, b, cur);
      refs[items] = b;
      state[items] = BLOCK;
      if (keys[items] >= guess - EPS) size = heapPush(heap, size, keys, items);
      else deferred[nDeferred++] = items;
      items++;
    }
    this.stats.blocksBounded += items;
    const maybe = this.maybeExcluded.size > 0 ? this.maybeExcluded.get(ix.ids[slotA]) : undefined;
    const alive = ix.alive;
    const ids = ix.ids;
    // Loose slots (added or changed since the blocks were built): bounded from their own postings.
    for (const s of bl.loose) {
      if (s === slotA || alive[s] === 0 || ix.country[s] === blockCountry || ix.place[s] === blockPlace || (seeded !== null && seeded.has(s))) continue;
      if (maybe !== undefined && maybe.has(ids[s]) && this.base.excluded(slotA, s)) continue;
      const lists = ix.forwardLists[s];
      keys[items] = this.memberBound(w, slotA, s, cur, items, lists, ix.forwardValues[s], 0, lists.length);
      refs[items] = s;
      state[items] = REFINED;
      this.stats.refined++;
      size = heapPush(heap, size, keys, items++);
    }
    const { blockD } = ws;
    const rel = a.env.domainRelation;
    const nDomains = a.env.domainIds.length;
    for (;;) {
      if (size === 0 || keys[heap[0]] < top.threshold - EPS) {
        // Deferred blocks are below guess − EPS: they matter only while the k-th score is below the guess.
        if (nDeferred === 0 || guess <= top.threshold) break;
        const lim = top.threshold - EPS;
        for (let j = 0; j < nDeferred; j++) if (keys[deferred[j]] >= lim) size = heapPush(heap, size, keys, deferred[j]);
        nDeferred = 0;
        continue;
      }
      const i = heap[0];
      size = heapPop(heap, size, keys);
      const ref = refs[i];
      if (state[i] === REFINED) {
        // The forward direction first (the larger share of the score): with it exact, the bound often
        // falls below the k-th score and the rest of the pair is never computed.
        const b = ix.profiles[ref]!;
        const forward = dirs.forward(ix.phrases, ref, rel, nDomains);
        this.stats.forwardOnly++;
        if (boundWithForward(w, forward, ws.h2[i], ws.rest[i]) < top.threshold - EPS) continue;
        this.stats.pairsScored++;
        top.push(ref, this.base.scoreWithDirections(a, b, forward, w.complementarity > 0 ? dirs.reverse(ix.phrases, ref, rel, nDomains) : -1), ids[ref]);
        continue;
      }
      if (state[i] === QUICK) {
        // Replace the block's domain/sector values by the candidate's own.
        const ub = this.memberBound(w, slotA, ref, cur, i, bl.slotLists, bl.slotValues, bl.slotStart[ref], bl.slotStart[ref + 1]);
        this.stats.refined++;
        if (ub < top.threshold - EPS) continue;
        keys[i] = ub;
        state[i] = REFINED;
        size = heapPush(heap, size, keys, i);
        continue;
      }
      const b = ref;
      if (state[i] === BLOCK && unreadLists) {
        // Its bound took the unread lists' allowance: replace it by the block's own postings.
        keys[i] = this.exactBlockBound(w, slotA, b, cur);
        state[i] = BLOCK_EXACT;
        this.stats.blocksRefined++;
        if (keys[i] >= top.threshold - EPS) size = heapPush(heap, size, keys, i);
        continue;
      }
      // A block: bound each member with the block's domain/sector values and its own terms and cheap part.
      this.stats.blocksExpanded++;
      const lim = top.threshold - EPS;
      const d1 = blockD[b * 4];
      const d2 = blockD[b * 4 + 1];
      const sec = blockD[b * 4 + 2];
      const foc = blockD[b * 4 + 3];
      const zero = groupBound(w, d1, 0, d2, 0, sec, 0, foc);
      const { slotStamp, terms } = ws;
      for (let m = bl.memberStart[b]; m < bl.memberStart[b + 1]; m++) {
        const s = bl.members[m];
        if (s === slotA || alive[s] === 0 || bl.blockOf[s] !== b || (seeded !== null && seeded.has(s))) continue;
        if (maybe !== undefined && maybe.has(ids[s]) && this.base.excluded(slotA, s)) continue;
        const o = s * 3;
        const ub = (slotStamp[s] === cur ? groupBound(w, d1, terms[o], d2, terms[o + 1], sec, terms[o + 2], foc) : zero) + this.base.cheap(w, slotA, s);
        this.stats.candidatesConsidered++;
        if (ub < lim) continue;
        keys[items] = ub;
        refs[items] = s;
        state[items] = QUICK;
        size = heapPush(heap, size, keys, items++);
      }
    }
    return top;
  }

  /** A quantile of recent k-th scores (the hint, or −∞, until there are a few): guesses that only affect speed. */
  private quantile(f: number): number {
    return this.recent.size < 8 ? this.hint : this.recent.quantile(f);
  }

  /**
   * Marks domain/sector lists that may stay unread for θ (weakest first) and returns their bound per
   * group (d1, d2, sector, focus): a block in no read list and no term list then bounds below θ.
   */
  private selectEssential(probes: readonly Resolved[], w: NormalisedWeights, theta: number): Float64Array {
    const ne = this.neScratch.fill(0);
    if (theta === -Infinity) return ne;
    const weak = probes.filter((p) => !SUM_GROUP[p.group]).sort((x, y) => x.strength - y.strength);
    const cheapMax = w.cooperation + w.language + w.region;
    const trial = this.trial;
    for (const p of weak) {
      const gi = p.group >> 1;
      const c = p.impact * p.list.max;
      trial.set(ne);
      if (c > trial[gi]) trial[gi] = c;
      if (groupBound(w, trial[0], 0, trial[1], 0, trial[2], 0, trial[3]) + cheapMax >= theta - EPS) continue;
      ne.set(trial);
      p.unread = true;
    }
    return ne;
  }

  private blockBound(w: NormalisedWeights, slotA: number, b: number, cur: number): number {
    const ws = this.ws;
    let d1 = 0;
    let d2 = 0;
    let sec = 0;
    let foc = 0;
    const d = ws.blockD;
    if (ws.blockDStamp[b] === cur) {
      d1 = d[b * 4];
      d2 = d[b * 4 + 1];
      sec = d[b * 4 + 2];
      foc = d[b * 4 + 3];
    }
    // Unread lists may hold the block: their bound (ne) stands in for what they could add.
    const ne = this.ne;
    if (ne[0] > d1) d1 = ne[0];
    if (ne[1] > d2) d2 = ne[1];
    if (ne[2] > sec) sec = ne[2];
    if (ne[3] > foc) foc = ne[3];
    d[b * 4] = d1;
    d[b * 4 + 1] = d2;
    d[b * 4 + 2] = sec;
    d[b * 4 + 3] = foc;
    ws.blockDStamp[b] = cur;
    return this.boundWithBlockTerms(w, slotA, b, d1, d2, sec, foc, cur);
  }

  /** Bound of block b from the union of its members' domain/sector postings (every probed list, read or not). */
  private exactBlockBound(w: NormalisedWeights, slotA: number, b: number, cur: number): number {
    const bl = this.blocks;
    const ws = this.ws;
    maxGroups(this.ws, bl.lists, bl.values, bl.listStart[b], bl.listStart[b + 1], cur);
    const g = ws.g;
    const d = ws.blockD;
    d[b * 4] = g[0];
    d[b * 4 + 1] = g[2];
    d[b * 4 + 2] = g[4];
    d[b * 4 + 3] = g[6];
    return this.boundWithBlockTerms(w, slotA, b, g[0], g[2], g[4], g[6], cur);
  }

  /** Block b's bound from its domain/sector values and its members' largest term values. */
  private boundWithBlockTerms(w: NormalisedWeights, slotA: number, b: number, d1: number, d2: number, sec: number, foc: number, cur: number): number {
    const ws = this.ws;
    let t1 = 0;
    let t2 = 0;
    let tx = 0;
    if (ws.blockStamp[b] === cur) {
      const bt = ws.blockTerms;
      t1 = bt[b * 3];
      t2 = bt[b * 3 + 1];
      tx = bt[b * 3 + 2];
    }
    return groupBound(w, d1, t1, d2, t2, sec, tx, foc) + this.blockCheap(w, slotA, b);
  }

  /**
   * Exact group bound of slot s from its postings (list ids and values in [from, to)); keeps its
   * reverse-direction and rest bounds at heap item `item` for the staged score.
   */
  private memberBound(w: NormalisedWeights, slotA: number, s: number, cur: number, item: number, lists: Int32Array, values: Float32Array, from: number, to: number): number {
    maxGroups(this.ws, lists, values, from, to, cur);
    const ws = this.ws;
    const g = ws.g;
    let t1 = 0;
    let t2 = 0;
    let tx = 0;
    if (ws.slotStamp[s] === cur) {
      const t = ws.terms;
      t1 = t[s * 3];
      t2 = t[s * 3 + 1];
      tx = t[s * 3 + 2];
    }
    const cheap = this.base.cheap(w, slotA, s);
    ws.h2[item] = directionBound(g[2], t2);
    ws.rest[item] = restBound(w, g[4], tx, g[6]) + cheap;
    return groupBound(w, g[0], t1, g[2], t2, g[4], tx, g[6]) + cheap;
  }

  /**
   * The largest cheap part (cooperation, language, region) a member of block b can reach against a:
   * every term of MatchSearch.cheap is monotone in what the members offer, bounded by their OR.
   */
  private blockCheap(w: NormalisedWeights, slotA: number, b: number): number {
    const ix = this.index;
    const bl = this.blocks;
    const ca = ix.cooperation[slotA];
    const key = (ca << 8) | bl.coopOr[b];
    let coop = this.ws.coopTable[key];
    if (coop < 0) this.ws.coopTable[key] = coop = cooperationValue({ cooperation: ca } as ScoringProfile, { cooperation: bl.coopOr[b] } as ScoringProfile);
    if (bl.coopNone[b] && coop < COOPERATION_UNKNOWN) coop = COOPERATION_UNKNOWN;
    return withBlockLanguageAndRegion(w.cooperation * coop, ix, bl, b, slotA, w.language, w.region, this.options.ctx.rule);
  }
}
