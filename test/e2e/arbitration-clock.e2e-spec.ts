import { randomUUID } from 'node:crypto';
import { DeadlinesService } from '../../src/deadlines/deadlines.service';
import { startTestApp, type TestApp } from '../support/test-app';

/**
 * The 45-day arbitration clock (调解仲裁法 第四十三条) through a pause and a restart, against dates worked out by hand
 * on the official 2025 schedule (国办发明电〔2024〕12号: 劳动节 5月1日至5日放假、4月27日（周日）上班；端午节 5月31日至
 * 6月2日放假).
 */
describe('arbitration decision clock: pause, restart and extension, by hand', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('computes every step from the stored events', async () => {
    const deadlines = t.app.get(DeadlinesService);
    const caseId = randomUUID();
    const supervisor = { userId: randomUUID() };
    const clockId = await t.dataSource.transaction((em) =>
      deadlines.start(em, {
        caseType: 'ARBITRATION',
        caseId,
        ruleId: 'ARBITRATION_DECISION',
        start: '2025-03-03',
        jurisdictionCode: '310115005',
      }),
    );
    const state = async (today: string) =>
      (await deadlines.forCase('ARBITRATION', caseId, today, t.dataSource.manager))[0];
    const add = (event: Parameters<DeadlinesService['addEvent']>[2]) =>
      t.dataSource.transaction((em) => deadlines.addEvent(em, clockId, event, supervisor));

    // Accepted 2025-03-03: 45 days → Thursday 2025-04-17.
    expect(await state('2025-03-05')).toMatchObject({
      due: '2025-04-17',
      state: 'RUNNING',
      daysRemaining: 43,
    });

    // 公告送达 from 03-10 to 03-20: ten days not counted → 2025-04-27, a Sunday that is a make-up working day.
    await add({ type: 'PAUSE', date: '2025-03-10', reason: '公告送达' });
    expect(await state('2025-03-15')).toMatchObject({ due: null, state: 'PAUSED' });
    await add({ type: 'RESUME', date: '2025-03-20' });
    expect(await state('2025-03-21')).toMatchObject({ due: '2025-04-27', state: 'RUNNING', pausedDays: 10 });

    // 追加当事人 on 04-01: the period runs anew (pauses cleared) → 2025-05-16, a Friday.
    await add({ type: 'RESTART', date: '2025-04-01', reason: '追加当事人' });
    expect(await state('2025-04-02')).toMatchObject({ due: '2025-05-16', state: 'RUNNING', pausedDays: 0 });

    // Extension of 15 days approved on 05-10 → 2025-05-31, in the 端午 holiday → Tuesday 2025-06-03.
    await add({
      type: 'EXTEND',
      date: '2025-05-10',
      amount: 15,
      approver: supervisor.userId,
      reason: '案情复杂',
    });
    expect(await state('2025-05-12')).toMatchObject({ due: '2025-06-03', state: 'RUNNING', extendedBy: 15 });

    // No more than 15 days in all (第四十三条): a further day is refused and not stored.
    await expect(
      add({ type: 'EXTEND', date: '2025-05-12', amount: 1, approver: supervisor.userId, reason: '再延' }),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    const [{ n }] = await t.dataSource.query<{ n: number }[]>(
      'SELECT count(*)::int AS n FROM clock_events WHERE clock_id = $1',
      [clockId],
    );
    expect(n).toBe(4);
    expect(await state('2025-06-04')).toMatchObject({ due: '2025-06-03', state: 'BREACHED' });
  });
});
