import { ParseUUIDPipe } from '@nestjs/common';
import { badField } from '../common/field-error';

/** A uuid path parameter; a malformed one answers 400 naming the parameter. */
export const uuidParam = (name = 'id'): ParseUUIDPipe => new ParseUUIDPipe({ exceptionFactory: () => badField(name, 'must be a UUID') });
