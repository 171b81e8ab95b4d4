import { DataSource } from 'typeorm';
import { todayInShanghai } from '../../src/calendar/local-date';
import { ComplaintsRepository } from '../../src/complaints/complaints.repository';
import { nextTrackingNumber } from '../../src/complaints/tracking-sequence';
import { formatTrackingNumber } from '../../src/common/tracking-number';
import { complaintBody, startTestApp, type TestApp } from '../support/test-app';

/** Issue 17.1: tracking numbers without a row lock held for the intake transaction. */
describe('tracking numbers from per-year sequences', () => {
  let t: TestApp;
  let ds: DataSource;
  beforeAll(async () => {
    t = await startTestApp({ env: { PROCESS_ROLE: 'api' } });
    ds = t.dataSource;
  });
  afterAll(async () => {
    await t.close();
  });

  it("a year's sequence starts after the numbers its counter handed out; concurrent first intakes get distinct numbers", async () => {
    await ds.query(`INSERT INTO tracking_counters (prefix, year, last_value) VALUES ('TS', 2031, 41)`);
    const numbers = await Promise.all(
      Array.from({ length: 12 }, () => ds.transaction((em) => nextTrackingNumber(em, 'TS', 2031))),
    );
    expect([...numbers].sort((a, b) => a - b)).toEqual(Array.from({ length: 12 }, (_, i) => 42 + i));
  });

  it('a number taken by a transaction that rolls back is not reused (gaps, no duplicates)', async () => {
    const first = await ds.transaction((em) => nextTrackingNumber(em, 'TS', 2032));
    await expect(
      ds.transaction(async (em) => {
        await nextTrackingNumber(em, 'TS', 2032);
        throw new Error('intake failed');
      }),
    ).rejects.toThrow('intake failed');
    const third = await ds.transaction((em) => nextTrackingNumber(em, 'TS', 2032));
    expect([first, third]).toEqual([1, 3]);
  });

  it('an intake does not wait for another intake of the same year that has not committed yet', async () => {
    const year = Number(todayInShanghai(new Date()).slice(0, 4));
    const token = await t.token('13800000000');
    // Make sure this year's sequence exists, then hold an open transaction that took a number.
    await ds.transaction((em) => nextTrackingNumber(em, 'TS', year));
    const runner = ds.createQueryRunner();
    await runner.connect();
    await runner.startTransaction();
    try {
      const held = await t.app.get(ComplaintsRepository).nextTrackingSeq(runner.manager, 'TS', year);
      const res = await t
        .http()
        .post('/api/v1/complaints')
        .set('authorization', `Bearer ${token}`)
        .send(complaintBody())
        .timeout(10_000);
      expect(res.status).toBe(201);
      expect(res.body.trackingNo).toBe(formatTrackingNumber('TS', year, held + 1));
    } finally {
      await runner.rollbackTransaction();
      await runner.release();
    }
  });
});
