import { isStopWord } from './stop-words';
import { japaneseBigrams, tokeniseEnglish, tokeniseGerman, tokeniseJapanese } from './tokenise';

describe('tokeniseGerman', () => {
  it('lower-cases and keeps umlauts and ß intact, including capital umlauts', () => {
    expect(tokeniseGerman('Größere Ölheizungen an der Straße')).toEqual(['größere', 'ölheizungen', 'an', 'der', 'straße']);
  });

  it('splits hyphenated words and drops numbers', () => {
    expect(tokeniseGerman('OCT-Systeme und E-Mobilität seit 1998')).toEqual(['oct', 'systeme', 'und', 'e', 'mobilität', 'seit']);
  });

  it('folds accents other than umlauts instead of splitting the word', () => {
    expect(tokeniseGerman('Café Müller')).toEqual(['cafe', 'müller']);
  });

  it('ignores Japanese characters', () => {
    expect(tokeniseGerman('Linsen 眼内レンズ')).toEqual(['linsen']);
  });
});

describe('tokeniseEnglish', () => {
  it('is Unicode-aware and strips possessives', () => {
    expect(tokeniseEnglish("The company's naïve Zürich office builds 5G lenses")).toEqual([
      'the', 'company', 'naïve', 'zürich', 'office', 'builds', '5g', 'lenses',
    ]);
  });

  it('normalises full-width Latin (NFKC)', () => {
    expect(tokeniseEnglish('ＯＣＴ devices')).toEqual(['oct', 'devices']);
  });
});

describe('tokeniseJapanese', () => {
  it('segments with TinySegmenter and drops particles, auxiliaries and punctuation', () => {
    const { tokens } = tokeniseJapanese('白内障手術用の眼内レンズを製造しています。');
    expect(tokens).toEqual(expect.arrayContaining(['眼内', 'レンズ', '製造']));
    for (const particle of ['の', 'を', 'し', 'て', 'い', 'ます', '。']) expect(tokens).not.toContain(particle);
  });

  it('recovers compounds TinySegmenter splits badly through kanji bigrams', () => {
    const { tokens, bigrams } = tokeniseJapanese('白内障手術用の眼内レンズ');
    expect(tokens).not.toContain('手術');
    expect(bigrams).toEqual(expect.arrayContaining(['白内', '内障', '手術', '眼内', 'レンズ']));
  });

  it('removes company-form phrases before segmenting, so they yield no bigrams', () => {
    const { tokens, bigrams } = tokeniseJapanese('株式会社ニコンはレーザー加工機を開発');
    expect(bigrams).not.toContain('会社');
    expect(bigrams).not.toContain('株式');
    expect(tokens).toContain('ニコン');
  });

  it('stems katakana runs in bigram output (final ー dropped)', () => {
    expect(japaneseBigrams('レーザー加工')).toEqual(['レーザ', '加工']);
  });

  it('leaves Latin tokens to the Latin pipeline', () => {
    expect(tokeniseJapanese('OCT装置を製造').tokens).toEqual(['装置', '製造']);
  });
});

describe('isStopWord', () => {
  it('covers function words and domain words per language', () => {
    expect(isStopWord('de', 'und')).toBe(true);
    expect(isStopWord('de', 'gmbh')).toBe(true);
    expect(isStopWord('de', 'unternehmen')).toBe(true);
    expect(isStopWord('en', 'the')).toBe(true);
    expect(isStopWord('en', 'solutions')).toBe(true);
    expect(isStopWord('ja', 'ます')).toBe(true);
    expect(isStopWord('ja', '株式会社')).toBe(true);
    expect(isStopWord('de', 'linsen')).toBe(false);
    expect(isStopWord('en', 'lens')).toBe(false);
    expect(isStopWord('ja', '眼科')).toBe(false);
  });
});
