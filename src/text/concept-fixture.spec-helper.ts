// Small real-word concept lexicon for the text specs (the taxonomy's buildConceptEntries() is not
// used here so these tests stay independent of it).
import type { ConceptEntry } from './concept.types';

export const FIXTURE_CONCEPTS: ConceptEntry[] = [
  {
    id: 'focus:ophthalmology',
    source: 'focus',
    terms: {
      en: ['ophthalmology', 'ophthalmic', 'intraocular lens', 'cataract', 'OCT'],
      de: ['Augenheilkunde', 'Ophthalmologie', 'Intraokularlinse', 'Katarakt', 'Grauer Star'],
      ja: ['眼科', '眼内レンズ', '白内障', 'OCT'],
    },
  },
  {
    id: 'focus:optics',
    source: 'focus',
    terms: {
      en: ['optics', 'optical', 'lens', 'laser', 'photonics'],
      de: ['Optik', 'optisch', 'Linse', 'Laser', 'Photonik'],
      ja: ['光学', 'レンズ', 'レーザー', 'フォトニクス'],
    },
  },
  {
    id: 'focus:medtech',
    source: 'focus',
    terms: {
      en: ['medical technology', 'medical device', 'medtech'],
      de: ['Medizintechnik', 'Medizinprodukt'],
      ja: ['医療機器', '医療技術'],
    },
  },
  {
    id: 'focus:hydrogen',
    source: 'focus',
    terms: {
      en: ['hydrogen', 'fuel cell', 'electrolysis'],
      de: ['Wasserstoff', 'Brennstoffzelle', 'Elektrolyse'],
      ja: ['水素', '燃料電池', '水電解'],
    },
  },
  {
    id: 'focus:automotive',
    source: 'focus',
    terms: {
      en: ['automotive', 'vehicle', 'car'],
      de: ['Automobil', 'Fahrzeug', 'Kraftfahrzeug'],
      ja: ['自動車', '車載', '車両'],
    },
  },
  {
    id: 'focus:regenerative-medicine',
    source: 'focus',
    terms: {
      en: ['regenerative medicine', 'cell therapy', 'stem cell', 'tissue engineering'],
      de: ['regenerative Medizin', 'Zelltherapie', 'Stammzelle', 'Tissue Engineering'],
      ja: ['再生医療', '細胞治療', '幹細胞', 'iPS細胞'],
    },
  },
  {
    id: 'focus:logistics',
    source: 'focus',
    terms: {
      en: ['logistics', 'freight', 'supply chain'],
      de: ['Logistik', 'Spedition', 'Lieferkette'],
      ja: ['物流', 'ロジスティクス', 'サプライチェーン'],
    },
  },
  {
    id: 'focus:water',
    source: 'focus',
    terms: {
      en: ['water treatment', 'wastewater'],
      de: ['Wasseraufbereitung', 'Abwasser'],
      ja: ['水処理', '排水処理'],
    },
  },
  {
    id: 'nace:26.70',
    source: 'nace',
    terms: {
      en: ['Manufacture of optical instruments and photographic equipment'],
      de: ['Herstellung von optischen und fotografischen Instrumenten und Geräten'],
      ja: ['光学機械器具・レンズ製造業'],
    },
  },
  {
    id: 'nace:27.20',
    source: 'nace',
    terms: {
      en: ['Manufacture of batteries and accumulators'],
      de: ['Herstellung von Batterien und Akkumulatoren'],
      ja: ['蓄電池製造業'],
    },
  },
  {
    id: 'nace:29.10',
    source: 'nace',
    terms: {
      en: ['Manufacture of motor vehicles'],
      de: ['Herstellung von Kraftwagen und Kraftwagenmotoren'],
      ja: ['自動車製造業'],
    },
  },
  {
    id: 'nace:32.50',
    source: 'nace',
    terms: {
      en: ['Manufacture of medical and dental instruments and supplies'],
      de: ['Herstellung von medizinischen und zahnmedizinischen Apparaten und Materialien'],
      ja: ['医療用機械器具製造業'],
    },
  },
  {
    id: 'nace:49.41',
    source: 'nace',
    terms: {
      en: ['Freight transport by road'],
      de: ['Güterbeförderung im Straßenverkehr'],
      ja: ['道路貨物運送業'],
    },
  },
];
