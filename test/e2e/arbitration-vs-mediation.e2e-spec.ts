import { startTestApp, type TestApp } from '../support/test-app';
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
    const applied = await apply('13800000000', c.id);
    expect([applied.status, applied.body.source]).toEqual([201, 'DIRECT']);

    const after = await mediationCase(m.id);
    // Closed as the WITHDRAWN close path closes it: its 15-day clock stopped (MET).
    expect(after).toMatchObject({
      status: 'WITHDRAWN',
      outcome: 'WITHDRAWN',
      version: m.version + 1,
      deadline: { state: 'MET' },
    });
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
