// Probes of one query resolved to posting lists, and the choice of lists to read ("essential") for a
// threshold θ. Exactness only needs the unread lists' bound (plus the cheap part) to stay below θ;
// which lists are left unread is a cost choice: long lists go first per unit of bound they add, so
// the dense domain and sector lists become candidate-side checks (refined from forward lists).
import { kindCompatibility } from '../../scoring/core/activity-lexicon';
import type { MatchIndex, PostingList } from './match-index';
import { GROUP_COUNT, G_D1, G_D2, G_FOCUS, G_SECTOR, G_T1, G_T2, G_TEXT, SUM_GROUP, type ProbeEntry } from './match-keys';
import { indexedBound, type NormalisedWeights } from './pair-bound';

/**
 * Lists shorter than this are always read: a posting costs a few ns, while an unread list's allowance
 * makes every candidate's first bound looser and costs refinements (a forward-list walk each).
 * Measured on the synthetic pools: about a tenth of the pool (10k: 1,000; 30k: 3,000).
 */
export function defaultMinUnreadLength(poolSize: number): number {
  return Math.max(1000, Math.ceil(poolSize / 10));
}

/** Safety margin for floating-point differences between bounds and exact scores. */
export const EPS = 1e-9;

export interface Probe {
  list: PostingList;
  group: number;
  impact: number;
  strength: number;
}

/**
 * Resolves probe entries to lists (kind-split variants, one list per country); lists whose slots
 * are all blocked (`skipCountry`) are left out. Sorted weakest first.
 */
export function resolveProbes(index: MatchIndex, entries: readonly ProbeEntry[], w: NormalisedWeights, skipCountry: number): Probe[] {
  const gw = groupWeights(w, new Float64Array(GROUP_COUNT));
  const out: Probe[] = [];
  const add = (list: PostingList, group: number, impact: number) => {
    if (impact > 0 && list.length > 0 && list.country !== skipCountry) out.push({ list, group, impact, strength: gw[group] * impact * list.max });
  };
  forEachProbedList(index, entries, gw, skipCountry, add);
  return out.sort((x, y) => x.strength - y.strength || y.list.length - x.list.length);
}

/**
 * Every list the probe entries reach, with its group and impact (entries of groups weighted 0 are
 * skipped): a key's lists, or for kind-split keys each kind variant with the entry's impact bounded
 * by kind compatibility. Lists of `skipCountry` (all blocked) and empty lists are left out.
 */
export function forEachProbedList(
  index: MatchIndex,
  entries: readonly ProbeEntry[],
  gw: Float64Array,
  skipCountry: number,
  visit: (list: PostingList, group: number, impact: number) => void,
): void {
  for (const e of entries) {
    if (e.impact <= 0 || gw[e.group] === 0) continue;
    if (!e.kinds) {
      for (const list of index.listsOf(e.key)) if (list.country !== skipCountry && list.length > 0) visit(list, e.group, e.impact);
      continue;
    }
    // A phrase match carries kindCompatibility(seek kinds, offer kinds): bound it per list kind.
    const parts = e.kinds;
    const variants = index.variants(e.key);
    if (!variants) continue;
    for (let x = 0; x < variants.length; x++) {
      const v = variants[x];
      if (v.list.country === skipCountry || v.list.length === 0) continue;
      let impact = 0;
      for (let i = 0; i < parts.length; i += 2) {
        const kc = e.ownSeeks ? kindCompatibility(parts[i], v.kinds) : kindCompatibility(v.kinds, parts[i]);
        if (kc * parts[i + 1] > impact) impact = kc * parts[i + 1];
      }
      visit(v.list, e.group, impact);
    }
  }
}

/** Rough weight of each group in the score (ordering of lists; 0: the group does not count). */
export function groupWeights(w: NormalisedWeights, gw: Float64Array): Float64Array {
  gw[G_D1] = gw[G_T1] = w.complementarity * 0.5;
  gw[G_D2] = gw[G_T2] = w.complementarity * 0.2;
  gw[G_SECTOR] = w.sector;
  gw[G_TEXT] = w.text;
  gw[G_FOCUS] = w.focus;
  return gw;
}

/** Bound of unread lists per group from `ne` (max or L1 sum) and `neSq` (Σ impact², sum groups). */
export function unreadBound(w: NormalisedWeights, ne: Float64Array, neSq: Float64Array, maxNorm: Float64Array, out: Float64Array): number {
  for (let h = 0; h < GROUP_COUNT; h++) out[h] = SUM_GROUP[h] ? Math.min(ne[h], Math.sqrt(neSq[h]) * maxNorm[h]) : ne[h];
  return indexedBound(w, out, 0);
}

/** Scratch space of selectLists (reused across queries). */
export class Selection {
  readonly ne = new Float64Array(GROUP_COUNT);
  readonly neSq = new Float64Array(GROUP_COUNT);
  private readonly trialNe = new Float64Array(GROUP_COUNT);
  private readonly trialSq = new Float64Array(GROUP_COUNT);
  private readonly tmp = new Float64Array(GROUP_COUNT);
  private readonly next = new Int32Array(GROUP_COUNT);
  private order = new Int32Array(0);
  private readonly start = new Int32Array(GROUP_COUNT + 1);

  /**
   * Marks the lists to read for θ (essential[i] = 1) and leaves the bound of the others in ne/neSq.
   * Greedy: repeatedly leave unread the next-weakest list of the group that saves the most postings
   * per unit of bound, while the bound of everything unread (+ cheapMax) stays below θ − EPS.
   * Returns true when every list is essential.
   */
  select(probes: readonly Probe[], w: NormalisedWeights, cheapMax: number, theta: number, maxNorm: Float64Array, essential: Uint8Array, minLen: number): boolean {
    const { ne, neSq, trialNe, trialSq, tmp, next, start } = this;
    ne.fill(0);
    neSq.fill(0);
    essential.fill(1);
    if (this.order.length < probes.length) this.order = new Int32Array(probes.length * 2);
    // Bucket the probes by group, keeping the weakest-first order.
    start.fill(0);
    for (const p of probes) if (p.list.length >= minLen) start[p.group + 1]++;
    for (let g = 0; g < GROUP_COUNT; g++) start[g + 1] += start[g];
    for (let g = 0; g < GROUP_COUNT; g++) next[g] = start[g];
    for (let i = 0; i < probes.length; i++) if (probes[i].list.length >= minLen) this.order[next[probes[i].group]++] = i;
    for (let g = 0; g < GROUP_COUNT; g++) next[g] = start[g];
    const limit = theta - EPS - cheapMax;
    let cur = unreadBound(w, ne, neSq, maxNorm, tmp);
    if (cur >= limit) return true;
    for (;;) {
      let bestG = -1;
      let bestRatio = -1;
      let bestBound = 0;
      for (let g = 0; g < GROUP_COUNT; g++) {
        if (next[g] >= start[g + 1]) continue;
        const p = probes[this.order[next[g]]];
        const c = p.impact * p.list.max;
        if (!SUM_GROUP[g] && c <= ne[g]) {
          // Free: a max group already allows this much.
          bestG = g;
          bestRatio = Infinity;
          bestBound = cur;
          break;
        }
        trialNe.set(ne);
        trialSq.set(neSq);
        if (SUM_GROUP[g]) {
          trialNe[g] += c;
          trialSq[g] += p.impact * p.impact;
        } else trialNe[g] = c;
        const b = unreadBound(w, trialNe, trialSq, maxNorm, tmp);
        if (b >= limit) {
          // Bounds only grow: this group's remaining lists stay essential.
          next[g] = start[g + 1];
          continue;
        }
        const ratio = p.list.length / Math.max(b - cur, 1e-12);
        if (ratio > bestRatio) {
          bestRatio = ratio;
          bestG = g;
          bestBound = b;
        }
      }
      if (bestG < 0) break;
      const i = this.order[next[bestG]++];
      const p = probes[i];
      const c = p.impact * p.list.max;
      if (SUM_GROUP[bestG]) {
        ne[bestG] += c;
        neSq[bestG] += p.impact * p.impact;
      } else if (c > ne[bestG]) ne[bestG] = c;
      essential[i] = 0;
      cur = bestBound;
    }
    for (let i = 0; i < probes.length; i++) if (!essential[i]) return false;
    return true;
  }
}

/**
 * The k-th scores of a search's last 64 full lists, in arrival order and sorted: their quantiles are
 * guesses of the next query's k-th score (they only affect speed).
 */
export class RecentThresholds {
  private readonly arrival: number[] = [];
  private readonly sorted: number[] = [];

  get size(): number {
    return this.arrival.length;
  }

  add(threshold: number): void {
    this.arrival.push(threshold);
    this.sorted.splice(lowerBound(this.sorted, threshold), 0, threshold);
    if (this.arrival.length > 64) this.sorted.splice(lowerBound(this.sorted, this.arrival.shift()!), 1);
  }

  /** The f-quantile (0 ≤ f ≤ 1) of the scores held; at least one must be. */
  quantile(f: number): number {
    return this.sorted[Math.floor(f * (this.sorted.length - 1))];
  }
}

/** First position in ascending `xs` whose value is not below `x`. */
function lowerBound(xs: readonly number[], x: number): number {
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (xs[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
