import { loadavg } from 'node:os';
import { Agent, request } from 'node:http';
import { sleep } from './services';

export interface IntakeTally {
  /** Idempotency keys the API answered 201 for (the complaint was acknowledged to the worker). */
  acknowledged: Set<string>;
  /** Keys given up without a 201 (the run ended first). */
  unanswered: Set<string>;
  /** Answers by status (a retry of a key counts again). */
  statuses: Map<number, number>;
  /** Error codes of the 5xx answers. */
  serverErrors: Map<string, number>;
  /** Connection-level failures: resets / hang-ups on an open connection, and refused new connections. */
  resets: number;
  refused: number;
  requests: number;
}

interface Answer {
  status: number;
  code?: string;
}

function post(agent: Agent, port: number, path: string, body: string, headers: Record<string, string>) {
  return new Promise<Answer>((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        method: 'POST',
        path,
        agent,
        headers: { 'content-type': 'application/json', ...headers },
        timeout: 30_000,
      },
      (res) => {
        let data = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (data += c));
        res.on('end', () => {
          let code: string | undefined;
          try {
            code = (JSON.parse(data) as { code?: string }).code;
          } catch {
            code = undefined;
          }
          resolve({ status: res.statusCode!, code });
        });
      },
    );
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', reject);
    req.end(body);
  });
}

export async function login(port: number, username: string, password: string): Promise<string> {
  for (;;) {
    const token = await new Promise<string | undefined>((resolve) => {
      const req = request(
        {
          host: '127.0.0.1',
          port,
          method: 'POST',
          path: '/api/v1/auth/login',
          headers: { 'content-type': 'application/json' },
        },
        (res) => {
          let data = '';
          res.on('data', (c: Buffer) => (data += c.toString()));
          res.on('end', () =>
            resolve(
              res.statusCode === 200 ? (JSON.parse(data) as { accessToken: string }).accessToken : undefined,
            ),
          );
        },
      );
      req.on('error', () => resolve(undefined));
      req.end(JSON.stringify({ username, password }));
    });
    if (token) return token;
    await sleep(500);
  }
}

export function complaintFacts(runId: string, key: string): string {
  return `fault ${runId} ${key}: 2026年8月至10月工资未发放`;
}

/**
 * `connections` keep-alive connections post complaints, each with its own Idempotency-Key, until `until()` says
 * stop. A key that gets no 201 (connection error, 5xx, 409 while the first attempt runs) is retried with the same
 * key and body, as a mobile client does, until it is acknowledged or the retry deadline passes.
 */
export async function runIntake(opts: {
  port: () => number;
  token: string;
  runId: string;
  connections: number;
  until: () => boolean;
  retryDeadline: () => number;
}): Promise<IntakeTally> {
  const tally: IntakeTally = {
    acknowledged: new Set(),
    unanswered: new Set(),
    statuses: new Map(),
    serverErrors: new Map(),
    resets: 0,
    refused: 0,
    requests: 0,
  };
  const one = async (conn: number) => {
    let agent = new Agent({ keepAlive: true, maxSockets: 1 });
    for (let i = 0; !opts.until(); i++) {
      const key = `${opts.runId}-${conn}-${i}`;
      const body = complaintPayload(conn, complaintFacts(opts.runId, key));
      let done = false;
      while (!done && Date.now() < opts.retryDeadline()) {
        tally.requests++;
        try {
          const a = await post(agent, opts.port(), '/api/v1/complaints', body, {
            authorization: `Bearer ${opts.token}`,
            'idempotency-key': key,
            // One address per connection (TRUST_PROXY): the per-address rate limit is per worker, not per run.
            'x-forwarded-for': `10.77.${conn >> 8}.${conn & 255}`,
          });
          tally.statuses.set(a.status, (tally.statuses.get(a.status) ?? 0) + 1);
          if (a.status >= 500)
            tally.serverErrors.set(
              `${a.status} ${a.code}`,
              (tally.serverErrors.get(`${a.status} ${a.code}`) ?? 0) + 1,
            );
          if (a.status === 201) {
            tally.acknowledged.add(key);
            done = true;
          } else if (a.status >= 400 && a.status < 500 && a.status !== 409 && a.status !== 429) {
            throw new Error(`unexpected ${a.status} ${a.code} for ${key}`);
          } else await sleep(200);
        } catch (err) {
          const code = (err as NodeJS.ErrnoException).code;
          if (code === 'ECONNREFUSED') tally.refused++;
          else if ((err as Error).message.startsWith('unexpected')) throw err;
          else tally.resets++;
          agent.destroy();
          agent = new Agent({ keepAlive: true, maxSockets: 1 });
          await sleep(200);
        }
      }
      if (!done) tally.unanswered.add(key);
    }
    agent.destroy();
  };
  await Promise.all(Array.from({ length: opts.connections }, (_, c) => one(c)));
  return tally;
}

/** The value after `--name` on the command line, or `fallback`. */
export function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}

/** A valid complaint against employer number `employer` (a connection's own by default), with `facts` to find it again. */
export function complaintPayload(employer: number, facts: string): string {
  return JSON.stringify({
    category: 'WAGE_ARREARS',
    employer: { name: `上海浦东测试劳务有限公司${employer}`, address: '浦东新区世纪大道100号' },
    workplaceStreetCode: '310115005',
    claimedAmountFen: 1_250_000,
    affectedWorkers: 1,
    facts,
    requests: '支付拖欠工资12500元',
    channel: 'MOBILE',
    complainant: { name: '张三', idNumber: '11010519491231002X' },
  });
}

/** The 1, 5 and 15 minute load averages, for the figures' context. */
export function loadAverage(): string {
  return loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
}
