import { Client } from 'pg';
import type { Platform } from '../fault/platform';

/**
 * PostgreSQL's own account of a bench run (`--statements` of bench:intake and bench:reads): pg_stat_statements
 * loaded into the run's cluster, reset before a measured run, and its statements read back per request.
 */

/** Loads pg_stat_statements into the run's cluster (a restart), tracking planning too. */
export async function enableStatements(p: Platform): Promise<void> {
  const c = new Client({ connectionString: p.pg.url });
  await c.connect();
  await c.query(`ALTER SYSTEM SET shared_preload_libraries = 'pg_stat_statements'`);
  await c.query(`ALTER SYSTEM SET pg_stat_statements.track = 'all'`);
  await c.query(`ALTER SYSTEM SET pg_stat_statements.track_planning = on`);
  await c.end();
  await p.pg.stop();
  await p.pg.start();
  const d = new Client({ connectionString: p.pg.url });
  await d.connect();
  await d.query('CREATE EXTENSION IF NOT EXISTS pg_stat_statements');
  await d.end();
}

export async function resetStatements(p: Platform): Promise<void> {
  const c = new Client({ connectionString: p.pg.url });
  await c.connect();
  await c.query('SELECT pg_stat_statements_reset()').finally(() => c.end());
}

/** The statements since the last reset, the top 25 by execution + planning time, per request. */
export async function statementsSince(p: Platform, requests: number): Promise<string> {
  const c = new Client({ connectionString: p.pg.url });
  await c.connect();
  try {
    const { rows } = await c.query<{ calls: string; total: number; plan: number; query: string }>(
      `SELECT calls, total_exec_time AS total, total_plan_time AS plan,
              regexp_replace(left(query, 110), '[[:space:]]+', ' ', 'g') AS query
         FROM pg_stat_statements ORDER BY total_exec_time + total_plan_time DESC LIMIT 25`,
    );
    const all = await c.query<{ calls: string; total: number; plan: number }>(
      'SELECT sum(calls) AS calls, sum(total_exec_time) AS total, sum(total_plan_time) AS plan FROM pg_stat_statements',
    );
    return [
      `all statements: ${all.rows[0].calls} calls (${(Number(all.rows[0].calls) / requests).toFixed(1)} per request), ` +
        `${Number(all.rows[0].total).toFixed(0)} ms executing, ${Number(all.rows[0].plan).toFixed(0)} ms planning`,
      '',
      '| calls per request | executing ms | planning ms | statement |',
      '|---|---|---|---|',
      ...rows.map(
        (r) =>
          `| ${(Number(r.calls) / requests).toFixed(2)} | ${r.total.toFixed(0)} | ${r.plan.toFixed(0)} | ${r.query.replace(/\|/g, '\\|')} |`,
      ),
    ].join('\n');
  } finally {
    await c.end();
  }
}
