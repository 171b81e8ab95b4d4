import { Global, Module } from '@nestjs/common';
import { TransactionRunner } from '../database/transaction';
import { IdempotencyRepository } from './idempotency/idempotency.repository';
import { IdempotencyService } from './idempotency/idempotency.service';
import { ShutdownState } from './http/shutdown';
import { PgThrottlerStorage } from './throttling/pg-throttler-storage';

@Global()
@Module({
  providers: [
    TransactionRunner,
    IdempotencyService,
    IdempotencyRepository,
    ShutdownState,
    PgThrottlerStorage,
  ],
  exports: [TransactionRunner, IdempotencyService, ShutdownState, PgThrottlerStorage],
})
export class CommonModule {}
