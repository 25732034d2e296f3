import type { DemoData } from '../demo-data.types';
import { BAVARIA_JAPAN_EVENTS, BAVARIA_JAPAN_ORGANISATIONS, BAVARIA_JAPAN_TIE_UP } from './bavaria-japan.data';
import {
  BW_HITACHI_KITAKYUSHU_EVENTS,
  BW_HITACHI_KITAKYUSHU_ORGANISATIONS,
  BW_HITACHI_KITAKYUSHU_TIE_UP,
} from './bw-hitachi-kitakyushu.data';
import { ESSEN_KORIYAMA_EVENTS, ESSEN_KORIYAMA_ORGANISATIONS, ESSEN_KORIYAMA_TIE_UP } from './essen-koriyama.data';
import { JENA_HAMAMATSU_EVENTS, JENA_HAMAMATSU_ORGANISATIONS, JENA_HAMAMATSU_TIE_UP } from './jena-hamamatsu.data';
import { LEIPZIG_KOBE_EVENTS, LEIPZIG_KOBE_ORGANISATIONS, LEIPZIG_KOBE_TIE_UP } from './leipzig-kobe.data';
import { DEMO_REGIONS } from './regions.data';

// Seeded into an empty database on first start. Real organisations carry illustrative profiles
// (not statements by them) and no contact e-mail; the other firms are fictitious.
export const DEMO_DATA: DemoData = {
  regions: DEMO_REGIONS,
  tieUps: [
    JENA_HAMAMATSU_TIE_UP,
    LEIPZIG_KOBE_TIE_UP,
    BW_HITACHI_KITAKYUSHU_TIE_UP,
    BAVARIA_JAPAN_TIE_UP,
    ESSEN_KORIYAMA_TIE_UP,
  ],
  organisations: [
    ...JENA_HAMAMATSU_ORGANISATIONS,
    ...LEIPZIG_KOBE_ORGANISATIONS,
    ...BW_HITACHI_KITAKYUSHU_ORGANISATIONS,
    ...BAVARIA_JAPAN_ORGANISATIONS,
    ...ESSEN_KORIYAMA_ORGANISATIONS,
  ],
  events: [
    ...JENA_HAMAMATSU_EVENTS,
    ...LEIPZIG_KOBE_EVENTS,
    ...BW_HITACHI_KITAKYUSHU_EVENTS,
    ...BAVARIA_JAPAN_EVENTS,
    ...ESSEN_KORIYAMA_EVENTS,
  ],
};
