// Concept lexicon entry. Same shape as `buildConceptEntries()` of src/taxonomy/core exports;
// kept local so the text core compiles and tests without the taxonomy module.

export type ConceptSource = 'focus' | 'nace';

export interface ConceptEntry {
  id: string;
  source: ConceptSource;
  terms: { en: string[]; de: string[]; ja: string[] };
}
