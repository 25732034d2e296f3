// Time zones for regions created on the fly (imports name regions, not zones); operators can
// correct a region afterwards. Countries spanning several zones get their capital's.
const COUNTRY_TIME_ZONES: Record<string, string> = {
  DE: 'Europe/Berlin',
  JP: 'Asia/Tokyo',
  AT: 'Europe/Vienna',
  CH: 'Europe/Zurich',
  FR: 'Europe/Paris',
  NL: 'Europe/Amsterdam',
  IT: 'Europe/Rome',
  GB: 'Europe/London',
  US: 'America/New_York',
  KR: 'Asia/Seoul',
  CN: 'Asia/Shanghai',
  TW: 'Asia/Taipei',
};

export function defaultTimeZone(country: string): string {
  return COUNTRY_TIME_ZONES[country] ?? 'UTC';
}
