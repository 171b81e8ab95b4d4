import { Injectable, type OnModuleInit } from '@nestjs/common';
import {
  DataSource,
  type EntityManager,
  type EntitySubscriberInterface,
  type QueryRunner,
  type TransactionCommitEvent,
  type TransactionRollbackEvent,
} from 'typeorm';

/** What runs after each transaction's commit, by its query runner (a transaction has one of its own). */
const pending = new WeakMap<QueryRunner, Set<() => void>>();

/**
 * Runs `hook` once the transaction `em` belongs to has committed, never if it rolls back; at once when `em` is not
 * in a transaction (call it after the statement: on the pool, that statement has committed). A hook registered
 * twice in one transaction runs once. Hooks must not throw (each is called in a try; a throw is swallowed).
 */
export function afterCommit(em: EntityManager, hook: () => void): void {
  const runner = em.queryRunner;
  if (!runner?.isTransactionActive) return void runSafely(hook);
  const hooks = pending.get(runner);
  if (hooks) hooks.add(hook);
  else pending.set(runner, new Set([hook]));
}

function runSafely(hook: () => void): void {
  try {
    hook();
  } catch {
    // a hook is a nudge (a wake-up), never part of the work: nothing to undo
  }
}

/**
 * Runs the hooks of `afterCommit` from TypeORM's transaction events. A savepoint's release (a nested
 * transaction) broadcasts a commit too: only the outermost commit, after which no transaction is active, runs them.
 * TypeORM broadcasts the commit before it gives the connection back to the pool: the hooks run on the next turn of
 * the event loop, when it is back, so one that takes a connection never holds two.
 */
@Injectable()
export class AfterCommitHooks implements EntitySubscriberInterface, OnModuleInit {
  constructor(private readonly dataSource: DataSource) {}

  onModuleInit(): void {
    if (!this.dataSource.subscribers.includes(this)) this.dataSource.subscribers.push(this);
  }

  afterTransactionCommit(event: TransactionCommitEvent): void {
    const runner = event.queryRunner;
    if (runner.isTransactionActive) return;
    const hooks = pending.get(runner);
    pending.delete(runner);
    if (hooks) setImmediate(() => hooks.forEach(runSafely));
  }

  afterTransactionRollback(event: TransactionRollbackEvent): void {
    if (!event.queryRunner.isTransactionActive) pending.delete(event.queryRunner);
  }
}
