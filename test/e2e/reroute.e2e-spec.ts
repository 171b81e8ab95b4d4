import { addDays, todayInShanghai } from '../../src/calendar/local-date';
import { organisationId } from '../../src/reference/organisations';
import { bearer, fileComplaint, openInspection, openMediation } from '../support/case-flow';
import { startTestApp, type TestApp } from '../support/test-app';
import { createAccount } from '../support/users';

/**
 * Re-routing a routed complaint to another body (reroute.rules.ts): after the first body sent the worker elsewhere
 * (若干规定 第十八条第四款) or the mediation ended undecided (调解仲裁法 第五条), or as a mis-route before any case opened.
 */
describe('re-routing a routed complaint', () => {
  let t: TestApp;
  let n = 0;
  const WORKER = '13800000000';
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  const routed = async (target: 'MEDIATION' | 'INSPECTION') =>
    fileComplaint(t, { employerName: `浦东改转测试公司${++n}`, target });
  const route = async (id: string, body: object, user = 'supervisor') =>
    t
      .http()
      .post(`/api/v1/complaints/${id}/route`)
      .set(await bearer(t, user))
      .send(body);
  const caseFile = async (id: string) =>
    (
      await t
        .http()
        .get(`/api/v1/my/cases/${id}`)
        .set(await bearer(t, WORKER))
    ).body as {
      trackingNo: string;
      currentStep: { proceeding: string; status: string };
      mediation: { id: string } | null;
      inspection: { id: string; status: string } | null;
      timeline: { action: string; label: string; data: Record<string, unknown> }[];
    };
  const takeUpClocks = (id: string) =>
    t.dataSource.query<{ stopped: boolean; reason: string | null }[]>(
      `SELECT c.stopped_on IS NOT NULL AS stopped,
              (SELECT e.reason FROM clock_events e WHERE e.clock_id = c.id AND e.type = 'STOP' LIMIT 1) AS reason
         FROM clocks c WHERE c.case_type = 'COMPLAINT' AND c.case_id = $1 AND c.rule_id = 'COMPLAINT_TAKE_UP'
        ORDER BY c.created_at, c.id`,
      [id],
    );

  it('corrects a mis-route before any case opened: same tracking number, one KPI row, a new take-up period', async () => {
    const c = await routed('MEDIATION');
    const res = await route(c.id, { target: 'INSPECTION', note: '误分流，属劳动保障监察事项' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      status: 'ROUTED',
      trackingNo: c.trackingNo,
      route: { target: 'INSPECTION', organisationId: organisationId('INSPECTION_BRIGADE', '310115') },
    });
    // The committee's period ended (neither met nor late), the brigade's runs.
    expect(await takeUpClocks(c.id)).toEqual([
      { stopped: true, reason: 'REROUTED' },
      { stopped: false, reason: null },
    ]);
    // The KPI read model sees one complaint, where it is now.
    expect(
      await t.dataSource.query(`SELECT route_target FROM complaint_kpi_source WHERE id = $1`, [c.id]),
    ).toEqual([{ route_target: 'INSPECTION' }]);
    const file = await caseFile(c.id);
    expect(file.timeline.find((e) => e.action === 'REROUTED')).toMatchObject({
      label: '改为转交其他办理机构',
      data: { fromTarget: 'MEDIATION', target: 'INSPECTION', ground: 'NO_CASE_OPENED' },
    });
    // The brigade opens its case; the committee no longer can.
    await openInspection(t, 'inspector', c.id);
    const late = await t
      .http()
      .post('/api/v1/mediation/cases')
      .set(await bearer(t, 'mediator'))
      .send({ complaintId: c.id });
    expect([late.status, late.body.code]).toEqual([409, 'NOT_ROUTED_TO_MEDIATION']);
    expect((await takeUpClocks(c.id)).map((k) => k.stopped)).toEqual([true, true]);
  });

  it('refuses while the case is open, to the same target, an unknown target (400), and for another street (404)', async () => {
    const c = await routed('MEDIATION');
    const same = await route(c.id, { target: 'MEDIATION' });
    expect([same.status, same.body.code, same.body.details.reason]).toEqual([
      409,
      'REROUTE_NOT_ALLOWED',
      'SAME_TARGET',
    ]);
    const unknown = await route(c.id, { target: 'COURT' });
    expect([unknown.status, unknown.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    expect(unknown.body.details).toContainEqual(expect.objectContaining({ field: 'target' }));
    await createAccount(t, {
      username: 'reroute-other-street',
      role: 'MEDIATOR',
      jurisdictions: ['310115007'],
    });
    const other = await route(c.id, { target: 'INSPECTION' }, 'reroute-other-street');
    expect([other.status, other.body.code]).toEqual([404, 'COMPLAINT_NOT_FOUND']);
    const m = await openMediation(t, 'mediator', c.id);
    const open = await route(c.id, { target: 'INSPECTION' });
    expect([open.status, open.body.code, open.body.details]).toEqual([
      409,
      'REROUTE_NOT_ALLOWED',
      expect.objectContaining({
        reason: 'PROCEEDING_OPEN',
        proceeding: 'MEDIATION',
        caseId: m.id,
        status: 'OPEN',
      }),
    ]);
  });

  it('two staff re-routing at once: one wins, the other is told it is already there', async () => {
    const c = await routed('MEDIATION');
    const both = await Promise.all([
      route(c.id, { target: 'INSPECTION' }),
      route(c.id, { target: 'INSPECTION' }),
    ]);
    expect(both.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(both.find((r) => r.status === 409)!.body.details.reason).toBe('SAME_TARGET');
    const [{ events }] = await t.dataSource.query<{ events: number }[]>(
      `SELECT count(*)::int AS events FROM case_events WHERE case_id = $1 AND action = 'REROUTED'`,
      [c.id],
    );
    expect(events).toBe(1);
    expect((await takeUpClocks(c.id)).filter((k) => !k.stopped)).toHaveLength(1);
  });

  const post = async (user: string, path: string, body: object) =>
    t
      .http()
      .post(`/api/v1${path}`)
      .set(await bearer(t, user))
      .send(body);

  it('case A: the brigade refuses it as no labor-security matter and names the committee; it is re-routed there and mediated', async () => {
    const c = await routed('INSPECTION');
    const inspectionId = await openInspection(t, 'inspector', c.id);
    const refused = await post('inspector', `/inspection/cases/${inspectionId}/refuse`, {
      version: 1,
      reason: 'NOT_LABOR_SECURITY_MATTER',
      referTo: '陆家嘴街道人民调解委员会或浦东新区劳动人事争议仲裁委员会',
    });
    expect(refused.status).toBe(200);
    const res = await route(c.id, { target: 'MEDIATION' }, 'mediator');
    expect([res.status, res.body.route?.target]).toEqual([200, 'MEDIATION']);
    await openMediation(t, 'mediator', c.id);
    const file = await caseFile(c.id);
    expect(file).toMatchObject({
      trackingNo: c.trackingNo,
      currentStep: { proceeding: 'MEDIATION', status: 'OPEN' },
      // The brigade's refusal stays in the worker's file.
      inspection: { id: inspectionId, status: 'REFUSED' },
    });
    expect(file.timeline.find((e) => e.action === 'REROUTED')?.data).toMatchObject({
      fromTarget: 'INSPECTION',
      target: 'MEDIATION',
      ground: 'PROCEEDING_ENDED_UNDECIDED',
      organisationName: '陆家嘴街道人民调解委员会',
    });
    expect(
      await t.dataSource.query(`SELECT route_target FROM complaint_kpi_source WHERE id = $1`, [c.id]),
    ).toEqual([{ route_target: 'MEDIATION' }]);
  });

  it('case B: the worker withdraws from mediation to have it inspected; re-routed, the brigade opens its case', async () => {
    const c = await routed('MEDIATION');
    const m = await openMediation(t, 'mediator', c.id);
    const closed = await post('mediator', `/mediation/cases/${m.id}/close`, {
      version: m.version,
      outcome: 'WITHDRAWN',
    });
    expect(closed.status).toBe(200);
    const res = await route(c.id, { target: 'INSPECTION' }, 'inspector');
    expect([res.status, res.body.route?.target]).toEqual([200, 'INSPECTION']);
    const inspectionId = await openInspection(t, 'inspector', c.id);
    const file = await caseFile(c.id);
    // Both proceedings are in the worker's file (the withdrawn mediation stays); she is at the one opened last, though
    // both were opened the same day and the inspection counts from the complaint's receipt.
    expect(file).toMatchObject({
      trackingNo: c.trackingNo,
      currentStep: { proceeding: 'INSPECTION', id: inspectionId, status: 'RECEIVED' },
      mediation: { id: m.id },
      inspection: { id: inspectionId, status: 'RECEIVED' },
    });
    expect(file.timeline.find((e) => e.action === 'REROUTED')?.data).toMatchObject({
      fromTarget: 'MEDIATION',
      target: 'INSPECTION',
      ground: 'PROCEEDING_ENDED_UNDECIDED',
    });
  });

  it('refuses after a mediation agreement decided the matter', async () => {
    const c = await routed('MEDIATION');
    const m = await openMediation(t, 'mediator', c.id);
    const today = todayInShanghai();
    const agreed = await post('mediator', `/mediation/cases/${m.id}/close`, {
      version: m.version,
      outcome: 'AGREEMENT',
      agreement: {
        claims: [{ description: '拖欠工资', amountFen: 1_000_000 }],
        instalments: [{ dueOn: addDays(today, 30), amountFen: 1_000_000 }],
      },
    });
    expect(agreed.status).toBe(200);
    const res = await route(c.id, { target: 'INSPECTION' });
    expect([res.status, res.body.code, res.body.details]).toEqual([
      409,
      'REROUTE_NOT_ALLOWED',
      expect.objectContaining({ reason: 'MATTER_DECIDED', proceeding: 'MEDIATION', status: 'AGREEMENT' }),
    ]);
  });
});
