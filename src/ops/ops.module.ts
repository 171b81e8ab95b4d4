import { Module } from '@nestjs/common';
import { JobConsoleService } from './job-console.service';
import { OpsController } from './ops.controller';

/** Operators: the job console and manual runs of the scheduled work (the queues come from the global QueueModule). */
@Module({ controllers: [OpsController], providers: [JobConsoleService] })
export class OpsModule {}
