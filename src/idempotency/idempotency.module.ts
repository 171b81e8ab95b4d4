import { Global, Module } from '@nestjs/common';
import { IdempotencyProcessor } from './idempotency.processor';
import { IdempotencyRepository } from './idempotency.repository';
import { IdempotencyService } from './idempotency.service';

/** `Idempotency-Key` for writes that clients retry: stored responses, replay, and the nightly purge. */
@Global()
@Module({
  providers: [IdempotencyService, IdempotencyRepository, IdempotencyProcessor],
  exports: [IdempotencyService],
})
export class IdempotencyModule {}
