import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { loadavg } from 'node:os';
import { cpuCell, sampleCpu } from '../lib/cpu';
import { median, summarise } from '../lib/stats';
import { arg, loadAverage, complaintPayload, login } from './load';
import { PASSWORD, Platform, WORKER_PHONE } from './platform';

/**
 * The mixed soak (issue 15): `--connections` keep-alive connections for `--seconds`, each request one of: a
 * worker files a complaint (half), a mediator lists the street's complaints, the worker reads the case file
 * (/my/cases/:id) of their last complaint; against
 * the production shape (API + worker processes). Prints errors, latency and the API's RSS every 30 s; RSS is
 * "flat" when every sample after the warm-up is within ±10 % of their median. Each connection changes its client
 * address (X-Forwarded-For; the platform trusts the proxy here) every 50 requests, as many workers' phones would.
 * --employers: how many employers the complaints name, in turn (default: one per connection, as before). Each named
 * employer is rescored for the early warning, over its complaints of 97 days: 16 employers take thousands each in a
 * soak, the load of a mass dispute on every one of them; real complaints mostly name an employer few others did.
 *   npm run bench:soak -- [--connections 16] [--seconds 600] [--warmup 120] [--employers N]
 */

/** Requests a client address makes before the connection takes the next one. */
const ADDRESS_EVERY = 50;

/** The n-th address of connection `conn`: 10.88.0.0/13, none shared between connections or reused in a run. */
function clientAddress(conn: number, n: number, connections: number): string {
  const id = n * connections + conn;
  return `10.${88 + ((id >> 16) & 7)}.${(id >> 8) & 255}.${id & 255}`;
}

function rssMb(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) / 1024 : NaN;
}

function call(
  agent: Agent,
  port: number,
  method: string,
  path: string,
  token: string,
  headers: Record<string, string>,
  body?: string,
) {
  return new Promise<{ status: number; id?: string }>((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        method,
        path,
        agent,
        headers: { authorization: `Bearer ${token}`, ...headers },
      },
      (res) => {
        let data = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (data += c.length < 2000 ? c : ''));
        res.on('end', () =>
          resolve({ status: res.statusCode!, id: /"id":"([0-9a-f-]{36})"/.exec(data)?.[1] }),
        );
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

async function main(): Promise<void> {
  const connections = Number(arg('connections', '16'));
  const seconds = Number(arg('seconds', '600'));
  const warmup = Number(arg('warmup', '120'));
  const employers = Number(arg('employers', String(connections)));
  const p = new Platform();
  await p.start();
  try {
    const worker = await login(p.apiPort, WORKER_PHONE, PASSWORD);
    const staff = await login(p.apiPort, 'mediator', PASSWORD);
    const runId = `soak-${randomBytes(3).toString('hex')}`;
    const started = Date.now();
    const end = started + seconds * 1000;
    const latencies: number[] = [];
    /** Those of requests sent after the warm-up: the steady state, on tables with statistics. */
    const steady: number[] = [];
    const warm = started + warmup * 1000;
    const errors = new Map<string, number>();
    let requests = 0;
    const rss: { t: number; mb: number }[] = [];
    const sampler = setInterval(
      () => rss.push({ t: (Date.now() - started) / 1000, mb: rssMb(p.api.pid!) }),
      5000,
    );
    process.stdout.write(
      `soak: ${connections} connections, ${employers} employers, ${seconds} s (warm-up ${warmup} s); load average ${loadAverage()}\n`,
    );
    const one = async (conn: number) => {
      const agent = new Agent({ keepAlive: true, maxSockets: 1 });
      let xff: Record<string, string> = {};
      let mine = '';
      for (let i = 0; Date.now() < end; i++) {
        // Many clients, not 16: a connection speaks for another address every ADDRESS_EVERY requests, so no address
        // passes the overall per-address limit (600/min), as no real worker's phone does.
        if (i % ADDRESS_EVERY === 0)
          xff = { 'x-forwarded-for': clientAddress(conn, i / ADDRESS_EVERY, connections) };
        const t0 = performance.now();
        let status: number;
        try {
          if (i % 2 === 0) {
            const body = complaintPayload(
              (i * connections + conn) % employers,
              `soak ${runId} ${conn}-${i}: 工资未发放`,
            );
            const created = await call(
              agent,
              p.apiPort,
              'POST',
              '/api/v1/complaints',
              worker,
              { ...xff, 'content-type': 'application/json', 'idempotency-key': `${runId}-${conn}-${i}` },
              body,
            );
            status = created.status;
            if (created.id) mine = created.id;
          } else if (i % 4 === 1)
            ({ status } = await call(agent, p.apiPort, 'GET', '/api/v1/complaints?limit=20', staff, xff));
          // the worker's case file of their last complaint
          else ({ status } = await call(agent, p.apiPort, 'GET', `/api/v1/my/cases/${mine}`, worker, xff));
        } catch (err) {
          status = -1;
          errors.set(
            (err as NodeJS.ErrnoException).code ?? 'network',
            (errors.get((err as NodeJS.ErrnoException).code ?? 'network') ?? 0) + 1,
          );
        }
        requests++;
        const ms = performance.now() - t0;
        latencies.push(ms);
        if (Date.now() - ms >= warm) steady.push(ms);
        if (status >= 300) errors.set(String(status), (errors.get(String(status)) ?? 0) + 1);
      }
      agent.destroy();
    };
    const progress = setInterval(() => {
      const last = rss.at(-1);
      process.stdout.write(
        `  t=${Math.round((Date.now() - started) / 1000)} s requests=${requests} errors=${[...errors.values()].reduce((a, b) => a + b, 0)} rss=${last?.mb.toFixed(0)} MB\n`,
      );
    }, 30_000);
    const trees = p.processTrees();
    const cpuBefore = sampleCpu(trees);
    await Promise.all(Array.from({ length: connections }, (_, c) => one(c)));
    const cpu = cpuCell(cpuBefore, sampleCpu(trees), requests);
    clearInterval(sampler);
    clearInterval(progress);
    const after = rss.filter((s) => s.t >= warmup).map((s) => s.mb);
    const mid = median(after);
    const spread = after.length ? Math.max(...after.map((m) => Math.abs(m - mid) / mid)) : NaN;
    const lat = summarise(latencies);
    const settled = summarise(steady);
    process.stdout.write(
      `${JSON.stringify({
        connections,
        employers,
        seconds,
        requests,
        perSecond: Math.round(requests / seconds),
        errors: Object.fromEntries(errors),
        latencyMs: {
          p50: Math.round(lat.p50),
          p95: Math.round(lat.p95),
          p99: Math.round(lat.p99),
          max: Math.round(lat.max),
        },
        latencyMsAfterWarmup: {
          p50: Math.round(settled.p50),
          p95: Math.round(settled.p95),
          p99: Math.round(settled.p99),
          max: Math.round(settled.max),
        },
        rssMbAfterWarmup: {
          median: Math.round(mid),
          min: Math.round(Math.min(...after)),
          max: Math.round(Math.max(...after)),
          maxDeviationPct: +(spread * 100).toFixed(1),
        },
        rssFlat: spread <= 0.1,
        cpuMsPerRequest: cpu,
        loadAverage: loadavg().map((l) => +l.toFixed(2)),
      })}\n`,
    );
  } finally {
    await p.stop().catch(() => undefined);
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`soak failed: ${(err as Error)?.stack ?? String(err)}\n`);
  process.exit(2);
});
