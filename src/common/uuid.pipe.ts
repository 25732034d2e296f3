import { Injectable, type ArgumentMetadata, type PipeTransform } from '@nestjs/common';
import { isUUID } from 'class-validator';
import { badField } from '../common/field-error';

/** Validates a UUID path parameter, naming it when it is not one; answers it in lower case. */
@Injectable()
export class UuidPipe implements PipeTransform<string, string> {
  transform(value: string, meta: ArgumentMetadata): string {
    if (!isUUID(value)) throw badField(meta.data ?? 'id', 'must be a UUID');
    return value.toLowerCase();
  }
}
