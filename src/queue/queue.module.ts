import { Global, Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { OutboxRelay } from './outbox-relay';
import { JobFailuresRepository } from './job-failures.repository';
import { OutboxRepository } from './outbox.repository';
import { OutboxService } from './outbox.service';
import { QueueService } from './queue.service';

@Global()
@Module({
  imports: [DiscoveryModule],
  providers: [QueueService, OutboxService, OutboxRelay, OutboxRepository, JobFailuresRepository],
  exports: [QueueService, OutboxService, OutboxRelay, JobFailuresRepository],
})
export class QueueModule {}
