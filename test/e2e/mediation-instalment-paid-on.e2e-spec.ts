import { addDays, todayInShanghai } from '../../src/calendar/local-date';
import { MediationSweepService } from '../../src/mediation/mediation-sweep.service';
import { arbitrationSteps, bearer, fileComplaint, openMediation, staffInbox } from '../support/case-flow';
import { eventually, startTestApp, type TestApp } from '../support/test-app';

interface CaseView {
  id: string;
  version: number;
  agreement: {
    status: string;
    signedOn: string;
    instalments: { id: string; seq: number; dueOn: string; status: string; paidOn: string | null }[];
  } | null;
}

/**
 * Audit (fix-notify 4): the mediator records the day an instalment was actually paid (Asia/Shanghai calendar date, not
 * in the future, not before the agreement), not the day it is entered. A payment made on its due day and entered the
 * next day, after the nightly sweep marked it overdue and the agreement DEFAULTED, proves the agreement performed in
 * time: the default is reversed, on the timeline.
 */
describe('an instalment paid on the day it was paid', () => {
  let t: TestApp;
  let n = 0;
  const today = todayInShanghai();

  /** A mediation closed today by an agreement of two instalments (default: today and in 30 days). */
  const agreed = async (
    instalments = [
      { dueOn: today, amountFen: 400_000 },
      { dueOn: addDays(today, 30), amountFen: 600_000 },
    ],
  ): Promise<CaseView & { complaintId: string; trackingNo: string }> => {
    const c = await fileComplaint(t, {
      employerName: `浦东付款日期测试公司${++n}`,
      target: 'MEDIATION',
      staff: 'mediator',
    });
    const m = await openMediation(t, 'mediator', c.id);
    const closed = await t
      .http()
      .post(`/api/v1/mediation/cases/${m.id}/close`)
      .set(await bearer(t, 'mediator'))
      .send({
        version: m.version,
        outcome: 'AGREEMENT',
        agreement: {
          claims: [
            { description: '拖欠工资', amountFen: instalments.reduce((sum, i) => sum + i.amountFen, 0) },
          ],
          instalments,
        },
      });
    expect(closed.status).toBe(200);
    return { ...(closed.body as CaseView), complaintId: c.id, trackingNo: c.trackingNo };
  };
  const pay = async (m: CaseView, body: Record<string, unknown>, seq = 1) =>
    t
      .http()
      .post(`/api/v1/mediation/cases/${m.id}/instalments/${m.agreement!.instalments[seq - 1].id}/paid`)
      .set(await bearer(t, 'mediator'))
      .send(body);
  const events = (complaintId: string, action: string) =>
    t.dataSource.query<{ data: Record<string, unknown> }[]>(
      `SELECT data FROM case_events WHERE case_type = 'COMPLAINT' AND case_id = $1 AND action = $2`,
      [complaintId, action],
    );

  /** The SMS of `template` sent about the case `trackingNo`, once there is one. */
  const smsOf = (template: string, trackingNo: string) =>
    eventually(() => {
      const found = t.sms.sent.filter((s) => s.template === template && s.params.trackingNo === trackingNo);
      return found.length ? found : undefined;
    });

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('refuses a date in the future, before the agreement or not a date, on the field; nothing is recorded', async () => {
    const m = await agreed();
    for (const paidOn of [addDays(today, 1), addDays(m.agreement!.signedOn, -1), '2026-02-30', 'yesterday']) {
      const res = await pay(m, { version: m.version, paidOn });
      expect([paidOn, res.status, res.body.code]).toEqual([paidOn, 400, 'VALIDATION_FAILED']);
      expect(res.body.details).toEqual([expect.objectContaining({ field: 'paidOn' })]);
    }
    const same = await t
      .http()
      .get(`/api/v1/mediation/cases/${m.id}`)
      .set(await bearer(t, 'mediator'));
    expect(same.body.version).toBe(m.version);
    expect(same.body.agreement.instalments[0]).toMatchObject({ status: 'DUE', paidOn: null });
  });

  it('records the date given; without one, today', async () => {
    const m = await agreed();
    const first = await pay(m, { version: m.version, paidOn: today });
    expect(first.status).toBe(200);
    expect(first.body.agreement.instalments[0]).toMatchObject({ status: 'PAID', paidOn: today });
    const second = await pay(first.body as CaseView, { version: first.body.version }, 2);
    expect(second.status).toBe(200);
    expect(second.body.agreement).toMatchObject({
      status: 'PERFORMED',
      instalments: [{ paidOn: today }, { status: 'PAID', paidOn: today }],
    });
    // Audit E2: the worker is told each payment recorded — which instalment, how much, what is still owed — and,
    // with the last, that the agreement is performed (one message for the last payment, not two).
    const [paid] = await smsOf('MEDIATION_INSTALMENT_PAID', m.trackingNo);
    expect(paid.text).toBe(
      `您的案件（编号${m.trackingNo}）调解协议第1期款项4000.00元已于${today}支付并登记，协议尚余6000.00元未付。`,
    );
    const [performed] = await smsOf('MEDIATION_AGREEMENT_PERFORMED', m.trackingNo);
    expect(performed.text).toBe(
      `您的案件（编号${m.trackingNo}）调解协议第2期款项6000.00元已于${today}支付并登记，协议约定的10000.00元已全部付清，调解协议履行完毕。`,
    );
    expect(t.sms.sent.filter((s) => s.params.trackingNo === m.trackingNo).map((s) => s.template)).toEqual(
      expect.not.arrayContaining(['MEDIATION_DEFAULT_REVERSED']),
    );
  });

  // The sweep runs over every agreement of this file's database: last.
  it('paid on its due day, entered after the sweep defaulted the agreement: the default is reversed, on the timeline', async () => {
    const m = await agreed();
    await t.app.get(MediationSweepService).sweep(addDays(today, 1));
    const defaulted = await t
      .http()
      .get(`/api/v1/mediation/cases/${m.id}`)
      .set(await bearer(t, 'mediator'));
    expect(defaulted.body.agreement).toMatchObject({
      status: 'DEFAULTED',
      instalments: [{ status: 'OVERDUE' }, { status: 'DUE' }],
    });
    const res = await pay(defaulted.body as CaseView, { version: defaulted.body.version, paidOn: today });
    expect(res.status).toBe(200);
    expect(res.body.agreement).toMatchObject({
      status: 'PERFORMING',
      instalments: [{ status: 'PAID', paidOn: today }, { status: 'DUE' }],
    });
    expect(await events(m.complaintId, 'MEDIATION_AGREEMENT_DEFAULT_REVERSED')).toEqual([
      { data: expect.objectContaining({ mediationCaseId: m.id, seq: 1, dueOn: today, paidOn: today }) },
    ]);
    // The worker, told it was overdue, is told it was not.
    const [sms] = await eventually(() => {
      const found = t.sms.sent.filter(
        (s) => s.template === 'MEDIATION_DEFAULT_REVERSED' && s.params.trackingNo === m.trackingNo,
      );
      return found.length ? found : undefined;
    });
    expect(sms.text).toBe(
      `您的案件（编号${m.trackingNo}）调解协议第1期款项经核实已于${today}按期支付，此前的逾期通知不再适用。`,
    );
  });

  /**
   * Audit E1: an agreement defaulted, escalated, the application accepted — then the employer pays the rest late. The
   * application is the worker's to withdraw (调解仲裁法 第四十一条) and the tribunal's to weigh: the case is not changed,
   * but its holders get an inbox item, its view a warning naming the payment, its timeline an event, and the worker a
   * message and a case file saying she may withdraw if fully paid.
   */
  it('a late payment on an agreement escalated to arbitration is told to the commission, the case and the worker', async () => {
    const closed = await agreed([
      { dueOn: today, amountFen: 1_000_000 },
      { dueOn: today, amountFen: 1_380_000 },
    ]);
    const c = { id: closed.complaintId, trackingNo: closed.trackingNo };
    const opened = { id: closed.id };
    const first = await pay(closed, { version: closed.version });
    expect(first.status).toBe(200);
    // The second instalment was due yesterday: today's sweep finds it overdue and the agreement defaulted.
    await t.dataSource.query(`UPDATE mediation_instalments SET due_on = $2 WHERE id = $1`, [
      closed.agreement!.instalments[1].id,
      addDays(today, -1),
    ]);
    await t.app.get(MediationSweepService).sweep(today);
    const escalated = await t
      .http()
      .post(`/api/v1/mediation/${opened.id}/escalate`)
      .set(await bearer(t, '13800000000'));
    expect(escalated.status).toBe(201);
    expect(escalated.body.claims).toEqual([expect.objectContaining({ amountFen: 1_380_000 })]);
    const arbId = escalated.body.arbitrationCaseId as string;
    const arbCase = async () =>
      (
        await t
          .http()
          .get(`/api/v1/arbitration/cases/${arbId}`)
          .set(await bearer(t, 'arbitrator'))
      ).body as {
        status: string;
        version: number;
        warnings: string[];
        sourceAgreementPayments: unknown[];
        claims: unknown[];
      };
    await arbitrationSteps(t, arbId, (await arbCase()).version, [['accept', {}]]);
    const accepted = await arbCase();
    expect([accepted.status, accepted.warnings]).toEqual(['ACCEPTED', []]);

    const defaulted = await t
      .http()
      .get(`/api/v1/mediation/cases/${opened.id}`)
      .set(await bearer(t, 'mediator'));
    expect(defaulted.body.agreement.status).toBe('DEFAULTED');
    const late = await pay(defaulted.body as CaseView, { version: defaulted.body.version }, 2);
    expect(late.status).toBe(200);
    expect(late.body.agreement.status).toBe('PERFORMED');

    // The case: unchanged (status, claims), with a warning naming the payment.
    const after = await arbCase();
    expect(after).toMatchObject({ status: 'ACCEPTED', version: accepted.version, claims: accepted.claims });
    expect(after.warnings).toEqual(['SOURCE_AGREEMENT_PAID']);
    expect(after.sourceAgreementPayments).toEqual([
      {
        mediationCaseId: opened.id,
        seq: 2,
        amountFen: 1_380_000,
        paidOn: today,
        agreementStatus: 'PERFORMED',
        recordedAt: expect.any(String),
      },
    ]);
    // Its timeline (the complaint's) has the event.
    expect(await events(c.id, 'ARBITRATION_SOURCE_AGREEMENT_PAID')).toEqual([
      {
        data: expect.objectContaining({
          arbitrationCaseId: arbId,
          mediationCaseId: opened.id,
          seq: 2,
          amountFen: 1_380_000,
          paidOn: today,
          agreementStatus: 'PERFORMED',
        }),
      },
    ]);
    // The commission's arbitrators (no tribunal yet) have it in their inbox.
    const items = (await staffInbox(t, 'arbitrator')).filter(
      (i) =>
        i.subjectRef === `arbitration-case:${arbId}` && i.template === 'ARBITRATION_SOURCE_AGREEMENT_PAID',
    );
    expect(items.map((i) => i.text)).toEqual([
      `仲裁申请所涉调解协议第2期款项13800.00元已于${today}支付（调解协议已全部履行），请仲裁庭审理时予以考虑；申请人可以撤回仲裁申请`,
    ]);
    // The worker is told, and may withdraw if fully paid.
    const [sms] = await smsOf('ARBITRATION_SOURCE_AGREEMENT_PAID_WORKER', c.trackingNo);
    expect(sms.text).toContain(`调解协议第2期款项13800.00元已于${today}支付并登记`);
    expect(sms.text).toContain('可以向仲裁委员会申请撤回仲裁申请');
    const mine = await t
      .http()
      .get(`/api/v1/my/cases/${c.id}`)
      .set(await bearer(t, '13800000000'));
    expect(mine.body.currentStep).toMatchObject({ proceeding: 'ARBITRATION', status: 'ACCEPTED' });
    expect(mine.body.nextStep.text).toBe(
      `仲裁已受理，仲裁委员会将组成仲裁庭并通知您开庭时间。用人单位已于${today}按调解协议支付13800.00元，仲裁委员会已获告知；如您的请求已全部得到支付，您可以向仲裁委员会申请撤回仲裁申请。`,
    );
  });
});
