import type { DemoEvent, DemoOrganisation, DemoTieUp } from '../demo-data.types';

// Story 2: Leipzig × Kobe / Toyohashi / Tokyo: biotech, regenerative medicine, health economy,
// automotive, logistics, e-mobility. Profiles of real organisations are illustrative, not statements by them.

export const LEIPZIG_KOBE_TIE_UP: DemoTieUp = {
  key: 'leipzig-kobe',
  name: 'Leipzig × Kobe / Toyohashi / Tokyo',
  programme: 'Leipzig–Japan regional business cooperation',
  regionKeys: ['leipzig', 'kobe', 'toyohashi', 'tokyo'],
  focusSectors: ['biotechnology', 'regenerative-medicine', 'health-economy', 'automotive', 'logistics', 'e-mobility'],
  startsOn: '2016-04-01',
  endsOn: null,
  description:
    'Cooperation of the Leipzig region with the biomedical cluster of Kobe, the automotive and port city of Toyohashi and partners in Tokyo. ' +
    'Two strands: life sciences (biotech, cell therapy, health economy) and mobility (automotive supply, e-mobility, logistics).',
};

const LEIPZIG: DemoOrganisation[] = [
  {
    externalId: 'demo-de-leipzig-bio-city',
    name: 'BIO CITY LEIPZIG',
    kind: 'cluster', country: 'DE', regionKey: 'leipzig',
    sectors: ['68.20', '72.11'],
    offers: ['Labor- und Büroflächen für Biotech', 'Inkubator für Start-ups', 'Zugang zum Biotech-Netzwerk Leipzig'],
    seeks: ['japanische Biotech-Ansiedlungen', 'soft-landing partners in Japan'],
    cooperation: ['services'],
    languages: ['de', 'en'],
    description:
      'Biotechnologie- und Gründerzentrum in Leipzig mit Laboren, Büros und Unternehmen der Lebenswissenschaften unter einem Dach. ' +
      'Illustratives Demo-Profil: unterstützt japanische Firmen beim Markteintritt und sucht Gegenstücke für Leipziger Start-ups in Japan.',
    size: 'sme', website: null, contactEmail: null,
  },
  {
    externalId: 'demo-de-leipzig-uni-leipzig',
    name: 'Universität Leipzig',
    kind: 'university', country: 'DE', regionKey: 'leipzig',
    sectors: ['85.42', '72.11'],
    offers: ['Forschung zur regenerativen Medizin', 'Studien zur Gesundheitsökonomie', 'Biobanking und Kohortenstudien'],
    seeks: ['iPS cell research partners', 'joint PhD projects with Japan', 'Austausch zu Pflegeinnovationen'],
    cooperation: ['rd'],
    languages: ['de', 'en'],
    description:
      'Eine der ältesten Universitäten Deutschlands mit starker Medizin und Lebenswissenschaften. ' +
      'Illustratives Demo-Profil: gemeinsame Forschung zu regenerativer Medizin und Versorgung in alternden Gesellschaften.',
    size: 'large', website: 'https://www.uni-leipzig.de', contactEmail: null,
  },
  {
    externalId: 'demo-de-leipzig-fraunhofer-izi',
    name: 'Fraunhofer-Institut für Zelltherapie und Immunologie IZI',
    kind: 'research', country: 'DE', regionKey: 'leipzig',
    sectors: ['72.11', '72.19'],
    offers: ['GMP-Herstellung von Zelltherapeutika', 'Entwicklung von Zell- und Gentherapien', 'cell therapy process development'],
    seeks: ['automated cell culture systems', 'Japanese regenerative medicine partners', 'Zulassungswissen Japan (PMDA)'],
    cooperation: ['rd', 'services', 'licensing'],
    languages: ['de', 'en'],
    description:
      'Fraunhofer institute in Leipzig working on cell therapy, immunology and diagnostics. ' +
      'Illustrative demo profile: offers GMP process development and looks for automation and regulatory partners in Japan.',
    size: 'sme', website: 'https://www.izi.fraunhofer.de', contactEmail: null,
  },
  {
    externalId: 'demo-de-leipzig-pleisse-biologics',
    name: 'Pleiße Biologics GmbH',
    kind: 'company', country: 'DE', regionKey: 'leipzig',
    sectors: ['21.20', '72.11'],
    offers: ['CDMO für Antikörper-Kleinserien', 'analytical method transfer', 'Auslizenzierung von Biologika'],
    seeks: ['Japanese biotech clients', 'Lizenzpartner für Japan', 'hepatotoxicity testing services'],
    cooperation: ['services', 'licensing', 'production'],
    languages: ['de', 'en'],
    description:
      'Fiktiver Auftragsentwickler und -hersteller für biologische Wirkstoffe. ' +
      'Produziert klinische Prüfmuster in kleinen Chargen und sucht Kunden sowie Lizenzpartner in Japan.',
    size: 'sme', website: null, contactEmail: 'pleisse-biologics@example.com',
  },
  {
    externalId: 'demo-de-leipzig-connewitz-health-analytics',
    name: 'Connewitz Health Analytics GmbH',
    kind: 'company', country: 'DE', regionKey: 'leipzig',
    sectors: ['62.01', '63.11'],
    offers: ['Analysen von Versorgungsdaten', 'health economic modelling', 'Telemonitoring-Plattform'],
    seeks: ['japanische Pflegedienstleister', 'partners in ageing-society care', 'IoT sensor manufacturers'],
    cooperation: ['services', 'rd', 'licensing'],
    languages: ['de', 'en'],
    description:
      'Fiktives Softwareunternehmen für Gesundheitsökonomie und Versorgungsforschung. ' +
      'Bewertet digitale Pflege- und Telemonitoring-Lösungen und sucht Pilotpartner in Japan.',
    size: 'micro', website: null, contactEmail: 'connewitz-health@example.com',
  },
  {
    externalId: 'demo-de-leipzig-nordsachsen-fahrzeugteile',
    name: 'Nordsachsen Fahrzeugteile GmbH',
    kind: 'company', country: 'DE', regionKey: 'leipzig',
    sectors: ['29.32', '22.29'],
    offers: ['Interieur-Kunststoffteile', 'Just-in-Sequence-Montage', 'automotive plastic components'],
    seeks: ['precision stamping parts', 'Kontakte zu japanischen OEMs', 'Montageautomatisierung'],
    cooperation: ['supply', 'production', 'joint_venture'],
    languages: ['de', 'en'],
    description:
      'Fiktiver Zulieferer für Fahrzeugwerke im Raum Leipzig mit 300 Beschäftigten. ' +
      'Fertigt Interieurteile und montiert Module just in sequence; sucht Metallpartner und Kunden aus Japan.',
    size: 'sme', website: null, contactEmail: 'nordsachsen-fahrzeugteile@example.com',
  },
  {
    externalId: 'demo-de-leipzig-auensee-antriebstechnik',
    name: 'Auensee Antriebstechnik GmbH',
    kind: 'company', country: 'DE', regionKey: 'leipzig',
    sectors: ['27.11', '29.31'],
    offers: ['Elektromotoren für Nutzfahrzeuge', 'electric drive prototypes', 'Leistungselektronik-Prototypen'],
    seeks: ['battery management systems', 'SiC-Leistungshalbleiter', 'Testpartner für E-Transporter'],
    cooperation: ['rd', 'supply'],
    languages: ['de', 'en'],
    description:
      'Fictitious developer of electric drives for vans and light trucks. ' +
      'Builds motor and inverter prototypes and looks for battery-system and semiconductor partners.',
    size: 'sme', website: null, contactEmail: 'auensee-antrieb@example.com',
  },
  {
    externalId: 'demo-de-leipzig-messestadt-logistik',
    name: 'Messestadt Logistik GmbH',
    kind: 'company', country: 'DE', regionKey: 'leipzig',
    sectors: ['52.29', '52.10', '49.41'],
    offers: ['Kontraktlogistik für Automotive', 'Luftfracht über Leipzig/Halle', 'EU customs clearance'],
    seeks: ['japanische Verlader', 'vehicle import logistics in Japan', 'Hafenlogistik-Partner'],
    cooperation: ['services', 'joint_venture'],
    languages: ['de', 'en'],
    description:
      'Fiktiver Logistikdienstleister in der Nähe des Luftfracht-Drehkreuzes Leipzig/Halle. ' +
      'Bietet Lager, Zollabwicklung und Werksversorgung und sucht Partner für Fahrzeug- und Teileverkehre mit Japan.',
    size: 'sme', website: null, contactEmail: 'messestadt-logistik@example.com',
  },
];

const JAPAN: DemoOrganisation[] = [
  {
    externalId: 'demo-jp-kobe-kbic',
    name: 'Kobe Biomedical Innovation Cluster (神戸医療産業都市)',
    kind: 'cluster', country: 'JP', regionKey: 'kobe',
    sectors: ['94.11', '72.11'],
    offers: ['研究拠点への企業誘致', 'lab space on Port Island', '臨床研究支援'],
    seeks: ['欧州バイオクラスターとの連携', 'German biotech companies'],
    cooperation: ['services'],
    languages: ['ja', 'en'],
    description:
      '神戸市ポートアイランドに医療関連の研究機関、企業、病院が集積する医療産業クラスター。' +
      '例示プロフィールとして、欧州のバイオクラスターとの相互進出支援を想定している。',
    size: 'sme', website: null, contactEmail: null,
  },
  {
    externalId: 'demo-jp-kobe-riken',
    name: 'RIKEN Kobe Campus (理化学研究所 神戸キャンパス)',
    kind: 'research', country: 'JP', regionKey: 'kobe',
    sectors: ['72.11', '72.19'],
    offers: ['再生医療の基礎研究', 'オルガノイド研究', 'developmental biology imaging'],
    seeks: ['GMP cell manufacturing partners', 'Zelltherapie-Prozessentwicklung', '研究者交流'],
    cooperation: ['rd'],
    languages: ['ja', 'en'],
    description:
      '神戸キャンパスで生命科学の研究を行う国立研究開発法人の拠点。' +
      '例示プロフィールとして、細胞治療の製造プロセスや欧州の研究機関との共同研究を想定している。',
    size: 'large', website: 'https://www.riken.jp', contactEmail: null,
  },
  {
    externalId: 'demo-jp-kobe-port-island-regen',
    name: 'Port Island Regenerative Medicine Co., Ltd. (ポートアイランド再生医療株式会社)',
    kind: 'company', country: 'JP', regionKey: 'kobe',
    sectors: ['72.11', '21.20'],
    offers: ['iPS細胞由来の細胞製品', '自動細胞培養装置', 'iPS-derived cell products'],
    seeks: ['EU-Zulassungsstrategie für ATMP', 'European clinical partners', '欧州のGMP受託製造'],
    cooperation: ['licensing', 'rd', 'joint_venture'],
    languages: ['ja', 'en'],
    description:
      '架空の再生医療ベンチャー。iPS細胞由来の細胞製品と自動培養装置を開発している。' +
      '欧州での臨床開発と製造委託先を探している。',
    size: 'micro', website: null, contactEmail: 'pi-regen@example.jp',
  },
  {
    externalId: 'demo-jp-kobe-rokko-bioassay',
    name: 'Rokko Bioassay Inc. (六甲バイオアッセイ株式会社)',
    kind: 'company', country: 'JP', regionKey: 'kobe',
    sectors: ['71.20', '72.11'],
    offers: ['薬物毒性評価サービス', 'hepatotoxicity testing services'],
    seeks: ['欧州の製薬企業顧客', 'Kohortendaten-Kooperation'],
    cooperation: ['services', 'rd'],
    languages: ['ja', 'en'],
    description:
      'Fictitious contract research company in Kobe offering hepatocyte-based toxicity assays. ' +
      'Looks for European pharma clients and academic cohort partners.',
    size: 'sme', website: null, contactEmail: 'rokko-bioassay@example.jp',
  },
  {
    externalId: 'demo-jp-kobe-sannomiya-care-robotics',
    name: 'Sannomiya Care Robotics Co., Ltd. (三宮ケアロボティクス株式会社)',
    kind: 'company', country: 'JP', regionKey: 'kobe',
    sectors: ['28.99', '32.50'],
    offers: ['介護支援ロボット', 'care robots for nursing homes'],
    seeks: ['Pilot-Pflegeheime in Deutschland', 'health economic evaluation', '欧州販売代理店'],
    cooperation: ['distribution', 'rd'],
    languages: ['ja', 'en'],
    description:
      '架空の介護ロボットメーカー。移乗支援と見守りのロボットを開発している。' +
      'ドイツでの実証施設と医療経済評価のパートナーを求めている。',
    size: 'sme', website: null, contactEmail: 'sannomiya-care@example.jp',
  },
  {
    externalId: 'demo-jp-toyohashi-tut',
    name: 'Toyohashi University of Technology (豊橋技術科学大学)',
    kind: 'university', country: 'JP', regionKey: 'toyohashi',
    sectors: ['85.42', '72.19'],
    offers: ['センサとLSIの研究', 'automotive sensing research', '国際インターンシップ'],
    seeks: ['German internship hosts', 'joint research on e-mobility', 'ドイツの大学との学生交流'],
    cooperation: ['rd'],
    languages: ['ja', 'en'],
    description:
      '豊橋市の国立工科系大学で、実務訓練（インターンシップ）に力を入れている。' +
      '例示プロフィールとして、ドイツ企業での学生受け入れとモビリティ分野の共同研究を想定している。',
    size: 'large', website: 'https://www.tut.ac.jp', contactEmail: null,
  },
  {
    externalId: 'demo-jp-toyohashi-mikawa-port-logistics',
    name: 'Mikawa Port Auto Logistics Co., Ltd. (三河港オートロジスティクス株式会社)',
    kind: 'company', country: 'JP', regionKey: 'toyohashi',
    sectors: ['52.29', '52.24'],
    offers: ['輸入車の港湾物流', '納車前点検（PDI）', 'vehicle import processing'],
    seeks: ['European car logistics partners', 'Fahrzeugversand ab Europa', 'EU側フォワーダー'],
    cooperation: ['services', 'joint_venture'],
    languages: ['ja', 'en'],
    description:
      '架空の物流会社。三河港で輸入車の荷役、保管、納車前整備を行っている。' +
      '欧州側の車両物流・フォワーディングのパートナーを探している。',
    size: 'sme', website: null, contactEmail: 'mikawa-auto-logi@example.jp',
  },
  {
    externalId: 'demo-jp-toyohashi-precision-parts',
    name: 'Toyohashi Precision Parts Co., Ltd. (豊橋精密部品株式会社)',
    kind: 'company', country: 'JP', regionKey: 'toyohashi',
    sectors: ['29.32', '25.50'],
    offers: ['精密プレス部品', 'precision stamping parts', '金型設計'],
    seeks: ['ドイツの自動車サプライヤー', 'EU-Tier-1-Kunden', 'automotive plastic components'],
    cooperation: ['supply', 'production'],
    languages: ['ja', 'en'],
    description:
      '架空の自動車部品メーカー（従業員150名）。プレス部品と金型を製造している。' +
      '欧州のティア1サプライヤーとの取引と樹脂部品の相互供給を目指している。',
    size: 'sme', website: null, contactEmail: 'toyohashi-seimitsu@example.jp',
  },
  {
    externalId: 'demo-jp-toyohashi-higashi-mikawa-ev',
    name: 'Higashi-Mikawa EV Systems Co., Ltd. (東三河EVシステムズ株式会社)',
    kind: 'company', country: 'JP', regionKey: 'toyohashi',
    sectors: ['27.90', '29.31'],
    offers: ['EV充電制御ユニット', 'battery management systems', '電動モビリティ試験'],
    seeks: ['Elektromotoren für Nutzfahrzeuge', 'European e-truck makers', 'Leistungselektronik-Partner'],
    cooperation: ['rd', 'supply'],
    languages: ['ja', 'en'],
    description:
      'Fictitious supplier of battery management and charging control units for electric vehicles. ' +
      'Seeks European drive-train partners for electric vans and trucks.',
    size: 'sme', website: null, contactEmail: 'higashi-mikawa-ev@example.jp',
  },
  {
    externalId: 'demo-jp-tokyo-healthcare-data',
    name: 'Tokyo Healthcare Data Co., Ltd. (東京ヘルスケアデータ株式会社)',
    kind: 'company', country: 'JP', regionKey: 'tokyo',
    sectors: ['63.11', '62.01'],
    offers: ['医療データ分析基盤', 'real-world data analytics', '高齢化社会ケアの知見'],
    seeks: ['deutsche Versorgungsforschung', 'health economic modelling', '遠隔モニタリング技術'],
    cooperation: ['rd', 'services'],
    languages: ['ja', 'en'],
    description:
      '架空のヘルスケアデータ企業。医療・介護データの分析基盤を提供している。' +
      '欧州の医療経済評価やテレモニタリングの専門企業との協業を目指している。',
    size: 'sme', website: null, contactEmail: 'tokyo-healthcare-data@example.jp',
  },
  {
    externalId: 'demo-jp-tokyo-nihonbashi-pharma',
    name: 'Nihonbashi Pharma Partners K.K. (日本橋ファーマパートナーズ株式会社)',
    kind: 'company', country: 'JP', regionKey: 'tokyo',
    sectors: ['46.46', '70.22'],
    offers: ['日本での薬事申請支援', 'PMDA regulatory consulting', 'in-licensing for Japan'],
    seeks: ['European biologics for licensing', 'ATMP-Lizenzen', 'ドイツのバイオ医薬品企業'],
    cooperation: ['licensing', 'distribution', 'services'],
    languages: ['ja', 'en'],
    description:
      '架空の医薬品ライセンス・薬事コンサルティング会社。' +
      '欧州のバイオ医薬品や再生医療製品を日本に導入するため、ライセンス元企業を探している。',
    size: 'micro', website: null, contactEmail: 'nihonbashi-pharma@example.jp',
  },
];

export const LEIPZIG_KOBE_ORGANISATIONS: DemoOrganisation[] = [...LEIPZIG, ...JAPAN];

export const LEIPZIG_KOBE_EVENTS: DemoEvent[] = [
  {
    slug: 'leipzig-kobe-2019-partnering',
    name: 'Leipzig × Kobe partnering days 2019',
    tieUpKey: 'leipzig-kobe',
    venue: 'BIO CITY LEIPZIG, Leipzig',
    timeZone: 'Europe/Berlin',
    days: ['2019-09-24', '2019-09-25'],
    rule: 'cross-country',
    description:
      'Illustrative two-day partnering of the Leipzig × Kobe / Toyohashi / Tokyo cooperation: ' +
      'life sciences on day one, mobility and logistics on day two.',
    participantExternalIds: [
      'demo-de-leipzig-bio-city',
      'demo-de-leipzig-uni-leipzig',
      'demo-de-leipzig-fraunhofer-izi',
      'demo-de-leipzig-pleisse-biologics',
      'demo-de-leipzig-connewitz-health-analytics',
      'demo-de-leipzig-nordsachsen-fahrzeugteile',
      'demo-de-leipzig-auensee-antriebstechnik',
      'demo-de-leipzig-messestadt-logistik',
      'demo-jp-kobe-kbic',
      'demo-jp-kobe-riken',
      'demo-jp-kobe-port-island-regen',
      'demo-jp-kobe-sannomiya-care-robotics',
      'demo-jp-toyohashi-tut',
      'demo-jp-toyohashi-mikawa-port-logistics',
      'demo-jp-toyohashi-precision-parts',
      'demo-jp-toyohashi-higashi-mikawa-ev',
      'demo-jp-tokyo-healthcare-data',
      'demo-jp-tokyo-nihonbashi-pharma',
    ],
  },
];
