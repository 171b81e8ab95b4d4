import { randomBytes } from 'node:crypto';
import { Agent, request } from 'node:http';
import { Queue } from 'bullmq';
import { Client } from 'pg';
import { QueueName } from '../src/queue/job-catalogue';
import { arg, loadAverage, complaintPayload, login } from './fault/load';
import { PASSWORD, Platform, WORKER_PHONE } from './fault/platform';
import { cpuTable, sampleCpu } from './lib/cpu';
import { enableStatements, resetStatements, statementsSince } from './lib/statements';
import { summarise, type LatencySummary } from './lib/stats';

/**
 * Intake speed (issue 17), in one run on the production shape (an API process and a separate worker process on
 * a PostgreSQL and a Redis of the run's own):
 *   1. raw: `--connections` pg clients each doing single-row INSERT + COMMIT (the durable-write limit here);
 *   2. intake: the same number of keep-alive connections posting valid complaints, each with its own
 *      Idempotency-Key, to POST /api/v1/complaints;
 *   3. with --pudong: the pudong synthetic set (≈150 k complaints) loaded into a second database on the same
 *      server, 1 and 2 on it, then 1 and 2 on the first database again, which then holds only the first run's few
 *      thousand complaints (complaints must not slow down as the table grows: the pudong figure is compared with
 *      the mean of the two empty-database runs around it, so that the machine's drift during the run, which a
 *      run's rising load average shows, falls on both sides alike).
 *   npm run bench:intake -- [--connections 32] [--seconds 20] [--employers N] [--pudong] [--statements]
 * --employers: how many employers the complaints name, in turn (default: one per connection). Each employer a
 * complaint names is rescored for the early warning 2 s later (deduplicated per employer), so few employers
 * hide that cost; real complaints mostly name an employer no other complaint of the last seconds named.
 * Each intake run prints the CPU each process spent per complaint (bench/lib/cpu.ts); --statements also loads
 * pg_stat_statements into the run's PostgreSQL and prints the statements of each intake run by execution time.
 */

interface Figure {
  what: string;
  perSecond: number;
  latencyMs: LatencySummary;
  non2xx: Record<string, number>;
  /** Where the CPU went during the run, per process (intake runs only). */
  cpu?: string;
  /** With --statements: PostgreSQL's statements during the run, by execution + planning time. */
  statements?: string;
  /** The worker's jobs not yet done when the posting stopped, and how long it then took to do them. */
  backlog?: string;
  /** The requests ÷ (the posting's seconds + the seconds the worker then needed for its backlog). */
  sustainedPerSecond?: number | null;
}

/**
 * The jobs waiting, delayed or running when the posting stopped (the job schedulers' next runs left out): a worker
 * that falls behind makes a rate that cannot last. Then polls until the worker has done them (at most
 * `maxSeconds`) and returns how long that took, so the run can report the rate with that time counted.
 */
async function backlog(
  p: Platform,
  maxSeconds = 120,
): Promise<{ text: string; drainSeconds: number | null }> {
  const queues = Object.values(QueueName).map(
    (name) => new Queue(name, { connection: { host: '127.0.0.1', port: p.redisPort }, prefix: 'lrp' }),
  );
  try {
    const pending = () =>
      Promise.all(
        queues.map(async (q) => {
          const c = await q.getJobCounts('waiting', 'active', 'prioritized');
          const delayed = (await q.getDelayed()).filter((j) => !j.repeatJobKey).length;
          return { queue: q.name, n: c.waiting + c.active + c.prioritized + delayed };
        }),
      );
    const atEnd = await pending();
    const t0 = Date.now();
    let left = atEnd.reduce((a, q) => a + q.n, 0);
    while (left > 0 && Date.now() - t0 < maxSeconds * 1000) {
      await new Promise((r) => setTimeout(r, 250));
      left = (await pending()).reduce((a, q) => a + q.n, 0);
    }
    const drainSeconds = left === 0 ? (Date.now() - t0) / 1000 : null;
    const drained =
      drainSeconds !== null
        ? `done ${drainSeconds.toFixed(1)} s after the posting stopped`
        : `${left} still not done ${maxSeconds} s after`;
    return {
      text: `worker jobs not done when the posting stopped: ${atEnd.map((q) => `${q.queue} ${q.n}`).join(', ')}; ${drained}`,
      drainSeconds,
    };
  } finally {
    await Promise.all(queues.map((q) => q.close()));
  }
}

async function raw(url: string, connections: number, seconds: number): Promise<Figure> {
  const setup = new Client({ connectionString: url });
  await setup.connect();
  await setup.query(
    `CREATE TABLE IF NOT EXISTS bench_raw_insert (id bigserial PRIMARY KEY, body text NOT NULL)`,
  );
  await setup.end();
  const latencies: number[] = [];
  const end = Date.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: connections }, async () => {
      const c = new Client({ connectionString: url });
      await c.connect();
      while (Date.now() < end) {
        const t0 = performance.now();
        await c.query('INSERT INTO bench_raw_insert (body) VALUES ($1)', [
          '2026年8月至10月工资未发放，共计12500元',
        ]);
        latencies.push(performance.now() - t0);
      }
      await c.end();
    }),
  );
  return {
    what: 'raw INSERT+COMMIT (pg)',
    perSecond: latencies.length / seconds,
    latencyMs: summarise(latencies),
    non2xx: {},
  };
}

function post(agent: Agent, port: number, token: string, key: string, body: string, xff: string) {
  return new Promise<number>((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        method: 'POST',
        path: '/api/v1/complaints',
        agent,
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${token}`,
          'idempotency-key': key,
          'x-forwarded-for': xff,
        },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode!));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

interface IntakeOptions {
  connections: number;
  seconds: number;
  /** Complaint i of connection c names employer (i × connections + c) mod employers. */
  employers: number;
  statements: boolean;
}

async function intake(p: Platform, token: string, o: IntakeOptions, what: string): Promise<Figure> {
  const { connections, seconds, statements } = o;
  const runId = randomBytes(4).toString('hex');
  const latencies: number[] = [];
  const non2xx: Record<string, number> = {};
  if (statements) await resetStatements(p);
  const trees = p.processTrees();
  const cpuBefore = sampleCpu(trees);
  const end = Date.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: connections }, async (_, conn) => {
      const agent = new Agent({ keepAlive: true, maxSockets: 1 });
      for (let i = 0; Date.now() < end; i++) {
        const body = complaintPayload(
          (i * connections + conn) % o.employers,
          `intake bench ${runId}: 2026年8月至10月工资未发放，共计12500元`,
        );
        const t0 = performance.now();
        let status: number;
        try {
          status = await post(
            agent,
            p.apiPort,
            token,
            `${runId}-${conn}-${i}`,
            body,
            `10.99.${conn >> 8}.${conn & 255}`,
          );
        } catch (err) {
          status = 0;
          non2xx[(err as NodeJS.ErrnoException).code ?? 'network'] =
            (non2xx[(err as NodeJS.ErrnoException).code ?? 'network'] ?? 0) + 1;
        }
        latencies.push(performance.now() - t0);
        if (status !== 201 && status !== 0) non2xx[String(status)] = (non2xx[String(status)] ?? 0) + 1;
      }
      agent.destroy();
    }),
  );
  const cpu = cpuTable(cpuBefore, sampleCpu(trees), latencies.length);
  const left = await backlog(p);
  return {
    what,
    perSecond: latencies.length / seconds,
    latencyMs: summarise(latencies),
    non2xx,
    cpu,
    statements: statements ? await statementsSince(p, latencies.length) : undefined,
    backlog: left.text,
    sustainedPerSecond: left.drainSeconds === null ? null : latencies.length / (seconds + left.drainSeconds),
  };
}

function line(f: Figure, rawPerSecond: number): string {
  const l = f.latencyMs;
  return `| ${f.what} | ${Math.round(f.perSecond)} | ${(f.perSecond / rawPerSecond).toFixed(3)} | ${l.p50.toFixed(1)} | ${l.p95.toFixed(1)} | ${l.p99.toFixed(1)} | ${
    Object.entries(f.non2xx)
      .map(([k, v]) => `${k}×${v}`)
      .join(', ') || '0'
  } |`;
}

/** The databases of a run, each with what its intake figure is called: the empty one, or with --pudong all three. */
const EMPTY_RUN = { db: 'labor_rights', what: 'empty database' } as const;
const PUDONG_RUNS = [
  EMPTY_RUN,
  { db: 'lrp_pudong', what: 'pudong set' },
  { db: 'labor_rights', what: 'empty database again' },
] as const;
const intakeLabel = (run: { what: string }) => `POST /api/v1/complaints, ${run.what}`;

/**
 * The pudong set's intake rate ÷ the mean of the empty database's two runs around it (issue 17: ≥ 0.9), with each
 * empty run's own ratio beside it: far apart, they show the machine drifted during the run.
 */
function pudongRatio(figures: Figure[]): string {
  const rate = (run: (typeof PUDONG_RUNS)[number]) =>
    figures.find((f) => f.what === intakeLabel(run))!.perSecond;
  const [before, set, after] = PUDONG_RUNS.map(rate);
  return `pudong set ÷ empty database: ${(set / ((before + after) / 2)).toFixed(2)} (÷ the run before ${(set / before).toFixed(2)}, ÷ the run after ${(set / after).toFixed(2)})`;
}

async function main(): Promise<void> {
  const connections = Number(arg('connections', '32'));
  const seconds = Number(arg('seconds', '20'));
  const pudong = process.argv.includes('--pudong');
  const statements = process.argv.includes('--statements');
  const employers = Number(arg('employers', String(connections)));
  const p = new Platform();
  const figures: Figure[] = [];
  try {
    await p.startStores();
    if (statements) await enableStatements(p);
    if (pudong) {
      process.stdout.write('loading the pudong synthetic set into its own database…\n');
      await p.loadSyntheticSet('lrp_pudong', 'pudong');
    }
    process.stdout.write(
      `intake bench: ${connections} connections, ${seconds} s each, ${employers} employers; load average ${loadAverage()}\n`,
    );
    for (const run of pudong ? PUDONG_RUNS : [EMPTY_RUN]) {
      p.database = run.db;
      await p.startProcesses();
      const token = await login(p.apiPort, WORKER_PHONE, PASSWORD);
      // A short warm-up (JIT, pools), not counted.
      await intake(p, token, { connections, seconds: 3, employers, statements: false }, 'warm-up');
      figures.push(await raw(p.databaseUrl, connections, seconds));
      figures.push(await intake(p, token, { connections, seconds, employers, statements }, intakeLabel(run)));
      await p.stopProcesses();
    }
  } finally {
    await p.stop().catch(() => undefined);
  }
  process.stdout.write(
    [
      '',
      '| what | per second | ÷ raw | p50 ms | p95 ms | p99 ms | non-2xx |',
      '|---|---|---|---|---|---|---|',
      ...figures.map((f, i) => line(f, f.what.startsWith('raw') ? f.perSecond : figures[i - 1].perSecond)),
      '',
      ...figures
        .filter((f) => f.cpu)
        .flatMap((f) => [
          `CPU during ${f.what}:`,
          '',
          f.cpu!,
          '',
          `${f.backlog!}; with that time counted, ${f.sustainedPerSecond == null ? 'unknown' : f.sustainedPerSecond.toFixed(0)} complaints/s`,
          '',
          ...(f.statements ? [`PostgreSQL during ${f.what}:`, '', f.statements, ''] : []),
        ]),
      ...(pudong ? [pudongRatio(figures), ''] : []),
      `load average at the end ${loadAverage()}`,
      '',
    ].join('\n'),
  );
}

main().catch((err: unknown) => {
  process.stderr.write(`intake bench failed: ${(err as Error)?.stack ?? String(err)}\n`);
  process.exit(2);
});
