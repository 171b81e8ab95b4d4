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
function treeSeconds(stats: Stat[], root: number): number {
  const children = new Map<number, Stat[]>();
  for (const s of stats) children.set(s.ppid, [...(children.get(s.ppid) ?? []), s]);
  const rootStat = stats.find((s) => s.pid === root);
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

/** The CPU seconds of each named tree now; `self` is this process alone (the load generator). */
export function sampleCpu(trees: Trees): CpuSample {
  const stats = allStats();
  const seconds: Record<string, number> = {};
  for (const [name, pid] of Object.entries(trees)) seconds[name] = pid ? treeSeconds(stats, pid) : 0;
  const self = process.cpuUsage();
  seconds['load generator'] = (self.user + self.system) / 1e6;
  return { at: performance.now(), seconds };
}

/**
 * A markdown table: for each tree, CPU seconds between two samples, milliseconds of CPU per request and the
 * share of the machine's cores it used; then the machine's idle share.
 */
export function cpuTable(before: CpuSample, after: CpuSample, requests: number): string {
  const wall = (after.at - before.at) / 1000;
  const cores = cpus().length;
  const rows: string[] = [
    `| process (tree) | CPU s | CPU ms per request | % of ${cores} cores |`,
    '|---|---|---|---|',
  ];
  let total = 0;
  for (const name of Object.keys(after.seconds)) {
    const s = after.seconds[name] - (before.seconds[name] ?? 0);
    total += s;
    rows.push(
      `| ${name} | ${s.toFixed(2)} | ${((s * 1000) / Math.max(requests, 1)).toFixed(2)} | ${((100 * s) / (wall * cores)).toFixed(1)} |`,
    );
  }
  rows.push(
    `| all of these | ${total.toFixed(2)} | ${((total * 1000) / Math.max(requests, 1)).toFixed(2)} | ${((100 * total) / (wall * cores)).toFixed(1)} |`,
  );
  return `${rows.join('\n')}\n(${requests} requests in ${wall.toFixed(1)} s of wall time)`;
}

/** One cell: CPU ms per request of each tree, "API 1.20 · worker 0.10 · …", and the machine's busy share. */
export function cpuCell(before: CpuSample, after: CpuSample, requests: number): string {
  const wall = (after.at - before.at) / 1000;
  let total = 0;
  const parts = Object.keys(after.seconds).map((name) => {
    const s = after.seconds[name] - (before.seconds[name] ?? 0);
    total += s;
    return `${name} ${((s * 1000) / Math.max(requests, 1)).toFixed(2)}`;
  });
  return `${parts.join(' · ')} (${((100 * total) / (wall * cpus().length)).toFixed(0)} % of the cores)`;
}
