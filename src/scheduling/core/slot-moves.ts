// Whole-slot moves: reorder the day without changing which meetings are simultaneous.
import type { ScheduleModel } from './schedule-model';

/** Moves the whole contents of slot `from` to slot `to`, shifting the slots in between by one. */
export function insertSlot(model: ScheduleModel, slot: Int32Array, from: number, to: number, buf: Int32Array, move: (m: number, t: number) => void): boolean {
  const { T, M, domain, pinned, active } = model;
  const lo = Math.min(from, to);
  const hi = Math.max(from, to);
  const shift = from < to ? -1 : 1;
  const target = (s: number) => (s === from ? to : s + shift);
  let n = 0;
  for (let m = 0; m < M; m++) {
    if (!active[m]) continue;
    const s = slot[m];
    if (s < lo || s > hi) continue;
    if (pinned[m] >= 0 || !domain[m * T + target(s)]) return false;
    buf[n++] = m;
  }
  for (let k = 0; k < n; k++) {
    const m = buf[k];
    move(m, target(slot[m]));
  }
  return true;
}

/** Exchanges the whole contents of two slots. */
export function swapSlots(model: ScheduleModel, slot: Int32Array, t1: number, t2: number, move: (m: number, t: number) => void): boolean {
  const { T, M, domain, pinned, active } = model;
  for (let m = 0; m < M; m++) {
    if (!active[m]) continue;
    const s = slot[m];
    if (s !== t1 && s !== t2) continue;
    if (pinned[m] >= 0 || !domain[m * T + (s === t1 ? t2 : t1)]) return false;
  }
  for (let m = 0; m < M; m++) {
    if (!active[m]) continue;
    const s = slot[m];
    if (s === t1) move(m, t2);
    else if (s === t2) move(m, t1);
  }
  return true;
}
