import { PostgresQueryRunner } from 'typeorm/driver/postgres/PostgresQueryRunner';

/**
 * The statements `run` sent to PostgreSQL through TypeORM, each with the query runner (connection) that sent it,
 * and what `run` returned. They are read before the spy is restored (mockRestore clears its calls).
 */
export async function statementsDuring<T>(
  run: () => Promise<T>,
  { rateLimitFlushes = false, relayWakeUps = false } = {},
): Promise<{ result: T; statements: { sql: string; params: unknown[] | undefined; runner: unknown }[] }> {
  const spy = jest.spyOn(PostgresQueryRunner.prototype, 'query');
  try {
    const result = await run();
    const statements = spy.mock.calls
      // The runner is not enumerable: a failing expectation prints the statements, not the connection (whose
      // printing throws: TypeORM's `mongoManager` getter on a PostgreSQL data source).
      .map(
        ([sql, params], i) =>
          Object.defineProperty({ sql: String(sql), params: params as unknown[] | undefined }, 'runner', {
            value: spy.mock.contexts[i],
            enumerable: false,
          }) as { sql: string; params: unknown[] | undefined; runner: unknown },
      )
      // The rate limiter's statements: a request's hit of the default limit is counted in the process and sent with
      // the others' every FLUSH_EVERY_MS (counted-here.ts), so a flush falls inside `run` or not by timing alone;
      // a strict limit's own upsert is left out with them (rate-limits.e2e-spec.ts tests the limiter itself).
      .filter((s) => rateLimitFlushes || !/\bINTO rate_limit_hits\b/.test(s.sql))
      // The outbox relays' wake-up: sent after a commit, on the next turns of the event loop, on a connection of its
      // own, and shared by the commits of a turn (OutboxService.notifyCommitted), so it falls inside `run` or not by
      // timing alone (outbox-listen.e2e-spec.ts tests it).
      .filter((s) => relayWakeUps || !s.sql.includes('pg_notify('));
    return { result, statements };
  } finally {
    spy.mockRestore();
  }
}

type Statement = { sql: string; runner: unknown };

/**
 * The per-request account check (SessionService), which trusts an account for SESSION_CACHE_MS (1 s): whether a
 * request sends it depends on how long ago the same token was last checked, so on a slow machine alone. Tests that
 * count a request's own statements leave it out (auth's tests test it).
 */
export function isSessionCheck(sql: string): boolean {
  return /\bFROM users u WHERE u\.id = \$1\b/.test(sql) && sql.includes('revoked_access_tokens');
}

/**
 * For each statement that reads `table` (its name in the text), whether it is the one that should (its text holds
 * `reader`): `[true]` when only that one did.
 */
export function readersOf(statements: readonly { sql: string }[], table: string, reader: string): boolean[] {
  return statements.filter((s) => s.sql.includes(table)).map((s) => s.sql.includes(reader));
}

/** Each statement's first word (SELECT, INSERT, START, COMMIT…), in order. */
export function firstWords(statements: readonly Statement[]): string[] {
  return statements.map((s) => s.sql.trim().split(/\s+/)[0]);
}

/** The statements of an SMS delivery's own connection (the one that took its advisory lock), and the others. */
export function splitByDelivery(statements: readonly Statement[]): {
  delivery: Statement[];
  others: Statement[];
} {
  const runner = statements.find((s) => s.sql.includes('pg_advisory_lock'))?.runner;
  return {
    delivery: statements.filter((s) => runner !== undefined && s.runner === runner),
    others: statements.filter((s) => runner === undefined || s.runner !== runner),
  };
}
