import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createTestDatabase, dropTestDatabase, eventually } from '../support/test-app';

const ROOT = resolve(__dirname, '..', '..');

function freePort(): Promise<number> {
  return new Promise((res) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => res(port));
    });
  });
}

/*
 * Issue 17 (memory): a process keeps the source and compiled code of every module it loads for good, and each
 * mark-compact walks them. The SDKs of backends a deployment did not choose (S3, Aliyun and Tencent SMS) and exceljs
 * (the staff import and the monthly report only) are loaded on use; this boots the built platform (API and worker in
 * one process, local file storage, SMS to the log) and lists the packages it loaded.
 */
describe('packages a default platform process does not load', () => {
  const dir = mkdtempSync(join(tmpdir(), 'lrp-lazy-'));
  let databaseUrl: string;

  beforeAll(async () => {
    databaseUrl = await createTestDatabase();
  });
  afterAll(async () => {
    await dropTestDatabase(databaseUrl);
    rmSync(dir, { recursive: true, force: true });
  });

  it('boots, answers, and has loaded none of the S3 / SMS SDKs or exceljs', async () => {
    const port = await freePort();
    const out = join(dir, 'packages.txt');
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      NODE_ENV: 'development',
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      PROCESS_ROLE: 'all',
      QUEUE_PREFIX: `lazy${process.pid}`,
      SMS_PROVIDER: 'log',
      FILE_STORAGE_BACKEND: 'local',
      FILE_STORAGE_DIR: join(dir, 'files'),
      LOG_LEVEL: 'warn',
      LOADED_PACKAGES_OUT: out,
    };
    delete env.JWT_SECRET;
    delete env.SEED_DEMO;
    const child = spawn(
      process.execPath,
      ['-r', join(ROOT, 'test', 'support', 'loaded-packages.js'), join(ROOT, 'dist', 'src', 'main.js')],
      { cwd: dir, env, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let log = '';
    child.stdout.on('data', (b: Buffer) => (log += b.toString()));
    child.stderr.on('data', (b: Buffer) => (log += b.toString()));
    const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
    try {
      await eventually(
        async () => {
          if (child.exitCode !== null) throw new Error(`exited early:\n${log}`);
          const res = await fetch(`http://127.0.0.1:${port}/health/ready`).catch(() => null);
          return res?.status === 200;
        },
        120000,
        100,
      );
    } finally {
      child.kill('SIGTERM');
      await exited;
    }
    const loaded = readFileSync(out, 'utf8').trim().split('\n');
    // the file really lists what the process loaded: the framework and the database driver are there
    expect(loaded).toEqual(expect.arrayContaining(['@nestjs/core', 'pg', 'bullmq']));
    const notNeeded = loaded.filter((p) =>
      /^(exceljs|@aws-sdk\/|@smithy\/|@alicloud\/|tencentcloud-sdk-)/.test(p),
    );
    expect(notNeeded).toEqual([]);
  }, 180000);
});
