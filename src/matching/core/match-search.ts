// Exact top-k for one query over the index: MaxScore-style candidate generation with per-group
// upper bounds, exact scoring in bound order, and completion from signature buckets.
//
// Exactness: a candidate is skipped only when an upper bound of its score is below the current
// k-th exact score minus EPS (so it can neither beat nor tie it). Candidates in no enumerated list
// are bounded by the "non-essential" bound, which is kept below the selection threshold θsel; the
// loop ends only when the k-th exact score reaches θsel (else θsel drops to it and more lists are read).
// Candidates sharing no key at all score exactly their cheap part, equal within a signature bucket.
// All per-query state lives in typed arrays reused across queries (no allocation per candidate).
import { createPairScorer, FixedSideDirections, LANGUAGE, type PairScorer, type ScoringProfile, type TieUpContext } from '../../scoring/core';
import { cooperationValue, tieUpMask } from '../../scoring/core/pair-components';
import { effectiveTieUp } from '../../scoring/core/score-pair';
import { defaultMinUnreadLength, EPS, RecentThresholds, resolveProbes, Selection, type Probe } from './list-selection';
import type { MatchIndex } from './match-index';
import { forwardProbes, GROUP_COUNT, SUM_GROUP } from './match-keys';
import { emptyStats, exclusionCandidates, normaliseWeights, type MatchOptions } from './match-options';
import { groupBound, indexedBound, type NormalisedWeights } from './pair-bound';
import { heapPop, heapPush, workspaceFor, type Workspace } from './search-workspace';
import { TopK } from './top-k';

export { EPS } from './list-selection';

/** Quantiles of recent k-th scores tried as θ, highest first. */
const GUESS_QUANTILES = [0.6, 0.35, 0.15, 0.03];
export { emptyStats, normaliseWeights, type MatchOptions, type MatchStats } from './match-options';

interface QueryState {
  slotA: number;
  a: ScoringProfile;
  w: NormalisedWeights;
  probes: Probe[];
  cheapMax: number;
  top: TopK;
  cur: number;
  /** Round in which each probe's list was read (0: not read). */
  enumRound: Uint8Array;
  essential: Uint8Array;
  roundNo: number;
  allRead: boolean;
}

/** Compiled options plus scratch space reused across queries (one per computeMatchLists call). */
export class MatchSearch {
  readonly k: number;
  readonly stats = emptyStats();
  private readonly scorer: PairScorer;
  private readonly maybeExcluded: Map<string, Set<string>>;
  private readonly weightsByTieUp = new Map<TieUpContext | null, NormalisedWeights>();
  /** Scratch arrays shared by every search over this index (queries never interleave). */
  private readonly ws: Workspace;
  private nTouched = 0;
  private nPending = 0;
  private readonly recent = new RecentThresholds();
  private readonly selection = new Selection();
  private readonly tmp = new Float64Array(GROUP_COUNT);

  constructor(
    readonly index: MatchIndex,
    readonly options: MatchOptions,
  ) {
    this.k = options.k ?? 20;
    // Exclusions are handled here (by id), so the hot path never builds pair-key strings.
    this.scorer = createPairScorer(options.weights, { ...options.ctx, forbiddenPairs: undefined, declinedPairs: undefined });
    this.maybeExcluded = exclusionCandidates(options.ctx);
    this.ws = workspaceFor(index);
  }

  /** Exactly the scoring core's exclusions (same organisation, forbidden, declined, required rule). */
  excluded(a: number, b: number): boolean {
    if (a === b) return true;
    const ix = this.index;
    if (this.blocked(a, b)) return true;
    const set = this.maybeExcluded.get(ix.ids[a]);
    if (!set || !set.has(ix.ids[b])) return false;
    const ctx = this.options.ctx;
    const x = ix.ids[a];
    const y = ix.ids[b];
    const pk = x < y ? `${x}|${y}` : `${y}|${x}`;
    return !!(ctx.forbiddenPairs?.has(pk) || ctx.declinedPairs?.has(`${x}>${y}`) || ctx.declinedPairs?.has(`${y}>${x}`));
  }

  /** The meeting rule as a block (required mode only; a preferred rule is the region component). */
  blocked(a: number, b: number): boolean {
    const ctx = this.options.ctx;
    if (ctx.mode !== 'required' || ctx.rule === 'any') return false;
    const ix = this.index;
    if (ctx.rule === 'cross-country') return ix.country[a] === ix.country[b];
    return ix.place[a] === ix.place[b];
  }

  score(a: ScoringProfile, b: ScoringProfile): number {
    this.stats.pairsScored++;
    return this.scorer.value(a, b);
  }

  /**
   * direction() with one side fixed: the query of a search (or a changed profile) is set once and
   * every candidate's directions against it come from a term lookup (bit-identical values).
   */
  readonly directions = new FixedSideDirections();

  /** score(fixed, b) of the profile set in `directions` and the one at `slot`, both directions from the lookup. */
  scoreFixed(slot: number): number {
    const a = this.directions.current;
    const b = this.index.profiles[slot];
    if (!a || !b) throw new Error('MatchSearch.scoreFixed: no fixed profile or an empty slot');
    if (this.options.weights.complementarity <= 0) return this.score(a, b);
    const rel = a.env.domainRelation;
    const n = a.env.domainIds.length;
    const t = this.index.phrases;
    return this.scoreWithDirections(a, b, this.directions.forward(t, slot, rel, n), this.directions.reverse(t, slot, rel, n));
  }

  /** score(a, b) with both directions already computed (forward = direction(a, b), reverse = direction(b, a); bit-identical). */
  scoreWithDirections(a: ScoringProfile, b: ScoringProfile, forward: number, reverse: number): number {
    this.stats.pairsScored++;
    return this.scorer.valueWithDirections(a, b, forward, reverse);
  }

  /** score(a, b) with direction(a, b) already computed (bit-identical). */
  scoreWithForward(a: ScoringProfile, b: ScoringProfile, forward: number): number {
    this.stats.pairsScored++;
    return this.scorer.valueWithForward(a, b, forward);
  }

  weightsFor(a: ScoringProfile): { w: NormalisedWeights; tieUp: TieUpContext | null } {
    const tieUp = effectiveTieUp(this.options.ctx, a);
    let w = this.weightsByTieUp.get(tieUp);
    if (!w) this.weightsByTieUp.set(tieUp, (w = normaliseWeights(this.options.weights, this.options.ctx, tieUp)));
    return { w, tieUp };
  }

  /** Exact cooperation + language + region part of score(a, b) · normalised weights (an upper-bound term). */
  cheap(w: NormalisedWeights, a: number, b: number): number {
    const ix = this.index;
    const key = (ix.cooperation[a] << 8) | ix.cooperation[b];
    let coop = this.ws.coopTable[key];
    if (coop < 0) this.ws.coopTable[key] = coop = cooperationValue({ cooperation: ix.cooperation[a] } as ScoringProfile, { cooperation: ix.cooperation[b] } as ScoringProfile);
    const la = ix.languages[a];
    const lb = ix.languages[b];
    const lang = la === 0 || lb === 0 ? LANGUAGE.unknown : la & lb ? LANGUAGE.shared : LANGUAGE.none;
    let region = 0;
    if (w.region > 0) {
      const rule = this.options.ctx.rule;
      const holds = rule === 'cross-country' ? ix.country[a] !== ix.country[b] : rule === 'cross-region' ? ix.place[a] !== ix.place[b] : true;
      if (holds) region = w.region;
    }
    return w.cooperation * coop + w.language * lang + region;
  }

  /**
   * Guesses of the k-th score, highest first, from recent queries (only affect speed). Starting high
   * reads few lists; each round is exact for its θ, so a guess that proves too high costs one round.
   */
  guesses(): number[] {
    if (this.recent.size < 8) return [];
    return GUESS_QUANTILES.map((f) => this.recent.quantile(f));
  }

  /**
   * Exact top-k of one query slot; `hint` is a guessed k-th score (e.g. the previous list's).
   * `seeds`: allowed candidates with their exact scores (e.g. the unchanged part of an old list), so
   * the k-th score is known from the start; each must be a distinct, non-excluded slot.
   */
  query(slotA: number, hint?: number, seeds?: readonly { slot: number; score: number }[]): TopK {
    const ix = this.index;
    const a = ix.profiles[slotA]!;
    this.directions.set(a);
    this.ws.ensure(ix.listCount, ix.capacity);
    this.stats.queries++;
    const { w, tieUp } = this.weightsFor(a);
    const focusMask = w.focus > 0 && tieUp ? tieUpMask(tieUp, a.env.domainIndex) : null;
    const ctx = this.options.ctx;
    // Cross-country required: the query's own country lists hold only blocked candidates.
    const skipCountry = ctx.mode === 'required' && ctx.rule === 'cross-country' ? ix.country[slotA] : -1;
    const probes = resolveProbes(ix, forwardProbes(a, focusMask), w, skipCountry);
    const q: QueryState = {
      slotA,
      a,
      w,
      probes,
      cheapMax: w.cooperation + w.language + w.region,
      top: new TopK(this.k),
      cur: (this.ws.counter += 1),
      enumRound: new Uint8Array(probes.length),
      essential: new Uint8Array(probes.length),
      roundNo: 0,
      allRead: false,
    };
    this.nTouched = 0;
    this.nPending = 0;
    for (const seed of seeds ?? []) {
      this.ws.seeded[seed.slot] = q.cur;
      q.top.push(seed.slot, seed.score, ix.ids[seed.slot]);
    }
    // Per-list probe data for refinement; a list can feed two groups (f: for sector and focus).
    const ws = this.ws;
    for (const p of probes) {
      const id = p.list.id;
      if (ws.listStamp[id] === q.cur) {
        if (ws.listGroup2[id] >= 0) throw new Error(`list ${id} probed by more than two groups`);
        ws.listGroup2[id] = p.group;
        ws.listImpact2[id] = p.impact;
      } else {
        ws.listStamp[id] = q.cur;
        ws.listGroup[id] = p.group;
        ws.listImpact[id] = p.impact;
        ws.listGroup2[id] = -1;
      }
    }
    const guesses = hint === undefined ? this.guesses() : [hint];
    let next = 0;
    let thetaSel = next < guesses.length ? guesses[next++] : -Infinity;
    for (;;) {
      this.round(q, thetaSel);
      if (q.top.threshold >= thetaSel) break;
      // A full list's k-th score is a valid θ (one more round ends); else try the next lower guess.
      while (next < guesses.length && guesses[next] >= thetaSel) next++;
      thetaSel = q.top.full || next >= guesses.length ? Math.max(q.top.threshold, next < guesses.length ? guesses[next++] : -Infinity) : guesses[next++];
      this.stats.extraRounds++;
    }
    if (!q.top.full || q.top.threshold <= q.cheapMax + EPS) {
      if (!q.allRead) this.round(q, -Infinity);
      this.complete(a, slotA, q.cur, q.top);
    }
    if (q.top.full) {
      this.recent.add(q.top.threshold);
    }
    return q.top;
  }

  /** One round: choose the lists to read for θ, read the new ones, bound new candidates, score the promising. */
  private round(q: QueryState, theta: number): void {
    const ix = this.index;
    const roundNo = ++q.roundNo;
    const minLen = this.options.minUnreadLength ?? defaultMinUnreadLength(ix.size);
    q.allRead = this.selection.select(q.probes, q.w, q.cheapMax, theta, ix.maxNorm, q.essential, minLen);
    const start = this.nTouched;
    this.enumerate(q, roundNo);
    const { touched, ubs, refined, pending, acc, heap } = this.ws;
    const norms = ix.norms;
    const ne = this.selection.ne;
    const neSq = this.selection.neSq;
    // Unread lists: max groups take ne; sum groups add min(L1 bound, Cauchy–Schwarz with the slot's norm).
    const n0 = ne[0];
    const n1 = ne[1];
    const n2 = ne[2];
    const n3 = ne[3];
    const n4 = ne[4];
    const n5 = ne[5];
    const n6 = ne[6];
    const r1 = Math.sqrt(neSq[1]);
    const r3 = Math.sqrt(neSq[3]);
    const r5 = Math.sqrt(neSq[5]);
    const w = q.w;
    const end = this.nTouched;
    for (let i = start; i < end; i++) {
      const s = touched[i];
      const o = s * GROUP_COUNT;
      const d1 = acc[o] > n0 ? acc[o] : n0;
      const t1 = acc[o + 1] + Math.min(n1, r1 * norms[o + 1]);
      const d2 = acc[o + 2] > n2 ? acc[o + 2] : n2;
      const t2 = acc[o + 3] + Math.min(n3, r3 * norms[o + 3]);
      const sec = acc[o + 4] > n4 ? acc[o + 4] : n4;
      const tx = acc[o + 5] + Math.min(n5, r5 * norms[o + 5]);
      const f = acc[o + 6] > n6 ? acc[o + 6] : n6;
      ubs[i] = groupBound(w, d1, t1, d2, t2, sec, tx, f) + this.cheap(w, q.slotA, s);
      refined[i] = 0;
      pending[this.nPending++] = i;
    }
    this.stats.candidatesConsidered += end - start;
    // Candidates that can reach θ go to a max-heap by bound; the rest wait for a lower θ.
    let size = 0;
    let keep = 0;
    const lim = theta - EPS;
    const dead = q.top.threshold - EPS;
    for (let j = 0; j < this.nPending; j++) {
      const i = pending[j];
      if (ubs[i] >= lim) size = heapPush(heap, size, ubs, i);
      else if (ubs[i] >= dead) pending[keep++] = i;
    }
    this.nPending = keep;
    while (size > 0) {
      const i = heap[0];
      if (ubs[i] < q.top.threshold - EPS) break;
      size = heapPop(heap, size, ubs);
      const s = touched[i];
      if (!refined[i]) {
        // Replace the unread-list allowance by this candidate's own postings (forward index).
        ubs[i] = this.refine(q, s);
        refined[i] = 1;
        this.stats.refined++;
        // Below θ (but not below the k-th score) it waits for a later round with a lower θ.
        if (ubs[i] >= lim && ubs[i] >= q.top.threshold - EPS) size = heapPush(heap, size, ubs, i);
        else if (ubs[i] >= q.top.threshold - EPS) pending[this.nPending++] = i;
        continue;
      }
      if (this.ws.seeded[s] !== q.cur) q.top.push(s, this.scoreFixed(s), ix.ids[s]);
    }
  }

  /** Bound of a touched candidate from its own forward list: every probed list's real contribution. */
  private refine(q: QueryState, s: number): number {
    const ix = this.index;
    const tmp = this.tmp;
    tmp.fill(0);
    const lists = ix.forwardLists[s];
    const values = ix.forwardValues[s];
    const { listStamp, listGroup, listImpact, listGroup2, listImpact2 } = this.ws;
    const cur = q.cur;
    for (let j = 0; j < lists.length; j++) {
      const id = lists[j];
      if (listStamp[id] !== cur) continue;
      let g = listGroup[id];
      let c = listImpact[id] * values[j];
      if (SUM_GROUP[g]) tmp[g] += c;
      else if (c > tmp[g]) tmp[g] = c;
      g = listGroup2[id];
      if (g < 0) continue;
      c = listImpact2[id] * values[j];
      if (SUM_GROUP[g]) tmp[g] += c;
      else if (c > tmp[g]) tmp[g] = c;
    }
    return indexedBound(q.w, tmp, 0) + this.cheap(q.w, q.slotA, s);
  }

  private enumerate(q: QueryState, roundNo: number): void {
    const ix = this.index;
    const { probes, essential, enumRound, slotA, cur } = q;
    const { stamp, roundOf, acc, touched } = this.ws;
    const alive = ix.alive;
    const ctx = this.options.ctx;
    const blockCountry = ctx.mode === 'required' && ctx.rule === 'cross-country' ? ix.country[slotA] : -1;
    const blockPlace = ctx.mode === 'required' && ctx.rule === 'cross-region' ? ix.place[slotA] : -1;
    const country = ix.country;
    const place = ix.place;
    // Only ids named in forbidden/declined pairs need the exact exclusion check.
    const maybe = this.maybeExcluded.size > 0 ? this.maybeExcluded.get(ix.ids[slotA]) : undefined;
    const ids = ix.ids;
    let nTouched = this.nTouched;
    for (let i = 0; i < probes.length; i++) {
      if (!essential[i] || enumRound[i] !== 0) continue;
      enumRound[i] = roundNo;
      const { list, group, impact } = probes[i];
      const sum = SUM_GROUP[group];
      const slots = list.slots;
      const values = list.values;
      const n = list.length;
      this.stats.postingsRead += n;
      for (let r = 0; r < n; r++) {
        const s = slots[r];
        if (alive[s] === 0 || country[s] === blockCountry || place[s] === blockPlace) continue;
        if (stamp[s] !== cur) {
          stamp[s] = cur;
          roundOf[s] = roundNo;
          const off = s * GROUP_COUNT;
          for (let g = 0; g < GROUP_COUNT; g++) acc[off + g] = 0;
          if (s === slotA || (maybe !== undefined && maybe.has(ids[s]) && this.excluded(slotA, s))) roundOf[s] = 0;
          else touched[nTouched++] = s;
        } else if (roundOf[s] !== roundNo) continue;
        const c = impact * values[r];
        const j = s * GROUP_COUNT + group;
        if (sum) acc[j] += c;
        else if (c > acc[j]) acc[j] = c;
      }
    }
    this.nTouched = nTouched;
  }

  /** Candidates sharing no key score their cheap part exactly: take buckets best first, ids ascending. */
  private complete(a: ScoringProfile, slotA: number, cur: number, heap: TopK): void {
    this.stats.completions++;
    const ix = this.index;
    for (const b of ix.buckets) {
      // Country and region are part of the signature: one member decides the rule for the bucket.
      if (b.members.length === 0 || this.blocked(slotA, b.members[0])) continue;
      let bucketScore: number | null = null;
      for (const s of ix.sortedMembers(b)) {
        if (this.ws.stamp[s] === cur || this.ws.seeded[s] === cur || this.excluded(slotA, s)) continue;
        bucketScore ??= this.scoreFixed(s);
        if (!heap.push(s, bucketScore, ix.ids[s])) break;
      }
    }
  }
}
