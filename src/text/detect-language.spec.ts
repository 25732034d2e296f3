import { detectLanguage, detectLatinLanguage } from './detect-language';

describe('detectLanguage', () => {
  it.each([
    ['Vertrieb in Europa', 'de'],
    ['Wir entwickeln Intraokularlinsen und OCT-Systeme für die Augenheilkunde.', 'de'],
    ['Forschung und Entwicklung', 'de'],
    ['Zulieferer Automobilindustrie', 'de'],
    ['Brennstoffzellen für Fahrzeuge', 'de'],
    ['contract manufacturing of optical lenses', 'en'],
    ['We manufacture intraocular lenses for cataract surgery.', 'en'],
    ['research and development', 'en'],
    ['sales partner in Japan', 'en'],
    ['fuel cells for vehicles', 'en'],
    ['白内障手術用の眼内レンズを製造しています。', 'ja'],
    ['車載用燃料電池', 'ja'],
    ['眼内レンズ (IOL) の製造', 'ja'],
  ])('%s → %s', (text, lang) => {
    const guess = detectLanguage(text);
    expect(guess.lang).toBe(lang);
    expect(guess.confidence).toBeGreaterThan(0.2);
    expect(guess.confidence).toBeLessThanOrEqual(1);
  });

  it('returns und with zero confidence for empty or evidence-free text', () => {
    expect(detectLanguage('')).toEqual({ lang: 'und', confidence: 0 });
    expect(detectLanguage('   12345 ')).toEqual({ lang: 'und', confidence: 0 });
    expect(detectLanguage('OCT').lang).toBe('und');
  });

  it('is more confident on a sentence than on a two-word phrase', () => {
    const phrase = detectLanguage('Optische Komponenten').confidence;
    const sentence = detectLanguage('Wir suchen Vertriebspartner für unsere optischen Komponenten in Japan und Korea.').confidence;
    expect(sentence).toBeGreaterThan(phrase);
  });

  it('treats umlauts and ß as strong German evidence', () => {
    expect(detectLatinLanguage('Größe').lang).toBe('de');
    expect(detectLatinLanguage('Lösungen').lang).toBe('de');
  });

  it('is less sure of kanji-only text (could be Chinese) than of text with kana', () => {
    expect(detectLanguage('再生医療').confidence).toBeLessThan(detectLanguage('再生医療の研究').confidence);
  });
});
