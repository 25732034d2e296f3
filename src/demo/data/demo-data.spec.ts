import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { COOPERATION_TYPES, MEETING_RULES, ORGANISATION_KINDS, ORGANISATION_SIZES } from '../../profiles/profile.types';
import type { DemoOrganisation, DemoRegion, DemoTieUp } from '../demo-data.types';
import { DEMO_DATA } from './demo-data';

// Shared taxonomy data lives beside the project (/work/shared next to /work/main), also in CI.
// A missing file must fail the test rather than skip the check.
const NACE_FILE = path.resolve(__dirname, '../../../../shared/data/taxonomy/nace_r2_en_de_isic4.json');

// Ids of config/focus-sectors.json (maintained elsewhere); keep in step with it.
const FOCUS_SECTOR_IDS = [
  'optics-photonics', 'medical-technology', 'ophthalmology', 'biotechnology', 'regenerative-medicine', 'pharma',
  'diagnostics', 'health-economy', 'automotive', 'e-mobility', 'logistics', 'renewable-energy', 'hydrogen',
  'environment-water', 'energy-efficiency', 'mechatronics-robotics', 'nanotechnology', 'chemistry',
  'electronics-semiconductors', 'software-ict', 'advanced-materials', 'musical-instruments',
];

const NACE_SYNTAX = /^\d{2}(\.\d{1,2})?$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const JAPANESE_SCRIPT = /[\u3040-\u30ff\u3400-\u9fff]/;
const GERMAN_MARKERS = /[äöüßÄÖÜ]|\b(und|der|die|das|für|mit|sucht|bietet)\b/;
const EXAMPLE_EMAIL = /^[a-z0-9._-]+@([a-z0-9-]+\.)*example\.(com|jp|org|net)$/;
const HTTPS_URL = /^https:\/\/[a-z0-9.-]+\.[a-z]{2,}(\/[\w./-]*)?$/;

const { regions, tieUps, organisations, events } = DEMO_DATA;
const regionByKey = new Map<string, DemoRegion>(regions.map((region) => [region.key, region]));
const tieUpByKey = new Map<string, DemoTieUp>(tieUps.map((tieUp) => [tieUp.key, tieUp]));
const organisationById = new Map<string, DemoOrganisation>(organisations.map((org) => [org.externalId, org]));

function duplicates(values: string[]): string[] {
  return values.filter((value, index) => values.indexOf(value) !== index);
}

function isValidIsoDate(value: string): boolean {
  return ISO_DATE.test(value) && new Date(`${value}T00:00:00Z`).toISOString().slice(0, 10) === value;
}

function isValidTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return true;
  } catch {
    return false;
  }
}

// Latin-script sentences end with . ! ? before a space or the end; Japanese ones with 。
function sentenceCount(text: string): number {
  return (text.match(/[.!?](?=\s|$)|。/g) ?? []).length;
}

function readNaceCodes(): Set<string> {
  const items = JSON.parse(readFileSync(NACE_FILE, 'utf8')) as { code: string }[];
  return new Set(items.map((item) => item.code));
}

describe('DEMO_DATA', () => {
  it('has a meaningful amount of data', () => {
    expect(regions.length).toBeGreaterThanOrEqual(10);
    expect(tieUps).toHaveLength(5);
    expect(organisations.length).toBeGreaterThanOrEqual(70);
    expect(organisations.length).toBeLessThanOrEqual(100);
    expect(events.length).toBeGreaterThanOrEqual(4);
  });

  describe('keys and references', () => {
    it('uses unique region keys, tie-up keys, external ids and event slugs', () => {
      expect(duplicates(regions.map((region) => region.key))).toEqual([]);
      expect(duplicates(tieUps.map((tieUp) => tieUp.key))).toEqual([]);
      expect(duplicates(organisations.map((org) => org.externalId))).toEqual([]);
      expect(duplicates(events.map((event) => event.slug))).toEqual([]);
    });

    it('uses well-formed keys', () => {
      const kebab = /^[a-z0-9]+(-[a-z0-9]+)*$/;
      for (const key of [...regions.map((r) => r.key), ...tieUps.map((t) => t.key), ...events.map((e) => e.slug)]) {
        expect(key).toMatch(kebab);
      }
      for (const org of organisations) {
        expect(org.externalId).toMatch(new RegExp(`^demo-${org.country.toLowerCase()}-[a-z0-9]+(-[a-z0-9]+)+$`));
      }
    });

    // The seeder upserts regions by country + name and tie-ups by name; the columns have these limits.
    it('keeps the natural keys and text lengths the seeder relies on', () => {
      expect(duplicates(regions.map((region) => `${region.country}:${region.name}`))).toEqual([]);
      expect(duplicates(tieUps.map((tieUp) => tieUp.name))).toEqual([]);
      const tooLong = [
        ...regions.filter((region) => region.name.length > 120).map((region) => region.key),
        ...tieUps.filter((tieUp) => tieUp.name.length > 200 || tieUp.programme.length > 200).map((tieUp) => tieUp.key),
        ...organisations.filter((org) => org.name.length > 200 || org.externalId.length > 120).map((org) => org.externalId),
        ...events
          .filter((event) => event.slug.length > 120 || event.name.length > 200 || event.venue.length > 200)
          .map((event) => event.slug),
      ];
      expect(tooLong).toEqual([]);
    });

    it('resolves every region key of the tie-ups and organisations', () => {
      const missing = [
        ...tieUps.flatMap((tieUp) => tieUp.regionKeys),
        ...organisations.map((org) => org.regionKey),
      ].filter((key) => !regionByKey.has(key));
      expect(missing).toEqual([]);
    });

    it('resolves every tie-up key and participant of the events', () => {
      expect(events.map((event) => event.tieUpKey).filter((key) => !tieUpByKey.has(key))).toEqual([]);
      const missing = events.flatMap((event) => event.participantExternalIds).filter((id) => !organisationById.has(id));
      expect(missing).toEqual([]);
    });

    it('puts every organisation in a region of at least one tie-up', () => {
      const tieUpRegions = new Set(tieUps.flatMap((tieUp) => tieUp.regionKeys));
      expect(organisations.filter((org) => !tieUpRegions.has(org.regionKey)).map((org) => org.externalId)).toEqual([]);
    });
  });

  describe('regions', () => {
    it.each(regions)('$key has a subdivision and time zone of its country', (region) => {
      if (region.subdivision !== null) expect(region.subdivision).toMatch(new RegExp(`^${region.country}-[A-Z0-9]{1,3}$`));
      expect(isValidTimeZone(region.timeZone)).toBe(true);
      expect(region.timeZone).toBe(region.country === 'DE' ? 'Europe/Berlin' : 'Asia/Tokyo');
    });
  });

  describe('tie-ups', () => {
    it.each(tieUps)('$key spans both countries, with allowed focus sectors and a valid period', (tieUp) => {
      const countries = new Set(tieUp.regionKeys.map((key) => regionByKey.get(key)?.country));
      expect([...countries].sort()).toEqual(['DE', 'JP']);
      expect(duplicates(tieUp.regionKeys)).toEqual([]);
      expect(tieUp.focusSectors.length).toBeGreaterThan(0);
      expect(tieUp.focusSectors.filter((id) => !FOCUS_SECTOR_IDS.includes(id))).toEqual([]);
      expect(duplicates(tieUp.focusSectors)).toEqual([]);
      for (const date of [tieUp.startsOn, tieUp.endsOn]) {
        if (date !== null) expect(isValidIsoDate(date)).toBe(true);
      }
      if (tieUp.startsOn !== null && tieUp.endsOn !== null) expect(tieUp.startsOn < tieUp.endsOn).toBe(true);
      expect(tieUp.programme.trim()).not.toBe('');
      expect(tieUp.description.length).toBeGreaterThan(40);
    });

    it.each(tieUps)('$key has organisations from both countries', (tieUp) => {
      const members = organisations.filter((org) => tieUp.regionKeys.includes(org.regionKey));
      expect(members.filter((org) => org.country === 'DE').length).toBeGreaterThanOrEqual(5);
      expect(members.filter((org) => org.country === 'JP').length).toBeGreaterThanOrEqual(5);
    });

    it.each(tieUps)('$key has offers in one country that literally answer seeks in the other', (tieUp) => {
      const members = organisations.filter((org) => tieUp.regionKeys.includes(org.regionKey));
      const pairs = members.flatMap((offerer) =>
        members
          .filter((seeker) => seeker.country !== offerer.country)
          .flatMap((seeker) =>
            offerer.offers.filter((offer) => seeker.seeks.some((seek) => seek.toLowerCase() === offer.toLowerCase())),
          ),
      );
      expect(pairs.length).toBeGreaterThanOrEqual(3);
    });
  });

  describe('organisations', () => {
    it('have a country matching their region', () => {
      const mismatched = organisations.filter((org) => regionByKey.get(org.regionKey)?.country !== org.country);
      expect(mismatched.map((org) => org.externalId)).toEqual([]);
    });

    it('use syntactically valid NACE codes', () => {
      const invalid = organisations.flatMap((org) => org.sectors.filter((code) => !NACE_SYNTAX.test(code)));
      expect(invalid).toEqual([]);
      expect(organisations.filter((org) => org.sectors.length === 0).map((org) => org.externalId)).toEqual([]);
    });

    it('use NACE codes that exist in NACE Rev. 2', () => {
      const known = readNaceCodes();
      expect(known.size).toBeGreaterThan(900);
      const unknown = organisations.flatMap((org) =>
        org.sectors.filter((code) => !known.has(code)).map((code) => `${org.externalId}: ${code}`),
      );
      expect(unknown).toEqual([]);
    });

    it('use the profile vocabulary', () => {
      for (const org of organisations) {
        expect(ORGANISATION_KINDS).toContain(org.kind);
        if (org.size !== null) expect(ORGANISATION_SIZES).toContain(org.size);
        expect(org.cooperation.length).toBeGreaterThan(0);
        for (const type of org.cooperation) expect(COOPERATION_TYPES).toContain(type);
        expect(duplicates(org.cooperation)).toEqual([]);
      }
    });

    it('speak ISO 639-1 languages including their own country language', () => {
      for (const org of organisations) {
        for (const language of org.languages) expect(language).toMatch(/^[a-z]{2}$/);
        expect(org.languages).toContain(org.country === 'DE' ? 'de' : 'ja');
      }
    });

    it('have short offer and seek phrases', () => {
      for (const org of organisations) {
        for (const list of [org.offers, org.seeks]) {
          expect(list.length).toBeGreaterThanOrEqual(1);
          expect(list.length).toBeLessThanOrEqual(4);
          expect(duplicates(list)).toEqual([]);
          for (const phrase of list) {
            expect(phrase).toBe(phrase.trim());
            expect(phrase.length).toBeGreaterThan(3);
            expect(phrase.length).toBeLessThanOrEqual(60);
            if (!JAPANESE_SCRIPT.test(phrase)) expect(phrase.split(/\s+/).length).toBeLessThanOrEqual(6);
          }
        }
      }
    });

    it('have descriptions of two to four sentences', () => {
      const offending = organisations
        .map((org) => ({ id: org.externalId, sentences: sentenceCount(org.description) }))
        .filter(({ sentences }) => sentences < 2 || sentences > 4);
      expect(offending).toEqual([]);
    });

    it('use only official https websites or none, and example.* addresses for contacts', () => {
      for (const org of organisations) {
        if (org.website !== null) expect(org.website).toMatch(HTTPS_URL);
        if (org.contactEmail !== null) expect(org.contactEmail).toMatch(EXAMPLE_EMAIL);
      }
    });

    it('have texts in German and in Japanese', () => {
      const texts = (org: DemoOrganisation) => [org.description, ...org.offers, ...org.seeks];
      const german = organisations.filter((org) => org.country === 'DE' && GERMAN_MARKERS.test(org.description));
      const japanese = organisations.filter((org) => org.country === 'JP' && JAPANESE_SCRIPT.test(org.description));
      expect(german.length).toBeGreaterThanOrEqual(organisations.filter((org) => org.country === 'DE').length / 2);
      expect(japanese.length).toBeGreaterThanOrEqual(organisations.filter((org) => org.country === 'JP').length / 2);
      // Phrases mix languages so that matching has to work across them.
      expect(organisations.some((org) => org.country === 'JP' && org.seeks.some((seek) => GERMAN_MARKERS.test(seek)))).toBe(true);
      expect(organisations.filter((org) => org.country === 'DE').every((org) => !texts(org).some((t) => JAPANESE_SCRIPT.test(t)))).toBe(true);
    });
  });

  describe('events', () => {
    it.each(events)('$slug has valid days, time zone and rule', (event) => {
      expect(event.days.length).toBeGreaterThan(0);
      for (const day of event.days) expect(isValidIsoDate(day)).toBe(true);
      expect([...event.days].sort()).toEqual(event.days);
      expect(duplicates(event.days)).toEqual([]);
      expect(MEETING_RULES).toContain(event.rule);
      expect(isValidTimeZone(event.timeZone)).toBe(true);
      const tieUp = tieUpByKey.get(event.tieUpKey);
      const zones = tieUp?.regionKeys.map((key) => regionByKey.get(key)?.timeZone);
      expect(zones).toContain(event.timeZone);
    });

    it.each(events)('$slug falls within the period of its tie-up', (event) => {
      const tieUp = tieUpByKey.get(event.tieUpKey);
      for (const day of event.days) {
        if (tieUp?.startsOn) expect(day >= tieUp.startsOn).toBe(true);
        if (tieUp?.endsOn) expect(day <= tieUp.endsOn).toBe(true);
      }
    });

    it.each(events)('$slug has unique participants from the regions of its tie-up', (event) => {
      expect(duplicates(event.participantExternalIds)).toEqual([]);
      const tieUpRegions = tieUpByKey.get(event.tieUpKey)?.regionKeys ?? [];
      const outside = event.participantExternalIds.filter(
        (id) => !tieUpRegions.includes(organisationById.get(id)?.regionKey ?? ''),
      );
      expect(outside).toEqual([]);
    });

    it.each(events)('$slug has organisations from both countries', (event) => {
      const countries = event.participantExternalIds.map((id) => organisationById.get(id)?.country);
      expect(countries.filter((country) => country === 'DE').length).toBeGreaterThanOrEqual(4);
      expect(countries.filter((country) => country === 'JP').length).toBeGreaterThanOrEqual(4);
    });
  });
});
