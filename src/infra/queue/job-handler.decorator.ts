import { SetMetadata } from '@nestjs/common';
import type { JobName } from './queue.contract';

export const JOB_HANDLER_METADATA = 'queue:job-handler';

/** Marks a provider method as the one handler of a job name. */
export const JobHandler = (name: JobName): MethodDecorator => SetMetadata(JOB_HANDLER_METADATA, name);
