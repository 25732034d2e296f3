// Shapes of the scoring core: plain data in, plain data out.
import type { PackedVector } from '../../text';
import type { CooperationType, MeetingRule } from '../../profiles/profile.types';
import type { ScoringEnvironment } from './scoring-environment';

/** The organisation profile as the scorer reads it (the subset of the entity it needs). */
export interface ScoringInput {
  id: string;
  name?: string;
  country: string;
  region: string;
  /** NACE codes in any accepted spelling, or "JSIC:<code>". Unknown codes are ignored. */
  sectors: readonly string[];
  offers: readonly string[];
  seeks: readonly string[];
  cooperation: readonly CooperationType[];
  /** ISO 639-1 codes the organisation can meet in. */
  languages: readonly string[];
  description?: string | null;
}

/** Component names; stable, used in config/scoring-weights.json and in API payloads. */
export const COMPONENTS = ['complementarity', 'sector', 'text', 'cooperation', 'language', 'region', 'focus'] as const;
export type ComponentName = (typeof COMPONENTS)[number];
export type ScoringWeights = Record<ComponentName, number>;

/** What kind of need or capability a phrase states (detected from a multilingual cue lexicon). */
export const ACTIVITY_KINDS = ['goods', 'component', 'manufacturing', 'distribution', 'service', 'testing', 'rd', 'licensing', 'network'] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];

/** Where a phrase came from: the explicit offers/seeks lists, or a description sentence. */
export type PhraseSource = 'list' | 'description';

/** One prepared offer or seek phrase. */
export interface PreparedPhrase {
  text: string;
  source: PhraseSource;
  /** Evidence weight in (0, 1]: 1 for listed phrases, less for description sentences. */
  weight: number;
  /** Bit set over ACTIVITY_KINDS (never 0: phrases without a cue count as goods). */
  kinds: number;
  /** Domain (focus-sector) indexes of the environment, ascending, with weights in (0, 1]. */
  domains: Int32Array;
  domainWeights: Float64Array;
  /** True when the domains are the profile's (the phrase itself names none). */
  inheritedDomains: boolean;
  /** TF-IDF weighted, unit-length term vector (stems, parts, bigrams, sector concepts). */
  terms: PackedVector;
}

/** Everything the hot path needs, computed once per profile by prepareProfile. */
export interface ScoringProfile {
  /** The pool environment it was prepared in: packed vectors only compare within one environment. */
  readonly env: ScoringEnvironment;
  id: string;
  name: string;
  country: string;
  region: string;
  offers: PreparedPhrase[];
  seeks: PreparedPhrase[];
  /** Unit TF-IDF vector of the description (cross-lingual through concept features). */
  description: PackedVector;
  /** Canonical NACE codes (JSIC resolved), as dense code indexes of the environment. */
  codes: Int32Array;
  /** Profile-level domains (focus sectors from codes and text), ascending indexes with weights. */
  domains: Int32Array;
  domainWeights: Float64Array;
  /** Bit sets over COOPERATION_TYPES and over the environment's language list. */
  cooperation: number;
  languages: number;
  /** Readable language codes (for reasons). */
  languageCodes: string[];
}

export interface TieUpContext {
  name: string;
  /** Focus-sector ids of the tie-up. */
  focusSectors: readonly string[];
}

export interface ScoringContext {
  rule: MeetingRule;
  mode: 'required' | 'preferred';
  tieUp?: TieUpContext | null;
  /** Unordered pair keys (see pairKey) an organiser forbade. */
  forbiddenPairs?: ReadonlySet<string>;
  /** Directional keys (see declineKey): who declined whom. Either direction excludes the pair. */
  declinedPairs?: ReadonlySet<string>;
}

export type ExclusionCode = 'same_organisation' | 'same_country' | 'same_region' | 'forbidden_pair' | 'declined';

export interface Exclusion {
  code: ExclusionCode;
  message: string;
}

/** A reason a UI can translate: stable code, parameters, and an English rendering. */
export interface Reason {
  code: string;
  component: ComponentName | 'exclusion';
  message: string;
  params: Record<string, string | number | string[]>;
}

export interface ComponentScore {
  component: ComponentName;
  /** In [0, 1]. */
  value: number;
  /** The configured weight (0 when the component does not apply in this context). */
  weight: number;
  /** weight · value / Σ applicable weights; the contributions sum to the total. */
  contribution: number;
}

export interface PairScore {
  a: string;
  b: string;
  /** In [0, 1]; 0 when excluded. */
  score: number;
  excluded: Exclusion | null;
  interpreterNeeded: boolean;
  breakdown: ComponentScore[];
  /** Only filled by explainPair. */
  reasons: Reason[];
}
