import { Global, Module } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { TransactionRunner } from '../database/transaction';
import { PiiCipher } from './pii-crypto';
import { IdempotencyProcessor } from './idempotency/idempotency.processor';
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
    IdempotencyProcessor,
    ShutdownState,
    PgThrottlerStorage,
    {
      provide: PiiCipher,
      useFactory: (c: AppConfig) => PiiCipher.fromSpec(c.piiKeys),
      inject: [APP_CONFIG],
    },
  ],
  exports: [TransactionRunner, IdempotencyService, ShutdownState, PgThrottlerStorage, PiiCipher],
})
export class CommonModule {}
