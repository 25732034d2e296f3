import { kindNames } from './activity-lexicon';
import { analyseProfile, expandAbbreviations, INHERITED_DOMAIN, PHRASE_WEIGHT, splitSentences } from './prepare-profile';
import { fixtureEnv, input, pool } from './scoring-fixture.spec-helper';

describe('splitSentences', () => {
  it('splits Latin and Japanese sentences but not after company abbreviations', () => {
    expect(splitSentences('Hikari Co., Ltd. is based in Hamamatsu. We offer lasers! Looking for partners?')).toEqual([
      'Hikari Co., Ltd. is based in Hamamatsu.',
      'We offer lasers!',
      'Looking for partners?',
    ]);
    expect(splitSentences('浜松の企業です。レーザーを提供しています。')).toEqual(['浜松の企業です。', 'レーザーを提供しています。']);
    expect(splitSentences('')).toEqual([]);
  });
});

describe('activity kinds of phrases', () => {
  const env = fixtureEnv();
  const kindsOf = (text: string) => kindNames(analyseProfile(input('x', { offers: [text] }), env).offers[0].kinds);

  it.each([
    ['Vertriebspartner in Japan für Medizinprodukte', ['distribution']],
    ['欧州での医療機器の販売代理店', ['distribution']],
    ['a sales channel for medical equipment in Japan', ['distribution']],
    ['joint R&D in photonics', ['rd']],
    ['gemeinsame FuE im Bereich Optik', ['rd']],
    ['共同研究開発のパートナー', ['rd']],
    ['after-sales service for lasers', ['service']],
    ['医療機器の据付・立ち上げ', ['service']],
    ['clinical trials in ophthalmology clinics', ['testing']],
    ['眼科クリニックでの臨床試験', ['testing']],
    ['access to a regional cluster network in optics', ['network']],
    ['Auftragsfertigung optischer Linsen', ['manufacturing']],
    ['catheter components', ['component']],
    ['development and production of gear wheels', ['goods']],
    ['laser diodes', ['goods']],
  ])('%s → %j', (text, kinds) => {
    expect(kindsOf(text)).toEqual(kinds);
  });

  it('does not read a sector into a generic word left over from a stop-word phrase ("IT services" → services)', () => {
    const phrase = analyseProfile(input('x', { offers: ['patient care services'] }), env).offers[0];
    expect([...phrase.focus.keys()]).not.toContain('software-ict');
    expect(kindNames(phrase.kinds)).toEqual(['goods']);
  });

  it('keeps R&D visible to the tokenisers', () => {
    expect(expandAbbreviations('joint R&D and F&E')).toBe('joint  RnD  and  FuE ');
  });
});

describe('prepareProfile', () => {
  it('turns cue sentences of the description into weighted offers and seeks; other sentences into weak offers', () => {
    const a = analyseProfile(
      input('x', { description: 'Hikari KK is a maker of optical systems. We are looking for distributors of laser diodes in Europe. Founded in 1950.' }),
      fixtureEnv(),
    );
    expect(a.seeks.map((s) => [s.text, s.source, s.weight])).toEqual([['We are looking for distributors of laser diodes in Europe.', 'description', PHRASE_WEIGHT.statedInDescription]]);
    // The founding sentence names no sector and is dropped.
    expect(a.offers.map((s) => [s.text, s.weight])).toEqual([['Hikari KK is a maker of optical systems.', PHRASE_WEIGHT.otherSentence]]);
  });

  it('gives a phrase without its own sector the profile’s domains, damped', () => {
    const p = pool(input('x', { sectors: ['26.70'], offers: ['lasers', 'joint projects with universities'] })).x;
    const env = fixtureEnv();
    const optics = env.domainIndex.get('optics-photonics')!;
    const [own, inherited] = p.offers;
    expect(own.inheritedDomains).toBe(false);
    expect([...own.domains]).toEqual([optics]);
    expect(inherited.inheritedDomains).toBe(true);
    const i = [...inherited.domains].indexOf(optics);
    // The code and the text agree on optics: profile weight 1, inherited at INHERITED_DOMAIN.
    expect(inherited.domainWeights[i]).toBeCloseTo(INHERITED_DOMAIN, 12);
  });

  it('resolves JSIC codes, canonicalises NACE spellings and builds bit sets', () => {
    const p = pool(input('x', { sectors: ['C26.70', '2670', 'nonsense'], cooperation: ['rd', 'supply'], languages: ['DE', 'en'] })).x;
    expect([...p.codes].map((c) => p.env.code(c))).toEqual(['26.70']);
    expect(p.cooperation).toBe((1 << 0) | (1 << 3));
    expect(p.languageCodes).toEqual(['de', 'en']);
    expect(p.languages & p.env.languageBit('de')).not.toBe(0);
  });

  it('produces unit-length phrase and description vectors', () => {
    const p = pool(input('x', { offers: ['laser diodes'], description: 'We build laser diodes in Jena.' }), input('y', { offers: ['gear wheels'] })).x;
    const norm = (v: Float64Array) => Math.sqrt(v.reduce((s, x) => s + x * x, 0));
    expect(norm(p.offers[0].terms.values)).toBeCloseTo(1, 12);
    expect(norm(p.description.values)).toBeCloseTo(1, 12);
  });
});
