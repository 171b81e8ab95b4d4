import { todayInShanghai, addDays } from '../../src/calendar/local-date';
import { ComplainantService } from '../../src/complaints/complainant.service';
import { DeadlinesService } from '../../src/deadlines/deadlines.service';
import { MediationSweepService } from '../../src/mediation/mediation-sweep.service';
import { confirmEmployerOfCase, inspectionTeam } from '../support/case-flow';
import { complaintBody, eventually, startTestApp, type TestApp } from '../support/test-app';

/** 14.6: every party-facing step tells the worker (SMS through the outbox, recorded for their account), once. */
describe('parties are told', () => {
  let t: TestApp;
  const today = todayInShanghai();
  const auth = async (user: string) => ({ authorization: `Bearer ${await t.token(user)}` });
  let workerId: string;
  let n = 0;

  const post = async (user: string, path: string, body: Record<string, unknown> = {}) =>
    t
      .http()
      .post(path)
      .set(await auth(user))
      .send(body);
  /** A complaint by the demo worker, accepted and routed to `target` by the street's staff. */
  const routed = async (target: string, staff: string) => {
    n++;
    const filed = await post(
      '13800000000',
      '/api/v1/complaints',
      complaintBody({ employer: { name: `浦东告知测试公司${n}` } }),
    );
    expect(filed.status).toBe(201);
    const id = filed.body.id as string;
    expect((await post(staff, `/api/v1/complaints/${id}/accept`)).status).toBe(200);
    expect((await post(staff, `/api/v1/complaints/${id}/route`, { target })).status).toBe(200);
    return { id, trackingNo: filed.body.trackingNo as string };
  };
  /** The one SMS of a template about a tracking number (or case number), once it arrived. */
  const sms = (template: string, key: { trackingNo?: string; caseNo?: string }) =>
    eventually(() => {
      const found = t.sms.sent.filter(
        (m) =>
          m.template === template &&
          (key.trackingNo === undefined || m.params.trackingNo === key.trackingNo) &&
          (key.caseNo === undefined || m.params.caseNo === key.caseNo),
      );
      return found.length ? found : null;
    });
  /**
   * The notification rows of a template about a complaint, once none is SENDING any more: the gateway (the
   * recording fake) has the message before the delivery's own transaction marks the row SENT.
   */
  const notificationRows = (complaintId: string, template: string) =>
    eventually(async () => {
      const rows = await t.dataSource.query<
        { dedup_key: string; status: string; recipient_user_id: string | null }[]
      >(
        `SELECT dedup_key, status, recipient_user_id FROM notifications WHERE subject_ref = $1 AND template = $2`,
        [`complaint:${complaintId}`, template],
      );
      return rows.length && rows.every((r) => r.status !== 'SENDING' && r.status !== 'PENDING') ? rows : null;
    });
  const settle = () => new Promise((r) => setTimeout(r, 300));

  beforeAll(async () => {
    t = await startTestApp();
    const me = await t
      .http()
      .get('/api/v1/auth/me')
      .set(await auth('13800000000'));
    workerId = me.body.userId as string;
  });
  afterAll(async () => {
    await t.close();
  });

  it.each([
    ['MEDIATION', 'mediator', 'MEDIATION_COMMITTEE', '调解'],
    ['INSPECTION', 'inspector', 'INSPECTION_BRIGADE', '劳动保障监察'],
    ['ARBITRATION', 'mediator', 'ARBITRATION_COMMISSION', '劳动争议仲裁'],
  ])(
    'routing to %s names the body by name; the message is the worker’s, once',
    async (target, staff, kind, label) => {
      const c = await routed(target, staff);
      const [{ name }] = await t.dataSource.query<{ name: string }[]>(
        `SELECT o.name FROM organisations o JOIN complaints c ON c.route_organisation_id = o.id
        WHERE c.id = $1 AND o.kind = $2`,
        [c.id, kind],
      );
      const [m] = await sms('COMPLAINT_ROUTED', { trackingNo: c.trackingNo });
      expect(m).toMatchObject({
        phone: '13800000000',
        text: `您的投诉（编号${c.trackingNo}）已转${name}通过${label}程序办理，后续进展将以短信告知。`,
      });
      const rows = await notificationRows(c.id, 'COMPLAINT_ROUTED');
      expect(rows).toEqual([
        {
          dedup_key: expect.stringMatching(/^complaint-routed:/),
          status: 'SENT',
          recipient_user_id: workerId,
        },
      ]);
      // A replay of the job (same dedup key) sends nothing more.
      await t.app.get(ComplainantService).notifyComplainant({
        complaintId: c.id,
        template: 'COMPLAINT_ROUTED',
        dedupKey: rows[0].dedup_key,
        params: { organisation: name, route: target },
      });
      await settle();
      expect(
        t.sms.sent.filter((x) => x.template === 'COMPLAINT_ROUTED' && x.params.trackingNo === c.trackingNo),
      ).toHaveLength(1);
    },
  );

  it('mediation failure notifies the worker of the one-tap escalation, which the worker then takes (once)', async () => {
    const c = await routed('MEDIATION', 'mediator');
    const m = await post('mediator', '/api/v1/mediation/cases', { complaintId: c.id });
    expect(m.status).toBe(201);
    // Still open: 409 with what the case allows now and when it may be escalated.
    const open = await post('13800000000', `/api/v1/mediation/${m.body.id}/escalate`);
    expect(open.status).toBe(409);
    expect(open.body).toMatchObject({
      code: 'NOT_ESCALATABLE',
      details: {
        status: 'OPEN',
        allowed: expect.arrayContaining(['FAIL', 'AGREE']),
        escalatesWhen: ['FAILED', 'EXPIRED', 'AGREEMENT_DEFAULTED'],
      },
    });
    const failed = await post('mediator', `/api/v1/mediation/cases/${m.body.id}/close`, {
      version: m.body.version,
      outcome: 'FAILED',
    });
    expect(failed.status).toBe(200);
    const [msg] = await sms('MEDIATION_FAILED', { trackingNo: c.trackingNo });
    expect(msg.text).toBe(
      `您的案件（编号${c.trackingNo}）调解未达成协议，调解结束。您可以依法申请劳动争议仲裁，可在“我的案件”中一键申请。申请仲裁的时效期间一般为一年，请尽早申请。`,
    );
    expect(await notificationRows(c.id, 'MEDIATION_FAILED')).toEqual([
      { dedup_key: `mediation-failed:${m.body.id}`, status: 'SENT', recipient_user_id: workerId },
    ]);
    const escalated = await post('13800000000', `/api/v1/mediation/${m.body.id}/escalate`);
    expect(escalated.status).toBe(201);
    expect(escalated.body).toMatchObject({ complaintId: c.id, reason: 'FAILED' });
    // Once: the second call names the application already open.
    const again = await post('13800000000', `/api/v1/mediation/${m.body.id}/escalate`);
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({
      code: 'ARBITRATION_CASE_EXISTS',
      details: { arbitrationCaseId: escalated.body.arbitrationCaseId },
    });
    await sms('ARBITRATION_APPLICATION_FROM_MEDIATION', { trackingNo: c.trackingNo });
  });

  it('an expired mediation tells the worker what to do next, and the worker escalates it', async () => {
    const c = await routed('MEDIATION', 'mediator');
    const m = await post('mediator', '/api/v1/mediation/cases', { complaintId: c.id });
    const [clock] = await t.app
      .get(DeadlinesService)
      .forCase('MEDIATION', m.body.id, today, t.dataSource.manager);
    expect(
      (await t.app.get(MediationSweepService).sweep(addDays(clock.due!, 1))).expired,
    ).toBeGreaterThanOrEqual(1);
    const [msg] = await sms('MEDIATION_EXPIRED', { trackingNo: c.trackingNo });
    expect(msg.text).toContain('一键申请');
    const escalated = await post('13800000000', `/api/v1/mediation/${m.body.id}/escalate`);
    expect([escalated.status, escalated.body.reason]).toEqual([201, 'EXPIRED']);
  });

  it('an order to rectify (责令改正) tells the complainant the deadline', async () => {
    const c = await routed('INSPECTION', 'inspector');
    const opened = await post('inspector', '/api/v1/inspection/cases', { complaintId: c.id });
    expect(opened.status).toBe(201);
    const id = opened.body.id as string;
    await confirmEmployerOfCase(t, id);
    expect(
      (
        await post('inspector', `/api/v1/inspection/cases/${id}/decision`, {
          version: 1,
          violationEndedOn: null,
        })
      ).status,
    ).toBe(200);
    const due = addDays(today, 10);
    const ordered = await post('inspector', `/api/v1/inspection/cases/${id}/rectification-order`, {
      version: 2,
      violations: '未按时足额支付劳动者工资',
      arrearsFen: 1_250_000,
      workersAffected: 1,
      monthsUnpaid: 3,
      inspectorIds: await inspectionTeam(t),
      complianceDueOn: due,
    });
    expect(ordered.status).toBe(200);
    const [msg] = await sms('INSPECTION_RECTIFICATION_ORDERED', { caseNo: opened.body.caseNo as string });
    expect(msg).toMatchObject({
      phone: '13800000000',
      text: `您投诉的监察案件（案号${opened.body.caseNo}）已责令用人单位最迟于${due}（含当日）改正，改正情况和处理结果将以短信告知。`,
    });
    expect(await notificationRows(c.id, 'INSPECTION_RECTIFICATION_ORDERED')).toEqual([
      { dedup_key: `inspection:${id}:ORDER_RECTIFY:2`, status: 'SENT', recipient_user_id: workerId },
    ]);
  });

  describe('the award with the deadlines that follow', () => {
    let arbitratorId: string;
    beforeAll(async () => {
      const me = await t
        .http()
        .get('/api/v1/auth/me')
        .set(await auth('arbitrator'));
      arbitratorId = me.body.userId as string;
    });
    /** An application accepted, a sole arbitrator deciding on the papers, the defence received; then awarded. */
    const award = async (claim: { type: string; amountFen: number }, awardedFen: number) => {
      const c = await routed('ARBITRATION', 'mediator');
      const a = await post('mediator', '/api/v1/arbitration/cases', {
        complaintId: c.id,
        claims: [{ ...claim, description: '请求支付' }],
      });
      expect(a.status).toBe(201);
      const id = a.body.id as string;
      const steps: [string, Record<string, unknown>][] = [
        ['accept', {}],
        ['tribunal', { arbitratorIds: [arbitratorId], partiesAgree: true, simplifiedExclusions: [] }],
        ['papers-decision', { basis: '双方书面同意不开庭，事实清楚' }],
        ['papers', { step: 'SERVICE', on: today }],
        ['papers', { step: 'DEFENCE', on: today }],
      ];
      for (const [i, [path, body]] of steps.entries()) {
        const r = await post('arbitrator', `/api/v1/arbitration/cases/${id}/${path}`, {
          version: i + 1,
          ...body,
        });
        expect([path, r.status]).toEqual([path, 200]);
      }
      const done = await post('arbitrator', `/api/v1/arbitration/cases/${id}/award`, {
        version: steps.length + 1,
        claims: [{ claimId: a.body.claims[0].id, awardedFen }],
      });
      expect(done.status).toBe(200);
      return { ...c, award: done.body as { finalAward: boolean; suitDeadline: string } };
    };
    const daysFromToday = async (amount: number) =>
      (
        await t
          .http()
          .get('/api/v1/calendar/deadline')
          .query({ from: today, amount, unit: 'DAY' })
          .set(await auth('arbitrator'))
      ).body.due as string;

    it('a final award names the worker’s 15-day suit window and the employer’s 30-day set-aside window', async () => {
      const c = await award({ type: 'LABOR_REMUNERATION', amountFen: 1_250_000 }, 1_000_000);
      expect(c.award.finalAward).toBe(true);
      const setAside = await daysFromToday(30);
      const [msg] = await sms('ARBITRATION_FINAL_AWARD_ISSUED', { trackingNo: c.trackingNo });
      expect(msg.params.caseNo).toMatch(/^浦劳人仲〔\d{4}〕第\d+号$/);
      expect(msg.text).toBe(
        `您的仲裁案件（案号${msg.params.caseNo}，投诉编号${c.trackingNo}）已作出终局裁决。如不服，您可以最迟于${c.award.suitDeadline}（含当日）向人民法院提起诉讼；用人单位可最迟于${setAside}（含当日）向中级人民法院申请撤销裁决。`,
      );
      expect(
        t.sms.sent.some(
          (m) => m.template === 'ARBITRATION_AWARD_ISSUED' && m.params.trackingNo === c.trackingNo,
        ),
      ).toBe(false);
    });

    it('a case closed without an award (withdrawn) is told too', async () => {
      const c = await routed('ARBITRATION', 'mediator');
      const a = await post('mediator', '/api/v1/arbitration/cases', {
        complaintId: c.id,
        claims: [{ type: 'LABOR_REMUNERATION', amountFen: 1_250_000, description: '请求支付' }],
      });
      const id = a.body.id as string;
      expect(
        (await post('arbitrator', `/api/v1/arbitration/cases/${id}/accept`, { version: 1 })).status,
      ).toBe(200);
      const closed = await post('arbitrator', `/api/v1/arbitration/cases/${id}/close`, {
        version: 2,
        closureType: 'WITHDRAWN',
        withdrawal: { basis: 'APPLICANT_REQUEST', channel: 'WRITTEN' },
      });
      expect(closed.status).toBe(200);
      const [msg] = await sms('ARBITRATION_CLOSED_WITHOUT_AWARD', { trackingNo: c.trackingNo });
      expect(msg.text).toBe(
        `您的仲裁案件（编号${c.trackingNo}）已根据您的申请撤回仲裁申请，本案结案。如有疑问请咨询仲裁委员会。`,
      );
    });

    it('a non-final award names the suit deadline', async () => {
      const c = await award({ type: 'ECONOMIC_COMPENSATION', amountFen: 5_000_000 }, 4_000_000);
      expect(c.award.finalAward).toBe(false);
      const [msg] = await sms('ARBITRATION_AWARD_ISSUED', { trackingNo: c.trackingNo });
      expect(msg.params.suitDeadline).toBe(await daysFromToday(15));
      expect(msg.text).toContain(`最迟于${c.award.suitDeadline}（含当日）向人民法院提起诉讼`);
    });
  });
});
