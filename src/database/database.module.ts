import { Global, Module } from '@nestjs/common';
import { AfterCommitHooks } from './after-commit';
import { GenericPlanReads } from './generic-plan';
import { TransactionRunner } from './transaction';

/**
 * The database layer's providers. The data source itself (entities, migrations, options) is configured at the
 * composition root (`app.module.ts`, `data-source-options.ts`, `entities.ts`), so this layer imports no module.
 */
@Global()
@Module({
  providers: [TransactionRunner, AfterCommitHooks, GenericPlanReads],
  exports: [TransactionRunner, GenericPlanReads],
})
export class DatabaseModule {}
