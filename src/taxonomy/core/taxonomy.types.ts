// Shapes of the taxonomy data files and of the results the core returns.

export type TextLang = 'en' | 'de' | 'ja';

/** NACE levels: 1 section (A–U), 2 division (26), 3 group (26.7), 4 class (26.70). */
export type NaceLevel = 1 | 2 | 3 | 4;
export const NACE_LEVEL_NAMES: Record<NaceLevel, string> = { 1: 'section', 2: 'division', 3: 'group', 4: 'class' };

/** One item of src/taxonomy/data/nace-r2.json. */
export interface NaceItemData {
  code: string;
  parent: string | null;
  en: string;
  de: string;
  /** ISIC Rev. 4 code of the item. */
  isic4: string;
}

export interface NaceData {
  /** Taxonomy version id, e.g. "nace-r2" (NACE Rev. 2.1 would be "nace-r21"). */
  id: string;
  name: string;
  source: string;
  items: NaceItemData[];
}

export interface NaceItem extends NaceItemData {
  level: NaceLevel;
}

/** One curated JSIC code (division, minor or detail category) with its NACE targets. */
export interface JsicEntryData {
  jsic: string;
  ja: string;
  en: string;
  nace: string[];
}

export interface JsicMajorData {
  code: string;
  ja: string;
  en: string;
  divisions: string[];
}

export interface JsicData {
  id: string;
  jsicVersion: string;
  naceVersion: string;
  source: string;
  majors: JsicMajorData[];
  entries: JsicEntryData[];
}

export interface LangTerms {
  en: string[];
  de: string[];
  ja: string[];
}

export interface FocusSectorRelation {
  id: string;
  /** In (0, 1]. */
  strength: number;
}

export interface FocusSector {
  id: string;
  labels: Record<TextLang, string>;
  synonyms: LangTerms;
  /** NACE codes (any level); a code belongs to the sector if it equals or descends from one of them. */
  nace: string[];
  related: FocusSectorRelation[];
}

/** config/focus-sectors.json */
export interface FocusSectorConfig {
  version: string;
  sectors: FocusSector[];
}

export interface TaxonomyData {
  nace: NaceData;
  jsic: JsicData;
  focus: FocusSectorConfig;
}

export type SearchHit =
  | { kind: 'nace'; code: string; title: { en: string; de: string }; score: number; matchedOn: string }
  | { kind: 'focus'; id: string; labels: Record<TextLang, string>; score: number; matchedOn: string }
  | {
      kind: 'jsic';
      code: string;
      title: { ja: string; en: string };
      /** NACE targets of the JSIC code. */
      nace: string[];
      score: number;
      matchedOn: string;
    };

export interface SearchOptions {
  /** Maximum number of hits (default 20). */
  limit?: number;
  /** Drop hits scoring below this (default 0.3). */
  minScore?: number;
  /** Restrict to these kinds (default all). */
  kinds?: SearchHit['kind'][];
}

export type RelatednessKind =
  | 'same'
  | 'ancestor'
  | 'same-group'
  | 'same-division'
  | 'shared-focus'
  | 'related-focus'
  | 'unrelated'
  | 'unknown';

export interface Relatedness {
  /** In [0, 1]. */
  value: number;
  kind: RelatednessKind;
  reason: string;
  /** Canonical NACE codes compared (after resolving JSIC: inputs). */
  a: string | null;
  b: string | null;
}

/** Concept lexicon entry for the text pipeline; keep this shape stable. */
export interface ConceptEntry {
  /** "focus:<id>" or "nace:<code>". */
  id: string;
  source: 'focus' | 'nace';
  terms: LangTerms;
}
