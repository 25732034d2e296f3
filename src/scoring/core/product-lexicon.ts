// Product-level concepts across German, English and Japanese: finer than the focus sectors, so that
// "forged chassis parts" meets "鍛造シャシー部品" but not "powertrain modules" (same sector, different
// product). Each concept names the focus sector it implies, which also gives a domain to phrases the
// sector synonyms miss. General domain vocabulary of the tie-up sectors, not tied to any data set.
import type { ConceptEntry } from '../../text';

export const PRODUCT_PREFIX = 'prod:';

type Row = [id: string, domain: string, en: string[], de: string[], ja: string[]];

const ROWS: Row[] = [
  // automotive
  ['chassis-parts', 'automotive', ['chassis parts', 'chassis components', 'suspension parts', 'forged parts', 'forgings'], ['Fahrwerksteile', 'Fahrwerkskomponenten', 'Schmiedeteile', 'Fahrwerk'], ['シャシー部品', 'シャーシ部品', '足回り部品', '鍛造部品']],
  ['gears', 'automotive', ['gears', 'gear components', 'gearbox parts', 'transmission gears', 'gear wheels', 'gearing'], ['Zahnräder', 'Zahnrad', 'Getriebeteile', 'Verzahnungsteile', 'Verzahnung', 'Getriebezahnräder'], ['歯車', 'ギア', 'ギヤ']],
  ['die-casting', 'automotive', ['die-cast parts', 'die cast parts', 'die castings', 'castings', 'cast parts'], ['Druckgussteile', 'Druckguss', 'Gussteile', 'Aluminiumguss', 'Magnesiumguss'], ['ダイカスト', '鋳造部品', '鋳物']],
  ['powertrain', 'automotive', ['powertrain', 'powertrain modules', 'drive units', 'drivetrain', 'drive shafts'], ['Antriebsstrang', 'Antriebseinheiten', 'Antriebseinheit', 'Antriebswellen', 'Antriebsmodule'], ['パワートレイン', '駆動ユニット', 'ドライブシャフト']],
  ['transmissions', 'automotive', ['transmission', 'transmissions', 'hybrid transmissions', 'gearboxes'], ['Getriebe', 'Hybridgetriebe', 'Schaltgetriebe'], ['トランスミッション', '変速機']],
  ['ecu', 'automotive', ['engine control units', 'electronic control units', 'ECU', 'ECUs', 'control units'], ['Steuergeräte', 'Motorsteuergeräte', 'Steuergerät'], ['ECU', '電子制御ユニット', '制御ユニット']],
  ['adas', 'automotive', ['ADAS', 'driver assistance', 'radar sensors', 'automotive radar', 'autonomous driving'], ['Fahrerassistenz', 'Fahrerassistenzsysteme', 'autonomes Fahren'], ['ADAS', '運転支援', '自動運転']],
  ['body-structures', 'automotive', ['body structures', 'lightweight body', 'body parts', 'body-in-white', 'lightweight structures'], ['Karosseriestrukturen', 'Karosserie', 'Leichtbau', 'Karosserieteile'], ['車体構造', '車体部品', 'ボディ部品', '軽量構造', '軽量ボディ']],
  ['vehicles', 'automotive', ['passenger cars', 'motorcycles', 'commercial vehicles'], ['Pkw', 'Personenkraftwagen', 'Motorräder', 'Nutzfahrzeuge'], ['乗用車', '二輪車', 'オートバイ', '商用車']],
  ['vehicle-testing', 'automotive', ['vehicle testing', 'proving ground', 'test track', 'durability testing', 'pre-series validation', 'pre-production validation'], ['Fahrzeugerprobung', 'Prüfgelände', 'Teststrecke', 'Dauerlauf', 'Vorserienvalidierung'], ['車両試験', 'テストコース', '耐久試験', '量産前検証']],
  // e-mobility
  ['battery-packs', 'e-mobility', ['battery packs', 'battery modules', 'battery systems'], ['Batteriepacks', 'Batteriemodule', 'Batteriesysteme'], ['バッテリーパック', '電池パック', '電池モジュール']],
  ['battery-cells', 'e-mobility', ['battery cells', 'lithium-ion cells', 'solid-state batteries', 'solid-state battery cells', 'lithium-ion batteries'], ['Batteriezellen', 'Lithium-Ionen-Zellen', 'Festkörperbatterien', 'Festkörperzellen'], ['電池セル', 'リチウムイオン電池', '全固体電池', 'バッテリーセル']],
  ['battery-materials', 'e-mobility', ['battery materials', 'cathode materials', 'anode materials', 'battery cell materials', 'electrolytes'], ['Batteriematerialien', 'Kathodenmaterialien', 'Anodenmaterialien', 'Batteriezellmaterialien'], ['電池材料', '正極材', '負極材', '電解液']],
  ['electric-drives', 'e-mobility', ['electric drives', 'electric drive', 'traction motors', 'e-axles', 'e-axle', 'electric motors', 'drive motors'], ['E-Antrieb', 'E-Antriebe', 'elektrische Antriebe', 'Traktionsmotoren', 'Elektromotoren', 'E-Achsen'], ['電動駆動', '駆動用モーター', 'eアクスル', 'トラクションモーター', '電動パワートレイン']],
  ['charging', 'e-mobility', ['charging infrastructure', 'chargers', 'charging stations', 'fast charging', 'wallboxes', 'on-board chargers', 'charge management'], ['Ladeinfrastruktur', 'Ladestationen', 'Ladesäulen', 'Schnellladen', 'Wallboxen', 'Bordladegeräte', 'Lademanagement'], ['充電インフラ', '充電器', '充電スタンド', '急速充電', '車載充電器', '充電管理']],
  ['power-electronics', 'e-mobility', ['power electronics', 'SiC power modules', 'inverters', 'power modules'], ['Leistungselektronik', 'Wechselrichter', 'Leistungsmodule'], ['パワーエレクトロニクス', 'インバーター', 'パワーモジュール', 'パワー半導体']],
  ['ev-fleet-trials', 'e-mobility', ['EV fleet', 'fleet trials', 'electric fleets'], ['E-Fahrzeugflotten', 'Elektroflotten', 'Flottenversuche'], ['EVフリート', '電動車フリート']],
  // ophthalmology
  ['iol', 'ophthalmology', ['intraocular lenses', 'intraocular lens', 'IOL', 'IOLs', 'IOL blanks', 'lens blanks'], ['Intraokularlinsen', 'Intraokularlinse', 'IOL', 'Linsenrohlinge'], ['眼内レンズ', 'IOL', 'ブランク材']],
  ['oct', 'ophthalmology', ['OCT', 'optical coherence tomography', 'coherence tomography', 'retinal imaging', 'fundus cameras'], ['OCT', 'Kohärenztomografie', 'Kohärenztomographie', 'Netzhautbildgebung', 'Funduskameras'], ['OCT', '光干渉断層', '網膜イメージング', '眼底カメラ']],
  ['refractive-lasers', 'ophthalmology', ['excimer lasers', 'femtosecond lasers', 'refractive lasers', 'refractive surgery', 'vision correction'], ['Excimerlaser', 'Femtosekundenlaser', 'Fehlsichtigkeitskorrektur', 'refraktive Chirurgie'], ['エキシマレーザー', 'フェムトセカンドレーザー', '屈折矯正']],
  ['eye-care', 'ophthalmology', ['eye care products', 'eye care', 'ophthalmic devices', 'ophthalmic instruments', 'slit lamps', 'contact lenses'], ['Augenmedizintechnik', 'ophthalmologische Geräte', 'Spaltlampen', 'Kontaktlinsen', 'Augenoptik'], ['アイケア', '眼科医療機器', '眼科機器', 'スリットランプ', 'コンタクトレンズ']],
  // optics & photonics
  ['laser-diodes', 'optics-photonics', ['laser diodes', 'diode lasers', 'semiconductor lasers', 'laser diode modules', 'high-power laser diodes'], ['Laserdioden', 'Diodenlaser', 'Halbleiterlaser', 'Laserdiodenmodule'], ['レーザーダイオード', '半導体レーザー']],
  ['photodetectors', 'optics-photonics', ['photodetectors', 'photodiodes', 'photodiode arrays', 'photomultipliers', 'photomultiplier tubes', 'infrared detectors', 'image sensors'], ['Photodetektoren', 'Photodioden', 'Fotodioden', 'Photomultiplier', 'Infrarotdetektoren', 'Bildsensoren'], ['フォトダイオード', '光電子増倍管', '赤外線検出器', '光検出器', 'イメージセンサ']],
  ['optical-components', 'optics-photonics', ['aspheres', 'aspheric lenses', 'micro-optics', 'micro-optical components', 'optical components', 'precision optics', 'optical lenses'], ['Asphären', 'asphärische Linsen', 'optische Linsen', 'Mikrooptik', 'optische Komponenten', 'Präzisionsoptik'], ['非球面レンズ', '光学レンズ', 'マイクロ光学部品', '光学部品', '精密光学']],
  ['imaging-systems', 'optics-photonics', ['hyperspectral cameras', 'hyperspectral imaging', 'machine vision cameras', 'industrial cameras', 'optical inspection systems', 'optical measurement systems', 'image processing systems'], ['Hyperspektralkameras', 'Hyperspektral-Kamerasysteme', 'Industriekameras', 'optische Inspektionssysteme', 'optische Messsysteme', 'Bildverarbeitung'], ['ハイパースペクトルカメラ', '画像処理装置', '光学計測', '外観検査装置', '産業用カメラ']],
  ['laser-machining', 'optics-photonics', ['laser cutting', 'laser welding', 'laser processing', 'laser machining', 'laser systems'], ['Laserschneiden', 'Laserschweißen', 'Lasermaterialbearbeitung', 'Laserbearbeitung', 'Laseranlagen'], ['レーザー切断', 'レーザー溶接', 'レーザー加工']],
  // medical technology
  ['surgical-instruments', 'medical-technology', ['surgical instruments', 'laparoscopic instruments', 'minimally invasive surgery', 'surgical robots'], ['chirurgische Instrumente', 'laparoskopische Instrumente', 'minimalinvasive Chirurgie', 'Chirurgieroboter', 'Chirurgieinstrumente'], ['手術器具', '低侵襲手術', '腹腔鏡', '手術用ロボット', '鉗子']],
  ['catheters', 'medical-technology', ['catheters', 'catheter components', 'medical tubing', 'micro-moulded parts', 'micro-molded parts', 'disposables'], ['Katheter', 'Katheterkomponenten', 'medizinische Schläuche', 'Mikrospritzguss', 'Einwegprodukte'], ['カテーテル', '医療用チューブ', '微細成形部品', 'ディスポーザブル']],
  ['medical-sensors', 'medical-technology', ['pressure sensors', 'medical sensors', 'medical-grade sensors', 'sensor electronics', 'biosensors'], ['Drucksensoren', 'medizinische Sensoren', 'Sensoren in Medizinqualität', 'Sensorelektronik', 'Biosensoren'], ['圧力センサー', '医療用センサー', 'バイオセンサー']],
  ['patient-monitoring', 'medical-technology', ['patient monitors', 'patient monitoring', 'vital-sign monitoring', 'vital signs', 'wearable health monitors', 'homecare devices', 'home care medical devices'], ['Patientenmonitore', 'Patientenüberwachung', 'Vitaldaten', 'Homecare-Medizingeräte', 'Wearables'], ['生体情報モニター', 'バイタルサイン', '在宅医療機器', 'ウェアラブル', '患者モニタ']],
  ['medical-imaging', 'medical-technology', ['X-ray imaging', 'X-ray systems', 'diagnostic imaging', 'medical imaging', 'CT scanners', 'ultrasound systems', 'MRI'], ['Röntgensysteme', 'Röntgenbildgebung', 'bildgebende Diagnostik', 'medizinische Bildgebung', 'Ultraschallsysteme'], ['画像診断', 'X線', 'レントゲン', '超音波診断', 'CT装置']],
  ['radiotherapy', 'medical-technology', ['radiotherapy', 'radiation therapy', 'radiotherapy devices', 'linear accelerators', 'proton therapy'], ['Strahlentherapie', 'Strahlentherapiegeräte', 'Linearbeschleuniger', 'Protonentherapie'], ['放射線治療', '粒子線治療', 'リニアック']],
  ['clinical-testing', 'medical-technology', ['clinical trials', 'clinical evaluation', 'usability evaluation', 'clinical validation'], ['klinische Studien', 'klinische Bewertung', 'Gebrauchstauglichkeitstests', 'klinische Prüfung'], ['臨床試験', 'ユーザビリティ評価', '臨床評価']],
  // regenerative medicine & biotechnology
  ['cell-therapy', 'regenerative-medicine', ['cell therapy', 'cell therapies', 'cell therapeutics', 'cell and gene therapy', 'allogeneic cell therapy', 'cell products'], ['Zelltherapie', 'Zelltherapien', 'Zelltherapeutika', 'Gentherapie', 'Zellprodukte'], ['細胞治療', '遺伝子治療', '細胞医薬', '再生医療等製品']],
  ['stem-cells', 'regenerative-medicine', ['iPS cells', 'induced pluripotent stem cells', 'stem cell lines', 'stem cells', 'iPSC'], ['Stammzellen', 'Stammzelllinien', 'pluripotente Stammzellen', 'iPS-Zellen'], ['iPS細胞', '幹細胞', '多能性幹細胞']],
  ['tissue-engineering', 'regenerative-medicine', ['tissue engineering', 'tissue-engineered products', 'cartilage implants', 'cultured skin', 'skin substitutes', 'bioprinting', 'bioprinted tissue'], ['Tissue Engineering', 'Gewebeersatz', 'Gewebeersatzprodukte', 'Knorpelimplantate', 'Hautersatz', 'Biodruck'], ['培養軟骨', '培養皮膚', '組織工学', 'バイオプリンティング', '再生組織']],
  ['cell-culture', 'biotechnology', ['cell culture media', 'culture media', 'xeno-free media', 'cell culture supplements', 'bioreactors', 'closed bioreactors'], ['Zellkulturmedien', 'Kulturmedien', 'Zellkultur', 'Bioreaktoren'], ['細胞培養培地', '培地', '細胞培養', 'バイオリアクター']],
  ['cell-processing', 'regenerative-medicine', ['cell processing', 'isolators', 'cleanroom', 'GMP manufacturing'], ['Zellprozessierung', 'Isolatoren', 'Reinraum', 'GMP-Herstellung'], ['細胞加工', 'アイソレーター', 'クリーンルーム', 'GMP']],
  // diagnostics
  ['rapid-tests', 'diagnostics', ['rapid tests', 'point-of-care', 'POC analysers', 'POC analyzers', 'POC', 'test kits', 'immunoassays'], ['Schnelltests', 'Point-of-Care', 'POC-Analysegeräte', 'Testkits', 'Immunassays'], ['迅速診断', '迅速検査', 'POC', '検査キット', 'イムノアッセイ']],
  ['molecular-diagnostics', 'diagnostics', ['PCR reagents', 'PCR', 'nucleic acid extraction', 'molecular diagnostics', 'genome analysis', 'sequencing', 'reagents'], ['PCR-Reagenzien', 'Nukleinsäureextraktion', 'Molekulardiagnostik', 'Genomanalyse', 'Sequenzierung', 'Reagenzien'], ['PCR', '核酸抽出', '遺伝子検査', 'ゲノム解析', '試薬']],
  ['lab-instruments', 'diagnostics', ['cell sorters', 'cell sorting', 'flow cytometry', 'laboratory analysers', 'lab automation', 'patient samples'], ['Zellsortiergeräte', 'Zellsortierung', 'Durchflusszytometrie', 'Laborautomation', 'Patientenproben'], ['セルソーター', 'フローサイトメトリー', '検体', 'ラボオートメーション']],
  // pharma & health economy
  ['medicines', 'pharma', ['generics', 'generic drugs', 'finished dosage forms', 'medicines', 'OTC products', 'OTC', 'herbal medicines', 'pharmaceuticals'], ['Generika', 'Fertigarzneimittel', 'Arzneimittel', 'Medikamente', 'OTC-Präparate', 'pflanzliche Arzneimittel'], ['医薬品', 'ジェネリック', '後発医薬品', '製剤', '一般用医薬品', '漢方']],
  ['pharma-logistics', 'pharma', ['pharma logistics', 'pharmaceutical wholesale', 'pharmacy'], ['Pharmalogistik', 'Pharmagroßhandel', 'Apotheke', 'Apotheken'], ['医薬品物流', '医薬品卸', '薬局', '温度管理物流']],
  ['healthcare-management', 'health-economy', ['hospital management', 'healthcare consulting', 'care models', 'health care delivery', 'real-world data', 'healthcare data'], ['Krankenhausmanagement', 'Gesundheitsberatung', 'Versorgungsmodelle', 'Versorgungsdaten', 'Krankenhausberatung'], ['病院経営', 'ヘルスケア経営', '医療提供モデル', 'リアルワールドデータ', '医療データ']],
  // logistics
  ['warehousing', 'logistics', ['contract warehousing', 'warehousing', 'contract logistics', 'fulfilment', 'fulfillment', 'cold storage'], ['Kontraktlogistik', 'Lagerhaltung', 'Lagerlogistik', 'Fulfillment', 'Kühllagerung'], ['倉庫保管', '倉庫', '物流センター', 'フルフィルメント', '冷蔵保管']],
  ['freight', 'logistics', ['freight forwarding', 'forwarding', 'door-to-door freight', 'sea and air freight', 'air freight', 'sea freight', 'customs brokerage', 'freight services'], ['Spedition', 'Fracht', 'Seefracht', 'Luftfracht', 'Zollabwicklung', 'Haus-zu-Haus'], ['フォワーディング', '国際輸送', 'ドアツードア', '海上輸送', '航空輸送', '通関']],
  ['cold-chain', 'logistics', ['cold chain', 'cold-chain transport', 'temperature-controlled transport'], ['Kühlkette', 'temperaturgeführte Transporte', 'Kühltransporte'], ['コールドチェーン', '定温輸送', '冷凍輸送']],
  ['logistics-software', 'logistics', ['track-and-trace', 'tracking systems', 'supply chain visibility', 'transport management systems', 'warehouse management systems', 'TMS', 'WMS'], ['Sendungsverfolgung', 'Transportmanagementsysteme', 'Lagerverwaltungssysteme', 'Lieferkettentransparenz'], ['貨物追跡', '輸配送管理', '倉庫管理システム', 'サプライチェーン可視化']],
  // robotics & automation
  ['industrial-robots', 'mechatronics-robotics', ['industrial robots', 'welding robots', 'collaborative robots', 'cobots', 'robot arms'], ['Industrieroboter', 'Schweißroboter', 'kollaborative Roboter', 'Cobots'], ['産業用ロボット', '溶接ロボット', '協働ロボット']],
  ['mobile-robots', 'mechatronics-robotics', ['autonomous mobile robots', 'AMR', 'AGV', 'automated guided vehicles', 'intralogistics automation'], ['autonome mobile Roboter', 'fahrerlose Transportsysteme', 'FTS', 'Intralogistik'], ['自律移動ロボット', '無人搬送車', 'AGV', '構内物流']],
  ['assembly-automation', 'mechatronics-robotics', ['special-purpose machines', 'assembly machines', 'automated production lines', 'production lines', 'factory automation'], ['Sondermaschinen', 'Montagemaschinen', 'Montageanlagen', 'Fertigungslinien', 'Produktionslinien', 'Fabrikautomation'], ['専用機', '組立機', '自動生産ライン', '生産ライン', 'ファクトリーオートメーション']],
  ['motion-components', 'mechatronics-robotics', ['servo motors', 'servo drives', 'linear actuators', 'precision reducers', 'harmonic drives', 'actuators'], ['Servomotoren', 'Servoantriebe', 'Linearaktuatoren', 'Präzisionsgetriebe', 'Aktoren'], ['サーボモーター', 'リニアアクチュエータ', '減速機', 'アクチュエータ']],
  ['robot-vision', 'mechatronics-robotics', ['robot vision', 'machine vision', 'vision systems'], ['Robotersichtsysteme', 'Bildverarbeitungssysteme', 'maschinelles Sehen'], ['ロボットビジョン', 'マシンビジョン', '画像処理']],
  // renewable energy & hydrogen
  ['wind-components', 'renewable-energy', ['wind turbine gearboxes', 'wind turbine bearings', 'rotor blades', 'blade materials', 'wind turbines', 'wind power'], ['Windkraftgetriebe', 'Großwälzlager', 'Rotorblätter', 'Rotorblattmaterialien', 'Windenergieanlagen', 'Windkraft'], ['風力発電', '増速機', '風車ブレード', '風車']],
  ['solar', 'renewable-energy', ['solar panels', 'photovoltaics', 'PV modules', 'solar parks', 'solar power'], ['Solarmodule', 'Photovoltaik', 'PV-Module', 'Solarparks'], ['太陽光パネル', '太陽光発電', '太陽電池', 'メガソーラー']],
  ['grid', 'renewable-energy', ['virtual power plants', 'smart grid', 'grid integration', 'energy storage', 'energy management'], ['virtuelle Kraftwerke', 'Smart Grid', 'Netzintegration', 'Energiespeicher', 'Energiemanagement'], ['仮想発電所', 'スマートグリッド', '系統連系', '蓄電', 'エネルギーマネジメント']],
  ['fuel-cells', 'hydrogen', ['fuel cell stacks', 'fuel cells', 'fuel cell'], ['Brennstoffzellen', 'Brennstoffzellenstacks', 'Brennstoffzelle'], ['燃料電池']],
  ['electrolysis', 'hydrogen', ['electrolysers', 'electrolyzers', 'PEM electrolysis', 'electrolysis stacks', 'water electrolysis', 'green hydrogen'], ['Elektrolyseure', 'Elektrolyse', 'PEM-Elektrolyse', 'grüner Wasserstoff'], ['水電解', '電解スタック', 'グリーン水素']],
  // water & environment
  ['membranes', 'environment-water', ['membranes', 'ceramic membranes', 'filtration membranes', 'reverse osmosis', 'ultrafiltration', 'ultrafiltration modules'], ['Membranen', 'Keramikmembranen', 'Filtrationsmembranen', 'Umkehrosmose', 'Ultrafiltration', 'Ultrafiltrationsmodule'], ['ろ過膜', '逆浸透膜', 'セラミック膜', '限外ろ過', '分離膜']],
  ['wastewater', 'environment-water', ['wastewater treatment', 'industrial wastewater', 'wastewater systems', 'sewage sludge', 'sludge treatment', 'water treatment plants'], ['Abwasserbehandlung', 'Industrieabwasser', 'Abwasseranlagen', 'Klärschlamm', 'Klärschlammbehandlung', 'Wasseraufbereitungsanlagen'], ['排水処理', '下水汚泥', '汚泥処理', '水処理', '産業排水']],
  ['urban-water', 'environment-water', ['stormwater', 'flood management', 'urban drainage', 'sewer network', 'river restoration', 'water quality sensors'], ['Regenwasser', 'Hochwasserschutz', 'Stadtentwässerung', 'Kanalnetz', 'Renaturierung', 'Wasserqualitätssensoren'], ['雨水', '浸水対策', '下水道', '河川再生', '水質センサ']],
  ['recycling', 'environment-water', ['resource recovery', 'metal recycling', 'recycling', 'circular economy'], ['Ressourcenrückgewinnung', 'Metallrecycling', 'Recycling', 'Kreislaufwirtschaft'], ['資源回収', '金属リサイクル', 'リサイクル', '循環型経済']],
  // musical instruments
  ['pianos', 'musical-instruments', ['pianos', 'digital pianos', 'grand pianos', 'keyboards', 'MIDI controllers', 'synthesizers'], ['Klaviere', 'Digitalpianos', 'Flügel', 'Keyboards', 'MIDI-Controller', 'Synthesizer'], ['ピアノ', '電子ピアノ', 'シンセサイザー', 'MIDIコントローラー', '鍵盤']],
  ['wind-instruments', 'musical-instruments', ['brass instruments', 'woodwind instruments', 'wind instruments', 'harmonicas', 'accordions'], ['Blechblasinstrumente', 'Holzblasinstrumente', 'Blasinstrumente', 'Mundharmonikas', 'Akkordeons'], ['管楽器', '金管楽器', '木管楽器', 'ハーモニカ', 'アコーディオン']],
  ['tonewood', 'musical-instruments', ['tonewood', 'soundboards', 'spruce soundboards', 'instrument parts'], ['Tonholz', 'Resonanzböden', 'Resonanzboden', 'Fichte'], ['響板', '音響材', 'スプルース']],
  ['musician-testing', 'musical-instruments', ['professional musicians', 'artist feedback', 'concert hall', 'play tests'], ['Berufsmusiker', 'Künstlerfeedback', 'Konzertsaal'], ['演奏家', '試奏', 'コンサートホール']],
];

/** Product concept → implied focus-sector id. */
export const PRODUCT_DOMAIN: ReadonlyMap<string, string> = new Map(ROWS.map(([id, domain]) => [PRODUCT_PREFIX + id, domain]));

export function productConceptEntries(): ConceptEntry[] {
  return ROWS.map(([id, , en, de, ja]) => ({ id: PRODUCT_PREFIX + id, source: 'focus' as const, terms: { en, de, ja } }));
}
