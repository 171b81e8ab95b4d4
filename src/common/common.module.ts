import { Global, Module } from '@nestjs/common';
import { TransactionRunner } from '../database/transaction';
import { IdempotencyService } from './idempotency/idempotency.service';

@Global()
@Module({
  providers: [TransactionRunner, IdempotencyService],
  exports: [TransactionRunner, IdempotencyService],
})
export class CommonModule {}
