import { ArbitrationTakesComplaintClock1796400008100 } from '../../migrations/1796400008100-arbitration-takes-complaint-clock';
import { todayInShanghai } from '../../src/calendar/local-date';
import { applyForArbitration, bearer, fileComplaint, readyToDecide, userIdOf } from '../support/case-flow';
import { startTestApp, type TestApp } from '../support/test-app';

interface Clock {
  id: string;
  rule: { id: string };
  state: string;
  events: { type: string; reason?: string }[];
}

/**
 * A worker files a complaint, then applies for arbitration directly (调解仲裁法 第五条). The dispute is then in
 * arbitration: the complaint is not accepted, routed or opened as an inspection case silently beside it (监察条例
 * 第二十一条第二款), only on an override whose reason is recorded; and the complaint's acceptance clock ends.
 */
describe('a complaint whose dispute is in arbitration (direct application)', () => {
  let t: TestApp;
  let n = 0;
  const worker = '13800000000';
  const post = async (user: string, path: string, body: object) =>
    t
      .http()
      .post(`/api/v1${path}`)
      .set(await bearer(t, user))
      .send(body);
  const get = async (user: string, path: string) =>
    t
      .http()
      .get(`/api/v1${path}`)
      .set(await bearer(t, user));
  /** A complaint the worker filed and then took to arbitration themselves. */
  const appliedDirectly = async () => {
    const c = await fileComplaint(t, { employerName: `仲裁在先测试公司${++n}` });
    const arbitrationCaseId = await applyForArbitration(t, worker, c.id);
    return { ...c, arbitrationCaseId };
  };
  /** The arbitration case accepted and decided by an award (a final award on the one wage claim). */
  const award = async (caseId: string) => {
    expect((await post('arbitrator', `/arbitration/cases/${caseId}/accept`, { version: 1 })).status).toBe(
      200,
    );
    const arbitratorId = await userIdOf(t, 'arbitrator');
    await readyToDecide(t, { caseId, arbitratorId, on: todayInShanghai(), version: 2 });
    const view = (await get('arbitrator', `/arbitration/cases/${caseId}`)).body as {
      claims: { id: string }[];
    };
    const r = await post('arbitrator', `/arbitration/cases/${caseId}/award`, {
      version: 6,
      claims: [{ claimId: view.claims[0].id, awardedFen: 500_000 }],
    });
    expect([r.status, r.body.status]).toEqual([200, 'CLOSED']);
    return r.body as { caseNo: string };
  };
  const events = async (complaintId: string) =>
    (await get('supervisor', `/complaints/${complaintId}/events`)).body as {
      action: string;
      data: Record<string, unknown>;
    }[];
  const acceptanceClock = async (complaintId: string) =>
    ((await get('supervisor', `/complaints/${complaintId}/deadlines`)).body as Clock[]).find(
      (k) => k.rule.id === 'INSPECTION_ACCEPTANCE',
    )!;
  const override = { reason: '欠薪违法行为另行监察，与仲裁请求并行' };

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('a pending application: accepting the complaint is 409 DISPUTE_IN_ARBITRATION, unless overridden with a reason (recorded)', async () => {
    const c = await appliedDirectly();
    const refused = await post('supervisor', `/complaints/${c.id}/accept`, {});
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({
      code: 'DISPUTE_IN_ARBITRATION',
      details: { arbitrationCaseId: c.arbitrationCaseId, status: 'APPLIED', caseNo: null },
    });
    expect(refused.body.details.allowed).toContain(
      'POST /api/v1/complaints/:id/reject {reason: IN_ARBITRATION_OR_COURT}',
    );
    // The refusal the law names stays open (监察条例 第二十一条第二款).
    const accepted = await post('supervisor', `/complaints/${c.id}/accept`, { override });
    expect([accepted.status, accepted.body.status]).toEqual([200, 'ACCEPTED']);
    expect((await events(c.id)).find((e) => e.action === 'ACCEPTED')?.data).toMatchObject({
      arbitrationOverride: {
        reason: override.reason,
        arbitrationCaseId: c.arbitrationCaseId,
        status: 'APPLIED',
      },
    });
  });

  it('after an award: routing (any target) and opening an inspection case are refused, inspection only on an override', async () => {
    const c = await appliedDirectly();
    expect((await post('supervisor', `/complaints/${c.id}/accept`, { override })).status).toBe(200);
    const { caseNo } = await award(c.arbitrationCaseId);
    for (const target of ['INSPECTION', 'MEDIATION', 'ARBITRATION']) {
      const r = await post('supervisor', `/complaints/${c.id}/route`, { target });
      expect([target, r.status, r.body.code]).toEqual([target, 409, 'DISPUTE_IN_ARBITRATION']);
      expect(r.body.details).toMatchObject({
        arbitrationCaseId: c.arbitrationCaseId,
        caseNo,
        status: 'CLOSED',
        closureType: 'AWARD',
      });
    }
    // Mediation or a new arbitration of a decided dispute is not overridable: only inspection runs beside it.
    const mediation = await post('supervisor', `/complaints/${c.id}/route`, {
      target: 'MEDIATION',
      override,
    });
    expect([mediation.status, mediation.body.code]).toEqual([409, 'DISPUTE_IN_ARBITRATION']);
    const routed = await post('supervisor', `/complaints/${c.id}/route`, { target: 'INSPECTION', override });
    expect([routed.status, routed.body.status]).toEqual([200, 'ROUTED']);
    expect((await events(c.id)).find((e) => e.action === 'ROUTED')?.data).toMatchObject({
      arbitrationOverride: { reason: override.reason, caseNo, closureType: 'AWARD' },
    });
    // The brigade opening the case decides again, on its own reason.
    const opening = await post('inspector', '/inspection/cases', { complaintId: c.id });
    expect([opening.status, opening.body.code]).toEqual([409, 'DISPUTE_IN_ARBITRATION']);
    const opened = await post('inspector', '/inspection/cases', { complaintId: c.id, override });
    expect(opened.status).toBe(201);
    const received = (
      (await get('inspector', `/inspection/cases/${opened.body.id}/events`)).body as {
        action: string;
        data: Record<string, unknown>;
      }[]
    ).find((e) => e.action === 'INSPECTION_RECEIVED');
    expect(received?.data).toMatchObject({ arbitrationOverride: { reason: override.reason, caseNo } });
  });

  it('a complaint routed to inspection before the worker applied: its inspection case is not opened silently', async () => {
    const c = await fileComplaint(t, { employerName: `仲裁在先测试公司${++n}`, target: 'INSPECTION' });
    const arbitrationCaseId = await applyForArbitration(t, worker, c.id);
    const r = await post('inspector', '/inspection/cases', { complaintId: c.id });
    expect(r.status).toBe(409);
    expect(r.body).toMatchObject({
      code: 'DISPUTE_IN_ARBITRATION',
      details: { arbitrationCaseId, status: 'APPLIED' },
    });
  });

  it('the direct application ends the complaint’s acceptance clock (ENDED, its reason): never the worker’s next deadline', async () => {
    const c = await appliedDirectly();
    const clock = await acceptanceClock(c.id);
    expect(clock.state).toBe('ENDED');
    expect(clock.events.at(-1)).toMatchObject({ type: 'STOP', reason: 'ARBITRATION' });
    await award(c.arbitrationCaseId);
    const file = (await get(worker, `/my/cases/${c.id}`)).body as {
      nextDeadline: { text: string } | null;
      deadlines: { rule: string; state: string; text: string }[];
    };
    expect(file.nextDeadline?.text ?? '').not.toContain('投诉受理期限');
    expect(file.deadlines.find((d) => d.rule === 'INSPECTION_ACCEPTANCE')).toMatchObject({
      state: 'ENDED',
      text: '投诉受理期限：争议已申请劳动仲裁，按仲裁程序办理，期限终止',
    });
  });

  it('an application while the complainant was asked for 补正 ends that period too: it never lapses into 逾期补正的仍可提交', async () => {
    const c = await fileComplaint(t, { employerName: `仲裁在先补正测试公司${++n}` });
    expect(
      (await post('inspector', `/complaints/${c.id}/correction-request`, { missing: '单位全称' })).status,
    ).toBe(200);
    await applyForArbitration(t, worker, c.id);
    const clocks = (await get('supervisor', `/complaints/${c.id}/deadlines`)).body as Clock[];
    const correction = clocks.find((k) => k.rule.id === 'COMPLAINT_CORRECTION')!;
    expect(correction.state).toBe('ENDED');
    expect(correction.events.at(-1)).toMatchObject({ type: 'STOP', reason: 'ARBITRATION' });
  });

  it('the migration ends the running acceptance clocks of complaints already in arbitration, once', async () => {
    const c = await appliedDirectly();
    const clock = await acceptanceClock(c.id);
    // Old data: the application left the clock running.
    await t.dataSource.query(`DELETE FROM clock_events WHERE clock_id = $1 AND type = 'STOP'`, [clock.id]);
    await t.dataSource.query(`UPDATE clocks SET stopped_on = NULL WHERE id = $1`, [clock.id]);
    expect((await acceptanceClock(c.id)).state).toBe('RUNNING');
    const migration = new ArbitrationTakesComplaintClock1796400008100();
    const runner = t.dataSource.createQueryRunner();
    try {
      await migration.up(runner);
      await migration.up(runner);
    } finally {
      await runner.release();
    }
    const after = await acceptanceClock(c.id);
    expect(after.state).toBe('ENDED');
    expect(after.events.filter((e) => e.type === 'STOP')).toEqual([
      expect.objectContaining({ reason: 'ARBITRATION' }),
    ]);
  });
});
