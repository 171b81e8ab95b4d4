import { randomUUID } from 'node:crypto';
import { addDays, todayInShanghai } from '../../src/calendar/local-date';
import { QueueName } from '../../src/queue/job-catalogue';
import { QueueService } from '../../src/queue/queue.service';
import { complaintBody, eventually, startTestApp, type TestApp } from '../support/test-app';

/** Issue 18 item 4: the operators' job console, manual runs of the nightly work, HTTP and process metrics. */
describe('operators: job console, manual runs of the scheduled jobs, /metrics', () => {
  let t: TestApp;
  const auth = async (user: string) => ({ authorization: `Bearer ${await t.token(user)}` });
  const queue = (name: QueueName) => t.app.get(QueueService).queue(name);

  beforeAll(async () => {
    t = await startTestApp({ env: { JOB_ATTEMPTS: '1', JOB_BACKOFF_MS: '100' } });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('GET /admin/queues: waiting, active, delayed, failed and completed per queue, for ADMIN only', async () => {
    const res = await t
      .http()
      .get('/api/v1/admin/queues')
      .set(await auth('admin'));
    expect(res.status).toBe(200);
    expect((res.body as { queue: string }[]).map((q) => q.queue).sort()).toEqual(
      Object.values(QueueName).sort(),
    );
    for (const q of res.body as Record<string, unknown>[])
      expect(q).toEqual({
        queue: expect.any(String),
        waiting: expect.any(Number),
        active: expect.any(Number),
        delayed: expect.any(Number),
        failed: expect.any(Number),
        completed: expect.any(Number),
        paused: false,
      });
    for (const user of ['supervisor', 'inspector'])
      expect(
        (
          await t
            .http()
            .get('/api/v1/admin/queues')
            .set(await auth(user))
        ).status,
      ).toBe(403);
    expect((await t.http().get('/api/v1/admin/queues')).status).toBe(401);
    const unknown = await t
      .http()
      .get('/api/v1/admin/queues/nope/jobs')
      .set(await auth('admin'));
    expect(unknown.status).toBe(404);
    expect(unknown.body.code).toBe('QUEUE_NOT_FOUND');
    const badState = await t
      .http()
      .get('/api/v1/admin/queues/sla/jobs?state=lost')
      .set(await auth('admin'));
    expect(badState.status).toBe(400);
  });

  it('a failed job is listed with its reason and retried in place; retrying a job that did not fail is 409', async () => {
    t.sms.failing = true;
    const filed = await t
      .http()
      .post('/api/v1/complaints')
      .set(await auth('13800000000'))
      .send(complaintBody());
    expect(filed.status).toBe(201);
    const failed = await eventually(async () => {
      const res = await t
        .http()
        .get('/api/v1/admin/queues/notifications/jobs?state=failed')
        .set(await auth('admin'));
      return (res.body as { id: string; data: { complaintId?: string }; failedReason: string }[]).find(
        (j) => j.data.complaintId === filed.body.id,
      );
    });
    expect(failed).toMatchObject({
      name: 'complaint.acknowledge',
      state: 'failed',
      attemptsMade: 1,
      failedReason: 'SMS gateway unavailable (test)',
    });
    t.sms.failing = false;
    const retried = await t
      .http()
      .post(`/api/v1/admin/queues/notifications/jobs/${failed.id}/retry`)
      .set(await auth('admin'));
    expect(retried.status).toBe(200);
    expect(retried.body).toMatchObject({ id: failed.id, state: 'waiting' });
    await eventually(async () => {
      const events = (
        await t
          .http()
          .get(`/api/v1/complaints/${filed.body.id}/events`)
          .set(await auth('13800000000'))
      ).body as { action: string }[];
      return events.some((e) => e.action === 'ACKNOWLEDGED');
    });
    await eventually(async () => (await queue(QueueName.Notifications).getJob(failed.id))?.finishedOn);
    const again = await t
      .http()
      .post(`/api/v1/admin/queues/notifications/jobs/${failed.id}/retry`)
      .set(await auth('admin'));
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('JOB_NOT_FAILED');
    const missing = await t
      .http()
      .post('/api/v1/admin/queues/notifications/jobs/no-such-job/retry')
      .set(await auth('admin'));
    expect(missing.status).toBe(404);
    expect(missing.body.code).toBe('JOB_NOT_FOUND');
  });

  it('POST /admin/sla/recompute enqueues the nightly job; a second one while it is queued is 409', async () => {
    const runs = async () =>
      Number(
        (await t.dataSource.query<{ n: string }[]>(`SELECT count(*) AS n FROM sla_recompute_runs`))[0].n,
      );
    const before = await runs();
    await queue(QueueName.Sla).pause();
    try {
      const first = await t
        .http()
        .post('/api/v1/admin/sla/recompute')
        .set(await auth('admin'));
      expect(first.status).toBe(202);
      expect(first.body).toEqual({
        queue: 'sla',
        jobName: 'sla.recompute-all',
        jobId: 'manual.sla.recompute-all',
      });
      const second = await t
        .http()
        .post('/api/v1/admin/sla/recompute')
        .set(await auth('admin'));
      expect(second.status).toBe(409);
      expect(second.body).toMatchObject({
        code: 'JOB_ALREADY_RUNNING',
        details: { jobId: 'manual.sla.recompute-all' },
      });
      expect(
        (
          await t
            .http()
            .post('/api/v1/admin/sla/recompute')
            .set(await auth('supervisor'))
        ).status,
      ).toBe(403);
    } finally {
      await queue(QueueName.Sla).resume();
    }
    // The worker runs it like the nightly run: one more recompute run is recorded, and the id is free again.
    await eventually(async () => (await runs()) > before, 60_000);
    await eventually(async () => !(await queue(QueueName.Sla).getJob('manual.sla.recompute-all')), 15_000);
    const third = await t
      .http()
      .post('/api/v1/admin/sla/recompute')
      .set(await auth('admin'));
    expect(third.status).toBe(202);
  });

  it('POST /admin/sweeps/blacklist-expiry runs the daily sweep now: a listing past its 3 years expires', async () => {
    const today = todayInShanghai();
    const employerId = randomUUID();
    await t.dataSource.query(
      `INSERT INTO employers (id, name, name_normalised, source) VALUES ($1, $2, $2, 'REGISTER')`,
      [employerId, `运维测试公司${employerId.slice(0, 8)}`],
    );
    const violationId = randomUUID();
    await t.dataSource.query(
      `INSERT INTO employer_violations (id, employer_id, jurisdiction_code, source_type, found_on, kinds, arrears_fen,
                                        workers_affected, meets_crime_threshold)
       VALUES ($1, $2, '310115005', 'MANUAL', $3, '{WAGE_ARREARS}', 9000000, 15, true)`,
      [violationId, employerId, addDays(today, -1100)],
    );
    const [admin] = await t.dataSource.query<{ id: string }[]>(
      `SELECT id FROM users WHERE username = 'admin'`,
    );
    const listingId = randomUUID();
    await t.dataSource.query(
      `INSERT INTO wage_arrears_blacklist (id, employer_id, violation_id, jurisdiction_code, status, reasons, listed_on,
                                           expires_on, listed_by)
       VALUES ($1, $2, $3, '310115005', 'LISTED', '{ARREARS_CRIME}', $4, $5, $6)`,
      [listingId, employerId, violationId, addDays(today, -1096), addDays(today, -1), admin.id],
    );
    const res = await t
      .http()
      .post('/api/v1/admin/sweeps/blacklist-expiry')
      .set(await auth('admin'));
    expect(res.status).toBe(202);
    expect(res.body).toEqual({
      queue: 'maintenance',
      jobName: 'compliance.blacklist-sweep',
      jobId: 'manual.compliance.blacklist-sweep',
    });
    await eventually(async () => {
      const [row] = await t.dataSource.query<{ status: string }[]>(
        `SELECT status FROM wage_arrears_blacklist WHERE id = $1`,
        [listingId],
      );
      return row.status === 'EXPIRED';
    }, 30_000);

    const unknown = await t
      .http()
      .post('/api/v1/admin/sweeps/everything')
      .set(await auth('admin'));
    expect(unknown.status).toBe(404);
    expect(unknown.body.code).toBe('SWEEP_NOT_FOUND');
    expect(
      (
        await t
          .http()
          .post('/api/v1/admin/sweeps/mediation-daily')
          .set(await auth('admin'))
      ).status,
    ).toBe(202);
  });

  it('/metrics: process and event-loop metrics, HTTP counts and latency by route and status, no gauge named *_total', async () => {
    await t
      .http()
      .get('/api/v1/admin/queues')
      .set(await auth('admin'));
    await t.http().get('/api/v1/no-such-route');
    const res = await eventually(async () => {
      const r = await t.http().get('/metrics');
      return /route="\(unmatched\)",status="404"/.test(r.text) && r;
    });
    expect(res.status).toBe(200);
    expect(res.text).toMatch(/^process_cpu_seconds_total \d/m);
    expect(res.text).toMatch(/^nodejs_eventloop_lag_seconds \d/m);
    expect(res.text).toMatch(
      /^lrp_http_requests_total\{method="GET",route="\/api\/v1\/admin\/queues",status="200"\} [1-9]/m,
    );
    const buckets = res.text
      .split('\n')
      .filter((l) => l.startsWith('lrp_http_request_duration_seconds_bucket{'))
      .filter((l) => l.includes('route="/api/v1/admin/queues"') && l.includes('le="+Inf"'));
    // One series per status: the admin's 200s, the supervisor's and inspector's 403s, the anonymous 401.
    expect(buckets.map((l) => /status="(\d+)"/.exec(l)![1]).sort()).toEqual(['200', '401', '403']);
    for (const l of buckets) expect(l).toMatch(/ [1-9]\d*$/);
    // A path no route matched is one label value, not the raw path.
    expect(res.text).toMatch(/route="\(unmatched\)",status="404"/);
    expect(res.text).not.toContain('no-such-route');
    const gauges = [...res.text.matchAll(/^# TYPE (\S+) gauge$/gm)].map((m) => m[1]);
    expect(gauges).toEqual(expect.arrayContaining(['lrp_job_failures', 'lrp_sla_recompute_mismatches']));
    // Ours; prom-client's default nodejs_active_*_total gauges keep the names every Node dashboard expects.
    expect(gauges.filter((g) => g.startsWith('lrp_') && g.endsWith('_total'))).toEqual([]);
  });
});
