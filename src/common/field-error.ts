import { BadRequestException } from '@nestjs/common';

/** A 400 in the validation pipe's shape, for rules checked after DTO validation (existence, cross-field). */
export function badField(field: string, ...messages: string[]): BadRequestException {
  return new BadRequestException({ message: `Invalid ${field}: ${messages.join('; ')}`, details: [{ field, messages }] });
}
