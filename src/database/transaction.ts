import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

/** PostgreSQL error codes worth one more try: serialization failure and deadlock. */
const RETRYABLE = new Set(['40001', '40P01']);

/**
 * One transaction per use case. Services call `run`; repositories receive the EntityManager. A serialization
 * failure or deadlock is retried (the whole use case runs again, so it must not have side effects outside
 * the transaction: those go to the outbox).
 */
@Injectable()
export class TransactionRunner {
  constructor(private readonly dataSource: DataSource) {}

  async run<T>(work: (em: EntityManager) => Promise<T>, attempts = 3): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.dataSource.transaction(work);
      } catch (err) {
        const code =
          (err as { code?: string; driverError?: { code?: string } }).driverError?.code ??
          (err as { code?: string }).code;
        if (attempt >= attempts || !code || !RETRYABLE.has(code)) throw err;
      }
    }
  }

  get manager(): EntityManager {
    return this.dataSource.manager;
  }
}

/** Whether `em` runs inside a transaction (a `TransactionRunner.run` manager) rather than on the pool. */
export function inTransaction(em: EntityManager): boolean {
  return em.queryRunner?.isTransactionActive === true;
}

/** True when the error is a unique-constraint violation (optionally on the named constraint). */
export function isUniqueViolation(err: unknown, constraint?: string): boolean {
  const e = err as {
    code?: string;
    constraint?: string;
    driverError?: { code?: string; constraint?: string };
  };
  const code = e.driverError?.code ?? e.code;
  const name = e.driverError?.constraint ?? e.constraint;
  return code === '23505' && (constraint === undefined || name === constraint);
}
