// Large-neighbourhood search with an exact (MIP) repair step: repeatedly free a neighbourhood —
// a window of consecutive slots (kept inside it), the slots around the lunch boundary, a window
// whose meetings may spill anywhere while break-free participants stay contiguous, a participant's
// gap plus its partners, or every meeting of a group of participants with breaks — keep the rest
// fixed and re-optimise the freed part exactly. Only strict improvements that keep the schedule
// feasible and fair are accepted.
import type { MipSolver } from './mip-model';
import { buildNeighbourhoodMip, type Neighbourhood } from './neighbourhood-mip';
import type { ScheduleModel } from './schedule-model';
import type { SearchState } from './search-state';
import { SeededRandom } from './seeded-random';

export interface LnsParams {
  solver: MipSolver;
  d: number;
  lowerBound: number;
  deadline: number;
  now: () => number;
  seed: number;
  /** Stop after this many neighbourhoods (tests); default unlimited. */
  maxSteps?: number;
  /** Time limit of one sub-MIP in seconds. */
  stepLimitSec?: number;
  /** Initial window width and participant-group size (both adapt), and the widest window. */
  window?: number;
  people?: number;
  maxWindow?: number;
  /** Neighbourhood cycle: 'spill' | 'window' | 'gap' | 'people' | 'lunch'. */
  kinds?: string[];
  /** Diagnostics hook: one line per neighbourhood. */
  log?: (line: string) => void;
}

export interface LnsOutcome {
  steps: number;
  improvements: number;
}

type Kind = 'window' | 'lunch' | 'people' | 'gap' | 'spill';

/** Adaptive neighbourhood sizes: grow after a proven-optimal solve, shrink after a timeout. */
interface Sizes {
  window: number;
  people: number;
}

export function runExactLns(model: ScheduleModel, st: SearchState, params: LnsParams): LnsOutcome {
  const { T, M, active, pinned } = model;
  const rng = new SeededRandom(params.seed ^ 0x5bd1e995);
  const movable: number[] = [];
  for (let m = 0; m < M; m++) if (active[m] && pinned[m] < 0 && st.slot[m] >= 0) movable.push(m);
  const out: LnsOutcome = { steps: 0, improvements: 0 };
  if (movable.length === 0 || st.violations > 0 || st.fairnessExcess(params.d) > 0) return out;
  const sizes: Sizes = { window: Math.min(T, params.window ?? 6), people: params.people ?? 8 };
  const stepLimit = params.stepLimitSec ?? 1;
  const maxWindow = params.maxWindow ?? 10;
  const maxSteps = params.maxSteps ?? Number.MAX_SAFE_INTEGER;
  const kinds = (params.kinds ?? ['spill', 'window', 'gap', 'spill', 'people', 'lunch']).filter((x) => x !== 'lunch' || (model.morningSlots > 0 && model.morningSlots < T)) as Kind[];
  let k = 0;
  while (out.steps < maxSteps && st.breaks > params.lowerBound) {
    const left = params.deadline - params.now();
    if (left < 150) break;
    const kind = kinds[k++ % kinds.length];
    const nb =
      kind === 'people'
        ? peopleNeighbourhood(model, st, sizes.people, rng)
        : kind === 'spill'
          ? spillNeighbourhood(model, st, movable, sizes.window, rng)
          : kind === 'gap'
            ? gapNeighbourhood(model, st, movable, sizes.window, rng)
            : windowNeighbourhood(model, st, movable, sizes.window, kind === 'lunch', rng);
    out.steps++;
    if (!nb) continue;
    const built = buildNeighbourhoodMip(model, st.slot, nb, params.d);
    if (!built) continue;
    const res = params.solver(built.mip, { timeLimitSec: Math.min(stepLimit, (left - 120) / 1000), seed: params.seed + out.steps });
    // Adapt: proven optimal means the neighbourhood was easy, so try a larger one next time.
    const grow = res.status === 'optimal' ? 1 : res.status === 'unknown' || res.status === 'feasible' ? -1 : 0;
    if (kind === 'people') sizes.people = Math.max(2, Math.min(40, sizes.people + grow));
    else sizes.window = Math.max(3, Math.min(T, maxWindow, sizes.window + grow));
    const ok = !!res.values && res.objective <= built.currentObjective - 0.5 && apply(st, built.decode(res.values), params.d);
    if (ok) out.improvements++;
    params.log?.(`${kind} freed=${nb.freed.length} cols=${built.mip.numCols} rows=${built.mip.rowLower.length} ${res.status} ${built.currentObjective}->${res.objective} breaks=${st.breaks} t=${Math.round(params.now() - params.deadline)}`);
  }
  return out;
}

/** Moves the freed meetings to their new slots; reverts unless the result is feasible, fair and better. */
function apply(st: SearchState, moves: Map<number, number>, d: number): boolean {
  const before = st.breaks;
  const old = new Map<number, number>();
  for (const m of moves.keys()) old.set(m, st.slot[m]);
  for (const m of moves.keys()) st.relocate(m, -1);
  for (const [m, t] of moves) st.relocate(m, t);
  if (st.violations === 0 && st.fairnessExcess(d) === 0 && st.breaks < before) return true;
  for (const m of moves.keys()) st.relocate(m, -1);
  for (const [m, t] of old) st.relocate(m, t);
  return false;
}

/** Every movable meeting held in a window of `w` consecutive slots; they may move only inside it. */
function windowNeighbourhood(model: ScheduleModel, st: SearchState, movable: number[], w: number, lunch: boolean, rng: SeededRandom): Neighbourhood | null {
  const T = model.T;
  let lo: number;
  if (lunch) {
    // Windows that straddle the morning/afternoon boundary.
    const ms = model.morningSlots;
    lo = ms - w + 1 + rng.int(Math.max(1, w - 1));
  } else {
    // Centre on a gap of a participant with breaks, else anywhere.
    const gap = randomGapSlot(model, st, movable, rng);
    lo = gap >= 0 ? gap - rng.int(w) : rng.int(T - w + 1);
  }
  lo = Math.max(0, Math.min(T - w, lo));
  const hi = lo + w - 1;
  const freed = movable.filter((m) => st.slot[m] >= lo && st.slot[m] <= hi);
  if (freed.length === 0) return null;
  return { freed, allowed: (_m, t) => t >= lo && t <= hi };
}

/** An idle slot inside the span of a random participant with breaks, or −1. */
function randomGapSlot(model: ScheduleModel, st: SearchState, movable: number[], rng: SeededRandom): number {
  const T = model.T;
  for (let k = 0; k < 32; k++) {
    const m = movable[rng.int(movable.length)];
    const p = rng.next() < 0.5 ? model.ma[m] : model.mb[m];
    if (st.br[p] === 0) continue;
    const busy: number[] = [];
    for (let t = 0; t < T; t++) if (st.cnt[p * T + t] > 0) busy.push(t);
    const gaps: number[] = [];
    for (let t = busy[0]; t < busy[busy.length - 1]; t++) if (st.cnt[p * T + t] === 0) gaps.push(t);
    if (gaps.length > 0) return gaps[rng.int(gaps.length)];
  }
  return -1;
}

/** Every movable meeting of `n` participants, preferring those with breaks and their partners. */
function peopleNeighbourhood(model: ScheduleModel, st: SearchState, n: number, rng: SeededRandom): Neighbourhood | null {
  const { P, pStart, pList, ma, mb, pinned, active } = model;
  const chosen = new Set<number>();
  const withBreaks: number[] = [];
  for (let p = 0; p < P; p++) if (st.br[p] > 0) withBreaks.push(p);
  if (withBreaks.length === 0) return null;
  const frontier: number[] = [withBreaks[rng.int(withBreaks.length)]];
  // Grow a connected group: participants with breaks first, then partners of chosen participants.
  while (chosen.size < n && frontier.length > 0) {
    const p = frontier.splice(rng.int(frontier.length), 1)[0];
    if (chosen.has(p)) continue;
    chosen.add(p);
    for (let i = pStart[p]; i < pStart[p + 1]; i++) {
      const m = pList[i];
      const q = ma[m] === p ? mb[m] : ma[m];
      if (!chosen.has(q) && (st.br[q] > 0 || rng.next() < 0.3)) frontier.push(q);
    }
    if (frontier.length === 0 && chosen.size < n) frontier.push(withBreaks[rng.int(withBreaks.length)]);
  }
  const freed = new Set<number>();
  for (const p of chosen) {
    for (let i = pStart[p]; i < pStart[p + 1]; i++) {
      const m = pList[i];
      if (active[m] && pinned[m] < 0 && st.slot[m] >= 0) freed.add(m);
    }
  }
  if (freed.size === 0) return null;
  return { freed: [...freed], allowed: () => true };
}

/**
 * A participant with a break: its meetings and its partners' meetings may move anywhere, and every
 * meeting in a window around one of its gaps may move inside the window (to make room).
 */
function gapNeighbourhood(model: ScheduleModel, st: SearchState, movable: number[], w: number, rng: SeededRandom): Neighbourhood | null {
  const { T, pStart, pList, ma, mb, pinned, active } = model;
  for (let k = 0; k < 32; k++) {
    const m0 = movable[rng.int(movable.length)];
    const p = rng.next() < 0.5 ? ma[m0] : mb[m0];
    if (st.br[p] === 0) continue;
    const busy: number[] = [];
    for (let t = 0; t < T; t++) if (st.cnt[p * T + t] > 0) busy.push(t);
    const gaps: number[] = [];
    for (let t = busy[0]; t < busy[busy.length - 1]; t++) if (st.cnt[p * T + t] === 0) gaps.push(t);
    const g = gaps[rng.int(gaps.length)];
    const lo = Math.max(0, Math.min(T - w, g - rng.int(w)));
    const hi = lo + w - 1;
    const anywhere = new Set<number>();
    const people = new Set<number>([p]);
    for (let i = pStart[p]; i < pStart[p + 1]; i++) people.add(ma[pList[i]] === p ? mb[pList[i]] : ma[pList[i]]);
    for (const q of people) {
      for (let i = pStart[q]; i < pStart[q + 1]; i++) {
        const m = pList[i];
        if (active[m] && pinned[m] < 0 && st.slot[m] >= 0) anywhere.add(m);
      }
    }
    const freed = new Set(anywhere);
    for (const m of movable) if (st.slot[m] >= lo && st.slot[m] <= hi) freed.add(m);
    return { freed: [...freed], allowed: (m, t) => anywhere.has(m) || (t >= lo && t <= hi) };
  }
  return null;
}

/** Extra participants (besides those with breaks) that a spill neighbourhood lets break. */
const EXTRA_BREAKERS = 4;

/**
 * Only the participants with breaks and `n` others (mostly their partners) may have breaks; the
 * rest must stay break-free (null when nobody has a break).
 */
function breakAllowance(model: ScheduleModel, st: SearchState, n: number, rng: SeededRandom): Uint8Array | null {
  const { P, pStart, pList, ma, mb } = model;
  const mayBreak = new Uint8Array(P);
  const breakers: number[] = [];
  for (let p = 0; p < P; p++) {
    if (st.br[p] === 0) continue;
    mayBreak[p] = 1;
    breakers.push(p);
  }
  if (breakers.length === 0) return null;
  // Extra candidates: partners of participants with breaks first, then anyone.
  for (let k = 0; k < 4 * n && n > 0; k++) {
    let q: number;
    if (rng.next() < 0.6) {
      const p = breakers[rng.int(breakers.length)];
      const m = pList[pStart[p] + rng.int(pStart[p + 1] - pStart[p])];
      q = ma[m] === p ? mb[m] : ma[m];
    } else q = rng.int(P);
    if (!mayBreak[q]) {
      mayBreak[q] = 1;
      if (--n === 0) break;
    }
  }
  return mayBreak;
}

/**
 * Meetings of a slot window may move to any slot (e.g. out of a full morning into the afternoon),
 * while most break-free participants must stay one contiguous block (which may shift). The block
 * formulation is tight: HiGHS settles ~100 freed meetings in a fraction of a second this way.
 */
function spillNeighbourhood(model: ScheduleModel, st: SearchState, movable: number[], w: number, rng: SeededRandom): Neighbourhood | null {
  const mayBreak = breakAllowance(model, st, EXTRA_BREAKERS, rng);
  if (!mayBreak) return null;
  const T = model.T;
  const gap = randomGapSlot(model, st, movable, rng);
  const lo = Math.max(0, Math.min(T - w, gap >= 0 ? gap - rng.int(w) : rng.int(T - w + 1)));
  const freed = movable.filter((m) => st.slot[m] >= lo && st.slot[m] < lo + w);
  return { freed, allowed: () => true, contiguous: (p) => !mayBreak[p] };
}
