import { bearer } from '../support/case-flow';
import { routedGroup } from '../support/collective';
import { startTestApp, type TestApp } from '../support/test-app';

/**
 * A complaint not about money (a missing contract) may state no amount: claimedAmountFen null, not 0 (fd2c15d). The
 * claims built from it — a collective dispute's member's claim in the group's arbitration case — recorded 0 fen, which
 * the case, its statement and the tribunal's figures read as "claimed nothing". They carry null through.
 */
describe('claims built from complaints without an amount', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  it('a member’s claim without an amount is null in the group’s case, not 0; one with an amount keeps it', async () => {
    const { ids } = await routedGroup(t, {
      n: 10,
      employerName: '浦东未签合同集体测试有限公司',
      category: 'NO_CONTRACT',
      target: 'ARBITRATION',
      representatives: [],
      body: (i) => ({ claimedAmountFen: i === 9 ? 120_000 : undefined }),
    });
    const applied = await t
      .http()
      .post('/api/v1/arbitration/cases')
      .set(await bearer(t, 'arbitrator'))
      .send({
        complaintId: ids[0],
        claims: [{ type: 'OTHER', description: '确认劳动关系并补签劳动合同', amountFen: 0 }],
      });
    expect(applied.status).toBe(201);
    const claims = applied.body.claims as { amountFen: number | null }[];
    expect(claims).toHaveLength(10);
    expect(claims.slice(1).map((x) => x.amountFen)).toEqual([...Array<null>(8).fill(null), 120_000]);
    const [row] = await t.dataSource.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM arbitration_claims WHERE case_id = $1 AND amount_fen IS NULL`,
      [applied.body.id],
    );
    expect(row.n).toBe(8);
  });
});
