import { NotificationsService } from '../../src/notifications/notifications.service';
import { startTestApp, type TestApp } from '../support/test-app';

describe('notifications are delivered at most once per dedup key', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('concurrent deliveries of one message send one SMS', async () => {
    const notifications = t.app.get(NotificationsService);
    const n = {
      dedupKey: 'concurrency-test',
      template: 'COMPLAINT_ACCEPTED' as const,
      subjectRef: 'test:1',
      phone: '13911112222',
      params: { trackingNo: 'TS-2026-0000001-9' },
    };
    const results = await Promise.all(Array.from({ length: 6 }, () => notifications.sendSmsOnce(n)));
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(t.sms.sent.filter((m) => m.phone === '13911112222')).toMatchObject([
      {
        template: 'COMPLAINT_ACCEPTED',
        text: '您的投诉（编号TS-2026-0000001-9）已通过初步审查，将转交有管辖权的办理机构，由该机构依法决定是否受理并以短信告知您。',
      },
    ]);
    const [row] = await notifications.forSubject('test:1');
    expect(row).toMatchObject({ status: 'SENT', providerMessageId: expect.any(String) });
  });

  it('a failed send leaves the message to be sent by the retry', async () => {
    const notifications = t.app.get(NotificationsService);
    const n = {
      dedupKey: 'retry-test',
      template: 'COMPLAINT_ACCEPTED' as const,
      subjectRef: 'test:2',
      phone: '13911113333',
      params: { trackingNo: 'TS-2026-0000002-7' },
    };
    t.sms.failing = true;
    await expect(notifications.sendSmsOnce(n)).rejects.toThrow(/unavailable/);
    t.sms.failing = false;
    expect(await notifications.sendSmsOnce(n)).toBe(true);
    expect(await notifications.sendSmsOnce(n)).toBe(false);
    expect(t.sms.sent.filter((m) => m.phone === '13911113333')).toHaveLength(1);
  });
});
