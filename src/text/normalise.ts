// Character-level normalisation and script tests shared by the tokenisers and the detector.
import { StemmerJa } from 'natural/lib/natural/stemmers';

// NFKC folds full-width Latin/digits to ASCII and half-width katakana to full-width (what natural's
// normalizeJa does for our purposes) and is native, about ten times faster.
export function normaliseText(text: string): string {
  return text.normalize('NFKC');
}

export const HIRAGANA = /[\u3041-\u309F]/;
export const KATAKANA = /[\u30A1-\u30FA\u30FC-\u30FF\u31F0-\u31FF]/;
export const KANJI = /[\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF\u3005\u3006]/;

const JA_CHAR = /[\u3041-\u309F\u30A1-\u30FA\u30FC-\u30FF\u31F0-\u31FF\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF\u3005\u3006]/;
const JA_CHARS_G = /[\u3041-\u309F\u30A1-\u30FA\u30FC-\u30FF\u31F0-\u31FF\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF\u3005\u3006]+/g;
const KATAKANA_RUN_G = /[\u30A1-\u30FA\u30FC-\u30FF\u31F0-\u31FF]+/g;

export function hasJapanese(text: string): boolean {
  return JA_CHAR.test(text);
}

/** The text with every Japanese character run replaced by a space (what the Latin pipelines see). */
export function stripJapanese(text: string): string {
  return text.replace(JA_CHARS_G, ' ');
}

/**
 * Canonical form of a katakana word: natural's StemmerJa drops a final prolonged-sound mark on
 * katakana words of 4+ characters (レーザー → レーザ, コンピューター → コンピュータ); it leaves other
 * strings alone, so it is safe on any token.
 */
export function stemKatakana(token: string): string {
  return StemmerJa.stem(token);
}

/**
 * Japanese text in the form used for substring matching of concept terms: NFKC, lower-cased Latin,
 * katakana runs stemmed as above, so 「レーザー加工」 and 「レーザ加工」 compare equal.
 */
export function normaliseJapanese(text: string): string {
  return normaliseText(text).toLowerCase().replace(KATAKANA_RUN_G, (run) => stemKatakana(run));
}

export function isKatakanaOnly(s: string): boolean {
  return /^[\u30A1-\u30FA\u30FC-\u30FF\u31F0-\u31FF]+$/.test(s);
}
