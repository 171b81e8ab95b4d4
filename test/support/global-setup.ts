import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { TEST_PII_KEYS } from './pii-keys';

/**
 * Once per `npm test`: find the PostgreSQL server (DATABASE_URL, else an embedded one), and build a migrated,
 * seeded template database that each e2e file clones into its own database.
 */
export default async function globalSetup(): Promise<void> {
  let serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    const dir = mkdtempSync(join(tmpdir(), 'lrp-test-pg-'));
    // Below Linux's ephemeral range (32768–60999 by default), where any outgoing connection can hold a port.
    const port = 20000 + (process.pid % 5000);
    const child = spawn(process.execPath, ['dist/scripts/embedded-pg.js', join(dir, 'pg'), String(port)], {
      stdio: ['pipe', 'pipe', 'inherit'],
    });
    serverUrl = await new Promise<string>((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (b: Buffer) => {
        out += b.toString();
        const m = /READY (\S+)/.exec(out);
        if (m) resolve(m[1]);
      });
      child.once('exit', (code) =>
        reject(new Error(`embedded PostgreSQL exited (${code}) before it was ready`)),
      );
    });
    (globalThis as { __EMBEDDED_PG__?: ChildProcess }).__EMBEDDED_PG__ = child;
  }
  const template = `lrp_tpl_${process.pid}`;
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${template} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${template}`);
  } finally {
    await admin.end();
  }
  const templateUrl = withDatabase(serverUrl, template);
  const prepared = spawnSync(process.execPath, ['dist/scripts/prepare-db.js'], {
    env: {
      ...process.env,
      DATABASE_URL: templateUrl,
      REDIS_URL: '',
      SEED_DEMO: 'true',
      SEED_DEMO_DISTRICT: 'false',
      LOG_LEVEL: 'warn',
      PII_KEY: TEST_PII_KEYS,
    },
    stdio: 'inherit',
  });
  if (prepared.status !== 0) throw new Error('preparing the template database failed');
  process.env.TEST_SERVER_URL = serverUrl;
  process.env.TEST_TEMPLATE_DB = template;
}

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}
