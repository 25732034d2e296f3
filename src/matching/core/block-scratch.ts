// Scratch space of block searches over one index: per-slot, per-block, per-list and heap arrays,
// grown on demand and reused by every query (searches over one index never interleave).
import type { MatchIndex } from './match-index';
import { withHeadroom } from './search-workspace';

/** Per-slot, per-block and per-list scratch of block searches over one index. */
export class BlockScratch {
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
      const n = withHeadroom(this.slotStamp.length, cap);
      this.slotStamp = new Uint32Array(n);
      this.terms = new Float64Array(n * 3);
      this.touched = new Int32Array(n);
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
      const n = withHeadroom(this.keys.length, cap + blocks);
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

/** The scratch shared by every block search over `index`. */
export function blockScratchFor(index: MatchIndex): BlockScratch {
  let ws = scratches.get(index);
  if (!ws) scratches.set(index, (ws = new BlockScratch()));
  return ws;
}
