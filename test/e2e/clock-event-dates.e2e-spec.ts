import { addDays, todayInShanghai } from '../../src/calendar/local-date';
import { applyForArbitration, bearer, fileComplaint, readyToDecide, userIdOf } from '../support/case-flow';
import { startTestApp, type TestApp } from '../support/test-app';

/** What these tests read of an arbitration case (GET /api/v1/arbitration/cases/:id). */
type CaseView = {
  version: number;
  claims: { id: string }[];
  clocks: { id: string; rule: { id: string }; due: string | null; state: string }[];
};

/**
 * When a clock event entered by staff may be dated (deadlines/clock-event-dating.ts): never after today (a typo such
 * as 2062 for 2026 would make every later automatic STOP "out of order" and stick the case), and not so far back that
 * it undoes a breach the worker may already sue on (调解仲裁法 第四十三条) — that is a supervisor's correction.
 * "Today" is the Asia/Shanghai date when the test starts; every date is far enough from it that a test running
 * across midnight reads the same.
 */
describe('clock events: the date staff may give them', () => {
  let t: TestApp;
  let arbitratorId: string;
  let n = 0;
  const today = todayInShanghai();
  const post = async (user: string, path: string, body: object) =>
    t
      .http()
      .post(`/api/v1${path}`)
      .set(await bearer(t, user))
      .send(body);
  const view = async (id: string) =>
    (
      await t
        .http()
        .get(`/api/v1/arbitration/cases/${id}`)
        .set(await bearer(t, 'arbitrator'))
    ).body as CaseView;
  const decisionClock = async (id: string) =>
    (await view(id)).clocks.find((k) => k.rule.id === 'ARBITRATION_DECISION')!;
  const stored = async (clockId: string) =>
    (
      await t.dataSource.query<{ n: number }[]>(
        'SELECT count(*)::int AS n FROM clock_events WHERE clock_id = $1',
        [clockId],
      )
    )[0].n;

  /** An accepted arbitration case: its 45-day award clock (ARBITRATION_DECISION) runs from `acceptedOn`. */
  const accepted = async (acceptedOn = today) => {
    n++;
    const complaint = await fileComplaint(t, {
      employerName: `浦东期限日期测试公司${n}`,
      target: 'ARBITRATION',
      staff: 'mediator',
    });
    const id = await applyForArbitration(t, 'mediator', complaint.id);
    expect((await post('arbitrator', `/arbitration/cases/${id}/accept`, { version: 1 })).status).toBe(200);
    // The clock's stored start stands for an acceptance on an earlier day (the one thing the API cannot backdate).
    await t.dataSource.query(
      `UPDATE clocks SET start_date = $2 WHERE case_id = $1 AND rule_id = 'ARBITRATION_DECISION'`,
      [id, acceptedOn],
    );
    return { id, complaintId: complaint.id };
  };

  beforeAll(async () => {
    t = await startTestApp();
    arbitratorId = await userIdOf(t, 'arbitrator');
  });
  afterAll(async () => {
    await t.close();
  });

  it('a PAUSE dated after today is 400 on `date` and stores nothing; the award is then made as usual', async () => {
    const { id } = await accepted();
    const before = await decisionClock(id);
    for (const date of [addDays(today, 2), `${Number(today.slice(0, 4)) + 36}${today.slice(4, 7)}-01`]) {
      const r = await post('arbitrator', `/deadlines/${before.id}/events`, {
        type: 'PAUSE',
        date,
        reason: '中止审理',
      });
      expect([r.status, r.body.code]).toEqual([400, 'VALIDATION_FAILED']);
      expect(r.body.details).toEqual([expect.objectContaining({ field: 'date', constraint: 'notInFuture' })]);
    }
    // Not for a supervisor either, and no other event type.
    const extend = await post('supervisor', `/deadlines/${before.id}/events`, {
      type: 'EXTEND',
      date: addDays(today, 2),
      amount: 5,
      reason: '案情复杂',
    });
    expect([extend.status, extend.body.details?.[0]?.constraint]).toEqual([400, 'notInFuture']);
    expect(await stored(before.id)).toBe(0);
    expect(await decisionClock(id)).toEqual(before);
    // The case goes on: the award stops the clock today.
    await readyToDecide(t, { caseId: id, arbitratorId, on: today, version: 2 });
    const c = await view(id);
    const award = await post('arbitrator', `/arbitration/cases/${id}/award`, {
      version: c.version,
      claims: [{ claimId: c.claims[0].id, awardedFen: 400_000 }],
    });
    expect([award.status, award.body.status]).toEqual([200, 'CLOSED']);
    expect(await decisionClock(id)).toMatchObject({ state: 'MET', events: [{ type: 'STOP', date: today }] });
  });

  it('a PAUSE backdated to before the due date of a breached award clock: 409 CLOCK_BREACHED for the arbitrator, a supervisor’s correction', async () => {
    // Accepted 80 days ago: 45 days, rolled forward at most a holiday's length, then 15 more would still be past.
    const { id } = await accepted(addDays(today, -80));
    const clock = await decisionClock(id);
    expect(clock.state).toBe('BREACHED');
    const pause = { type: 'PAUSE', date: addDays(clock.due!, -1), reason: '中止审理：等待鉴定结论' };
    const refused = await post('arbitrator', `/deadlines/${clock.id}/events`, pause);
    expect([refused.status, refused.body.code]).toEqual([409, 'CLOCK_BREACHED']);
    expect(refused.body.details).toMatchObject({ ruleId: 'ARBITRATION_DECISION', due: clock.due });
    // So does a restart dated inside the period (a fresh 45 days from it would still run today).
    const restart = await post('arbitrator', `/deadlines/${clock.id}/events`, {
      type: 'RESTART',
      date: addDays(clock.due!, -1),
      reason: '追加当事人',
    });
    expect([restart.status, restart.body.code]).toEqual([409, 'CLOCK_BREACHED']);
    expect(await stored(clock.id)).toBe(0);
    expect(await decisionClock(id)).toMatchObject({ state: 'BREACHED', due: clock.due });
    // A pause dated after the due date changes nothing of the breach: the arbitrator may record it.
    const late = await post('arbitrator', `/deadlines/${clock.id}/events`, {
      ...pause,
      date: addDays(today, -1),
    });
    expect([late.status, late.body.state]).toEqual([201, 'BREACHED']);
    const resumed = await post('arbitrator', `/deadlines/${clock.id}/events`, {
      type: 'RESUME',
      date: today,
    });
    expect([resumed.status, resumed.body.state]).toEqual([201, 'BREACHED']);

    // The supervisor corrects the record of another case: stored, on the complaint's timeline with its reason.
    const otherCase = await accepted(addDays(today, -80));
    const other = await decisionClock(otherCase.id);
    const correction = { ...pause, date: addDays(other.due!, -1) };
    const corrected = await post('supervisor', `/deadlines/${other.id}/events`, correction);
    expect([corrected.status, corrected.body.state]).toEqual([201, 'PAUSED']);
    expect(await stored(other.id)).toBe(1);
    const timeline = await t
      .http()
      .get(`/api/v1/complaints/${otherCase.complaintId}/events`)
      .set(await bearer(t, 'supervisor'));
    expect(
      (timeline.body as { action: string; data: object }[]).filter(
        (e) => e.action === 'ARBITRATION_CLOCK_EVENT',
      ),
    ).toEqual([
      expect.objectContaining({
        data: expect.objectContaining({
          clockEvent: 'PAUSE',
          date: correction.date,
          reason: correction.reason,
        }),
      }),
    ]);
  });

  it('a PAUSE dated yesterday on a running clock is recorded (a clerk enters yesterday’s suspension today)', async () => {
    const { id } = await accepted(addDays(today, -5));
    const clock = await decisionClock(id);
    expect(clock.state).toBe('RUNNING');
    const r = await post('arbitrator', `/deadlines/${clock.id}/events`, {
      type: 'PAUSE',
      date: addDays(today, -1),
      reason: '中止审理：公告送达',
    });
    expect([r.status, r.body.state]).toEqual([201, 'PAUSED']);
    const resumed = await post('arbitrator', `/deadlines/${clock.id}/events`, {
      type: 'RESUME',
      date: today,
    });
    expect(resumed.status).toBe(201);
    expect(resumed.body).toMatchObject({ state: 'RUNNING', pausedDays: 1 });
  });

  it('an event the clock refuses is 400 on the request’s own field (date, type), not the clock’s event list', async () => {
    const { id } = await accepted(addDays(today, -5));
    const clock = await decisionClock(id);
    const early = await post('arbitrator', `/deadlines/${clock.id}/events`, {
      type: 'PAUSE',
      date: addDays(today, -6),
      reason: '中止审理：公告送达',
    });
    expect([early.status, early.body.details?.map((d: { field: string }) => d.field)]).toEqual([
      400,
      ['date'],
    ]);
    const resume = await post('arbitrator', `/deadlines/${clock.id}/events`, { type: 'RESUME', date: today });
    expect([resume.status, resume.body.details?.map((d: { field: string }) => d.field)]).toEqual([
      400,
      ['type'],
    ]);
    expect(await stored(clock.id)).toBe(0);
  });

  it('a refused event’s message names the clock’s earlier event by its type and date, never its place in the clock’s event list', async () => {
    /** The 400's field and message in zh-CN and in English. */
    const refused = async (clockId: string, body: object) => {
      const zh = await post('arbitrator', `/deadlines/${clockId}/events`, body);
      const en = await t
        .http()
        .post(`/api/v1/deadlines/${clockId}/events`)
        .set(await bearer(t, 'arbitrator'))
        .set('Accept-Language', 'en')
        .send(body);
      expect([zh.status, en.status]).toEqual([400, 400]);
      const [z, e] = [zh.body.details, en.body.details] as { field: string; message: string }[][];
      return { fields: [z[0].field, e[0].field], messages: [z[0].message, e[0].message] };
    };
    const { id } = await accepted(addDays(today, -5));
    const clock = await decisionClock(id);
    const pausedOn = addDays(today, -2);
    const reason = '中止审理：公告送达';
    expect(
      (await post('arbitrator', `/deadlines/${clock.id}/events`, { type: 'PAUSE', date: pausedOn, reason }))
        .status,
    ).toBe(201);

    // A second PAUSE while paused: the 中止 it falls under is the one of `pausedOn`.
    const twice = await refused(clock.id, { type: 'PAUSE', date: today, reason });
    expect(twice.fields).toEqual(['type', 'type']);
    for (const m of twice.messages) expect(m).toContain(pausedOn);
    // A RESUME dated before that PAUSE: out of order with it.
    const early = await refused(clock.id, { type: 'RESUME', date: addDays(today, -3) });
    expect(early.fields).toEqual(['date', 'date']);
    for (const m of early.messages) expect(m).toContain(`PAUSE`);
    for (const m of early.messages) expect(m).toContain(pausedOn);

    // The acceptance clock stopped when the case was accepted (today): nothing follows its STOP.
    const acceptance = (await view(id)).clocks.find((k) => k.rule.id === 'ARBITRATION_ACCEPTANCE')!;
    const afterStop = await refused(acceptance.id, { type: 'RESUME', date: today });
    expect(afterStop.fields).toEqual(['type', 'type']);
    for (const m of afterStop.messages) expect(m).toContain(`STOP`);
    for (const m of afterStop.messages) expect(m).toContain(today);

    for (const m of [...twice.messages, ...early.messages, ...afterStop.messages])
      expect(m).not.toMatch(/events\[/);
  });
});
