import type { DemoEvent, DemoOrganisation, DemoTieUp } from '../demo-data.types';

// Story 3: automotive-bw × Hitachi and Photonics BW × Kitakyushu (JETRO RIT 2015).
// Profiles of real organisations are illustrative, not statements by them.

export const BW_HITACHI_KITAKYUSHU_TIE_UP: DemoTieUp = {
  key: 'bw-hitachi-kitakyushu',
  name: 'Baden-Württemberg × Hitachi / Kitakyushu',
  programme: 'JETRO Regional Industry Tie-Up (RIT) 2015',
  regionKeys: ['baden-wuerttemberg', 'hitachi', 'kitakyushu'],
  focusSectors: ['automotive', 'e-mobility', 'optics-photonics', 'electronics-semiconductors', 'mechatronics-robotics'],
  startsOn: '2015-04-01',
  endsOn: '2018-03-31',
  description:
    'Two strands of regional industry tie-ups from 2015: the automotive-bw cluster with motor and automotive suppliers around Hitachi city, ' +
    'and Photonics BW with photonics, semiconductor and robotics firms in Kitakyushu.',
};

const BADEN_WUERTTEMBERG: DemoOrganisation[] = [
  {
    externalId: 'demo-de-bw-automotive-bw',
    name: 'automotive-bw (Clusterinitiative)',
    kind: 'cluster', country: 'DE', regionKey: 'baden-wuerttemberg',
    sectors: ['94.11'],
    offers: ['Kontakte zu Automobilzulieferern in BW', 'Delegationsreisen und Kooperationsbörsen', 'supplier network access'],
    seeks: ['Japanese automotive supplier clusters', 'Partnerregion Ibaraki'],
    cooperation: ['services'],
    languages: ['de', 'en'],
    description:
      'Clusterinitiative der Automobilwirtschaft in Baden-Württemberg. ' +
      'Illustratives Demo-Profil: vernetzt Zulieferer aus dem Land mit der Partnerregion Hitachi und organisiert Unternehmerreisen.',
    size: 'micro', website: null, contactEmail: null,
  },
  {
    externalId: 'demo-de-bw-photonics-bw',
    name: 'Photonics BW e.V.',
    kind: 'cluster', country: 'DE', regionKey: 'baden-wuerttemberg',
    sectors: ['94.11'],
    offers: ['Netzwerk Photonik Baden-Württemberg', 'Gemeinschaftsstände auf Photonik-Messen', 'photonics matchmaking'],
    seeks: ['Photonik-Partner in Kyushu', 'Japanese laser diode makers'],
    cooperation: ['services'],
    languages: ['de', 'en'],
    description:
      'Netzwerk der Photonik-Branche in Baden-Württemberg. ' +
      'Illustratives Demo-Profil: sucht im Rahmen der Partnerschaft mit Kitakyushu Kontakte für Photonik- und Halbleiterfirmen.',
    size: 'micro', website: null, contactEmail: null,
  },
  {
    externalId: 'demo-de-bw-neckar-praezisionsteile',
    name: 'Neckar Präzisionsteile GmbH',
    kind: 'company', country: 'DE', regionKey: 'baden-wuerttemberg',
    sectors: ['25.62', '29.32'],
    offers: ['CNC-Präzisionsdrehteile', 'Einspritzkomponenten aus Edelstahl', 'precision turned parts'],
    seeks: ['Japanese automotive customers', 'Automatisierung der Zerspanung', 'Zweitlieferant in Japan'],
    cooperation: ['supply', 'production'],
    languages: ['de', 'en'],
    description:
      'Fiktiver Zulieferer von Präzisionsdrehteilen mit 180 Beschäftigten. ' +
      'Beliefert Tier-1-Kunden mit Komponenten für Antriebsstränge und sucht Kunden sowie einen Fertigungspartner in Japan.',
    size: 'sme', website: null, contactEmail: 'neckar-praezision@example.com',
  },
  {
    externalId: 'demo-de-bw-schwarzwald-sensorik',
    name: 'Schwarzwald Sensorik GmbH',
    kind: 'company', country: 'DE', regionKey: 'baden-wuerttemberg',
    sectors: ['26.51', '29.31'],
    offers: ['Drucksensoren für Fahrzeuge', 'MEMS sensor packaging', 'Kalibrierung von Sensoren'],
    seeks: ['semiconductor test services', 'ASIC-Entwicklungspartner', 'switchgear OEM customers'],
    cooperation: ['supply', 'rd'],
    languages: ['de', 'en'],
    description:
      'Fictitious maker of pressure and temperature sensors for vehicles and industrial equipment. ' +
      'Looks for semiconductor test capacity and new customers in Japan.',
    size: 'sme', website: null, contactEmail: 'schwarzwald-sensorik@example.com',
  },
  {
    externalId: 'demo-de-bw-remstal-e-antriebe',
    name: 'Remstal E-Antriebe GmbH',
    kind: 'company', country: 'DE', regionKey: 'baden-wuerttemberg',
    sectors: ['27.11', '29.31'],
    offers: ['Prototypenbau von E-Motoren', 'Hairpin-Wickeltechnik', 'e-motor test bench'],
    seeks: ['motor core stamping', 'Lieferanten für Elektroblech', 'Japanese e-mobility suppliers'],
    cooperation: ['rd', 'supply'],
    languages: ['de', 'en'],
    description:
      'Fiktiver Entwicklungsdienstleister für elektrische Traktionsmotoren. ' +
      'Baut Prototypen und Kleinserien und sucht Partner für Blechpakete und Motorkomponenten.',
    size: 'sme', website: null, contactEmail: 'remstal-e-antriebe@example.com',
  },
  {
    externalId: 'demo-de-bw-bodensee-laseroptik',
    name: 'Bodensee Laseroptik GmbH',
    kind: 'company', country: 'DE', regionKey: 'baden-wuerttemberg',
    sectors: ['26.70', '28.99'],
    offers: ['Laseroptiken für Materialbearbeitung', 'Strahlformungsoptik', 'laser processing heads'],
    seeks: ['Halbleiter-Laserdioden', 'robot integration for laser cells', 'Vertrieb in Japan'],
    cooperation: ['supply', 'distribution', 'rd'],
    languages: ['de', 'en'],
    description:
      'Fiktiver Hersteller von Laseroptiken und Bearbeitungsköpfen. ' +
      'Sucht Diodenlaser-Lieferanten, Robotikpartner für Laserzellen und einen Vertriebspartner in Japan.',
    size: 'sme', website: null, contactEmail: 'bodensee-laseroptik@example.com',
  },
  {
    externalId: 'demo-de-bw-albtrauf-kunststofftechnik',
    name: 'Albtrauf Kunststofftechnik GmbH',
    kind: 'company', country: 'DE', regionKey: 'baden-wuerttemberg',
    sectors: ['22.29', '28.96'],
    offers: ['Kunststoff-Spritzguss für Automotive', 'Werkzeugbau', '2K injection molding'],
    seeks: ['Industrieroboter für Entnahme', 'robot integration partner', 'Japanese OEM projects'],
    cooperation: ['production', 'supply'],
    languages: ['de', 'en'],
    description:
      'Fiktiver Spritzgießer und Werkzeugbauer für Fahrzeug-Innenraumteile. ' +
      'Möchte die Fertigung weiter automatisieren und Projekte mit japanischen Herstellern gewinnen.',
    size: 'sme', website: null, contactEmail: 'albtrauf-kunststoff@example.com',
  },
];

const JAPAN: DemoOrganisation[] = [
  {
    externalId: 'demo-jp-hitachi-ibaraki-university',
    name: 'Ibaraki University, College of Engineering (茨城大学 工学部)',
    kind: 'university', country: 'JP', regionKey: 'hitachi',
    sectors: ['85.42', '72.19'],
    offers: ['モータとパワーエレクトロニクスの研究', 'materials testing', '学生交流プログラム'],
    seeks: ['German automotive research partners', 'Forschung zur Fahrzeugsensorik', 'ドイツ企業でのインターンシップ'],
    cooperation: ['rd'],
    languages: ['ja', 'en'],
    description:
      '日立市のキャンパスに工学部を置く国立大学。' +
      '例示プロフィールとして、電動化技術の共同研究とドイツ企業での学生インターンシップを想定している。',
    size: 'large', website: 'https://www.ibaraki.ac.jp', contactEmail: null,
  },
  {
    externalId: 'demo-jp-hitachi-taga-motor-parts',
    name: 'Taga Motor Parts Co., Ltd. (多賀モーターパーツ株式会社)',
    kind: 'company', country: 'JP', regionKey: 'hitachi',
    sectors: ['27.11', '25.50'],
    offers: ['モータコアの打ち抜き', 'motor core stamping', '電磁鋼板の加工'],
    seeks: ['欧州のEVモーター開発企業', 'Prototypenbau von E-Motoren', 'hairpin winding know-how'],
    cooperation: ['supply', 'rd'],
    languages: ['ja', 'en'],
    description:
      '架空のモーター部品メーカー（従業員120名）。電磁鋼板のプレスでモータコアを製造している。' +
      '欧州のEVモーター開発企業への供給と巻線技術の協力を探している。',
    size: 'sme', website: null, contactEmail: 'taga-motor-parts@example.jp',
  },
  {
    externalId: 'demo-jp-hitachi-ayukawa-electric',
    name: 'Ayukawa Electric Industries Co., Ltd. (鮎川電機工業株式会社)',
    kind: 'company', country: 'JP', regionKey: 'hitachi',
    sectors: ['27.12', '33.14'],
    offers: ['配電制御盤の製造', 'switchgear assembly', '保守サービス'],
    seeks: ['Drucksensoren', 'EU-Marktzugang für Schaltanlagen', 'sensor suppliers in Germany'],
    cooperation: ['supply', 'distribution'],
    languages: ['ja'],
    description:
      '架空の電機メーカー。配電盤と制御盤の製造、保守を行っている。' +
      'ドイツ製センサの調達と欧州市場への参入を検討している。',
    size: 'sme', website: null, contactEmail: 'ayukawa-denki@example.jp',
  },
  {
    externalId: 'demo-jp-hitachi-kujigawa-seiko',
    name: 'Kujigawa Seiko Co., Ltd. (久慈川精工株式会社)',
    kind: 'company', country: 'JP', regionKey: 'hitachi',
    sectors: ['25.62', '28.41'],
    offers: ['精密切削加工', 'precision machining of shafts', '試作品の短納期対応'],
    seeks: ['deutsche Automobilzulieferer', 'CNC automation know-how', '欧州ティア1顧客'],
    cooperation: ['supply', 'production'],
    languages: ['ja', 'en'],
    description:
      'Fictitious machining company near Hitachi producing shafts and prototypes at short notice. ' +
      'Looks for German automotive suppliers as customers or production partners.',
    size: 'micro', website: null, contactEmail: 'kujigawa-seiko@example.jp',
  },
  {
    externalId: 'demo-jp-kitakyushu-kyutech',
    name: 'Kyushu Institute of Technology (九州工業大学)',
    kind: 'university', country: 'JP', regionKey: 'kitakyushu',
    sectors: ['85.42', '72.19'],
    offers: ['ロボティクス研究', 'semiconductor packaging research', '小型衛星技術'],
    seeks: ['Photonik-Forschungspartner', 'German robotics institutes', '学生の海外研修'],
    cooperation: ['rd'],
    languages: ['ja', 'en'],
    description:
      '北九州市に本部を置く国立の工業大学。' +
      '例示プロフィールとして、ロボティクスや半導体分野でドイツの研究機関との共同研究と学生交流を想定している。',
    size: 'large', website: 'https://www.kyutech.ac.jp', contactEmail: null,
  },
  {
    externalId: 'demo-jp-kitakyushu-yaskawa',
    name: 'Yaskawa Electric Corporation (株式会社安川電機)',
    kind: 'company', country: 'JP', regionKey: 'kitakyushu',
    sectors: ['28.99', '27.11'],
    offers: ['産業用ロボット', 'servo drives and motion control', 'Industrieroboter für Entnahme'],
    seeks: ['European system integrators', 'laser processing heads', '自動車向けアプリケーション'],
    cooperation: ['supply', 'distribution', 'rd'],
    languages: ['ja', 'en'],
    description:
      'Maker of industrial robots, servo drives and motion control headquartered in Kitakyushu. ' +
      'Illustrative demo profile: looks for system integrators and application partners such as laser-cell builders.',
    size: 'large', website: 'https://www.yaskawa.co.jp', contactEmail: null,
  },
  {
    externalId: 'demo-jp-kitakyushu-fais',
    name: 'Kitakyushu Foundation for the Advancement of Industry, Science and Technology (FAIS, 北九州産業学術推進機構)',
    kind: 'agency', country: 'JP', regionKey: 'kitakyushu',
    sectors: ['84.13', '72.19'],
    offers: ['産学連携のコーディネート', 'semiconductor test facility access', 'ビジネスマッチング'],
    seeks: ['Photonik-Cluster Baden-Württemberg', 'German cluster partnership'],
    cooperation: ['services'],
    languages: ['ja', 'en'],
    description:
      '北九州市の産学連携と産業振興を担う公益財団法人。' +
      '例示プロフィールとして、バーデン＝ヴュルテンベルク州のクラスターとの企業マッチングを支援する。',
    size: 'sme', website: null, contactEmail: null,
  },
  {
    externalId: 'demo-jp-kitakyushu-hibikinada-photonics',
    name: 'Hibikinada Photonics Co., Ltd. (響灘フォトニクス株式会社)',
    kind: 'company', country: 'JP', regionKey: 'kitakyushu',
    sectors: ['26.11', '26.70'],
    offers: ['高出力半導体レーザー', 'laser diode modules', '光ファイバー結合'],
    seeks: ['Strahlformungsoptik', 'European laser system makers', '欧州での販売'],
    cooperation: ['supply', 'distribution', 'rd'],
    languages: ['ja', 'en'],
    description:
      '架空の半導体レーザーメーカー。ファイバー結合型の高出力レーザーダイオードを製造している。' +
      '欧州のレーザー加工機メーカーへの供給と光学系の共同開発を目指している。',
    size: 'sme', website: null, contactEmail: 'hibikinada-photonics@example.jp',
  },
  {
    externalId: 'demo-jp-kitakyushu-wakamatsu-semi-test',
    name: 'Wakamatsu Semiconductor Test Co., Ltd. (若松半導体テスト株式会社)',
    kind: 'company', country: 'JP', regionKey: 'kitakyushu',
    sectors: ['71.20', '26.11'],
    offers: ['半導体の信頼性試験', 'semiconductor test services', '故障解析'],
    seeks: ['Hersteller von Automotive-Sensoren', 'MEMS sensor customers', '欧州の車載半導体顧客'],
    cooperation: ['services'],
    languages: ['ja', 'en'],
    description:
      '架空の半導体試験会社。車載向け半導体とセンサの信頼性試験と故障解析を受託している。' +
      '欧州の車載センサメーカーを新たな顧客として求めている。',
    size: 'sme', website: null, contactEmail: 'wakamatsu-semitest@example.jp',
  },
];

export const BW_HITACHI_KITAKYUSHU_ORGANISATIONS: DemoOrganisation[] = [...BADEN_WUERTTEMBERG, ...JAPAN];

// The story names no event for this tie-up.
export const BW_HITACHI_KITAKYUSHU_EVENTS: DemoEvent[] = [];
