// The per-pool environment: everything shared by all profiles of a pool, built once. It interns
// focus sectors, NACE codes, languages and text features to small integers so the hot path only
// touches typed arrays, and it memoises taxonomy relatedness per code pair.
import { createHash } from 'node:crypto';
import { RELATEDNESS, type Relatedness, type Taxonomy } from '../../taxonomy/core';
import { createTextAnalyser, FeatureDictionary, IdfTable, type TextAnalyser } from '../../text';
import { ACTIVITY_PREFIX, activityConceptEntries } from './activity-lexicon';
import { productConceptEntries } from './product-lexicon';
import type { TieUpContext } from './scoring.types';

/** Value of two domains that are the same focus sector, and factor on a related sector's strength. */
export const DOMAIN_SAME = 1;
export const DOMAIN_RELATED_FACTOR = 0.5;

export interface ScoringEnvironmentOptions {
  taxonomy: Taxonomy;
  /**
   * Text analyser built over `buildScoringConceptEntries(taxonomy)` (checked: the activity cues must
   * be in its lexicon). Built when absent; building it takes a few hundred milliseconds.
   */
  analyser?: TextAnalyser;
  /** Document frequencies over the pool (see preparePool); without it every feature weighs the same. */
  idf?: IdfTable | null;
  /** Default tie-up for contexts that name none. */
  tieUp?: TieUpContext | null;
}

export interface ScoringEnvironment {
  readonly taxonomy: Taxonomy;
  readonly analyser: TextAnalyser;
  readonly idf: IdfTable;
  readonly tieUp: TieUpContext | null;
  /** Text features → dense ids (grows as profiles are prepared; ids never change). */
  readonly features: FeatureDictionary;
  /** Focus-sector ids; a domain index is a position in this list. */
  readonly domainIds: readonly string[];
  readonly domainIndex: ReadonlyMap<string, number>;
  /** [i * n + j]: DOMAIN_SAME on the diagonal, DOMAIN_RELATED_FACTOR · strength for related sectors. */
  readonly domainRelation: Float64Array;
  /** Dense index of a canonical NACE code (interned on first use). */
  codeIndex(code: string): number;
  code(index: number): string;
  /** Focus-sector indexes of a code index (memoised). */
  codeDomains(index: number): readonly number[];
  /** Taxonomy relatedness of two code indexes with its reason (explanations). */
  relatedness(i: number, j: number): Relatedness;
  /** Its value alone: the same rules as the taxonomy, computed from interned data and memoised (hot path). */
  relatednessValue(i: number, j: number): number;
  /** Bit of a language code (interned, at most 31 languages). */
  languageBit(code: string): number;
  languageCode(bit: number): string;
  /** Same environment with another idf table (after a pool was analysed). */
  withIdf(idf: IdfTable): ScoringEnvironment;
}

/** The taxonomy's concept lexicon plus the activity cues and product concepts the scorer needs. */
export function buildScoringConceptEntries(taxonomy: Taxonomy) {
  return [...taxonomy.buildConceptEntries(), ...activityConceptEntries(), ...productConceptEntries()];
}

/**
 * Identifies the taxonomy and concept lexicon scoring runs on: stored match lists and stored
 * profile analyses made under another fingerprint are out of date.
 */
export function scoringLexiconFingerprint(taxonomy: Taxonomy): string {
  return createHash('sha256')
    .update(JSON.stringify({ id: taxonomy.id, concepts: buildScoringConceptEntries(taxonomy) }))
    .digest('hex');
}

export function createScoringAnalyser(taxonomy: Taxonomy): TextAnalyser {
  return createTextAnalyser(buildScoringConceptEntries(taxonomy));
}

interface Shared {
  taxonomy: Taxonomy;
  analyser: TextAnalyser;
  features: FeatureDictionary;
  domainIds: string[];
  domainIndex: Map<string, number>;
  domainRelation: Float64Array;
  codes: string[];
  codeIds: Map<string, number>;
  codeInfo: CodeInfo[];
  relCache: Map<number, Relatedness>;
  relValueCache: Map<number, number>;
  languages: string[];
}

export function createScoringEnvironment(options: ScoringEnvironmentOptions): ScoringEnvironment {
  const { taxonomy } = options;
  const analyser = options.analyser ?? createScoringAnalyser(taxonomy);
  // A plain taxonomy analyser would silently lose every activity cue and most of the ranking quality.
  if (!analyser.analyse('distributors').concepts.some((c) => c.id.startsWith(ACTIVITY_PREFIX))) {
    throw new Error('The scoring analyser must be built over buildScoringConceptEntries(taxonomy) (activity cues missing)');
  }
  const domainIds = taxonomy.focusSectors().map((s) => s.id);
  const n = domainIds.length;
  const domainRelation = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      domainRelation[i * n + j] = i === j ? DOMAIN_SAME : DOMAIN_RELATED_FACTOR * taxonomy.focus.strength(domainIds[i], domainIds[j]);
    }
  }
  const shared: Shared = {
    taxonomy,
    analyser,
    features: new FeatureDictionary(),
    domainIds,
    domainIndex: new Map(domainIds.map((id, i) => [id, i])),
    domainRelation,
    codes: [],
    codeIds: new Map(),
    codeInfo: [],
    relCache: new Map(),
    relValueCache: new Map(),
    languages: [],
  };
  return build(shared, options.idf ?? new IdfTable(new Map(), 0), options.tieUp ?? null);
}

interface CodeInfo {
  code: string;
  level: number;
  /** Ancestor codes, nearest first. */
  ancestors: string[];
  ancestorLevels: number[];
  domains: number[];
}

const WITHIN_BY_LEVEL: Record<number, number> = { 1: RELATEDNESS.withinSection, 2: RELATEDNESS.withinDivision, 3: RELATEDNESS.withinGroup };

/** RelatednessCalculator's rules (same code, hierarchy, shared/related focus sector) on interned data. */
function relatednessOf(a: CodeInfo, b: CodeInfo, taxonomy: Taxonomy, domainIds: readonly string[]): number {
  if (a.code === b.code) return RELATEDNESS.same;
  let v = 0;
  const ia = a.ancestors.indexOf(b.code);
  const ib = b.ancestors.indexOf(a.code);
  if (ia >= 0) v = WITHIN_BY_LEVEL[b.level] ?? 0;
  else if (ib >= 0) v = WITHIN_BY_LEVEL[a.level] ?? 0;
  else {
    const k = a.ancestors.findIndex((x) => b.ancestors.includes(x));
    const level = k >= 0 ? a.ancestorLevels[k] : 0;
    v = level === 3 ? RELATEDNESS.sameGroup : level === 2 ? RELATEDNESS.sameDivision : 0;
  }
  for (const x of a.domains) {
    for (const y of b.domains) {
      const r = x === y ? RELATEDNESS.sharedFocus : RELATEDNESS.relatedFocusMax * taxonomy.focus.strength(domainIds[x], domainIds[y]);
      if (r > v) v = r;
    }
  }
  return v;
}

function build(s: Shared, idf: IdfTable, tieUp: TieUpContext | null): ScoringEnvironment {
  const codeIndex = (code: string): number => {
    let i = s.codeIds.get(code);
    if (i === undefined) {
      i = s.codes.push(code) - 1;
      s.codeIds.set(code, i);
      const ancestors = s.taxonomy.ancestors(code);
      s.codeInfo[i] = {
        code,
        level: s.taxonomy.get(code)?.level ?? 0,
        ancestors: ancestors.map((x) => x.code),
        ancestorLevels: ancestors.map((x) => x.level),
        domains: s.taxonomy.focusSectorsForCode(code).map((f) => s.domainIndex.get(f.id)!),
      };
    }
    return i;
  };
  return {
    taxonomy: s.taxonomy,
    analyser: s.analyser,
    idf,
    tieUp,
    features: s.features,
    domainIds: s.domainIds,
    domainIndex: s.domainIndex,
    domainRelation: s.domainRelation,
    codeIndex,
    code: (i) => s.codes[i],
    codeDomains: (i) => s.codeInfo[i].domains,
    relatednessValue(i, j) {
      const key = i * 1_048_576 + j;
      let v = s.relValueCache.get(key);
      if (v === undefined) {
        v = relatednessOf(s.codeInfo[i], s.codeInfo[j], s.taxonomy, s.domainIds);
        s.relValueCache.set(key, v);
      }
      return v;
    },
    relatedness(i, j) {
      // Codes are interned per pool, far below 2^20 of them.
      const key = i * 1_048_576 + j;
      let r = s.relCache.get(key);
      if (!r) {
        r = s.taxonomy.relatedness(s.codes[i], s.codes[j]);
        s.relCache.set(key, r);
      }
      return r;
    },
    languageBit(code) {
      const c = code.trim().toLowerCase();
      let i = s.languages.indexOf(c);
      if (i < 0) {
        if (s.languages.length >= 31) return 0;
        i = s.languages.push(c) - 1;
      }
      return 1 << i;
    },
    languageCode(bit) {
      return s.languages[31 - Math.clz32(bit)] ?? '?';
    },
    withIdf: (next) => build(s, next, tieUp),
  };
}
