import { MediationClockStoppedByApplication1796400008700 } from '../../migrations/1796400008700-mediation-clock-stopped-by-application';
import { startTestApp, type TestApp } from '../support/test-app';
import { workingSlot } from '../support/session-slot';
import { factsSelect } from '../../src/sla/sla-facts.sql';
import { eventually } from '../support/test-app';
import { bearer, fileComplaint, inboxAbout, openMediation } from '../support/case-flow';

/**
 * 调解仲裁法 第五条: a worker who no longer wants mediation may apply for arbitration. The application ends the open
 * mediation (withdrawn by the worker's choice, its mediator told) instead of leaving two proceedings on one dispute;
 * an agreement being performed goes to arbitration through the escalation; staff file the worker's direct
 * application on their recorded request where the worker may.
 */
describe('a direct arbitration application and the mediation of the same dispute', () => {
  let t: TestApp;
  let n = 0;
  const claims = [{ type: 'LABOR_REMUNERATION', description: '支付拖欠工资', amountFen: 500_000 }];

  const routedToMediation = async () =>
    fileComplaint(t, { employerName: `调仲并行测试公司${++n}`, target: 'MEDIATION', staff: 'mediator' });
  const apply = async (user: string, complaintId: string, extra: Record<string, unknown> = {}) =>
    t
      .http()
      .post('/api/v1/arbitration/cases')
      .set(await bearer(t, user))
      .send({ complaintId, claims, ...extra });
  const mediationCase = async (id: string) =>
    (
      await t
        .http()
        .get(`/api/v1/mediation/cases/${id}`)
        .set(await bearer(t, 'mediator'))
    ).body as { status: string; version: number; outcome: string | null; deadline: { state: string } | null };
  const events = async (complaintId: string) =>
    (
      await t
        .http()
        .get(`/api/v1/complaints/${complaintId}/events`)
        .set(await bearer(t, 'mediator'))
    ).body as { action: string; actor?: unknown; data: Record<string, unknown> }[];
  const arbitrationCases = async (complaintId: string): Promise<number> => {
    const rows = await t.dataSource.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM arbitration_cases WHERE complaint_id = $1`,
      [complaintId],
    );
    return rows[0].n;
  };

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('the worker’s application ends their open mediation as withdrawn, its clock stopped, and tells the mediator', async () => {
    const c = await routedToMediation();
    const m = await openMediation(t, 'mediator', c.id);
    const session = await t
      .http()
      .post(`/api/v1/mediation/cases/${m.id}/sessions`)
      .set(await bearer(t, 'mediator'))
      .send({
        version: m.version,
        startsAt: workingSlot(1),
        place: '街道调解室',
      });
    expect(session.status).toBe(201);
    const before = await mediationCase(m.id);
    const applied = await apply('13800000000', c.id);
    expect([applied.status, applied.body.source]).toEqual([201, 'DIRECT']);

    const after = await mediationCase(m.id);
    // Closed as the WITHDRAWN close path closes it: its 15-day clock stopped as ENDED (by the worker's choice), not
    // MET — the committee concluded nothing in time (as a withdrawn complaint's clocks).
    expect(after).toMatchObject({
      status: 'WITHDRAWN',
      outcome: 'WITHDRAWN',
      version: before.version + 1,
      deadline: { state: 'ENDED' },
    });
    // The worker is told their application was received and ended the mediation, not invited to apply again.
    const told = () => t.sms.sent.filter((s) => s.params.trackingNo === c.trackingNo).map((s) => s.template);
    await eventually(() => told().includes('MEDIATION_ENDED_BY_APPLICATION'));
    expect(told()).not.toContain('MEDIATION_WITHDRAWN');
    expect(t.sms.sent.find((s) => s.template === 'MEDIATION_ENDED_BY_APPLICATION')?.text).toContain(
      '仲裁申请已收到',
    );
    // Nor is it counted as a mediation concluded (within 15 days) by the committee: the KPI leaves a withdrawal out.
    expect(await t.dataSource.query(`SELECT * FROM (${factsSelect(['MEDIATION'], '$1')}) f`, [m.id])).toEqual(
      [],
    );
    const withdrawn = (await events(c.id)).find((e) => e.action === 'MEDIATION_WITHDRAWN');
    expect(withdrawn?.data).toMatchObject({
      mediationCaseId: m.id,
      outcome: 'WITHDRAWN',
      reason: 'ARBITRATION_APPLIED',
      arbitrationCaseId: applied.body.id,
    });
    expect(await inboxAbout(t, 'mediator', `mediation-case:${m.id}`)).toContain(
      'MEDIATION_ENDED_BY_ARBITRATION',
    );
    // The case file now shows the arbitration, and no mediation running beside it.
    const file = await t
      .http()
      .get(`/api/v1/my/cases/${c.id}`)
      .set(await bearer(t, '13800000000'));
    expect(file.body.currentStep).toMatchObject({ proceeding: 'ARBITRATION', status: 'APPLIED' });
    // Its period ended because of the application (the clock's stop reason), which the worker did not withdraw.
    const periods = (file.body.deadlines as { rule: string; state: string; text: string }[]).filter(
      (d) => d.rule === 'MEDIATION',
    );
    expect(periods).toEqual([
      expect.objectContaining({ state: 'ENDED', text: '调解期限：因申请劳动争议仲裁，调解已结束，期限终止' }),
    ]);
    // A clock stopped before the reason was recorded (WITHDRAWN) gets it by migration, once; a withdrawal keeps its own.
    const stopOf = `SELECT e.reason FROM clock_events e JOIN clocks k ON k.id = e.clock_id
      WHERE k.case_type = 'MEDIATION' AND k.case_id = $1 AND e.type = 'STOP'`;
    await t.dataSource.query(
      `UPDATE clock_events e SET reason = 'WITHDRAWN' FROM clocks k
        WHERE k.id = e.clock_id AND k.case_type = 'MEDIATION' AND k.case_id = $1 AND e.type = 'STOP'`,
      [m.id],
    );
    const runner = t.dataSource.createQueryRunner();
    try {
      await new MediationClockStoppedByApplication1796400008700().up(runner);
      await new MediationClockStoppedByApplication1796400008700().up(runner);
    } finally {
      await runner.release();
    }
    expect(await t.dataSource.query(stopOf, [m.id])).toEqual([{ reason: 'ARBITRATION' }]);
  });

  it('an agreement being performed is not set aside by a direct application: 409 towards the escalation', async () => {
    const c = await routedToMediation();
    const m = await openMediation(t, 'mediator', c.id);
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    const closed = await t
      .http()
      .post(`/api/v1/mediation/cases/${m.id}/close`)
      .set(await bearer(t, 'mediator'))
      .send({
        version: m.version,
        outcome: 'AGREEMENT',
        agreement: {
          claims: [{ description: '拖欠工资', amountFen: 500_000 }],
          instalments: [{ dueOn: today, amountFen: 500_000 }],
        },
      });
    expect(closed.status).toBe(200);
    const refused = await apply('13800000000', c.id);
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({
      code: 'MEDIATION_AGREEMENT_IN_FORCE',
      details: {
        mediationCaseId: m.id,
        agreementStatus: 'PERFORMING',
        escalatesWhen: ['AGREEMENT_DEFAULTED'],
        escalate: `POST /api/v1/mediation/${m.id}/escalate`,
      },
    });
    expect(await arbitrationCases(c.id)).toBe(0);
    expect((await mediationCase(m.id)).status).toBe('AGREEMENT');
  });

  it('staff file the worker’s direct application after a withdrawn mediation, on the worker’s recorded request', async () => {
    const c = await routedToMediation();
    const m = await openMediation(t, 'mediator', c.id);
    const closed = await t
      .http()
      .post(`/api/v1/mediation/cases/${m.id}/close`)
      .set(await bearer(t, 'mediator'))
      .send({ version: m.version, outcome: 'WITHDRAWN' });
    expect(closed.status).toBe(200);

    // 申请仲裁 is the worker's act (调解仲裁法 第二十八条): staff say how the worker asked; the worker does not.
    const bare = await apply('arbitrator', c.id);
    expect([bare.status, bare.body.details?.[0]]).toEqual([
      400,
      expect.objectContaining({ field: 'complainantRequest', constraint: 'isDefined' }),
    ]);
    const byWorker = await apply('13800000000', c.id, { complainantRequest: { channel: 'PHONE' } });
    expect([byWorker.status, byWorker.body.details?.[0]]).toEqual([
      400,
      expect.objectContaining({ field: 'complainantRequest', constraint: 'staffOnly' }),
    ]);
    expect(await arbitrationCases(c.id)).toBe(0);

    const filed = await apply('arbitrator', c.id, {
      complainantRequest: { channel: 'IN_PERSON', note: '到仲裁院窗口申请' },
    });
    expect([filed.status, filed.body.source]).toEqual([201, 'DIRECT']);
    expect((await events(c.id)).find((e) => e.action === 'ARBITRATION_APPLIED')?.data).toMatchObject({
      source: 'DIRECT',
      complainantRequest: { channel: 'IN_PERSON', note: '到仲裁院窗口申请' },
    });
  });

  it('staff filing the application for the worker ends the open mediation and tells the worker it was received', async () => {
    const c = await routedToMediation();
    const m = await openMediation(t, 'mediator', c.id);
    const filed = await apply('arbitrator', c.id, { complainantRequest: { channel: 'PHONE' } });
    expect([filed.status, filed.body.source]).toEqual([201, 'DIRECT']);
    expect(await mediationCase(m.id)).toMatchObject({ status: 'WITHDRAWN', deadline: { state: 'ENDED' } });
    const told = () => t.sms.sent.filter((s) => s.params.trackingNo === c.trackingNo).map((s) => s.template);
    await eventually(() => told().includes('MEDIATION_ENDED_BY_APPLICATION'));
    expect(told()).not.toContain('MEDIATION_WITHDRAWN');
  });

  it('no mediation beside an open arbitration application: routing to mediation and opening one are 409', async () => {
    // The worker applied before the complaint was even accepted; routing it to mediation then is refused. (Accepting
    // it beside the arbitration takes an override, DISPUTE_IN_ARBITRATION: arbitration-intake-gates.e2e-spec.ts.)
    const early = await fileComplaint(t, { employerName: `调仲并行测试公司${++n}` });
    const applied = await apply('13800000000', early.id);
    expect([applied.status, applied.body.status]).toEqual([201, 'APPLIED']);
    const accepted = await t
      .http()
      .post(`/api/v1/complaints/${early.id}/accept`)
      .set(await bearer(t, 'mediator'))
      .send({ override: { reason: '欠薪违法行为另行监察' } });
    expect(accepted.status).toBe(200);
    const routed = await t
      .http()
      .post(`/api/v1/complaints/${early.id}/route`)
      .set(await bearer(t, 'mediator'))
      .send({ target: 'MEDIATION' });
    expect([routed.status, routed.body.code]).toEqual([409, 'ARBITRATION_IN_PROGRESS']);
    expect(routed.body.details).toMatchObject({ arbitrationCaseId: applied.body.id, status: 'APPLIED' });

    // Routed to mediation, then the worker applied (no case was opened): the committee may not open one now.
    const c = await routedToMediation();
    const filed = await apply('13800000000', c.id);
    expect(filed.status).toBe(201);
    const opened = await t
      .http()
      .post('/api/v1/mediation/cases')
      .set(await bearer(t, 'mediator'))
      .send({ complaintId: c.id });
    expect([opened.status, opened.body.code]).toEqual([409, 'ARBITRATION_IN_PROGRESS']);
    expect(
      (
        await t.dataSource.query(`SELECT count(*)::int AS n FROM mediation_cases WHERE complaint_id = $1`, [
          c.id,
        ])
      )[0].n,
    ).toBe(0);
  });

  it('staff file it for a complaint routed to mediation with no case opened; never for one routed elsewhere', async () => {
    const c = await routedToMediation();
    const filed = await apply('mediator', c.id, { complainantRequest: { channel: 'WRITTEN' } });
    expect([filed.status, filed.body.source]).toEqual([201, 'DIRECT']);

    const inspected = await fileComplaint(t, {
      employerName: `调仲并行测试公司${++n}`,
      target: 'INSPECTION',
      staff: 'inspector',
    });
    const refused = await apply('inspector', inspected.id, { complainantRequest: { channel: 'PHONE' } });
    expect([refused.status, refused.body.code]).toEqual([409, 'COMPLAINT_NOT_ROUTED_TO_ARBITRATION']);
  });
});
