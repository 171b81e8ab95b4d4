import { Client } from 'pg';
import { NotificationsService } from '../../src/notifications/notifications.service';
import { PermanentSmsError, SmsInDoubtError } from '../../src/notifications/sms-sender';
import { complaintBody, eventually, startTestApp, type TestApp } from '../support/test-app';
import { signInWorker } from '../support/users';

/**
 * Issue 13: one SMS went out twice during a PostgreSQL outage. The delivery row is committed SENDING before the
 * provider call, so when the database fails between the call and recording SENT, the job's retry finds the row
 * in doubt and does not send blindly again.
 */
describe('an SMS goes out once when the database fails between the provider call and recording it', () => {
  let t: TestApp;
  let db: Client;
  beforeAll(async () => {
    t = await startTestApp({ env: { JOB_BACKOFF_MS: '200' } });
    db = new Client({ connectionString: t.databaseUrl });
    await db.connect();
  });
  afterAll(async () => {
    await db.end();
    await t.close();
  });
  afterEach(() => {
    t.sms.afterSend = undefined;
  });

  /**
   * Right after the provider took the acknowledgement, the database connection of the delivery dies (its backend
   * is terminated, as in an outage): recording SENT fails, and so does the job.
   */
  function failDatabaseAfterFirstAck(): { killed: number } {
    const state = { killed: 0 };
    t.sms.afterSend = async (m) => {
      if (m.template !== 'COMPLAINT_RECEIVED' || state.killed > 0) return;
      const res = await db.query<{ pid: number }>(
        `SELECT pg_terminate_backend(l.pid), l.pid FROM pg_locks l JOIN notifications n ON n.id = $1
          WHERE l.locktype = 'advisory' AND l.granted AND l.objsubid = 1
            AND l.objid = hashtext('notifications.sms-delivery:' || n.dedup_key)::oid`,
        [m.outId],
      );
      state.killed = res.rowCount ?? 0;
    };
    return state;
  }

  /** A message handed to the delivery directly (as a job does), with its dedup key `<name>-test`. */
  function directSms(name: string, phone: string, trackingNo: string) {
    return {
      dedupKey: `${name}-test`,
      template: 'COMPLAINT_ACCEPTED' as const,
      subjectRef: `test:${name}`,
      phone,
      params: { trackingNo },
    };
  }

  async function fileComplaint(phone: string): Promise<string> {
    const token = await signInWorker(t, phone);
    const res = await t
      .http()
      .post('/api/v1/complaints')
      .set('authorization', `Bearer ${token}`)
      .send(complaintBody());
    expect(res.status).toBe(201);
    return res.body.id as string;
  }

  async function ackRow(complaintId: string, status: string) {
    return eventually(async () => {
      const rows = await t.app.get(NotificationsService).forSubject(`complaint:${complaintId}`);
      const row = rows.find((r) => r.template === 'COMPLAINT_RECEIVED');
      return row?.status === status ? row : undefined;
    });
  }

  const acks = (phone: string) =>
    t.sms.sent.filter((m) => m.phone === phone && m.template === 'COMPLAINT_RECEIVED');

  it('the retried job asks the provider by out-id, finds the message and records it SENT: one SMS', async () => {
    const phone = '13700001111';
    const failure = failDatabaseAfterFirstAck();
    const complaintId = await fileComplaint(phone);
    const row = await ackRow(complaintId, 'SENT');
    expect(failure.killed).toBe(1);
    expect(acks(phone)).toHaveLength(1);
    expect(row).toMatchObject({ attempts: 1, providerMessageId: t.sms.messageIdOf(row.id), error: null });
    expect(acks(phone)[0].outId).toBe(row.id);
    // The acknowledgement was completed by the retry.
    await eventually(async () => {
      const r = await db.query(`SELECT 1 FROM case_events WHERE case_id = $1 AND action = 'ACKNOWLEDGED'`, [
        complaintId,
      ]);
      return r.rowCount === 1;
    });
  });

  it('where the provider cannot be asked, the retry marks it UNCONFIRMED for an admin and does not resend', async () => {
    const phone = '13700002222';
    const lookup = t.sms.lookup;
    t.sms.lookup = undefined;
    try {
      const failure = failDatabaseAfterFirstAck();
      const complaintId = await fileComplaint(phone);
      const row = await ackRow(complaintId, 'UNCONFIRMED');
      expect(failure.killed).toBe(1);
      expect(row.attempts).toBe(1);
      expect(row.error).toMatch(/not resent/);
      // Later deliveries of the same message (a replayed job) send nothing either.
      expect(
        await t.app.get(NotificationsService).sendSmsOnce({
          dedupKey: row.dedupKey,
          template: 'COMPLAINT_RECEIVED',
          subjectRef: row.subjectRef,
          phone,
          params: { trackingNo: 'x' },
        }),
      ).toBe(false);
      expect(acks(phone)).toHaveLength(1);
      // An admin finds it among the deliveries in doubt, by its row id (the provider's out-id).
      const listed = await t
        .http()
        .get('/api/v1/admin/notifications/unconfirmed')
        .set('authorization', `Bearer ${await t.token('admin')}`);
      expect(listed.status).toBe(200);
      expect(listed.body).toEqual({
        items: [
          {
            id: row.id,
            template: 'COMPLAINT_RECEIVED',
            subjectRef: `complaint:${complaintId}`,
            attempts: 1,
            error: row.error,
            createdAt: expect.any(String),
          },
        ],
        nextCursor: null,
      });
    } finally {
      t.sms.lookup = lookup;
    }
  });

  it('an error after the request may have reached the provider is not resent: the retry marks it UNCONFIRMED', async () => {
    // A read timeout or a dropped connection (the cloud adapters' SmsInDoubtError): Aliyun SendSms is not idempotent.
    const notifications = t.app.get(NotificationsService);
    const n = directSms('in-doubt', '13900000001', 'TS-2026-0000004-3');
    const lookup = t.sms.lookup;
    t.sms.lookup = undefined; // as the cloud adapters: the provider cannot be asked by out-id
    const send = jest
      .spyOn(t.sms, 'send')
      .mockRejectedValueOnce(new SmsInDoubtError('aliyun SendSms: socket hang up'));
    try {
      await expect(notifications.sendSmsOnce(n)).rejects.toThrow(/socket hang up/);
      expect(await notifications.forSubject('test:in-doubt')).toMatchObject([
        { status: 'SENDING', attempts: 1 },
      ]);
      // The job's retry.
      expect(await notifications.sendSmsOnce(n)).toBe(false);
      expect(send).toHaveBeenCalledTimes(1);
      expect(await notifications.forSubject('test:in-doubt')).toMatchObject([
        { status: 'UNCONFIRMED', attempts: 1 },
      ]);
    } finally {
      send.mockRestore();
      t.sms.lookup = lookup;
    }
  });

  it('a permanent refusal (invalid number) is recorded FAILED and not retried; a transient one is retried', async () => {
    const notifications = t.app.get(NotificationsService);
    const n = directSms('permanent', '10000000000', 'TS-2026-0000003-5');
    const send = jest
      .spyOn(t.sms, 'send')
      .mockRejectedValueOnce(
        new PermanentSmsError('isv.MOBILE_NUMBER_ILLEGAL', 'aliyun SendSms isv.MOBILE_NUMBER_ILLEGAL'),
      );
    try {
      expect(await notifications.sendSmsOnce(n)).toBe(false);
      expect(await notifications.sendSmsOnce(n)).toBe(false);
      expect(send).toHaveBeenCalledTimes(1);
      const [row] = await notifications.forSubject('test:permanent');
      expect(row).toMatchObject({
        status: 'FAILED',
        attempts: 1,
        error: expect.stringMatching(/MOBILE_NUMBER_ILLEGAL/),
      });
    } finally {
      send.mockRestore();
    }
    t.sms.failing = true;
    await expect(
      notifications.sendSmsOnce({ ...n, dedupKey: 'transient-test', subjectRef: 'test:transient' }),
    ).rejects.toThrow();
    t.sms.failing = false;
    const [pending] = await notifications.forSubject('test:transient');
    expect(pending).toMatchObject({
      status: 'PENDING',
      attempts: 1,
      error: expect.stringMatching(/unavailable/),
    });
    expect(
      await notifications.sendSmsOnce({ ...n, dedupKey: 'transient-test', subjectRef: 'test:transient' }),
    ).toBe(true);
    const [sent] = await notifications.forSubject('test:transient');
    expect(sent).toMatchObject({ status: 'SENT', attempts: 2 });
  });

  it('with a real provider (here the recording fake) the admin SMS outbox is 404 SMS_OUTBOX_UNAVAILABLE', async () => {
    const res = await t
      .http()
      .get('/api/v1/admin/sms-outbox')
      .set('authorization', `Bearer ${await t.token('admin')}`);
    expect(res.status).toBe(404);
    expect(res.body).toMatchObject({ statusCode: 404, code: 'SMS_OUTBOX_UNAVAILABLE' });
  });
});
