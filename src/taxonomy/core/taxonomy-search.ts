import type { FocusSectors } from './focus-sectors';
import { jsicJaTerms, stripJsicPrefix, type JsicMapping } from './jsic-mapping';
import type { NaceTaxonomy } from './nace-taxonomy';
import { foldVariants, hasCjk, jaKey, tokens } from './text-fold';
import type { SearchHit, SearchOptions } from './taxonomy.types';

// Weights of where a term came from (curated words beat long official titles) and of hits reached
// indirectly (a focus sector or JSIC code pointing at NACE codes).
export const SEARCH_WEIGHTS = {
  label: 1.0,
  synonym: 0.97,
  naceTitle: 0.95,
  jsicName: 0.92,
  jsicFragment: 0.88,
  viaFocus: 0.9,
  viaJsic: 0.85,
} as const;

// Below this a hit is mostly one word of a multi-word query meeting a long title: noise.
export const DEFAULT_MIN_SCORE = 0.3;

// Query words that carry no meaning on their own when other words are present.
const STOPWORDS = new Set(['and', 'of', 'the', 'for', 'in', 'und', 'von', 'der', 'die', 'das', 'fuer', 'fur', 'mit', '&']);

interface Term {
  text: string;
  field: string;
  weight: number;
  variants: string[];
  tokenSets: string[][];
  ja: string;
}

interface Doc {
  kind: SearchHit['kind'];
  key: string;
  terms: Term[];
}

interface Query {
  variants: string[];
  tokenSets: string[][];
  ja: string | null;
}

function makeTerm(text: string, field: string, weight: number): Term {
  const variants = foldVariants(text);
  return { text, field, weight, variants, tokenSets: variants.map(meaningful), ja: jaKey(text) };
}

function meaningful(folded: string): string[] {
  const all = tokens(folded);
  const kept = all.filter((t) => !STOPWORDS.has(t));
  return kept.length ? kept : all;
}

/** Score of one query token against one term token, 0 when they do not meet. */
function tokenScore(q: string, t: string): number {
  if (q === t) return 1;
  if (t.startsWith(q) && q.length >= 3) return 0.7 + (0.2 * q.length) / t.length;
  // Inflected query ("Intraokularlinsen", "lasers") against the base word.
  if (q.startsWith(t) && t.length >= 4 && q.length - t.length <= 3) return 0.8;
  // German compounds: a word inside a compound and the reverse ("Lasertechnik" holds "laser").
  if (t.includes(q) && q.length >= 4) return 0.5 + (0.2 * q.length) / t.length;
  if (q.includes(t) && t.length >= 5) return 0.5 + (0.2 * t.length) / q.length;
  return 0;
}

function latinScore(query: Query, term: Term): number {
  if (query.variants.some((v) => term.variants.includes(v))) return 1;
  let best = 0;
  for (const qTokens of query.tokenSets) {
    for (const tTokens of term.tokenSets) {
      if (!qTokens.length || !tTokens.length) continue;
      let sum = 0;
      let matched = 0;
      for (const q of qTokens) {
        const s = Math.max(0, ...tTokens.map((t) => tokenScore(q, t)));
        sum += s;
        if (s > 0) matched++;
      }
      if (matched === 0) continue;
      const mean = (sum / qTokens.length) * (matched / qTokens.length);
      // Short terms that the query covers well rank above long titles that merely contain the word.
      const coverage = Math.min(1, qTokens.length / tTokens.length);
      best = Math.max(best, Math.min(0.95, mean * (0.8 + 0.2 * coverage)));
    }
  }
  return best;
}

function japaneseScore(q: string, term: Term): number {
  const t = term.ja;
  if (!t || !q) return 0;
  if (q === t) return 1;
  if (t.startsWith(q)) return 0.7 + (0.25 * q.length) / t.length;
  if (t.includes(q)) return 0.55 + (0.25 * q.length) / t.length;
  // A longer query that contains the whole term ("眼内レンズの開発" holds "眼内レンズ").
  if (q.includes(t) && [...t].length >= 2) return 0.5 + (0.3 * t.length) / q.length;
  return 0;
}

/** Multilingual search over NACE titles, JSIC names and focus sectors. */
export class TaxonomySearch {
  private readonly docs: Doc[] = [];

  constructor(
    private readonly nace: NaceTaxonomy,
    private readonly jsic: JsicMapping,
    private readonly focus: FocusSectors,
  ) {
    for (const s of focus.all()) {
      const terms: Term[] = [];
      for (const lang of ['en', 'de', 'ja'] as const) {
        terms.push(makeTerm(s.labels[lang], `label.${lang}`, SEARCH_WEIGHTS.label));
        for (const syn of s.synonyms[lang]) terms.push(makeTerm(syn, `synonym.${lang}`, SEARCH_WEIGHTS.synonym));
      }
      this.docs.push({ kind: 'focus', key: s.id, terms });
    }
    for (const item of nace.all()) {
      this.docs.push({
        kind: 'nace',
        key: item.code,
        terms: [
          makeTerm(item.en, 'title.en', SEARCH_WEIGHTS.naceTitle),
          makeTerm(item.de, 'title.de', SEARCH_WEIGHTS.naceTitle),
        ],
      });
    }
    for (const e of jsic.all()) {
      const terms = [makeTerm(e.ja, 'name.ja', SEARCH_WEIGHTS.jsicName), makeTerm(e.en, 'name.en', SEARCH_WEIGHTS.jsicName)];
      for (const frag of jsicJaTerms(e.ja).slice(1)) terms.push(makeTerm(frag, 'name.ja', SEARCH_WEIGHTS.jsicFragment));
      this.docs.push({ kind: 'jsic', key: e.jsic, terms });
    }
  }

  search(q: string, options: SearchOptions = {}): SearchHit[] {
    const limit = options.limit ?? 20;
    const minScore = options.minScore ?? DEFAULT_MIN_SCORE;
    const kinds = new Set(options.kinds ?? ['focus', 'nace', 'jsic']);
    const scored = new Map<string, { kind: SearchHit['kind']; key: string; score: number; matchedOn: string }>();
    const offer = (kind: SearchHit['kind'], key: string, score: number, matchedOn: string): void => {
      const id = `${kind}:${key}`;
      const prev = scored.get(id);
      if (!prev || score > prev.score) scored.set(id, { kind, key, score, matchedOn });
    };

    const trimmed = q.trim();
    if (!trimmed) return [];
    this.offerCodes(trimmed, offer);

    const variants = foldVariants(trimmed);
    const query: Query = {
      variants,
      tokenSets: variants.map(meaningful),
      ja: hasCjk(trimmed) ? jaKey(trimmed) : null,
    };
    for (const doc of this.docs) {
      let best = 0;
      let on = '';
      for (const term of doc.terms) {
        const raw = query.ja !== null ? japaneseScore(query.ja, term) : latinScore(query, term);
        const s = raw * term.weight;
        if (s > best) {
          best = s;
          on = `${term.field}: ${term.text}`;
        }
      }
      if (best > 0) offer(doc.kind, doc.key, best, on);
    }
    // Hits reached indirectly: a focus sector or JSIC code points at its NACE codes.
    for (const hit of [...scored.values()]) {
      if (hit.kind === 'focus') {
        // The sector's first-listed codes are its core: a small step keeps them on top (26.70 for optics).
        for (const [i, code] of (this.focus.byId(hit.key)?.nace ?? []).entries()) {
          offer('nace', code, hit.score * SEARCH_WEIGHTS.viaFocus * (1 - 0.01 * i), `via focus:${hit.key} (${hit.matchedOn})`);
        }
      } else if (hit.kind === 'jsic') {
        for (const [i, code] of this.jsic.fromJsic(hit.key).entries()) {
          offer('nace', code, hit.score * SEARCH_WEIGHTS.viaJsic * (1 - 0.01 * i), `via JSIC:${hit.key} (${hit.matchedOn})`);
        }
      }
    }
    const kindOrder = { focus: 0, nace: 1, jsic: 2 };
    return [...scored.values()]
      .filter((h) => kinds.has(h.kind) && h.score >= minScore)
      .sort((a, b) => b.score - a.score || kindOrder[a.kind] - kindOrder[b.kind] || a.key.localeCompare(b.key))
      .slice(0, limit)
      .map((h) => this.toHit(h.kind, h.key, round(h.score), h.matchedOn));
  }

  // Typed codes ("26.70", "C26.70", "JSIC:275") are found directly with the top score.
  private offerCodes(q: string, offer: (kind: SearchHit['kind'], key: string, score: number, on: string) => void): void {
    const jsicCode = stripJsicPrefix(q);
    if (jsicCode !== null) {
      const lookup = this.jsic.lookup(jsicCode);
      if (lookup?.entry) offer('jsic', lookup.entry.jsic, 1, 'code');
      for (const code of lookup?.nace ?? []) offer('nace', code, SEARCH_WEIGHTS.viaJsic, `via JSIC:${jsicCode} (code)`);
      return;
    }
    const code = /\d/.test(q) || /^[A-Ua-u]$/.test(q) ? this.nace.normalize(q) : null;
    if (code) offer('nace', code, 1, 'code');
  }

  private toHit(kind: SearchHit['kind'], key: string, score: number, matchedOn: string): SearchHit {
    if (kind === 'focus') {
      return { kind, id: key, labels: this.focus.byId(key)!.labels, score, matchedOn };
    }
    if (kind === 'jsic') {
      const e = this.jsic.entry(key)!;
      return { kind, code: key, title: { ja: e.ja, en: e.en }, nace: [...e.nace], score, matchedOn };
    }
    const item = this.nace.get(key)!;
    return { kind, code: key, title: { en: item.en, de: item.de }, score, matchedOn };
  }
}

function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}
