// Scratch space of the match search, kept per index so a search is cheap to create (one change
// builds a new one): per-slot accumulators and stamps, per-list probe data, and a typed binary heap.
import type { MatchIndex } from './match-index';
import { GROUP_COUNT } from './match-keys';

/**
 * A new length of at least `needed` and half as much again as `current`: an index grows by a slot
 * per change (freed slots are reused only after compaction), so scratch arrays are not reallocated
 * on every change.
 */
export function withHeadroom(current: number, needed: number): number {
  return Math.max(needed, current + (current >> 1), 16);
}

/** Binary max-heap of indexes into `keys` (typed storage); returns the new size. */
export function heapPush(heap: Int32Array, size: number, keys: Float64Array, i: number): number {
  let c = size;
  const k = keys[i];
  while (c > 0) {
    const p = (c - 1) >> 1;
    if (keys[heap[p]] >= k) break;
    heap[c] = heap[p];
    c = p;
  }
  heap[c] = i;
  return size + 1;
}

export function heapPop(heap: Int32Array, size: number, keys: Float64Array): number {
  const n = size - 1;
  if (n === 0) return 0;
  const last = heap[n];
  const key = keys[last];
  let c = 0;
  for (;;) {
    const l = 2 * c + 1;
    if (l >= n) break;
    const r = l + 1;
    const m = r < n && keys[heap[r]] > keys[heap[l]] ? r : l;
    if (keys[heap[m]] <= key) break;
    heap[c] = heap[m];
    c = m;
  }
  heap[c] = last;
  return n;
}

/** Per-index scratch: per-slot accumulators and stamps, per-list probe data, the query counter. */
export class Workspace {
  readonly coopTable = new Float64Array(256 * 256).fill(-1);
  /** Per slot: group accumulators (GROUP_COUNT stride), query stamp, round of first touch. */
  acc = new Float64Array(0);
  stamp = new Uint32Array(0);
  /** Query stamp of slots whose exact score was given as a seed (already in the top-k). */
  seeded = new Uint32Array(0);
  roundOf = new Uint8Array(0);
  /** Per touched position: the slot, its bound, refined flag; plus the pending and heap queues. */
  touched = new Int32Array(0);
  ubs = new Float64Array(0);
  refined = new Uint8Array(0);
  pending = new Int32Array(0);
  heap = new Int32Array(0);
  /** Per list (stamped by query): the first probe's group and impact, and a second probe's (f: lists feed sector and focus). */
  listStamp = new Uint32Array(0);
  listGroup = new Int8Array(0);
  listImpact = new Float64Array(0);
  listGroup2 = new Int8Array(0);
  listImpact2 = new Float64Array(0);
  counter = 0;

  ensure(lists: number, cap: number): void {
    if (this.listStamp.length < lists) {
      const stamp = new Uint32Array(Math.max(16, lists * 2));
      stamp.set(this.listStamp);
      this.listStamp = stamp;
      this.listGroup = new Int8Array(stamp.length);
      this.listImpact = new Float64Array(stamp.length);
      this.listGroup2 = new Int8Array(stamp.length);
      this.listImpact2 = new Float64Array(stamp.length);
    }
    if (this.stamp.length >= cap) return;
    const n = withHeadroom(this.stamp.length, cap);
    this.acc = new Float64Array(n * GROUP_COUNT);
    const stamp = new Uint32Array(n);
    stamp.set(this.stamp);
    this.stamp = stamp;
    const seeded = new Uint32Array(n);
    seeded.set(this.seeded);
    this.seeded = seeded;
    this.roundOf = new Uint8Array(n);
    this.touched = new Int32Array(n);
    this.ubs = new Float64Array(n);
    this.refined = new Uint8Array(n);
    this.pending = new Int32Array(n);
    this.heap = new Int32Array(n);
  }
}

const workspaces = new WeakMap<MatchIndex, Workspace>();

/** The scratch of an index, shared by its searches: queries run one at a time (synchronous). */
export function workspaceFor(index: MatchIndex): Workspace {
  let ws = workspaces.get(index);
  if (!ws) workspaces.set(index, (ws = new Workspace()));
  return ws;
}
