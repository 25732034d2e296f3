import { FIXTURE_CONCEPTS } from './concept-fixture.spec-helper';
import { ConceptMatcher, japaneseNaceKeys } from './concept-matcher';
import type { ConceptEntry } from './concept.types';
import { normaliseJapanese } from './normalise';
import { createCachedStemmer } from './stem';

describe('ConceptMatcher', () => {
  const stem = createCachedStemmer();
  const matcher = new ConceptMatcher(FIXTURE_CONCEPTS, stem);
  const stream = (lang: 'de' | 'en', words: string[], parts: string[][] = []) => ({
    lang,
    stems: words.map((w) => stem(lang, w)),
    parts: words.map((_, i) => (parts[i] ?? []).map((p) => stem(lang, p))),
    weight: 1,
  });
  const ids = (hits: { id: string }[]) => hits.map((h) => h.id);

  it('matches single-word terms by stem, across inflections', () => {
    expect(ids(matcher.match({ latin: [stream('de', ['intraokularlinsen'])] }))).toContain('focus:ophthalmology');
    expect(ids(matcher.match({ latin: [stream('en', ['cataracts'])] }))).toContain('focus:ophthalmology');
  });

  it('matches multi-word terms as contiguous stem sequences only', () => {
    expect(ids(matcher.match({ latin: [stream('en', ['fuel', 'cells'])] }))).toContain('focus:hydrogen');
    expect(ids(matcher.match({ latin: [stream('en', ['cells', 'fuel'])] }))).not.toContain('focus:hydrogen');
    expect(ids(matcher.match({ latin: [stream('en', ['fuel', 'tank'])] }))).not.toContain('focus:hydrogen');
  });

  it('matches German compound parts against single-word terms', () => {
    const hits = matcher.match({ latin: [stream('de', ['laserbearbeitung'], [['laser', 'bearbeitung']])] });
    expect(ids(hits)).toContain('focus:optics');
  });

  it('matches Japanese terms as substrings of normalised text, katakana variants included', () => {
    const hits = matcher.match({ latin: [], ja: normaliseJapanese('白内障手術用の眼内レンズを製造') });
    expect(ids(hits)).toEqual(expect.arrayContaining(['focus:ophthalmology', 'focus:optics']));
    expect(ids(matcher.match({ latin: [], ja: normaliseJapanese('レーザ加工機') }))).toContain('focus:optics');
  });

  it('routes Latin-only Japanese terms (OCT) to the English index', () => {
    expect(ids(matcher.match({ latin: [stream('en', ['oct'])] }))).toContain('focus:ophthalmology');
  });

  it('counts each text position once per concept and ranks by score', () => {
    const hits = matcher.match({ latin: [stream('en', ['intraocular', 'lens', 'cataract'])] });
    const oph = hits.find((h) => h.id === 'focus:ophthalmology');
    expect(oph?.score).toBe(2);
    expect(hits[0].id).toBe('focus:ophthalmology');
    expect(oph?.matched).toEqual(expect.arrayContaining(['intraocular lens', 'cataract']));
  });

  describe('NACE titles', () => {
    it('ignore generic words: "manufacture" or "Herstellung" alone never fire', () => {
      expect(ids(matcher.match({ latin: [stream('en', ['manufacture', 'equipment'])] }))).toEqual([]);
      expect(ids(matcher.match({ latin: [stream('de', ['herstellung', 'geräten'])] }))).toEqual([]);
    });

    it('need two distinctive words of a long title', () => {
      expect(ids(matcher.match({ latin: [stream('en', ['optical'])] }))).not.toContain('nace:26.70');
      const hit = matcher.match({ latin: [stream('en', ['optical', 'instruments'])] }).find((h) => h.id === 'nace:26.70');
      expect(hit?.score).toBeCloseTo(2 / 3);
    });

    it('fire on the only distinctive word of a one-word title, but not on half of a two-word one', () => {
      const m = new ConceptMatcher(
        [{ id: 'nace:23.51', source: 'nace', terms: { en: ['Manufacture of cement'], de: ['Herstellung von Zement'], ja: [] } }, ...FIXTURE_CONCEPTS],
        stem,
      );
      expect(m.match({ latin: [stream('de', ['zement'])] })).toEqual([{ id: 'nace:23.51', source: 'nace', score: 1, matched: ['zement'] }]);
      expect(ids(m.match({ latin: [stream('en', ['batteries'])] }))).not.toContain('nace:27.20');
      expect(ids(m.match({ latin: [stream('en', ['batteries', 'and', 'accumulators'])] }))).toContain('nace:27.20');
    });

    it('treat stems shared by many titles as generic', () => {
      const titles: ConceptEntry[] = ['steel', 'glass', 'paper', 'cement', 'plastic'].map((w) => ({
        id: `nace:${w}`,
        source: 'nace',
        terms: { en: [`Precision ${w} components`], de: [], ja: [] },
      }));
      const m = new ConceptMatcher(titles, stem);
      expect(ids(m.match({ latin: [stream('en', ['precision', 'components'])] }))).toEqual([]);
      expect(ids(m.match({ latin: [stream('en', ['glass', 'components'])] }))).toEqual(['nace:glass']);
    });

    it('extract Japanese keys without generic words', () => {
      expect(japaneseNaceKeys('光学機械器具・レンズ製造業')).toEqual(['光学', '機械', '器具', 'レンズ']);
      expect(ids(matcher.match({ latin: [], ja: normaliseJapanese('光学レンズの製造') }))).toContain('nace:26.70');
      expect(ids(matcher.match({ latin: [], ja: normaliseJapanese('製造業') }))).toEqual([]);
    });
  });

  it('exposes the German words of the lexicon for the compound splitter', () => {
    expect(matcher.germanVocabulary.has('brennstoffzelle')).toBe(true);
    expect(matcher.germanVocabulary.has('augenheilkunde')).toBe(true);
  });
});
