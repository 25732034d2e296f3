// Curated stop-word lists. `stopwords-iso` is resolvable (hoisted, a dependency of natural) but
// it is not a declared dependency of this project and its German list holds content words
// (mittel, ordnung, teil, zeit, neue, hoch), so small lists are kept here instead.
import type { Lang } from './text.types';

const words = (s: string): string[] => s.trim().split(/\s+/);

const GERMAN = words(`
  a ab aber alle allem allen aller alles als also am an andere anderen anderer anderes auch auf aus
  bei beide beim bereits bis bzw da dabei dadurch dafür daher damit dann darauf daraus darin darüber
  das dass daß dazu dem den denen der deren des dessen dich die dies diese diesem diesen dieser dieses
  doch dort du durch d.h eben ein eine einem einen einer eines er es etc etwa euch euer eure für
  gegen gibt hat hatte hatten hier hin ich ihm ihn ihnen ihr ihre ihrem ihren ihrer ihres im in
  indem ins ist ja je jede jedem jeden jeder jedes kann können könnte man mehr mein meine mich mir
  mit muss müssen nach neben nicht noch nun nur ob oder ohne sehr sei sein seine seinem seinen seiner
  seit sich sie sind so solche sollen sollte sondern sowie sowohl über um und uns unser unsere
  unserem unseren unserer unter usw vom von vor war waren weil welche welchem welchen welcher welches
  wenn wer werden wie wir wird wo wurde wurden z.b zu zum zur zwischen
  bieten bietet suchen sucht möchten wollen haben habe machen macht insbesondere
`);

const ENGLISH = words(`
  a about above after again against all also am an and any are as at be because been before being
  below between both but by can could did do does doing down during each few for from further had has
  have having he her here hers him his how i if in into is it its itself just me more most my no nor
  not of off on once only or other our ours out over own same she should so some such than that the
  their theirs them then there these they this those through to too under until up upon very via was
  we were what when where which while who whom why will with within would you your yours etc e.g i.e
  offer offers offering seek seeks seeking looking look provide provides providing including include
  includes well based using use
`);

// Particles, auxiliaries and function words as TinySegmenter emits them (after NFKC).
const JAPANESE = words(`
  の に は を た が で て と し れ さ ある いる も する から な こと として い や れる など なっ ない
  この ため その あっ よう また もの という あり まで られ なる へ か だ これ によって により おり
  より による ず なり られる において ば なかっ なく しかし について せ だっ それ う ので なお のみ
  でき き つ における および いう さらに でも ら たり に関する たち ます ん なら に対して せる 及び
  これら とき では にて ほか ながら うち そして とともに ただし または お ほど ものの に対する
  といった です とも ところ ここ おります います いた まし ました しています てい 行っ 行う 行い
  など 等 ご 弊 当 的 向け 向 用 おける 対応 提供 探し 探す 希望 求め
`);

/** Organisation-form and self-description words that carry no matching signal. */
const DOMAIN: Record<Lang, string[]> = {
  de: words(`
    gmbh ag kg co ohg gbr ug e.v ev mbh se firma firmen unternehmen unternehmens gruppe holding
    lösungen lösung kunden kunde partner partnern partnerschaft partnerschaften anbieter spezialist
    spezialisiert führender führende führend international internationale weltweit sitz
  `),
  en: words(`
    company companies corporation corp inc ltd llc plc gmbh ag co kg group holding holdings
    solutions solution customers customer clients client partner partners partnership partnerships
    provider leading leader specialist specialized specialised worldwide global international
  `),
  ja: words(`
    株式会社 有限会社 合同会社 合資会社 会社 当社 弊社 企業 我々 私たち グループ ソリューション
    パートナー 顧客 お客様 株 有 社
  `),
};

const STOP: Record<Lang, ReadonlySet<string>> = {
  de: new Set([...GERMAN, ...DOMAIN.de]),
  en: new Set([...ENGLISH, ...DOMAIN.en]),
  ja: new Set([...JAPANESE, ...DOMAIN.ja]),
};

/** True when a lower-cased token is a stop word (general or domain) in `lang`. */
export function isStopWord(lang: Lang, token: string): boolean {
  return STOP[lang].has(token);
}

/** Function words only (no domain words); used as evidence by the language detector. */
export const FUNCTION_WORDS: Readonly<Record<'de' | 'en', ReadonlySet<string>>> = {
  de: new Set(GERMAN),
  en: new Set(ENGLISH),
};

/**
 * Japanese domain phrases removed before segmentation and bigramming (株式会社 would otherwise
 * yield 株式/式会/会社 bigrams in every Japanese profile). Longest first.
 */
export const JA_DOMAIN_PHRASES: readonly string[] = [...DOMAIN.ja].filter((w) => w.length >= 2).sort((a, b) => b.length - a.length);

/**
 * Generic words of NACE titles (any language, compared on lower-cased surface form): they never
 * count as evidence for a NACE concept on their own.
 */
export const NACE_GENERIC_WORDS: ReadonlySet<string> = new Set(
  words(`
    manufacture manufacturing production produce products product other n.e.c nec activities activity
    service services support related equipment articles goods parts accessories retail wholesale sale
    sales trade except specialised specialized stores store repair installation renting leasing
    herstellung hergestellt produktion erzeugnisse erzeugnissen erzeugnis sonstige sonstiger sonstigen
    sonstiges a.n.g ang dienstleistungen dienstleistung tätigkeiten tätigkeit verbundene einzelhandel
    großhandel handel verkauf ausrüstung ausrüstungen geräte geräten waren zubehör teile reparatur
    installation vermietung
  `),
);

/** Generic pieces of Japanese NACE/JSIC-style titles, removed before extracting distinctive keys. */
export const JA_NACE_GENERIC: readonly string[] = [
  'その他の', 'その他', '製造業', '製造', '卸売業', '小売業', '業務', '事業', 'サービス業', 'サービス', '関連', '活動', '業', '等', '用品', '機器', '装置',
];
