import { Global, Module } from '@nestjs/common';
import { TransactionRunner } from '../database/transaction';
import { IdempotencyRepository } from './idempotency/idempotency.repository';
import { IdempotencyService } from './idempotency/idempotency.service';

@Global()
@Module({
  providers: [TransactionRunner, IdempotencyService, IdempotencyRepository],
  exports: [TransactionRunner, IdempotencyService],
})
export class CommonModule {}
