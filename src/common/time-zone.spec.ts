import { canonicalTimeZone } from './time-zone';

describe('canonicalTimeZone', () => {
  it.each([
    ['Europe/Berlin', 'Europe/Berlin'],
    ['asia/tokyo', 'Asia/Tokyo'],
    ['UTC', 'UTC'],
    ['Etc/GMT+1', 'Etc/GMT+1'],
    // Current IANA names that ICU may list under an older spelling stay as given.
    ['Europe/Kyiv', 'Europe/Kyiv'],
    ['Asia/Kolkata', 'Asia/Kolkata'],
  ])('accepts %s as %s', (given, expected) => {
    expect(canonicalTimeZone(given)).toBe(expected);
  });

  it.each([['Mars/Olympus'], ['+01:00'], ['-0500'], [''], ['Europe/Berlin '], [42], [null]])('rejects %p', (given) => {
    expect(canonicalTimeZone(given)).toBeUndefined();
  });
});
