import type { DemoRegion } from '../demo-data.types';

// Regions of the demo tie-ups. Tokyo is shared: it hosts Japanese head offices for several tie-ups.
export const DEMO_REGIONS: DemoRegion[] = [
  // Germany
  { key: 'jena', name: 'Jena (Thüringen)', country: 'DE', subdivision: 'DE-TH', timeZone: 'Europe/Berlin' },
  { key: 'leipzig', name: 'Leipzig (Sachsen)', country: 'DE', subdivision: 'DE-SN', timeZone: 'Europe/Berlin' },
  { key: 'baden-wuerttemberg', name: 'Baden-Württemberg', country: 'DE', subdivision: 'DE-BW', timeZone: 'Europe/Berlin' },
  { key: 'bavaria', name: 'Bayern (München)', country: 'DE', subdivision: 'DE-BY', timeZone: 'Europe/Berlin' },
  { key: 'essen', name: 'Essen (Nordrhein-Westfalen)', country: 'DE', subdivision: 'DE-NW', timeZone: 'Europe/Berlin' },
  // Japan
  { key: 'hamamatsu', name: 'Hamamatsu (Shizuoka) 浜松市', country: 'JP', subdivision: 'JP-22', timeZone: 'Asia/Tokyo' },
  { key: 'kobe', name: 'Kobe (Hyogo) 神戸市', country: 'JP', subdivision: 'JP-28', timeZone: 'Asia/Tokyo' },
  { key: 'toyohashi', name: 'Toyohashi (Aichi) 豊橋市', country: 'JP', subdivision: 'JP-23', timeZone: 'Asia/Tokyo' },
  { key: 'tokyo', name: 'Tokyo 東京都', country: 'JP', subdivision: 'JP-13', timeZone: 'Asia/Tokyo' },
  { key: 'hitachi', name: 'Hitachi (Ibaraki) 日立市', country: 'JP', subdivision: 'JP-08', timeZone: 'Asia/Tokyo' },
  { key: 'kitakyushu', name: 'Kitakyushu (Fukuoka) 北九州市', country: 'JP', subdivision: 'JP-40', timeZone: 'Asia/Tokyo' },
  { key: 'koriyama', name: 'Koriyama (Fukushima) 郡山市', country: 'JP', subdivision: 'JP-07', timeZone: 'Asia/Tokyo' },
  { key: 'fukushima', name: 'Fukushima 福島市', country: 'JP', subdivision: 'JP-07', timeZone: 'Asia/Tokyo' },
];
