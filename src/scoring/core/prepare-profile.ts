// Once per profile: all text analysis, so that scorePair only multiplies small typed arrays.
// Two phases: analyseProfile (expensive, pool-independent, storable: see stored-analysis.ts) and the
// pool step poolFromAnalyses (cheap: document frequencies → idf → finaliseProfile for each profile).
import { COOPERATION_TYPES } from '../../profiles/profile.types';
import { addScaled, CONCEPT_PREFIX, IdfTable, type AnalysedText, type FeatureDictionary, type PackedVector, type SparseVector } from '../../text';
import { ACTIVITY_PREFIX, KIND_BIT, OFFER_CUES, SEEK_CUES } from './activity-lexicon';
import { PRODUCT_DOMAIN } from './product-lexicon';
import type { ScoringEnvironment } from './scoring-environment';
import { type ActivityKind, type PhraseSource, type PreparedPhrase, type ScoringInput, type ScoringProfile } from './scoring.types';

/** Evidence weight of a listed phrase, a description sentence with an offer/seek cue, and any other sentence (offer side only). */
export const PHRASE_WEIGHT = Object.freeze({ list: 1, statedInDescription: 0.8, otherSentence: 0.35 } as const);
/** A phrase naming no domain inherits the profile's domains at this factor. */
export const INHERITED_DOMAIN = 0.7;
/** Focus sectors of the profile's NACE codes (codes are sometimes a neighbouring wrong class). */
export const CODE_DOMAIN = 0.8;
/** Domains weaker than this share of the strongest one in a text are noise (a passing mention). */
const MIN_DOMAIN_SHARE = 0.25;
/** Feature weights inside a vector; mirror the text analyser's defaults (buildTermVector). */
const FEATURE = { part: 0.5, bigram: 0.5, focus: 3, nace: 1 } as const;
const MIN_KIND_SCORE = 0.5;
const FOCUS_CONCEPT = 'focus:';

const EXPLICIT_KINDS = ['manufacturing', 'distribution', 'service', 'testing', 'rd', 'licensing', 'network'] as const satisfies readonly ActivityKind[];
const EXPLICIT_MASK = EXPLICIT_KINDS.reduce((m, k) => m | KIND_BIT[k], 0);

export interface AnalysedPhrase {
  text: string;
  source: PhraseSource;
  weight: number;
  kinds: number;
  /** Focus-sector id → concept score. */
  focus: Map<string, number>;
  raw: SparseVector;
}

export interface AnalysedProfile {
  input: ScoringInput;
  offers: AnalysedPhrase[];
  seeks: AnalysedPhrase[];
  descriptionRaw: SparseVector;
  /** Canonical NACE codes (JSIC resolved, deduplicated). */
  codes: string[];
}

export interface PreparedPool {
  env: ScoringEnvironment;
  profiles: ScoringProfile[];
}

/**
 * What analysis needs of an environment: the analyser and the taxonomy. Neither depends on the pool,
 * so an analysis can be stored and reused by any later pool (see stored-analysis.ts).
 */
export type AnalysisTools = Pick<ScoringEnvironment, 'analyser' | 'taxonomy'>;

/** Analyses every profile once, builds the pool's idf table, and finalises the profiles with it. */
export function preparePool(inputs: readonly ScoringInput[], env: ScoringEnvironment): PreparedPool {
  return poolFromAnalyses(inputs.map((input) => analyseProfile(input, env)), env);
}

/**
 * The pool step alone (no text analysis): document frequencies → idf → weighted, normalised,
 * interned profiles. Given the analyses of preparePool's inputs in the same order, the result is
 * bit-identical to preparePool's (features are interned in the same order). With `frozenIdf` (e.g.
 * the idf an event's stored lists were computed with) that table weighs the terms instead.
 */
export function poolFromAnalyses(analysed: readonly AnalysedProfile[], env: ScoringEnvironment, frozenIdf?: IdfTable): PreparedPool {
  const pooled = env.withIdf(frozenIdf ?? documentFrequencies(analysed));
  return { env: pooled, profiles: analysed.map((a) => finaliseProfile(a, pooled)) };
}

/** One profile against the environment's idf table (e.g. a profile added to an existing pool). */
export function prepareProfile(input: ScoringInput, env: ScoringEnvironment): ScoringProfile {
  return finaliseProfile(analyseProfile(input, env), env);
}

/** All text analysis of one profile (the expensive part); pure and independent of any pool. */
export function analyseProfile(input: ScoringInput, env: AnalysisTools): AnalysedProfile {
  const phrase = (text: string, source: PhraseSource, w: number): AnalysedPhrase => fromAnalysis(text, source, w, env.analyser.analyse(expandAbbreviations(text)));
  const offers = input.offers.filter((t) => t.trim() !== '').map((t) => phrase(t, 'list', PHRASE_WEIGHT.list));
  const seeks = input.seeks.filter((t) => t.trim() !== '').map((t) => phrase(t, 'list', PHRASE_WEIGHT.list));
  const descriptionRaw: SparseVector = new Map();
  for (const sentence of splitSentences(input.description ?? '')) {
    const p = phrase(sentence, 'description', PHRASE_WEIGHT.statedInDescription);
    addScaled(descriptionRaw, p.raw);
    // Sentences without any sector evidence ("Founded in 1958") carry no offer or need.
    if (p.focus.size === 0) continue;
    const lower = sentence.normalize('NFKC').toLowerCase();
    if (SEEK_CUES.some((re) => re.test(lower))) seeks.push(p);
    else if (OFFER_CUES.some((re) => re.test(lower))) offers.push(p);
    else offers.push({ ...p, weight: PHRASE_WEIGHT.otherSentence });
  }
  const codes = new Set<string>();
  for (const s of input.sectors) for (const c of env.taxonomy.resolveCodes(s)) codes.add(c);
  return { input, offers, seeks, descriptionRaw, codes: [...codes] };
}

/** The profile's whole text as one raw vector: the document for idf statistics. */
export function documentVector(a: AnalysedProfile): SparseVector {
  const doc: SparseVector = new Map(a.descriptionRaw);
  for (const p of [...a.offers, ...a.seeks]) if (p.source === 'list') addScaled(doc, p.raw);
  return doc;
}

/**
 * IdfTable.fromVectors(analysed.map(documentVector)) without building the document vectors: a
 * feature counts for a document when any of its parts has it (raw values are never negative, so
 * the document's sum is non-zero exactly then).
 */
function documentFrequencies(analysed: readonly AnalysedProfile[]): IdfTable {
  const df = new Map<string, number>();
  const seen = new Set<string>();
  const count = (raw: ReadonlyMap<string, number>) => {
    for (const [f, v] of raw) {
      if (v === 0 || seen.has(f)) continue;
      seen.add(f);
      df.set(f, (df.get(f) ?? 0) + 1);
    }
  };
  for (const a of analysed) {
    seen.clear();
    count(a.descriptionRaw);
    for (const p of a.offers) if (p.source === 'list') count(p.raw);
    for (const p of a.seeks) if (p.source === 'list') count(p.raw);
  }
  return new IdfTable(df, analysed.length);
}

export function finaliseProfile(a: AnalysedProfile, env: ScoringEnvironment): ScoringProfile {
  const { input } = a;
  const codes = Int32Array.from(a.codes.map((c) => env.codeIndex(c)));
  const domains = profileDomains(a, codes, env);
  const pack = (raw: SparseVector) => packUnit(raw, env.idf, env.features);
  let inheritedArrays: [Int32Array, Float64Array] | null = null;
  const finalise = (p: AnalysedPhrase): PreparedPhrase => {
    const own = phraseDomains(p.focus, env);
    const inherited = own.size === 0;
    let ids: Int32Array;
    let weights: Float64Array;
    if (inherited) {
      // The same for every phrase of the profile: computed once, each phrase gets its own copy.
      inheritedArrays ??= toArrays(new Map([...domains].map(([k, v]) => [k, v * INHERITED_DOMAIN])));
      ids = inheritedArrays[0].slice();
      weights = inheritedArrays[1].slice();
    } else [ids, weights] = toArrays(own);
    return { text: p.text, source: p.source, weight: p.weight, kinds: p.kinds, domains: ids, domainWeights: weights, inheritedDomains: inherited, terms: pack(p.raw) };
  };
  const [domainIdx, domainWeights] = toArrays(domains);
  let cooperation = 0;
  for (const c of input.cooperation) {
    const i = COOPERATION_TYPES.indexOf(c);
    if (i >= 0) cooperation |= 1 << i;
  }
  let languages = 0;
  for (const l of input.languages) languages |= env.languageBit(l);
  return {
    env,
    id: input.id,
    name: input.name ?? input.id,
    country: input.country.trim().toUpperCase(),
    region: input.region.trim().toLowerCase(),
    offers: a.offers.map(finalise),
    seeks: a.seeks.map(finalise),
    description: pack(a.descriptionRaw),
    codes,
    domains: domainIdx,
    domainWeights,
    cooperation,
    languages,
    languageCodes: [...new Set(input.languages.map((l) => l.trim().toLowerCase()))].sort(),
  };
}

function fromAnalysis(text: string, source: PhraseSource, w: number, analysed: AnalysedText): AnalysedPhrase {
  const raw: SparseVector = new Map();
  const add = (f: string, v: number) => raw.set(f, (raw.get(f) ?? 0) + v);
  for (const s of analysed.stems) add(s, 1);
  for (const p of analysed.parts) add(p, FEATURE.part);
  for (const b of analysed.bigrams) add(b, FEATURE.bigram);
  let kinds = 0;
  const focus = new Map<string, number>();
  for (const c of analysed.concepts) {
    if (c.id.startsWith(ACTIVITY_PREFIX)) {
      // Activity cues decide the kind only; as text features they would make competitors look alike.
      if (c.score >= MIN_KIND_SCORE) kinds |= KIND_BIT[c.id.slice(ACTIVITY_PREFIX.length) as ActivityKind] ?? 0;
      continue;
    }
    add(CONCEPT_PREFIX + c.id, (c.source === 'focus' ? FEATURE.focus : FEATURE.nace) * c.score);
    // Focus-sector concepts give the domain directly, product concepts through the sector they imply.
    const domain = c.id.startsWith(FOCUS_CONCEPT) ? c.id.slice(FOCUS_CONCEPT.length) : PRODUCT_DOMAIN.get(c.id);
    if (domain) focus.set(domain, Math.max(focus.get(domain) ?? 0, c.score));
  }
  return { text, source, weight: w, kinds: resolveKinds(kinds), focus, raw };
}

/** An explicit activity (distribution, R&D, …) wins over the goods/component reading of the nouns in it. */
export function resolveKinds(bits: number): number {
  if (bits & EXPLICIT_MASK) return bits & EXPLICIT_MASK;
  if (bits & KIND_BIT.component) return KIND_BIT.component;
  return KIND_BIT.goods;
}

/** "R&D" and "F&E" tokenise to single letters, which the tokenisers drop. */
export function expandAbbreviations(text: string): string {
  return text.replace(/\bR\s?&\s?D\b/gi, ' RnD ').replace(/\bF\s?&\s?E\b/g, ' FuE ');
}

const ABBREVIATION_END = /\b(ltd|co|inc|corp|dr|prof|st|nr|ca|bzw|e\.g|i\.e|z\.b|u\.a|d\.h|approx|no|k\.k|s\.a|e\.v)\.$/i;

/** Sentences of a description (Latin and Japanese punctuation; "Co., Ltd." does not end one). */
export function splitSentences(text: string): string[] {
  const raw = text.split(/(?<=[.!?])\s+|(?<=[。！？])/u).map((s) => s.trim());
  const out: string[] = [];
  let carry = '';
  for (const s of raw) {
    if (s === '') continue;
    const joined = carry ? `${carry} ${s}` : s;
    if (ABBREVIATION_END.test(s)) carry = joined;
    else {
      out.push(joined);
      carry = '';
    }
  }
  if (carry) out.push(carry);
  return out;
}

function phraseDomains(focus: ReadonlyMap<string, number>, env: ScoringEnvironment): Map<number, number> {
  const out = new Map<number, number>();
  let max = 0;
  for (const v of focus.values()) max = Math.max(max, v);
  for (const [id, score] of focus) {
    const i = env.domainIndex.get(id);
    if (i !== undefined && score >= max * MIN_DOMAIN_SHARE) out.set(i, score / max);
  }
  return out;
}

/** Focus sectors of the codes and of the whole text; both sources agreeing gives full weight. */
function profileDomains(a: AnalysedProfile, codes: Int32Array, env: ScoringEnvironment): Map<number, number> {
  const textScores = new Map<string, number>();
  for (const p of [...a.offers, ...a.seeks]) for (const [id, s] of p.focus) textScores.set(id, (textScores.get(id) ?? 0) + s * p.weight);
  const out = phraseDomains(textScores, env);
  for (const c of codes) {
    for (const d of env.codeDomains(c)) out.set(d, out.has(d) ? 1 : CODE_DOMAIN);
  }
  return out;
}

function toArrays(m: ReadonlyMap<number, number>): [Int32Array, Float64Array] {
  const ids = new Int32Array(m.size);
  const values = new Float64Array(m.size);
  let n = 0;
  for (const [k, v] of m) {
    ids[n] = k;
    values[n++] = v;
  }
  sortById(ids, values);
  return [ids, values];
}

/** Sorts parallel arrays by (unique) id: insertion sort for the usual few dozen entries (ids arrive nearly sorted). */
function sortById(ids: Int32Array, values: Float64Array): void {
  if (ids.length > 64) {
    const order = Array.from(ids.keys()).sort((x, y) => ids[x] - ids[y]);
    const sortedValues = Float64Array.from(order, (k) => values[k]);
    ids.set(Int32Array.from(order, (k) => ids[k]));
    values.set(sortedValues);
    return;
  }
  for (let i = 1; i < ids.length; i++) {
    const id = ids[i];
    const v = values[i];
    let j = i - 1;
    while (j >= 0 && ids[j] > id) {
      ids[j + 1] = ids[j];
      values[j + 1] = values[j];
      j--;
    }
    ids[j + 1] = id;
    values[j + 1] = v;
  }
}

/**
 * features.pack(l2Normalise(weight(raw, idf))) in one pass without the intermediate maps: the same
 * operations in the same order (so the same bits), and features interned in the same order. The pool
 * step runs this for every phrase of every profile on each load.
 */
function packUnit(raw: ReadonlyMap<string, number>, idf: IdfTable, features: FeatureDictionary): PackedVector {
  const names: string[] = [];
  const weighted: number[] = [];
  let sum = 0;
  for (const [f, v] of raw) {
    if (v === 0) continue;
    // weight(): sublinear tf times idf.
    const w = (v > 1 ? 1 + Math.log(v) : v) * idf.idf(f);
    names.push(f);
    weighted.push(w);
    sum += w * w;
  }
  const norm = Math.sqrt(sum);
  if (norm === 0) return { ids: new Int32Array(0), values: new Float64Array(0) };
  const ids = new Int32Array(names.length);
  const values = new Float64Array(names.length);
  for (let i = 0; i < names.length; i++) {
    ids[i] = features.id(names[i]);
    values[i] = weighted[i] / norm;
  }
  sortById(ids, values);
  return { ids, values };
}
