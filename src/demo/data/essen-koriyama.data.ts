import type { DemoEvent, DemoOrganisation, DemoTieUp } from '../demo-data.types';

// Story 5: Essen × Koriyama / Fukushima: energy, environment, health.
// Profiles of real organisations are illustrative, not statements by them.

export const ESSEN_KORIYAMA_TIE_UP: DemoTieUp = {
  key: 'essen-koriyama',
  name: 'Essen × Koriyama / Fukushima',
  programme: 'Regional industry cooperation Essen–Fukushima',
  regionKeys: ['essen', 'koriyama', 'fukushima'],
  focusSectors: [
    'renewable-energy',
    'hydrogen',
    'energy-efficiency',
    'environment-water',
    'medical-technology',
    'health-economy',
    'pharma',
  ],
  startsOn: '2016-04-01',
  endsOn: null,
  description:
    'Cooperation of the energy and health city of Essen with Koriyama and Fukushima, which are rebuilding their economy around ' +
    'renewable energy and medical devices. Energy, hydrogen, water management and health care.',
};

const ESSEN: DemoOrganisation[] = [
  {
    externalId: 'demo-de-essen-innogy',
    name: 'innogy SE',
    kind: 'company', country: 'DE', regionKey: 'essen',
    sectors: ['35.11', '35.13', '35.14'],
    offers: ['Projekte für erneuerbare Energien', 'smart grid pilot projects', 'Energiedienstleistungen für Kommunen'],
    seeks: ['Wasserstoffspeicherung', 'Japanese renewable energy partners', 'PV module testing'],
    cooperation: ['rd', 'joint_venture', 'investment'],
    languages: ['de', 'en'],
    description:
      'Energieunternehmen mit Sitz in Essen, bis 2020 eigenständig am Markt. ' +
      'Illustratives Demo-Profil: Interesse an gemeinsamen Pilotprojekten zu erneuerbaren Energien und Netzen mit Partnern in Fukushima.',
    size: 'large', website: null, contactEmail: null,
  },
  {
    externalId: 'demo-de-essen-noweda',
    name: 'NOWEDA eG',
    kind: 'company', country: 'DE', regionKey: 'essen',
    sectors: ['46.46'],
    offers: ['Pharmagroßhandel für Apotheken', 'Apothekenlogistik', 'pharmaceutical wholesale logistics'],
    seeks: ['Japanese health products for pharmacies', 'Automatisierung der Kommissionierung'],
    cooperation: ['distribution', 'services'],
    languages: ['de', 'en'],
    description:
      'Apothekergenossenschaft mit Sitz in Essen, die Apotheken mit Arzneimitteln und Gesundheitsprodukten beliefert. ' +
      'Illustratives Demo-Profil: offen für Gesundheitsprodukte und Logistikinnovationen aus Japan.',
    size: 'large', website: 'https://www.noweda.de', contactEmail: null,
  },
  {
    externalId: 'demo-de-essen-roeser-medical',
    name: 'ROESER MEDICAL GmbH',
    kind: 'company', country: 'DE', regionKey: 'essen',
    sectors: ['32.50', '46.46'],
    offers: ['Medizinprodukte für Kliniken', 'Vertrieb im Gesundheitswesen'],
    seeks: ['japanische Medizintechnik-Hersteller', 'medical devices from Fukushima'],
    cooperation: ['distribution', 'supply'],
    languages: ['de', 'en'],
    description:
      'Medizintechnikunternehmen aus Essen. ' +
      'Illustratives Demo-Profil: Interesse an Medizinprodukten japanischer Hersteller für den deutschen Markt.',
    size: 'sme', website: null, contactEmail: null,
  },
  {
    externalId: 'demo-de-essen-contilia',
    name: 'Contilia GmbH',
    kind: 'hospital', country: 'DE', regionKey: 'essen',
    sectors: ['86.10', '87.10'],
    offers: ['klinische Erprobung von Medizinprodukten', 'Know-how in Pflege und Altenhilfe', 'hospital management exchange'],
    seeks: ['clinical evaluation partners in Japan', 'Austausch zum Krankenhausmanagement', 'remote care solutions'],
    cooperation: ['rd', 'services'],
    languages: ['de', 'en'],
    description:
      'Gesundheitsverbund mit Krankenhäusern und Einrichtungen der Altenhilfe in Essen. ' +
      'Illustratives Demo-Profil: Austausch mit japanischen Kliniken über Versorgung in einer alternden Gesellschaft.',
    size: 'large', website: null, contactEmail: null,
  },
  {
    externalId: 'demo-de-essen-gwi',
    name: 'Gas- und Wärme-Institut Essen e.V. (GWI)',
    kind: 'research', country: 'DE', regionKey: 'essen',
    sectors: ['72.19', '71.20'],
    offers: ['Wasserstoffbeimischung in Gasnetzen', 'Prüflabor für Gasgeräte', 'energy efficiency of heating'],
    seeks: ['Japanese fuel cell makers', 'hydrogen research partners', 'Brennstoffzellen-Heizgeräte'],
    cooperation: ['rd', 'services'],
    languages: ['de', 'en'],
    description:
      'Forschungs- und Prüfinstitut für Gas- und Wärmetechnik in Essen. ' +
      'Illustratives Demo-Profil: sucht Partner für Forschung zu Wasserstoff im Wärmemarkt und zu Brennstoffzellen.',
    size: 'sme', website: null, contactEmail: null,
  },
  {
    externalId: 'demo-de-essen-emschergenossenschaft',
    name: 'Emschergenossenschaft',
    kind: 'agency', country: 'DE', regionKey: 'essen',
    sectors: ['37.00', '36.00', '42.91'],
    offers: ['Renaturierung von Flüssen', 'Abwasserreinigung im Großmaßstab', 'flood risk management'],
    seeks: ['Japanese water technology', 'Sensorik für Kanalnetze', 'disaster resilience know-how'],
    cooperation: ['rd', 'services'],
    languages: ['de', 'en'],
    description:
      'Wasserwirtschaftsverband mit Sitz in Essen, bekannt für den ökologischen Umbau der Emscher. ' +
      'Illustratives Demo-Profil: Austausch zu Abwassertechnik, Hochwasserschutz und Resilienz mit Partnern in Fukushima.',
    size: 'large', website: 'https://www.eglv.de', contactEmail: null,
  },
  {
    externalId: 'demo-de-essen-uni-due',
    name: 'Universität Duisburg-Essen',
    kind: 'university', country: 'DE', regionKey: 'essen',
    sectors: ['85.42', '72.19'],
    offers: ['Forschung zu Energiesystemen', 'Wasserforschung', 'clinical research at university hospital'],
    seeks: ['Japanese renewable energy institutes', 'joint research on water', 'Studierendenaustausch mit Japan'],
    cooperation: ['rd'],
    languages: ['de', 'en'],
    description:
      'Universität mit Standorten in Duisburg und Essen und Schwerpunkten unter anderem in Energie, Wasser und Medizin. ' +
      'Illustratives Demo-Profil: gemeinsame Forschung und Austausch mit Hochschulen in Koriyama und Fukushima.',
    size: 'large', website: 'https://www.uni-due.de', contactEmail: null,
  },
  {
    externalId: 'demo-de-essen-ruhrtal-wasserstofftechnik',
    name: 'Ruhrtal Wasserstofftechnik GmbH',
    kind: 'company', country: 'DE', regionKey: 'essen',
    sectors: ['20.11', '28.29'],
    offers: ['PEM electrolysers', 'Service für Elektrolyseur-Stacks', 'Wasserstoff-Tankstellentechnik'],
    seeks: ['Japanese hydrogen demonstration sites', 'membrane electrode assemblies', 'Partner für Wasserstoffmobilität'],
    cooperation: ['supply', 'rd', 'joint_venture'],
    languages: ['de', 'en'],
    description:
      'Fiktiver Hersteller kleiner PEM-Elektrolyseure für Gewerbe und Kommunen. ' +
      'Sucht Demonstrationsstandorte und Komponentenlieferanten in Japan.',
    size: 'sme', website: null, contactEmail: 'ruhrtal-h2@example.com',
  },
  {
    externalId: 'demo-de-essen-zollverein-health-it',
    name: 'Zollverein Health IT GmbH',
    kind: 'company', country: 'DE', regionKey: 'essen',
    sectors: ['62.01'],
    offers: ['Software für Pflegedokumentation', 'Telemedizin-Plattform', 'hospital interoperability (FHIR)'],
    seeks: ['Japanese hospital pilot partners', 'regional health cohort data', 'remote care in rural areas'],
    cooperation: ['licensing', 'services', 'rd'],
    languages: ['de', 'en'],
    description:
      'Fictitious health IT company building documentation and telemedicine software for hospitals and care homes. ' +
      'Looks for pilot hospitals in Japan, where rural care faces similar challenges.',
    size: 'micro', website: null, contactEmail: 'zollverein-health-it@example.com',
  },
];

const JAPAN: DemoOrganisation[] = [
  {
    externalId: 'demo-jp-koriyama-frea',
    name: 'Fukushima Renewable Energy Institute, AIST (FREA, 産業技術総合研究所 福島再生可能エネルギー研究所)',
    kind: 'research', country: 'JP', regionKey: 'koriyama',
    sectors: ['72.19'],
    offers: ['再生可能エネルギーの研究', '水素キャリア技術', 'PV module testing'],
    seeks: ['European hydrogen research partners', 'Wasserstoff in Gasnetzen', '研究者交流'],
    cooperation: ['rd'],
    languages: ['ja', 'en'],
    description:
      '郡山市にある産業技術総合研究所の再生可能エネルギー研究拠点。' +
      '例示プロフィールとして、水素や太陽光発電の分野で欧州の研究機関との共同研究を想定している。',
    size: 'sme', website: 'https://www.aist.go.jp', contactEmail: null,
  },
  {
    externalId: 'demo-jp-koriyama-nihon-university-engineering',
    name: 'Nihon University, College of Engineering (日本大学 工学部)',
    kind: 'university', country: 'JP', regionKey: 'koriyama',
    sectors: ['85.42', '72.19'],
    offers: ['環境・エネルギー工学の研究', 'water treatment research', '地域企業との共同研究'],
    seeks: ['German universities for exchange', 'Forschung zur Abwassertechnik', 'エネルギー分野の共同研究'],
    cooperation: ['rd'],
    languages: ['ja', 'en'],
    description:
      '郡山市にキャンパスを置く日本大学の工学部。' +
      '例示プロフィールとして、環境・エネルギー分野でドイツの大学との研究交流を想定している。',
    size: 'large', website: null, contactEmail: null,
  },
  {
    externalId: 'demo-jp-koriyama-southern-tohoku-hospital',
    name: 'Southern TOHOKU General Hospital (総合南東北病院)',
    kind: 'hospital', country: 'JP', regionKey: 'koriyama',
    sectors: ['86.10'],
    offers: ['医療機器の臨床評価', '高度医療の臨床経験', 'clinical evaluation of devices'],
    seeks: ['deutsche Kliniken für Austausch', 'hospital interoperability (FHIR)', '医療機器メーカーとの連携'],
    cooperation: ['rd', 'services'],
    languages: ['ja', 'en'],
    description:
      '郡山市にある南東北病院グループの総合病院。' +
      '例示プロフィールとして、ドイツの病院との交流や医療機器の臨床評価での協力を想定している。',
    size: 'large', website: null, contactEmail: null,
  },
  {
    externalId: 'demo-jp-koriyama-medical-device-center',
    name: 'Fukushima Medical Device Development Support Center (ふくしま医療機器開発支援センター)',
    kind: 'agency', country: 'JP', regionKey: 'koriyama',
    sectors: ['71.20', '72.19'],
    offers: ['医療機器の安全性評価', 'biocompatibility and safety testing', '薬事相談'],
    seeks: ['European medtech companies', 'Prüfwissen zu CE und MDR', 'ドイツの医療機器クラスター'],
    cooperation: ['services'],
    languages: ['ja', 'en'],
    description:
      '郡山市にある医療機器の評価・開発支援施設。' +
      '例示プロフィールとして、欧州の医療機器企業の試験受託と日本市場参入の支援を想定している。',
    size: 'sme', website: null, contactEmail: null,
  },
  {
    externalId: 'demo-jp-koriyama-asaka-hydrogen',
    name: 'Asaka Hydrogen Energy Co., Ltd. (安積水素エナジー株式会社)',
    kind: 'company', country: 'JP', regionKey: 'koriyama',
    sectors: ['35.21', '20.11'],
    offers: ['再エネ由来水素の製造', 'hydrogen demonstration sites', '水素ステーションの運営'],
    seeks: ['PEM electrolysers', 'Service für Elektrolyseur-Stacks', '欧州の水素技術企業'],
    cooperation: ['supply', 'joint_venture'],
    languages: ['ja', 'en'],
    description:
      '架空の水素エネルギー企業。太陽光由来の電力で水素を製造し、地域の燃料電池車に供給している。' +
      '欧州の電解装置メーカーとの協業を探している。',
    size: 'micro', website: null, contactEmail: 'asaka-h2@example.jp',
  },
  {
    externalId: 'demo-jp-koriyama-bandai-enviro-techno',
    name: 'Bandai Environmental Techno Co., Ltd. (磐梯環境テクノ株式会社)',
    kind: 'company', country: 'JP', regionKey: 'koriyama',
    sectors: ['39.00', '71.12'],
    offers: ['土壌と水の除染技術', 'environmental monitoring', '放射線計測サービス'],
    seeks: ['Sensorik für Gewässermonitoring', 'European water utilities', 'river restoration know-how'],
    cooperation: ['services', 'rd'],
    languages: ['ja'],
    description:
      '架空の環境技術企業。除染と環境モニタリングの経験を持つ。' +
      '欧州の水管理団体と河川再生や水質監視のノウハウを交換したいと考えている。',
    size: 'sme', website: null, contactEmail: 'bandai-enviro@example.jp',
  },
  {
    externalId: 'demo-jp-fukushima-fmu',
    name: 'Fukushima Medical University (福島県立医科大学)',
    kind: 'university', country: 'JP', regionKey: 'fukushima',
    sectors: ['85.42', '86.10'],
    offers: ['放射線医学と県民健康調査', 'regional health cohort data', '医療機器の臨床研究'],
    seeks: ['German partners in health research', 'Telemedizin-Plattform', '医療産業の国際連携'],
    cooperation: ['rd'],
    languages: ['ja', 'en'],
    description:
      '福島市にある県立の医科大学で、附属病院を持つ。' +
      '例示プロフィールとして、健康研究や遠隔医療の分野でドイツのパートナーとの連携を想定している。',
    size: 'large', website: 'https://www.fmu.ac.jp', contactEmail: null,
  },
  {
    externalId: 'demo-jp-fukushima-shinobu-fuel-cell',
    name: 'Shinobu Fuel Cell Systems Co., Ltd. (信夫燃料電池システム株式会社)',
    kind: 'company', country: 'JP', regionKey: 'fukushima',
    sectors: ['27.90', '35.30'],
    offers: ['家庭用燃料電池ユニット', 'Brennstoffzellen-Heizgeräte', 'membrane electrode assemblies'],
    seeks: ['Prüfung von Gasgeräten', 'European heating market entry', 'Wasserstoffbeimischung in Gasnetzen'],
    cooperation: ['supply', 'rd', 'distribution'],
    languages: ['ja', 'en'],
    description:
      'Fictitious maker of residential fuel cell heating units and membrane electrode assemblies. ' +
      'Wants certification testing and partners for the European heating market.',
    size: 'sme', website: null, contactEmail: 'shinobu-fc@example.jp',
  },
  {
    externalId: 'demo-jp-fukushima-azuma-water',
    name: 'Azuma Water Engineering Co., Ltd. (吾妻水処理エンジニアリング株式会社)',
    kind: 'company', country: 'JP', regionKey: 'fukushima',
    sectors: ['36.00', '37.00', '71.12'],
    offers: ['小規模浄水システム', 'Sensorik für Kanalnetze', '膜ろ過プラント'],
    seeks: ['Renaturierung von Flüssen', 'European water utilities', '下水道管理のノウハウ'],
    cooperation: ['services', 'supply', 'rd'],
    languages: ['ja', 'en'],
    description:
      '架空の水処理エンジニアリング会社。小規模浄水設備と下水道のセンサ監視を手がける。' +
      'ドイツの水管理団体との技術交流と欧州での事業機会を探している。',
    size: 'sme', website: null, contactEmail: 'azuma-water@example.jp',
  },
];

export const ESSEN_KORIYAMA_ORGANISATIONS: DemoOrganisation[] = [...ESSEN, ...JAPAN];

export const ESSEN_KORIYAMA_EVENTS: DemoEvent[] = [
  {
    slug: 'essen-koriyama-energy-health-2017',
    name: 'Essen × Koriyama Energy & Health Partnering 2017',
    tieUpKey: 'essen-koriyama',
    venue: 'Big Palette Fukushima, Koriyama',
    timeZone: 'Asia/Tokyo',
    days: ['2017-10-24'],
    rule: 'cross-country',
    description:
      'Illustrative partnering day of the Essen × Koriyama / Fukushima cooperation, held in Koriyama. ' +
      'Morning session on energy and water, afternoon on health and medical devices.',
    participantExternalIds: [...ESSEN, ...JAPAN].map((organisation) => organisation.externalId),
  },
];
