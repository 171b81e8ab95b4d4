import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { complaintBody, eventually } from '../support/test-app';

const MAIN = resolve(__dirname, '..', '..', 'dist', 'src', 'main.js');

function freePort(): Promise<number> {
  return new Promise((res) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => res(port));
    });
  });
}

interface Running {
  child: ChildProcess;
  output: () => string;
  readyMs: number;
  exited: Promise<number | null>;
}

/** `npm start` as a newcomer runs it: no DATABASE_URL, no REDIS_URL, in a fresh directory. */
async function start(cwd: string, port: number, pgPort: number, detached = false): Promise<Running> {
  const env = {
    ...process.env,
    PORT: String(port),
    EMBEDDED_PG_PORT: String(pgPort),
    LOG_LEVEL: 'info',
    NODE_ENV: 'development',
  };
  for (const k of [
    'DATABASE_URL',
    'REDIS_URL',
    'TEST_SERVER_URL',
    'TEST_TEMPLATE_DB',
    'JWT_SECRET',
    'SEED_DEMO',
    'PROCESS_ROLE',
    'QUEUE_PREFIX',
  ])
    delete (env as Record<string, string | undefined>)[k];
  const started = Date.now();
  // detached: a process group of its own, as a terminal's foreground job is (for the Ctrl-C test).
  const child = spawn(process.execPath, [MAIN], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'], detached });
  let out = '';
  child.stdout.on('data', (b: Buffer) => (out += b.toString()));
  child.stderr.on('data', (b: Buffer) => (out += b.toString()));
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  await eventually(
    () => {
      if (child.exitCode !== null) throw new Error(`exited early:\n${out}`);
      return /ready in \d+ ms/.test(out);
    },
    120000,
    50,
  );
  return { child, output: () => out, readyMs: Date.now() - started, exited };
}

/** Whether a process runs (a zombie left to an init that does not reap it does not). */
function running(pid: number): boolean {
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
}

async function stop(r: Running): Promise<number | null> {
  r.child.kill('SIGTERM');
  return r.exited;
}

describe('the embedded default (npm start with nothing installed)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'lrp-embedded-'));
  let port: number;
  let pgPort: number;
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('starts PostgreSQL, migrates, seeds, takes a complaint, acknowledges it, and stops cleanly; data survives a restart', async () => {
    port = await freePort();
    pgPort = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const cold = await start(dir, port, pgPort);
    let id: string;
    try {
      expect(cold.output()).toContain('Demo accounts');
      const login = await fetch(`${base}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: '13800000000', password: 'demo-password-1' }),
      });
      expect(login.status).toBe(200);
      const { accessToken } = (await login.json()) as { accessToken: string };
      const headers = { 'content-type': 'application/json', authorization: `Bearer ${accessToken}` };
      const filed = await fetch(`${base}/api/v1/complaints`, {
        method: 'POST',
        headers,
        body: JSON.stringify(complaintBody()),
      });
      expect(filed.status).toBe(201);
      id = ((await filed.json()) as { id: string }).id;
      // The acknowledgement job runs on BullMQ's PostgreSQL backend in the same process.
      await eventually(async () => {
        const ev = (await (await fetch(`${base}/api/v1/complaints/${id}/events`, { headers })).json()) as {
          action: string;
        }[];
        return ev.some((e) => e.action === 'ACKNOWLEDGED');
      }, 30000);
      expect((await (await fetch(`${base}/health/ready`)).json()) as object).toMatchObject({
        status: 'ok',
        info: { queue: { backend: 'postgres' } },
      });

      // Graceful shutdown with requests in flight: every request that got an answer was either done in full
      // (201, and it is there after the restart) or refused cleanly (503 while closing / connection refused).
      const inflight = Array.from({ length: 8 }, () =>
        fetch(`${base}/api/v1/complaints`, {
          method: 'POST',
          headers,
          body: JSON.stringify(complaintBody({ facts: 'filed during shutdown' })),
        })
          .then((r) => r.status)
          .catch(() => 0),
      );
      await new Promise((r) => setTimeout(r, 30));
      cold.child.kill('SIGTERM');
      const statuses = await Promise.all(inflight);
      expect(statuses.filter((s) => s !== 201 && s !== 503 && s !== 0)).toEqual([]);
      const code = await cold.exited;
      if (code !== 0) process.stderr.write(cold.output().slice(-4000));
      expect(code).toBe(0);
      expect(cold.output()).toContain('shutdown complete');

      const warm = await start(dir, port, pgPort);
      try {
        const relogin = await fetch(`${base}/api/v1/auth/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ username: '13800000000', password: 'demo-password-1' }),
        });
        // The JWT secret and the data persisted under .data/.
        const again = await fetch(`${base}/api/v1/complaints/${id}`, { headers });
        expect(again.status).toBe(200);
        const token2 = ((await relogin.json()) as { accessToken: string }).accessToken;
        const list = (await (
          await fetch(`${base}/api/v1/complaints?limit=100`, {
            headers: { authorization: `Bearer ${token2}` },
          })
        ).json()) as {
          items: { facts: string }[];
        };
        const stored = list.items.filter((c) => c.facts === 'filed during shutdown').length;
        expect(stored).toBe(statuses.filter((s) => s === 201).length);
        process.stdout.write(
          `embedded default: cold start to ready ${cold.readyMs} ms, warm ${warm.readyMs} ms\n`,
        );
      } finally {
        expect(await stop(warm)).toBe(0);
      }
    } finally {
      if (cold.child.exitCode === null) await stop(cold);
    }
  }, 240000);

  it('after the platform was killed (kill -9), the next start stops the PostgreSQL it left running and starts (15.7)', async () => {
    const killedDir = mkdtempSync(join(tmpdir(), 'lrp-killed-'));
    try {
      const [port, pgPort] = [await freePort(), await freePort()];
      const first = await start(killedDir, port, pgPort);
      first.child.kill('SIGKILL');
      await first.exited;
      // Its PostgreSQL is still up, holding the data directory and the port.
      const pid = Number(
        readFileSync(join(killedDir, '.data', 'pg', 'postmaster.pid'), 'utf8').split('\n')[0],
      );
      expect(running(pid)).toBe(true);
      const second = await start(killedDir, port, pgPort);
      try {
        expect(second.output()).toContain(`stopped the PostgreSQL of an earlier run`);
        expect(running(pid)).toBe(false);
      } finally {
        second.child.kill('SIGTERM');
      }
      expect(await second.exited).toBe(0);
    } finally {
      rmSync(killedDir, { recursive: true, force: true });
    }
  }, 240000);

  it('Ctrl-C (SIGINT to the whole process group) stops the workers before PostgreSQL, and logs one format (19.8)', async () => {
    const ctrlcDir = mkdtempSync(join(tmpdir(), 'lrp-ctrlc-'));
    try {
      const r = await start(ctrlcDir, await freePort(), await freePort(), true);
      const pid = Number(
        readFileSync(join(ctrlcDir, '.data', 'pg', 'postmaster.pid'), 'utf8').split('\n')[0],
      );
      // What a terminal does on Ctrl-C: the signal goes to every process of the foreground process group.
      process.kill(-r.child.pid!, 'SIGINT');
      const code = await r.exited;
      const out = r.output();
      if (code !== 0) process.stderr.write(out.slice(-4000));
      expect(code).toBe(0);
      expect(out).toContain('shutdown complete');
      // PostgreSQL was not signalled with the group: no worker lost its connection under it.
      expect(out).not.toMatch(/terminating connection|administrator command|Connection terminated/i);
      expect(running(pid)).toBe(false);
      // Every line of the process' output, from the first to the last, is one JSON log line.
      const lines = out.trim().split('\n');
      expect(lines.filter((l) => !/^\{.*"level":\d+.*"msg":/.test(l))).toEqual([]);
    } finally {
      rmSync(ctrlcDir, { recursive: true, force: true });
    }
  }, 240000);

  it('when another program holds the embedded PostgreSQL port, start-up says so and which setting to change (19.8)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lrp-port-'));
    const holder = createServer();
    try {
      const pgPort = await new Promise<number>((res) =>
        holder.listen(0, '127.0.0.1', () => res((holder.address() as { port: number }).port)),
      );
      await expect(start(dir, await freePort(), pgPort)).rejects.toThrow(
        new RegExp(
          `port ${pgPort} on 127\\.0\\.0\\.1 is already in use by another program[^\\n]*EMBEDDED_PG_PORT`,
        ),
      );
    } finally {
      holder.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120000);
});
