import type { DemoEvent, DemoOrganisation, DemoTieUp } from '../demo-data.types';

// Story 4: Bavarian clusters × Japanese companies with a presence in Munich.
// The Japanese companies are fictitious and listed under their Tokyo head offices.
// Profiles of real organisations are illustrative, not statements by them.

export const BAVARIA_JAPAN_TIE_UP: DemoTieUp = {
  key: 'bavaria-japan',
  name: 'Bavarian clusters × Japanese companies in Munich',
  programme: 'Cluster-Offensive Bayern – Japan business contacts',
  regionKeys: ['bavaria', 'tokyo'],
  focusSectors: [
    'mechatronics-robotics',
    'medical-technology',
    'automotive',
    'electronics-semiconductors',
    'software-ict',
    'chemistry',
    'advanced-materials',
  ],
  startsOn: null,
  endsOn: null,
  description:
    'Standing cooperation between Bavarian industry clusters and Japanese companies with European offices in and around Munich. ' +
    'Mechatronics, medical technology, automotive electronics, chemistry and materials.',
};

const BAVARIA: DemoOrganisation[] = [
  {
    externalId: 'demo-de-bavaria-cluster-mechatronik',
    name: 'Cluster Mechatronik & Automation e.V.',
    kind: 'cluster', country: 'DE', regionKey: 'bavaria',
    sectors: ['94.11'],
    offers: ['Netzwerk Mechatronik in Bayern', 'Workshops zum Technologietransfer', 'cluster matchmaking'],
    seeks: ['japanische Robotikunternehmen', 'Japanese automation partners'],
    cooperation: ['services'],
    languages: ['de', 'en'],
    description:
      'Bayerisches Cluster für Mechatronik und Automation. ' +
      'Illustratives Demo-Profil: bringt Maschinenbauer und Automatisierer mit japanischen Unternehmen in München zusammen.',
    size: 'micro', website: null, contactEmail: null,
  },
  {
    externalId: 'demo-de-bavaria-cluster-medizintechnik',
    name: 'Cluster Medizintechnik (Bayern Innovativ)',
    kind: 'cluster', country: 'DE', regionKey: 'bavaria',
    sectors: ['94.11', '32.50'],
    offers: ['Netzwerk Medizintechnik Bayern', 'Kontakte zu Kliniken und Start-ups'],
    seeks: ['Japanese medtech companies in Europe', 'Zugang zum japanischen Gesundheitsmarkt'],
    cooperation: ['services'],
    languages: ['de', 'en'],
    description:
      'Medizintechnik-Cluster der bayerischen Cluster-Offensive. ' +
      'Illustratives Demo-Profil: vermittelt Entwicklungs- und Klinikpartner für japanische Medizintechnikfirmen.',
    size: 'micro', website: null, contactEmail: null,
  },
  {
    externalId: 'demo-de-bavaria-chemie-cluster',
    name: 'Chemie-Cluster Bayern',
    kind: 'cluster', country: 'DE', regionKey: 'bavaria',
    sectors: ['94.11', '20.59'],
    offers: ['Netzwerk der Chemieindustrie in Bayern', 'Kontakte zu Chemieparks'],
    seeks: ['japanische Spezialchemie', 'advanced materials partners in Japan'],
    cooperation: ['services'],
    languages: ['de', 'en'],
    description:
      'Netzwerk der chemischen Industrie in Bayern. ' +
      'Illustratives Demo-Profil: sucht Kooperationen zwischen bayerischen Chemieunternehmen und japanischen Materialherstellern.',
    size: 'micro', website: null, contactEmail: null,
  },
  {
    externalId: 'demo-de-bavaria-isar-robotik',
    name: 'Isar Robotik GmbH',
    kind: 'company', country: 'DE', regionKey: 'bavaria',
    sectors: ['28.99', '62.01'],
    offers: ['Robotersteuerung mit Bildverarbeitung', 'cobot application engineering', 'Systemintegration in der Montage'],
    seeks: ['präzise Servomotoren', 'Japanese robot manufacturers', 'Vertriebspartner in Japan'],
    cooperation: ['rd', 'supply', 'distribution'],
    languages: ['de', 'en'],
    description:
      'Fiktiver Systemintegrator für kollaborative Roboter in der Montage. ' +
      'Entwickelt Bildverarbeitung und Greiflösungen und sucht Antriebspartner sowie einen Vertriebsweg nach Japan.',
    size: 'sme', website: null, contactEmail: 'isar-robotik@example.com',
  },
  {
    externalId: 'demo-de-bavaria-wuermtal-medizintechnik',
    name: 'Würmtal Medizintechnik GmbH',
    kind: 'company', country: 'DE', regionKey: 'bavaria',
    sectors: ['32.50', '26.60'],
    offers: ['Ultraschallsonden für die Diagnostik', 'Entwicklung nach MDR', 'contract development of medical devices'],
    seeks: ['piezo ceramic components', 'Japanese imaging partners', 'Zulassung in Japan'],
    cooperation: ['rd', 'services', 'supply'],
    languages: ['de', 'en'],
    description:
      'Fiktiver Entwicklungsdienstleister für diagnostische Medizingeräte. ' +
      'Entwickelt Ultraschallsonden im Kundenauftrag und sucht Komponentenlieferanten und Partner für die Zulassung in Japan.',
    size: 'sme', website: null, contactEmail: 'wuermtal-medtech@example.com',
  },
  {
    externalId: 'demo-de-bavaria-ammersee-sensorsysteme',
    name: 'Ammersee Sensorsysteme GmbH',
    kind: 'company', country: 'DE', regionKey: 'bavaria',
    sectors: ['26.51', '29.31'],
    offers: ['Radar- und Lidar-Sensorik', 'embedded sensor fusion software', 'Sensormodule für Fahrerassistenz'],
    seeks: ['radar MMIC chips', 'Japanese Tier-1 customers', 'automotive-grade PCB assembly'],
    cooperation: ['rd', 'supply'],
    languages: ['de', 'en'],
    description:
      'Fictitious developer of radar and lidar sensor modules for driver assistance. ' +
      'Looks for chip suppliers and electronics manufacturing partners among Japanese companies in Munich.',
    size: 'sme', website: null, contactEmail: 'ammersee-sensor@example.com',
  },
  {
    externalId: 'demo-de-bavaria-garchinger-werkstofftechnik',
    name: 'Garchinger Werkstofftechnik GmbH',
    kind: 'company', country: 'DE', regionKey: 'bavaria',
    sectors: ['20.59', '72.19'],
    offers: ['Beschichtung von Kathodenmaterialien', 'materials characterisation', 'Skalierung in Pilotanlagen'],
    seeks: ['Japanese battery material producers', 'Polymerbinder für Elektroden', 'Lieferanten für Präkursoren'],
    cooperation: ['rd', 'services', 'supply'],
    languages: ['de', 'en'],
    description:
      'Fiktives Werkstoff-Start-up aus dem Forschungsumfeld Garching. ' +
      'Entwickelt Beschichtungen für Batteriematerialien und sucht japanische Material- und Chemiepartner.',
    size: 'micro', website: null, contactEmail: 'garching-werkstoffe@example.com',
  },
];

const JAPAN: DemoOrganisation[] = [
  {
    externalId: 'demo-jp-tokyo-jetro',
    name: 'JETRO – Japan External Trade Organization (日本貿易振興機構)',
    kind: 'agency', country: 'JP', regionKey: 'tokyo',
    sectors: ['84.13'],
    offers: ['日本市場への参入支援', 'market entry support for Japan', 'ビジネスマッチング'],
    seeks: ['Bavarian companies entering Japan', 'Kooperation mit bayerischen Clustern'],
    cooperation: ['services'],
    languages: ['ja', 'en', 'de'],
    description:
      '東京に本部を置く日本の貿易・投資振興機関で、ドイツにも事務所を持つ。' +
      '例示プロフィールとして、バイエルンの企業とクラスターの日本市場参入を支援する。',
    size: 'large', website: 'https://www.jetro.go.jp', contactEmail: null,
  },
  {
    externalId: 'demo-jp-tokyo-musashino-precision-motors',
    name: 'Musashino Precision Motors Co., Ltd. (武蔵野精密モーター株式会社)',
    kind: 'company', country: 'JP', regionKey: 'tokyo',
    sectors: ['27.11', '28.15'],
    offers: ['小型精密サーボモータ', 'präzise Servomotoren', 'reduction gears for robots'],
    seeks: ['European robot integrators', 'cobot application partners', 'ドイツでの技術サポート'],
    cooperation: ['supply', 'distribution', 'rd'],
    languages: ['ja', 'en', 'de'],
    description:
      '架空の精密モーターメーカーで、ミュンヘンに欧州事務所を置いている。' +
      'ロボット向けのサーボモータと減速機を欧州のシステムインテグレーターに供給したいと考えている。',
    size: 'large', website: null, contactEmail: 'musashino-motors@example.jp',
  },
  {
    externalId: 'demo-jp-tokyo-shinagawa-medical-imaging',
    name: 'Shinagawa Medical Imaging K.K. (品川メディカルイメージング株式会社)',
    kind: 'company', country: 'JP', regionKey: 'tokyo',
    sectors: ['26.60', '32.50'],
    offers: ['超音波画像診断装置', 'piezo ceramic components', 'ultrasound image processing'],
    seeks: ['deutsche Entwicklungspartner für Medizingeräte', 'MDR conformity support', '欧州の臨床評価パートナー'],
    cooperation: ['rd', 'supply', 'services'],
    languages: ['ja', 'en'],
    description:
      '架空の医用画像機器メーカーで、ミュンヘン近郊に欧州開発拠点を置いている。' +
      '欧州向け製品の共同開発とMDR対応の支援を求めている。',
    size: 'large', website: null, contactEmail: 'shinagawa-imaging@example.jp',
  },
  {
    externalId: 'demo-jp-tokyo-kanda-specialty-chemicals',
    name: 'Kanda Specialty Chemicals Co., Ltd. (神田スペシャリティケミカル株式会社)',
    kind: 'company', country: 'JP', regionKey: 'tokyo',
    sectors: ['20.59', '20.16'],
    offers: ['高機能ポリマー材料', 'polymer binders for electrodes', 'specialty chemicals for electronics'],
    seeks: ['bayerische Chemiepartner', 'European battery material makers', 'pilot scale-up partners'],
    cooperation: ['supply', 'rd', 'joint_venture'],
    languages: ['ja', 'en'],
    description:
      'Fictitious specialty chemicals maker with a European sales office in Munich. ' +
      'Wants to co-develop battery and electronics materials with Bavarian partners.',
    size: 'large', website: null, contactEmail: 'kanda-chemicals@example.jp',
  },
  {
    externalId: 'demo-jp-tokyo-meguro-semiconductor',
    name: 'Meguro Semiconductor Devices Co., Ltd. (目黒セミコンダクター株式会社)',
    kind: 'company', country: 'JP', regionKey: 'tokyo',
    sectors: ['26.11'],
    offers: ['車載レーダー用MMIC', 'radar MMIC chips', 'GaN power devices'],
    seeks: ['European ADAS sensor makers', 'Software für Sensorfusion', '欧州設計拠点の協力先'],
    cooperation: ['supply', 'rd'],
    languages: ['ja', 'en'],
    description:
      '架空の半導体メーカーで、ミュンヘンに車載向けの設計サポート拠点を持つ。' +
      '欧州のADASセンサメーカーとの共同開発とデザインインを目指している。',
    size: 'large', website: null, contactEmail: 'meguro-semi@example.jp',
  },
  {
    externalId: 'demo-jp-tokyo-otemachi-iot',
    name: 'Otemachi IoT Solutions Inc. (大手町IoTソリューションズ株式会社)',
    kind: 'company', country: 'JP', regionKey: 'tokyo',
    sectors: ['62.01', '63.11'],
    offers: ['工場IoTプラットフォーム', 'predictive maintenance analytics'],
    seeks: ['German machine builders', 'Mechatronik-Partner', 'OPC UA integration partners'],
    cooperation: ['services', 'licensing', 'rd'],
    languages: ['ja', 'en'],
    description:
      '架空のIoTソフトウェア企業で、ミュンヘンに小規模な営業拠点を持つ。' +
      'ドイツの機械メーカーと組んで予知保全サービスを展開したいと考えている。',
    size: 'sme', website: null, contactEmail: 'otemachi-iot@example.jp',
  },
  {
    externalId: 'demo-jp-tokyo-ariake-vehicle-electronics',
    name: 'Ariake Vehicle Electronics Co., Ltd. (有明車載電子株式会社)',
    kind: 'company', country: 'JP', regionKey: 'tokyo',
    sectors: ['29.31', '26.12'],
    offers: ['車載ECUの基板実装', 'automotive-grade PCB assembly', 'EMC試験'],
    seeks: ['Radar- und Lidar-Sensorik', 'European Tier-1 design-ins', 'ミュンヘンでの開発パートナー'],
    cooperation: ['production', 'supply'],
    languages: ['ja', 'en'],
    description:
      '架空の車載電子機器メーカーで、ECU基板の実装とEMC試験を手がける。' +
      'ミュンヘン周辺のセンサ開発企業から量産の受託を得たいと考えている。',
    size: 'sme', website: null, contactEmail: 'ariake-electronics@example.jp',
  },
];

export const BAVARIA_JAPAN_ORGANISATIONS: DemoOrganisation[] = [...BAVARIA, ...JAPAN];

export const BAVARIA_JAPAN_EVENTS: DemoEvent[] = [
  {
    slug: 'munich-bavaria-japan-business-day',
    name: 'Bavaria × Japan Business Day Munich',
    tieUpKey: 'bavaria-japan',
    venue: 'Munich',
    timeZone: 'Europe/Berlin',
    days: ['2023-10-19'],
    rule: 'cross-country',
    description:
      'Illustrative one-day business meeting of Bavarian clusters and their members with Japanese companies based in Munich. ' +
      'One-to-one meetings in the afternoon.',
    participantExternalIds: [...BAVARIA, ...JAPAN].map((organisation) => organisation.externalId),
  },
];
