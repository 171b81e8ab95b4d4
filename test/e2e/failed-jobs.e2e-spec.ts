import IORedis from 'ioredis';
import { JOB_QUEUE, JobName } from '../../src/queue/job-catalogue';
import { QueueService } from '../../src/queue/queue.service';
import { complaintBody, eventually, startTestApp, type TestApp } from '../support/test-app';

/** BullMQ's stall bookkeeping lives in Redis (the PostgreSQL backend's run without it). */
const itWithRedis = process.env.REDIS_URL ? it : it.skip;

describe('jobs that fail their last attempt', () => {
  let t: TestApp;
  const auth = async (user: string) => ({ authorization: `Bearer ${await t.token(user)}` });
  beforeAll(async () => {
    t = await startTestApp({ env: { JOB_ATTEMPTS: '2', JOB_BACKOFF_MS: '100' } });
  });
  afterAll(async () => {
    await t.close();
  });

  it('a refused SMS is retried with backoff, then shown to admins, who re-queue it once the gateway is back', async () => {
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
        .get('/api/v1/admin/notifications/failed')
        .set(await auth('admin'));
      return (res.body as { id: string; jobName: string; payload: { complaintId?: string } }[]).find(
        (f) => f.payload.complaintId === filed.body.id,
      );
    });
    expect(failed).toMatchObject({
      queue: 'notifications',
      jobName: 'complaint.acknowledge',
      attempts: 2,
      error: 'SMS gateway unavailable (test)',
    });
    // Nothing was acknowledged while the gateway refused.
    const events = (
      await t
        .http()
        .get(`/api/v1/complaints/${filed.body.id}/events`)
        .set(await auth('13800000000'))
    ).body as { action: string }[];
    expect(events.map((e) => e.action)).not.toContain('ACKNOWLEDGED');

    expect(
      (
        await t
          .http()
          .get('/api/v1/admin/jobs/failed')
          .set(await auth('supervisor'))
      ).status,
    ).toBe(403);

    t.sms.failing = false;
    const requeued = await t
      .http()
      .post(`/api/v1/admin/notifications/failed/${failed.id}/requeue`)
      .set(await auth('admin'));
    expect(requeued.status).toBe(200);
    await eventually(async () => {
      const ev = (
        await t
          .http()
          .get(`/api/v1/complaints/${filed.body.id}/events`)
          .set(await auth('13800000000'))
      ).body as { action: string }[];
      return ev.some((e) => e.action === 'ACKNOWLEDGED');
    });
    expect(t.sms.sent.filter((m) => m.params.trackingNo === filed.body.trackingNo)).toHaveLength(1);
    const list = (
      await t
        .http()
        .get('/api/v1/admin/jobs/failed')
        .set(await auth('admin'))
    ).body as { id: string }[];
    expect(list.map((f) => f.id)).not.toContain(failed.id);
    expect(
      (
        await t
          .http()
          .post(`/api/v1/admin/jobs/failed/${failed.id}/requeue`)
          .set(await auth('admin'))
      ).status,
    ).toBe(404);
    expect(
      (
        await t
          .http()
          .get('/api/v1/admin/jobs/failed')
          .query({ limit: 500 })
          .set(await auth('admin'))
      ).status,
    ).toBe(400);
  });

  itWithRedis(
    'a job failed for stalling too often is shown to admins, though it used one attempt of two',
    async () => {
      // BullMQ's stalled-job check, finding a job stalled more than maxStalledCount times, writes its deferred failure
      // (field "defa") and puts it back in wait; the next worker to take it fails it for good with an
      // UnrecoverableError after one attempt (attemptsMade 1 < attempts 2). Here the check's write is made directly
      // while the queue is paused; the real worker then takes the job and fails it.
      const queues = t.app.get(QueueService);
      const q = queues.queue(JOB_QUEUE[JobName.IdempotencyPurge]);
      const jobId = `stalled-too-often-${Date.now()}`;
      await q.pause();
      try {
        await queues.add(JobName.IdempotencyPurge, {}, jobId);
        const redis = new IORedis(process.env.REDIS_URL!);
        try {
          expect(await redis.exists(q.toKey(jobId))).toBe(1);
          await redis.hset(q.toKey(jobId), 'defa', 'job stalled more than allowable limit');
        } finally {
          redis.disconnect();
        }
      } finally {
        await q.resume();
      }
      const failed = await eventually(async () => {
        const res = await t
          .http()
          .get('/api/v1/admin/jobs/failed')
          .set(await auth('admin'));
        return (res.body as { jobName: string; payload: object; attempts: number; error: string }[]).find(
          (f) => f.jobName === 'idempotency.purge',
        );
      });
      expect(failed).toMatchObject({
        jobName: 'idempotency.purge',
        attempts: 1,
        error: 'job stalled more than allowable limit',
      });
    },
  );
});
