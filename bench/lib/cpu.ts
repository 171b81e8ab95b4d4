import { readdirSync, readFileSync } from 'node:fs';
import { cpus } from 'node:os';

/**
 * CPU time of process trees, read from /proc (Linux), to say where a benchmark's time goes: how many
 * milliseconds of CPU each process of the production shape (API, worker, PostgreSQL, Redis, the load generator)
 * spends per request. A tree is a process and every descendant: live ones by their own utime + stime, exited ones
 * through the cutime + cstime of the parent that reaped them (PostgreSQL's backends, for instance).
 */

const TICKS_PER_SECOND = 100; // USER_HZ, 100 on every Linux this project runs on

interface Stat {
  pid: number;
  ppid: number;
  /** utime + stime, ticks */
  own: number;
  /** cutime + cstime: children already reaped, ticks */
  reaped: number;
}

function readStat(pid: number): Stat | null {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) is in parentheses and may hold spaces: split after the last ')'.
    const f = text.slice(text.lastIndexOf(')') + 2).split(' ');
    // f[0] is field 3 (state): field n is f[n - 3].
    return {
      pid,
      ppid: Number(f[1]),
      own: Number(f[11]) + Number(f[12]),
      reaped: Number(f[13]) + Number(f[14]),
    };
  } catch {
    return null;
  }
}

function allStats(): Stat[] {
  const out: Stat[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const s = readStat(Number(name));
    if (s) out.push(s);
  }
  return out;
}

/** CPU seconds of the tree rooted at `root` so far (0 where /proc cannot be read). */
function treeSeconds(byPid: Map<number, Stat>, children: Map<number, Stat[]>, root: number): number {
  const rootStat = byPid.get(root);
  if (!rootStat) return 0;
  let ticks = 0;
  const stack = [rootStat];
  while (stack.length) {
    const s = stack.pop()!;
    ticks += s.own + s.reaped;
    stack.push(...(children.get(s.pid) ?? []));
  }
  return ticks / TICKS_PER_SECOND;
}

export type Trees = Record<string, number | undefined>;

export interface CpuSample {
  at: number;
  seconds: Record<string, number>;
}

/** The CPU seconds of each named tree now; `load generator` is this process alone. */
export function sampleCpu(trees: Trees): CpuSample {
  const stats = allStats();
  const byPid = new Map(stats.map((s) => [s.pid, s]));
  const children = new Map<number, Stat[]>();
  for (const s of stats) {
    const siblings = children.get(s.ppid);
    if (siblings) siblings.push(s);
    else children.set(s.ppid, [s]);
  }
  const seconds: Record<string, number> = {};
  for (const [name, pid] of Object.entries(trees))
    seconds[name] = pid ? treeSeconds(byPid, children, pid) : 0;
  const self = process.cpuUsage();
  seconds['load generator'] = (self.user + self.system) / 1e6;
  return { at: performance.now(), seconds };
}

interface CpuDeltas {
  /** per tree: CPU seconds between the samples, milliseconds per request */
  rows: { name: string; seconds: number; msPerRequest: number }[];
  total: { seconds: number; msPerRequest: number };
  /** the share of all cores the trees used together, % */
  busyPct: number;
  wallSeconds: number;
}

function cpuDeltas(before: CpuSample, after: CpuSample, requests: number): CpuDeltas {
  const wallSeconds = (after.at - before.at) / 1000;
  const perRequest = (seconds: number) => (seconds * 1000) / Math.max(requests, 1);
  const rows = Object.keys(after.seconds).map((name) => {
    const seconds = after.seconds[name] - (before.seconds[name] ?? 0);
    return { name, seconds, msPerRequest: perRequest(seconds) };
  });
  const total = rows.reduce((sum, r) => sum + r.seconds, 0);
  return {
    rows,
    total: { seconds: total, msPerRequest: perRequest(total) },
    busyPct: (100 * total) / (wallSeconds * cpus().length),
    wallSeconds,
  };
}

/**
 * A markdown table: for each tree, CPU seconds between two samples, milliseconds of CPU per request and the
 * share of the machine's cores it used; then all of them together.
 */
export function cpuTable(before: CpuSample, after: CpuSample, requests: number): string {
  const d = cpuDeltas(before, after, requests);
  const cores = cpus().length;
  const pct = (seconds: number) => ((100 * seconds) / (d.wallSeconds * cores)).toFixed(1);
  return [
    `| process (tree) | CPU s | CPU ms per request | % of ${cores} cores |`,
    '|---|---|---|---|',
    ...d.rows.map(
      (r) => `| ${r.name} | ${r.seconds.toFixed(2)} | ${r.msPerRequest.toFixed(2)} | ${pct(r.seconds)} |`,
    ),
    `| all of these | ${d.total.seconds.toFixed(2)} | ${d.total.msPerRequest.toFixed(2)} | ${d.busyPct.toFixed(1)} |`,
    `(${requests} requests in ${d.wallSeconds.toFixed(1)} s of wall time)`,
  ].join('\n');
}

/** One cell: CPU ms per request of each tree, "API 1.20 · worker 0.10 · …", and the machine's busy share. */
export function cpuCell(before: CpuSample, after: CpuSample, requests: number): string {
  const d = cpuDeltas(before, after, requests);
  const parts = d.rows.map((r) => `${r.name} ${r.msPerRequest.toFixed(2)}`);
  return `${parts.join(' · ')} (${d.busyPct.toFixed(0)} % of the cores)`;
}

/**
 * Waits until the trees together keep under `idlePct` % of the cores for `windowSeconds` (a platform just
 * started runs its start-up jobs first: the SLA read model's catch-up, the outbox relay), at most `timeoutSeconds`;
 * the seconds waited. A bench that measures right after start measures those jobs with its first endpoint.
 */
export async function settled(
  trees: Trees,
  { idlePct = 10, windowSeconds = 3, timeoutSeconds = 180 } = {},
): Promise<number> {
  const start = performance.now();
  for (;;) {
    const before = sampleCpu(trees);
    await new Promise((resolve) => setTimeout(resolve, windowSeconds * 1000));
    const after = sampleCpu(trees);
    // The platform's trees only: this process waits meanwhile.
    const busy = Object.keys(trees).reduce(
      (sum, name) => sum + after.seconds[name] - before.seconds[name],
      0,
    );
    const waited = (performance.now() - start) / 1000;
    if ((100 * busy) / (windowSeconds * cpus().length) < idlePct || waited >= timeoutSeconds) return waited;
  }
}
