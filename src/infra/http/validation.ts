import { BadRequestException, ValidationPipe, type ArgumentMetadata, type ValidationError } from '@nestjs/common';

export interface FieldError {
  /** Dotted path of the offending field, e.g. "sectors.2" or "body.name". */
  field: string;
  messages: string[];
}

/** Flattens class-validator's nested errors into one entry per field path. */
export function flattenValidationErrors(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((e) => {
    const field = parent ? `${parent}.${e.property}` : e.property;
    const own = e.constraints ? [{ field, messages: Object.values(e.constraints) }] : [];
    return [...own, ...flattenValidationErrors(e.children ?? [], field)];
  });
}

/** Where U+0000 occurs in the strings of a JSON value (dotted paths, at most `limit`). */
export function nulCharacterPaths(value: unknown, limit = 10, path = '', out: string[] = []): string[] {
  if (out.length >= limit) return out;
  if (typeof value === 'string') {
    if (value.includes('\u0000')) out.push(path);
  } else if (Array.isArray(value)) {
    value.forEach((v, i) => nulCharacterPaths(v, limit, path ? `${path}.${i}` : String(i), out));
  } else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (k.includes('\u0000')) out.push(path ? `${path}.${k}` : k);
      nulCharacterPaths(v, limit, path ? `${path}.${k}` : k, out);
    }
  }
  return out;
}

/**
 * The ValidationPipe, plus one rule for every DTO: no U+0000 in any string. PostgreSQL text and
 * jsonb cannot hold it, so it would otherwise reach the database and fail there as a 500.
 */
class FieldValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    // Only what is validated against a DTO class (raw import bodies check their rows themselves).
    if (this.toValidate(metadata)) {
      const paths = nulCharacterPaths(value);
      if (paths.length > 0) {
        const details = paths.map((field) => ({ field: field || metadata.type, messages: ['must not contain the NUL character (\\u0000)'] }));
        throw new BadRequestException({ message: `Invalid ${details.map((d) => d.field).join(', ')}: must not contain the NUL character (\\u0000)`, details });
      }
    }
    return super.transform(value, metadata);
  }
}

/** Validates and transforms every body, query and param DTO; unknown fields are rejected. */
export function createValidationPipe(): ValidationPipe {
  return new FieldValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    exceptionFactory: (errors) => {
      const details = flattenValidationErrors(errors);
      const fields = [...new Set(details.map((d) => d.field))];
      return new BadRequestException({ message: `Invalid ${fields.join(', ')}: ${details.flatMap((d) => d.messages).join('; ')}`, details });
    },
  });
}
