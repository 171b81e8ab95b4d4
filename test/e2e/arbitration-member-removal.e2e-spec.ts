import { bearer } from '../support/case-flow';
import { memberPhone, routedGroup } from '../support/collective';
import { eventually, startTestApp, type TestApp } from '../support/test-app';

/**
 * A collective dispute's arbitration is one case carrying every member's claim (调解仲裁法 第七条); a member who settles
 * alone or withdraws their own claim (撤回仲裁申请 for one applicant, 办案规则 第三十五条) had no way out of it but the
 * tribunal's claim change, which left them a member. The commission's staff take the member out with a reason: their
 * claims leave the case, their complaint leaves the dispute (then it may be withdrawn), the case goes on as one case
 * for the others (even under 10: it stays collective, its tribunal of three stays). The case's own complaint and a
 * representative (who acts for the others, 办案规则 第六十三条) are not taken out.
 */
describe('taking a member out of a collective arbitration case', () => {
  let t: TestApp;
  let ids: string[];
  let trackingNos: string[];
  let caseId: string;
  let workers: string[];
  const post = async (user: string, path: string, body: object) =>
    t
      .http()
      .post(`/api/v1${path}`)
      .set(await bearer(t, user))
      .send(body);
  const read = async () =>
    (
      await t
        .http()
        .get(`/api/v1/arbitration/cases/${caseId}`)
        .set(await bearer(t, 'arbitrator'))
    ).body as {
      version: number;
      status: string;
      collective: boolean;
      claims: { description: string; amountFen: number }[];
    };
  const remove = async (i: number, body: object) =>
    post('arbitrator', `/arbitration/cases/${caseId}/members/${ids[i]}/remove`, body);

  beforeAll(async () => {
    t = await startTestApp();
    ({ ids, trackingNos, workers } = await routedGroup(t, {
      n: 10,
      employerName: '浦东集体仲裁退出测试有限公司',
      category: 'WAGE_ARREARS',
      target: 'ARBITRATION',
      representatives: [0, 1, 2],
      body: (i) => ({ claimedAmountFen: 500_000 + i }),
    }));
    const applied = await post('arbitrator', '/arbitration/cases', {
      complaintId: ids[0],
      claims: [{ type: 'LABOR_REMUNERATION', description: '拖欠工资', amountFen: 500_000 }],
    });
    expect(applied.status).toBe(201);
    expect(applied.body.claims).toHaveLength(10);
    caseId = applied.body.id as string;
  });
  afterAll(async () => {
    await t?.close();
  });

  it('a member’s withdrawal names the removal first', async () => {
    const res = await post('supervisor', `/complaints/${ids[5]}/withdraw`, {
      reason: '已与单位和解',
      bodyConsent: { note: '仲裁委同意撤回' },
      complainantRequest: { channel: 'PHONE' },
    });
    expect([res.status, res.body.code]).toEqual([409, 'PROCEEDING_OPEN']);
    expect(res.body.details.allowed[0]).toBe(
      `POST /api/v1/arbitration/cases/${caseId}/members/${ids[5]}/remove`,
    );
  });

  it('the member’s claim leaves the case, the case goes on collective with 9; then the complaint is withdrawn', async () => {
    const before = await read();
    const res = await remove(5, { version: before.version, reason: '申请人自行和解，撤回本人仲裁申请' });
    expect(res.status).toBe(200);
    expect(res.body.version).toBe(before.version + 1);
    expect([res.body.status, res.body.collective]).toEqual([before.status, true]);
    const claims = res.body.claims as { description: string; amountFen: number }[];
    expect(claims).toHaveLength(9);
    expect(claims.some((x) => x.description.startsWith(trackingNos[5]))).toBe(false);
    const [e] = await t.dataSource.query<{ case_id: string; data: Record<string, unknown> }[]>(
      `SELECT case_id, data FROM case_events WHERE action = 'ARBITRATION_REMOVE_MEMBER'`,
    );
    expect(e.case_id).toBe(ids[0]);
    expect(e.data).toMatchObject({
      arbitrationCaseId: caseId,
      memberComplaintId: ids[5],
      reason: '申请人自行和解，撤回本人仲裁申请',
      membersLeft: 9,
      removedClaims: [{ type: 'LABOR_REMUNERATION', amountFen: 500_005 }],
    });
    await eventually(() =>
      t.sms.sent.some((m) => m.phone === memberPhone(5) && m.template === 'COLLECTIVE_MEMBER_REMOVED'),
    );
    const withdrawn = await post('supervisor', `/complaints/${ids[5]}/withdraw`, {
      reason: '已与单位和解',
      bodyConsent: { note: '仲裁委同意撤回' },
      complainantRequest: { channel: 'PHONE' },
    });
    expect([withdrawn.status, withdrawn.body.status]).toEqual([200, 'WITHDRAWN']);
    // The member's later notices of the group's case go to the 9 left, not to them.
    const dispute = await t
      .http()
      .get(`/api/v1/collective-disputes/${res.body.collectiveDisputeId as string}`)
      .set(await bearer(t, 'arbitrator'));
    expect((dispute.body.members as { complaintId: string }[]).map((m) => m.complaintId)).not.toContain(
      ids[5],
    );
  });

  it('the applicant’s complaint and a representative stay (409); a member out is 404; a worker is 403', async () => {
    const { version } = await read();
    const own = await remove(0, { version, reason: '申请退出' });
    expect([own.status, own.body.code, own.body.details.reason]).toEqual([
      409,
      'COLLECTIVE_MEMBER_NOT_REMOVABLE',
      'CASE_COMPLAINT',
    ]);
    const rep = await remove(1, { version, reason: '申请退出' });
    expect([rep.status, rep.body.code, rep.body.details.reason]).toEqual([
      409,
      'COLLECTIVE_MEMBER_NOT_REMOVABLE',
      'REPRESENTATIVE',
    ]);
    const out = await remove(5, { version, reason: '申请退出' });
    expect([out.status, out.body.code]).toEqual([404, 'COLLECTIVE_MEMBER_NOT_FOUND']);
    const worker = { authorization: `Bearer ${workers[7]}` };
    const byWorker = await t
      .http()
      .post(`/api/v1/arbitration/cases/${caseId}/members/${ids[7]}/remove`)
      .set(worker)
      .send({ version, reason: '申请退出' });
    expect(byWorker.status).toBe(403);
    expect((await read()).claims).toHaveLength(9);
  });
});
