import { PostgresQueryRunner } from 'typeorm/driver/postgres/PostgresQueryRunner';

/**
 * The statements `run` sent to PostgreSQL through TypeORM, each with the query runner (connection) that sent it,
 * and what `run` returned. They are read before the spy is restored (mockRestore clears its calls).
 */
export async function statementsDuring<T>(
  run: () => Promise<T>,
): Promise<{ result: T; statements: { sql: string; runner: unknown }[] }> {
  const spy = jest.spyOn(PostgresQueryRunner.prototype, 'query');
  try {
    const result = await run();
    const statements = spy.mock.calls.map(([sql], i) => ({ sql: String(sql), runner: spy.mock.contexts[i] }));
    return { result, statements };
  } finally {
    spy.mockRestore();
  }
}
