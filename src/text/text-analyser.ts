// The text analyser: built once per concept lexicon (building the matcher and the compound
// vocabulary is the expensive part), then reused for every profile. No module-wide state: the
// stem cache and compound-split cache live in the analyser instance.
import { ConceptMatcher, type LatinStream } from './concept-matcher';
import type { ConceptEntry } from './concept.types';
import { detectLanguage, detectLatinLanguage } from './detect-language';
import { GermanCompoundSplitter, GERMAN_TECHNICAL_WORDS } from './german-compound-splitter';
import { hasJapanese, normaliseJapanese, stripJapanese } from './normalise';
import { createCachedStemmer } from './stem';
import { isStopWord } from './stop-words';
import { addScaled, IdfTable, l2Normalise, weight } from './term-vector';
import type { AnalysedText, ConceptHit, DetectedLang, Lang, LanguageGuess, SparseVector, WeightedField } from './text.types';
import { tokeniseEnglish, tokeniseGerman, tokeniseJapanese } from './tokenise';

export interface TextAnalyserOptions {
  /** Extra German words for the compound splitter (beyond the lexicon and the built-in heads). */
  germanVocabulary?: Iterable<string>;
  /** Shortest compound part (default 3). */
  minCompoundPart?: number;
  /** Latin text whose language is undecidable is analysed as this (default 'en'). */
  fallbackLatin?: 'de' | 'en';
  /** Weight of concept hits found by running the other Latin language's terms (default 0.5; 0 disables). */
  crossLatinWeight?: number;
  /** Feature weights inside a field (token stems count 1). */
  weights?: Partial<FeatureWeights>;
}

export interface FeatureWeights {
  /** German compound parts (default 0.5: evidence, but weaker than the whole word). */
  part: number;
  /** Japanese kanji bigrams / katakana runs (default 0.5). */
  bigram: number;
  /** Concept feature of a 'focus' concept per unit of hit score (default 3). */
  focusConcept: number;
  /** Concept feature of a 'nace' concept per unit of hit score (default 1). */
  naceConcept: number;
}

const DEFAULT_WEIGHTS: FeatureWeights = { part: 0.5, bigram: 0.5, focusConcept: 3, naceConcept: 1 };

export interface AnalyseOptions {
  /** Known language; detection is skipped (Japanese characters are still analysed as Japanese). */
  lang?: Lang;
}

/** Prefix of concept features: `c:focus:ophthalmology`. */
export const CONCEPT_PREFIX = 'c:';

export interface TextAnalyser {
  analyse(text: string, options?: AnalyseOptions): AnalysedText;
  /** Raw (unweighted by idf) term vector of a profile's weighted text fields. */
  buildTermVector(fields: readonly WeightedField[]): SparseVector;
  /** Raw vectors, idf table and TF-IDF-weighted unit vectors for a corpus of profiles. */
  buildCorpus(documents: readonly (readonly WeightedField[])[]): Corpus;
  detectLanguage(text: string): LanguageGuess;
  /** German compound parts (vocabulary form) or [] when not a compound. */
  splitCompound(word: string): string[];
  readonly conceptCount: number;
}

export interface Corpus {
  raw: SparseVector[];
  idf: IdfTable;
  /** TF-IDF weighted, L2-normalised: cosine = dot product. */
  vectors: SparseVector[];
}

export function createTextAnalyser(entries: readonly ConceptEntry[], options: TextAnalyserOptions = {}): TextAnalyser {
  const stem = createCachedStemmer();
  const matcher = new ConceptMatcher(entries, stem);
  const splitter = new GermanCompoundSplitter([...GERMAN_TECHNICAL_WORDS, ...matcher.germanVocabulary, ...(options.germanVocabulary ?? [])], {
    minPartLength: options.minCompoundPart,
  });
  const fallbackLatin = options.fallbackLatin ?? 'en';
  const crossWeight = options.crossLatinWeight ?? 0.5;
  const weights: FeatureWeights = { ...DEFAULT_WEIGHTS, ...options.weights };

  /** Stems (and German compound parts) of already stop-filtered tokens; positions = token indexes. */
  function latinStream(lang: 'de' | 'en', content: string[], streamWeight: number, withParts: boolean): LatinStream {
    const stems = content.map((t) => stem(lang, t));
    const parts = content.map((t, i) =>
      withParts && lang === 'de'
        ? splitter
            .split(t)
            .map((p) => stem('de', p))
            .filter((p) => p !== stems[i])
        : [],
    );
    return { lang, stems, parts, weight: streamWeight };
  }

  /** Undecidable Latin text that splits as German compounds or uses lexicon German words is German. */
  function latinLanguage(latinText: string): 'de' | 'en' {
    const guess = detectLatinLanguage(latinText).lang;
    if (guess === 'de' || guess === 'en') return guess;
    const germanEvidence = tokeniseGerman(latinText).some((t) => t.length >= 6 && (splitter.has(t) || splitter.split(t).length > 0));
    return germanEvidence ? 'de' : fallbackLatin;
  }

  function analyse(text: string, opts: AnalyseOptions = {}): AnalysedText {
    const guess: DetectedLang = opts.lang ?? detectLanguage(text).lang;
    const out: AnalysedText = { lang: guess, tokens: [], stems: [], parts: [], bigrams: [], concepts: [] };
    if (text.trim().length === 0) return { ...out, lang: opts.lang ?? 'und' };

    const japanese = hasJapanese(text);
    let jaNormalised: string | undefined;
    if (japanese) {
      const ja = tokeniseJapanese(text);
      out.tokens.push(...ja.tokens);
      for (const t of ja.tokens) out.stems.push('ja:' + stem('ja', t));
      for (const b of ja.bigrams) out.bigrams.push('jb:' + b);
      jaNormalised = normaliseJapanese(text);
    }

    // Latin part: the text's own language, or (inside Japanese / undecidable text) whatever the
    // Latin words say, falling back to English.
    const latinText = japanese ? stripJapanese(text) : text;
    const streams: LatinStream[] = [];
    if (/\p{Script=Latin}/u.test(latinText)) {
      const lang: 'de' | 'en' = guess === 'de' || guess === 'en' ? guess : latinLanguage(latinText);
      if (guess === 'und') out.lang = lang;
      const raw = lang === 'de' ? tokeniseGerman(latinText) : tokeniseEnglish(latinText);
      const content = raw.filter((t) => t.length >= 2 && !isStopWord(lang, t));
      const primary = latinStream(lang, content, 1, true);
      streams.push(primary);
      // The same tokens through the other Latin stemmer: German profiles often use English terms.
      if (crossWeight > 0) streams.push(latinStream(lang === 'de' ? 'en' : 'de', content, crossWeight, false));
      out.tokens.push(...content);
      for (const s of primary.stems) out.stems.push(lang + ':' + s);
      for (const ps of primary.parts) for (const p of ps) out.parts.push(lang + ':' + p);
    }

    out.concepts = matcher.match({ latin: streams, ja: jaNormalised });
    return out;
  }

  function addAnalysis(vector: SparseVector, a: AnalysedText, fieldWeight: number): void {
    for (const s of a.stems) vector.set(s, (vector.get(s) ?? 0) + fieldWeight);
    for (const p of a.parts) vector.set(p, (vector.get(p) ?? 0) + fieldWeight * weights.part);
    for (const b of a.bigrams) vector.set(b, (vector.get(b) ?? 0) + fieldWeight * weights.bigram);
    for (const c of a.concepts) {
      const k = c.source === 'focus' ? weights.focusConcept : weights.naceConcept;
      const key = CONCEPT_PREFIX + c.id;
      vector.set(key, (vector.get(key) ?? 0) + fieldWeight * k * c.score);
    }
  }

  function buildTermVector(fields: readonly WeightedField[]): SparseVector {
    const vector: SparseVector = new Map();
    for (const field of fields) {
      if (field.weight === 0 || field.text.trim().length === 0) continue;
      addAnalysis(vector, analyse(field.text, { lang: field.lang }), field.weight);
    }
    return vector;
  }

  function buildCorpus(documents: readonly (readonly WeightedField[])[]): Corpus {
    const raw = documents.map((fields) => buildTermVector(fields));
    const idf = IdfTable.fromVectors(raw);
    return { raw, idf, vectors: raw.map((v) => l2Normalise(weight(v, idf))) };
  }

  return {
    analyse,
    buildTermVector,
    buildCorpus,
    detectLanguage,
    splitCompound: (word) => splitter.split(word.normalize('NFC').toLowerCase()),
    conceptCount: matcher.size,
  };
}

/** Concept ids of an analysis (convenience for explanations and tests). */
export function conceptIds(hits: readonly ConceptHit[]): string[] {
  return hits.map((h) => h.id);
}

/** Merge several raw vectors (e.g. offer and seek sides) with weights. */
export function mergeVectors(parts: readonly { vector: ReadonlyMap<string, number>; weight: number }[]): SparseVector {
  const out: SparseVector = new Map();
  for (const p of parts) addScaled(out, p.vector, p.weight);
  return out;
}
