import { buildMessage, ValidateBy, type ValidationOptions } from 'class-validator';

/**
 * Rejects U+0000 in a text field (each element with `{ each: true }`). PostgreSQL text cannot hold
 * it, so it would otherwise fail the insert as a 500. HTTP bodies and queries are checked for it once,
 * by the validation pipe (infra/http/validation.ts); this rule is for records validated outside it,
 * i.e. the rows of a profile import (JSON and CSV can both carry it). Non-strings pass: the field's
 * type rule names them.
 */
export function HasNoNul(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'hasNoNul',
      validator: {
        validate: (value: unknown) => typeof value !== 'string' || !value.includes('\u0000'),
        defaultMessage: buildMessage((each) => `${each}$property must not contain the NUL character (\\u0000)`, options),
      },
    },
    options,
  );
}

/** Trims a string (leaves anything else for the type rules to reject). */
export const trim = ({ value }: { value: unknown }): unknown => (typeof value === 'string' ? value.trim() : value);
