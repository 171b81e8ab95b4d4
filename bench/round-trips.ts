import { Redis } from 'ioredis';
import { Client } from 'pg';
import { arg, loadAverage } from './fault/load';
import { sampleCpu } from './lib/cpu';
import { median } from './lib/stats';

/**
 * What one round trip to PostgreSQL and to Redis costs on this machine (issue 17: where intake's time goes). One
 * connection sends `--count` trivial commands one after the other, as a request handler awaits its statements;
 * the client's CPU and the server's (/proc of the PostgreSQL backend, bench/lib/cpu.ts; Redis's INFO) are divided
 * by the count. A trivial command makes the figure the cost of the trip itself: the write that sends it, the wake-up
 * of the other process, the read of the answer.
 *   npm run bench:round-trips -- [--count 20000] [--runs 3]
 * On DATABASE_URL and REDIS_URL (the machine's servers; this reads the backend's /proc, so run it on their host),
 * over TCP, and over PostgreSQL's Unix socket too when --socket names its directory (e.g. /var/run/postgresql).
 */

interface Trip {
  what: string;
  wallUs: number;
  clientCpuUs: number;
  serverCpuUs: number | null;
}

/** This process's CPU µs so far (read apart from sampleCpu, whose walk of /proc would count in it). */
function clientCpuUs(): number {
  const u = process.cpuUsage();
  return u.user + u.system;
}

async function pgTrips(what: string, connectionString: string, count: number): Promise<Trip> {
  const pg = new Client({ connectionString });
  await pg.connect();
  try {
    const [{ pid }] = (await pg.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows;
    const q = { name: 'round_trip', text: 'SELECT 1' };
    for (let i = 0; i < 200; i++) await pg.query(q);
    const before = sampleCpu({ backend: pid });
    const c0 = clientCpuUs();
    const t0 = performance.now();
    for (let i = 0; i < count; i++) await pg.query(q);
    const wallUs = ((performance.now() - t0) * 1000) / count;
    const c1 = clientCpuUs();
    const after = sampleCpu({ backend: pid });
    // 0 when the backend's /proc cannot be read (PostgreSQL on another host)
    const server = ((after.seconds.backend - before.seconds.backend) * 1e6) / count;
    return { what, wallUs, clientCpuUs: (c1 - c0) / count, serverCpuUs: server > 0 ? server : null };
  } finally {
    await pg.end();
  }
}

async function redisTrips(url: string, count: number): Promise<Trip> {
  const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 1 });
  await redis.connect();
  const serverUs = async () => {
    const info = await redis.info('cpu');
    const n = (k: string) => Number(new RegExp(`${k}:([\\d.]+)`).exec(info)?.[1] ?? NaN);
    return (n('used_cpu_sys') + n('used_cpu_user')) * 1e6;
  };
  try {
    for (let i = 0; i < 200; i++) await redis.ping();
    const s0 = await serverUs();
    const c0 = clientCpuUs();
    const t0 = performance.now();
    for (let i = 0; i < count; i++) await redis.ping();
    const wallUs = ((performance.now() - t0) * 1000) / count;
    const c1 = clientCpuUs();
    const s1 = await serverUs();
    return {
      what: 'Redis PING (TCP)',
      wallUs,
      clientCpuUs: (c1 - c0) / count,
      serverCpuUs: (s1 - s0) / count,
    };
  } finally {
    redis.disconnect();
  }
}

async function main(): Promise<void> {
  const count = Number(arg('count', '20000'));
  const runs = Number(arg('runs', '3'));
  const socket = arg('socket', '');
  const database = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
  const redis = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
  process.stdout.write(`round trips: ${count} a run, ${runs} runs; load average ${loadAverage()}\n`);
  const byWhat = new Map<string, Trip[]>();
  for (let r = 0; r < runs; r++) {
    const trips = [await pgTrips('PostgreSQL SELECT 1 (TCP)', database, count)];
    if (socket) {
      const u = new URL(database);
      u.host = '';
      u.searchParams.set('host', socket);
      trips.push(await pgTrips('PostgreSQL SELECT 1 (Unix socket)', u.toString(), count));
    }
    trips.push(await redisTrips(redis, count));
    for (const t of trips) byWhat.set(t.what, [...(byWhat.get(t.what) ?? []), t]);
  }
  process.stdout.write(
    '\n| one round trip (median of runs) | wall µs | client CPU µs | server CPU µs |\n|---|---|---|---|\n',
  );
  for (const [what, ts] of byWhat) {
    const server = ts.map((t) => t.serverCpuUs).filter((v) => v !== null);
    process.stdout.write(
      `| ${what} | ${median(ts.map((t) => t.wallUs)).toFixed(1)} | ${median(ts.map((t) => t.clientCpuUs)).toFixed(1)} | ${
        server.length ? median(server).toFixed(1) : 'n/a'
      } |\n`,
    );
  }
  process.stdout.write(`\nload average at the end ${loadAverage()}\n`);
}

main().catch((err) => {
  process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
