// Candidate blocks of a pool for block-max bounds: live profiles grouped by place (so the meeting
// rule blocks or allows a whole block), ordered within a place by their matching key (dominant focus
// sectors, see pool-order.ts), and cut into blocks of DEFAULT_BLOCK_SIZE. Per block: the union of its
// members' domain/sector postings with the largest value (max groups of match-keys.ts), and what its
// members' cheap parts can reach. A query
// bounds a block from these before touching any member (see block-search.ts); term (sum-group)
// values come from the query's term lists, so a block's term bound is its best member's exact value.
import { LANGUAGE, type ScoringContext } from '../../scoring/core';
import type { MatchIndex } from './match-index';
import { compareKeys, matchingKey } from './pool-order';

/** Members per block: small enough that a block's bound stays close to its best member's. */
export const DEFAULT_BLOCK_SIZE = 8;

/**
 * Arrays of the blocks of an index (CSR layout: `xStart[i] … xStart[i + 1]`), built at one version
 * and kept valid through later changes: a slot added (or reused) since becomes `loose` (its block
 * entry −1; searches bound it from its own postings), a removed slot is skipped as not alive, and the
 * blocks' maxima stay upper bounds of their remaining members. Rebuilt when loose slots pile up.
 */
export interface CandidateBlocks {
  /** Index version the blocks are current with (loose slots included). */
  version: number;
  /** Position in the index's claim log up to which slots are accounted for. */
  logPos: number;
  /** Lists that existed at the build (block postings cover list ids below it). */
  listCount: number;
  /** Slots claimed since the build, in no block (checked for being alive when read). */
  loose: number[];
  count: number;
  /** Per block: place and country id (every member shares them). */
  place: Int32Array;
  country: Int32Array;
  memberStart: Int32Array;
  members: Int32Array;
  /** Per block: union of the members' max-group lists (ascending ids) with the largest value. */
  listStart: Int32Array;
  lists: Int32Array;
  values: Float32Array;
  /** Per block: OR of the members' cooperation and language bits, and whether one has none. */
  coopOr: Int32Array;
  coopNone: Uint8Array;
  langOr: Int32Array;
  langNone: Uint8Array;
  /** Per slot: its max-group postings (list ids ascending, values), for member bounds. */
  slotStart: Int32Array;
  slotLists: Int32Array;
  slotValues: Float32Array;
  /** Per slot: its block (−1 for a free or loose slot); `members` may still name a slot reused since. */
  blockOf: Int32Array;
  /** Per max-group list: the blocks holding it (ascending) with their largest value (block postings). */
  postingStart: Int32Array;
  postingBlocks: Int32Array;
  postingValues: Float32Array;
}

export function buildCandidateBlocks(index: MatchIndex, blockSize = DEFAULT_BLOCK_SIZE): CandidateBlocks {
  const cap = index.capacity;
  // Per slot: max-group postings only (term lists are read per query instead).
  const slotStart = new Int32Array(cap + 1);
  for (let s = 0; s < cap; s++) {
    let n = 0;
    if (index.alive[s]) for (const id of index.forwardLists[s]) if (index.listById(id).sumGroup < 0) n++;
    slotStart[s + 1] = slotStart[s] + n;
  }
  const slotLists = new Int32Array(slotStart[cap]);
  const slotValues = new Float32Array(slotStart[cap]);
  for (let s = 0; s < cap; s++) {
    if (!index.alive[s]) continue;
    let o = slotStart[s];
    const lists = index.forwardLists[s];
    const values = index.forwardValues[s];
    for (let j = 0; j < lists.length; j++) {
      if (index.listById(lists[j]).sumGroup >= 0) continue;
      slotLists[o] = lists[j];
      slotValues[o++] = values[j];
    }
  }
  // Group by place, order by the matching key (then id, so the layout is deterministic): for a pool in
  // matching order (pool-order.ts) every block is a run of consecutive slots.
  const byPlace = new Map<number, { slot: number; key: [number, number, number] }[]>();
  for (let s = 0; s < cap; s++) {
    if (!index.alive[s]) continue;
    let g = byPlace.get(index.place[s]);
    if (!g) byPlace.set(index.place[s], (g = []));
    g.push({ slot: s, key: matchingKey(index.profiles[s]!) });
  }
  const ids = index.ids;
  const blocks: number[][] = [];
  for (const place of [...byPlace.keys()].sort((x, y) => x - y)) {
    const g = byPlace.get(place)!;
    g.sort((x, y) => compareKeys(x.key, y.key) || (ids[x.slot] < ids[y.slot] ? -1 : 1));
    for (let i = 0; i < g.length; i += blockSize) blocks.push(g.slice(i, i + blockSize).map((e) => e.slot));
  }
  const count = blocks.length;
  const memberStart = new Int32Array(count + 1);
  const members = new Int32Array(blocks.reduce((n, b) => n + b.length, 0));
  const place = new Int32Array(count);
  const country = new Int32Array(count);
  const coopOr = new Int32Array(count);
  const coopNone = new Uint8Array(count);
  const langOr = new Int32Array(count);
  const langNone = new Uint8Array(count);
  const blockOf = new Int32Array(cap).fill(-1);
  const listStart = new Int32Array(count + 1);
  const unionLists: number[] = [];
  const unionValues: number[] = [];
  const union = new Map<number, number>();
  for (let b = 0; b < count; b++) {
    const m = blocks[b];
    memberStart[b + 1] = memberStart[b] + m.length;
    members.set(m, memberStart[b]);
    place[b] = index.place[m[0]];
    country[b] = index.country[m[0]];
    union.clear();
    for (const s of m) {
      blockOf[s] = b;
      if (index.cooperation[s] === 0) coopNone[b] = 1;
      coopOr[b] |= index.cooperation[s];
      if (index.languages[s] === 0) langNone[b] = 1;
      langOr[b] |= index.languages[s];
      for (let j = slotStart[s]; j < slotStart[s + 1]; j++) {
        const old = union.get(slotLists[j]);
        if (old === undefined || slotValues[j] > old) union.set(slotLists[j], slotValues[j]);
      }
    }
    for (const id of [...union.keys()].sort((x, y) => x - y)) {
      unionLists.push(id);
      unionValues.push(union.get(id)!);
    }
    listStart[b + 1] = unionLists.length;
  }
  // Block postings: the unions inverted, so a query reads only the lists it probes.
  const lists = Int32Array.from(unionLists);
  const values = Float32Array.from(unionValues);
  const postingStart = new Int32Array(index.listCount + 1);
  for (const id of lists) postingStart[id + 1]++;
  for (let i = 0; i < index.listCount; i++) postingStart[i + 1] += postingStart[i];
  const fill = postingStart.slice(0, index.listCount);
  const postingBlocks = new Int32Array(lists.length);
  const postingValues = new Float32Array(lists.length);
  for (let b = 0; b < count; b++) {
    for (let j = listStart[b]; j < listStart[b + 1]; j++) {
      const o = fill[lists[j]]++;
      postingBlocks[o] = b;
      postingValues[o] = values[j];
    }
  }
  return {
    version: index.version,
    logPos: index.claimLog.length,
    listCount: index.listCount,
    loose: [],
    postingStart,
    postingBlocks,
    postingValues,
    count,
    place,
    country,
    memberStart,
    members,
    listStart,
    lists,
    values,
    coopOr,
    coopNone,
    langOr,
    langNone,
    slotStart,
    slotLists,
    slotValues,
    blockOf,
  };
}

/**
 * `cooperation` plus the largest language and region part a member of block b can reach with the
 * profile at `slot` (both symmetric; normalised weights): language from the members' OR of language
 * bits and whether one has none, region from the block's place (summed in the scorer's order).
 */
export function withBlockLanguageAndRegion(cooperation: number, index: MatchIndex, bl: CandidateBlocks, b: number, slot: number, language: number, region: number, rule: ScoringContext['rule']): number {
  const l = index.languages[slot];
  const lang = l === 0 ? LANGUAGE.unknown : l & bl.langOr[b] ? LANGUAGE.shared : bl.langNone[b] ? LANGUAGE.unknown : LANGUAGE.none;
  const holds = region > 0 && (rule === 'cross-country' ? index.country[slot] !== bl.country[b] : rule === 'cross-region' ? index.place[slot] !== bl.place[b] : true);
  return cooperation + language * lang + (holds ? region : 0);
}

const cache = new WeakMap<MatchIndex, CandidateBlocks>();

/** Loose slots allowed before the blocks are rebuilt: a small share of the pool. */
export function looseLimit(blocks: CandidateBlocks): number {
  return Math.max(64, Math.ceil(blocks.members.length / 100));
}

/**
 * The blocks of the index's current version: after a change, slots claimed since are made loose
 * (a few per change, bounded one by one in searches); past looseLimit the blocks are rebuilt.
 */
export function candidateBlocksFor(index: MatchIndex, blockSize = DEFAULT_BLOCK_SIZE): CandidateBlocks {
  let b = cache.get(index);
  if (b && b.version !== index.version) {
    const claimed = index.claimLog.length - b.logPos;
    if (b.loose.length + claimed > looseLimit(b)) b = undefined;
    else absorbClaims(index, b);
  }
  if (!b) cache.set(index, (b = buildCandidateBlocks(index, blockSize)));
  return b;
}

/** Takes the slots claimed since the blocks were last current out of their blocks (they become loose). */
function absorbClaims(index: MatchIndex, b: CandidateBlocks): void {
  if (b.blockOf.length < index.capacity) {
    const grown = new Int32Array(index.capacity).fill(-1);
    grown.set(b.blockOf);
    b.blockOf = grown;
  }
  const known = new Set(b.loose);
  for (let i = b.logPos; i < index.claimLog.length; i++) {
    const s = index.claimLog[i];
    b.blockOf[s] = -1;
    if (!known.has(s)) {
      known.add(s);
      b.loose.push(s);
    }
  }
  b.logPos = index.claimLog.length;
  b.version = index.version;
}

/**
 * A copy of the index (MatchIndex.clone) that changes independently of it, with the index's candidate
 * blocks when they are current: only the parts a change updates are copied (which slots are in no
 * block), the rest is shared and never written, so the copy's first search does not build them again.
 */
export function forkIndex(index: MatchIndex): MatchIndex {
  const copy = index.clone();
  const b = cache.get(index);
  if (b && b.version === index.version) cache.set(copy, { ...b, loose: [...b.loose], blockOf: b.blockOf.slice() });
  return copy;
}
