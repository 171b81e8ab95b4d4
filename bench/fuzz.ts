import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Client } from 'pg';
import { createApp, prepareDatabase, resolveRuntime } from '../src/bootstrap';
import { flags, runMain } from './lib/app';
import { buildWorld } from './lib/fixtures';
import {
  formatResult,
  fuzzOperation,
  fuzzTargets,
  pollutedPrototypeKeys,
  totals,
  type FuzzResult,
} from './lib/fuzz-run';
import { readOpenApi, routeAccess } from './lib/openapi-ops';

/**
 * The large fuzz run (issue 15.3): `npm run bench:fuzz -- --per-endpoint 2000 [--seed N] [--only text]`.
 * Same generators and fixtures as test/e2e/fuzz.e2e-spec.ts. With DATABASE_URL it makes a scratch database on
 * that server (dropped at the end); without, an embedded PostgreSQL in a temporary directory. Prints one line
 * per operation and the totals of 5xx and answers out of the error shape, and checks Object.prototype for the
 * keys the `__proto__` bodies try to plant; exits 1 when there is any.
 */
async function scratchDatabase(serverUrl: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `lrp_fuzz_${randomBytes(4).toString('hex')}`;
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const u = new URL(serverUrl);
  u.pathname = `/${name}`;
  return {
    url: u.toString(),
    async drop() {
      const c = new Client({ connectionString: serverUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

async function main(): Promise<void> {
  const opts = flags({ 'per-endpoint': 2000, seed: 20261215, only: '' });
  const started = Date.now();
  const scratch = process.env.DATABASE_URL ? await scratchDatabase(process.env.DATABASE_URL) : null;
  const pgDir = scratch ? null : mkdtempSync(join(tmpdir(), 'lrp-fuzz-pg-'));
  const { config, embedded } = await resolveRuntime({
    ...process.env,
    ...(scratch ? { DATABASE_URL: scratch.url } : { EMBEDDED_PG_DIR: pgDir!, EMBEDDED_PG_PORT: '54339' }),
    PROCESS_ROLE: 'all',
    QUEUE_PREFIX: `fuzz${randomBytes(4).toString('hex')}`,
    SEED_DEMO: 'true',
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'error',
    FILE_STORAGE_DIR: mkdtempSync(join(tmpdir(), 'lrp-fuzz-files-')),
  });
  let app: Awaited<ReturnType<typeof createApp>> | undefined;
  try {
    await prepareDatabase(config);
    app = await createApp(config);
    await app.getHttpAdapter().getInstance().ready();
    const sum = await run(app, config.demoPassword, opts);
    process.stdout.write(
      `(${((Date.now() - started) / 1000).toFixed(0)} s with setup); load average ${loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')}\n`,
    );
    if (sum.serverErrors || sum.shapeBreaks || pollutedPrototypeKeys().length) process.exitCode = 1;
  } finally {
    await app?.close();
    await scratch?.drop();
    await embedded?.stop();
    if (pgDir) rmSync(pgDir, { recursive: true, force: true });
    rmSync(config.fileStorage.dir, { recursive: true, force: true });
  }
}

async function run(
  app: NestFastifyApplication,
  password: string,
  opts: { 'per-endpoint': number; seed: number; only: string },
): Promise<ReturnType<typeof totals>> {
  const doc = readOpenApi();
  const access = routeAccess(app);
  const world = await buildWorld(app, password);
  if (world.missing.length) process.stdout.write(`objects not made: ${world.missing.join('; ')}\n`);
  const targets = fuzzTargets(doc).filter((o) => !opts.only || o.operationId.includes(opts.only));
  process.stdout.write(
    `fuzz: ${targets.length} operations × ${opts['per-endpoint']} bodies, seed ${opts.seed}\n`,
  );
  const started = Date.now();
  const results: FuzzResult[] = [];
  for (const op of targets) {
    const r = await fuzzOperation(
      app,
      doc,
      op,
      world,
      access.get(op.operationId),
      opts['per-endpoint'],
      opts.seed,
    );
    results.push(r);
    process.stdout.write(`${formatResult(r)}\n`);
    for (const f of [...r.serverErrors, ...r.shapeBreaks].slice(0, 5))
      process.stdout.write(
        `    ${f.status} ${f.problem} [${f.kind}] sent ${f.sent.slice(0, 160)} → ${f.answer}\n`,
      );
  }
  const sum = totals(results);
  const seconds = (Date.now() - started) / 1000;
  process.stdout.write(
    `\ntotal: ${sum.sent} bodies to ${results.length} operations in ${seconds.toFixed(0)} s ` +
      `(${(sum.sent / seconds).toFixed(0)} bodies/s), ${sum.serverErrors} × 5xx, ` +
      `${sum.shapeBreaks} answers out of the error shape, Object.prototype polluted with ` +
      `[${pollutedPrototypeKeys().join(', ')}], seed ${opts.seed} `,
  );
  return sum;
}

runMain(async () => {
  await main();
  if (process.exitCode)
    throw new Error('the fuzz found 5xx, answers out of the error shape or a polluted Object.prototype');
});
