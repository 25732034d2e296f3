import type { DemoEvent, DemoOrganisation, DemoTieUp } from '../demo-data.types';

// Story 1: Jena × Hamamatsu (JETRO RIT 2007): optics, ophthalmic medical technology, biotechnology.
// Profiles of real organisations are illustrative, not statements by them.

export const JENA_HAMAMATSU_TIE_UP: DemoTieUp = {
  key: 'jena-hamamatsu',
  name: 'Jena × Hamamatsu',
  programme: 'JETRO Regional Industry Tie-Up (RIT) 2007',
  regionKeys: ['jena', 'hamamatsu'],
  focusSectors: ['optics-photonics', 'medical-technology', 'ophthalmology', 'biotechnology', 'musical-instruments'],
  startsOn: '2007-04-01',
  endsOn: '2010-03-31',
  description:
    'Regional industry tie-up between the optics and life-science cluster of Jena (OptoNet, OphthalmoInnovation Thüringen, ' +
    'BioRegio Jena) and the photonics industry of Hamamatsu. Focus on optical technologies, ophthalmic medical technology and biotechnology.',
};

const JENA: DemoOrganisation[] = [
  {
    externalId: 'demo-de-jena-carl-zeiss-meditec',
    name: 'Carl Zeiss Meditec AG',
    kind: 'company', country: 'DE', regionKey: 'jena',
    sectors: ['32.50', '26.70', '26.60'],
    offers: ['OCT-Bildgebung für die Augenheilkunde', 'ophthalmic diagnostic devices', 'refraktive Laserchirurgie-Systeme'],
    seeks: ['Photodetektoren für medizinische Bildgebung', 'Bildanalyse-Software für OCT', 'klinische Partner in Japan'],
    cooperation: ['rd', 'supply', 'distribution'],
    languages: ['de', 'en'],
    description:
      'Medizintechnikunternehmen mit Sitz in Jena, spezialisiert auf Geräte für Diagnose und Therapie in der Augenheilkunde. ' +
      'Illustratives Demo-Profil: Interesse an optoelektronischen Komponenten und klinischer Zusammenarbeit mit Partnern in Japan.',
    size: 'large', website: 'https://www.zeiss.com', contactEmail: null,
  },
  {
    externalId: 'demo-de-jena-jenoptik',
    name: 'Jenoptik AG',
    kind: 'company', country: 'DE', regionKey: 'jena',
    sectors: ['26.70', '26.51', '27.90'],
    offers: ['Lasermodule für Medizingeräte', 'optische Messtechnik für Oberflächen', 'optical systems for OEMs'],
    seeks: ['compact image sensors', 'infrared sensor modules', 'Vertriebspartner in Asien'],
    cooperation: ['supply', 'rd', 'distribution'],
    languages: ['de', 'en'],
    description:
      'Photonics group headquartered in Jena, supplying optical systems, lasers and measurement technology. ' +
      'Illustrative demo profile: looking for image sensors and infrared components for integration into OEM modules.',
    size: 'large', website: 'https://www.jenoptik.com', contactEmail: null,
  },
  {
    externalId: 'demo-de-jena-uni-jena',
    name: 'Friedrich-Schiller-Universität Jena',
    kind: 'university', country: 'DE', regionKey: 'jena',
    sectors: ['85.42', '72.19'],
    offers: ['Biophotonik-Grundlagenforschung', 'klinische Studien am Universitätsklinikum', 'Mikroskopie und Spektroskopie'],
    seeks: ['joint research on medical imaging', 'Gastwissenschaftler aus Japan', 'Industriepartner für Photonik'],
    cooperation: ['rd'],
    languages: ['de', 'en'],
    description:
      'Die Friedrich-Schiller-Universität Jena forscht in Optik, Photonik und Lebenswissenschaften. ' +
      'Illustratives Demo-Profil: gemeinsame Forschungsprojekte, klinische Studien und Wissenschaftleraustausch mit japanischen Partnern.',
    size: 'large', website: 'https://www.uni-jena.de', contactEmail: null,
  },
  {
    externalId: 'demo-de-jena-fraunhofer-iof',
    name: 'Fraunhofer-Institut für Angewandte Optik und Feinmechanik IOF',
    kind: 'research', country: 'DE', regionKey: 'jena',
    sectors: ['72.19', '26.70'],
    offers: ['Optikdesign und Freiformoptik', 'optische Beschichtungen', 'laser system prototyping'],
    seeks: ['industrial partners for optics', 'Anwendungen in der Medizintechnik', 'research exchange in photonics'],
    cooperation: ['rd', 'services', 'licensing'],
    languages: ['de', 'en'],
    description:
      'Anwendungsorientiertes Forschungsinstitut für Optik und Photonik in Jena. ' +
      'Illustratives Demo-Profil: Auftragsforschung und gemeinsame Entwicklung optischer Systeme mit Industriepartnern.',
    size: 'sme', website: 'https://www.iof.fraunhofer.de', contactEmail: null,
  },
  {
    externalId: 'demo-de-jena-leibniz-ipht',
    name: 'Leibniz-Institut für Photonische Technologien (Leibniz-IPHT)',
    kind: 'research', country: 'DE', regionKey: 'jena',
    sectors: ['72.19', '72.11'],
    offers: ['Raman-Spektroskopie für Diagnostik', 'faserbasierte Sensorik', 'biophotonic diagnostics'],
    seeks: ['Medizintechnik-Industriepartner', 'clinical validation partners', 'light source manufacturers'],
    cooperation: ['rd', 'licensing'],
    languages: ['de', 'en'],
    description:
      'Research institute in Jena working on photonic technologies for life sciences, medicine and the environment. ' +
      'Illustrative demo profile: seeks partners to validate and transfer biophotonic diagnostics.',
    size: 'sme', website: 'https://www.leibniz-ipht.de', contactEmail: null,
  },
  {
    externalId: 'demo-de-jena-optonet',
    name: 'OptoNet e.V.',
    kind: 'cluster', country: 'DE', regionKey: 'jena',
    sectors: ['94.11'],
    offers: ['Zugang zum Photonik-Netzwerk Thüringen', 'Delegationsreisen und Gemeinschaftsstände', 'cluster matchmaking services'],
    seeks: ['Japanese photonics cluster partners', 'Kooperationsregion Japan'],
    cooperation: ['services'],
    languages: ['de', 'en'],
    description:
      'Netzwerk der Optik- und Photonikbranche in Thüringen mit Sitz in Jena. ' +
      'Illustratives Demo-Profil: organisiert Delegationen und Kooperationsbörsen mit der Partnerregion Hamamatsu.',
    size: 'micro', website: null, contactEmail: null,
  },
  {
    externalId: 'demo-de-jena-ophthalmoinnovation',
    name: 'OphthalmoInnovation Thüringen',
    kind: 'cluster', country: 'DE', regionKey: 'jena',
    sectors: ['94.11', '32.50'],
    offers: ['Netzwerk Ophthalmologie-Unternehmen', 'Kontakte zu Augenkliniken'],
    seeks: ['ophthalmology partners in Japan', 'clinical research cooperation'],
    cooperation: ['services', 'rd'],
    languages: ['de', 'en'],
    description:
      'Branchennetzwerk für ophthalmologische Innovationen in Thüringen. ' +
      'Illustratives Demo-Profil: bringt Hersteller, Kliniken und Forschung zusammen und sucht Partner in der japanischen Augenheilkunde.',
    size: 'micro', website: null, contactEmail: null,
  },
  {
    externalId: 'demo-de-jena-bioregio',
    name: 'BioRegio Jena e.V.',
    kind: 'cluster', country: 'DE', regionKey: 'jena',
    sectors: ['94.11', '72.11'],
    offers: ['Biotech-Standortnetzwerk Jena', 'Kontakte zu Start-ups'],
    seeks: ['Biotech-Partner in Japan', 'cell culture technology partners'],
    cooperation: ['services'],
    languages: ['de', 'en'],
    description:
      'Netzwerk der Biotechnologie-Unternehmen und -Institute am Standort Jena. ' +
      'Illustratives Demo-Profil: vermittelt Kontakte zwischen Jenaer Biotech-Firmen und japanischen Partnern.',
    size: 'micro', website: null, contactEmail: null,
  },
  {
    externalId: 'demo-de-jena-saaletal-optik',
    name: 'Saaletal Optik GmbH',
    kind: 'company', country: 'DE', regionKey: 'jena',
    sectors: ['26.70', '32.50'],
    offers: ['asphärische Präzisionslinsen', 'Prototypen für Intraokularlinsen', 'Kleinserienfertigung Optik'],
    seeks: ['Know-how Kunststoff-Spritzgussoptik', 'Vertriebspartner in Japan', 'Glasrohlinge in kleinen Losen'],
    cooperation: ['supply', 'distribution', 'production'],
    languages: ['de', 'en'],
    description:
      'Fiktiver Hersteller von Präzisionsoptik mit 60 Beschäftigten. ' +
      'Fertigt asphärische Linsen und Prototypen für ophthalmologische Geräte und sucht einen Partner für Kunststoffoptik sowie den Markteintritt in Japan.',
    size: 'sme', website: null, contactEmail: 'saaletal-optik@example.com',
  },
  {
    externalId: 'demo-de-jena-lobeda-bioanalytik',
    name: 'Lobeda BioAnalytik GmbH',
    kind: 'company', country: 'DE', regionKey: 'jena',
    sectors: ['72.11', '71.20'],
    offers: ['zellbasierte Assays', 'biomarker assay development', 'Auftragsanalytik nach GLP'],
    seeks: ['serumfreie Zellkulturmedien', 'Photodetektoren für Lumineszenz', 'Japanese pharma clients'],
    cooperation: ['services', 'supply', 'rd'],
    languages: ['de', 'en'],
    description:
      'Fiktives Biotech-Dienstleistungsunternehmen für Bioanalytik. ' +
      'Entwickelt zellbasierte Assays für Pharma- und Diagnostikkunden und sucht Zulieferer für Zellkulturmedien und Detektoren.',
    size: 'sme', website: null, contactEmail: 'lobeda-bioanalytik@example.com',
  },
  {
    externalId: 'demo-de-jena-ilmtal-composites',
    name: 'Ilmtal Composites GmbH',
    kind: 'company', country: 'DE', regionKey: 'jena',
    sectors: ['22.29', '25.62'],
    offers: ['carbon composite parts', 'Faserverbund-Bauteile', 'Leichtbau für Gerätegehäuse'],
    seeks: ['Anwendungen im Instrumentenbau', 'Japanese OEM customers'],
    cooperation: ['supply', 'production', 'rd'],
    languages: ['de', 'en'],
    description:
      'Fictitious maker of fibre-reinforced composite parts. ' +
      'Supplies lightweight housings and structural parts and wants to enter musical-instrument and device manufacturing in Japan.',
    size: 'sme', website: null, contactEmail: 'ilmtal-composites@example.com',
  },
  {
    externalId: 'demo-de-jena-thueringer-mt-vertrieb',
    name: 'Thüringer Medizintechnik Vertrieb GmbH',
    kind: 'company', country: 'DE', regionKey: 'jena',
    sectors: ['46.46', '46.69'],
    offers: ['Medizinprodukte-Vertrieb in DACH', 'Beratung zur CE-Kennzeichnung', 'Händlernetz für Augenkliniken'],
    seeks: ['japanische Medizintechnik-Hersteller', 'innovative surgical instruments'],
    cooperation: ['distribution', 'services'],
    languages: ['de', 'en'],
    description:
      'Fiktiver Fachhändler für Medizinprodukte mit Schwerpunkt Augenheilkunde. ' +
      'Vertreibt Instrumente und Verbrauchsmaterial an Kliniken in Deutschland, Österreich und der Schweiz und sucht neue Hersteller aus Japan.',
    size: 'micro', website: null, contactEmail: 'thueringer-mt-vertrieb@example.com',
  },
];

const HAMAMATSU: DemoOrganisation[] = [
  {
    externalId: 'demo-jp-hamamatsu-hamamatsu-photonics',
    name: 'Hamamatsu Photonics K.K. (浜松ホトニクス株式会社)',
    kind: 'company', country: 'JP', regionKey: 'hamamatsu',
    sectors: ['26.11', '26.70', '26.60'],
    offers: ['光電子増倍管と光検出器', 'イメージセンサ', 'photodetectors for medical imaging'],
    seeks: ['眼科イメージングの共同研究', 'European OEM partners', 'Biophotonik-Anwendungen'],
    cooperation: ['supply', 'rd'],
    languages: ['ja', 'en'],
    description:
      '浜松市に本社を置く光技術の企業で、光センサ、光源、イメージング機器を手がける。' +
      'デモ用の例示プロフィールとして、医療・バイオ分野の欧州パートナーとの共同研究や部品供給を想定している。',
    size: 'large', website: 'https://www.hamamatsu.com', contactEmail: null,
  },
  {
    externalId: 'demo-jp-hamamatsu-yamaha',
    name: 'Yamaha Corporation (ヤマハ株式会社)',
    kind: 'company', country: 'JP', regionKey: 'hamamatsu',
    sectors: ['32.20', '26.40'],
    offers: ['音響信号処理技術', 'acoustic measurement know-how', '楽器用材料の知見'],
    seeks: ['optische Oberflächenprüfung', 'Verbundwerkstoffe für Instrumente', 'European research partners'],
    cooperation: ['rd', 'supply'],
    languages: ['ja', 'en'],
    description:
      '浜松市に本社を置く楽器・音響機器メーカー。' +
      '例示プロフィールとして、楽器製造における光学検査や新素材について欧州の研究機関・企業との連携を想定している。',
    size: 'large', website: 'https://www.yamaha.com', contactEmail: null,
  },
  {
    externalId: 'demo-jp-hamamatsu-kawai',
    name: 'Kawai Musical Instruments Mfg. Co., Ltd. (株式会社河合楽器製作所)',
    kind: 'company', country: 'JP', regionKey: 'hamamatsu',
    sectors: ['32.20'],
    offers: ['ピアノアクション精密部品', '精密木工と樹脂成形', 'piano action components'],
    seeks: ['carbon composite parts', 'Faserverbund-Know-how', '欧州の販売パートナー'],
    cooperation: ['supply', 'rd', 'distribution'],
    languages: ['ja', 'en'],
    description:
      '浜松市のピアノ・楽器メーカー。' +
      '例示プロフィールとして、アクション部品向けの複合材料の調達と欧州での販売協力を想定している。',
    size: 'large', website: null, contactEmail: null,
  },
  {
    externalId: 'demo-jp-hamamatsu-honda',
    name: 'Honda Motor Co., Ltd. (本田技研工業株式会社)',
    kind: 'company', country: 'JP', regionKey: 'hamamatsu',
    sectors: ['29.10', '32.50'],
    offers: ['歩行アシスト技術', 'mobility robotics know-how'],
    seeks: ['Partner für Rehabilitationsforschung', 'clinical gait studies in Europe'],
    cooperation: ['rd'],
    languages: ['ja', 'en'],
    description:
      'Vehicle and mobility manufacturer founded in Hamamatsu in 1948 and now headquartered in Tokyo. ' +
      'Illustrative demo profile: interested in rehabilitation research partners for walking-assist technology.',
    size: 'large', website: 'https://global.honda', contactEmail: null,
  },
  {
    externalId: 'demo-jp-hamamatsu-hama-med',
    name: 'Hamamatsu University School of Medicine (浜松医科大学)',
    kind: 'university', country: 'JP', regionKey: 'hamamatsu',
    sectors: ['85.42', '86.10'],
    offers: ['臨床研究と治験の実施', '光医学研究', 'clinical ophthalmology studies'],
    seeks: ['光学診断機器メーカーとの共同研究', 'Biophotonik-Partner in Deutschland'],
    cooperation: ['rd'],
    languages: ['ja', 'en'],
    description:
      '浜松市の国立医科大学で、附属病院を持ち光医学の研究に取り組む。' +
      '例示プロフィールとして、光学診断機器の臨床評価やドイツの研究機関との共同研究を想定している。',
    size: 'large', website: 'https://www.hama-med.ac.jp', contactEmail: null,
  },
  {
    externalId: 'demo-jp-hamamatsu-shizuoka-university',
    name: 'Shizuoka University, Hamamatsu Campus (静岡大学 浜松キャンパス)',
    kind: 'university', country: 'JP', regionKey: 'hamamatsu',
    sectors: ['85.42', '72.19'],
    offers: ['イメージングデバイス研究', '光エレクトロニクスの共同研究', 'engineering student exchange'],
    seeks: ['Photonik-Forschungsinstitute', 'joint research on optical design', '研究者交流'],
    cooperation: ['rd'],
    languages: ['ja', 'en'],
    description:
      '浜松キャンパスに工学部、情報学部、電子工学研究所を置く国立大学。' +
      '例示プロフィールとして、光・電子分野での研究者交流と共同研究を想定している。',
    size: 'large', website: 'https://www.shizuoka.ac.jp', contactEmail: null,
  },
  {
    externalId: 'demo-jp-hamamatsu-enshu-lens',
    name: 'Enshu Lens Industries Co., Ltd. (遠州レンズ工業株式会社)',
    kind: 'company', country: 'JP', regionKey: 'hamamatsu',
    sectors: ['26.70'],
    offers: ['精密モールドレンズ', 'プラスチック非球面レンズ', 'lens injection molding'],
    seeks: ['欧州の眼科機器メーカー', 'Optikdesign-Partner', 'EU distribution partner'],
    cooperation: ['supply', 'production'],
    languages: ['ja', 'en'],
    description:
      '架空の光学部品メーカー（従業員80名）。' +
      'プラスチック非球面レンズの射出成形を得意とし、欧州の眼科機器メーカーへの供給と光学設計パートナーを求めている。',
    size: 'sme', website: null, contactEmail: 'enshu-lens@example.jp',
  },
  {
    externalId: 'demo-jp-hamamatsu-hamanako-medical',
    name: 'Hamanako Medical Precision Co., Ltd. (浜名湖メディカル精機株式会社)',
    kind: 'company', country: 'JP', regionKey: 'hamamatsu',
    sectors: ['32.50'],
    offers: ['眼科手術用精密器具', 'micro surgical instruments', 'OEM受託製造'],
    seeks: ['ドイツの医療機器販売代理店', 'CE marking support', 'Vertriebspartner Deutschland'],
    cooperation: ['distribution', 'production'],
    languages: ['ja', 'en'],
    description:
      '架空の医療機器メーカー。眼科手術用の精密器具を製造している。' +
      'ドイツでの販売代理店とCEマーキング取得の支援を探している。',
    size: 'sme', website: null, contactEmail: 'hamanako-medical@example.jp',
  },
  {
    externalId: 'demo-jp-hamamatsu-tenryu-biotech',
    name: 'Tenryu Biotech Inc. (天竜バイオテック株式会社)',
    kind: 'company', country: 'JP', regionKey: 'hamamatsu',
    sectors: ['72.11', '20.59'],
    offers: ['無血清細胞培養培地', 'serum-free cell culture media', 'バイオアッセイ受託'],
    seeks: ['European biotech customers', 'zellbasierte Assays', 'EU市場参入の助言'],
    cooperation: ['supply', 'distribution', 'rd'],
    languages: ['ja', 'en'],
    description:
      '架空のバイオベンチャー。無血清の細胞培養培地を開発・製造している。' +
      '欧州のバイオテク企業への販売と、細胞アッセイ分野での共同開発を目指している。',
    size: 'micro', website: null, contactEmail: 'tenryu-biotech@example.jp',
  },
  {
    externalId: 'demo-jp-hamamatsu-mikatahara-sensor',
    name: 'Mikatahara Sensor Co., Ltd. (三方原センサー株式会社)',
    kind: 'company', country: 'JP', regionKey: 'hamamatsu',
    sectors: ['26.11', '26.51'],
    offers: ['赤外線センサモジュール', 'infrared sensor modules', '小型分光センサ'],
    seeks: ['medizintechnische Anwendungen', 'Raman spectroscopy partners', '欧州研究機関との共同開発'],
    cooperation: ['rd', 'supply'],
    languages: ['ja', 'en'],
    description:
      'Fictitious sensor maker producing infrared and compact spectral sensors. ' +
      'Wants to co-develop medical and diagnostic applications with European research institutes.',
    size: 'sme', website: null, contactEmail: 'mikatahara-sensor@example.jp',
  },
  {
    externalId: 'demo-jp-hamamatsu-sanaru-imaging',
    name: 'Sanaru Imaging Software Inc. (佐鳴画像ソフト株式会社)',
    kind: 'company', country: 'JP', regionKey: 'hamamatsu',
    sectors: ['62.01'],
    offers: ['医用画像解析ソフトウェア', 'OCT画像のセグメンテーション', 'image analysis software'],
    seeks: ['Kooperation OCT-Bilddaten', 'ophthalmic device OEMs', '臨床データ提供パートナー'],
    cooperation: ['rd', 'licensing'],
    languages: ['ja', 'en'],
    description:
      '架空のソフトウェア企業で、眼科画像の解析ソフトを開発している。' +
      '眼科機器メーカーへのライセンス提供と、臨床データを持つ研究機関との共同研究を希望している。',
    size: 'micro', website: null, contactEmail: 'sanaru-imaging@example.jp',
  },
];

export const JENA_HAMAMATSU_ORGANISATIONS: DemoOrganisation[] = [...JENA, ...HAMAMATSU];

export const JENA_HAMAMATSU_EVENTS: DemoEvent[] = [
  {
    slug: 'medica-2007-hamamatsu-jena',
    name: 'MEDICA 2007 Hamamatsu × Jena seminar',
    tieUpKey: 'jena-hamamatsu',
    venue: 'MEDICA 2007, Messe Düsseldorf',
    timeZone: 'Europe/Berlin',
    days: ['2007-11-15'],
    rule: 'cross-country',
    description:
      'Seminar and one-to-one partnering meetings of the Jena × Hamamatsu tie-up at the MEDICA 2007 trade fair. ' +
      'The participant list is illustrative demo data.',
    participantExternalIds: [
      'demo-de-jena-carl-zeiss-meditec',
      'demo-de-jena-jenoptik',
      'demo-de-jena-uni-jena',
      'demo-de-jena-fraunhofer-iof',
      'demo-de-jena-leibniz-ipht',
      'demo-de-jena-optonet',
      'demo-de-jena-ophthalmoinnovation',
      'demo-de-jena-bioregio',
      'demo-de-jena-saaletal-optik',
      'demo-de-jena-lobeda-bioanalytik',
      'demo-de-jena-thueringer-mt-vertrieb',
      'demo-jp-hamamatsu-hamamatsu-photonics',
      'demo-jp-hamamatsu-honda',
      'demo-jp-hamamatsu-hama-med',
      'demo-jp-hamamatsu-shizuoka-university',
      'demo-jp-hamamatsu-enshu-lens',
      'demo-jp-hamamatsu-hamanako-medical',
      'demo-jp-hamamatsu-tenryu-biotech',
      'demo-jp-hamamatsu-mikatahara-sensor',
      'demo-jp-hamamatsu-sanaru-imaging',
    ],
  },
];
