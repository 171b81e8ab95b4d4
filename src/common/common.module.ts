import { Global, Module } from '@nestjs/common';
import { TransactionRunner } from '../database/transaction';
import { IdempotencyRepository } from './idempotency/idempotency.repository';
import { IdempotencyService } from './idempotency/idempotency.service';
import { ShutdownState } from './http/shutdown';

@Global()
@Module({
  providers: [TransactionRunner, IdempotencyService, IdempotencyRepository, ShutdownState],
  exports: [TransactionRunner, IdempotencyService, ShutdownState],
})
export class CommonModule {}
