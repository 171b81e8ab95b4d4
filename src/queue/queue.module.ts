import { Global, Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { OutboxRelay } from './outbox-relay';
import { OutboxService } from './outbox.service';
import { QueueService } from './queue.service';

@Global()
@Module({
  imports: [DiscoveryModule],
  providers: [QueueService, OutboxService, OutboxRelay],
  exports: [QueueService, OutboxService, OutboxRelay],
})
export class QueueModule {}
