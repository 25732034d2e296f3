// Exact top-k for one query over the index: MaxScore-style candidate generation with per-group
// upper bounds, exact scoring in bound order, and completion from signature buckets.
//
// Exactness: a candidate is skipped only when an upper bound of its score is below the current
// k-th exact score minus EPS (so it can neither beat nor tie it). Candidates in no enumerated list
// are bounded by the "non-essential" bound, which is kept below the selection threshold θsel; the
// loop ends only when the k-th exact score reaches θsel (else θsel drops to it and more lists are read).
// Candidates sharing no key at all score exactly their cheap part, equal within a signature bucket.
import { applicableComponents, COMPONENTS, createPairScorer, LANGUAGE, type PairScorer, type ScoringContext, type ScoringProfile, type ScoringWeights, type TieUpContext } from '../../scoring/core';
import { cooperationValue, tieUpMask } from '../../scoring/core/pair-components';
import { kindCompatibility } from '../../scoring/core/activity-lexicon';
import { effectiveTieUp } from '../../scoring/core/score-pair';
import type { MatchIndex, PostingList } from './match-index';
import { forwardProbes, GROUP_COUNT, G_D1, G_D2, G_FOCUS, G_SECTOR, G_T1, G_T2, G_TEXT, SUM_GROUP, type ProbeEntry } from './match-keys';
import { indexedBound, type NormalisedWeights } from './pair-bound';
import { TopK } from './top-k';

/** Safety margin for floating-point differences between bounds and exact scores. */
export const EPS = 1e-9;

export interface MatchOptions {
  /** List length (default 20). */
  k?: number;
  weights: ScoringWeights;
  /** Rule, mode, tie-up and exclusions (forbidden/declined pairs); a required rule blocks candidates. */
  ctx: ScoringContext;
}

export interface MatchStats {
  queries: number;
  /** Exact pair evaluations. */
  pairsScored: number;
  /** Candidates whose upper bound was computed. */
  candidatesConsidered: number;
  postingsRead: number;
  /** Extra rounds because the guessed threshold was too high or the list stayed short. */
  extraRounds: number;
  /** Queries completed from signature buckets (candidates sharing no key). */
  completions: number;
  /** Candidates whose bound was refined from their own postings. */
  refined: number;
  ms: number;
}

export function emptyStats(): MatchStats {
  return { queries: 0, pairsScored: 0, candidatesConsidered: 0, postingsRead: 0, extraRounds: 0, completions: 0, refined: 0, ms: 0 };
}

export function normaliseWeights(weights: ScoringWeights, ctx: ScoringContext, tieUp: TieUpContext | null): NormalisedWeights {
  const applicable = applicableComponents(ctx, tieUp);
  let sum = 0;
  for (const c of COMPONENTS) if (applicable[c]) sum += weights[c];
  const w = (c: (typeof COMPONENTS)[number]) => (applicable[c] && sum > 0 ? weights[c] / sum : 0);
  return { complementarity: w('complementarity'), sector: w('sector'), text: w('text'), cooperation: w('cooperation'), language: w('language'), region: w('region'), focus: w('focus') };
}

/** Ids that may be excluded with a given id (a superset: every hit is confirmed with the exact key). */
function exclusionCandidates(ctx: ScoringContext): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  const add = (a: string, b: string) => {
    if (!out.has(a)) out.set(a, new Set());
    if (!out.has(b)) out.set(b, new Set());
    out.get(a)!.add(b);
    out.get(b)!.add(a);
  };
  const split = (key: string, sep: string) => {
    for (let i = key.indexOf(sep); i > 0; i = key.indexOf(sep, i + 1)) add(key.slice(0, i), key.slice(i + 1));
  };
  for (const k of ctx.forbiddenPairs ?? []) split(k, '|');
  for (const k of ctx.declinedPairs ?? []) split(k, '>');
  return out;
}

interface QueryState {
  slotA: number;
  a: ScoringProfile;
  w: NormalisedWeights;
  probes: Probe[];
  cheapMax: number;
  top: TopK;
  cur: number;
  touched: number[];
  ubs: number[];
  refined: boolean[];
  pending: number[];
  /** Round in which each probe's list was read (0: not read). */
  enumRound: Uint8Array;
  essential: Uint8Array;
  nextProbe: Int32Array;
  roundNo: number;
  allRead: boolean;
}

/** Binary max-heap of indexes into `keys`. */
function heapPush(heap: number[], keys: number[], i: number): void {
  let c = heap.push(i) - 1;
  while (c > 0) {
    const p = (c - 1) >> 1;
    if (keys[heap[p]] >= keys[i]) break;
    heap[c] = heap[p];
    c = p;
  }
  heap[c] = i;
}

function heapPop(heap: number[], keys: number[]): void {
  const last = heap.pop()!;
  if (heap.length === 0) return;
  let c = 0;
  const key = keys[last];
  for (;;) {
    const l = 2 * c + 1;
    if (l >= heap.length) break;
    const r = l + 1;
    const m = r < heap.length && keys[heap[r]] > keys[heap[l]] ? r : l;
    if (keys[heap[m]] <= key) break;
    heap[c] = heap[m];
    c = m;
  }
  heap[c] = last;
}

interface Probe {
  list: PostingList;
  group: number;
  impact: number;
  strength: number;
}

/** Compiled options plus scratch space reused across queries (one per computeMatchLists call). */
export class MatchSearch {
  readonly k: number;
  readonly stats = emptyStats();
  private readonly scorer: PairScorer;
  private readonly maybeExcluded: Map<string, Set<string>>;
  private readonly weightsByTieUp = new Map<TieUpContext | null, NormalisedWeights>();
  private readonly coopTable = new Float64Array(256 * 256).fill(-1);
  private acc = new Float64Array(0);
  private stamp = new Uint32Array(0);
  private roundOf = new Uint8Array(0);
  private listStamp = new Uint32Array(0);
  private listFirst = new Int32Array(0);
  private counter = 0;
  private readonly recent: number[] = [];
  /** Unread ("non-essential") lists per group: max or L1 sum of impact · list max, and Σ impact² (sum groups). */
  private readonly ne = new Float64Array(GROUP_COUNT);
  private readonly neSq = new Float64Array(GROUP_COUNT);
  private readonly tmp = new Float64Array(GROUP_COUNT);

  constructor(
    readonly index: MatchIndex,
    readonly options: MatchOptions,
  ) {
    this.k = options.k ?? 20;
    // Exclusions are handled here (by id), so the hot path never builds pair-key strings.
    this.scorer = createPairScorer(options.weights, { ...options.ctx, forbiddenPairs: undefined, declinedPairs: undefined });
    this.maybeExcluded = exclusionCandidates(options.ctx);
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

  weightsFor(a: ScoringProfile): { w: NormalisedWeights; tieUp: TieUpContext | null } {
    const tieUp = effectiveTieUp(this.options.ctx, a);
    let w = this.weightsByTieUp.get(tieUp);
    if (!w) this.weightsByTieUp.set(tieUp, (w = normaliseWeights(this.options.weights, this.options.ctx, tieUp)));
    return { w, tieUp };
  }

  /** Exact cooperation + language + region part of score(a, b) · normalised weights (an upper-bound term). */
  cheap(w: NormalisedWeights, a: number, b: number): number {
    const ix = this.index;
    const ca = ix.cooperation[a];
    const cb = ix.cooperation[b];
    const key = (ca << 8) | cb;
    let coop = this.coopTable[key];
    if (coop < 0) this.coopTable[key] = coop = cooperationValue({ cooperation: ca } as ScoringProfile, { cooperation: cb } as ScoringProfile);
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

  /** Running guess of the k-th score (only affects speed: a wrong guess costs another round). */
  guess(): number {
    if (this.recent.length < 4) return -Infinity;
    const s = [...this.recent].sort((x, y) => x - y);
    return s[Math.floor(s.length / 8)];
  }

  /** Exact top-k of one query slot; `hint` is a guessed k-th score (e.g. the previous list's). */
  query(slotA: number, hint?: number): TopK {
    const ix = this.index;
    const a = ix.profiles[slotA]!;
    this.ensureCapacity();
    this.stats.queries++;
    const { w, tieUp } = this.weightsFor(a);
    const focusMask = w.focus > 0 && tieUp ? tieUpMask(tieUp, a.env.domainIndex) : null;
    const probes = this.resolve(forwardProbes(a, focusMask), w);
    const q: QueryState = {
      slotA,
      a,
      w,
      probes,
      cheapMax: w.cooperation + w.language + w.region,
      top: new TopK(this.k),
      cur: (this.counter += 1),
      touched: [],
      ubs: [],
      refined: [],
      pending: [],
      enumRound: new Uint8Array(probes.length),
      essential: new Uint8Array(probes.length),
      nextProbe: new Int32Array(probes.length),
      roundNo: 0,
      allRead: false,
    };
    // Chain the probes of each list (a list can feed two groups, e.g. f: for sector and focus).
    for (let i = 0; i < probes.length; i++) {
      const id = probes[i].list.id;
      q.nextProbe[i] = this.listStamp[id] === q.cur ? this.listFirst[id] : -1;
      this.listStamp[id] = q.cur;
      this.listFirst[id] = i;
    }
    let thetaSel = hint ?? this.guess();
    for (;;) {
      this.round(q, thetaSel);
      if (q.top.threshold >= thetaSel) break;
      thetaSel = q.top.threshold;
      this.stats.extraRounds++;
    }
    if (!q.top.full || q.top.threshold <= q.cheapMax + EPS) {
      if (!q.allRead) this.round(q, -Infinity);
      this.complete(a, slotA, q.cur, q.top);
    }
    if (q.top.full) {
      this.recent.push(q.top.threshold);
      if (this.recent.length > 32) this.recent.shift();
    }
    return q.top;
  }

  /** One round: choose the lists to read for θ, read the new ones, bound new candidates, score the promising. */
  private round(q: QueryState, theta: number): void {
    const ix = this.index;
    const roundNo = ++q.roundNo;
    q.allRead = this.select(q.probes, q.w, q.cheapMax, theta, q.essential);
    const start = q.touched.length;
    this.enumerate(q, roundNo);
    const tmp = this.tmp;
    for (let i = start; i < q.touched.length; i++) {
      const s = q.touched[i];
      const off = s * GROUP_COUNT;
      for (let g = 0; g < GROUP_COUNT; g++) {
        // Unread lists of a sum group add at most min(L1 bound, Cauchy–Schwarz with this slot's norm).
        tmp[g] = SUM_GROUP[g] ? this.acc[off + g] + Math.min(this.ne[g], Math.sqrt(this.neSq[g]) * ix.norms[off + g]) : Math.max(this.acc[off + g], this.ne[g]);
      }
      q.ubs[i] = indexedBound(q.w, tmp, 0) + this.cheap(q.w, q.slotA, s);
      q.refined[i] = false;
      q.pending.push(i);
    }
    this.stats.candidatesConsidered += q.touched.length - start;
    // Candidates that can reach θ go to a max-heap by bound; the rest wait for a lower θ.
    const heap: number[] = [];
    let keep = 0;
    for (const i of q.pending) {
      if (q.ubs[i] >= theta - EPS) heapPush(heap, q.ubs, i);
      else q.pending[keep++] = i;
    }
    q.pending.length = keep;
    while (heap.length > 0) {
      const i = heap[0];
      if (q.ubs[i] < q.top.threshold - EPS) break;
      heapPop(heap, q.ubs);
      const s = q.touched[i];
      if (!q.refined[i]) {
        // Replace the unread-list allowance by this candidate's own postings (forward index).
        q.ubs[i] = this.refine(q, s);
        q.refined[i] = true;
        this.stats.refined++;
        if (q.ubs[i] >= q.top.threshold - EPS) heapPush(heap, q.ubs, i);
        continue;
      }
      q.top.push(s, this.score(q.a, ix.profiles[s]!), ix.ids[s]);
    }
  }

  /** Bound of a touched candidate with every list's real contribution (read or not). */
  private refine(q: QueryState, s: number): number {
    const ix = this.index;
    const tmp = this.tmp;
    const off = s * GROUP_COUNT;
    for (let g = 0; g < GROUP_COUNT; g++) tmp[g] = this.acc[off + g];
    const lists = ix.forwardLists[s];
    const values = ix.forwardValues[s];
    const r = this.roundOf[s];
    for (let j = 0; j < lists.length; j++) {
      const id = lists[j];
      if (this.listStamp[id] !== q.cur) continue;
      for (let p = this.listFirst[id]; p >= 0; p = q.nextProbe[p]) {
        // Lists read in this candidate's round or before are already in acc.
        const er = q.enumRound[p];
        if (er !== 0 && er <= r) continue;
        const probe = q.probes[p];
        const c = probe.impact * values[j];
        if (SUM_GROUP[probe.group]) tmp[probe.group] += c;
        else if (c > tmp[probe.group]) tmp[probe.group] = c;
      }
    }
    return indexedBound(q.w, tmp, 0) + this.cheap(q.w, q.slotA, s);
  }

  private resolve(entries: ProbeEntry[], w: NormalisedWeights): Probe[] {
    const gw = new Float64Array(GROUP_COUNT);
    gw[G_D1] = gw[G_T1] = w.complementarity * 0.5;
    gw[G_D2] = gw[G_T2] = w.complementarity * 0.2;
    gw[G_SECTOR] = w.sector;
    gw[G_TEXT] = w.text;
    gw[G_FOCUS] = w.focus;
    const out: Probe[] = [];
    const add = (list: PostingList, group: number, impact: number) => {
      if (impact > 0 && list.length > 0) out.push({ list, group, impact, strength: gw[group] * impact * list.max });
    };
    for (const e of entries) {
      if (e.impact <= 0 || gw[e.group] === 0) continue;
      if (!e.kinds) {
        const list = this.index.list(e.key);
        if (list) add(list, e.group, e.impact);
        continue;
      }
      // A phrase match carries kindCompatibility(seek kinds, offer kinds): bound it per list kind.
      const parts = e.kinds;
      for (const v of this.index.variants(e.key) ?? []) {
        let impact = 0;
        for (let i = 0; i < parts.length; i += 2) {
          const kc = e.ownSeeks ? kindCompatibility(parts[i], v.kinds) : kindCompatibility(v.kinds, parts[i]);
          if (kc * parts[i + 1] > impact) impact = kc * parts[i + 1];
        }
        add(v.list, e.group, impact);
      }
    }
    // Weakest first: they become non-essential; among equals the longest lists go first.
    return out.sort((x, y) => x.strength - y.strength || y.list.length - x.list.length);
  }

  /** Marks the lists that must be read for threshold θ; fills this.ne. Returns true when all are essential. */
  private select(probes: Probe[], w: NormalisedWeights, cheapMax: number, theta: number, essential: Uint8Array): boolean {
    this.ne.fill(0);
    this.neSq.fill(0);
    const maxNorm = this.index.maxNorm;
    const bound = this.tmp;
    let all = true;
    for (let i = 0; i < probes.length; i++) {
      const p = probes[i];
      const g = p.group;
      const c = p.impact * p.list.max;
      const old = this.ne[g];
      const oldSq = this.neSq[g];
      if (SUM_GROUP[g]) {
        this.ne[g] = old + c;
        this.neSq[g] = oldSq + p.impact * p.impact;
      } else this.ne[g] = Math.max(old, c);
      for (let h = 0; h < GROUP_COUNT; h++) bound[h] = SUM_GROUP[h] ? Math.min(this.ne[h], Math.sqrt(this.neSq[h]) * maxNorm[h]) : this.ne[h];
      if (indexedBound(w, bound, 0) + cheapMax < theta - EPS) {
        essential[i] = 0;
        all = false;
      } else {
        this.ne[g] = old;
        this.neSq[g] = oldSq;
        essential[i] = 1;
      }
    }
    return all;
  }

  private enumerate(q: QueryState, roundNo: number): void {
    const ix = this.index;
    const { probes, essential, enumRound, slotA, cur, touched } = q;
    const alive = ix.alive;
    const stamp = this.stamp;
    const roundOf = this.roundOf;
    const acc = this.acc;
    const ctx = this.options.ctx;
    const blockCountry = ctx.mode === 'required' && ctx.rule === 'cross-country' ? ix.country[slotA] : -1;
    const blockPlace = ctx.mode === 'required' && ctx.rule === 'cross-region' ? ix.place[slotA] : -1;
    const country = ix.country;
    const place = ix.place;
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
          if (s === slotA || this.excluded(slotA, s)) roundOf[s] = 0;
          else touched.push(s);
        } else if (roundOf[s] !== roundNo) continue;
        const c = impact * values[r];
        const j = s * GROUP_COUNT + group;
        if (sum) acc[j] += c;
        else if (c > acc[j]) acc[j] = c;
      }
    }
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
        if (this.stamp[s] === cur || this.excluded(slotA, s)) continue;
        bucketScore ??= this.score(a, ix.profiles[s]!);
        if (!heap.push(s, bucketScore, ix.ids[s])) break;
      }
    }
  }

  private ensureCapacity(): void {
    const lists = this.index.listCount;
    if (this.listStamp.length < lists) {
      this.listStamp = new Uint32Array(Math.max(16, lists * 2));
      this.listFirst = new Int32Array(this.listStamp.length);
    }
    const cap = this.index.capacity;
    if (this.stamp.length >= cap) return;
    const n = Math.max(cap, 16);
    this.acc = new Float64Array(n * GROUP_COUNT);
    this.stamp = new Uint32Array(n);
    this.roundOf = new Uint8Array(n);
  }
}
