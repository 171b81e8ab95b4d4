import 'reflect-metadata';
import { spawn } from 'node:child_process';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createApp, gracefulClose, prepareDatabase, resolveRuntime } from '../../src/bootstrap';
import { JOB_HANDLER } from '../../src/queue/job-handler.decorator';

export type Handler = (payload: unknown, job?: unknown) => Promise<unknown>;

/**
 * The platform in this process, as `npm start` builds it (migrations + reference data first), on DATABASE_URL /
 * REDIS_URL. `api` starts no queue workers (in-process job handlers are called directly by the bench); `all`
 * also consumes jobs (for the incremental-lag bench).
 */
export async function bootApp(role: 'api' | 'all'): Promise<NestFastifyApplication> {
  const { config } = await resolveRuntime({
    ...process.env,
    PROCESS_ROLE: role,
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
  });
  await prepareDatabase(config);
  return createApp(config);
}

export async function closeApp(app: NestFastifyApplication): Promise<void> {
  await gracefulClose(app, 10_000);
}

/**
 * The method registered with `@OnJob(name)`, found the way QueueService finds it, so a bench times exactly what
 * the worker runs for that job (without the queue's latency). Throws when no provider handles the job (e.g. the
 * module that owns it is not merged yet).
 */
export function jobHandler(app: NestFastifyApplication, name: string): Handler {
  const discovery = app.get(DiscoveryService);
  const scanner = app.get(MetadataScanner);
  const reflector = app.get(Reflector);
  for (const wrapper of discovery.getProviders()) {
    const instance = wrapper.instance as Record<string, unknown> | undefined;
    if (!instance || typeof instance !== 'object' || wrapper.isAlias) continue;
    for (const method of scanner.getAllMethodNames(Object.getPrototypeOf(instance) as object)) {
      const fn = instance[method];
      if (typeof fn === 'function' && reflector.get<string | undefined>(JOB_HANDLER, fn) === name)
        return (payload, job) => (fn as Handler).call(instance, payload, job ?? fakeJob(name, payload));
    }
  }
  throw new Error(`no handler for job ${name}: is the module that owns it in this build?`);
}

/** The few BullMQ Job members handlers use (progress reports), for a direct call. */
function fakeJob(name: string, data: unknown) {
  return {
    name,
    data,
    id: `bench-${Date.now()}`,
    attemptsMade: 0,
    opts: {},
    updateProgress: () => Promise.resolve(),
    log: () => Promise.resolve(0),
  };
}

/** Reads `--name value` flags with defaults (numbers where the default is a number). */
export function flags<T extends Record<string, string | number>>(defaults: T): T {
  const out: Record<string, string | number> = { ...defaults };
  const argv = process.argv.slice(2);
  for (let i = 0; i < argv.length; i++) {
    const m = /^--([\w-]+)$/.exec(argv[i]);
    if (!m || !(m[1] in defaults))
      throw new Error(`unknown argument ${argv[i]}; known: ${Object.keys(defaults).join(', ')}`);
    const v = argv[++i];
    out[m[1]] = typeof defaults[m[1]] === 'number' ? Number(v) : v;
  }
  return out as T;
}

export function runMain(main: () => Promise<void>): void {
  main().then(
    () => process.exit(0),
    (err: unknown) => {
      process.stderr.write(`${(err as Error)?.stack ?? String(err)}\n`);
      process.exit(1);
    },
  );
}

/**
 * A separate worker process (`node dist/src/worker.js`, PROCESS_ROLE=worker, as docker-compose runs it) on the
 * same DATABASE_URL / REDIS_URL; resolves once it logged "worker ready". `stop()` sends SIGTERM and waits.
 */
export async function spawnWorker(env: Record<string, string> = {}): Promise<{ stop(): Promise<void> }> {
  const child = spawn(process.execPath, ['dist/src/worker.js'], {
    env: { ...process.env, LOG_LEVEL: 'info', ...env, PROCESS_ROLE: 'worker' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  await new Promise<void>((resolve, reject) => {
    let out = '';
    const onData = (b: Buffer) => {
      out = (out + b.toString()).slice(-4096);
      if (out.includes('worker ready')) resolve();
    };
    child.stdout.on('data', onData);
    void exited.then(() => reject(new Error(`worker exited before it was ready: ${out}`)));
  });
  return {
    async stop() {
      child.kill('SIGTERM');
      await exited;
    },
  };
}
