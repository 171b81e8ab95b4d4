import { Agent, request } from 'node:http';
import { arg, complaintPayload, loadAverage, login } from './fault/load';
import { PASSWORD, Platform, WORKER_PHONE } from './fault/platform';
import { cpuCell, sampleCpu, settled } from './lib/cpu';
import { enableStatements, resetStatements, statementsSince } from './lib/statements';
import { summarise, type LatencySummary } from './lib/stats';

/**
 * The staff read paths on the pudong synthetic set (issue 17.3), on the production shape (API process + worker
 * process): each endpoint in turn, `--connections` keep-alive connections for `--seconds`, as the demo street
 * staff of 陆家嘴街道 (310115005) and the district supervisor see it; p50/p95/p99 and non-2xx per endpoint.
 *   npm run bench:reads -- [--connections 16] [--seconds 15] [--only <words of the endpoint names>] [--statements]
 *     [--floor]
 * --statements loads pg_stat_statements into the run's PostgreSQL and prints each endpoint's statements per request.
 * --floor measures, instead, what any request costs before its own work, on the demo data alone: the liveness
 * probe (a public route: no token checked) and `GET /auth/me` (the token's and the session's checks, the guards, the
 * access log's line).
 */

interface Endpoint {
  what: string;
  path: string;
  as: 'mediator' | 'arbitrator' | 'inspector' | 'supervisor' | 'worker';
}

let clients = 0;

/**
 * One GET. Each request comes from another client address (X-Forwarded-For; the platform trusts the proxy here),
 * as many staff at their desks would: one address at full speed would measure the rate limiter's 429s instead.
 */
function get(agent: Agent, port: number, path: string, token: string): Promise<number> {
  const n = ++clients;
  const xff = `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        method: 'GET',
        path,
        agent,
        headers: { authorization: `Bearer ${token}`, 'x-forwarded-for': xff },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode!));
      },
    );
    req.on('error', reject);
    req.end();
  });
}

async function hammer(
  port: number,
  token: string,
  path: string,
  connections: number,
  seconds: number,
): Promise<{
  requests: number;
  perSecond: number;
  latencyMs: LatencySummary;
  non2xx: Record<string, number>;
}> {
  const latencies: number[] = [];
  const non2xx: Record<string, number> = {};
  const end = Date.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: connections }, async () => {
      const agent = new Agent({ keepAlive: true, maxSockets: 1 });
      while (Date.now() < end) {
        const t0 = performance.now();
        const status = await get(agent, port, path, token).catch(
          (err: NodeJS.ErrnoException) => err.code ?? 'network',
        );
        latencies.push(performance.now() - t0);
        if (typeof status !== 'number' || status >= 300) non2xx[status] = (non2xx[status] ?? 0) + 1;
      }
      agent.destroy();
    }),
  );
  return {
    requests: latencies.length,
    perSecond: latencies.length / seconds,
    latencyMs: summarise(latencies),
    non2xx,
  };
}

async function main(): Promise<void> {
  const connections = Number(arg('connections', '16'));
  const seconds = Number(arg('seconds', '15'));
  // e.g. --only "case file" runs just the endpoints whose name contains it (to profile one of them)
  const only = arg('only', '');
  const statements = process.argv.includes('--statements');
  const floor = process.argv.includes('--floor');
  const p = new Platform();
  const rows: string[] = [];
  const cpu: string[] = [];
  const accounts: string[] = [];
  try {
    await p.startStores();
    if (statements) await enableStatements(p);
    if (!floor) {
      process.stdout.write('loading the pudong synthetic set…\n');
      await p.loadSyntheticSet('lrp_pudong', 'pudong');
      p.database = 'lrp_pudong';
    }
    await p.startProcesses();
    const tokens = {
      worker: await login(p.apiPort, WORKER_PHONE, PASSWORD),
      mediator: await login(p.apiPort, 'mediator', PASSWORD),
      arbitrator: await login(p.apiPort, 'arbitrator', PASSWORD),
      inspector: await login(p.apiPort, 'inspector', PASSWORD),
      supervisor: await login(p.apiPort, 'supervisor', PASSWORD),
    };
    // The worker's own complaint, for their case file.
    const filed = await fetch(`http://127.0.0.1:${p.apiPort}/api/v1/complaints`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens.worker}` },
      body: complaintPayload(0, 'reads bench: 2026年8月至10月工资未发放，共计12500元'),
    });
    const { id } = (await filed.json()) as { id: string };
    // A second one, accepted and routed by the street's mediator, with its mediation opened: a case file with a
    // proceeding (its clocks, its mediator, the mediation's events on the timeline).
    const api = async (path: string, as: keyof typeof tokens, body: unknown) => {
      const r = await fetch(`http://127.0.0.1:${p.apiPort}/api/v1${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens[as]}` },
        body: JSON.stringify(body),
      });
      if (r.status >= 300) throw new Error(`${path}: ${r.status} ${await r.text()}`);
      return (await r.json()) as { id: string };
    };
    const inMediation = (
      await api('/complaints', 'worker', JSON.parse(complaintPayload(1, 'reads bench: 调解中的案卷')))
    ).id;
    await api(`/complaints/${inMediation}/accept`, 'mediator', {});
    await api(`/complaints/${inMediation}/route`, 'mediator', { target: 'MEDIATION' });
    await api('/mediation/cases', 'mediator', { complaintId: inMediation });
    const floorEndpoints: Endpoint[] = [
      {
        what: 'liveness probe /health/live (public: no token checked)',
        path: '/health/live',
        as: 'mediator',
      },
      { what: 'the signed-in account /auth/me', path: '/api/v1/auth/me', as: 'mediator' },
    ];
    const listEndpoints: Endpoint[] = [
      { what: 'complaints list (street mediator)', path: '/api/v1/complaints?limit=20', as: 'mediator' },
      {
        what: 'complaints list (district supervisor)',
        path: '/api/v1/complaints?limit=20',
        as: 'supervisor',
      },
      { what: 'mediation cases list', path: '/api/v1/mediation/cases?limit=20', as: 'mediator' },
      { what: 'arbitration cases list', path: '/api/v1/arbitration/cases?limit=20', as: 'arbitrator' },
      { what: 'inspection cases list', path: '/api/v1/inspection/cases?limit=20', as: 'inspector' },
      {
        what: 'search by employer name (supervisor)',
        path: `/api/v1/search?q=${encodeURIComponent('物流')}&limit=20`,
        as: 'supervisor',
      },
      { what: 'search by phone (mediator)', path: '/api/v1/search?q=13800000000', as: 'mediator' },
      { what: 'the worker case file /my/cases/:id', path: `/api/v1/my/cases/${id}`, as: 'worker' },
      {
        what: 'the worker case file /my/cases/:id, in mediation',
        path: `/api/v1/my/cases/${inMediation}`,
        as: 'worker',
      },
      // The worker's list of their own case files: each item's step and next deadline as its file gives them.
      { what: 'the worker case list /my/cases', path: '/api/v1/my/cases', as: 'worker' },
    ];
    const endpoints = floor ? floorEndpoints : listEndpoints;
    // The worker's start-up jobs on a just-loaded set (the SLA read model's catch-up) would otherwise fall on the
    // first endpoint measured.
    const waited = await settled(p.processTrees());
    process.stdout.write(
      `reads bench: ${connections} connections, ${seconds} s each, after ${waited.toFixed(0)} s for the platform to settle; load average ${loadAverage()}\n`,
    );
    for (const e of endpoints.filter((x) => x.what.includes(only))) {
      await hammer(p.apiPort, tokens[e.as], e.path, connections, 2); // warm-up, not counted
      const trees = p.processTrees();
      if (statements) await resetStatements(p);
      const before = sampleCpu(trees);
      const f = await hammer(p.apiPort, tokens[e.as], e.path, connections, seconds);
      cpu.push(`| ${e.what} | ${cpuCell(before, sampleCpu(trees), f.requests)} |`);
      if (statements)
        accounts.push(`PostgreSQL during ${e.what}:`, '', await statementsSince(p, f.requests), '');
      const l = f.latencyMs;
      const bad = Object.entries(f.non2xx).map(([k, v]) => `${k}×${v}`);
      rows.push(
        `| ${e.what} | ${Math.round(f.perSecond)} | ${l.p50.toFixed(1)} | ${l.p95.toFixed(1)} | ${l.p99.toFixed(1)} | ${bad.join(', ') || '0'} |`,
      );
      process.stdout.write(`${rows.at(-1)}\n`);
    }
  } finally {
    await p.stop().catch(() => undefined);
  }
  process.stdout.write(
    [
      '',
      `| endpoint (${floor ? 'demo data' : 'pudong set'}) | per second | p50 ms | p95 ms | p99 ms | non-2xx |`,
      '|---|---|---|---|---|---|',
      ...rows,
      '',
      '| endpoint | CPU ms per request, by process |',
      '|---|---|',
      ...cpu,
      '',
      ...accounts,
      `load average at the end ${loadAverage()}`,
      '',
    ].join('\n'),
  );
}

main().catch((err: unknown) => {
  process.stderr.write(`reads bench failed: ${(err as Error)?.stack ?? String(err)}\n`);
  process.exit(2);
});
