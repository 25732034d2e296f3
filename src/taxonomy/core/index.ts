// Public surface of the taxonomy core.
export { buildConceptEntries } from './concept-lexicon';
export { FocusSectors, parseFocusSectorConfig } from './focus-sectors';
export { JSIC_PREFIX, JsicMapping, jsicJaTerms, stripJsicPrefix, type JsicLookup } from './jsic-mapping';
export { NaceTaxonomy, naceLevelOf, parseNaceCode } from './nace-taxonomy';
export { RELATEDNESS, RelatednessCalculator } from './relatedness';
export { Taxonomy } from './taxonomy';
export { FOCUS_SECTORS_RELATIVE_PATH, findProjectRoot, loadTaxonomy, loadTaxonomyData, type LoadTaxonomyOptions } from './taxonomy-data.loader';
export { SEARCH_WEIGHTS, TaxonomySearch } from './taxonomy-search';
export * from './taxonomy.types';
