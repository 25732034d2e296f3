import { buildConceptEntries } from './concept-lexicon';
import { FocusSectors, parseFocusSectorConfig } from './focus-sectors';
import { JsicMapping, stripJsicPrefix } from './jsic-mapping';
import { NaceTaxonomy } from './nace-taxonomy';
import { RelatednessCalculator } from './relatedness';
import { TaxonomySearch } from './taxonomy-search';
import type {
  ConceptEntry,
  FocusSector,
  NaceItem,
  Relatedness,
  SearchHit,
  SearchOptions,
  TaxonomyData,
} from './taxonomy.types';

/**
 * The sector taxonomy: NACE (versioned, e.g. "nace-r2"), the curated JSIC → NACE mapping and the focus
 * sectors. Pure: built from loaded data, no I/O.
 *
 * Codes are NACE codes in any accepted spelling ("26.70", "2670", "C26.70"). Where a NACE code is
 * expected, a JSIC code may be given as "JSIC:<code>" ("JSIC:27", "JSIC:275", "JSIC:E"); it stands for
 * the NACE codes it maps to (see resolveCodes).
 */
export class Taxonomy {
  readonly id: string;
  readonly nace: NaceTaxonomy;
  readonly jsic: JsicMapping;
  readonly focus: FocusSectors;
  private readonly searcher: TaxonomySearch;
  private readonly relatednessCalc: RelatednessCalculator;
  private conceptEntries: ConceptEntry[] | null = null;

  constructor(data: TaxonomyData) {
    this.nace = new NaceTaxonomy(data.nace);
    if (data.jsic.naceVersion !== this.nace.id) {
      throw new Error(`JSIC mapping targets ${data.jsic.naceVersion}, taxonomy is ${this.nace.id}`);
    }
    this.id = this.nace.id;
    this.jsic = new JsicMapping(data.jsic);
    this.focus = new FocusSectors(parseFocusSectorConfig(data.focus, this.nace), this.nace);
    this.searcher = new TaxonomySearch(this.nace, this.jsic, this.focus);
    this.relatednessCalc = new RelatednessCalculator(this.nace, this.focus);
  }

  // --- codes and hierarchy ---

  normalizeCode(input: string): string | null {
    return this.nace.normalize(input);
  }

  isValidCode(input: string): boolean {
    return this.nace.isValidCode(input);
  }

  /** True for a valid NACE code or a "JSIC:" code that maps to at least one NACE code. */
  isValidCodeOrJsic(input: string): boolean {
    return this.resolveCodes(input).length > 0;
  }

  get(input: string): NaceItem | undefined {
    return this.nace.get(input);
  }

  parent(input: string): NaceItem | undefined {
    return this.nace.parent(input);
  }

  ancestors(input: string): NaceItem[] {
    return this.nace.ancestors(input);
  }

  descendants(input: string): NaceItem[] {
    return this.nace.descendants(input);
  }

  /** Canonical NACE codes an input stands for: one for a NACE code, the targets for "JSIC:…", else []. */
  resolveCodes(input: string): string[] {
    if (stripJsicPrefix(input) !== null) {
      return this.jsic.fromJsic(input).filter((c) => this.nace.isValidCode(c));
    }
    const code = this.nace.normalize(input);
    return code ? [code] : [];
  }

  /** Codes (NACE or JSIC:) expanded with all NACE descendants, for "sector including descendants" filters. */
  expandWithDescendants(inputs: string[]): string[] {
    const out = new Set<string>();
    for (const input of inputs) {
      for (const code of this.resolveCodes(input)) for (const c of this.nace.withDescendants(code)) out.add(c);
    }
    return [...out];
  }

  // --- JSIC ---

  /** NACE codes for a JSIC code ("27", "275", "JSIC:2753", major "E"). */
  fromJsic(code: string): string[] {
    return this.jsic.fromJsic(code);
  }

  // --- focus sectors ---

  focusSector(id: string): FocusSector | undefined {
    return this.focus.byId(id);
  }

  focusSectors(): FocusSector[] {
    return this.focus.all();
  }

  /** Focus sectors of a code (NACE or JSIC:): the code equals or descends from one of the sector's codes. */
  focusSectorsForCode(input: string): FocusSector[] {
    const seen = new Map<string, FocusSector>();
    for (const code of this.resolveCodes(input)) for (const s of this.focus.forNaceCode(code)) seen.set(s.id, s);
    return [...seen.values()];
  }

  relatedFocusSectors(id: string): { sector: FocusSector; strength: number }[] {
    return this.focus.related(id);
  }

  // --- search, relatedness, lexicon ---

  search(q: string, options?: SearchOptions): SearchHit[] {
    return this.searcher.search(q, options);
  }

  /** Relatedness in [0, 1] with a reason; "JSIC:" inputs use their best-matching NACE target. */
  relatedness(a: string, b: string): Relatedness {
    const codesA = this.resolveCodes(a);
    const codesB = this.resolveCodes(b);
    if (!codesA.length || !codesB.length) {
      const bad = codesA.length ? b : a;
      return { value: 0, kind: 'unknown', reason: `unknown code ${JSON.stringify(bad)}`, a: codesA[0] ?? null, b: codesB[0] ?? null };
    }
    let best: Relatedness | null = null;
    for (const x of codesA) {
      for (const y of codesB) {
        const r = this.relatednessCalc.between(x, y);
        if (!best || r.value > best.value) best = r;
      }
    }
    return withJsicNote(best!, a, b);
  }

  /** The best pair of two code lists (e.g. two organisations' sectors) with its reason. */
  bestRelatedness(codesA: string[], codesB: string[]): Relatedness {
    let best: Relatedness = { value: 0, kind: 'unrelated', reason: 'unrelated', a: null, b: null };
    let any = false;
    for (const a of codesA) {
      for (const b of codesB) {
        const r = this.relatedness(a, b);
        if (r.kind === 'unknown') continue;
        if (!any || r.value > best.value) best = r;
        any = true;
      }
    }
    return best;
  }

  /** Concept lexicon for the text pipeline (built once). */
  buildConceptEntries(): ConceptEntry[] {
    this.conceptEntries ??= buildConceptEntries(this.nace, this.jsic, this.focus);
    return this.conceptEntries;
  }
}

// When an input was a JSIC code, say which NACE target the reason is about.
function withJsicNote(r: Relatedness, a: string, b: string): Relatedness {
  const notes: string[] = [];
  const ja = stripJsicPrefix(a);
  const jb = stripJsicPrefix(b);
  if (ja !== null) notes.push(`JSIC:${ja} → ${r.a}`);
  if (jb !== null) notes.push(`JSIC:${jb} → ${r.b}`);
  return notes.length ? { ...r, reason: `${r.reason} (${notes.join(', ')})` } : r;
}
