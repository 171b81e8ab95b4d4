import { bearer } from '../support/case-flow';
import { fileMembers, memberPhone } from '../support/collective';
import { startTestApp, type TestApp } from '../support/test-app';
import { signInWorker } from '../support/users';

/**
 * Audit suspicion (2026-12-07): a member of a collective dispute (调解仲裁法 第七条) withdrew their complaint (撤回) while
 * the dispute's arbitration case was open; the withdrawal looked only for the complaint's own cases, so the complaint
 * read WITHDRAWN while the group's case still carried the member's claim and went on in their name. The collective
 * case is one arbitration application carrying every member's claim (办案规则 第六十三条: the representatives' acts bind
 * those they represent); a member leaves it in the arbitration itself — taken out with their claims (办案规则 第三十五条,
 * POST …/members/:complaintId/remove) or the application withdrawn (第四十一条) — so the complaint's withdrawal is 409
 * PROCEEDING_OPEN and points there (a representative is refused the removal until another is elected).
 */
describe("withdrawing a member's complaint under the collective dispute's open arbitration", () => {
  let t: TestApp;
  let ids: string[];
  let caseId: string;
  const post = async (user: string, path: string, body: object) =>
    t
      .http()
      .post(`/api/v1${path}`)
      .set(await bearer(t, user))
      .send(body);

  beforeAll(async () => {
    t = await startTestApp();
    const workers: string[] = [];
    for (let i = 0; i < 10; i++) workers.push(await signInWorker(t, memberPhone(i)));
    const filed = await fileMembers(t, workers, '浦东集体撤回测试有限公司', (i) => ({
      claimedAmountFen: 500_000 + i,
    }));
    ids = filed.ids;
    const dispute = await post('mediator', '/collective-disputes', {
      employerId: filed.employerId,
      category: 'WAGE_ARREARS',
      complaintIds: ids,
      representativeComplaintIds: ids.slice(0, 3),
    });
    expect(dispute.status).toBe(201);
    for (const id of ids) expect((await post('mediator', `/complaints/${id}/accept`, {})).status).toBe(200);
    expect((await post('mediator', `/complaints/${ids[0]}/route`, { target: 'ARBITRATION' })).status).toBe(
      200,
    );
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

  it.each([
    ['a member', 5],
    ['a representative', 1],
  ])(
    '%s: 409 PROCEEDING_OPEN naming the group’s case and how to leave it; the complaint and the case unchanged',
    async (_who, i) => {
      const res = await post('supervisor', `/complaints/${ids[i]}/withdraw`, {
        reason: '已与单位和解',
        bodyConsent: { note: '仲裁委同意撤回' },
        complainantRequest: { channel: 'PHONE' },
      });
      expect([res.status, res.body.code]).toEqual([409, 'PROCEEDING_OPEN']);
      expect(res.body.details).toMatchObject({ proceeding: 'ARBITRATION', caseId, action: 'WITHDRAW' });
      expect(res.body.details.allowed).toEqual([
        `POST /api/v1/arbitration/cases/${caseId}/members/${ids[i]}/remove`,
        `POST /api/v1/arbitration/cases/${caseId}/close {closureType: WITHDRAWN}`,
      ]);
      const [c] = await t.dataSource.query<{ status: string }[]>(
        'SELECT status FROM complaints WHERE id = $1',
        [ids[i]],
      );
      expect(c.status).toBe('ROUTED'); // as routing the group left it
      const read = await t
        .http()
        .get(`/api/v1/arbitration/cases/${caseId}`)
        .set(await bearer(t, 'arbitrator'));
      expect([read.body.status === 'CLOSED', read.body.claims.length]).toEqual([false, 10]);
    },
  );
});
