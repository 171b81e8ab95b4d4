import { ARBITRATION_DEADLINE_RULES } from '../../src/arbitration/arbitration.deadline-rules';
import { CalendarService } from '../../src/calendar/calendar.service';
import { earliestAnchorAfter } from '../../src/calendar/deadline-engine';
import { addDays, todayInShanghai } from '../../src/calendar/local-date';
import type { WorkingCalendar } from '../../src/calendar/working-calendar';
import { applyForArbitration, arbitrationSteps, bearer, fileComplaint, userIdOf } from '../support/case-flow';
import { startTestApp, type TestApp } from '../support/test-app';

interface CaseView {
  id: string;
  version: number;
  status: string;
  hearings: { id: string; postponedAt: string | null; startsAt: string }[];
  clocks: { rule: { id: string }; start: string; due: string | null; state: string }[];
}

/**
 * 调解仲裁法 第三十条: the application copy is served on the respondent within 5 days of acceptance and the respondent
 * answers within 10 days of receiving it (working days: 办案规则 第八十条). A hearing set before service, or inside the
 * answer period, would hear the employer before it could answer: refused (409) unless the defence is already in.
 * Deciding on the papers is not a hearing and is not held back.
 */
describe('no hearing before the respondent was served and its answer period ran', () => {
  let t: TestApp;
  let cal: WorkingCalendar;
  let arbitratorId: string;
  let n = 0;
  const today = todayInShanghai();
  const post = async (path: string, body: Record<string, unknown>) =>
    t
      .http()
      .post(`/api/v1/arbitration/cases${path}`)
      .set(await bearer(t, 'arbitrator'))
      .send(body);
  /** The first working day on or after `day`, at `hh` (Asia/Shanghai). */
  const on = (day: string, hh = '09:00') => `${cal.nextWorkingDayOnOrAfter(day).date}T${hh}:00+08:00`;
  /** The earliest day 5 working days' notice given today allows (第三十五条). */
  const noticeEarliest = () =>
    earliestAnchorAfter(ARBITRATION_DEADLINE_RULES.ARBITRATION_HEARING_NOTICE, today, cal).date;

  /** Accepted (v2) with a sole arbitrator (v3). */
  const withTribunal = async () => {
    const name = `浦东答辩期公司${++n}`;
    const c = await fileComplaint(t, {
      employerName: name,
      target: 'ARBITRATION',
      body: { employer: { name } },
    });
    const id = await applyForArbitration(t, 'mediator', c.id);
    return (await arbitrationSteps(t, id, 1, [
      ['accept', {}],
      ['tribunal', { arbitratorIds: [arbitratorId], partiesAgree: true, simplifiedExclusions: [] }],
    ])) as CaseView;
  };
  /** The tribunal formed and the application served today (v4): returns the defence clock's last day. */
  const served = async () => {
    const c = await withTribunal();
    const res = await post(`/${c.id}/papers`, { version: 3, step: 'SERVICE', on: today });
    expect(res.status).toBe(200);
    const clock = (res.body as CaseView).clocks.find((k) => k.rule.id === 'ARBITRATION_DEFENCE')!;
    expect(clock).toMatchObject({ start: today, state: 'RUNNING' });
    return { id: c.id, lastDay: clock.due! };
  };

  beforeAll(async () => {
    t = await startTestApp();
    cal = await t.app.get(CalendarService).calendar(t.dataSource.manager);
    arbitratorId = await userIdOf(t, 'arbitrator');
  });
  afterAll(async () => {
    await t.close();
  });

  it('before service is recorded: 409 HEARING_BEFORE_SERVICE, however far the date; deciding on the papers is not held back', async () => {
    const c = await withTribunal();
    const res = await post(`/${c.id}/hearings`, {
      version: 3,
      room: '第一仲裁庭',
      startsAt: on(addDays(today, 90)),
    });
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({
      code: 'HEARING_BEFORE_SERVICE',
      details: { citation: expect.stringContaining('第三十条'), remedies: ['RECORD_SERVICE'] },
    });
    const papers = await post(`/${c.id}/papers-decision`, { version: 3, basis: '双方书面同意不开庭' });
    expect(papers.status).toBe(200);
  });

  it('served today: a hearing on or before the last day of the answer period is 409; the next working day after it is booked', async () => {
    const { id, lastDay } = await served();
    // Ten working days from service (办案规则 第八十条): the clock's last day, later than the notice allows.
    expect(cal.countWorkingDays(today, lastDay).count).toBeGreaterThanOrEqual(10);
    expect(lastDay > noticeEarliest()).toBe(true);
    for (const day of [noticeEarliest(), lastDay]) {
      const inside = cal.isWorkingDay(day).working ? day : cal.nextWorkingDayOnOrAfter(day).date;
      if (inside > lastDay) continue;
      const res = await post(`/${id}/hearings`, {
        version: 4,
        room: '第一仲裁庭',
        startsAt: on(inside, '10:00'),
      });
      expect(res.status).toBe(409);
      expect(res.body).toMatchObject({
        code: 'HEARING_BEFORE_ANSWER_PERIOD',
        details: {
          hearingDate: inside,
          servedOn: today,
          answerPeriodLastDay: lastDay,
          earliestHearingDate: addDays(lastDay, 1),
          remedies: ['RECORD_DEFENCE'],
        },
      });
    }
    const after = cal.nextWorkingDayOnOrAfter(addDays(lastDay, 1)).date;
    const ok = await post(`/${id}/hearings`, {
      version: 4,
      room: '第一仲裁庭',
      startsAt: on(after, '10:00'),
    });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ status: 'HEARING_SCHEDULED', version: 5 });
  });

  it('the defence recorded: the period protects nothing, a hearing with 5 working days’ notice is booked', async () => {
    const { id } = await served();
    expect((await post(`/${id}/papers`, { version: 4, step: 'DEFENCE', on: today })).status).toBe(200);
    const day = cal.nextWorkingDayOnOrAfter(noticeEarliest()).date;
    // A blank room would reach the parties' SMS as "地点：   ": trimmed, it is refused on the field.
    const blank = await post(`/${id}/hearings`, { version: 5, room: '   ', startsAt: on(day, '14:00') });
    expect([blank.status, blank.body.details?.[0]?.field]).toEqual([400, 'room']);
    const ok = await post(`/${id}/hearings`, { version: 5, room: '第二仲裁庭', startsAt: on(day, '14:00') });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ status: 'HEARING_SCHEDULED', version: 6 });
  });

  it('a hearing moved (延期) into the answer period is refused too, and the old hearing stays as it was', async () => {
    const { id, lastDay } = await served();
    const after = cal.nextWorkingDayOnOrAfter(addDays(lastDay, 20)).date;
    const first = await post(`/${id}/hearings`, {
      version: 4,
      room: '第三仲裁庭',
      startsAt: on(after, '15:30'),
    });
    expect(first.status).toBe(200);
    const old = (first.body as CaseView).hearings[0];
    const inside = cal.nextWorkingDayOnOrAfter(noticeEarliest()).date;
    const moved = await post(`/${id}/hearings/${old.id}/postpone`, {
      version: 5,
      requestedOn: today,
      reason: '被申请人申请延期',
      startsAt: on(inside, '15:30'),
    });
    expect(moved.status).toBe(409);
    expect(moved.body).toMatchObject({
      code: 'HEARING_BEFORE_ANSWER_PERIOD',
      details: { answerPeriodLastDay: lastDay },
    });
    const view = await t
      .http()
      .get(`/api/v1/arbitration/cases/${id}`)
      .set(await bearer(t, 'arbitrator'));
    expect(view.body).toMatchObject({ version: 5 });
    expect((view.body as CaseView).hearings).toEqual([
      expect.objectContaining({ id: old.id, postponedAt: null }),
    ]);
  });

  /** The arbitrator's due list: the rules of this case's clocks in it. */
  const dueRules = async (id: string) =>
    (
      (
        await t
          .http()
          .get('/api/v1/deadlines/due')
          .query({ within: 30, unit: 'WORKDAY' })
          .set(await bearer(t, 'arbitrator'))
      ).body as { caseId: string; rule: { id: string } }[]
    )
      .filter((k) => k.caseId === id)
      .map((k) => k.rule.id);

  it('no defence in the 10 working days: the period is the employer’s, so it reads LAPSED, never the commission’s BREACHED, and is in no due list', async () => {
    const { id } = await served();
    // Before: the answer period runs, and is not the arbitrator's to meet (第三十条: the respondent's to answer).
    expect(await dueRules(id)).not.toContain('ARBITRATION_DEFENCE');
    await t.dataSource.query(
      `UPDATE clocks SET start_date = $2 WHERE case_id = $1 AND rule_id = 'ARBITRATION_DEFENCE'`,
      [id, addDays(today, -30)],
    );
    const view = await t
      .http()
      .get(`/api/v1/arbitration/cases/${id}`)
      .set(await bearer(t, 'arbitrator'));
    expect((view.body as CaseView).clocks.find((k) => k.rule.id === 'ARBITRATION_DEFENCE')).toMatchObject({
      state: 'LAPSED',
    });
    // 被申请人未提交答辩书的，不影响仲裁程序的进行 (第三十条): nothing overdue for the commission.
    expect(await dueRules(id)).not.toContain('ARBITRATION_DEFENCE');
  });

  it('the case closed inside the answer period (withdrawn): the period ends with it (ENDED), neither running on nor met', async () => {
    const { id } = await served();
    const closed = await post(`/${id}/close`, {
      version: 4,
      closureType: 'WITHDRAWN',
      withdrawal: { basis: 'APPLICANT_REQUEST', channel: 'WRITTEN' },
    });
    expect(closed.status).toBe(200);
    expect((closed.body as CaseView).clocks.find((k) => k.rule.id === 'ARBITRATION_DEFENCE')).toMatchObject({
      state: 'ENDED',
    });
  });
});
