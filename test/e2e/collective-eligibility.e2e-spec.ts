import { addDays, todayInShanghai } from '../../src/calendar/local-date';
import { fileMembers, memberIdNumber, memberPhone } from '../support/collective';
import { startTestApp, type TestApp } from '../support/test-app';
import { signInWorker } from '../support/users';

/**
 * Audit 2026-12-07 (HIGH): a complaint whose own mediation ended in an agreement, performed and paid, was proposed and
 * confirmed as a member of a collective dispute and mediated again. A complaint joins a collective dispute (调解仲裁法
 * 第七条) only while its claim is pending and handled in no proceeding of its own (collective-eligibility.rules.ts).
 */
describe('collective dispute members: claims still pending and handled nowhere else', () => {
  let t: TestApp;
  const auth = async (user: string) => ({ authorization: `Bearer ${await t.token(user)}` });
  const today = todayInShanghai();
  const workers: string[] = [];
  const post = async (user: string, path: string, body: Record<string, unknown>, status = 200) => {
    const r = await t
      .http()
      .post(`/api/v1${path}`)
      .set(await auth(user))
      .send(body);
    expect([path, r.status, r.body]).toEqual([path, status, expect.anything()]);
    return r.body as { id: string; version: number; [k: string]: unknown };
  };
  /** The workers of these indexes each file a complaint against the employer (their own ID number and phone). */
  const file = (idx: readonly number[], employerName: string, category = 'WAGE_ARREARS') =>
    fileMembers(
      t,
      idx.map((i) => workers[i]),
      employerName,
      (k) => ({
        category,
        complainant: { name: `工人${idx[k]}`, idNumber: memberIdNumber(idx[k]), phone: memberPhone(idx[k]) },
      }),
    );
  const acceptAndRoute = async (id: string, target: string, staff: string) => {
    await post(staff, `/complaints/${id}/accept`, {});
    await post(staff, `/complaints/${id}/route`, { target });
  };
  const proposals = async () => {
    const r = await t
      .http()
      .get('/api/v1/collective-disputes/proposals')
      .set(await auth('mediator'));
    expect(r.status).toBe(200);
    return r.body as { employer: { id: string }; workers: number; complaintIds: string[] }[];
  };
  const confirm = async (body: Record<string, unknown>) =>
    t
      .http()
      .post('/api/v1/collective-disputes')
      .set(await auth('mediator'))
      .send(body);

  beforeAll(async () => {
    t = await startTestApp();
    for (let i = 0; i < 15; i++) workers.push(await signInWorker(t, memberPhone(i)));
  });
  afterAll(async () => {
    await t.close();
  });

  it('the audit: a claim settled by a performed mediation agreement is neither proposed nor confirmed, nor mediated again; a failed mediation’s claim joins', async () => {
    const employer = '浦东某某物流有限公司';
    // A: mediated to an agreement of two instalments, both paid (PERFORMED).
    const settled = await file([0], employer);
    const a = settled.ids[0];
    await acceptAndRoute(a, 'MEDIATION', 'mediator');
    const m = await post('mediator', '/mediation/cases', { complaintId: a }, 201);
    let agreed = await post('mediator', `/mediation/cases/${m.id}/close`, {
      version: m.version,
      outcome: 'AGREEMENT',
      agreement: {
        claims: [{ description: '拖欠工资', amountFen: 900_000 }],
        instalments: [
          { dueOn: today, amountFen: 400_000 },
          { dueOn: addDays(today, 30), amountFen: 500_000 },
        ],
      },
    });
    for (const i of [0, 1]) {
      const instalment = (agreed.agreement as { instalments: { id: string }[] }).instalments[i];
      agreed = await post('mediator', `/mediation/cases/${m.id}/instalments/${instalment.id}/paid`, {
        version: agreed.version,
      });
    }
    expect(agreed.agreement).toMatchObject({ status: 'PERFORMED' });
    // B: mediated without agreement (调解不成): the claim is still pending (调解仲裁法 第十四条第三款) and joins.
    const failed = (await file([1], employer)).ids[0];
    await acceptAndRoute(failed, 'MEDIATION', 'mediator');
    const f = await post('mediator', '/mediation/cases', { complaintId: failed }, 201);
    await post('mediator', `/mediation/cases/${f.id}/close`, { version: f.version, outcome: 'FAILED' });
    // Ten new workers file against the same employer.
    const fresh = await file([2, 3, 4, 5, 6, 7, 8, 9, 10, 11], employer);
    const employerId = fresh.employerId;

    const [proposal, ...more] = await proposals();
    expect(more).toEqual([]);
    expect(proposal).toMatchObject({ employer: { id: employerId }, workers: 11 });
    expect(new Set(proposal.complaintIds)).toEqual(new Set([failed, ...fresh.ids]));

    const all = [a, failed, ...fresh.ids];
    const refused = await confirm({ employerId, category: 'WAGE_ARREARS', complaintIds: all });
    expect([refused.status, refused.body.code]).toEqual([409, 'COLLECTIVE_MEMBERS_INELIGIBLE']);
    expect(refused.body.details.excluded).toEqual([
      expect.objectContaining({
        complaintId: a,
        trackingNo: settled.trackingNos[0],
        reasons: ['SETTLED_BY_MEDIATION'],
      }),
    ]);
    const [{ n }] = await t.dataSource.query<{ n: number }[]>(
      'SELECT count(*)::int AS n FROM collective_disputes',
    );
    expect(n).toBe(0);

    const reps = fresh.ids.slice(0, 3);
    const dispute = await confirm({
      employerId,
      category: 'WAGE_ARREARS',
      complaintIds: [failed, ...fresh.ids],
      representativeComplaintIds: reps,
    });
    expect(dispute.status).toBe(201);
    expect(dispute.body.members).toHaveLength(11);
    // The group is routed and mediated: the settled claim is not among its members, and its file keeps its agreement.
    for (const id of fresh.ids) await post('mediator', `/complaints/${id}/accept`, {});
    await post('mediator', `/complaints/${reps[0]}/route`, { target: 'MEDIATION' });
    const group = await post('mediator', '/mediation/cases', { complaintId: reps[0] }, 201);
    const [{ members }] = await t.dataSource.query<{ members: string[] }[]>(
      `SELECT array_agg(c.id) AS members FROM complaints c
         JOIN mediation_cases m ON m.collective_dispute_id = c.collective_dispute_id WHERE m.id = $1`,
      [group.id],
    );
    expect(members).not.toContain(a);
    expect(members).toHaveLength(11);
    const mine = await t
      .http()
      .get(`/api/v1/my/cases/${a}`)
      .set({ authorization: `Bearer ${workers[0]}` });
    expect(mine.status).toBe(200);
    expect(mine.body.currentStep).toMatchObject({ proceeding: 'MEDIATION', id: m.id, status: 'AGREEMENT' });
    expect(mine.body.mediation.agreement).toMatchObject({ status: 'PERFORMED', totalFen: 900_000 });
  });

  it('a claim in its own open mediation, arbitration or inspection case is not proposed, and confirming it is 409 naming each', async () => {
    const employer = '浦东某某餐饮管理有限公司';
    const inMediation = (await file([12], employer)).ids[0];
    await acceptAndRoute(inMediation, 'MEDIATION', 'mediator');
    await post('mediator', '/mediation/cases', { complaintId: inMediation }, 201);
    const inArbitration = (await file([13], employer)).ids[0];
    await acceptAndRoute(inArbitration, 'ARBITRATION', 'mediator');
    const claims = [{ type: 'LABOR_REMUNERATION', description: '拖欠工资', amountFen: 800_000 }];
    await post('arbitrator', '/arbitration/cases', { complaintId: inArbitration, claims }, 201);
    const inInspection = (await file([14], employer)).ids[0];
    await acceptAndRoute(inInspection, 'INSPECTION', 'inspector');
    await post('inspector', '/inspection/cases', { complaintId: inInspection }, 201);
    const fresh = await file([0, 1, 2, 3, 4, 5, 6], employer);

    // Seven claims still pending are not ten workers: no proposal for this employer.
    expect((await proposals()).filter((p) => p.employer.id === fresh.employerId)).toEqual([]);
    const refused = await confirm({
      employerId: fresh.employerId,
      category: 'WAGE_ARREARS',
      complaintIds: [inMediation, inArbitration, inInspection, ...fresh.ids],
    });
    expect([refused.status, refused.body.code]).toEqual([409, 'COLLECTIVE_MEMBERS_INELIGIBLE']);
    const why = (refused.body.details.excluded as { complaintId: string; reasons: string[] }[]).map((e) => [
      e.complaintId,
      e.reasons,
    ]);
    expect(why).toEqual([
      [inMediation, ['IN_MEDIATION']],
      [inArbitration, ['IN_ARBITRATION']],
      [inInspection, ['IN_INSPECTION']],
    ]);
  });
});
