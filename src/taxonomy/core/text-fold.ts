// Text normalisation shared by search: case, width, German umlauts and Japanese script.

const CJK = /[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff\uff66-\uff9f]/;

/** True when the text contains kana or kanji (then we match by substring, Japanese has no spaces). */
export function hasCjk(text: string): boolean {
  return CJK.test(text);
}

/**
 * Folded forms of a text for matching. German umlauts fold two ways so that "Ärzte", "Aerzte" and
 * "Arzte" all meet: ä→ae (the official transliteration) and ä→a (umlaut dropped). ß→ss; other accents
 * are stripped. NFKC turns full-width Latin/digits into ASCII and half-width katakana into full width.
 */
export function foldVariants(text: string): string[] {
  const base = text.normalize('NFKC').toLowerCase().replace(/ß/g, 'ss');
  const transliterated = stripMarks(base.replace(/ä/g, 'ae').replace(/ö/g, 'oe').replace(/ü/g, 'ue'));
  const dropped = stripMarks(base);
  const out = [cleanSpaces(transliterated)];
  if (dropped !== transliterated) out.push(cleanSpaces(dropped));
  return out;
}

/** Main folded form (ä→ae). */
export function fold(text: string): string {
  return foldVariants(text)[0];
}

/** Latin word tokens of a folded text; hyphens split ("E-Mobilität" → e, mobilitaet). */
export function tokens(folded: string): string[] {
  return folded.split(/[^\p{L}\p{N}]+/u).filter((t) => t.length > 0);
}

/**
 * Japanese key: folded, with katakana long-vowel/middle-dot variants removed so that
 * "レーザー"/"レーザ" and "光学・フォトニクス"/"光学フォトニクス" meet.
 */
export function jaKey(text: string): string {
  return fold(text)
    .replace(/[\s・･、，,.()（）「」]/g, '')
    .replace(/ー$/u, '');
}

// Only Latin combining accents: stripping all marks would turn ガ into カ (dakuten is a mark in NFD).
function stripMarks(s: string): string {
  return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').normalize('NFC');
}

function cleanSpaces(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}
