import { GERMAN_TECHNICAL_WORDS, GermanCompoundSplitter } from './german-compound-splitter';

describe('GermanCompoundSplitter', () => {
  const splitter = new GermanCompoundSplitter([...GERMAN_TECHNICAL_WORDS, 'brennstoffzelle']);

  it.each([
    ['medizintechnik', ['medizin', 'technik']],
    ['laserbearbeitung', ['laser', 'bearbeitung']],
    ['batteriespeicher', ['batterie', 'speicher']],
    ['umweltschutz', ['umwelt', 'schutz']],
  ])('splits %s', (word, parts) => {
    expect(splitter.split(word)).toEqual(parts);
  });

  it('handles linking elements (-n-, -s-, -en-) and keeps the vocabulary form', () => {
    expect(splitter.split('augenheilkunde')).toEqual(['augen', 'heilkunde']);
    expect(splitter.split('forschungseinrichtung')).toEqual(['forschung', 'einrichtung']);
    expect(splitter.split('beschichtungsanlagen')).toEqual(['beschichtung', 'anlagen']);
  });

  it('strips the inflection of the last part (Brennstoffzellen → zelle)', () => {
    expect(splitter.split('brennstoffzellen')).toEqual(['brennstoff', 'zelle']);
  });

  it('prefers fewest parts and flattens known inner compounds', () => {
    expect(splitter.split('brennstoffzellenfahrzeuge')).toEqual(['brennstoffzelle', 'brennstoff', 'zelle', 'fahrzeug']);
  });

  it('falls back to the known head when the modifier is unknown', () => {
    expect(splitter.split('intraokularlinsen')).toEqual(['intraokular', 'linse']);
  });

  it('does not split simple words, short words or lexicalised compounds', () => {
    for (const w of ['herstellung', 'entwicklung', 'vertrieb', 'forschung', 'beratung', 'produktion', 'zulieferer', 'wasserstoff', 'laser']) {
      expect(splitter.split(w)).toEqual([]);
    }
  });

  it('never produces parts shorter than the minimum', () => {
    const strict = new GermanCompoundSplitter(['rad', 'fahrrad', 'fahr', 'technik'], { minPartLength: 4 });
    expect(strict.split('fahrradtechnik')).toEqual(['fahrrad', 'technik']);
    expect(strict.split('radtechnik')).toEqual([]);
  });
});
