import { registerDecorator, type ValidationOptions } from 'class-validator';

// IANA names start with a letter ("Europe/Berlin", "UTC", "Etc/GMT+1"); offsets such as "+01:00",
// which newer ICU versions accept as time zones, are not IANA zones and stay out.
const IANA_NAME = /^[A-Za-z][A-Za-z0-9_+-]*(?:\/[A-Za-z0-9_+-]+)*$/;

/** Whether the runtime knows `value` as an IANA time zone. */
export function isIanaTimeZone(value: unknown): value is string {
  if (typeof value !== 'string' || value.length > 64 || !IANA_NAME.test(value)) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

export function IsIanaTimeZone(options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isIanaTimeZone',
      target: target.constructor,
      propertyName: propertyName as string,
      options: { message: ({ property }) => `${property} must be an IANA time zone such as Europe/Berlin or Asia/Tokyo`, ...options },
      validator: { validate: (value: unknown) => isIanaTimeZone(value) },
    });
}
