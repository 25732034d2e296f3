// Cross-lingual concept matching: a text hits a concept when it contains one of the concept's
// terms in any of its languages. Latin terms compare as stem sequences (Intraokularlinsen and
// "intraocular lenses" both normalise), German compound parts count for single-word terms
// (Laserbearbeitung contains laser), Japanese terms compare as substrings (no spaces in Japanese).
// NACE titles are long and generic, so they only fire on several distinctive words at once.
import type { ConceptEntry, ConceptSource } from './concept.types';
import { isKatakanaOnly, KATAKANA, normaliseJapanese } from './normalise';
import type { CachedStemmer } from './stem';
import { isStopWord, JA_NACE_GENERIC, NACE_GENERIC_WORDS } from './stop-words';
import type { ConceptHit } from './text.types';
import { tokeniseEnglish, tokeniseGerman } from './tokenise';

type LatinLang = 'de' | 'en';

/** One analysed Latin-script stream of a text, as the matcher consumes it. */
export interface LatinStream {
  lang: LatinLang;
  /** Stems of content tokens in text order (unprefixed). */
  stems: string[];
  /** Compound-part stems per token (parallel to `stems`; [] when not a compound). */
  parts: string[][];
  /** Evidence multiplier (1 for the detected language, less for the cross-language pass). */
  weight: number;
}

export interface MatchInput {
  latin: LatinStream[];
  /** Japanese text in `normaliseJapanese` form, if any. */
  ja?: string;
}

interface PhraseTerm {
  concept: number;
  stems: string[];
  key: string;
}

interface JaTerm {
  text: string;
  /** Focus concept index, or -1 for a NACE key. */
  concept: number;
  /** NACE term index when concept = -1. */
  naceTerm: number;
  /** Short katakana words must stand alone (ガス must not hit ガスケット). */
  bounded: boolean;
}

interface NaceTerm {
  concept: number;
  keyCount: number;
}

export interface ConceptMatcherOptions {
  /** A NACE stem occurring in at least this share of NACE entries is treated as generic (default 0.02). */
  naceGenericShare?: number;
  /** Minimum stem length for a compound part to hit a single-word term (default 3: laser → las). */
  minPartStemLength?: number;
}

const MIN_GENERIC_DF = 4;

export class ConceptMatcher {
  private readonly concepts: { id: string; source: ConceptSource }[] = [];
  private readonly phrases: Record<LatinLang, Map<string, PhraseTerm[]>> = { de: new Map(), en: new Map() };
  private readonly naceKeys: Record<LatinLang, Map<string, number[]>> = { de: new Map(), en: new Map() };
  private readonly naceTerms: NaceTerm[] = [];
  private readonly jaTerms = new Map<string, JaTerm[]>();
  private readonly minPartStem: number;
  /** Every German word of the lexicon (lower-case surface form), for the compound splitter. */
  readonly germanVocabulary = new Set<string>();

  constructor(
    entries: readonly ConceptEntry[],
    private readonly stem: CachedStemmer,
    options: ConceptMatcherOptions = {},
  ) {
    this.minPartStem = options.minPartStemLength ?? 3;
    const nace: { concept: number; lang: LatinLang; stems: string[] }[] = [];
    const naceJa: { concept: number; text: string }[] = [];
    for (const entry of entries) {
      const c = this.concepts.push({ id: entry.id, source: entry.source }) - 1;
      for (const lang of ['de', 'en'] as const) {
        for (const term of entry.terms[lang]) this.addLatinTerm(c, entry.source, lang, term, nace);
      }
      for (const term of entry.terms.ja) {
        // Latin-only "Japanese" terms (OCT, EV) are matched like English words.
        if (!/[^\p{Script=Latin}\p{N}\s\-'.]/u.test(term)) this.addLatinTerm(c, entry.source, 'en', term, nace);
        else if (entry.source === 'focus') this.addJaTerm({ text: normaliseJapanese(term), concept: c, naceTerm: -1, bounded: false });
        else naceJa.push({ concept: c, text: term });
      }
    }
    this.indexNace(nace, naceJa, options.naceGenericShare ?? 0.02);
  }

  get size(): number {
    return this.concepts.length;
  }

  /** Concepts found in an analysed text, strongest first. */
  match(input: MatchInput): ConceptHit[] {
    // Focus evidence: concept → (text position → weight), so one position counts once per concept.
    const focus = new Map<number, Map<number, number>>();
    const matched = new Map<number, Set<string>>();
    const note = (c: number, pos: number, weight: number, key: string): void => {
      let positions = focus.get(c);
      if (!positions) focus.set(c, (positions = new Map()));
      positions.set(pos, Math.max(positions.get(pos) ?? 0, weight));
      let keys = matched.get(c);
      if (!keys) matched.set(c, (keys = new Set()));
      keys.add(key);
    };
    // NACE evidence: term → distinct keys found (with the best stream weight).
    const nace = new Map<number, Map<string, number>>();
    const noteNace = (t: number, key: string, weight: number): void => {
      let keys = nace.get(t);
      if (!keys) nace.set(t, (keys = new Map()));
      keys.set(key, Math.max(keys.get(key) ?? 0, weight));
    };

    for (const stream of input.latin) {
      const phrases = this.phrases[stream.lang];
      const naceKeys = this.naceKeys[stream.lang];
      const { stems, parts, weight } = stream;
      for (let i = 0; i < stems.length; i++) {
        for (const term of phrases.get(stems[i]) ?? []) {
          if (term.stems.length === 1 || sequenceAt(stems, i, term.stems)) note(term.concept, i, weight, term.key);
        }
        for (const t of naceKeys.get(stems[i]) ?? []) noteNace(t, stems[i], weight);
        for (const part of parts[i] ?? []) {
          if (part.length < this.minPartStem) continue;
          for (const term of phrases.get(part) ?? []) if (term.stems.length === 1) note(term.concept, i, weight, term.key);
          for (const t of naceKeys.get(part) ?? []) noteNace(t, part, weight);
        }
      }
    }
    if (input.ja) this.matchJapanese(input.ja, note, noteNace);

    const hits: ConceptHit[] = [];
    for (const [c, positions] of focus) {
      let score = 0;
      for (const w of positions.values()) score += w;
      hits.push({ ...this.concepts[c], score, matched: [...(matched.get(c) ?? [])] });
    }
    const naceBest = new Map<number, { score: number; keys: string[] }>();
    for (const [t, keys] of nace) {
      const term = this.naceTerms[t];
      // Fire on ≥ 2 distinctive keys, or on the only one a short title has.
      if (keys.size < Math.min(2, term.keyCount)) continue;
      let sum = 0;
      for (const w of keys.values()) sum += w;
      const score = sum / term.keyCount;
      const prev = naceBest.get(term.concept);
      if (!prev || score > prev.score) naceBest.set(term.concept, { score, keys: [...keys.keys()] });
    }
    for (const [c, { score, keys }] of naceBest) hits.push({ ...this.concepts[c], score, matched: keys });
    return hits.sort((a, b) => b.score - a.score || a.id.localeCompare(b.id));
  }

  private matchJapanese(
    text: string,
    note: (c: number, pos: number, weight: number, key: string) => void,
    noteNace: (t: number, key: string, weight: number) => void,
  ): void {
    // Latin positions are token indexes; Japanese ones are offset so they never collide.
    const base = 1_000_000;
    for (let i = 0; i + 2 <= text.length; i++) {
      const candidates = this.jaTerms.get(text.slice(i, i + 2));
      if (!candidates) continue;
      for (const term of candidates) {
        if (!text.startsWith(term.text, i)) continue;
        if (term.bounded && (KATAKANA.test(text[i - 1] ?? '') || KATAKANA.test(text[i + term.text.length] ?? ''))) continue;
        if (term.concept >= 0) note(term.concept, base + i, 1, term.text);
        else noteNace(term.naceTerm, term.text, 1);
      }
    }
  }

  private addLatinTerm(c: number, source: ConceptSource, lang: LatinLang, term: string, nace: { concept: number; lang: LatinLang; stems: string[] }[]): void {
    const all = lang === 'de' ? tokeniseGerman(term) : tokeniseEnglish(term);
    const tokens = all.filter((t) => !isStopWord(lang, t));
    if (lang === 'de') for (const t of tokens) if (t.length >= 3) this.germanVocabulary.add(t);
    // A phrase that shrinks to one word without its stop words ("IT services" → services) would fire on
    // that generic word alone; such terms are only distinctive as a whole, which stems cannot express.
    if (source === 'focus' && all.length > 1 && tokens.length === 1) return;
    if (source === 'nace') {
      const distinctive = tokens.filter((t) => !NACE_GENERIC_WORDS.has(t) && t.length >= 3);
      nace.push({ concept: c, lang, stems: [...new Set(distinctive.map((t) => this.stem(lang, t)))] });
      return;
    }
    const stems = tokens.map((t) => this.stem(lang, t));
    if (stems.length === 0 || (stems.length === 1 && stems[0].length < 2)) return;
    const key = stems.join(' ');
    const list = this.phrases[lang].get(stems[0]) ?? [];
    if (!list.some((p) => p.concept === c && p.key === key)) list.push({ concept: c, stems, key });
    this.phrases[lang].set(stems[0], list);
  }

  private addJaTerm(term: JaTerm): void {
    if (term.text.length < 2) return;
    term.bounded = term.text.length <= 2 && isKatakanaOnly(term.text);
    const head = term.text.slice(0, 2);
    const list = this.jaTerms.get(head) ?? [];
    list.push(term);
    this.jaTerms.set(head, list);
  }

  /** Index NACE titles by their distinctive keys; stems common to many titles are generic. */
  private indexNace(latin: { concept: number; lang: LatinLang; stems: string[] }[], ja: { concept: number; text: string }[], genericShare: number): void {
    const naceConcepts = new Set([...latin.map((t) => t.concept), ...ja.map((t) => t.concept)]);
    const threshold = Math.max(MIN_GENERIC_DF, Math.ceil(naceConcepts.size * genericShare));
    const df: Record<LatinLang, Map<string, Set<number>>> = { de: new Map(), en: new Map() };
    for (const t of latin) {
      for (const s of t.stems) {
        const set = df[t.lang].get(s) ?? new Set<number>();
        set.add(t.concept);
        df[t.lang].set(s, set);
      }
    }
    for (const t of latin) {
      const keys = t.stems.filter((s) => (df[t.lang].get(s)?.size ?? 0) < threshold);
      if (keys.length === 0) continue;
      const index = this.naceTerms.push({ concept: t.concept, keyCount: keys.length }) - 1;
      for (const k of keys) {
        const list = this.naceKeys[t.lang].get(k) ?? [];
        list.push(index);
        this.naceKeys[t.lang].set(k, list);
      }
    }
    for (const t of ja) {
      const keys = japaneseNaceKeys(t.text);
      if (keys.length === 0) continue;
      const index = this.naceTerms.push({ concept: t.concept, keyCount: keys.length }) - 1;
      for (const k of keys) this.addJaTerm({ text: k, concept: -1, naceTerm: index, bounded: false });
    }
  }
}

function sequenceAt(stems: string[], at: number, seq: string[]): boolean {
  if (at + seq.length > stems.length) return false;
  for (let k = 1; k < seq.length; k++) if (stems[at + k] !== seq[k]) return false;
  return true;
}

/**
 * Distinctive pieces of a Japanese NACE-style title: generic words (製造業, その他の …) removed,
 * split at separators and particles, long kanji runs cut into two-character words
 * (光学機械器具 → 光学, 機械, 器具), since Japanese kanji words are mostly two characters.
 */
export function japaneseNaceKeys(title: string): string[] {
  let s = normaliseJapanese(title);
  for (const g of JA_NACE_GENERIC) s = s.split(g).join(' ');
  const keys = new Set<string>();
  for (const piece of s.split(/[\s・、,，()「」/\u3001\u3002]|及び|および|並びに|又は|の|と|を|用/)) {
    if (piece.length < 2) continue;
    if (/^[\u3400-\u9FFF]+$/.test(piece) && piece.length >= 4 && piece.length % 2 === 0) {
      for (let i = 0; i < piece.length; i += 2) keys.add(piece.slice(i, i + 2));
    } else keys.add(piece);
  }
  return [...keys];
}
