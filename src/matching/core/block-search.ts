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
// candidate is in a block, so nothing else needs completing (candidates sharing no key are bounded
// by their cheap part like any other).
import { LANGUAGE, type ScoringProfile } from '../../scoring/core';
import { direction } from '../../scoring/core/complementarity';
import { COOPERATION_UNKNOWN, cooperationValue, tieUpMask } from '../../scoring/core/pair-components';
import { candidateBlocksFor, type CandidateBlocks } from './candidate-blocks';
import { kindCompatibility } from '../../scoring/core/activity-lexicon';
import { EPS, groupWeights } from './list-selection';
import type { MatchIndex, PostingList } from './match-index';
import { forwardProbes, SUM_GROUP, type ProbeEntry } from './match-keys';
import { emptyStats, exclusionCandidates, type MatchOptions } from './match-options';
import { MatchSearch } from './match-search';
import { boundWithForward, directionBound, groupBound, restBound, type NormalisedWeights } from './pair-bound';
import { heapPop, heapPush } from './search-workspace';
import { TopK } from './top-k';

/** Per-slot, per-block and per-list scratch of block searches over one index. */
class BlockScratch {
  slotStamp = new Uint32Array(0);
  /** Term group values per slot (t1, t2, text). */
  terms = new Float64Array(0);
  touched = new Int32Array(0);
  blockStamp = new Uint32Array(0);
  blockTerms = new Float64Array(0);
  listStamp = new Uint32Array(0);
  listGroup = new Int8Array(0);
  listImpact = new Float64Array(0);
  listGroup2 = new Int8Array(0);
  listImpact2 = new Float64Array(0);
  /** Heap items: bound, reference (block or slot) and state (BLOCK, QUICK, REFINED). */
  keys = new Float64Array(0);
  refs = new Int32Array(0);
  state = new Uint8Array(0);
  /** Per heap item (refined candidates): bound of the reverse direction, and of sector + text + focus + cheap part. */
  h2 = new Float64Array(0);
  rest = new Float64Array(0);
  /** Heap items of blocks waiting below the guessed k-th score. */
  deferred = new Int32Array(0);
  /** Blocks holding a read posting (term or domain/sector) in the current run. */
  touchedBlocks = new Int32Array(0);

  /** Per block: its domain/sector group values (d1, d2, sector, focus) for the current query. */
  blockD = new Float64Array(0);
  blockDStamp = new Uint32Array(0);
  heap = new Int32Array(0);
  readonly coopTable = new Float64Array(256 * 256).fill(-1);
  readonly g = new Float64Array(7);
  counter = 0;

  ensure(cap: number, blocks: number, lists: number): void {
    if (this.slotStamp.length < cap) {
      this.slotStamp = new Uint32Array(cap);
      this.terms = new Float64Array(cap * 3);
      this.touched = new Int32Array(cap);
    }
    if (this.blockStamp.length < blocks) {
      this.blockStamp = new Uint32Array(blocks);
      this.blockTerms = new Float64Array(blocks * 3);
      this.blockD = new Float64Array(blocks * 4);
      this.blockDStamp = new Uint32Array(blocks);
      this.deferred = new Int32Array(blocks);
      this.touchedBlocks = new Int32Array(blocks);
    }
    if (this.keys.length < cap + blocks) {
      const n = cap + blocks;
      this.keys = new Float64Array(n);
      this.refs = new Int32Array(n);
      this.state = new Uint8Array(n);
      this.h2 = new Float64Array(n);
      this.rest = new Float64Array(n);
      this.heap = new Int32Array(n);
    }
    if (this.listStamp.length < lists) {
      const n = Math.max(16, lists * 2);
      this.listStamp = new Uint32Array(n);
      this.listGroup = new Int8Array(n);
      this.listImpact = new Float64Array(n);
      this.listGroup2 = new Int8Array(n);
      this.listImpact2 = new Float64Array(n);
    }
  }
}

const scratches = new WeakMap<MatchIndex, BlockScratch>();

/** A probed list of the query. */
interface Resolved {
  list: PostingList;
  group: number;
  impact: number;
  /** Left unread in this run (a weak domain/sector list, see selectEssential). */
  unread: boolean;
}

/** Heap item states: a block; a candidate bounded with its block's domain values; one bounded exactly. */
const BLOCK = 0;
const QUICK = 1;
const REFINED = 2;
/** A block bounded from its own postings (not the unread lists' allowance). */
const BLOCK_EXACT = 3;

/** Quantile of recent k-th scores used as the θ that decides which lists stay unread. */
const SELECTION_QUANTILE = 0.01;

/** Sum group → position in the per-slot term values (t1, t2, text). */
const TERM_SLOT = [-1, 0, -1, 1, -1, 2, -1];

export class BlockSearch {
  readonly k: number;
  readonly stats = emptyStats();
  /** Shared helpers (weights per tie-up, cheap part, exclusions, exact score). */
  readonly base: MatchSearch;
  private readonly blocks: CandidateBlocks;
  private readonly ws: BlockScratch;
  private readonly maybeExcluded: Map<string, Set<string>>;
  private readonly gw = new Float64Array(7);
  private readonly recent: number[] = [];
  private readonly neScratch = new Float64Array(4);
  private readonly trial = new Float64Array(4);
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
    let ws = scratches.get(index);
    if (!ws) scratches.set(index, (ws = new BlockScratch()));
    this.ws = ws;
  }

  /**
   * Exact top-k of one query slot. `seeds`: allowed candidates with their exact scores (e.g. the
   * unchanged part of an old list); each must be a distinct, non-excluded slot.
   */
  query(slotA: number, seeds?: readonly { slot: number; score: number }[]): TopK {
    const ix = this.index;
    if (this.blocks.version !== ix.version) throw new Error('The index changed after this search was created');
    this.ws.ensure(ix.capacity, this.blocks.count, ix.listCount);
    this.stats.queries++;
    // A low guess of the k-th score lets weak domain/sector lists stay unread and untouched blocks
    // unbounded; if the k-th score ends up below it, the query runs again with every list.
    const guess = this.quantile(SELECTION_QUANTILE);
    let top = this.run(slotA, seeds, guess);
    if (guess > -Infinity && (!top.full || top.threshold < guess)) {
      this.stats.extraRounds++;
      top = this.run(slotA, seeds, -Infinity);
    }
    if (top.full) {
      this.recent.push(top.threshold);
      if (this.recent.length > 64) this.recent.shift();
    }
    return top;
  }

  /** One search; blocks that hold no essential list for `thetaSel` must stay below it (see query). */
  private run(slotA: number, seeds: readonly { slot: number; score: number }[] | undefined, thetaSel: number): TopK {
    const ix = this.index;
    const bl = this.blocks;
    const ws = this.ws;
    const a = ix.profiles[slotA]!;
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
    const probes = this.resolve(forwardProbes(a, focusMask), w, blockCountry, cur);
    const nTouched = this.readTerms(probes, cur);
    let nBlocks = this.blockTermMaxima(nTouched, cur);
    const ne = this.selectEssential(probes, w, thetaSel);
    nBlocks = this.readBlockPostings(probes, cur, nBlocks);
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
        const forward = direction(a, b, rel, nDomains);
        this.stats.forwardOnly++;
        if (boundWithForward(w, forward, ws.h2[i], ws.rest[i]) < top.threshold - EPS) continue;
        top.push(ref, this.score(a, b, forward), ids[ref]);
        continue;
      }
      if (state[i] === QUICK) {
        // Replace the block's domain/sector values by the candidate's own.
        const ub = this.memberBound(w, slotA, ref, cur, i);
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
        if (s === slotA || alive[s] === 0 || (seeded !== null && seeded.has(s))) continue;
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

  /** A quantile of recent k-th scores (−∞ until there are a few): guesses that only affect speed. */
  private quantile(f: number): number {
    if (this.recent.length < 8) return -Infinity;
    const s = [...this.recent].sort((x, y) => x - y);
    return s[Math.floor(f * (s.length - 1))];
  }

  /**
   * Marks domain/sector lists that may stay unread for θ (weakest first) and returns their bound per
   * group (d1, d2, sector, focus): a block in no read list and no term list then bounds below θ.
   */
  private selectEssential(probes: readonly Resolved[], w: NormalisedWeights, theta: number): Float64Array {
    const ne = this.neScratch.fill(0);
    if (theta === -Infinity) return ne;
    const gw = this.gw;
    const weak = probes.filter((p) => !SUM_GROUP[p.group]).sort((x, y) => gw[x.group] * x.impact * x.list.max - gw[y.group] * y.impact * y.list.max);
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

  private score(a: ScoringProfile, b: ScoringProfile, forward: number): number {
    this.stats.pairsScored++;
    return this.base.scoreWithForward(a, b, forward);
  }

  /**
   * Probe entries resolved to lists (kind-split variants, one list per country; lists of a blocked
   * country left out), with each list's group and impact stamped for this query. The same impacts
   * as resolveProbes of list-selection.ts, without the ordering the list selection needs.
   */
  private resolve(entries: readonly ProbeEntry[], w: NormalisedWeights, skipCountry: number, cur: number): Resolved[] {
    const ix = this.index;
    const { listStamp, listGroup, listImpact, listGroup2, listImpact2 } = this.ws;
    const out: Resolved[] = [];
    const add = (list: PostingList, group: number, impact: number) => {
      if (impact <= 0 || list.length === 0 || list.country === skipCountry) return;
      out.push({ list, group, impact, unread: false });
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
    const gw = groupWeights(w, this.gw);
    for (const e of entries) {
      if (e.impact <= 0 || gw[e.group] === 0) continue;
      if (!e.kinds) {
        for (const list of ix.listsOf(e.key)) add(list, e.group, e.impact);
        continue;
      }
      const parts = e.kinds;
      const variants = ix.variants(e.key);
      if (!variants) continue;
      for (let v = 0; v < variants.length; v++) {
        const { kinds, list } = variants[v];
        if (list.country === skipCountry) continue;
        let impact = 0;
        for (let i = 0; i < parts.length; i += 2) {
          const kc = e.ownSeeks ? kindCompatibility(parts[i], kinds) : kindCompatibility(kinds, parts[i]);
          if (kc * parts[i + 1] > impact) impact = kc * parts[i + 1];
        }
        add(list, e.group, impact);
      }
    }
    return out;
  }

  /** Reads the query's term lists in full: exact term group values of every candidate they hold. */
  private readTerms(probes: readonly Resolved[], cur: number): number {
    const ix = this.index;
    const { slotStamp, terms, touched } = this.ws;
    const checkAlive = ix.hasDeadPostings;
    const alive = ix.alive;
    let n = 0;
    for (const p of probes) {
      if (!SUM_GROUP[p.group]) continue;
      const t = TERM_SLOT[p.group];
      const { slots, values, length } = p.list;
      const impact = p.impact;
      this.stats.postingsRead += length;
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
  private blockTermMaxima(nTouched: number, cur: number): number {
    const { touched, terms, blockStamp, blockTerms, touchedBlocks } = this.ws;
    let nBlocks = 0;
    const blockOf = this.blocks.blockOf;
    for (let i = 0; i < nTouched; i++) {
      const s = touched[i];
      const b = blockOf[s];
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
  private maxGroups(lists: Int32Array, values: Float32Array, from: number, to: number, cur: number): void {
    const { listStamp, listGroup, listImpact, listGroup2, listImpact2, g } = this.ws;
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

  /** Bound of block b from the union of its members' domain/sector postings (every probed list, read or not). */
  private exactBlockBound(w: NormalisedWeights, slotA: number, b: number, cur: number): number {
    const bl = this.blocks;
    const ws = this.ws;
    this.maxGroups(bl.lists, bl.values, bl.listStart[b], bl.listStart[b + 1], cur);
    const g = ws.g;
    const d = ws.blockD;
    d[b * 4] = g[0];
    d[b * 4 + 1] = g[2];
    d[b * 4 + 2] = g[4];
    d[b * 4 + 3] = g[6];
    let t1 = 0;
    let t2 = 0;
    let tx = 0;
    if (ws.blockStamp[b] === cur) {
      const bt = ws.blockTerms;
      t1 = bt[b * 3];
      t2 = bt[b * 3 + 1];
      tx = bt[b * 3 + 2];
    }
    return groupBound(w, g[0], t1, g[2], t2, g[4], tx, g[6]) + this.blockCheap(w, slotA, b);
  }

  /** Reads the block postings of the probed domain/sector lists: each block's max-group values. */
  private readBlockPostings(probes: readonly Resolved[], cur: number, nBlocks: number): number {
    const { blockDStamp, blockD, blockStamp, touchedBlocks } = this.ws;
    const { postingStart, postingBlocks, postingValues } = this.blocks;
    for (const p of probes) {
      if (SUM_GROUP[p.group] || p.unread) continue;
      const gi = p.group >> 1;
      const impact = p.impact;
      const id = p.list.id;
      const end = postingStart[id + 1];
      this.stats.postingsRead += end - postingStart[id];
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

  /** Exact group bound of member s; with `item`, keeps its reverse-direction and rest bounds for the staged score. */
  private memberBound(w: NormalisedWeights, slotA: number, s: number, cur: number, item = -1): number {
    const bl = this.blocks;
    this.maxGroups(bl.slotLists, bl.slotValues, bl.slotStart[s], bl.slotStart[s + 1], cur);
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
    if (item >= 0) {
      ws.h2[item] = directionBound(g[2], t2);
      ws.rest[item] = restBound(w, g[4], tx, g[6]) + cheap;
    }
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
    const la = ix.languages[slotA];
    const lang = la === 0 ? LANGUAGE.unknown : la & bl.langOr[b] ? LANGUAGE.shared : bl.langNone[b] ? LANGUAGE.unknown : LANGUAGE.none;
    let region = 0;
    if (w.region > 0) {
      const rule = this.options.ctx.rule;
      const holds = rule === 'cross-country' ? ix.country[slotA] !== bl.country[b] : rule === 'cross-region' ? ix.place[slotA] !== bl.place[b] : true;
      if (holds) region = w.region;
    }
    return w.cooperation * coop + w.language * lang + region;
  }
}
