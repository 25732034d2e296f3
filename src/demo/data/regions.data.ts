import type { DemoRegion } from '../demo-data.types';

// Regions of the demo tie-ups, named plainly so imports that name a region ("Hamamatsu") find it;
// the subdivision code carries the prefecture or state. Tokyo is shared: it hosts Japanese head offices for several tie-ups.
export const DEMO_REGIONS: DemoRegion[] = [
  // Germany
  { key: 'jena', name: 'Jena', country: 'DE', subdivision: 'DE-TH', timeZone: 'Europe/Berlin' },
  { key: 'leipzig', name: 'Leipzig', country: 'DE', subdivision: 'DE-SN', timeZone: 'Europe/Berlin' },
  { key: 'baden-wuerttemberg', name: 'Baden-Württemberg', country: 'DE', subdivision: 'DE-BW', timeZone: 'Europe/Berlin' },
  { key: 'bavaria', name: 'Bavaria', country: 'DE', subdivision: 'DE-BY', timeZone: 'Europe/Berlin' },
  { key: 'essen', name: 'Essen', country: 'DE', subdivision: 'DE-NW', timeZone: 'Europe/Berlin' },
  // Japan
  { key: 'hamamatsu', name: 'Hamamatsu', country: 'JP', subdivision: 'JP-22', timeZone: 'Asia/Tokyo' },
  { key: 'kobe', name: 'Kobe', country: 'JP', subdivision: 'JP-28', timeZone: 'Asia/Tokyo' },
  { key: 'toyohashi', name: 'Toyohashi', country: 'JP', subdivision: 'JP-23', timeZone: 'Asia/Tokyo' },
  { key: 'tokyo', name: 'Tokyo', country: 'JP', subdivision: 'JP-13', timeZone: 'Asia/Tokyo' },
  { key: 'hitachi', name: 'Hitachi', country: 'JP', subdivision: 'JP-08', timeZone: 'Asia/Tokyo' },
  { key: 'kitakyushu', name: 'Kitakyushu', country: 'JP', subdivision: 'JP-40', timeZone: 'Asia/Tokyo' },
  { key: 'koriyama', name: 'Koriyama', country: 'JP', subdivision: 'JP-07', timeZone: 'Asia/Tokyo' },
  { key: 'fukushima', name: 'Fukushima', country: 'JP', subdivision: 'JP-07', timeZone: 'Asia/Tokyo' },
];
