// Exact check for a schedule without any break, the lowest total there is. Without breaks every
// participant's meetings fill one window of consecutive slots, so this model chooses one window per
// participant (w[p,s]: p's meetings fill s..s+deg−1) instead of counting runs: a meeting may only sit
// where both windows cover it, and every covered slot holds one of the participant's meetings. The
// table capacity counts busy participants (capacityOverBusy), here the windows themselves. Much
// smaller and sharper than the general encoding at bound 0 (bench/b2b/README.md).
import type { ScheduleModel } from './schedule-model';
import { activeMeetings, atMostOne, capacityOverBusy, Cnf, encodeMeetings } from './sat-encoding';
import { addAll, type IncrementalSatSolver, modelSlots, type SatSolverFactory, type SatStatus } from './sat-search';

/** Builds the zero-break model and decides it with one solver call. */
export class ZeroBreakCheck {
  private readonly solver: IncrementalSatSolver;
  private readonly xVar: Int32Array;
  private stopAt = 0;

  constructor(
    private readonly model: ScheduleModel,
    factory: SatSolverFactory,
    private readonly now: () => number,
    interrupt?: () => boolean,
  ) {
    const cnf = new Cnf();
    this.xVar = encodeMeetings(cnf, model);
    const busyAt = encodeWindows(cnf, model, this.xVar);
    capacityOverBusy(cnf, busyAt, model.tables);
    this.solver = factory();
    addAll(this.solver, cnf.lits);
    this.solver.setTerminate(interrupt ? () => this.now() >= this.stopAt || interrupt() : () => this.now() >= this.stopAt);
  }

  /** Searches until `until` (a time on `now`). */
  solve(until: number): SatStatus {
    this.stopAt = until;
    return this.solver.solve();
  }

  /** After 'satisfiable': the slot of every active meeting (−1 for the others). */
  slots(): Int32Array {
    return modelSlots(this.solver, this.xVar, this.model);
  }

  dispose(): void {
    this.solver.setTerminate(null);
    this.solver.dispose();
  }
}

/**
 * One window per participant with two meetings or more (over slots that all hold a candidate of
 * its meetings), at most one meeting per participant and slot, meetings only inside both windows
 * and every window slot busy. Returns the busy literal of every participant per slot.
 */
function encodeWindows(cnf: Cnf, model: ScheduleModel, xVar: Int32Array): number[][] {
  const { P, T } = model;
  const busyAt: number[][] = Array.from({ length: T }, () => []);
  for (let p = 0; p < P; p++) {
    const ms = activeMeetings(model, p);
    if (ms.length === 0) continue;
    const n = ms.length;
    const slotLits: number[][] = [];
    for (let t = 0; t < T; t++) {
      const lits: number[] = [];
      for (const m of ms) if (xVar[m * T + t]) lits.push(xVar[m * T + t]);
      atMostOne(cnf, lits);
      slotLits.push(lits);
    }
    if (n === 1) {
      for (let t = 0; t < T; t++) if (slotLits[t].length > 0) busyAt[t].push(slotLits[t][0]);
      continue;
    }
    const { window, windows } = windowVars(cnf, T, n, (t) => slotLits[t].length > 0);
    // No window at all: clause [] makes the model unsatisfiable, as it should.
    cnf.addClause(windows);
    atMostOne(cnf, windows);
    for (let t = 0; t < T; t++) {
      const cover = coverOf(window, t, n);
      for (const x of slotLits[t]) cnf.addClause([-x, ...cover]);
      if (cover.length === 0) continue;
      for (const w of cover) cnf.addClause([-w, ...slotLits[t]]);
      // busy[t] ⇔ a window covering t is chosen. A variable of its own also where one window covers
      // t: the same model, but its numbering steered CaDiCaL to ticf-14crafa's schedules in
      // 2.0–2.4 s over six seeds instead of 4.9–11.9 s (bench/b2b/README.md).
      const b = cnf.newVar();
      for (const w of cover) cnf.add(-w, b);
      cnf.addClause([-b, ...cover]);
      busyAt[t].push(b);
    }
  }
  return busyAt;
}

/**
 * A variable w[s] for every window s..s+n−1 of consecutive slots that are all `usable` (0 elsewhere),
 * and the list of them in slot order.
 */
export function windowVars(cnf: Cnf, T: number, n: number, usable: (t: number) => boolean): { window: Int32Array; windows: number[] } {
  const window = new Int32Array(T);
  const windows: number[] = [];
  for (let s = 0; s + n <= T; s++) {
    let all = true;
    for (let t = s; t < s + n && all; t++) all = usable(t);
    if (!all) continue;
    window[s] = cnf.newVar();
    windows.push(window[s]);
  }
  return { window, windows };
}

/** The window variables (of windows n slots long) that cover slot t. */
export function coverOf(window: Int32Array, t: number, n: number): number[] {
  const cover: number[] = [];
  for (let s = Math.max(0, t - n + 1); s <= t; s++) if (window[s]) cover.push(window[s]);
  return cover;
}
