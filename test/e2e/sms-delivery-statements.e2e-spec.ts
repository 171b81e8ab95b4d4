import { randomUUID } from 'node:crypto';
import { NotificationsService } from '../../src/notifications/notifications.service';
import { firstWords, splitByDelivery, statementsDuring } from '../support/statements';
import { startTestApp, type TestApp } from '../support/test-app';

/**
 * The statements of the delivery's own connection (the one that takes the advisory lock; the in-process workers'
 * statements on other connections left out), by their first word, and what `run` returned.
 */
async function deliveryStatementsOf<T>(run: () => Promise<T>): Promise<{ statements: string[]; result: T }> {
  const { result, statements } = await statementsDuring(run);
  return { statements: firstWords(splitByDelivery(statements).delivery), result };
}

/**
 * Issue 17: every complaint's acknowledgement is an SMS delivery, so its round trips are the worker's share of
 * intake. The delivery row is claimed in one statement (the delivery's advisory lock keeps other deliveries of the
 * message out), not in a transaction of four, and a new row is claimed with its first attempt started.
 */
describe('an SMS delivery in few statements, still at most once', () => {
  let t: TestApp;
  /** A message of its own (a fresh dedup key) to `phone`. */
  const message = (phone: string, trackingNo: string) => ({
    dedupKey: `statements-test:${randomUUID()}`,
    template: 'COMPLAINT_RECEIVED' as const,
    subjectRef: `complaint:${randomUUID()}`,
    phone,
    params: { trackingNo },
  });
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('a first delivery: lock, row with its attempt started, attempt end, unlock; a replay: lock, row, read, unlock, nothing sent', async () => {
    const notifications = t.app.get(NotificationsService);
    const n = message('13700002222', 'TS-STATEMENTS');
    const sentTo = () => t.sms.sent.filter((m) => m.phone === n.phone).length;
    const sentBefore = sentTo();

    const first = await deliveryStatementsOf(() => notifications.sendSmsOnce(n));
    expect(first.result).toBe(true);
    expect(first.statements).toEqual(['SELECT', 'INSERT', 'UPDATE', 'SELECT']);

    const replay = await deliveryStatementsOf(() => notifications.sendSmsOnce(n));
    expect(replay.result).toBe(false);
    expect(replay.statements).toEqual(['SELECT', 'INSERT', 'SELECT', 'SELECT']);

    expect(sentTo() - sentBefore).toBe(1);
    const [row] = await t.dataSource.query<{ status: string; attempts: number }[]>(
      'SELECT status, attempts FROM notifications WHERE dedup_key = $1',
      [n.dedupKey],
    );
    expect(row).toEqual({ status: 'SENT', attempts: 1 });
  });

  it('concurrent deliveries of one message: one SMS, the others find it sent', async () => {
    const notifications = t.app.get(NotificationsService);
    const n = message('13700003333', 'TS-CONCURRENT');
    const sentBefore = t.sms.sent.filter((m) => m.phone === n.phone).length;
    const results = await Promise.all(Array.from({ length: 5 }, () => notifications.sendSmsOnce(n)));
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(t.sms.sent.filter((m) => m.phone === n.phone).length - sentBefore).toBe(1);
  });
});
