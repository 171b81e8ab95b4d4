import { addDays, todayInShanghai } from '../../src/calendar/local-date';
import { MediationSweepService } from '../../src/mediation/mediation-sweep.service';
import { bearer, fileComplaint, openMediation } from '../support/case-flow';
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

  /** A mediation closed today by an agreement of two instalments: today and in 30 days. */
  const agreed = async (): Promise<CaseView & { complaintId: string; trackingNo: string }> => {
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
          claims: [{ description: '拖欠工资', amountFen: 1_000_000 }],
          instalments: [
            { dueOn: today, amountFen: 400_000 },
            { dueOn: addDays(today, 30), amountFen: 600_000 },
          ],
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
});
