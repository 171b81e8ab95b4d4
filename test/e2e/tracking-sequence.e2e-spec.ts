import { DataSource } from 'typeorm';
import { todayInShanghai } from '../../src/calendar/local-date';
import { nextTrackingNumber, TRACKING_BLOCK, TrackingBlocks } from '../../src/complaints/tracking-sequence';
import { formatTrackingNumber } from '../../src/common/tracking-number';
import { statementsDuring } from '../support/statements';
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
      const held = await nextTrackingNumber(runner.manager, 'TS', year);
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

  it('a process draws its numbers 32 at a time: one statement a block, none for the rest of it', async () => {
    const blocks = new TrackingBlocks();
    const other = new TrackingBlocks(); // another API process
    const draw = (b: TrackingBlocks, year: number) => ds.transaction((em) => b.next(em, 'TS', year));
    const during = await statementsDuring(async () => {
      const mine: number[] = [];
      for (let i = 0; i < TRACKING_BLOCK + 1; i++) mine.push(await draw(blocks, 2033));
      return mine;
    });
    // The first draw created the year's sequence and took one number only (yearly-sequence.ts); the second took
    // a block of 32, which served the next 31 too.
    expect(during.result).toEqual(Array.from({ length: TRACKING_BLOCK + 1 }, (_, i) => i + 1));
    expect(during.statements.filter((s) => s.sql.includes('nextval')).length).toBe(3);
    expect(await draw(other, 2033)).toBe(TRACKING_BLOCK + 2);
    // A new year's first draw: the old year's leftovers are not handed out any more.
    expect(await draw(blocks, 2034)).toBe(1);
    expect(await draw(blocks, 2033)).toBe(2 * TRACKING_BLOCK + 2);
  });

  it("the year's first draw keeps no number: its sequence goes if its transaction rolls back", async () => {
    const blocks = new TrackingBlocks();
    await expect(
      ds.transaction(async (em) => {
        expect(await blocks.next(em, 'TS', 2035)).toBe(1);
        throw new Error('intake failed');
      }),
    ).rejects.toThrow('intake failed');
    const [{ exists }] = await ds.query(`SELECT to_regclass('tracking_seq_ts_2035') IS NOT NULL AS exists`);
    expect(exists).toBe(false);
    // Drawn again from the sequence created anew: the numbers handed out afterwards are all distinct.
    const next = [];
    for (let i = 0; i < 3; i++) next.push(await ds.transaction((em) => blocks.next(em, 'TS', 2035)));
    expect(next).toEqual([1, 2, 3]);
  });

  it('concurrent draws of one process: one block drawn at a time, every number once', async () => {
    const blocks = new TrackingBlocks();
    await ds.transaction((em) => blocks.next(em, 'TS', 2036)); // creates the sequence
    const during = await statementsDuring(() =>
      Promise.all(Array.from({ length: 70 }, () => ds.transaction((em) => blocks.next(em, 'TS', 2036)))),
    );
    expect([...during.result].sort((a, b) => a - b)).toEqual(Array.from({ length: 70 }, (_, i) => i + 2));
    // 70 numbers, three blocks of 32: had each transaction that found none left drawn a block, there would be more.
    expect(during.statements.filter((s) => s.sql.includes('nextval')).length).toBe(3);
  });

  it('concurrent intakes through one process never share a number', async () => {
    const token = await t.token('13800000000');
    const post = () =>
      t.http().post('/api/v1/complaints').set('authorization', `Bearer ${token}`).send(complaintBody());
    const results = await Promise.all(Array.from({ length: 40 }, post));
    expect(results.map((r) => r.status)).toEqual(Array(40).fill(201));
    const numbers = results.map((r) => r.body.trackingNo as string);
    expect(new Set(numbers).size).toBe(40);
  });
});
