// The inverted index of a pool: its posting lists (posting-lists.ts), per-slot plain attributes for the
// cheap components and blocking, and buckets of profiles by (cooperation, languages, country, region)
// signature for completing sparse lists.
// Updates are incremental: add appends postings, remove tombstones the slot (postings are dropped
// by an occasional compaction), replace = remove + add.
import { PhraseTable, type ScoringProfile } from '../../scoring/core';
import { GROUP_COUNT, indexEntries, type IndexEntries } from './match-keys';
import { PostingLists, roundUp, sumGroupOfKey, type PostingList } from './posting-lists';

export type { PostingList } from './posting-lists';

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

export class MatchIndex {
  private readonly slotOf = new Map<string, number>();
  private lists = new PostingLists();
  private readonly bucketByKey = new Map<string, SignatureBucket>();
  private readonly countryIds = new Map<string, number>();
  private readonly placeIds = new Map<string, number>();
  private readonly freeSlots: number[] = [];
  private readonly sq = new Float64Array(GROUP_COUNT);
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
  /** Slots in the order they were claimed (added or reused): derived structures catch up from it. */
  claimLog: number[] = [];
  /** Every slot's phrases in flat arrays (exact directions against a fixed query). */
  phrases = new PhraseTable();
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

  /** The lists of a key without kinds (c, f, t), one per country. */
  listsOf(key: number): readonly PostingList[] {
    return this.lists.listsOf(key);
  }

  /** The kind-split lists of a phrase key (od, sd, ot, st), one per kinds and country. */
  variants(key: number): readonly { kinds: number; list: PostingList }[] | undefined {
    return this.lists.variants(key);
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

  /**
   * A copy at the same version that changes independently of this index (e.g. a change run's, while
   * other readers keep this one). Profiles and per-slot forward arrays are shared: neither is ever
   * modified in place (a change replaces them).
   */
  clone(): MatchIndex {
    const c = new MatchIndex();
    for (const [id, s] of this.slotOf) c.slotOf.set(id, s);
    c.lists = this.lists.clone();
    const buckets = new Map<SignatureBucket, SignatureBucket>();
    for (const [key, b] of this.bucketByKey) {
      const copy = { ...b, members: [...b.members] };
      buckets.set(b, copy);
      c.bucketByKey.set(key, copy);
    }
    c.bucketOf = this.bucketOf.map((b) => (b ? buckets.get(b)! : null));
    for (const [k, v] of this.countryIds) c.countryIds.set(k, v);
    for (const [k, v] of this.placeIds) c.placeIds.set(k, v);
    for (const s of this.freeSlots) c.freeSlots.push(s);
    c.postingCounts = this.postingCounts.slice();
    c.livePostings = this.livePostings;
    c.deadPostings = this.deadPostings;
    c.profiles = this.profiles.slice();
    c.ids = this.ids.slice();
    c.alive = this.alive.slice();
    c.country = this.country.slice();
    c.place = this.place.slice();
    c.cooperation = this.cooperation.slice();
    c.languages = this.languages.slice();
    c.norms = this.norms.slice();
    c.maxNorm.set(this.maxNorm);
    c.forwardLists = this.forwardLists.slice();
    c.forwardValues = this.forwardValues.slice();
    c.claimLog = this.claimLog.slice();
    c.phrases = this.phrases.clone();
    c.version = this.version;
    return c;
  }

  add(p: ScoringProfile): void {
    const s = this.claimSlot(p);
    const entries = indexEntries(p);
    const lists = this.listIds(entries, this.country[s]);
    for (let i = 0; i < lists.length; i++) this.lists.append(lists[i], s, entries.values[i]);
    this.finishSlot(p, s, entries, lists);
  }

  private listIds(e: IndexEntries, country: number): Int32Array {
    const out = new Int32Array(e.keys.length);
    for (let i = 0; i < out.length; i++) out[i] = this.lists.listFor(e.keys[i], e.kinds[i], country).id;
    return out;
  }

  /** Adds many profiles to an empty index: the same result as add() one by one, with every list allocated once. */
  addAll(profiles: Iterable<ScoringProfile>): void {
    if (this.size > 0 || this.lists.count > 0) {
      for (const p of profiles) this.add(p);
      return;
    }
    const added: { p: ScoringProfile; s: number; entries: IndexEntries; lists: Int32Array }[] = [];
    let counts = new Int32Array(1024);
    for (const p of profiles) {
      const s = this.claimSlot(p);
      const entries = indexEntries(p);
      const lists = this.listIds(entries, this.country[s]);
      if (this.lists.count > counts.length) {
        const grown = new Int32Array(this.lists.count * 2);
        grown.set(counts);
        counts = grown;
      }
      for (const id of lists) counts[id]++;
      added.push({ p, s, entries, lists });
    }
    // One buffer for all postings; every list is a view of exactly its size (add() grows it later).
    this.lists.reserve(counts);
    for (const { p, s, entries, lists } of added) {
      for (let i = 0; i < lists.length; i++) this.lists.append(lists[i], s, entries.values[i]);
      this.finishSlot(p, s, entries, lists);
    }
  }

  /** Takes a slot for a new profile and sets its plain attributes. */
  private claimSlot(p: ScoringProfile): number {
    if (this.slotOf.has(p.id)) throw new Error(`Profile ${p.id} is already indexed (use replace)`);
    const first = this.firstProfile();
    // One pool, one environment: its features, and its tie-up (so every profile has the same weights).
    if (first && (first.env.features !== p.env.features || first.env.tieUp !== p.env.tieUp)) throw new Error(`Profile ${p.id} was prepared in another scoring environment`);
    const s = this.freeSlots.pop() ?? this.grow();
    this.slotOf.set(p.id, s);
    this.profiles[s] = p;
    this.ids[s] = p.id;
    this.alive[s] = 1;
    this.country[s] = this.countryId(p.country);
    this.place[s] = this.placeId(p.country, p.region);
    this.cooperation[s] = p.cooperation;
    this.languages[s] = p.languages;
    this.phrases.set(s, p);
    this.claimLog.push(s);
    return s;
  }

  private firstProfile(): ScoringProfile | null {
    for (const s of this.slotOf.values()) return this.profiles[s];
    return null;
  }

  /** Forward index, norms and signature bucket of a slot whose postings were appended. */
  private finishSlot(p: ScoringProfile, s: number, entries: IndexEntries, lists: Int32Array): void {
    const n = lists.length;
    const order = new Int32Array(n);
    for (let i = 0; i < n; i++) order[i] = i;
    order.sort((x, y) => lists[x] - lists[y]);
    const fl = new Int32Array(n);
    const fv = new Float32Array(n);
    const sq = this.sq.fill(0);
    for (let i = 0; i < n; i++) {
      const j = order[i];
      fl[i] = lists[j];
      fv[i] = roundUp(entries.values[j]);
      const g = sumGroupOfKey(entries.keys[j]);
      if (g >= 0) sq[g] += fv[i] ** 2;
    }
    this.forwardLists[s] = fl;
    this.forwardValues[s] = fv;
    this.postingCounts[s] = n;
    this.livePostings += n;
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
    this.phrases.clear(s);
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
    this.lists.compact(this.alive);
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
    return this.lists.count;
  }

  /** A list by its dense number. */
  listById(id: number): PostingList {
    return this.lists.byId(id);
  }

  /** True while removed slots still have postings in the lists (readers must check `alive`). */
  get hasDeadPostings(): boolean {
    return this.deadPostings > 0;
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
  index.addAll(profiles);
  return index;
}
