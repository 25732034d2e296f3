// Language detection for de/en/ja on short texts. Script decides Japanese; for Latin text German
// and English are told apart by function words, umlauts/ß, typical suffixes and a few domain words
// ("Vertrieb in Europa" has no German function word, but Vertrieb and Europa are German).
import { HIRAGANA, KANJI, KATAKANA } from './normalise';
import { FUNCTION_WORDS } from './stop-words';
import type { LanguageGuess } from './text.types';
import { tokeniseEnglish } from './tokenise';

const words = (s: string): Set<string> => new Set(s.trim().split(/\s+/));

// Frequent words of B2B profiles that are unambiguous in one of the two languages.
const GERMAN_DOMAIN = words(`
  vertrieb europa produkte produkt lösungen anlagen fahrzeuge fahrzeug technik medizin forschung
  entwicklung herstellung hersteller markt märkte kunden zulieferer werkstoffe maschinenbau
  dienstleistungen beratung suchen bieten unternehmen firma mittelstand weltweit
  umwelt energie wasser gesundheit logistik optik linsen geräte systeme bereich bereiche neue
  auftragsfertigung fertigung kooperation vertriebspartner deutschland
`);
const ENGLISH_DOMAIN = words(`
  sales distribution europe products product solutions plants vehicles vehicle technology medicine
  research development manufacturing manufacturer market markets customers supplier suppliers
  materials engineering services consulting seeking offering company companies worldwide
  environment energy water health logistics optics lenses devices systems field new contract
  cooperation partners germany japanese german
`);

const GERMAN_SUFFIX = /(ung|keit|heit|schaft|lich|isch|ierung|ität|tät|chen|zeug|werk|stoff|technik|tik|gerät|anlage)(e|en|er|es|n|s)?$/;
const ENGLISH_SUFFIX = /(ing|ed|tion|tions|ness|ment|ments|ity|ies|ous|ive|ally|ly|ship|able|ical)$/;
const GERMAN_CHARS = /[äöüß]/;
const GERMAN_CLUSTERS = /(sch|tz|pf|ei|ie|eu|z)/;
const ENGLISH_CLUSTERS = /(th|wh|w|y|ou|ea|ee|oo)/;

/** Detect the language of a text: 'ja' by script, 'de'/'en' by evidence, 'und' when empty or undecidable. */
export function detectLanguage(text: string): LanguageGuess {
  let kana = 0;
  let kanji = 0;
  let latin = 0;
  for (const ch of text) {
    if (HIRAGANA.test(ch) || KATAKANA.test(ch)) kana++;
    else if (KANJI.test(ch)) kanji++;
    else if (/\p{Script=Latin}/u.test(ch)) latin++;
  }
  const ja = kana + kanji;
  // A Japanese character carries about as much as a short Latin word; weigh accordingly.
  if (ja >= 2 && ja * 3 >= latin) {
    const share = ja / (ja + latin / 3);
    // Kanji without kana could be Chinese; be less sure.
    const confidence = (kana > 0 ? 0.6 + 0.4 * share : 0.5 + 0.2 * share) * saturation(ja, 2);
    return { lang: 'ja', confidence: round(confidence) };
  }
  return detectLatinLanguage(text);
}

/** German vs English on the Latin-script part of a text. */
export function detectLatinLanguage(text: string): LanguageGuess {
  let de = 0;
  let en = 0;
  for (const token of tokeniseEnglish(text)) {
    if (!/\p{L}/u.test(token)) continue;
    const inDe = FUNCTION_WORDS.de.has(token);
    const inEn = FUNCTION_WORDS.en.has(token);
    // Words in both lists ("in", "so") say nothing.
    if (inDe !== inEn) {
      if (inDe) de += 1;
      else en += 1;
      continue;
    }
    if (inDe) continue;
    if (GERMAN_CHARS.test(token)) de += 2;
    if (GERMAN_DOMAIN.has(token)) de += 1;
    else if (ENGLISH_DOMAIN.has(token)) en += 1;
    if (token.length >= 5) {
      if (GERMAN_SUFFIX.test(token)) de += 0.5;
      if (ENGLISH_SUFFIX.test(token)) en += 0.5;
    }
    // Long single words are typically German compounds.
    if (token.length >= 14) de += 0.5;
    // Letter clusters: weak tie-breakers for otherwise unknown words.
    if (GERMAN_CLUSTERS.test(token)) de += 0.1;
    if (ENGLISH_CLUSTERS.test(token)) en += 0.1;
  }
  const total = de + en;
  if (total < 0.25 || de === en) return { lang: 'und', confidence: 0 };
  const margin = Math.abs(de - en) / total;
  return { lang: de > en ? 'de' : 'en', confidence: round(margin * saturation(total, 1.5)) };
}

/** 0 → 0, grows to 1 as evidence accumulates; `scale` is the evidence giving ~63 %. */
function saturation(evidence: number, scale: number): number {
  return 1 - Math.exp(-evidence / scale);
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
