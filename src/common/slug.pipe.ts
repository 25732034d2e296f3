import { Injectable, type ArgumentMetadata, type PipeTransform } from '@nestjs/common';
import { badField } from './field-error';

export const SLUG_PATTERN = /^[a-z0-9][a-z0-9-]{0,119}$/;

/** Validates a slug path parameter (lower-case letters, digits, hyphens). */
@Injectable()
export class SlugPipe implements PipeTransform<string, string> {
  transform(value: string, meta: ArgumentMetadata): string {
    if (!SLUG_PATTERN.test(value)) {
      const field = meta.data ?? 'slug';
      throw badField(field, 'must be a slug (a-z, 0-9, -)');
    }
    return value;
  }
}
