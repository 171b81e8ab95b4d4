import { bearer } from '../support/case-flow';
import { memberPhone, routedGroup } from '../support/collective';
import { eventually, startTestApp, type TestApp } from '../support/test-app';

/**
 * A collective dispute (调解仲裁法 第七条) is mediated as one case on one member's complaint; a member's withdrawal
 * (撤回) looked only for mediation cases opened on the member's own complaint, so a member under the group's open case
 * withdrew while the case still counted them as a member. As for the group's arbitration (f975f5d), the withdrawal is
 * 409 PROCEEDING_OPEN naming the group's case and how one member leaves it without ending it for the others: mediation
 * is voluntary (人民调解法 第三条、第二十三条: a party may ask to end it), so the committee takes the member out on
 * request (POST …/members/:complaintId/remove), and then the withdrawal goes through.
 */
describe("withdrawing a member's complaint under the collective dispute's open mediation", () => {
  let t: TestApp;
  let ids: string[];
  let caseId: string;
  const post = async (user: string, path: string, body: object) =>
    t
      .http()
      .post(`/api/v1${path}`)
      .set(await bearer(t, user))
      .send(body);
  const withdraw = (i: number) =>
    post('supervisor', `/complaints/${ids[i]}/withdraw`, {
      reason: '已与单位和解',
      bodyConsent: { note: '调委会同意撤回' },
      complainantRequest: { channel: 'PHONE' },
    });
  const mediation = async () =>
    (
      await t
        .http()
        .get(`/api/v1/mediation/cases/${caseId}`)
        .set(await bearer(t, 'mediator'))
    ).body as { version: number; status: string; members: { complaintId: string }[] };

  beforeAll(async () => {
    t = await startTestApp();
    ({ ids } = await routedGroup(t, {
      n: 11,
      employerName: '浦东集体调解撤回测试有限公司',
      category: 'UNLAWFUL_TERMINATION',
      target: 'MEDIATION',
      representatives: [1, 2, 3],
      body: (i) => ({ claimedAmountFen: 300_000 + i }),
    }));
    const opened = await post('mediator', '/mediation/cases', { complaintId: ids[0] });
    expect(opened.status).toBe(201);
    caseId = opened.body.id as string;
  });
  afterAll(async () => {
    await t?.close();
  });

  it('a member: 409 PROCEEDING_OPEN naming the group’s case and how to leave it; the complaint unchanged', async () => {
    const res = await withdraw(5);
    expect([res.status, res.body.code]).toEqual([409, 'PROCEEDING_OPEN']);
    expect(res.body.details).toMatchObject({ proceeding: 'MEDIATION', caseId, action: 'WITHDRAW' });
    expect(res.body.details.allowed).toEqual([
      `POST /api/v1/mediation/cases/${caseId}/members/${ids[5]}/remove`,
      `POST /api/v1/mediation/cases/${caseId}/close {outcome: WITHDRAWN}`,
    ]);
    const [c] = await t.dataSource.query<{ status: string }[]>(
      'SELECT status FROM complaints WHERE id = $1',
      [ids[5]],
    );
    expect(c.status).toBe('ROUTED'); // as routing the group left it
    expect((await mediation()).members).toHaveLength(11);
  });

  it('the committee takes the member out on request; then the withdrawal goes through and the case goes on', async () => {
    const before = await mediation();
    const removed = await post('mediator', `/mediation/cases/${caseId}/members/${ids[5]}/remove`, {
      version: before.version,
      reason: '该劳动者已与单位自行和解，申请退出调解',
    });
    expect(removed.status).toBe(200);
    expect(removed.body.version).toBe(before.version + 1);
    expect(removed.body.status).toBe('OPEN');
    expect((removed.body.members as { complaintId: string }[]).map((m) => m.complaintId)).not.toContain(
      ids[5],
    );
    expect(removed.body.members).toHaveLength(10);
    // On the group's timeline and the member's own; the member is told.
    const events = await t.dataSource.query<{ case_id: string; data: Record<string, unknown> }[]>(
      `SELECT case_id, data FROM case_events WHERE action IN ('MEDIATION_MEMBER_REMOVED', 'COLLECTIVE_MEMBER_REMOVED')`,
    );
    expect(events.map((e) => e.case_id).sort()).toEqual([ids[0], ids[5]].sort());
    expect(events.find((e) => e.case_id === ids[0])!.data).toMatchObject({
      mediationCaseId: caseId,
      memberComplaintId: ids[5],
      reason: '该劳动者已与单位自行和解，申请退出调解',
      membersLeft: 10,
    });
    await eventually(() =>
      t.sms.sent.some((m) => m.phone === memberPhone(5) && m.template === 'COLLECTIVE_MEMBER_REMOVED'),
    );
    const res = await withdraw(5);
    expect([res.status, res.body.status]).toEqual([200, 'WITHDRAWN']);
    expect((await mediation()).status).toBe('OPEN');
  });

  it('the case’s own complaint and a representative are not taken out (409); a stale version is 409', async () => {
    const m = await mediation();
    const own = await post('mediator', `/mediation/cases/${caseId}/members/${ids[0]}/remove`, {
      version: m.version,
      reason: '申请退出',
    });
    expect([own.status, own.body.code, own.body.details.reason]).toEqual([
      409,
      'COLLECTIVE_MEMBER_NOT_REMOVABLE',
      'CASE_COMPLAINT',
    ]);
    const rep = await post('mediator', `/mediation/cases/${caseId}/members/${ids[2]}/remove`, {
      version: m.version,
      reason: '申请退出',
    });
    expect([rep.status, rep.body.code, rep.body.details.reason]).toEqual([
      409,
      'COLLECTIVE_MEMBER_NOT_REMOVABLE',
      'REPRESENTATIVE',
    ]);
    const gone = await post('mediator', `/mediation/cases/${caseId}/members/${ids[5]}/remove`, {
      version: m.version,
      reason: '申请退出',
    });
    expect([gone.status, gone.body.code]).toEqual([404, 'COLLECTIVE_MEMBER_NOT_FOUND']);
    const stale = await post('mediator', `/mediation/cases/${caseId}/members/${ids[7]}/remove`, {
      version: m.version - 1,
      reason: '申请退出',
    });
    expect([stale.status, stale.body.code]).toEqual([409, 'STALE_VERSION']);
    const noReason = await post('mediator', `/mediation/cases/${caseId}/members/${ids[7]}/remove`, {
      version: m.version,
    });
    expect([noReason.status, noReason.body.code]).toEqual([400, 'VALIDATION_FAILED']);
  });
});
