import { addDays, addYears, todayInShanghai } from '../../src/calendar/local-date';
import {
  applyForArbitration,
  arbitrationSteps,
  bearer,
  fileComplaint,
  confirmEmployerOfCase,
  openInspection,
  openMediation,
  userIdOf,
} from '../support/case-flow';
import { startTestApp, type TestApp } from '../support/test-app';

interface CaseView {
  id: string;
  version: number;
  hearings: { id: string }[];
}

/**
 * The audit of a fresh install: ISO 8601 forms `new Date()` cannot read (week dates, ordinal dates, the basic format,
 * a decimal comma) got past IsISO8601 into the services, where a hearing failed with a 500 and a session with a
 * false "must be in the future". Every date-time field now takes only the RFC 3339 form (400 naming the field).
 */
describe('date inputs are bounded and readable', () => {
  let t: TestApp;
  let arbitratorId: string;
  let n = 0;
  const today = todayInShanghai();
  const UNREADABLE = [
    '2026-W52-2T02:00:00Z',
    '2026-356T02:00:00Z',
    '20261222T020000Z',
    '2026-12-22T02:00:00,5Z',
  ];
  const post = async (user: string, path: string, body: Record<string, unknown>) =>
    t
      .http()
      .post(`/api/v1${path}`)
      .set(await bearer(t, user))
      .send(body);

  /** A complaint of a new employer, accepted and routed to `target` (by `staff`, default the supervisor). */
  const routed = (target: 'MEDIATION' | 'ARBITRATION' | 'INSPECTION', staff?: string) => {
    const name = `浦东日期边界${target}公司${++n}`;
    return fileComplaint(t, { employerName: name, target, staff, body: { employer: { name } } });
  };
  /** Accepted, a sole arbitrator, served and answered today (v5): nothing but the date itself holds a hearing back. */
  const answeredCase = async (): Promise<CaseView> => {
    const id = await applyForArbitration(t, 'mediator', (await routed('ARBITRATION')).id);
    return (await arbitrationSteps(t, id, 1, [
      ['accept', {}],
      ['tribunal', { arbitratorIds: [arbitratorId], partiesAgree: true, simplifiedExclusions: [] }],
      ['papers', { step: 'SERVICE', on: today }],
      ['papers', { step: 'DEFENCE', on: today }],
    ])) as CaseView;
  };

  beforeAll(async () => {
    t = await startTestApp();
    arbitratorId = await userIdOf(t, 'arbitrator');
  });
  afterAll(async () => {
    await t.close();
  });

  describe('date-times new Date() cannot read are 400 on the field, not a 500', () => {
    it.each(UNREADABLE)('a hearing and its postponement at %s', async (startsAt) => {
      const c = await answeredCase();
      const res = await post('arbitrator', `/arbitration/cases/${c.id}/hearings`, {
        version: 5,
        room: 'x',
        startsAt,
      });
      expect([res.status, res.body.code]).toEqual([400, 'VALIDATION_FAILED']);
      expect(res.body.details).toEqual([
        expect.objectContaining({ field: 'startsAt', constraint: 'isDateTime' }),
      ]);
      const moved = await post(
        'arbitrator',
        `/arbitration/cases/${c.id}/hearings/${'0'.repeat(8)}-0000-7000-8000-${'0'.repeat(12)}/postpone`,
        {
          version: 5,
          requestedOn: today,
          reason: '被申请人申请延期',
          startsAt,
        },
      );
      expect([moved.status, moved.body.code]).toEqual([400, 'VALIDATION_FAILED']);
      expect(moved.body.details).toEqual([
        expect.objectContaining({ field: 'startsAt', constraint: 'isDateTime' }),
      ]);
    });

    it.each(UNREADABLE)('a mediation session at %s', async (startsAt) => {
      const c = await routed('MEDIATION', 'mediator');
      const m = await openMediation(t, 'mediator', c.id);
      const res = await post('mediator', `/mediation/cases/${m.id}/sessions`, {
        version: m.version,
        startsAt,
        place: '陆家嘴街道调解室',
      });
      expect([res.status, res.body.code]).toEqual([400, 'VALIDATION_FAILED']);
      expect(res.body.details).toEqual([
        expect.objectContaining({ field: 'startsAt', constraint: 'isDateTime' }),
      ]);
    });
  });

  it('a mediation agreement whose last instalment falls more than a year after signing is 400 on that instalment (调解仲裁法 第二十七条)', async () => {
    const c = await routed('MEDIATION', 'mediator');
    const m = await openMediation(t, 'mediator', c.id);
    const close = (dueOn: string) =>
      post('mediator', `/mediation/cases/${m.id}/close`, {
        version: m.version,
        outcome: 'AGREEMENT',
        agreement: {
          claims: [{ description: '支付拖欠工资', amountFen: 1_600_000 }],
          instalments: [
            { dueOn: today, amountFen: 800_000 },
            { dueOn, amountFen: 800_000 },
          ],
        },
      });
    const lastDay = addYears(today, 1);
    for (const late of ['2099-12-20', addDays(lastDay, 1)]) {
      const res = await close(late);
      expect([res.status, res.body.code]).toEqual([400, 'VALIDATION_FAILED']);
      expect(res.body.details).toEqual([
        expect.objectContaining({
          field: 'agreement.instalments.1.dueOn',
          constraint: 'withinOneYear',
          message: `agreement.instalments.1.dueOn 不能晚于 ${lastDay}`,
        }),
      ]);
    }
    const ok = await close(lastDay);
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ status: 'AGREEMENT' });
  });

  it('a hearing after the decision deadline (45 days from acceptance, 调解仲裁法 第四十三条) is 409, a postponement there too; on its last day it is booked', async () => {
    const c = await answeredCase();
    const view = await t
      .http()
      .get(`/api/v1/arbitration/cases/${c.id}`)
      .set(await bearer(t, 'arbitrator'));
    const decision = (view.body as { clocks: { rule: { id: string }; due: string }[] }).clocks.find(
      (k) => k.rule.id === 'ARBITRATION_DECISION',
    )!;
    expect(decision.due >= addDays(today, 45)).toBe(true);
    for (const startsAt of [
      '2099-12-21T02:00:00Z',
      '9999-06-01T02:00:00Z',
      `${addDays(decision.due, 1)}T10:00:00+08:00`,
    ]) {
      const res = await post('arbitrator', `/arbitration/cases/${c.id}/hearings`, {
        version: 5,
        room: '第五仲裁庭',
        startsAt,
      });
      expect([startsAt, res.status, res.body.code]).toEqual([
        startsAt,
        409,
        'HEARING_AFTER_DECISION_DEADLINE',
      ]);
      expect(res.body.details).toMatchObject({
        field: 'startsAt',
        decisionDue: decision.due,
        extendedBy: 0,
        extensionDaysLeft: 15,
        citation: expect.stringContaining('第四十三条'),
      });
    }
    const ok = await post('arbitrator', `/arbitration/cases/${c.id}/hearings`, {
      version: 5,
      room: '第五仲裁庭',
      startsAt: `${decision.due}T10:00:00+08:00`,
    });
    expect(ok.status).toBe(200);
    const hearing = (ok.body as CaseView).hearings[0];
    const moved = await post('arbitrator', `/arbitration/cases/${c.id}/hearings/${hearing.id}/postpone`, {
      version: 6,
      requestedOn: today,
      reason: '被申请人申请延期',
      startsAt: '2099-12-21T02:00:00Z',
    });
    expect([moved.status, moved.body.code]).toEqual([409, 'HEARING_AFTER_DECISION_DEADLINE']);
  });

  it('intake: a complaint refused as over two years old (OVER_LOOKBACK) cannot name a violation that ends in the future (监察条例 第二十条)', async () => {
    const name = `浦东投诉日期公司${++n}`;
    const c = await fileComplaint(t, { employerName: name, body: { employer: { name } } });
    const reject = (violationEndedOn: string) =>
      post('inspector', `/complaints/${c.id}/reject`, {
        reason: 'OVER_LOOKBACK',
        legalBasis: '劳动保障监察条例 第二十条',
        violationEndedOn,
      });
    for (const violationEndedOn of [addDays(today, 1), addYears(today, 3)]) {
      const res = await reject(violationEndedOn);
      expect([violationEndedOn, res.status, res.body.code]).toEqual([
        violationEndedOn,
        400,
        'VALIDATION_FAILED',
      ]);
      expect(res.body.details).toEqual([
        expect.objectContaining({ field: 'violationEndedOn', constraint: 'notInFuture' }),
      ]);
    }
    // Today is a possible end (then within the two years: 409, the look-back's own answer).
    const within = await reject(today);
    expect([within.status, within.body.code]).toEqual([409, 'WITHIN_LOOKBACK']);
    expect((await reject(addYears(today, -3))).status).toBe(200);
  });

  it('inspection: an acceptance dated after today does not let through a violation end after today (监察条例 第二十条)', async () => {
    const name = `浦东监察回溯公司${++n}`;
    const c = await fileComplaint(t, {
      employerName: name,
      target: 'INSPECTION',
      body: { employer: { name } },
    });
    const id = await openInspection(t, 'inspector', c.id);
    // Dated in the future: the 400 names the end (as well as the day), the end is never counted.
    const ahead = await post('inspector', `/inspection/cases/${id}/decision`, {
      version: 1,
      violationEndedOn: addDays(today, 2),
      on: addDays(today, 3),
    });
    expect([ahead.status, ahead.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    expect(ahead.body.details).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'violationEndedOn', constraint: 'notInFuture' }),
      ]),
    );
  });

  it('inspection: a violation cannot end in the future (监察条例 第二十条), nor an inquiry fall after the investigation is due (第十七条)', async () => {
    const c = await routed('INSPECTION');
    const id = await openInspection(t, 'inspector', c.id);
    await confirmEmployerOfCase(t, id);
    for (const violationEndedOn of [addDays(today, 1), '2027-05-01']) {
      const res = await post('inspector', `/inspection/cases/${id}/decision`, {
        version: 1,
        violationEndedOn,
      });
      expect([violationEndedOn, res.status, res.body.code]).toEqual([
        violationEndedOn,
        400,
        'VALIDATION_FAILED',
      ]);
      expect(res.body.details).toEqual([
        expect.objectContaining({ field: 'violationEndedOn', constraint: 'notInFuture' }),
      ]);
    }
    const accepted = await post('inspector', `/inspection/cases/${id}/decision`, {
      version: 1,
      violationEndedOn: today,
    });
    expect(accepted.status).toBe(200);
    const due = (accepted.body as { investigationDueOn: string }).investigationDueOn;
    expect(due > today).toBe(true);
    const inquiry = (appearOn: string) =>
      post('inspector', `/inspection/cases/${id}/inquiry-notice`, {
        version: 2,
        appearOn,
        place: '浦东新区劳动保障监察大队',
        materials: ['工资支付记录'],
      });
    for (const late of ['2099-12-10', addDays(due, 1)]) {
      const res = await inquiry(late);
      expect([late, res.status, res.body.code]).toEqual([late, 400, 'VALIDATION_FAILED']);
      expect(res.body.details).toEqual([
        expect.objectContaining({
          field: 'appearOn',
          constraint: 'byInvestigationDue',
          investigationDueOn: due,
        }),
      ]);
    }
    expect((await inquiry(due)).status).toBe(200);
  });
  it('arbitration: the limitation facts (调解仲裁法 第二十七条) are no later than the application, an interruption not before knewOn, a suspension not ending before it began: 400 on the dotted field, never 500', async () => {
    const apply = async (limitation: Record<string, unknown>) =>
      post('mediator', '/arbitration/cases', {
        complaintId: (await routed('ARBITRATION')).id,
        claims: [{ type: 'LABOR_REMUNERATION', description: '支付拖欠工资', amountFen: 500_000 }],
        limitation,
      });
    const tomorrow = addDays(today, 1);
    const lastMonth = addDays(today, -30);
    const cases: [Record<string, unknown>, string[]][] = [
      [
        { knewOn: '2030-01-01', wageArrears: false, interruptedOn: ['2029-01-01'] },
        ['limitation.interruptedOn.0', 'limitation.knewOn'],
      ],
      [{ knewOn: tomorrow }, ['limitation.knewOn']],
      [{ knewOn: lastMonth, interruptedOn: [today, tomorrow] }, ['limitation.interruptedOn.1']],
      [{ knewOn: lastMonth, interruptedOn: [addDays(lastMonth, -1)] }, ['limitation.interruptedOn.0']],
      [
        { knewOn: lastMonth, wageArrears: true, employmentEndedOn: tomorrow },
        ['limitation.employmentEndedOn'],
      ],
      [
        {
          knewOn: lastMonth,
          suspended: [{ from: addDays(lastMonth, 10), to: addDays(lastMonth, 5), reason: '住院治疗' }],
        },
        ['limitation.suspended.0.to'],
      ],
      [
        { knewOn: lastMonth, suspended: [{ from: tomorrow, to: addDays(tomorrow, 3), reason: '住院治疗' }] },
        ['limitation.suspended.0.from', 'limitation.suspended.0.to'],
      ],
    ];
    for (const [limitation, fields] of cases) {
      const res = await apply(limitation);
      expect([limitation, res.status, res.body.code]).toEqual([limitation, 400, 'VALIDATION_FAILED']);
      expect((res.body.details as { field: string }[]).map((d) => d.field).sort()).toEqual(fields);
    }
    // The same facts, possible: accepted (knewOn today, an interruption on it, a suspension that ended today).
    const fine = await apply({
      knewOn: lastMonth,
      interruptedOn: [lastMonth, today],
      suspended: [{ from: addDays(lastMonth, 2), to: today, reason: '住院治疗' }],
      wageArrears: true,
      employmentEndedOn: today,
    });
    expect([fine.status, fine.body.limitation?.withinLimit]).toEqual([201, true]);
  });
});
