// Deterministic synthetic DE/JP profiles for tests and the match benchmark: multilingual offers,
// seeks and descriptions from a small phrase grammar over the focus sectors' own vocabulary, so the
// inverted index sees realistic key sharing (dense sector/domain keys, sparse product terms).
import { COOPERATION_TYPES, type CooperationType } from '../../profiles/profile.types';
import type { ScoringInput } from '../../scoring/core';
import type { FocusSector } from '../../taxonomy/core';

type Lang = 'de' | 'en' | 'ja';

/** mulberry32: tiny, fast, deterministic. */
export function createRandom(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const REGIONS = {
  DE: ['Jena', 'Leipzig', 'Baden-Württemberg', 'Bavaria', 'Essen', 'Berlin', 'Hamburg'],
  JP: ['Hamamatsu', 'Kobe', 'Toyohashi', 'Tokyo', 'Hitachi', 'Kitakyushu', 'Koriyama', 'Fukushima'],
} as const;

const ADJ: Record<Lang, string[]> = {
  en: ['precision', 'compact', 'high-performance', 'custom', 'industrial', 'automated', 'low-cost', 'digital', 'modular', 'miniaturised'],
  de: ['präzise', 'kompakte', 'kundenspezifische', 'industrielle', 'automatisierte', 'digitale', 'modulare', 'leistungsstarke'],
  ja: ['高精度', '小型', '高性能', '産業用', 'カスタム', '自動', '低コスト', 'モジュール式'],
};

const OFFER: Record<Lang, string[]> = {
  en: ['{t}', '{a} {t}', '{t} for {u}', 'contract manufacturing of {t}', 'joint R&D in {t}', 'testing services for {t}', '{t} components', 'licensing of {t} technology', 'installation and maintenance of {t}'],
  de: ['{t}', '{a} {t}', '{t} für {u}', 'Auftragsfertigung von {t}', 'gemeinsame FuE im Bereich {t}', 'Prüfstand für {t}', 'Komponenten für {t}', 'Lizenzen für {t}', 'Wartung und Installation von {t}'],
  ja: ['{t}', '{a}{t}', '{u}向け{t}', '{t}の受託製造', '{t}の共同研究', '{t}の試験サービス', '{t}の部品', '{t}の技術ライセンス', '{t}の保守'],
};

const SEEK: Record<Lang, string[]> = {
  en: ['distribution partners for {t} in {c}', 'suppliers of {t}', 'research partners in {t}', 'contract manufacturers for {t}', 'pilot users for {t}', '{t} components', '{a} {t}', 'market entry support for {t}'],
  de: ['Vertriebspartner für {t} in {c}', 'Lieferanten für {t}', 'Forschungspartner im Bereich {t}', 'Auftragsfertigung von {t}', 'Pilotanwender für {t}', 'Komponenten für {t}', '{a} {t}', 'Markteintritt für {t}'],
  ja: ['{c}での{t}の販路', '{t}の調達先', '{t}の共同研究パートナー', '{t}の受託製造先', '{t}の実証パートナー', '{t}の部品', '{a}{t}', '{t}の市場参入支援'],
};

const DESCRIPTION: Record<Lang, { intro: string; offer: string; seek: string; other: string[] }> = {
  en: { intro: '{n}, based in {r}, works in {s}.', offer: 'We offer {t} and {t2}.', seek: 'We are looking for partners for {t}.', other: ['Founded in {y}.', 'We export to more than {k} countries.', 'Member of the regional cluster.'] },
  de: { intro: '{n} mit Sitz in {r} ist im Bereich {s} tätig.', offer: 'Wir bieten {t} und {t2}.', seek: 'Wir suchen Partner für {t}.', other: ['Gegründet {y}.', 'Wir exportieren in über {k} Länder.', 'Mitglied im regionalen Cluster.'] },
  ja: { intro: '{n}は{r}を拠点に{s}の分野で事業を行っています。', offer: '{t}と{t2}を提供しています。', seek: '{t}のパートナーを探しています。', other: ['{y}年創業。', '{k}か国以上に輸出しています。', '地域クラスターの会員です。'] },
};

const COUNTRY_NAME: Record<Lang, Record<'DE' | 'JP', string>> = {
  en: { DE: 'Germany', JP: 'Japan' },
  de: { DE: 'Deutschland', JP: 'Japan' },
  ja: { DE: 'ドイツ', JP: '日本' },
};

const NAME_PARTS = {
  DE: { a: ['Becker', 'Neumann', 'Schmidt', 'Hoffmann', 'Krause', 'Wagner', 'Richter', 'Vogel', 'Lorenz', 'Engel'], b: ['Technik GmbH', 'Systems AG', 'Werke KG', 'Labs GmbH', 'Solutions GmbH'] },
  JP: { a: ['Yamada', 'Suzuki', 'Takahashi', 'Tanaka', 'Watanabe', 'Ito', 'Nakamura', 'Kobayashi', 'Kato', 'Sato'], b: ['Seiki Co., Ltd.', 'Kogyo K.K.', 'Electric Co.', 'Materials Inc.', 'Works Ltd.'] },
} as const;

export interface SyntheticOptions {
  seed?: number;
  /** Share of profiles with no NACE codes (default 0.15). */
  noCodeShare?: number;
  /** Id prefix (default "p"); ids are zero-padded so string order equals creation order. */
  prefix?: string;
}

/** N profiles, about half DE and half JP, over the given focus sectors (taxonomy.focusSectors()). */
export function generateSyntheticInputs(n: number, sectors: readonly FocusSector[], options: SyntheticOptions = {}): ScoringInput[] {
  const rnd = createRandom(options.seed ?? 1);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
  // Skewed sector popularity (a few big sectors, a long tail), as in real events.
  const popularity = sectors.map((_, i) => 1 / (1 + i * 0.35));
  const total = popularity.reduce((s, v) => s + v, 0);
  const pickSector = (): FocusSector => {
    let r = rnd() * total;
    for (let i = 0; i < sectors.length; i++) if ((r -= popularity[i]) <= 0) return sectors[i];
    return sectors[sectors.length - 1];
  };
  const byId = new Map(sectors.map((s) => [s.id, s]));
  const related = (s: FocusSector): FocusSector => {
    const rel = s.related.filter((r) => byId.has(r.id));
    return rel.length > 0 && rnd() < 0.6 ? byId.get(pick(rel).id)! : rnd() < 0.7 ? s : pickSector();
  };
  const width = String(Math.max(1, n - 1)).length;
  const out: ScoringInput[] = [];
  for (let i = 0; i < n; i++) {
    const country: 'DE' | 'JP' = rnd() < 0.5 ? 'DE' : 'JP';
    const other = country === 'DE' ? 'JP' : 'DE';
    const own: Lang = country === 'DE' ? 'de' : 'ja';
    const textLang = (): Lang => (rnd() < 0.55 ? own : 'en');
    const main = pickSector();
    const second = rnd() < 0.3 ? related(main) : null;
    const term = (s: FocusSector, lang: Lang) => pick(s.synonyms[lang].length > 0 ? s.synonyms[lang] : s.synonyms.en);
    const fill = (tpl: string, s: FocusSector, lang: Lang) =>
      tpl
        .replaceAll('{t}', term(s, lang))
        .replaceAll('{a}', pick(ADJ[lang]))
        .replaceAll('{u}', term(pickSector(), lang))
        .replaceAll('{c}', COUNTRY_NAME[lang][other]);
    const offers: string[] = [];
    const seeks: string[] = [];
    const nOffers = 1 + Math.floor(rnd() * 3);
    for (let k = 0; k < nOffers; k++) {
      const lang = textLang();
      offers.push(fill(pick(OFFER[lang]), k === 0 || !second ? main : second, lang));
    }
    const nSeeks = rnd() < 0.1 ? 0 : 1 + Math.floor(rnd() * 2);
    for (let k = 0; k < nSeeks; k++) {
      const lang = textLang();
      seeks.push(fill(pick(SEEK[lang]), related(main), lang));
    }
    const codes: string[] = [];
    if (rnd() >= (options.noCodeShare ?? 0.15)) {
      codes.push(pick(main.nace));
      if (second && rnd() < 0.5) codes.push(pick(second.nace));
    }
    const parts = NAME_PARTS[country];
    const name = `${pick(parts.a)} ${pick(parts.b)}`;
    const region = pick(REGIONS[country]);
    const dl = textLang();
    const d = DESCRIPTION[dl];
    const sentences = [d.intro.replace('{n}', name).replace('{r}', region).replace('{s}', main.labels[dl])];
    if (rnd() < 0.7) sentences.push(d.offer.replace('{t}', term(main, dl)).replace('{t2}', term(second ?? main, dl)));
    if (rnd() < 0.5) sentences.push(d.seek.replace('{t}', term(related(main), dl)));
    if (rnd() < 0.6) sentences.push(pick(d.other).replace('{y}', String(1950 + Math.floor(rnd() * 70))).replace('{k}', String(3 + Math.floor(rnd() * 40))));
    const cooperation: CooperationType[] = COOPERATION_TYPES.filter(() => rnd() < 0.3);
    const languages = country === 'DE' ? (rnd() < 0.8 ? ['de', 'en'] : ['de']) : rnd() < 0.6 ? ['ja', 'en'] : ['ja'];
    out.push({
      id: `${options.prefix ?? 'p'}${String(i).padStart(width, '0')}`,
      name,
      country,
      region,
      sectors: codes,
      offers,
      seeks,
      cooperation: rnd() < 0.1 ? [] : cooperation,
      languages: rnd() < 0.03 ? [] : languages,
      description: rnd() < 0.1 ? '' : sentences.join(dl === 'ja' ? '' : ' '),
    });
  }
  return out;
}
