import type { CooperationType, MeetingRule, OrganisationKind, OrganisationSize } from '../profiles/profile.types';

// Shape of the demo data seeded into an empty database on first start.

export interface DemoRegion {
  /** Stable key referenced by tie-ups and organisations, e.g. "jena". */
  key: string;
  name: string;
  /** ISO 3166-1 alpha-2. */
  country: 'DE' | 'JP';
  /** ISO 3166-2 subdivision where known, e.g. "DE-TH", "JP-22". */
  subdivision: string | null;
  /** IANA time zone. */
  timeZone: string;
}

export interface DemoTieUp {
  key: string;
  name: string;
  /** e.g. "JETRO Regional Industry Tie-Up (RIT) 2007". */
  programme: string;
  regionKeys: string[];
  /** Focus-sector ids from config/focus-sectors.json. */
  focusSectors: string[];
  /** ISO dates (YYYY-MM-DD); null when open. */
  startsOn: string | null;
  endsOn: string | null;
  description: string;
}

export interface DemoOrganisation {
  /** Stable id for upserts, e.g. "demo-de-jena-carl-zeiss". */
  externalId: string;
  name: string;
  kind: OrganisationKind;
  country: 'DE' | 'JP';
  regionKey: string;
  /** NACE Rev. 2 codes, e.g. "26.70", "21", "72.11". */
  sectors: string[];
  /** Short phrases (any of de/en/ja). */
  offers: string[];
  seeks: string[];
  cooperation: CooperationType[];
  /** ISO 639-1 codes. */
  languages: string[];
  /** 2-4 sentences in German, English or Japanese. */
  description: string;
  size: OrganisationSize | null;
  website: string | null;
  contactEmail: string | null;
}

export interface DemoEvent {
  slug: string;
  name: string;
  tieUpKey: string;
  venue: string;
  timeZone: string;
  /** ISO dates of the meeting days. */
  days: string[];
  rule: MeetingRule;
  description: string;
  participantExternalIds: string[];
}

export interface DemoData {
  regions: DemoRegion[];
  tieUps: DemoTieUp[];
  organisations: DemoOrganisation[];
  events: DemoEvent[];
}
