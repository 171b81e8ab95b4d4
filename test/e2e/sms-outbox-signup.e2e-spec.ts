import { NotificationsService } from '../../src/notifications/notifications.service';
import { LogSink } from '../support/log-sink';
import { complaintBody, eventually, startTestApp, type TestApp } from '../support/test-app';
import { PiiCipher } from '../../src/common/pii-crypto';

const auth = (token: string) => ({ authorization: `Bearer ${token}` });

/**
 * Issue 13, "a new worker cannot sign in": with the embedded default's logging sender (no gateway, no recording
 * fake), a new phone signs up by the code an admin reads from GET /admin/sms-outbox, files a complaint and finds
 * the acknowledgement in its own inbox, /my/notifications. The log never holds a text or a full number.
 */
describe('a new worker signs up by the code in the admin SMS outbox and reads their messages', () => {
  let t: TestApp;
  const logs = new LogSink();
  const phone = '13612345678';
  let admin: string;
  let worker: string;
  let complaint: { id: string; trackingNo: string };

  beforeAll(async () => {
    t = await startTestApp({ configuredSmsSender: true, logStream: logs, env: { LOG_LEVEL: 'info' } });
    admin = await t.token('admin');
  });
  afterAll(async () => {
    await t.close();
  });

  const outbox = () => t.http().get('/api/v1/admin/sms-outbox').set(auth(admin));
  const inbox = (token: string, query = '') =>
    t.http().get(`/api/v1/my/notifications${query}`).set(auth(token));

  it('signs the new phone up with the code read from the outbox (full text, full number, newest first)', async () => {
    expect((await t.http().post('/api/v1/auth/otp/request').send({ phone: '13600000001' })).status).toBe(202);
    expect((await t.http().post('/api/v1/auth/otp/request').send({ phone })).status).toBe(202);
    const res = await outbox();
    expect(res.status).toBe(200);
    const [newest, older] = res.body.items as { phone: string; template: string; text: string }[];
    expect(newest).toMatchObject({ phone, template: 'OTP_SIGN_IN', outId: expect.any(String) });
    expect(older).toMatchObject({ phone: '13600000001', template: 'OTP_SIGN_IN' });
    const code = /验证码为(\d{6})，/.exec(newest.text)?.[1];
    expect(code).toBeDefined();
    const verified = await t.http().post('/api/v1/auth/otp/verify').send({ phone, code });
    expect(verified.status).toBe(200);
    worker = verified.body.accessToken as string;
    expect(t.sms.sent).toEqual([]); // the recording fake is not in this app
  });

  it('files a complaint; the acknowledgement SMS is in the outbox and in the worker inbox, with its text', async () => {
    const filed = await t.http().post('/api/v1/complaints').set(auth(worker)).send(complaintBody());
    expect(filed.status).toBe(201);
    complaint = { id: filed.body.id as string, trackingNo: filed.body.trackingNo as string };
    const text = `您的投诉已收到，编号${complaint.trackingNo}。我们将在5个工作日内决定是否受理，并以短信告知。`;
    const page = await eventually(async () => {
      const r = await inbox(worker);
      return r.status === 200 && r.body.items.length > 0 ? r.body : undefined;
    });
    expect(page).toMatchObject({
      items: [
        {
          channel: 'SMS',
          template: 'COMPLAINT_RECEIVED',
          subjectRef: `complaint:${complaint.id}`,
          text,
          readAt: null,
        },
      ],
      nextCursor: null,
      unreadCount: 1,
    });
    const sent = (await outbox()).body.items as { phone: string; template: string; text: string }[];
    expect(sent[0]).toMatchObject({ phone, template: 'COMPLAINT_RECEIVED', text });
    // The message opens the worker's case file, which the worker may read.
    const link = page.items[0].link as string;
    expect(link).toBe(`/api/v1/my/cases/${complaint.id}`);
    const file = await t.http().get(link).set(auth(worker));
    expect([file.status, file.body.trackingNo]).toEqual([200, complaint.trackingNo]);
  });

  it('pages newest first; marks one read, idempotently; read-all marks the rest', async () => {
    const [{ id: userId }] = await t.dataSource.query<{ id: string }[]>(
      'SELECT id FROM users WHERE login_phone_bidx = $1',
      [t.app.get(PiiCipher).blindIndex('phone', phone)],
    );
    await t.app.get(NotificationsService).sendSmsOnce({
      dedupKey: `inbox-test:${complaint.id}`,
      template: 'COMPLAINT_ACCEPTED',
      subjectRef: `complaint:${complaint.id}`,
      phone,
      params: { trackingNo: complaint.trackingNo },
      recipientUserId: userId,
    });
    const first = await inbox(worker, '?limit=1');
    expect(first.body.items.map((i: { template: string }) => i.template)).toEqual(['COMPLAINT_ACCEPTED']);
    expect(first.body.unreadCount).toBe(2);
    const second = await inbox(
      worker,
      `?limit=1&cursor=${encodeURIComponent(first.body.nextCursor as string)}`,
    );
    expect(second.body.items.map((i: { template: string }) => i.template)).toEqual(['COMPLAINT_RECEIVED']);

    const id = first.body.items[0].id as string;
    const read = await t.http().post(`/api/v1/my/notifications/${id}/read`).set(auth(worker));
    expect(read.status).toBe(200);
    expect(read.body.readAt).toEqual(expect.any(String));
    const again = await t.http().post(`/api/v1/my/notifications/${id}/read`).set(auth(worker));
    expect(again.body.readAt).toBe(read.body.readAt);
    expect((await inbox(worker)).body.unreadCount).toBe(1);
    expect((await inbox(worker, '?unread=true')).body.items).toHaveLength(1);
    const all = await t.http().post('/api/v1/my/notifications/read-all').set(auth(worker));
    expect(all.body).toEqual({ marked: 1 });
    expect((await inbox(worker)).body.unreadCount).toBe(0);
  });

  it('another worker sees none of it and cannot read it (404); staff cannot use /my/notifications; only ADMIN the outbox', async () => {
    const demo = await t.token('13800000000');
    const mine = (await inbox(worker)).body.items[0].id as string;
    expect((await inbox(demo)).body.items.map((i: { id: string }) => i.id)).not.toContain(mine);
    expect((await t.http().post(`/api/v1/my/notifications/${mine}/read`).set(auth(demo))).status).toBe(404);
    expect(
      (await t.http().post('/api/v1/my/notifications/not-a-uuid/read').set(auth(worker))).body.code,
    ).toBe('NOTIFICATION_NOT_FOUND');
    expect((await inbox(await t.token('supervisor'))).status).toBe(403);
    expect((await t.http().get('/api/v1/admin/sms-outbox').set(auth(worker))).status).toBe(403);
    expect(
      (
        await t
          .http()
          .get('/api/v1/admin/sms-outbox')
          .set(auth(await t.token('supervisor')))
      ).status,
    ).toBe(403);
    expect((await t.http().get('/api/v1/admin/sms-outbox')).status).toBe(401);
  });

  it('the log names the messages but never holds their text, code or full number', () => {
    const sms = logs.lines.filter((l) => l.includes('logging sender'));
    expect(sms.length).toBeGreaterThanOrEqual(3);
    expect(logs.text).toContain('136****5678');
    expect(logs.text).not.toContain(phone);
    expect(logs.text).not.toContain('验证码');
    expect(logs.text).not.toContain(complaint.trackingNo);
  });
});
