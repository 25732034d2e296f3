import { fold, foldVariants, hasCjk, jaKey, tokens } from './text-fold';

describe('text folding', () => {
  it('folds German umlauts both to ae and to the bare vowel', () => {
    expect(foldVariants('Ärzte')).toEqual(['aerzte', 'arzte']);
    expect(fold('Großhandel')).toBe('grosshandel');
    expect(fold('Aerzte')).toBe('aerzte');
    expect(foldVariants('Optik')).toEqual(['optik']);
  });

  it('normalises width and case', () => {
    expect(fold('ＬＥＤ')).toBe('led');
    expect(fold('ｶﾒﾗ')).toBe('カメラ');
  });

  it('keeps Japanese voiced marks (ガ is not カ)', () => {
    expect(fold('ガラス')).toBe('ガラス');
    expect(fold('バッテリー')).toBe('バッテリー');
  });

  it('splits Latin words on punctuation and hyphens', () => {
    expect(tokens(fold('E-Mobilität, Laden'))).toEqual(['e', 'mobilitaet', 'laden']);
  });

  it('detects kana and kanji', () => {
    expect(hasCjk('光学')).toBe(true);
    expect(hasCjk('iPS細胞')).toBe(true);
    expect(hasCjk('optics')).toBe(false);
  });

  it('makes Japanese keys insensitive to a trailing long vowel and middle dots', () => {
    expect(jaKey('レーザー')).toBe(jaKey('レーザ'));
    expect(jaKey('光学・フォトニクス')).toBe('光学フォトニクス');
  });
});
