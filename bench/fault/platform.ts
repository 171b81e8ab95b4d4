import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { Postgres, redisService, Service } from './services';
import { generatePiiKeySpec } from '../../src/common/pii-crypto';

/** The production shape for the fault and soak runs: API and worker processes on a PostgreSQL and a Redis of their own. */
export const WORKER_PHONE = '13800000000';
export const PASSWORD = 'fault-demo-password';
/** As docker-compose.yml and `npm run start:api` run the API (README, "Production-like stack", Memory). */
export const API_NODE_ARGS = '--max-old-space-size=384';

export class Platform {
  readonly dir = mkdtempSync(join(tmpdir(), 'lrp-fault-'));
  readonly logDir = join(this.dir, 'logs');
  // The run's ports lie below Linux's ephemeral range (32768–60999 by default): a port inside it can be held by any
  // outgoing connection of the machine (a client socket, or one in TIME_WAIT), and the server then fails to bind.
  readonly pg = new Postgres(join(this.dir, 'pg'), 29000 + (process.pid % 1000), this.logDir);
  readonly redisPort = 30000 + (process.pid % 1000);
  readonly redis = redisService(join(this.dir, 'redis'), this.redisPort, this.logDir);
  apiPort = 31000 + (process.pid % 1000);
  database = 'labor_rights';
  api!: Service;
  worker!: Service;
  /** outId -> how many times the logging SMS sender handed it over, across every process of the run. */
  readonly smsSent = new Map<string, number>();
  private readonly env: NodeJS.ProcessEnv;

  constructor() {
    this.env = {
      ...process.env,
      NODE_ENV: 'development',
      JWT_SECRET: randomBytes(32).toString('hex'),
      // One personal-data key for the API and worker processes of the run (docs/security.md).
      PII_KEY: generatePiiKeySpec('f1'),
      JWT_ACCESS_TTL_SECONDS: '3600',
      SEED_DEMO: 'true',
      SEED_DEMO_DISTRICT: 'false',
      DEMO_PASSWORD: PASSWORD,
      SMS_PROVIDER: 'log',
      LOG_LEVEL: 'info',
      TRUST_PROXY: 'true',
      OUTBOX_POLL_MS: '200',
      SHUTDOWN_GRACE_MS: '10000',
      SHUTDOWN_TIMEOUT_MS: '15000',
      FILE_STORAGE_DIR: join(this.dir, 'files'),
    };
  }

  private onLine = (line: string) => {
    if (!line.includes('sms sent')) return;
    const m = /"outId":"([^"]+)"/.exec(line);
    if (m) this.smsSent.set(m[1], (this.smsSent.get(m[1]) ?? 0) + 1);
  };

  private processEnv(role: 'api' | 'worker'): NodeJS.ProcessEnv {
    return {
      ...this.env,
      DATABASE_URL: this.databaseUrl,
      REDIS_URL: `redis://127.0.0.1:${this.redisPort}`,
      PROCESS_ROLE: role,
      PORT: String(this.apiPort),
      HOST: '127.0.0.1',
    };
  }

  newApi(): Service {
    this.api = new Service(
      'api',
      process.execPath,
      // The API's production flags (docker-compose.yml, npm run start:api); BENCH_API_NODE_ARGS replaces them,
      // e.g. "--max-old-space-size=384 --cpu-prof --cpu-prof-dir=/tmp/prof" to profile, or "" for V8's defaults.
      [...(process.env.BENCH_API_NODE_ARGS ?? API_NODE_ARGS).split(' ').filter(Boolean), 'dist/src/main.js'],
      this.processEnv('api'),
      this.logDir,
      (out) => /ready in \d+ ms/.test(out),
      this.onLine,
    );
    return this.api;
  }

  newWorker(): Service {
    this.worker = new Service(
      'worker',
      process.execPath,
      // BENCH_WORKER_NODE_ARGS, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof-worker" to profile the worker.
      [...(process.env.BENCH_WORKER_NODE_ARGS ?? '').split(' ').filter(Boolean), 'dist/src/worker.js'],
      this.processEnv('worker'),
      this.logDir,
      (out) => /worker ready/.test(out),
      this.onLine,
    );
    return this.worker;
  }

  /** The process trees whose CPU the benchmarks count (bench/lib/cpu.ts). */
  processTrees(): Record<string, number | undefined> {
    return {
      API: this.api?.pid,
      worker: this.worker?.pid,
      PostgreSQL: this.pg.postmasterPid,
      Redis: this.redis.pid,
    };
  }

  /** The database the API and the worker use (on the run's PostgreSQL). */
  get databaseUrl(): string {
    const u = new URL(this.pg.url);
    u.pathname = `/${this.database}`;
    return u.toString();
  }

  async start(): Promise<void> {
    await this.startStores();
    await this.startProcesses();
  }

  async startStores(): Promise<void> {
    await this.pg.start();
    await this.redis.start();
  }

  async startProcesses(): Promise<void> {
    await this.newApi().start();
    await this.newWorker().start();
  }

  async stopProcesses(): Promise<void> {
    await this.api?.stop();
    await this.worker?.stop();
  }

  /**
   * A second database `name` on the run's PostgreSQL, migrated, with the synthetic set `scale` loaded into it
   * (bench/README.md, "Synthetic data"); the platform's database stays what it was.
   */
  async loadSyntheticSet(name: string, scale: string): Promise<void> {
    const admin = new Client({ connectionString: this.pg.url });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const previous = this.database;
    this.database = name;
    try {
      // The run's PII_KEY: the set's personal data is sealed with the key the API and worker read it with.
      const env = { ...this.env, DATABASE_URL: this.databaseUrl, LOG_LEVEL: 'warn' };
      execFileSync(process.execPath, ['dist/scripts/prepare-db.js'], { env, stdio: 'inherit' });
      execFileSync(process.execPath, ['dist/bench/seed-synthetic.js', '--scale', scale], {
        env,
        stdio: 'inherit',
      });
    } finally {
      this.database = previous;
    }
  }

  async stop(): Promise<void> {
    await this.stopProcesses();
    await this.redis.stop();
    await this.pg.stop();
  }
}
