import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import type { DestinationStream } from 'pino';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { createApp, prepareDatabase } from '../../src/bootstrap';
import { buildAppConfig, type AppConfig } from '../../src/config/app-config';
import { validateEnvironment } from '../../src/config/config.schema';
import { TEST_PII_KEYS } from './pii-keys';
import type { SmsMessage, SmsSender } from '../../src/notifications/sms-sender';
import { guardSecondConnections } from './second-connection-guard';

/** Stands in for the SMS gateway (outside the platform) and keeps what was sent, for assertions. */
export class RecordingSmsSender implements SmsSender {
  readonly sent: {
    phone: string;
    template: string;
    /** the variables as the platform gave them */
    params: Readonly<Record<string, string>>;
    /** the full text (templates.ts) */
    text: string;
    outId: string;
  }[] = [];
  /** out-id → the message id the fake gave it */
  private readonly messageIds = new Map<string, string>();
  /** While true, the gateway refuses every message (to test retries and failed-job handling). */
  failing = false;
  /** Called after a message was accepted (e.g. to make the database fail right after a send). */
  afterSend?: (m: SmsMessage) => Promise<void> | void;
  async send(m: SmsMessage): Promise<{ messageId: string }> {
    if (this.failing) throw new Error('SMS gateway unavailable (test)');
    const messageId = `test-${this.sent.length + 1}`;
    this.sent.push({
      phone: m.phone,
      template: m.template,
      params: m.values,
      text: m.rendered.text,
      outId: m.outId,
    });
    this.messageIds.set(m.outId, messageId);
    await this.afterSend?.(m);
    return { messageId };
  }
  /**
   * The gateway can be asked whether it took a message with an out-id (as the logging sender can); a test sets it
   * to undefined to play a provider that cannot be asked (the cloud adapters).
   */
  lookup?: (outId: string) => Promise<{ messageId: string } | null> = (outId) => {
    const messageId = this.messageIds.get(outId);
    return Promise.resolve(messageId ? { messageId } : null);
  };
  messageIdOf(outId: string): string | undefined {
    return this.messageIds.get(outId);
  }
  lastCode(phone: string): string | undefined {
    return [...this.sent].reverse().find((m) => m.phone === phone && m.template === 'OTP_SIGN_IN')?.params
      .code;
  }
}

export const DEMO_PASSWORD = 'demo-password-1';

export interface TestApp {
  app: NestFastifyApplication;
  config: AppConfig;
  databaseUrl: string;
  dataSource: DataSource;
  /** What the platform sent through the SMS gateway interface (nothing with `configuredSmsSender`). */
  sms: RecordingSmsSender;
  http: () => ReturnType<typeof request>;
  /** Access token of a user (logged in once per app). */
  token(username: string, password?: string): Promise<string>;
  close(): Promise<void>;
}

export interface TestAppOptions {
  /** Queue backend: redis (default when REDIS_URL is set) or postgres. */
  queue?: 'redis' | 'postgres';
  /** Override the Redis URL (e.g. a proxy the test can cut). */
  redisUrl?: string;
  logStream?: DestinationStream;
  env?: Record<string, string>;
  /** Start with the SMS sender SMS_PROVIDER names (the logging sender by default) instead of the recording fake. */
  configuredSmsSender?: boolean;
  /** Rewrite the URL the app connects to (e.g. through a proxy the test can cut); the test database is the same. */
  databaseUrl?: (url: string) => string;
}

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

/** A fresh database cloned from the migrated template, for one test app. */
export async function createTestDatabase(): Promise<string> {
  const server = process.env.TEST_SERVER_URL;
  const template = process.env.TEST_TEMPLATE_DB;
  if (!server || !template)
    throw new Error('run the e2e tests through jest (global setup prepares the database)');
  const name = `lrp_t_${template.slice('lrp_tpl_'.length)}_${randomBytes(4).toString('hex')}`;
  const admin = new Client({ connectionString: server });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${template}`);
  } finally {
    await admin.end();
  }
  return withDatabase(server, name);
}

export async function dropTestDatabase(url: string): Promise<void> {
  const name = new URL(url).pathname.slice(1);
  const admin = new Client({ connectionString: process.env.TEST_SERVER_URL });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  } finally {
    await admin.end();
  }
}

export async function startTestApp(opts: TestAppOptions = {}): Promise<TestApp> {
  const databaseUrl = await createTestDatabase();
  const appDatabaseUrl = opts.databaseUrl ? opts.databaseUrl(databaseUrl) : databaseUrl;
  const backend = opts.queue ?? (process.env.REDIS_URL ? 'redis' : 'postgres');
  if (backend === 'redis' && !(opts.redisUrl ?? process.env.REDIS_URL))
    throw new Error('REDIS_URL is not set');
  const storageDir = mkdtempSync(join(tmpdir(), 'lrp-files-'));
  const vars = validateEnvironment({
    NODE_ENV: 'test',
    DATABASE_URL: appDatabaseUrl,
    REDIS_URL: backend === 'redis' ? (opts.redisUrl ?? process.env.REDIS_URL) : undefined,
    QUEUE_PREFIX: `t${randomBytes(4).toString('hex')}`,
    PROCESS_ROLE: 'all',
    LOG_LEVEL: 'error',
    OUTBOX_POLL_MS: '100',
    SHUTDOWN_TIMEOUT_MS: '5000',
    FILE_STORAGE_DIR: storageDir,
    ...opts.env,
  });
  const sms = new RecordingSmsSender();
  const config = buildAppConfig(vars, {
    databaseUrl: appDatabaseUrl,
    jwtSecret: randomBytes(32).toString('hex'),
    piiKeys: TEST_PII_KEYS,
  });
  await prepareDatabase(config);
  const app = await createApp(config, {
    logStream: opts.logStream,
    smsSender: opts.configuredSmsSender ? undefined : sms,
  });
  const guard = guardSecondConnections(app.get(DataSource));
  await app.getHttpAdapter().getInstance().ready();
  const tokens = new Map<string, string>();
  const http = () => request(app.getHttpServer());
  return {
    app,
    config,
    databaseUrl,
    dataSource: app.get(DataSource),
    sms,
    http,
    async token(username, password = DEMO_PASSWORD) {
      const cached = tokens.get(username);
      if (cached) return cached;
      const res = await http().post('/api/v1/auth/login').send({ username, password });
      if (res.status !== 200)
        throw new Error(`login ${username} failed: ${res.status} ${JSON.stringify(res.body)}`);
      tokens.set(username, res.body.accessToken as string);
      return res.body.accessToken as string;
    },
    async close() {
      await app.close();
      await dropTestDatabase(databaseUrl);
      rmSync(storageDir, { recursive: true, force: true });
      if (guard.violations.length)
        throw new Error(
          `${guard.violations.length} second pooled connection(s) taken inside a transaction:\n${guard.violations.join('\n\n')}`,
        );
    },
  };
}

export { complaintBody } from '../../bench/lib/fixtures';

/** Polls `check` until it returns a truthy value or the deadline passes. */
export async function eventually<T>(
  check: () => Promise<T | undefined | null | false> | T | undefined | null | false,
  timeoutMs = 15000,
  everyMs = 100,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await check();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}
