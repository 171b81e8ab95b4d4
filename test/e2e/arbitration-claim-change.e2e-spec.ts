import { ARBITRATION_DEADLINE_RULES } from '../../src/arbitration/arbitration.deadline-rules';
import { CalendarService } from '../../src/calendar/calendar.service';
import { earliestAnchorAfter } from '../../src/calendar/deadline-engine';
import { addDays, todayInShanghai } from '../../src/calendar/local-date';
import type { WorkingCalendar } from '../../src/calendar/working-calendar';
import {
  applyForArbitration,
  arbitrationSteps,
  bearer,
  fileComplaint,
  readyToDecide,
  userIdOf,
} from '../support/case-flow';
import { eventually, startTestApp, type TestApp } from '../support/test-app';

interface CaseView {
  id: string;
  version: number;
  status: string;
  acceptedOn: string;
  complaintId: string;
  warnings: string[];
  claims: { id: string; seq: number; type: string; description: string; amountFen: number }[];
  hearings: { id: string; startsAt: string }[];
  clocks: {
    id: string;
    rule: { id: string };
    start: string;
    due: string | null;
    state: string;
    events: { type: string; date: string }[];
  }[];
}

/**
 * 增加或者变更仲裁请求 (办案规则 2017 第四十四条, 第四十六条第（三）项): the tribunal accepts the applicant's changed
 * claims; the award period is counted again from that day, and the respondent has a new answer period (10 working
 * days from the notice of the change) unless it expressly waives it — no hearing on or before its last day.
 */
describe('changed or increased claims (增加、变更仲裁请求)', () => {
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
  const on = (day: string, hh = '09:00') => `${cal.nextWorkingDayOnOrAfter(day).date}T${hh}:00+08:00`;
  const noticeEarliest = () =>
    earliestAnchorAfter(ARBITRATION_DEADLINE_RULES.ARBITRATION_HEARING_NOTICE, today, cal).date;
  const clock = (v: CaseView, rule: string) => v.clocks.filter((k) => k.rule.id === rule);

  /** A complaint routed to arbitration and its application (v1). */
  const opened = async (contactPhone?: string) => {
    const name = `浦东变更请求公司${++n}`;
    const c = await fileComplaint(t, {
      employerName: name,
      target: 'ARBITRATION',
      body: { employer: contactPhone ? { name, contactPhone } : { name } },
    });
    return { id: await applyForArbitration(t, 'mediator', c.id), trackingNo: c.trackingNo };
  };
  /** Accepted today (v2), a sole arbitrator (v3), the application served and answered today (v5). */
  const answered = async (contactPhone?: string) => {
    const { id, trackingNo } = await opened(contactPhone);
    const view = (await arbitrationSteps(t, id, 1, [
      ['accept', {}],
      ['tribunal', { arbitratorIds: [arbitratorId], partiesAgree: true, simplifiedExclusions: [] }],
      ['papers', { step: 'SERVICE', on: today }],
      ['papers', { step: 'DEFENCE', on: today }],
    ])) as CaseView;
    return { ...view, trackingNo };
  };
  /** Accepted, decided on the papers by a sole arbitrator, served and answered today (v6). */
  const decidable = async () => {
    const { id } = await opened();
    await arbitrationSteps(t, id, 1, [['accept', {}]]);
    await readyToDecide(t, { caseId: id, arbitratorId, on: today, version: 2 });
    return (
      await t
        .http()
        .get(`/api/v1/arbitration/cases/${id}`)
        .set(await bearer(t, 'arbitrator'))
    ).body as CaseView;
  };
  const award = (v: CaseView) =>
    post(`/${v.id}/award`, {
      version: v.version,
      claims: v.claims.map((x) => ({ claimId: x.id, awardedFen: 100_000 })),
    });
  const book = (id: string, version: number, room: string, startsAt: string) =>
    post(`/${id}/hearings`, { version, room, startsAt });
  const change = (id: string, version: number, extra: Record<string, unknown> = {}) =>
    post(`/${id}/claim-changes`, {
      version,
      acceptedOn: today,
      description: '增加请求：支付加班费 12,000 元',
      ...extra,
    });

  beforeAll(async () => {
    t = await startTestApp();
    cal = await t.app.get(CalendarService).calendar(t.dataSource.manager);
    arbitratorId = await userIdOf(t, 'arbitrator');
  });
  afterAll(async () => {
    await t.close();
  });

  it('accepted: the award period restarts from the change (45 days, rolled to a working day), a new answer period runs, on the timeline', async () => {
    const c = await answered('13912349001');
    const res = await change(c.id, 5);
    expect(res.status).toBe(200);
    const v = res.body as CaseView;
    expect(v.version).toBe(6);
    const [decision] = clock(v, 'ARBITRATION_DECISION');
    expect(decision.events).toEqual([expect.objectContaining({ type: 'RESTART', date: today })]);
    expect(decision.due).toBe(cal.nextWorkingDayOnOrAfter(addDays(today, 45)).date);
    const running = clock(v, 'ARBITRATION_DEFENCE').filter((k) => k.state === 'RUNNING');
    expect(running).toEqual([
      expect.objectContaining({ start: today, due: cal.addWorkingDays(today, 10).date }),
    ]);
    const events = await t.dataSource.query<{ action: string; data: Record<string, unknown> }[]>(
      `SELECT action, data FROM case_events WHERE case_id = $1 AND action = 'ARBITRATION_ACCEPT_CLAIM_CHANGE'`,
      [c.complaintId],
    );
    expect(events).toEqual([
      expect.objectContaining({
        data: expect.objectContaining({
          arbitrationCaseId: c.id,
          acceptedOn: today,
          description: '增加请求：支付加班费 12,000 元',
          answerPeriod: 'NEW_PERIOD',
          decisionDue: decision.due,
        }),
      }),
    ]);
    // Both parties are told: the worker the new last day of the award period, the respondent its answer period.
    const workerSms = () =>
      t.sms.sent.find(
        (m) => m.template === 'ARBITRATION_CLAIMS_CHANGED' && m.params.trackingNo === c.trackingNo,
      );
    const employerSms = () =>
      t.sms.sent.find(
        (m) => m.template === 'ARBITRATION_CLAIMS_CHANGED_EMPLOYER' && m.phone === '13912349001',
      );
    await eventually(() => !!workerSms() && !!employerSms());
    expect(workerSms()!.text).toContain(`最迟应于${decision.due}（含当日）结案`);
    expect(employerSms()!.text).toContain(`最迟可于${running[0].due}（含当日）提交答辩书`);
  });

  it('a hearing inside the new answer period is refused; after the defence to the change it is booked', async () => {
    const c = await answered();
    const v = (await change(c.id, 5)).body as CaseView;
    const lastDay = clock(v, 'ARBITRATION_DEFENCE').find((k) => k.state === 'RUNNING')!.due!;
    const inside = cal.nextWorkingDayOnOrAfter(noticeEarliest()).date;
    expect(inside <= lastDay).toBe(true);
    const refused = await book(c.id, 6, '第一仲裁庭', on(inside, '10:00'));
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({
      code: 'HEARING_BEFORE_ANSWER_PERIOD',
      details: { servedOn: today, answerPeriodLastDay: lastDay, remedies: ['RECORD_DEFENCE'] },
    });
    expect((await post(`/${c.id}/papers`, { version: 6, step: 'DEFENCE', on: today })).status).toBe(200);
    expect((await book(c.id, 7, '第一仲裁庭', on(inside, '10:00'))).status).toBe(200);
  });

  it('the respondent expressly waived the answer period: no new period, a hearing with notice is booked', async () => {
    const c = await answered();
    const v = (await change(c.id, 5, { answerWaived: true })).body as CaseView;
    expect(clock(v, 'ARBITRATION_DEFENCE').filter((k) => k.state === 'RUNNING')).toEqual([]);
    const day = cal.nextWorkingDayOnOrAfter(noticeEarliest()).date;
    expect((await book(c.id, 6, '第二仲裁庭', on(day, '14:00'))).status).toBe(200);
  });

  it('a hearing booked before the change that now falls inside the answer period is kept and flagged', async () => {
    const c = await answered();
    // The day after the other tests' hearings (the same arbitrator sits on every case here).
    const day = cal.nextWorkingDayOnOrAfter(
      addDays(cal.nextWorkingDayOnOrAfter(noticeEarliest()).date, 1),
    ).date;
    const booked = await book(c.id, 5, '第三仲裁庭', on(day, '15:30'));
    expect(booked.status).toBe(200);
    expect((booked.body as CaseView).warnings).toEqual([]);
    const res = await change(c.id, 6);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      status: 'HEARING_SCHEDULED',
      warnings: ['HEARING_WITHIN_ANSWER_PERIOD'],
    });
    const [event] = await t.dataSource.query<{ data: { hearingsWithinAnswerPeriod: string[] } }[]>(
      `SELECT data FROM case_events WHERE case_id = $1 AND action = 'ARBITRATION_ACCEPT_CLAIM_CHANGE'`,
      [c.complaintId],
    );
    expect(event.data.hearingsWithinAnswerPeriod).toEqual([(booked.body as CaseView).hearings[0].id]);
  });

  it('after the award: 409 ILLEGAL_TRANSITION (the applicant applies anew)', async () => {
    const v = await decidable();
    expect((await award(v)).status).toBe(200);
    const res = await change(v.id, v.version + 1);
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ code: 'ILLEGAL_TRANSITION', details: { status: 'CLOSED' } });
  });

  it('an award waits for the answer to the change too (409 DEFENCE_PERIOD_RUNNING), not only for the first defence', async () => {
    const v = await decidable();
    const changed = (await change(v.id, v.version)).body as CaseView;
    expect(changed.version).toBe(v.version + 1);
    const refused = await award(changed);
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ code: 'DEFENCE_PERIOD_RUNNING' });
  });

  it('before the application is served, the change goes with it: no second answer period, the one service starts covers both', async () => {
    const { id } = await opened();
    await arbitrationSteps(t, id, 1, [
      ['accept', {}],
      ['tribunal', { arbitratorIds: [arbitratorId], partiesAgree: true, simplifiedExclusions: [] }],
    ]);
    const v = (await change(id, 3)).body as CaseView;
    expect(clock(v, 'ARBITRATION_DEFENCE')).toEqual([]);
    const served = await post(`/${id}/papers`, { version: 4, step: 'SERVICE', on: today });
    expect(clock(served.body as CaseView, 'ARBITRATION_DEFENCE')).toEqual([
      expect.objectContaining({ start: today, state: 'RUNNING' }),
    ]);
    const [event] = await t.dataSource.query<{ data: { answerPeriod: string } }[]>(
      `SELECT data FROM case_events WHERE action = 'ARBITRATION_ACCEPT_CLAIM_CHANGE' AND data->>'arbitrationCaseId' = $1`,
      [id],
    );
    expect(event.data.answerPeriod).toBe('WITH_APPLICATION');
  });

  it('while the proceeding is suspended (中止): 409 CLAIM_CHANGE_WHILE_SUSPENDED, nothing changed', async () => {
    const c = await answered();
    const [decision] = clock(c, 'ARBITRATION_DECISION');
    const paused = await t
      .http()
      .post(`/api/v1/deadlines/${decision.id}/events`)
      .set(await bearer(t, 'arbitrator'))
      .send({ type: 'PAUSE', date: today, reason: '等待工伤认定结论' });
    expect(paused.status).toBe(201);
    const res = await change(c.id, 5);
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({
      code: 'CLAIM_CHANGE_WHILE_SUSPENDED',
      details: { clockId: decision.id },
    });
    const after = (
      await t
        .http()
        .get(`/api/v1/arbitration/cases/${c.id}`)
        .set(await bearer(t, 'arbitrator'))
    ).body as CaseView;
    expect(after.version).toBe(5);
    expect(clock(after, 'ARBITRATION_DECISION')[0].events.map((e) => e.type)).toEqual(['PAUSE']);
  });

  it('the claims change with it: an increased claim is a new item the award decides, a changed one keeps its number with the new amount', async () => {
    const c = await decidable();
    const [first] = c.claims;
    const res = await change(c.id, c.version, {
      answerWaived: true,
      addedClaims: [{ type: 'LABOR_REMUNERATION', description: '支付加班费', amountFen: 1_200_000 }],
      changedClaims: [
        { claimId: first.id, amountFen: first.amountFen + 300_000, description: '支付拖欠工资（含十一月）' },
      ],
    });
    expect(res.status).toBe(200);
    const v = res.body as CaseView;
    expect(v.claims).toEqual([
      expect.objectContaining({
        id: first.id,
        seq: 1,
        amountFen: first.amountFen + 300_000,
        description: '支付拖欠工资（含十一月）',
      }),
      ...c.claims.slice(1).map((x) => expect.objectContaining({ id: x.id, amountFen: x.amountFen })),
      expect.objectContaining({ seq: c.claims.length + 1, type: 'LABOR_REMUNERATION', amountFen: 1_200_000 }),
    ]);
    const [event] = await t.dataSource.query<{ data: Record<string, unknown> }[]>(
      `SELECT data FROM case_events WHERE action = 'ARBITRATION_ACCEPT_CLAIM_CHANGE' AND data->>'arbitrationCaseId' = $1`,
      [c.id],
    );
    expect(event.data).toMatchObject({
      addedClaims: [{ seq: c.claims.length + 1, type: 'LABOR_REMUNERATION', amountFen: 1_200_000 }],
      changedClaims: [
        { claimId: first.id, seq: 1, amountFenBefore: first.amountFen, amountFen: first.amountFen + 300_000 },
      ],
    });
    // The award decides the added claim as every other: without it, 400 on claims; with it, 200.
    const without = await post(`/${c.id}/award`, {
      version: v.version,
      claims: c.claims.map((x) => ({ claimId: x.id, awardedFen: 0 })),
    });
    expect(without.status).toBe(400);
    expect(without.body).toMatchObject({ details: [expect.objectContaining({ field: 'claims' })] });
    expect((await award(v)).status).toBe(200);
  });

  it("claims that are not the case's, named twice or changed in nothing are refused, and nothing changes", async () => {
    const c = await answered();
    const other = await answered();
    const [first] = c.claims;
    const foreign = await change(c.id, 5, { changedClaims: [{ claimId: other.claims[0].id, amountFen: 1 }] });
    expect(foreign.status).toBe(400);
    expect(foreign.body).toMatchObject({
      details: [expect.objectContaining({ field: 'changedClaims.0.claimId' })],
    });
    const twice = await change(c.id, 5, {
      changedClaims: [
        { claimId: first.id, amountFen: 1 },
        { claimId: first.id, amountFen: 2 },
      ],
    });
    expect(twice.status).toBe(400);
    expect(twice.body).toMatchObject({
      details: [expect.objectContaining({ field: 'changedClaims.1.claimId' })],
    });
    const empty = await change(c.id, 5, { changedClaims: [{ claimId: first.id }] });
    expect(empty.status).toBe(400);
    expect(empty.body).toMatchObject({ details: [expect.objectContaining({ field: 'changedClaims.0' })] });
    const bad = await change(c.id, 5, {
      addedClaims: [{ type: 'NOPE', description: 'x', amountFen: -1 }],
      changedClaims: [{ claimId: 'abc', amountFen: 1.5 }],
    });
    expect(bad.status).toBe(400);
    const fields = (bad.body as { details: { field: string }[] }).details.map((d) => d.field).sort();
    expect(fields).toEqual([
      'addedClaims.0.amountFen',
      'addedClaims.0.description',
      'addedClaims.0.type',
      'changedClaims.0.amountFen',
      'changedClaims.0.claimId',
    ]);
    const after = (
      await t
        .http()
        .get(`/api/v1/arbitration/cases/${c.id}`)
        .set(await bearer(t, 'arbitrator'))
    ).body as CaseView;
    expect([after.version, after.claims]).toEqual([5, c.claims]);
  });

  it('bad input: 400 with the fields named; a date before the case’s acceptance or in the future is refused', async () => {
    const c = await answered();
    const bad = await post(`/${c.id}/claim-changes`, {
      version: 5,
      acceptedOn: '2026-13-01',
      description: 'x'.repeat(501),
      answerWaived: 'yes',
    });
    expect(bad.status).toBe(400);
    const fields = (bad.body as { details: { field: string }[] }).details.map((d) => d.field).sort();
    expect(fields).toEqual(['acceptedOn', 'answerWaived', 'description']);
    const early = await change(c.id, 5, { acceptedOn: addDays(today, -1) });
    expect(early.status).toBe(400);
    expect(early.body).toMatchObject({ details: [expect.objectContaining({ field: 'acceptedOn' })] });
    const future = await change(c.id, 5, { acceptedOn: addDays(today, 1) });
    expect(future.status).toBe(400);
    expect(future.body).toMatchObject({ details: [expect.objectContaining({ field: 'acceptedOn' })] });
    const servedEarly = await change(c.id, 5, { servedOn: addDays(today, -1) });
    expect(servedEarly.status).toBe(400);
    expect(servedEarly.body).toMatchObject({ details: [expect.objectContaining({ field: 'servedOn' })] });
  });
});
