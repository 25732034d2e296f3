// Keys of the matching index, with values, and the probe plans that turn shared keys into upper
// bounds of score(A, B). They refine the scoring core's indexKeys/probeKeys contract (same key
// relations) with numbers: every group below bounds one part of the pair score.
//
//   group    lists           posting value of B          impact of query A            combined by
//   d1       od:j            max_o w_o·w_o(j)            max_s w_s·w_s(i)·rel(i,j)     max   (A seeks ↔ B offers, domain half)
//   t1       ot:f            max_o w_o·o_f               max_s w_s·s_f                 sum   (… term-cosine half)
//   d2       sd:i            max_s w_s·w_s(i)            max_o w_o·w_o(j)·rel(i,j)     max   (B seeks ↔ A offers)
//   t2       st:f            max_s w_s·s_f               max_o w_o·o_f                 sum
//   sector   c:X, f:j        1                           best relatedness via X / j     max
//   text     t:f             b_f                         a_f                            sum   (exact dot product)
//   focus    f:d (tie-up)    1                           w_A(d)                         max
// Every phrase match is kind·w_s·w_o·(½·domain + ½·cosine) ≤ ½·d + ½·t, so with the group values
// the complementarity, sector, text and focus values of the pair are bounded (see pair-bound.ts).
import { RELATEDNESS } from '../../taxonomy/core';
import { DOMAIN_RELATED_FACTOR, type PreparedPhrase, type ScoringProfile } from '../../scoring/core';

export const G_D1 = 0;
export const G_T1 = 1;
export const G_D2 = 2;
export const G_T2 = 3;
export const G_SECTOR = 4;
export const G_TEXT = 5;
export const G_FOCUS = 6;
export const GROUP_COUNT = 7;
/** Sum groups add contributions of shared keys; the others take the maximum. */
export const SUM_GROUP: readonly boolean[] = [false, true, false, true, false, true, false];

/** Sector value reachable through a shared ancestor key at this NACE level (1 = section … 3 = group). */
const ANCESTOR_IMPACT: Record<number, number> = {
  1: RELATEDNESS.withinSection,
  2: Math.max(RELATEDNESS.withinDivision, RELATEDNESS.sameDivision),
  3: Math.max(RELATEDNESS.withinGroup, RELATEDNESS.sameGroup),
};
/** Profile domains contribute SECTOR_FROM_TEXT · domain match to the sector value. */
const SECTOR_FROM_TEXT = 0.8;

/** Key families (the prefixes of the table above); a key is base · 8 + family (see keyOf). */
export const FAM_OD = 0;
export const FAM_SD = 1;
export const FAM_C = 2;
export const FAM_F = 3;
export const FAM_OT = 4;
export const FAM_ST = 5;
export const FAM_T = 6;
const FAMILY_PREFIX = ['od', 'sd', 'c', 'f', 'ot', 'st', 't'];

/** Numeric key of a family and base: a domain index, a feature id or a code index. Phrase keys also carry kinds. */
export function keyOf(family: number, base: number): number {
  return base * 8 + family;
}

export function familyOf(key: number): number {
  return key % 8;
}

/** Readable form (`od:3`, `c:26.7`): diagnostics only. */
export function keyName(key: number, env?: ScoringProfile['env']): string {
  const fam = familyOf(key);
  const base = (key - fam) / 8;
  return `${FAMILY_PREFIX[fam]}:${fam === FAM_C && env ? env.code(base) : base}`;
}

/** The posting keys of profile B with their values (parallel arrays); phrase keys (od, sd, ot, st) are split by the phrase's activity kinds. */
export interface IndexEntries {
  keys: number[];
  /** Activity kinds of a phrase key; −1 for the others. */
  kinds: number[];
  values: number[];
}

/** A probe of query A: the list to read, the group it bounds, and A's impact (contribution = impact · posting value). */
export interface ProbeEntry {
  key: number;
  group: number;
  impact: number;
  /** Phrase keys: flat (kinds, value) pairs of the probing phrases; lists are split by the other side's kinds. */
  kinds?: number[];
  /** True when the probing phrases are seeks (kindCompatibility(own, list kind)), false for offers. */
  ownSeeks?: boolean;
}

/** Collects entries, keeping the largest value per (key, kinds) (one scratch map, reused). */
class EntrySet {
  keys: number[] = [];
  kinds: number[] = [];
  values: number[] = [];
  private readonly at = new Map<number, number>();
  add(key: number, kinds: number, value: number): void {
    // kinds < 2^10 (a bit set over the activity kinds); −1 for keys without kinds.
    const id = key * 1024 + (kinds + 1);
    const i = this.at.get(id);
    if (i === undefined) {
      this.at.set(id, this.keys.length);
      this.keys.push(key);
      this.kinds.push(kinds);
      this.values.push(value);
    } else if (value > this.values[i]) this.values[i] = value;
  }
  take(): IndexEntries {
    const out = { keys: this.keys, kinds: this.kinds, values: this.values };
    this.keys = [];
    this.kinds = [];
    this.values = [];
    this.at.clear();
    return out;
  }
}

const scratchEntries = new EntrySet();

/** Index side of phrases: keys split by the phrase's activity kinds, max value per key and kinds. */
function phraseIndexKeys(phrases: readonly PreparedPhrase[], domainFamily: number, termFamily: number, out: EntrySet): void {
  for (const ph of phrases) {
    for (let k = 0; k < ph.domains.length; k++) out.add(keyOf(domainFamily, ph.domains[k]), ph.kinds, ph.weight * ph.domainWeights[k]);
    for (let k = 0; k < ph.terms.ids.length; k++) out.add(keyOf(termFamily, ph.terms.ids[k]), ph.kinds, ph.weight * ph.terms.values[k]);
  }
}

/**
 * Probe side of phrases: per base key, (kinds, value) of every phrase. The impact on a list of kind k
 * is max value · kindCompatibility (see resolveProbe), since a phrase match carries that factor.
 */
function phraseProbeParts(phrases: readonly PreparedPhrase[], domainFamily: number, termFamily: number, group: number, domainValue: (ph: PreparedPhrase, j: number) => number, n: number, out: ProbeEntry[]): void {
  for (let j = 0; j < n; j++) {
    const parts: number[] = [];
    for (const ph of phrases) {
      const v = domainValue(ph, j);
      if (v > 0) parts.push(ph.kinds, v);
    }
    if (parts.length > 0) out.push({ key: keyOf(domainFamily, j), group, impact: maxPart(parts), kinds: parts });
  }
  const terms = new Map<number, number[]>();
  for (const ph of phrases) {
    for (let k = 0; k < ph.terms.ids.length; k++) {
      let parts = terms.get(ph.terms.ids[k]);
      if (!parts) terms.set(ph.terms.ids[k], (parts = []));
      parts.push(ph.kinds, ph.weight * ph.terms.values[k]);
    }
  }
  for (const [id, parts] of terms) out.push({ key: keyOf(termFamily, id), group: group + 1, impact: maxPart(parts), kinds: parts });
}

/** max over the phrase's domains d of w(d) · relationTo(d). */
function bestDomain(ph: PreparedPhrase, relationTo: (d: number) => number): number {
  let best = 0;
  for (let k = 0; k < ph.domains.length; k++) best = Math.max(best, ph.domainWeights[k] * relationTo(ph.domains[k]));
  return best;
}

function maxPart(parts: number[]): number {
  let m = 0;
  for (let i = 1; i < parts.length; i += 2) if (parts[i] > m) m = parts[i];
  return m;
}

const ancestorMemo = new WeakMap<ScoringProfile['env'], Map<number, [number, number][]>>();

/** A code with its ancestors as (code index, level); level 0 marks the code itself (memoised per environment). */
function codeWithAncestors(env: ScoringProfile['env'], c: number): [number, number][] {
  let byCode = ancestorMemo.get(env);
  if (!byCode) ancestorMemo.set(env, (byCode = new Map()));
  let out = byCode.get(c);
  if (!out) {
    out = [[c, 0]];
    for (const a of env.taxonomy.ancestors(env.code(c))) out.push([env.codeIndex(a.code), a.level]);
    byCode.set(c, out);
  }
  return out;
}

/** Code indexes of the profile's codes with all their ancestors: level 0 marks the profile's own code. */
function codeKeyLevels(p: ScoringProfile): Map<number, number> {
  const out = new Map<number, number>();
  for (const c of p.codes) for (const [code, level] of codeWithAncestors(p.env, c)) if (level === 0 || out.get(code) !== 0) out.set(code, level);
  return out;
}

/** The postings of profile B (the candidate side). */
export function indexEntries(p: ScoringProfile): IndexEntries {
  const m = scratchEntries;
  phraseIndexKeys(p.offers, FAM_OD, FAM_OT, m);
  phraseIndexKeys(p.seeks, FAM_SD, FAM_ST, m);
  for (const code of codeKeyLevels(p).keys()) m.add(keyOf(FAM_C, code), -1, 1);
  for (const d of p.domains) m.add(keyOf(FAM_F, d), -1, 1);
  for (let k = 0; k < p.description.ids.length; k++) m.add(keyOf(FAM_T, p.description.ids[k]), -1, p.description.values[k]);
  return m.take();
}

/** Sector impact of the c: keys of one side (symmetric: the same for the query and the reverse direction). */
function codeProbes(p: ScoringProfile, out: ProbeEntry[]): void {
  for (const [code, level] of codeKeyLevels(p)) {
    const impact = level === 0 ? RELATEDNESS.same : (ANCESTOR_IMPACT[level] ?? 0);
    if (impact > 0) out.push({ key: keyOf(FAM_C, code), group: G_SECTOR, impact });
  }
}

/** Domains of the profile's codes (taxonomy relatedness through shared or related focus sectors). */
function codeDomainSet(p: ScoringProfile): Set<number> {
  const s = new Set<number>();
  for (const c of p.codes) for (const d of p.env.codeDomains(c)) s.add(d);
  return s;
}

/**
 * Probes of query A: bounds score(A, B) for every B. `focusMask` marks the tie-up's focus sectors
 * (null when the focus component does not apply).
 */
export function forwardProbes(a: ScoringProfile, focusMask: Uint8Array | null): ProbeEntry[] {
  const env = a.env;
  const n = env.domainIds.length;
  const rel = env.domainRelation;
  const out: ProbeEntry[] = [];
  // d1/t1: A's seeks against B's offers (lists od/ot); d2/t2: A's offers against B's seeks (sd/st).
  const seekStart = out.length;
  phraseProbeParts(a.seeks, FAM_OD, FAM_OT, G_D1, (ph, j) => ph.weight * bestDomain(ph, (i) => rel[i * n + j]), n, out);
  for (let i = seekStart; i < out.length; i++) out[i].ownSeeks = true;
  const offerStart = out.length;
  phraseProbeParts(a.offers, FAM_SD, FAM_ST, G_D2, (ph, i) => ph.weight * bestDomain(ph, (j) => rel[i * n + j]), n, out);
  for (let i = offerStart; i < out.length; i++) out[i].ownSeeks = false;
  codeProbes(a, out);
  const codeDoms = codeDomainSet(a);
  for (let j = 0; j < n; j++) {
    let v = 0;
    for (let k = 0; k < a.domains.length; k++) v = Math.max(v, SECTOR_FROM_TEXT * a.domainWeights[k] * rel[a.domains[k] * n + j]);
    for (const x of codeDoms) v = Math.max(v, x === j ? RELATEDNESS.sharedFocus : RELATEDNESS.relatedFocusMax * (rel[x * n + j] / DOMAIN_RELATED_FACTOR));
    if (v > 0) out.push({ key: keyOf(FAM_F, j), group: G_SECTOR, impact: v });
  }
  for (let k = 0; k < a.description.ids.length; k++) out.push({ key: keyOf(FAM_T, a.description.ids[k]), group: G_TEXT, impact: a.description.values[k] });
  if (focusMask) for (let k = 0; k < a.domains.length; k++) if (focusMask[a.domains[k]]) out.push({ key: keyOf(FAM_F, a.domains[k]), group: G_FOCUS, impact: a.domainWeights[k] });
  return out;
}

/**
 * Reverse probes of candidate C: read the lists of the queries Q and bound score(Q, C) for every Q
 * (used to find the match lists a changed profile may enter). Group numbers are those of the pair (Q, C).
 */
export function reverseProbes(c: ScoringProfile, focusMask: Uint8Array | null): ProbeEntry[] {
  const env = c.env;
  const n = env.domainIds.length;
  const rel = env.domainRelation;
  const out: ProbeEntry[] = [];
  // d1/t1 of (Q, C): Q's seeks (lists sd/st) against C's offers; d2/t2: C's seeks against Q's offers (od/ot).
  const offerStart = out.length;
  phraseProbeParts(c.offers, FAM_SD, FAM_ST, G_D1, (ph, i) => ph.weight * bestDomain(ph, (j) => rel[i * n + j]), n, out);
  for (let i = offerStart; i < out.length; i++) out[i].ownSeeks = false;
  const seekStart = out.length;
  phraseProbeParts(c.seeks, FAM_OD, FAM_OT, G_D2, (ph, j) => ph.weight * bestDomain(ph, (i) => rel[i * n + j]), n, out);
  for (let i = seekStart; i < out.length; i++) out[i].ownSeeks = true;
  codeProbes(c, out);
  const codeDoms = codeDomainSet(c);
  for (let i = 0; i < n; i++) {
    let v = 0;
    for (let k = 0; k < c.domains.length; k++) v = Math.max(v, SECTOR_FROM_TEXT * c.domainWeights[k] * rel[i * n + c.domains[k]]);
    for (const y of codeDoms) v = Math.max(v, i === y ? RELATEDNESS.sharedFocus : RELATEDNESS.relatedFocusMax * (rel[i * n + y] / DOMAIN_RELATED_FACTOR));
    if (v > 0) out.push({ key: keyOf(FAM_F, i), group: G_SECTOR, impact: v });
  }
  for (let k = 0; k < c.description.ids.length; k++) out.push({ key: keyOf(FAM_T, c.description.ids[k]), group: G_TEXT, impact: c.description.values[k] });
  if (focusMask) for (let k = 0; k < c.domains.length; k++) if (focusMask[c.domains[k]]) out.push({ key: keyOf(FAM_F, c.domains[k]), group: G_FOCUS, impact: c.domainWeights[k] });
  return out;
}
