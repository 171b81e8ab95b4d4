import { rmSync } from 'node:fs';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { GenericPlanReads } from '../../src/database/generic-plan';
import { prepared } from '../../src/database/prepared-statements';
import { TransactionRunner } from '../../src/database/transaction';
import { statementsDuring } from '../support/statements';
import { dropTestDatabase, eventually, startTestApp, type TestApp } from '../support/test-app';

/** The session a statement ran on: its plan mode, its backend, and a setting the URL may carry. */
const SESSION = prepared(
  `SELECT current_setting('plan_cache_mode') AS mode, pg_backend_pid() AS pid,
          current_setting('statement_timeout') AS timeout, current_setting('jit') AS jit, $1::int AS n`,
);
/** A keyed read whose plans PostgreSQL counts (pg_prepared_statements), never run elsewhere. */
const KEYED = prepared(
  `SELECT count(*)::int AS n FROM complaints WHERE id = $1::uuid /* generic-plan spec */`,
);
const PLANS = prepared(
  `SELECT generic_plans::int AS generic, custom_plans::int AS custom FROM pg_prepared_statements
    WHERE statement = $1`,
);

interface Session {
  mode: string;
  pid: number;
  timeout: string;
  jit: string;
  n: number;
}

/**
 * Issue 17.3: the texts that must run on their generic plan from their first call (a name search, the risk
 * features by key) go to a pool of their own whose sessions force it — one round trip, not a transaction's four.
 */
describe('GenericPlanReads', () => {
  let t: TestApp;
  let reads: GenericPlanReads;

  beforeAll(async () => {
    t = await startTestApp({ env: { PROCESS_ROLE: 'api' } });
    reads = t.app.get(GenericPlanReads);
  });
  afterAll(() => t?.close());

  it('runs a marked text in one statement on a session of its own pool, planned generically from the first call', async () => {
    const em = t.dataSource.manager;
    // The pool opens on its first read (TypeORM's two statements of a new data source), then each read is one.
    const opening = await statementsDuring(() => reads.query<Session[]>(em, SESSION, [6]));
    expect(opening.statements.map((s) => s.sql)).toEqual([
      'SELECT version()',
      'SELECT * FROM current_schema()',
      SESSION,
    ]);
    const { result, statements } = await statementsDuring(() => reads.query<Session[]>(em, SESSION, [7]));
    expect(result).toEqual([
      { mode: 'force_generic_plan', pid: expect.any(Number), timeout: '0', jit: 'off', n: 7 },
    ]);
    // One statement, on another data source than the platform's (no BEGIN, SET LOCAL, COMMIT around it).
    expect(statements.map((s) => s.sql)).toEqual([SESSION]);
    const runner = statements[0].runner as { connection: DataSource };
    expect(runner.connection).not.toBe(t.dataSource);
    // The platform's own sessions leave PostgreSQL to choose.
    const [own] = await em.query<Session[]>(SESSION, [1]);
    expect(own.mode).toBe('auto');
    expect(own.pid).not.toBe(result[0].pid);

    // The same keyed text: on the pool, its first call is planned generically; on the platform's, for its value.
    const id = '00000000-0000-4000-8000-000000000000';
    await reads.query(em, KEYED, [id]);
    expect(await reads.query(em, PLANS, [KEYED])).toEqual([{ generic: 1, custom: 0 }]);
    await em.query(KEYED, [id]);
    expect(await em.query(PLANS, [KEYED])).toEqual([{ generic: 0, custom: 1 }]);
  });

  it("runs inside the caller's transaction, and an unmarked text, on the caller's manager as they are", async () => {
    const inside = await t.app
      .get(TransactionRunner)
      .run((tem) => statementsDuring(() => reads.query<Session[]>(tem, SESSION, [2])));
    expect(inside.result[0].mode).toBe('auto');
    expect((inside.statements[0].runner as { connection: DataSource }).connection).toBe(t.dataSource);
    const unmarked = `SELECT current_setting('plan_cache_mode') AS mode, $1::int AS n`;
    const { result, statements } = await statementsDuring(() =>
      reads.query<{ mode: string }[]>(t.dataSource.manager, unmarked, [3]),
    );
    expect(result).toEqual([{ mode: 'auto', n: 3 }]);
    expect((statements[0].runner as { connection: DataSource }).connection).toBe(t.dataSource);
  });

  it('keeps the session options a DATABASE_URL carries, and closes its sessions with the app', async () => {
    const app = await startTestApp({
      env: { PROCESS_ROLE: 'api' },
      databaseUrl: (url) => `${url}?options=${encodeURIComponent('-c statement_timeout=7000')}`,
    });
    let pid = 0;
    try {
      const [s] = await app.app.get(GenericPlanReads).query<Session[]>(app.dataSource.manager, SESSION, [4]);
      // The URL's options replace the pool's (`-c jit=off`), for the platform's sessions as for these.
      expect([s.mode, s.timeout]).toEqual(['force_generic_plan', '7s']);
      const [own] = await app.dataSource.query<Session[]>(SESSION, [4]);
      expect([own.mode, own.timeout]).toEqual(['auto', '7s']);
      pid = s.pid;
    } finally {
      // The app alone first: dropping the test database (app.close) would end any session left.
      await app.app.close();
    }
    const admin = new Client({ connectionString: process.env.TEST_SERVER_URL });
    await admin.connect();
    try {
      const gone = await eventually(async () => {
        const { rows } = await admin.query('SELECT pid FROM pg_stat_activity WHERE pid = $1', [pid]);
        return rows.length === 0;
      }, 5000);
      expect(gone).toBe(true);
    } finally {
      await admin.end();
      await dropTestDatabase(app.databaseUrl);
      rmSync(app.config.fileStorage.dir, { recursive: true, force: true });
    }
  });
});
