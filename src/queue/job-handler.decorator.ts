import { SetMetadata } from '@nestjs/common';
import { JobName } from './job-catalogue';

export const JOB_HANDLER = Symbol('JOB_HANDLER');

/**
 * Marks a provider method as the handler of a job. Handlers live in `*.processor.ts` files and only call
 * their module's service; delivery is at least once, so handlers must tolerate a replay.
 */
export const OnJob = (name: JobName): MethodDecorator => SetMetadata(JOB_HANDLER, name);
