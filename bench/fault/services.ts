import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, readFileSync, type WriteStream } from 'node:fs';
import { join } from 'node:path';

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** A child process of the fault run (PostgreSQL, Redis, the API or the worker), its output kept in a log file. */
export class Service {
  private child?: ChildProcess;
  private readonly log: WriteStream;
  private exited?: Promise<void>;

  constructor(
    readonly name: string,
    private readonly command: string,
    private readonly args: string[],
    private readonly env: NodeJS.ProcessEnv,
    logDir: string,
    private readonly ready: (out: string) => boolean,
    private readonly onLine?: (line: string) => void,
  ) {
    mkdirSync(logDir, { recursive: true });
    this.log = createWriteStream(join(logDir, `${name}.log`), { flags: 'a' });
  }

  get pid(): number | undefined {
    return this.child?.pid;
  }

  /** Starts the process and resolves once its output satisfies `ready` (or rejects when it exits first). */
  async start(timeoutMs = 120_000): Promise<void> {
    const child = spawn(this.command, this.args, { env: this.env, stdio: ['pipe', 'pipe', 'pipe'] });
    this.child = child;
    this.exited = new Promise((r) => child.once('exit', () => r()));
    let out = '';
    let isReady = false;
    let pending = '';
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`${this.name} not ready in ${timeoutMs} ms`)),
        timeoutMs,
      );
      const onData = (b: Buffer) => {
        const s = b.toString();
        this.log.write(s);
        pending += s;
        const lines = pending.split('\n');
        pending = lines.pop() ?? '';
        for (const l of lines) this.onLine?.(l);
        // Until ready only: afterwards the output is just logged (re-testing a growing string on every chunk
        // made this process slow to drain the pipe, and the child blocked writing its logs).
        if (!isReady) {
          out += s;
          if (this.ready(out)) {
            isReady = true;
            out = '';
            clearTimeout(timer);
            resolve();
          }
        }
      };
      child.stdout.on('data', onData);
      child.stderr.on('data', onData);
      child.once('exit', (code, signal) => {
        clearTimeout(timer);
        reject(new Error(`${this.name} exited (${code ?? signal}) before it was ready`));
      });
    }).catch((err: unknown) => {
      this.log.write(`\n[fault] ${(err as Error).message}\n`);
      throw err;
    });
  }

  signal(sig: NodeJS.Signals): void {
    this.child?.kill(sig);
  }

  /** Sends `sig` and waits for the exit (kill -9 after `timeoutMs`). */
  async stop(sig: NodeJS.Signals = 'SIGTERM', timeoutMs = 30_000): Promise<void> {
    if (!this.child || this.child.exitCode !== null || this.child.signalCode !== null) return;
    this.child.kill(sig);
    const done = await Promise.race([this.exited!.then(() => true), sleep(timeoutMs).then(() => false)]);
    if (!done) {
      this.child.kill('SIGKILL');
      await this.exited;
    }
  }
}

/** PostgreSQL of its own (the project's embedded binaries), so the run can restart and stop it for real. */
export class Postgres {
  readonly service: Service;
  url = '';

  constructor(
    private readonly dataDir: string,
    port: number,
    logDir: string,
  ) {
    this.service = new Service(
      'postgres',
      process.execPath,
      ['dist/scripts/embedded-pg.js', dataDir, String(port)],
      process.env,
      logDir,
      (out) => {
        const m = /READY (\S+)/.exec(out);
        if (m) this.url = m[1];
        return !!m;
      },
    );
  }

  start(): Promise<void> {
    return this.service.start();
  }

  /** A fast, clean stop (SIGTERM to the wrapper, which stops the cluster). */
  stop(): Promise<void> {
    return this.service.stop('SIGTERM', 60_000);
  }

  /** The postmaster's pid (the cluster runs detached from the wrapper), or undefined when it is not running. */
  get postmasterPid(): number | undefined {
    const pidFile = join(this.dataDir, 'postmaster.pid');
    const pid = existsSync(pidFile) ? Number(readFileSync(pidFile, 'utf8').split('\n')[0]) : NaN;
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  }

  /** `pg_ctl stop -m immediate`: SIGQUIT to the postmaster (no checkpoint; crash recovery at the next start). */
  async immediateStop(): Promise<void> {
    const pid = this.postmasterPid;
    if (pid) {
      process.kill(pid, 'SIGQUIT');
      for (let i = 0; i < 200 && alive(pid); i++) await sleep(50);
    }
    await this.service.stop('SIGKILL');
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Redis of its own, with an append-only file fsynced on every write (as a production Redis keeps jobs). */
export function redisService(dir: string, port: number, logDir: string): Service {
  mkdirSync(dir, { recursive: true });
  return new Service(
    'redis',
    'redis-server',
    [
      '--port',
      String(port),
      '--bind',
      '127.0.0.1',
      '--dir',
      dir,
      '--appendonly',
      'yes',
      '--appendfsync',
      'always',
      '--save',
      '',
    ],
    process.env,
    logDir,
    (out) => /Ready to accept connections/.test(out),
  );
}
