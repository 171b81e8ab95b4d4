import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { Client } from 'pg';
import { arg, loadAverage, login, runIntake, type IntakeTally } from './load';
import { Platform, PASSWORD, WORKER_PHONE } from './platform';
import { sleep } from './services';

/**
 * The fault suite (issue 15): the production shape — an API process and a worker process on a PostgreSQL and a
 * Redis of the run's own — under intake load with Idempotency-Key retries, while one scenario breaks something:
 *
 *   api-kill     kill -9 of the API under intake (restarted after 1 s)
 *   worker-kill  kill -9 of the worker mid-job, three times
 *   redis-stop   Redis stopped for 20 s during intake
 *   pg-restart   PostgreSQL immediate restart (SIGQUIT: no checkpoint, crash recovery)
 *   pg-stop      PostgreSQL stopped for 15 s
 *   sigterm      SIGTERM to the API under load (a new API started after it exits)
 *
 * Each prints acknowledged / stored / lost / duplicated, the SMS acknowledgements sent vs expected, the 5xx
 * answers by code and the connection resets. Usage:
 *   npm run bench:fault -- [--scenarios a,b,...] [--connections 32] [--seconds 30]
 */
const ALL = ['api-kill', 'worker-kill', 'redis-stop', 'pg-restart', 'pg-stop', 'sigterm'] as const;
type Scenario = (typeof ALL)[number];

interface Result {
  scenario: Scenario;
  acknowledged: number;
  stored: number;
  lost: number;
  duplicated: number;
  storedUnacknowledged: number;
  smsExpected: number;
  smsSent: number;
  smsDuplicated: number;
  smsUnconfirmed: number;
  server5xx: string;
  status500: number;
  resets: number;
  refused: number;
  requests: number;
  seconds: number;
}

async function verify(p: Platform, runId: string, tally: IntakeTally, scenario: Scenario, seconds: number) {
  const db = new Client({ connectionString: p.pg.url });
  await db.connect();
  try {
    const like = `fault ${runId} %`;
    // Every stored complaint of the run is acknowledged by the worker (the SMS) before the figures are read.
    const deadline = Date.now() + 180_000;
    for (;;) {
      const { rows } = await db.query<{ n: number; acked: number }>(
        `SELECT count(*)::int AS n,
                count(*) FILTER (WHERE EXISTS (SELECT 1 FROM case_events e WHERE e.case_id = c.id
                                                 AND e.action = 'ACKNOWLEDGED'))::int AS acked
           FROM complaints c WHERE c.facts LIKE $1`,
        [like],
      );
      if (rows[0].n === rows[0].acked || Date.now() > deadline) break;
      await sleep(1000);
    }
    const { rows: stored } = await db.query<{ facts: string; id: string }>(
      `SELECT id, facts FROM complaints WHERE facts LIKE $1`,
      [like],
    );
    const perKey = new Map<string, number>();
    for (const r of stored) {
      const key = r.facts.split(' ')[2].replace(/:$/, '');
      perKey.set(key, (perKey.get(key) ?? 0) + 1);
    }
    const lost = [...tally.acknowledged].filter((k) => !perKey.has(k)).length;
    const duplicated = [...perKey.values()].filter((n) => n > 1).length;
    const storedUnacknowledged = [...perKey.keys()].filter((k) => !tally.acknowledged.has(k)).length;
    const { rows: notes } = await db.query<{ id: string; status: string }>(
      `SELECT n.id, n.status FROM notifications n
         JOIN complaints c ON n.dedup_key = 'complaint-ack:' || c.id
        WHERE c.facts LIKE $1 AND n.channel = 'SMS'`,
      [like],
    );
    const sent = notes.filter((n) => (p.smsSent.get(n.id) ?? 0) > 0).length;
    const smsDuplicated = notes.filter((n) => (p.smsSent.get(n.id) ?? 0) > 1).length;
    const server5xx = [...tally.serverErrors].map(([k, v]) => `${k}×${v}`).join(', ') || '—';
    const result: Result = {
      scenario,
      acknowledged: tally.acknowledged.size,
      stored: perKey.size,
      lost,
      duplicated,
      storedUnacknowledged,
      smsExpected: perKey.size,
      smsSent: sent,
      smsDuplicated,
      smsUnconfirmed: notes.filter((n) => n.status === 'UNCONFIRMED').length,
      server5xx,
      status500: tally.statuses.get(500) ?? 0,
      resets: tally.resets,
      refused: tally.refused,
      requests: tally.requests,
      seconds,
    };
    return result;
  } finally {
    await db.end();
  }
}

async function scenario(p: Platform, name: Scenario, connections: number, seconds: number): Promise<Result> {
  const runId = `${name}-${randomBytes(3).toString('hex')}`;
  const token = await login(p.apiPort, WORKER_PHONE, PASSWORD);
  const started = Date.now();
  // Intake goes on for `seconds`, and at least 15 s after the broken part is back.
  let end = started + seconds * 1000;
  const load = runIntake({
    port: () => p.apiPort,
    token,
    runId,
    connections,
    until: () => Date.now() > end,
    retryDeadline: () => end + 90_000,
  });
  const at = (s: number) => sleep(Math.max(0, started + s * 1000 - Date.now()));
  switch (name) {
    case 'api-kill':
      await at(10);
      await p.api.stop('SIGKILL');
      await sleep(1000);
      await p.newApi().start();
      break;
    case 'worker-kill':
      for (const s of [5, 12, 20]) {
        await at(s);
        await p.worker.stop('SIGKILL');
        await sleep(1000);
        await p.newWorker().start();
      }
      break;
    case 'redis-stop':
      await at(5);
      await p.redis.stop('SIGTERM');
      await sleep(20_000);
      await p.redis.start();
      break;
    case 'pg-restart':
      await at(8);
      await p.pg.immediateStop();
      await p.pg.start();
      break;
    case 'pg-stop':
      await at(8);
      await p.pg.stop();
      await sleep(15_000);
      await p.pg.start();
      break;
    case 'sigterm':
      await at(10);
      await p.api.stop('SIGTERM');
      await p.newApi().start();
      break;
  }
  end = Math.max(end, Date.now() + 15_000);
  const tally = await load;
  return verify(p, runId, tally, name, Math.round((Date.now() - started) / 1000));
}

async function main(): Promise<void> {
  const scenarios = arg('scenarios', ALL.join(',')).split(',') as Scenario[];
  for (const s of scenarios)
    if (!ALL.includes(s)) throw new Error(`unknown scenario ${s} (${ALL.join(', ')})`);
  const connections = Number(arg('connections', '32'));
  const seconds = Number(arg('seconds', '30'));
  const p = new Platform();
  process.stdout.write(`fault run in ${p.dir} (logs in ${p.logDir}); load average ${loadAverage()}\n`);
  const results: Result[] = [];
  try {
    await p.start();
    for (const s of scenarios) {
      process.stdout.write(`— ${s} (${connections} connections, ${seconds} s of intake)\n`);
      const r = await scenario(p, s, connections, seconds);
      results.push(r);
      process.stdout.write(`${JSON.stringify(r)}\n`);
    }
  } finally {
    await p.stop().catch(() => undefined);
  }
  process.stdout.write(
    [
      '',
      '| scenario | acknowledged | stored | lost | duplicated | SMS sent / expected | SMS twice | 500s | 5xx answers | resets | refused |',
      '|---|---|---|---|---|---|---|---|---|---|---|',
      ...results.map(
        (r) =>
          `| ${r.scenario} | ${r.acknowledged} | ${r.stored} | ${r.lost} | ${r.duplicated} | ${r.smsSent} / ${r.smsExpected} | ${r.smsDuplicated} | ${r.status500} | ${r.server5xx} | ${r.resets} | ${r.refused} |`,
      ),
      '',
      `load average at the end ${loadAverage()}`,
      '',
    ].join('\n'),
  );
  if (process.argv.includes('--clean')) rmSync(p.dir, { recursive: true, force: true });
  const bad = results.some(
    (r) => r.lost || r.duplicated || r.status500 || r.smsDuplicated || r.smsSent < r.smsExpected,
  );
  process.exit(bad ? 1 : 0);
}

main().catch((err: unknown) => {
  process.stderr.write(`fault run failed: ${(err as Error)?.stack ?? String(err)}\n`);
  process.exit(2);
});
