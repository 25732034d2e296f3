// The posting lists of a match index: one list per key and country (profile slots with values, see
// match-keys.ts; split by country so a cross-country query never reads its own country's postings),
// and for phrase keys one such set per activity-kinds variant. Lists have dense ids in creation order.
import { FAM_OT, FAM_ST, FAM_T, familyOf, G_T1, G_T2, G_TEXT } from './match-keys';

/** Postings of one key: parallel arrays of slots and values; `max` bounds every value ever stored. */
export interface PostingList {
  /** Dense list number (position in the index). */
  id: number;
  slots: Int32Array;
  values: Float32Array;
  length: number;
  max: number;
  /** Country id of every slot in the list (lists are split by country). */
  country: number;
  /** The sum group its postings feed (term keys), else −1 (max groups: domains, sectors). */
  sumGroup: number;
  /** Key family (FAM_* of match-keys.ts: clustering of candidate blocks). */
  family: number;
}

/** The lists of one key: one per country; phrase keys have one such set per activity-kinds variant. */
interface KeyLists {
  kinds: number;
  byCountry: PostingList[];
  all: PostingList[];
}

/** The sum group a key's postings feed (term keys of offers, seeks, description), else −1. */
export function sumGroupOfKey(key: number): number {
  const fam = familyOf(key);
  return fam === FAM_OT ? G_T1 : fam === FAM_ST ? G_T2 : fam === FAM_T ? G_TEXT : -1;
}

/** Float32 storage rounded up, so a stored value never undercuts the real one (bounds stay valid). */
export function roundUp(v: number): number {
  const f = Math.fround(v);
  return f >= v ? f : Math.fround(v * (1 + 1e-6));
}

const EMPTY_SLOTS = new Int32Array(0);
const EMPTY_VALUES = new Float32Array(0);

export class PostingLists {
  private readonly lists: PostingList[] = [];
  /** Per key: its lists (a phrase key: per activity-kinds variant). */
  private readonly listsByKey = new Map<number, KeyLists[]>();
  /** Per phrase key: every variant's lists with their kinds (one entry per kinds and country). */
  private readonly variantsByKey = new Map<number, { kinds: number; list: PostingList }[]>();

  get count(): number {
    return this.lists.length;
  }

  /** A list by its dense number. */
  byId(id: number): PostingList {
    return this.lists[id];
  }

  /** The lists of a key without kinds (c, f, t), one per country. */
  listsOf(key: number): readonly PostingList[] {
    return this.listsByKey.get(key)?.[0]?.all ?? [];
  }

  /** The kind-split lists of a phrase key (od, sd, ot, st), one per kinds and country. */
  variants(key: number): readonly { kinds: number; list: PostingList }[] | undefined {
    return this.variantsByKey.get(key);
  }

  /** The list of (key, kinds, country), created empty on first use. */
  listFor(key: number, kinds: number, country: number): PostingList {
    let variants = this.listsByKey.get(key);
    if (!variants) this.listsByKey.set(key, (variants = []));
    let byKey: KeyLists | undefined;
    for (let i = 0; i < variants.length; i++) if (variants[i].kinds === kinds) byKey = variants[i];
    if (!byKey) variants.push((byKey = { kinds, byCountry: [], all: [] }));
    let l = byKey.byCountry[country];
    if (l === undefined) {
      l = { id: this.lists.length, slots: EMPTY_SLOTS, values: EMPTY_VALUES, length: 0, max: 0, country, sumGroup: sumGroupOfKey(key), family: familyOf(key) };
      this.lists.push(l);
      byKey.byCountry[country] = l;
      byKey.all.push(l);
      if (kinds >= 0) {
        let v = this.variantsByKey.get(key);
        if (!v) this.variantsByKey.set(key, (v = []));
        v.push({ kinds, list: l });
      }
    }
    return l;
  }

  /** Gives every (empty) list room for exactly counts[id] postings, in one buffer (append grows a list out of it). */
  reserve(counts: Int32Array): void {
    let total = 0;
    for (let id = 0; id < this.lists.length; id++) total += counts[id];
    const slots = new Int32Array(total);
    const values = new Float32Array(total);
    let o = 0;
    for (let id = 0; id < this.lists.length; id++) {
      this.lists[id].slots = slots.subarray(o, o + counts[id]);
      this.lists[id].values = values.subarray(o, o + counts[id]);
      o += counts[id];
    }
  }

  append(id: number, slot: number, value: number): void {
    const l = this.lists[id];
    if (l.length === l.slots.length) {
      const cap = Math.max(4, l.length * 2);
      const slots = new Int32Array(cap);
      slots.set(l.slots);
      const values = new Float32Array(cap);
      values.set(l.values);
      l.slots = slots;
      l.values = values;
    }
    const v = roundUp(value);
    l.slots[l.length] = slot;
    l.values[l.length++] = v;
    if (v > l.max) l.max = v;
  }

  /** Drops the postings of slots not alive. */
  compact(alive: Uint8Array): void {
    for (const l of this.lists) {
      let w = 0;
      for (let r = 0; r < l.length; r++) {
        if (!alive[l.slots[r]]) continue;
        l.slots[w] = l.slots[r];
        l.values[w++] = l.values[r];
      }
      l.length = w;
    }
  }

  /** A copy that changes independently of these lists: postings in one buffer, each list a view of exactly its length. */
  clone(): PostingLists {
    const c = new PostingLists();
    const counts = new Int32Array(this.lists.length);
    for (const l of this.lists) {
      c.lists.push({ ...l, length: 0, slots: EMPTY_SLOTS, values: EMPTY_VALUES });
      counts[l.id] = l.length;
    }
    c.reserve(counts);
    for (const l of this.lists) {
      const copy = c.lists[l.id];
      for (let r = 0; r < l.length; r++) {
        copy.slots[r] = l.slots[r];
        copy.values[r] = l.values[r];
      }
      copy.length = l.length;
    }
    for (const [key, sets] of this.listsByKey) {
      c.listsByKey.set(
        key,
        sets.map((x) => ({ kinds: x.kinds, byCountry: x.byCountry.map((l) => c.lists[l.id]), all: x.all.map((l) => c.lists[l.id]) })),
      );
    }
    for (const [key, vs] of this.variantsByKey) c.variantsByKey.set(key, vs.map((v) => ({ kinds: v.kinds, list: c.lists[v.list.id] })));
    return c;
  }
}
