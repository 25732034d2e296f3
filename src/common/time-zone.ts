import { registerDecorator, type ValidationOptions } from 'class-validator';

// IANA names start with a letter ("Europe/Berlin", "UTC", "Etc/GMT+1"); offsets such as "+01:00",
// which newer ICU versions accept as time zones, are not IANA zones and stay out.
const IANA_NAME = /^[A-Za-z][A-Za-z0-9_+-]*(?:\/[A-Za-z0-9_+-]+)*$/;

let canonicalByLowerCase: Map<string, string> | undefined;

/**
 * The zone's name as IANA spells it when `value` is a time zone the runtime knows (names are matched
 * case-insensitively, as ECMA-402 does), otherwise undefined. Links such as "UTC", "Asia/Kolkata" or
 * "Europe/Kyiv" are accepted and kept as given: they are valid IANA names even where ICU lists
 * another spelling in `Intl.supportedValuesOf('timeZone')`.
 */
export function canonicalTimeZone(value: unknown): string | undefined {
  if (typeof value !== 'string' || value.length > 64 || !IANA_NAME.test(value)) return undefined;
  let resolved: string;
  try {
    resolved = new Intl.DateTimeFormat('en', { timeZone: value }).resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
  canonicalByLowerCase ??= new Map(Intl.supportedValuesOf('timeZone').map((z) => [z.toLowerCase(), z]));
  const lower = value.toLowerCase();
  return canonicalByLowerCase.get(lower) ?? (resolved.toLowerCase() === lower ? resolved : value);
}

export function IsIanaTimeZone(options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isIanaTimeZone',
      target: target.constructor,
      propertyName: propertyName as string,
      options: { message: ({ property }) => `${property} must be an IANA time zone such as Europe/Berlin or Asia/Tokyo`, ...options },
      validator: { validate: (value: unknown) => canonicalTimeZone(value) !== undefined },
    });
}
