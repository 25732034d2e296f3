import { BadRequestException } from '@nestjs/common';

/** A 400 in the validation pipe's shape, for rules checked after DTO validation (existence, cross-field). */
export function badField(field: string, ...messages: string[]): BadRequestException {
  return new BadRequestException({ message: `Invalid ${field}: ${messages.join('; ')}`, details: [{ field, messages }] });
}

/** A 400 listing several fields' problems at once. */
export function badFields(problems: { field: string; message: string }[]): BadRequestException {
  const fields = [...new Set(problems.map((p) => p.field))];
  return new BadRequestException({
    message: `Invalid ${fields.join(', ')}: ${problems.map((p) => p.message).join('; ')}`,
    details: fields.map((field) => ({ field, messages: problems.filter((p) => p.field === field).map((p) => p.message) })),
  });
}
