// Per-language word tokenisers. natural's default WordTokenizer is ASCII-only, so German uses
// AggressiveTokenizerDe on lower-cased text (its class lists only lower-case umlauts), English a
// Unicode-aware RegexpTokenizer, Japanese TinySegmenter (TokenizerJa) plus kanji bigrams.
import { AggressiveTokenizerDe, RegexpTokenizer, TokenizerJa } from 'natural/lib/natural/tokenizers';
import { isStopWord, JA_DOMAIN_PHRASES } from './stop-words';
import { HIRAGANA, normaliseText, stemKatakana } from './normalise';

// Tokenisers are stateless after construction; one instance each is shared.
const germanTokenizer = new AggressiveTokenizerDe();
const unicodeTokenizer = new RegexpTokenizer({ pattern: /[^\p{L}\p{N}'’_-]+/u, gaps: true });
const japaneseTokenizer = new TokenizerJa();

const DIGITS_ONLY = /^\p{N}+$/u;
const EDGE_JUNK = /^[-'’_]+|[-'’_]+$/g;
const HAS_WORD_CHAR = /[\p{L}\p{N}]/u;

/**
 * Shared clean-up: trims hyphens/apostrophes at the edges, splits hyphenated words into their
 * parts (OCT-Systeme → oct, systeme; E-Mobilität → e, mobilität), drops pure numbers.
 */
function cleanTokens(raw: string[], english: boolean): string[] {
  const out: string[] = [];
  for (const token of raw) {
    for (let part of token.split('-')) {
      part = part.replace(EDGE_JUNK, '');
      if (english) part = part.replace(/['’]s$/, '');
      part = part.replace(/['’_]/g, '');
      if (part.length === 0 || DIGITS_ONLY.test(part)) continue;
      out.push(part);
    }
  }
  return out;
}

/** German word tokens, lower-cased, umlauts and ß intact. Japanese characters are ignored. */
export function tokeniseGerman(text: string): string[] {
  // Lower-case first: AggressiveTokenizerDe splits on Ä/Ö/Ü (only ä/ö/ü are in its word class).
  const lower = normaliseText(text).toLowerCase();
  // Its class is ASCII letters + äöüß: other letters (é, ø) would split words, so map the common ones.
  return cleanTokens(germanTokenizer.tokenize(foldForeignLatin(lower)), false);
}

/** English (or undetermined Latin) word tokens, lower-cased, Unicode letters kept. */
export function tokeniseEnglish(text: string): string[] {
  return cleanTokens(unicodeTokenizer.tokenize(normaliseText(text).toLowerCase()), true);
}

function foldForeignLatin(s: string): string {
  // Strip accents from letters other than ä/ö/ü/ß (é → e, ø stays a separator), which German keeps.
  return s.replace(/[^\p{ASCII}äöüß]/gu, (c) => c.normalize('NFD').replace(/\p{M}/gu, ''));
}

export interface JapaneseTokens {
  /** Content words from TinySegmenter (stop words, particles, punctuation and Latin removed). */
  tokens: string[];
  /** Character bigrams of kanji runs plus whole katakana runs (segmentation backup). */
  bigrams: string[];
}

const KANJI_RUN_G = /[\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF\u3005\u3006]{2,}/g;
const KATAKANA_RUN_G = /[\u30A1-\u30FA\u30FC-\u30FF\u31F0-\u31FF]{2,}/g;
const LATIN_OR_DIGIT = /^[\p{Script=Latin}\p{N}]/u;

/**
 * Japanese tokens. Domain phrases (株式会社, 当社 …) are blanked first so they yield neither
 * tokens nor bigrams. TinySegmenter splits technical compounds poorly (白内障手術用 → 白内|障手|術用),
 * hence the bigrams: 白内, 内障, 障手, 手術, 術用 recover 白内障 and 手術 for overlap scoring.
 */
export function tokeniseJapanese(text: string): JapaneseTokens {
  let s = normaliseText(text);
  for (const phrase of JA_DOMAIN_PHRASES) if (s.includes(phrase)) s = s.split(phrase).join(' ');
  const tokens: string[] = [];
  for (const raw of japaneseTokenizer.tokenize(s)) {
    const token = raw.trim();
    if (!HAS_WORD_CHAR.test(token) || LATIN_OR_DIGIT.test(token)) continue;
    if (token.length === 1 && HIRAGANA.test(token)) continue;
    if (isStopWord('ja', token)) continue;
    tokens.push(token);
  }
  return { tokens, bigrams: japaneseBigrams(s) };
}

/** Kanji-run bigrams and stemmed katakana runs, in text order. */
export function japaneseBigrams(normalised: string): string[] {
  const out: { at: number; key: string }[] = [];
  for (const m of normalised.matchAll(KANJI_RUN_G)) {
    const run = m[0];
    for (let i = 0; i + 2 <= run.length; i++) out.push({ at: m.index + i, key: run.slice(i, i + 2) });
  }
  for (const m of normalised.matchAll(KATAKANA_RUN_G)) out.push({ at: m.index, key: stemKatakana(m[0]) });
  return out.sort((a, b) => a.at - b.at).map((b) => b.key);
}
