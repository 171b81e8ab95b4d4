import { complaintBody, eventually, startTestApp, type TestApp } from '../support/test-app';
import { TcpProxy } from '../support/tcp-proxy';

async function acknowledged(t: TestApp, id: string): Promise<boolean> {
  const rows = await t.dataSource.query(
    `SELECT 1 FROM case_events WHERE case_id = $1 AND action = 'ACKNOWLEDGED'`,
    [id],
  );
  return rows.length === 1;
}

describe("jobs on BullMQ's PostgreSQL backend (the embedded default)", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ queue: 'postgres' });
  });
  afterAll(async () => {
    await t.close();
  });

  it('runs the acknowledgement job from the outbox', async () => {
    expect(t.config.queue.backend).toBe('postgres');
    const res = await t
      .http()
      .post('/api/v1/complaints')
      .set('authorization', `Bearer ${await t.token('13800000000')}`)
      .send(complaintBody());
    expect(res.status).toBe(201);
    await eventually(() => acknowledged(t, res.body.id as string));
    const [{ published }] = await t.dataSource.query(
      `SELECT count(*) FILTER (WHERE published_at IS NOT NULL)::int AS published FROM outbox_messages`,
    );
    expect(published).toBeGreaterThanOrEqual(1);
    // The job really went through BullMQ's tables in PostgreSQL (jobId = outbox row id).
    const [{ n }] = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM bullmq.job j JOIN outbox_messages o ON j.id::text = o.id::text WHERE o.payload->>'complaintId' = $1`,
      [res.body.id],
    );
    expect(n).toBe(1);
  });
});

// Only meaningful against a real Redis: CI sets REDIS_URL (see .ci/run).
const describeWithRedis = process.env.REDIS_URL ? describe : describe.skip;

describeWithRedis('intake while Redis is unreachable', () => {
  let t: TestApp;
  let proxy: TcpProxy;
  beforeAll(async () => {
    const target = new URL(process.env.REDIS_URL!);
    proxy = new TcpProxy(target.hostname, Number(target.port || 6379));
    await proxy.start();
    t = await startTestApp({ queue: 'redis', redisUrl: `redis://127.0.0.1:${proxy.port}` });
  });
  afterAll(async () => {
    await proxy.restore();
    await t.close();
    await proxy.cut();
  });

  it('still returns 201 and acknowledges once Redis is back', async () => {
    const token = await t.token('13800000000');
    await proxy.cut();
    const started = Date.now();
    const res = await t
      .http()
      .post('/api/v1/complaints')
      .set('authorization', `Bearer ${token}`)
      .send(complaintBody({ facts: 'filed while Redis was down' }));
    expect(res.status).toBe(201);
    expect(Date.now() - started).toBeLessThan(3000);
    // Readiness tells operators the queue is down; the job waits in the outbox.
    const ready = await t.http().get('/health/ready');
    expect(ready.status).toBe(503);
    expect(ready.body).toMatchObject({
      statusCode: 503,
      code: 'NOT_READY',
      details: { database: { status: 'up' }, queue: { status: 'down' } },
    });
    await new Promise((r) => setTimeout(r, 1000));
    const [row] = await t.dataSource.query(
      `SELECT published_at, attempts FROM outbox_messages WHERE payload->>'complaintId' = $1`,
      [res.body.id],
    );
    expect(row.published_at).toBeNull();
    expect(await acknowledged(t, res.body.id as string)).toBe(false);

    await proxy.restore();
    await eventually(() => acknowledged(t, res.body.id as string), 45000);
    expect(t.sms.sent.filter((m) => m.params.trackingNo === res.body.trackingNo)).toHaveLength(1);
    expect((await t.http().get('/health/ready')).status).toBe(200);
  }, 90000);
});
