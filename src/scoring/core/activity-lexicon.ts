// What KIND of thing a phrase offers or seeks, independent of its domain: a distributor who seeks
// products is not served by another distributor, however close their sectors. The cues are
// multilingual concept entries ("act:<kind>") fed to the same ConceptMatcher as the taxonomy, so
// stemming, German compounds (Vertriebspartner ⊃ Vertrieb) and Japanese substrings work alike.
// Bare generic words ("service", "test", "network", 開発) are left out on purpose: they occur inside
// product names (rapid tests, sewer network) and would mislabel goods.
import type { ConceptEntry } from '../../text';
import { ACTIVITY_KINDS, type ActivityKind } from './scoring.types';

export const ACTIVITY_PREFIX = 'act:';

type Terms = { en: string[]; de: string[]; ja: string[] };

const CUES: Record<ActivityKind, Terms> = {
  // Goods are the default (a phrase without any other cue); explicit supplier words add nothing.
  goods: { en: [], de: [], ja: [] },
  component: {
    en: ['component', 'components', 'parts', 'module', 'modules', 'subassembly', 'subassemblies', 'assemblies', 'materials'],
    de: ['Komponente', 'Komponenten', 'Teile', 'Bauteile', 'Baugruppe', 'Baugruppen', 'Modul', 'Module', 'Materialien', 'Werkstoffe'],
    ja: ['部品', '部材', 'モジュール', 'コンポーネント', '材料', '素材'],
  },
  manufacturing: {
    en: ['contract manufacturing', 'contract production', 'CDMO', 'CMO', 'OEM manufacturing', 'OEM production', 'toll manufacturing', 'manufacturing services', 'contract development and manufacturing'],
    de: ['Auftragsfertigung', 'Lohnfertigung', 'Auftragsherstellung', 'Auftragsproduktion', 'Lohnherstellung', 'CDMO', 'im Auftrag'],
    ja: ['受託製造', '受託生産', '製造受託', '製造委託', 'CDMO', 'OEM生産', '受託加工'],
  },
  distribution: {
    en: ['sales channel', 'sales channels', 'sales network', 'sales representative', 'sales representatives', 'sales and service network', 'distribution', 'distributor', 'distributors', 'market access', 'market entry', 'import', 'importer', 'reseller', 'resellers', 'dealer', 'dealers', 'sales agent', 'sales agents', 'sales representation', 'go-to-market'],
    de: ['Vertrieb', 'Vertriebspartner', 'Vertriebsnetz', 'Vertriebskanal', 'Händler', 'Händlernetz', 'Handelspartner', 'Marktzugang', 'Markteintritt', 'Import', 'Importeur', 'Absatzkanal', 'Absatzmarkt', 'Wiederverkäufer', 'Handelsvertretung', 'Vertretung'],
    ja: ['販路', '販売', '代理店', '販売網', '輸入', '商社', '卸売', '市場参入', '流通', 'ディストリビューター', '市場開拓', '販売店'],
  },
  service: {
    en: ['installation', 'installer', 'system integration', 'systems integration', 'integrator', 'turnkey', 'after-sales service', 'aftersales', 'maintenance', 'commissioning', 'service network', 'repair', 'retrofit', 'field service', 'technical support'],
    de: ['Installation', 'Installationspartner', 'Servicepartner', 'Servicenetz', 'Kundendienst', 'Systemintegration', 'Systemintegrator', 'schlüsselfertig', 'schlüsselfertige', 'After-Sales', 'Wartung', 'Instandhaltung', 'Inbetriebnahme', 'Reparatur', 'Nachrüstung'],
    ja: ['据付', '据え付け', '立ち上げ', '保守', 'システムインテグレーション', 'システム統合', 'アフターサービス', 'メンテナンス', '設置', '施工', '修理', 'インテグレーター', 'ターンキー', '導入支援'],
  },
  testing: {
    en: ['clinical trial', 'clinical trials', 'clinical study', 'clinical studies', 'clinical evaluation', 'clinical validation', 'field testing', 'field test', 'field tests', 'field trial', 'field trials', 'user testing', 'usability', 'test site', 'test track', 'test bed', 'testbed', 'test field', 'test operation', 'proving ground', 'validation', 'trial', 'trials', 'pilot', 'pilots', 'evaluation', 'demonstration', 'play tests', 'playtesting', 'durability testing', 'durability tests', 'testing services', 'testing as a service', 'test facilities', 'testing facilities', 'test bench', 'test benches', 'test centre', 'test center', 'ageing tests', 'aging tests', 'safety tests', 'pilot testing', 'pilot plant', 'pilot line', 'test drive', 'test drives', 'efficacy studies', 'real-world data', 'performance evaluation'],
    de: ['klinische Studie', 'klinische Studien', 'klinische Prüfung', 'klinische Bewertung', 'Studie', 'Studien', 'Erprobung', 'Feldversuch', 'Feldversuche', 'Feldtest', 'Praxistest', 'Praxistests', 'Anwendertest', 'Anwendertests', 'Teststrecke', 'Testfeld', 'Testbetrieb', 'Teststandort', 'Testumgebung', 'Prüfgelände', 'Prüfstand', 'Validierung', 'Pilot', 'Pilotprojekt', 'Pilotanlage', 'Pilotstrecke', 'Pilotstationen', 'Leistungsbewertung', 'Gebrauchstauglichkeit', 'Bewertung', 'Demonstration', 'Versorgungsdaten'],
    ja: ['臨床試験', '臨床研究', '治験', '実証', '試験', '検証', '評価', '試奏', 'テスト', 'パイロット', 'フィールド試験', 'テストコース', 'ユーザビリティ'],
  },
  rd: {
    // "partner" is a stop word, so "research partners" is written as its distinctive word alone.
    en: ['rnd', 'research', 'research and development', 'joint research', 'joint development', 'codevelopment', 'research cooperation', 'research collaboration', 'contract research', 'research infrastructure', 'research facilities', 'development cooperation', 'academic', 'scientific', 'research institutes', 'universities'],
    de: ['fue', 'Forschung', 'Forschungspartner', 'Forschungskooperation', 'Entwicklungspartner', 'Entwicklungskooperation', 'gemeinsame Entwicklung', 'Auftragsforschung', 'Forschungsinfrastruktur', 'Forschungseinrichtung', 'Wissenschaftspartner', 'Hochschule', 'Hochschulen', 'Universität', 'Universitäten'],
    ja: ['共同研究', '共同開発', '研究開発', '受託研究', '研究設備', '研究機関', '産学連携', '開発パートナー', '大学', '研究室'],
  },
  licensing: {
    en: ['licensing', 'licence', 'licences', 'license', 'licenses', 'technology transfer', 'patent', 'patents'],
    de: ['Lizenz', 'Lizenzen', 'Lizenzierung', 'Technologielizenz', 'Technologielizenzen', 'Technologietransfer', 'Patent', 'Patente'],
    ja: ['ライセンス', '技術供与', '技術移転', '特許'],
  },
  network: {
    en: ['cluster', 'clusters', 'cluster network', 'regional network', 'business delegation', 'business delegations', 'delegation', 'delegations', 'matchmaking', 'business matching', 'trade mission', 'site visits', 'industry association', 'market entry support', 'soft landing'],
    de: ['Cluster', 'Netzwerk', 'Netzwerkpartner', 'Delegation', 'Delegationen', 'Delegationsreise', 'Delegationsreisen', 'Matchmaking', 'Unternehmerreise', 'Clusterkooperation', 'Kooperationsbörse', 'Branchenverband', 'Wirtschaftsförderung', 'Ansiedlung'],
    ja: ['クラスター', 'ネットワーク', '視察団', 'ビジネスマッチング', '進出支援', '商談会', '交流会', '企業誘致', '産業振興', '業界団体'],
  },
};

/** Concept entries for the activity cues; append them to the taxonomy's lexicon. */
export function activityConceptEntries(): ConceptEntry[] {
  return ACTIVITY_KINDS.filter((kind) => CUES[kind].en.length > 0).map((kind) => ({ id: ACTIVITY_PREFIX + kind, source: 'focus' as const, terms: CUES[kind] }));
}

export const KIND_BIT: Record<ActivityKind, number> = Object.fromEntries(ACTIVITY_KINDS.map((k, i) => [k, 1 << i])) as Record<ActivityKind, number>;

/**
 * compat[seekKind][offerKind] in [0, 1]: how far an offer of one kind serves a need of another.
 * Unlisted pairs get KIND_FLOOR (a near-miss in the right domain is still a weak lead).
 */
const COMPAT: Partial<Record<ActivityKind, Partial<Record<ActivityKind, number>>>> = {
  goods: { component: 0.8, manufacturing: 0.6 },
  component: { goods: 0.8, manufacturing: 0.6 },
  manufacturing: { goods: 0.6, component: 0.6 },
  distribution: { service: 0.3 },
  service: { distribution: 0.3 },
  testing: { rd: 0.4 },
  rd: { licensing: 0.6, testing: 0.4 },
  licensing: { rd: 0.6 },
};
export const KIND_FLOOR = 0.1;

/** Flat [seek * n + offer] table over ACTIVITY_KINDS indexes. */
export const KIND_COMPAT: Float64Array = (() => {
  const n = ACTIVITY_KINDS.length;
  const table = new Float64Array(n * n).fill(KIND_FLOOR);
  ACTIVITY_KINDS.forEach((s, i) => {
    table[i * n + i] = 1;
    for (const [o, v] of Object.entries(COMPAT[s] ?? {})) table[i * n + ACTIVITY_KINDS.indexOf(o as ActivityKind)] = v;
  });
  return table;
})();

const KIND_BITS = ACTIVITY_KINDS.length;
/** Memo over all (seek bits, offer bits) pairs: 2^18 entries, −1 = not computed yet. */
const kindMemo = new Float64Array(1 << (2 * KIND_BITS)).fill(-1);

/** Best compatibility between a seek's kinds and an offer's kinds (bit sets, never 0). */
export function kindCompatibility(seekKinds: number, offerKinds: number): number {
  const key = (seekKinds << KIND_BITS) | offerKinds;
  let v = kindMemo[key];
  if (v < 0) kindMemo[key] = v = computeKindCompatibility(seekKinds, offerKinds);
  return v;
}

function computeKindCompatibility(seekKinds: number, offerKinds: number): number {
  if ((seekKinds & offerKinds) !== 0) return 1;
  const n = ACTIVITY_KINDS.length;
  let best = 0;
  for (let i = 0; i < n; i++) {
    if ((seekKinds & (1 << i)) === 0) continue;
    for (let j = 0; j < n; j++) if (offerKinds & (1 << j) && KIND_COMPAT[i * n + j] > best) best = KIND_COMPAT[i * n + j];
  }
  return best;
}

export function kindNames(bits: number): ActivityKind[] {
  return ACTIVITY_KINDS.filter((_, i) => (bits & (1 << i)) !== 0);
}

/**
 * Description sentences that state an offer or a need ("We offer: …", "Wir suchen …", 「…を探しています」).
 * Returned regexes are tested on the NFKC-normalised, lower-cased sentence.
 */
export const SEEK_CUES: readonly RegExp[] = [
  /\b(we are|we're|currently|actively) (looking|searching) for\b/, /\blooking for\b/, /\bwe seek\b/, /\bseeking\b/, /\bwe (would like|want|hope) to (find|meet)\b/,
  /\b(of particular|of special|of) interest\b/, /\bcooperation interests?\b/, /\binterested in\b/, /\bwe need\b/, /\bin search of\b/,
  /\bwir suchen\b/, /\bgesucht\b/, /\bsuchen wir\b/, /\binteresse an\b/, /\bkooperationsinteressen?\b/, /\bbesonders interessiert\b/, /\binteressiert an\b/, /\bwir benötigen\b/, /\bim fokus steh/, /\bkontakte? (knüpfen|zu)\b/, /\bwir möchten\b/, /\bwir wünschen\b/, /\bwe (would like|want|hope|aim) to (connect|get in touch|work|partner|team up)\b/, /\bwe are keen\b/, /\bopen to\b/,
  /探して/, /関心があ/, /つながり/, /連携したい/, /求めている/, /紹介して/, /募集/, /求めて/, /求む/, /興味があ/, /希望して/, /を探す/, /パートナーを探/,
];

export const OFFER_CUES: readonly RegExp[] = [
  /\bwe offer\b/, /\bwe provide\b/, /\bwe supply\b/, /\bour strengths?\b/, /\bwhat we bring\b/, /\bwe bring\b/, /\bour (core )?(business|expertise|portfolio|offering|products?) (is|are|includes?)\b/,
  /\bwe (develop|manufacture|produce|make|operate|run|deliver|specialise|specialize)\b/, /\bspecialis(es|ing)|specializ(es|ing) in\b/, /\bexpertise in\b/,
  /\bwir bieten\b/, /\bangebot\b/, /\bportfolio\b/, /\bwir sind spezialisiert\b/, /\bwir haben\b/, /\bbieten wir\b/, /\bunsere stärken?\b/, /\bwir liefern\b/, /\bwir entwickeln\b/, /\bwir fertigen\b/, /\bwir produzieren\b/, /\bwir verfügen über\b/, /\bunser angebot\b/, /\bschwerpunkt\b/, /\bkernkompetenz/,
  /提供/, /強み/, /事業の柱/, /主力/, /得意/, /手がけ/, /手掛け/, /製造して/, /開発して/, /取り扱/,
];
