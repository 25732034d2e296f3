import type { FocusSectors } from './focus-sectors';
import { jsicJaTerms, type JsicMapping } from './jsic-mapping';
import type { NaceTaxonomy } from './nace-taxonomy';
import type { ConceptEntry, LangTerms } from './taxonomy.types';

/**
 * Concept lexicon for the text pipeline (shape is a contract; keep it stable):
 * - `focus:<id>`: the sector's labels and synonyms in en/de/ja;
 * - `nace:<code>` for divisions, groups and classes: official EN/DE titles, and the Japanese names of
 *   JSIC codes whose curated targets include the code (so Japanese words reach NACE concepts).
 * Sections are left out: their titles ("MANUFACTURING") are too broad to be concepts.
 */
export function buildConceptEntries(nace: NaceTaxonomy, jsic: JsicMapping, focus: FocusSectors): ConceptEntry[] {
  const out: ConceptEntry[] = [];
  for (const s of focus.all()) {
    out.push({
      id: `focus:${s.id}`,
      source: 'focus',
      terms: {
        en: dedupe([s.labels.en, ...s.synonyms.en]),
        de: dedupe([s.labels.de, ...s.synonyms.de]),
        ja: dedupe([s.labels.ja, ...s.synonyms.ja]),
      },
    });
  }
  const jaByNace = new Map<string, string[]>();
  for (const e of jsic.all()) {
    for (const code of e.nace) {
      const list = jaByNace.get(code) ?? [];
      list.push(...jsicJaTerms(e.ja));
      jaByNace.set(code, list);
    }
  }
  for (const item of nace.all()) {
    if (item.level === 1) continue;
    const terms: LangTerms = { en: [item.en], de: [item.de], ja: dedupe(jaByNace.get(item.code) ?? []) };
    out.push({ id: `nace:${item.code}`, source: 'nace', terms });
  }
  return out;
}

function dedupe(list: string[]): string[] {
  return [...new Set(list.map((t) => t.trim()).filter((t) => t.length > 0))];
}
