import { AsyncLocalStorage } from 'node:async_hooks';
import type { DataSource } from 'typeorm';

/**
 * Refuses, in tests, any pooled connection taken while a transaction of the same call chain holds one: a read
 * through `this.tx.manager`, `dataSource.manager`, `dataSource.query` or a nested transaction inside a
 * `tx.run(...)` callback. Under load such a transaction waits for a second connection while holding the first,
 * and 20 of them starve the pool for good (DeadlinesService.addEvent once read the calendar that way); it also
 * reads without the transaction's own writes. Pass the transaction's `em` instead.
 *
 * The offending query fails (so the request or job fails where the test looks), and `violations` keeps where it
 * came from, for the report when the app closes.
 */
export function guardSecondConnections(dataSource: DataSource): { violations: string[] } {
  const inTransaction = new AsyncLocalStorage<{ connected: boolean; over?: boolean }>();
  const violations: string[] = [];
  const transaction = dataSource.transaction.bind(dataSource) as (...args: unknown[]) => Promise<unknown>;
  const createQueryRunner = dataSource.createQueryRunner.bind(dataSource);
  // A transaction started inside another one keeps the outer store: its own connection is the second one. Work the
  // transaction left for later (an after-commit hook, a timer) keeps the store too: once the outer transaction has
  // given its connection back (`over`), that work holds no other.
  (dataSource as { transaction: (...args: unknown[]) => Promise<unknown> }).transaction = (...args) => {
    const outer = inTransaction.getStore();
    if (outer && !outer.over) return transaction(...args);
    const store = { connected: false, over: false };
    return inTransaction.run(store, () =>
      transaction(...args).finally(() => {
        store.over = true;
      }),
    );
  };
  dataSource.createQueryRunner = (...args) => {
    const tx = inTransaction.getStore();
    if (tx?.connected && !tx.over) {
      const stack = new Error().stack ?? '';
      violations.push(stack);
      throw new Error(`a second pooled connection was taken inside a transaction (pass its em):\n${stack}`);
    }
    if (tx) tx.connected = true;
    return createQueryRunner(...args);
  };
  return { violations };
}
