import { addDays, todayInShanghai } from '../../src/calendar/local-date';
import { MediationSweepService } from '../../src/mediation/mediation-sweep.service';
import { confirmEmployerContact } from '../support/case-flow';
import { complaintBody, eventually, startTestApp, type TestApp } from '../support/test-app';

describe('reminders for an agreement’s instalments', () => {
  let t: TestApp;
  const today = todayInShanghai();
  const auth = async (user: string) => ({ authorization: `Bearer ${await t.token(user)}` });
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('reminds the employer’s contact and the worker before an instalment is due and when it is overdue, once each', async () => {
    const filed = await t
      .http()
      .post('/api/v1/complaints')
      .set(await auth('13800000000'))
      .send(complaintBody({ employer: { name: '提醒测试公司', contactPhone: '13712345678' } }));
    expect(filed.status).toBe(201);
    const id = filed.body.id as string;
    // The number the worker gave is texted once the mediator confirmed it as the employer's contact.
    await confirmEmployerContact(t, 'mediator', id, '13712345678');
    await t
      .http()
      .post(`/api/v1/complaints/${id}/accept`)
      .set(await auth('mediator'))
      .send({});
    await t
      .http()
      .post(`/api/v1/complaints/${id}/route`)
      .set(await auth('mediator'))
      .send({ target: 'MEDIATION' });
    const m = await t
      .http()
      .post('/api/v1/mediation/cases')
      .set(await auth('mediator'))
      .send({ complaintId: id });
    expect(m.status).toBe(201);
    const due = addDays(today, 10);
    const closed = await t
      .http()
      .post(`/api/v1/mediation/cases/${m.body.id}/close`)
      .set(await auth('mediator'))
      .send({
        version: m.body.version,
        outcome: 'AGREEMENT',
        agreement: {
          claims: [{ description: '拖欠工资', amountFen: 1_250_000 }],
          instalments: [{ dueOn: due, amountFen: 1_250_000 }],
        },
      });
    expect(closed.status).toBe(200);
    const service = t.app.get(MediationSweepService);
    const toEmployer = (template: string) =>
      t.sms.sent.filter((s) => s.phone === '13712345678' && s.template === template);

    expect(await service.sweep(addDays(due, -5))).toMatchObject({ reminders: 0 });
    expect(await service.sweep(addDays(due, -2))).toMatchObject({ reminders: 1 });
    await eventually(() => toEmployer('MEDIATION_INSTALMENT_DUE_SOON').length === 1);
    await service.sweep(addDays(due, -1)); // the same reminder is not sent twice
    expect(await service.sweep(addDays(due, 1))).toMatchObject({ overdueInstalments: 1 });
    await eventually(() => toEmployer('MEDIATION_INSTALMENT_OVERDUE_EMPLOYER').length === 1);
    await new Promise((r) => setTimeout(r, 300));
    expect(toEmployer('MEDIATION_INSTALMENT_DUE_SOON')).toEqual([
      {
        phone: '13712345678',
        template: 'MEDIATION_INSTALMENT_DUE_SOON',
        params: { seq: '1', dueOn: due },
        text: `贵单位调解协议第1期款项应于${due}支付，请按时履行。`,
        outId: expect.any(String),
      },
    ]);
    expect(toEmployer('MEDIATION_INSTALMENT_OVERDUE_EMPLOYER')).toHaveLength(1);
    // The worker is told too (14.6): before the due date with the amount, and when it is overdue; once each.
    const toWorker = (template: string) =>
      t.sms.sent.filter((s) => s.phone === '13800000000' && s.template === template);
    await eventually(() => toWorker('MEDIATION_INSTALMENT_OVERDUE').length === 1);
    expect(toWorker('MEDIATION_INSTALMENT_DUE_SOON_WORKER').map((s) => s.text)).toEqual([
      `您的案件（编号${filed.body.trackingNo}）调解协议第1期款项12500.00元应于${due}支付。逾期未付的，您可以依法申请仲裁。`,
    ]);
    expect(toWorker('MEDIATION_INSTALMENT_OVERDUE')).toMatchObject([
      { params: { trackingNo: filed.body.trackingNo, seq: '1', dueOn: due } },
    ]);
    // Both ways open to the worker: arbitration (调解仲裁法 第十五条) and, for pay, a payment order (第十六条).
    expect(toWorker('MEDIATION_INSTALMENT_OVERDUE')[0].text).toMatch(/申请仲裁.*申请支付令。$/);
    // A worker of no collective dispute applies on their own: never told that representatives apply (第七条).
    expect(
      t.sms.sent.filter((s) => s.phone === '13800000000' && s.template.endsWith('_GROUP_MEMBER')),
    ).toEqual([]);
  });

  it('an employer contact number must be a mainland mobile number', async () => {
    const res = await t
      .http()
      .post('/api/v1/complaints')
      .set(await auth('13800000000'))
      .send(complaintBody({ employer: { name: '某公司', contactPhone: '12345' } }));
    expect(res.status).toBe(400);
    expect(res.body.details.map((d: { field: string }) => d.field)).toContain('employer.contactPhone');
  });
});
