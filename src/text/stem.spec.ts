import { createCachedStemmer, stemToken } from './stem';

describe('stemToken', () => {
  it('lower-cases before stemming (natural does not)', () => {
    expect(stemToken('de', 'Linsen')).toBe(stemToken('de', 'linse'));
    expect(stemToken('en', 'Lenses')).toBe('lens');
  });

  it('conflates German inflections with PorterStemmerDe, umlauts folded', () => {
    expect(stemToken('de', 'Intraokularlinsen')).toBe(stemToken('de', 'Intraokularlinse'));
    expect(stemToken('de', 'Fahrzeuge')).toBe(stemToken('de', 'Fahrzeug'));
    expect(stemToken('de', 'größere')).toBe('gross');
    expect(stemToken('de', 'System')).toBe(stemToken('de', 'Systeme'));
  });

  it('conflates English inflections with PorterStemmer, lens pinned', () => {
    expect(stemToken('en', 'lens')).toBe(stemToken('en', 'lenses'));
    expect(stemToken('en', 'vehicles')).toBe(stemToken('en', 'vehicle'));
    expect(stemToken('en', 'optical')).toBe(stemToken('en', 'optics'));
  });

  it('uses StemmerJa only on katakana (final ー), leaving kanji alone', () => {
    expect(stemToken('ja', 'レーザー')).toBe('レーザ');
    expect(stemToken('ja', 'コンピューター')).toBe('コンピュータ');
    expect(stemToken('ja', 'レンズ')).toBe('レンズ');
    expect(stemToken('ja', '眼内')).toBe('眼内');
  });
});

describe('createCachedStemmer', () => {
  it('returns the same stems as stemToken and keeps languages apart', () => {
    const stem = createCachedStemmer(2);
    expect(stem('de', 'linsen')).toBe(stemToken('de', 'linsen'));
    expect(stem('en', 'linsen')).toBe(stemToken('en', 'linsen'));
    expect(stem('de', 'linsen')).toBe(stemToken('de', 'linsen'));
    expect(stem('en', 'vehicles')).toBe('vehicl');
  });
});
