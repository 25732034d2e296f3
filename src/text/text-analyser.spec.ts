import { FIXTURE_CONCEPTS } from './concept-fixture.spec-helper';
import { cosine, sharedFeatures } from './term-vector';
import { conceptIds, createTextAnalyser } from './text-analyser';

describe('createTextAnalyser', () => {
  const analyser = createTextAnalyser(FIXTURE_CONCEPTS);

  const DE_OPH = 'Wir entwickeln Intraokularlinsen und OCT-Systeme für die Augenheilkunde.';
  const EN_OPH = 'We manufacture intraocular lenses for cataract surgery.';
  const JA_OPH = '白内障手術用の眼内レンズを製造しています。';

  it('finds the ophthalmology concept in German, English and Japanese descriptions', () => {
    for (const text of [DE_OPH, EN_OPH, JA_OPH]) expect(conceptIds(analyser.analyse(text).concepts)).toContain('focus:ophthalmology');
  });

  it('returns language, content tokens and prefixed stems', () => {
    const de = analyser.analyse(DE_OPH);
    expect(de.lang).toBe('de');
    expect(de.tokens).not.toContain('und');
    expect(de.stems).toEqual(expect.arrayContaining(['de:intraokularlins', 'de:augenheilkund', 'de:oct', 'de:system']));
    const en = analyser.analyse(EN_OPH);
    expect(en.stems).toEqual(expect.arrayContaining(['en:intraocular', 'en:lens', 'en:cataract']));
    const ja = analyser.analyse(JA_OPH);
    expect(ja.lang).toBe('ja');
    expect(ja.stems).toEqual(expect.arrayContaining(['ja:眼内', 'ja:レンズ', 'ja:製造']));
    expect(ja.bigrams).toEqual(expect.arrayContaining(['jb:白内', 'jb:内障', 'jb:手術']));
  });

  it('splits German compounds into part features and keeps the whole word', () => {
    const a = analyser.analyse('Medizintechnik');
    expect(a.stems).toEqual(['de:medizintechn']);
    expect(a.parts).toEqual(['de:medizin', 'de:technik']);
    expect(analyser.splitCompound('Medizintechnik')).toEqual(['medizin', 'technik']);
    expect(analyser.splitCompound('Brennstoffzellen')).toEqual(['brennstoff', 'zelle']);
  });

  it('shares hydrogen and automotive concepts across the three languages', () => {
    for (const text of ['Brennstoffzellen für Fahrzeuge', 'fuel cells for vehicles', '車載用燃料電池']) {
      expect(conceptIds(analyser.analyse(text).concepts)).toEqual(expect.arrayContaining(['focus:hydrogen', 'focus:automotive']));
    }
  });

  it('finds a term inside a German compound (Laserbearbeitung contains laser)', () => {
    expect(conceptIds(analyser.analyse('Laserbearbeitung von Metallen').concepts)).toContain('focus:optics');
  });

  it('matches English terms used in German text, at a reduced weight', () => {
    const hit = analyser.analyse('Wir liefern Komponenten für Fuel Cells').concepts.find((c) => c.id === 'focus:hydrogen');
    expect(hit?.score).toBe(0.5);
  });

  it('analyses the Latin words inside Japanese text', () => {
    const a = analyser.analyse('OCT装置を製造');
    expect(a.stems).toContain('en:oct');
    expect(conceptIds(a.concepts)).toContain('focus:ophthalmology');
  });

  it('honours a given language and handles empty text', () => {
    expect(analyser.analyse('Laser', { lang: 'de' }).stems).toEqual(['de:las']);
    expect(analyser.analyse('   ')).toEqual({ lang: 'und', tokens: [], stems: [], parts: [], bigrams: [], concepts: [] });
  });

  it('keeps no state between analyses (same input, same output)', () => {
    const first = analyser.analyse(DE_OPH);
    analyser.analyse(JA_OPH);
    expect(analyser.analyse(DE_OPH)).toEqual(first);
  });

  describe('term vectors', () => {
    const docs = [
      [{ text: DE_OPH, weight: 1 }, { text: 'Vertrieb in Europa', weight: 0.5 }],
      [{ text: JA_OPH, weight: 1 }],
      [{ text: 'Wir bieten Logistik und Spedition für Lebensmittel in Süddeutschland.', weight: 1 }],
      [{ text: '物流倉庫の運営と国際輸送を行っています。', weight: 1 }],
      [{ text: 'Brennstoffzellen für Fahrzeuge', weight: 1 }],
      [{ text: '車載用燃料電池の開発', weight: 1 }],
      [{ text: 'We build software for hotel booking.', weight: 1 }],
    ];
    const corpus = analyser.buildCorpus(docs);

    it('weights fields and adds prefixed concept features', () => {
      const v = analyser.buildTermVector(docs[0]);
      expect(v.get('c:focus:ophthalmology')).toBeGreaterThan(0);
      expect(v.get('de:vertrieb')).toBe(0.5);
      expect(v.get('de:intraokularlins')).toBe(1);
      expect(v.get('de:lins')).toBe(0.5);
    });

    it('makes a German and a Japanese description with shared concepts similar', () => {
      const sim = cosine(corpus.vectors[0], corpus.vectors[1]);
      expect(sim).toBeGreaterThan(0.2);
      expect(sharedFeatures(corpus.vectors[0], corpus.vectors[1])[0].feature).toBe('c:focus:ophthalmology');
      expect(cosine(corpus.vectors[4], corpus.vectors[5])).toBeGreaterThan(0.2);
    });

    it('keeps unrelated descriptions near zero', () => {
      expect(cosine(corpus.vectors[0], corpus.vectors[3])).toBeLessThan(0.05);
      expect(cosine(corpus.vectors[1], corpus.vectors[6])).toBeLessThan(0.05);
      expect(cosine(corpus.vectors[4], corpus.vectors[0])).toBeLessThan(0.05);
    });

    it('produces unit vectors and an idf table over the corpus', () => {
      expect(corpus.idf.documentCount).toBe(docs.length);
      for (const vec of corpus.vectors) {
        let sum = 0;
        for (const x of vec.values()) sum += x * x;
        expect(Math.sqrt(sum)).toBeCloseTo(1);
      }
    });
  });

  it('vectorises thousands of short profiles quickly (well under 5 ms each)', () => {
    const texts = [DE_OPH, EN_OPH, JA_OPH, 'Brennstoffzellen für Nutzfahrzeuge', 'cold chain logistics across Europe', 'iPS細胞を用いた再生医療の研究開発'];
    const docs = Array.from({ length: 3000 }, (_, i) => [{ text: `${texts[i % texts.length]} ${texts[(i * 5 + 1) % texts.length]} ${i}`, weight: 1 }]);
    const start = performance.now();
    const corpus = analyser.buildCorpus(docs);
    const msPerProfile = (performance.now() - start) / docs.length;
    expect(corpus.vectors).toHaveLength(3000);
    expect(msPerProfile).toBeLessThan(5);
  });
});
