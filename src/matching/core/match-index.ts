// The inverted index of a pool: one posting list per key and country (profile slots with values, see
// match-keys.ts; split by country so a cross-country query never reads its own country's postings), per-slot plain attributes for the cheap components and blocking, and buckets of
// profiles by (cooperation, languages, country, region) signature for completing sparse lists.
// Updates are incremental: add appends postings, remove tombstones the slot (postings are dropped
// by an occasional compaction), replace = remove + add.
import type { ScoringProfile } from '../../scoring/core';
import { GROUP_COUNT, G_T1, G_T2, G_TEXT, indexEntries } from './match-keys';

/** The sum group a key's postings feed (term keys of offers, seeks, description), else −1. */
function sumGroupOfKey(key: string): number {
  if (key.startsWith('ot:')) return G_T1;
  if (key.startsWith('st:')) return G_T2;
  if (key.startsWith('t:')) return G_TEXT;
  return -1;
}

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
}

/** Profiles whose non-indexed components (cooperation, language, region rule) score alike. */
export interface SignatureBucket {
  cooperation: number;
  languages: number;
  country: number;
  place: number;
  /** Slots, ascending by profile id once `sorted`. */
  members: number[];
  sorted: boolean;
}

/** Float32 storage rounded up, so a stored value never undercuts the real one (bounds stay valid). */
function roundUp(v: number): number {
  const f = Math.fround(v);
  return f >= v ? f : Math.fround(v * (1 + 1e-6));
}

export class MatchIndex {
  private readonly slotOf = new Map<string, number>();
  private readonly lists: PostingList[] = [];
  /** Per key: its lists by country id, and all of them. */
  private readonly listsByKey = new Map<string, { byCountry: PostingList[]; all: PostingList[] }>();
  /** Phrase keys are split by activity kinds (`base#kinds`): the variants of each base key. */
  private readonly variantsByBase = new Map<string, { kinds: number; list: PostingList }[]>();
  private readonly bucketByKey = new Map<string, SignatureBucket>();
  private readonly countryIds = new Map<string, number>();
  private readonly placeIds = new Map<string, number>();
  private readonly freeSlots: number[] = [];
  private postingCounts = new Int32Array(0);
  private livePostings = 0;
  private deadPostings = 0;
  /** Slot arrays (grown together); `profiles[slot]` is null for a free or removed slot. */
  profiles: (ScoringProfile | null)[] = [];
  ids: string[] = [];
  alive = new Uint8Array(0);
  country = new Int32Array(0);
  place = new Int32Array(0);
  cooperation = new Int32Array(0);
  languages = new Int32Array(0);
  /**
   * Per slot and sum group (GROUP_COUNT stride): L2 norm of the slot's posting values in that group,
   * for Cauchy–Schwarz bounds of unread lists; `maxNorm` is the largest ever stored per group.
   */
  norms = new Float64Array(0);
  readonly maxNorm = new Float64Array(GROUP_COUNT);
  bucketOf: (SignatureBucket | null)[] = [];
  /** Forward index per slot: its list ids (ascending) and values, to refine bounds of unread lists. */
  forwardLists: Int32Array[] = [];
  forwardValues: Float32Array[] = [];
  /** Bumped on every change (callers cache per-version data). */
  version = 0;

  get size(): number {
    return this.slotOf.size;
  }

  /** Slot capacity: accumulator arrays are sized by it. */
  get capacity(): number {
    return this.profiles.length;
  }

  get postings(): number {
    return this.livePostings;
  }

  get buckets(): Iterable<SignatureBucket> {
    return this.bucketByKey.values();
  }

  has(id: string): boolean {
    return this.slotOf.has(id);
  }

  slot(id: string): number | undefined {
    return this.slotOf.get(id);
  }

  profile(id: string): ScoringProfile | undefined {
    const s = this.slotOf.get(id);
    return s === undefined ? undefined : this.profiles[s]!;
  }

  /** Profile ids in slot order (insertion order, with reuse after compaction). */
  allIds(): string[] {
    return [...this.slotOf.keys()];
  }

  /** The lists of a key, one per country. */
  listsOf(key: string): readonly PostingList[] {
    return this.listsByKey.get(key)?.all ?? [];
  }

  /** All postings of a key over every country (a merged copy: for inspection, not the hot path). */
  list(key: string): PostingList | undefined {
    const parts = this.listsByKey.get(key)?.all;
    if (!parts) return undefined;
    const length = parts.reduce((n, l) => n + l.length, 0);
    const slots = new Int32Array(length);
    const values = new Float32Array(length);
    let o = 0;
    for (const l of parts) {
      slots.set(l.slots.subarray(0, l.length), o);
      values.set(l.values.subarray(0, l.length), o);
      o += l.length;
    }
    return { id: parts[0].id, slots, values, length, max: Math.max(...parts.map((l) => l.max)), country: -1 };
  }

  /** The kind-split lists of a phrase key (`od:3` → lists of `od:3#1`, `od:3#4`, …), one per country. */
  variants(base: string): readonly { kinds: number; list: PostingList }[] | undefined {
    return this.variantsByBase.get(base);
  }

  countryId(country: string): number {
    let id = this.countryIds.get(country);
    if (id === undefined) this.countryIds.set(country, (id = this.countryIds.size));
    return id;
  }

  placeId(country: string, region: string): number {
    const key = `${country}\u0000${region}`;
    let id = this.placeIds.get(key);
    if (id === undefined) this.placeIds.set(key, (id = this.placeIds.size));
    return id;
  }

  add(p: ScoringProfile): void {
    if (this.slotOf.has(p.id)) throw new Error(`Profile ${p.id} is already indexed (use replace)`);
    const first = this.profiles.find((x) => x !== null);
    if (first && first.env.features !== p.env.features) throw new Error(`Profile ${p.id} was prepared in another scoring environment`);
    const s = this.freeSlots.pop() ?? this.grow();
    this.slotOf.set(p.id, s);
    this.profiles[s] = p;
    this.ids[s] = p.id;
    this.alive[s] = 1;
    this.country[s] = this.countryId(p.country);
    this.place[s] = this.placeId(p.country, p.region);
    this.cooperation[s] = p.cooperation;
    this.languages[s] = p.languages;
    const entries = indexEntries(p);
    const fwd = entries.map(({ key, value }) => [this.push(key, s, value, this.country[s]), roundUp(value)] as const).sort((x, y) => x[0] - y[0]);
    this.forwardLists[s] = Int32Array.from(fwd, (e) => e[0]);
    this.forwardValues[s] = Float32Array.from(fwd, (e) => e[1]);
    this.postingCounts[s] = entries.length;
    this.livePostings += entries.length;
    const sq = new Float64Array(GROUP_COUNT);
    for (const { key, value } of entries) {
      const g = sumGroupOfKey(key);
      if (g >= 0) sq[g] += roundUp(value) ** 2;
    }
    for (let g = 0; g < GROUP_COUNT; g++) {
      // Rounded up a little so the norm never undercuts the exact one.
      const norm = sq[g] > 0 ? Math.sqrt(sq[g]) * (1 + 1e-12) : 0;
      this.norms[s * GROUP_COUNT + g] = norm;
      if (norm > this.maxNorm[g]) this.maxNorm[g] = norm;
    }
    const bkey = `${p.cooperation}|${p.languages}|${this.country[s]}|${this.place[s]}`;
    let b = this.bucketByKey.get(bkey);
    if (!b) this.bucketByKey.set(bkey, (b = { cooperation: p.cooperation, languages: p.languages, country: this.country[s], place: this.place[s], members: [], sorted: true }));
    b.members.push(s);
    b.sorted = b.members.length < 2 || (b.sorted && this.ids[b.members[b.members.length - 2]] < p.id);
    this.bucketOf[s] = b;
    this.version++;
  }

  remove(id: string): boolean {
    const s = this.slotOf.get(id);
    if (s === undefined) return false;
    this.slotOf.delete(id);
    this.alive[s] = 0;
    this.profiles[s] = null;
    this.forwardLists[s] = new Int32Array(0);
    this.forwardValues[s] = new Float32Array(0);
    const b = this.bucketOf[s]!;
    b.members.splice(b.members.indexOf(s), 1);
    if (b.members.length === 0) this.bucketByKey.delete(`${b.cooperation}|${b.languages}|${b.country}|${b.place}`);
    this.bucketOf[s] = null;
    this.livePostings -= this.postingCounts[s];
    this.deadPostings += this.postingCounts[s];
    this.version++;
    // Amortised cleanup: dead postings only cost reads until a quarter of the lists is dead.
    if (this.deadPostings > 4096 && this.deadPostings * 4 > this.livePostings) this.compact();
    return true;
  }

  replace(p: ScoringProfile): void {
    this.remove(p.id);
    this.add(p);
  }

  /** Drops postings of removed slots and frees the slots for reuse. */
  compact(): void {
    for (const l of this.lists) {
      let w = 0;
      for (let r = 0; r < l.length; r++) {
        if (!this.alive[l.slots[r]]) continue;
        l.slots[w] = l.slots[r];
        l.values[w++] = l.values[r];
      }
      l.length = w;
    }
    this.deadPostings = 0;
    this.freeSlots.length = 0;
    for (let s = this.profiles.length - 1; s >= 0; s--) if (!this.alive[s]) this.freeSlots.push(s);
  }

  sortedMembers(b: SignatureBucket): number[] {
    if (!b.sorted) {
      b.members.sort((x, y) => (this.ids[x] < this.ids[y] ? -1 : this.ids[x] > this.ids[y] ? 1 : 0));
      b.sorted = true;
    }
    return b.members;
  }

  get listCount(): number {
    return this.lists.length;
  }

  private push(key: string, slot: number, value: number, country: number): number {
    let byKey = this.listsByKey.get(key);
    if (!byKey) this.listsByKey.set(key, (byKey = { byCountry: [], all: [] }));
    let l = byKey.byCountry[country];
    if (l === undefined) {
      l = { id: this.lists.length, slots: new Int32Array(4), values: new Float32Array(4), length: 0, max: 0, country };
      this.lists.push(l);
      byKey.byCountry[country] = l;
      byKey.all.push(l);
      const hash = key.indexOf('#');
      if (hash > 0) {
        const base = key.slice(0, hash);
        let v = this.variantsByBase.get(base);
        if (!v) this.variantsByBase.set(base, (v = []));
        v.push({ kinds: Number(key.slice(hash + 1)), list: l });
      }
    }
    if (l.length === l.slots.length) {
      const slots = new Int32Array(l.length * 2);
      slots.set(l.slots);
      const values = new Float32Array(l.length * 2);
      values.set(l.values);
      l.slots = slots;
      l.values = values;
    }
    const v = roundUp(value);
    l.slots[l.length] = slot;
    l.values[l.length++] = v;
    if (v > l.max) l.max = v;
    return l.id;
  }

  private grow(): number {
    const s = this.profiles.length;
    this.profiles.push(null);
    this.ids.push('');
    this.forwardLists.push(new Int32Array(0));
    this.forwardValues.push(new Float32Array(0));
    this.bucketOf.push(null);
    if (s >= this.alive.length) {
      const cap = Math.max(16, this.alive.length * 2);
      const growI = (a: Int32Array) => {
        const b = new Int32Array(cap);
        b.set(a);
        return b;
      };
      const alive = new Uint8Array(cap);
      alive.set(this.alive);
      this.alive = alive;
      this.country = growI(this.country);
      this.place = growI(this.place);
      this.cooperation = growI(this.cooperation);
      this.languages = growI(this.languages);
      this.postingCounts = growI(this.postingCounts);
      const norms = new Float64Array(cap * GROUP_COUNT);
      norms.set(this.norms);
      this.norms = norms;
    }
    return s;
  }
}

export function buildMatchIndex(profiles: Iterable<ScoringProfile>): MatchIndex {
  const index = new MatchIndex();
  for (const p of profiles) index.add(p);
  return index;
}
