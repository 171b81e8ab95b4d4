import { Agent, request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { Client } from 'pg';
import { gracefulClose } from '../../src/bootstrap';
import { complaintBody, dropTestDatabase, eventually, startTestApp, type TestApp } from '../support/test-app';
import { TcpProxy } from '../support/tcp-proxy';

/** Issue 15, defects 4, 5 and 7: the database or the queue goes away, or the process is told to stop. */

interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  body: Record<string, unknown>;
}

function call(
  port: number,
  agent: Agent | false,
  method: string,
  path: string,
  opts: { token?: string; body?: unknown } = {},
): Promise<Answer> {
  const payload = opts.body === undefined ? undefined : JSON.stringify(opts.body);
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: '127.0.0.1',
        port,
        method,
        path,
        agent,
        headers: {
          ...(payload ? { 'content-type': 'application/json' } : {}),
          ...(opts.token ? { authorization: `Bearer ${opts.token}` } : {}),
        },
      },
      (res) => {
        let data = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (data += c));
        res.on('end', () =>
          resolve({
            status: res.statusCode!,
            headers: res.headers,
            body: data ? (JSON.parse(data) as Record<string, unknown>) : {},
          }),
        );
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

function reportBody(): Record<string, unknown> {
  const { complainant: _c, claimedAmountFen: _a, ...rest } = complaintBody({ category: 'NO_CONTRACT' });
  return rest;
}

describe('the database goes away (defect 4)', () => {
  let t: TestApp;
  let proxy: TcpProxy;
  beforeAll(async () => {
    const server = new URL(process.env.TEST_SERVER_URL!);
    proxy = new TcpProxy(server.hostname, Number(server.port || 5432));
    await proxy.start();
    t = await startTestApp({
      env: { PROCESS_ROLE: 'api' },
      databaseUrl: (url) => {
        const u = new URL(url);
        u.hostname = '127.0.0.1';
        u.port = String(proxy.port);
        return u.toString();
      },
    });
  });
  afterAll(async () => {
    await proxy.restore();
    await t.close();
    await proxy.cut();
  });

  it('answers 503 SERVICE_UNAVAILABLE with Retry-After while it is unreachable, never 500, and recovers', async () => {
    const worker = await t.token('13800000000');
    const staff = await t.token('mediator');
    expect((await t.http().get('/health/ready')).status).toBe(200);

    await proxy.cut();
    // Past the principal cache (≤ 1 s): the token check itself needs the database now.
    await new Promise((r) => setTimeout(r, 1200));
    const attempts = [
      t.http().post('/api/v1/complaints').set('authorization', `Bearer ${worker}`).send(complaintBody()),
      t.http().get('/api/v1/complaints').set('authorization', `Bearer ${staff}`),
      t.http().post('/api/v1/auth/login').send({ username: 'mediator', password: 'demo-password-1' }),
      t.http().post('/api/v1/reports').send(reportBody()),
    ];
    for (const res of await Promise.all(attempts)) {
      expect(res.status).toBe(503);
      expect(res.body).toMatchObject({ statusCode: 503, code: 'SERVICE_UNAVAILABLE' });
      expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
      // The connection error stays in the log, not in the answer.
      expect(JSON.stringify(res.body)).not.toMatch(/ECONN|5432|127\.0\.0\.1/);
    }
    const ready = await t.http().get('/health/ready');
    expect(ready.status).toBe(503);
    expect(ready.body).toMatchObject({ code: 'NOT_READY' });

    await proxy.restore();
    const after = await eventually(async () => {
      const res = await t
        .http()
        .post('/api/v1/complaints')
        .set('authorization', `Bearer ${worker}`)
        .send(complaintBody());
      return res.status === 201 ? res : undefined;
    }, 20000);
    expect(after.body).toMatchObject({ status: 'SUBMITTED' });
    expect((await t.http().get('/health/ready')).status).toBe(200);
  });
});

// Only meaningful against a real Redis: CI sets REDIS_URL (see .ci/run).
const describeWithRedis = process.env.REDIS_URL ? describe : describe.skip;

describeWithRedis('readiness while Redis is unreachable (defect 7)', () => {
  let proxy: TcpProxy;
  let redisUrl: string;
  beforeAll(async () => {
    const target = new URL(process.env.REDIS_URL!);
    proxy = new TcpProxy(target.hostname, Number(target.port || 6379));
    await proxy.start();
    redisUrl = `redis://127.0.0.1:${proxy.port}`;
  });
  afterEach(async () => {
    await proxy.restore();
  });
  afterAll(async () => {
    await proxy.cut();
  });

  // One app at a time: passport keeps one JWT strategy per process.
  it('an API process stays ready (the queue reported down in the details) and keeps taking complaints', async () => {
    const api = await startTestApp({ queue: 'redis', redisUrl, env: { PROCESS_ROLE: 'api' } });
    try {
      const token = await api.token('13800000000');
      await proxy.cut();
      const ready = await eventually(async () => {
        const res = await api.http().get('/health/ready');
        return res.body?.details?.queue?.reachable === false ? res : undefined;
      }, 20000);
      expect(ready.status).toBe(200);
      expect(ready.body.details.database.status).toBe('up');
      // Complaints wait in the outbox until Redis is back.
      const res = await api
        .http()
        .post('/api/v1/complaints')
        .set('authorization', `Bearer ${token}`)
        .send(complaintBody());
      expect(res.status).toBe(201);
    } finally {
      await proxy.restore();
      await api.close();
    }
  });

  it('a process that runs the jobs is not ready while its queue is away', async () => {
    const all = await startTestApp({ queue: 'redis', redisUrl, env: { PROCESS_ROLE: 'all' } });
    try {
      await proxy.cut();
      const ready = await eventually(async () => {
        const res = await all.http().get('/health/ready');
        return res.status === 503 ? res : undefined;
      }, 20000);
      expect(ready.body).toMatchObject({ code: 'NOT_READY' });
      expect(ready.body.details.queue).toMatchObject({ status: 'down', reachable: false });
    } finally {
      await proxy.restore();
      await all.close();
    }
  });
});

describe('SIGTERM drains (defect 5)', () => {
  let t: TestApp;
  let blocker: Client;
  beforeAll(async () => {
    t = await startTestApp({ env: { PROCESS_ROLE: 'api' } });
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    blocker = new Client({ connectionString: t.databaseUrl });
    await blocker.connect();
  });
  afterAll(async () => {
    await blocker.end().catch(() => undefined);
    await dropTestDatabase(t.databaseUrl);
  });

  it('readiness 503 at once, Connection: close on open connections, new connections refused, in-flight requests finish', async () => {
    const port = (t.app.getHttpServer().address() as { port: number }).port;
    const worker = await t.token('13800000000');
    const keepAlive = new Agent({ keepAlive: true, maxSockets: 1 });
    const inFlightAgent = new Agent({ keepAlive: true, maxSockets: 1 });
    // Two keep-alive connections are open before the signal.
    expect((await call(port, keepAlive, 'GET', '/health/ready')).status).toBe(200);
    expect((await call(port, inFlightAgent, 'GET', '/health/live')).status).toBe(200);

    // A complaint is in flight when the signal comes: it waits on a lock held here.
    await blocker.query('BEGIN');
    await blocker.query('LOCK TABLE complaints IN SHARE MODE');
    const inFlight = call(port, inFlightAgent, 'POST', '/api/v1/complaints', {
      token: worker,
      body: complaintBody({ facts: 'SIGTERM drain: in flight' }),
    });
    await eventually(async () => {
      const rows = await blocker.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM pg_locks l JOIN pg_class c ON c.oid = l.relation
          WHERE c.relname = 'complaints' AND NOT l.granted`,
      );
      return rows.rows[0].n > 0;
    });

    const closing = gracefulClose(t.app, 10000);
    // Readiness is 503 at once, on a connection that was already open, and that connection is told to close.
    const ready = await call(port, keepAlive, 'GET', '/health/ready');
    expect(ready.status).toBe(503);
    expect(ready.body).toMatchObject({ statusCode: 503, code: 'SHUTTING_DOWN' });
    expect(ready.headers.connection).toBe('close');
    // A new connection is refused.
    await expect(call(port, false, 'GET', '/health/live')).rejects.toMatchObject({
      code: 'ECONNREFUSED',
    });

    // The in-flight complaint is answered, not reset, and is stored.
    await blocker.query('COMMIT');
    const answer = await inFlight;
    expect(answer.status).toBe(201);
    expect(answer.headers.connection).toBe('close');
    await closing;
    const stored = await blocker.query(`SELECT count(*)::int AS n FROM complaints WHERE facts = $1`, [
      'SIGTERM drain: in flight',
    ]);
    expect(stored.rows[0].n).toBe(1);
    keepAlive.destroy();
    inFlightAgent.destroy();
  });
});
