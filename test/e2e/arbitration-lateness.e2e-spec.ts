import { ArbitrationLatenessService } from '../../src/arbitration/arbitration-lateness.service';
import { addDays, todayInShanghai } from '../../src/calendar/local-date';
import { complaintBody, eventually, startTestApp, type TestApp } from '../support/test-app';

/** 16.7: when the commission lets its acceptance or award period pass, the worker is told they may go to court. */
describe('arbitration: the commission is late', () => {
  let t: TestApp;
  const auth = async (user: string) => ({ authorization: `Bearer ${await t.token(user)}` });
  const today = todayInShanghai();
  const WORKER = '13800000000';

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  const post = async (user: string, path: string, body: object) => {
    const r = await t
      .http()
      .post(`/api/v1${path}`)
      .set(await auth(user))
      .send(body);
    expect([r.status, r.body]).toEqual([expect.any(Number), expect.anything()]);
    return r;
  };
  const lateSms = (trackingNo: string) =>
    t.sms.sent.filter(
      (m) => m.template === 'ARBITRATION_COMMISSION_LATE' && m.params.trackingNo === trackingNo,
    );

  it('tells the worker once per period, records it on the case and the timeline, and /my/cases says so', async () => {
    const filed = await post(
      WORKER,
      '/complaints',
      complaintBody({ employer: { name: '浦东逾期仲裁测试公司' } }),
    );
    const complaintId = filed.body.id as string;
    const trackingNo = filed.body.trackingNo as string;
    await post('mediator', `/complaints/${complaintId}/accept`, {});
    await post('mediator', `/complaints/${complaintId}/route`, { target: 'ARBITRATION' });
    const c = await post('mediator', '/arbitration/cases', {
      complaintId,
      claims: [{ type: 'LABOR_REMUNERATION', description: '拖欠工资', amountFen: 900_000 }],
    });
    expect(c.status).toBe(201);
    const lateness = t.app.get(ArbitrationLatenessService);

    // On time: nothing.
    expect(await lateness.sweep(addDays(today, 2))).toEqual({ told: 0 });
    // The 5 working days of acceptance have passed (20 calendar days later whatever the holidays).
    const acceptanceLate = addDays(today, 20);
    expect(await lateness.sweep(acceptanceLate)).toEqual({ told: 1 });
    expect(await lateness.sweep(addDays(today, 21))).toEqual({ told: 0 });
    await eventually(() => lateSms(trackingNo).length === 1 || undefined);
    expect(lateSms(trackingNo)[0].text).toContain('未在法定期限内作出是否受理的决定');
    expect(lateSms(trackingNo)[0].text).toContain('向人民法院提起诉讼');
    let view = await t
      .http()
      .get(`/api/v1/arbitration/cases/${c.body.id}`)
      .set(await auth('arbitrator'));
    expect(view.body.courtOption).toEqual({ since: acceptanceLate, reason: 'ACCEPTANCE_OVERDUE' });
    let mine = await t
      .http()
      .get(`/api/v1/my/cases/${complaintId}`)
      .set(await auth(WORKER));
    expect(mine.body.nextStep.text).toContain('您可以向人民法院提起诉讼，也可以继续等待仲裁');
    expect(mine.body.timeline).toContainEqual(
      expect.objectContaining({
        action: 'ARBITRATION_COMMISSION_LATE',
        label: '仲裁委员会逾期，可以向人民法院起诉',
        data: expect.objectContaining({
          reason: 'ACCEPTANCE_OVERDUE',
          basis: '劳动争议调解仲裁法 第二十九条',
        }),
      }),
    );

    // Accepted after all: the 45-day award period runs; past it (and past the 15-day extension) the worker is told again.
    const accepted = await post('arbitrator', `/arbitration/cases/${c.body.id}/accept`, {
      version: view.body.version,
    });
    expect(accepted.status).toBe(200);
    expect(await lateness.sweep(addDays(today, 40))).toEqual({ told: 0 });
    expect(await lateness.sweep(addDays(today, 70))).toEqual({ told: 1 });
    expect(await lateness.sweep(addDays(today, 71))).toEqual({ told: 0 });
    await eventually(() => lateSms(trackingNo).length === 2 || undefined);
    expect(lateSms(trackingNo)[1].text).toContain('未在法定期限内作出仲裁裁决');
    view = await t
      .http()
      .get(`/api/v1/arbitration/cases/${c.body.id}`)
      .set(await auth('arbitrator'));
    expect(view.body.courtOption).toEqual({ since: addDays(today, 70), reason: 'AWARD_OVERDUE' });
    mine = await t
      .http()
      .get(`/api/v1/my/cases/${complaintId}`)
      .set(await auth(WORKER));
    expect(mine.body.nextStep.text).toContain('未在法定期限内作出裁决');

    // The worker sued: the commission ends the case (终止审理).
    const closed = await post('arbitrator', `/arbitration/cases/${c.body.id}/close`, {
      version: view.body.version,
      closureType: 'TERMINATED',
      reason: '劳动者已向人民法院起诉',
    });
    expect([closed.status, closed.body.closureType]).toEqual([200, 'TERMINATED']);
    expect(await lateness.sweep(addDays(today, 90))).toEqual({ told: 0 });
  });
});
