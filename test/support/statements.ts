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
      .map(([sql, params], i) => ({
        sql: String(sql),
        params: params as unknown[] | undefined,
        runner: spy.mock.contexts[i],
      }))
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
