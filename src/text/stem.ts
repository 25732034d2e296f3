// Stemming per language via natural (PorterStemmerDe, PorterStemmer, StemmerJa). natural's stem()
// does not lower-case, so tokens are lower-cased here; a few Porter quirks are pinned.
import { PorterStemmer, PorterStemmerDe } from 'natural/lib/natural/stemmers';
import { stemKatakana } from './normalise';
import type { Lang } from './text.types';

// Porter strips a final "s" from words that are singular ("lens" → "len" but "lenses" → "lens").
const ENGLISH_PINNED: Record<string, string> = {
  lens: 'lens',
  lenses: 'lens',
  gas: 'gas',
  gases: 'gas',
  biogas: 'biogas',
  optics: 'optic',
  logistics: 'logist',
  mobility: 'mobil',
  bus: 'bus',
  buses: 'bus',
  process: 'process',
};

// Snowball German removes -em/-er/-e/-en once, so "system" → "syst" but "systeme" → "system".
const GERMAN_PINNED: Record<string, string> = {
  system: 'system',
  systeme: 'system',
  systemen: 'system',
  systems: 'system',
};

/** Stem one lower-cased token in `lang` (no caching). */
export function stemToken(lang: Lang, token: string): string {
  const lower = token.toLowerCase();
  switch (lang) {
    case 'de':
      return GERMAN_PINNED[lower] ?? PorterStemmerDe.stem(lower);
    case 'en':
      return ENGLISH_PINNED[lower] ?? PorterStemmer.stem(lower);
    case 'ja':
      // StemmerJa only touches katakana (final ー); kanji and hiragana pass through unchanged.
      return stemKatakana(lower);
  }
}

export type CachedStemmer = (lang: Lang, token: string) => string;

/**
 * A memoising stemmer owned by one analyser (profiles repeat their vocabulary heavily). The cache
 * is bounded; when full it is dropped and refilled rather than tracking recency.
 */
export function createCachedStemmer(maxEntries = 100_000): CachedStemmer {
  const cache = new Map<string, string>();
  return (lang, token) => {
    const key = lang + ':' + token;
    let stem = cache.get(key);
    if (stem === undefined) {
      stem = stemToken(lang, token);
      if (cache.size >= maxEntries) cache.clear();
      cache.set(key, stem);
    }
    return stem;
  };
}
