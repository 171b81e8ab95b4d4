import { todayInShanghai } from '../../src/calendar/local-date';
import { complaintBody, startTestApp, type TestApp } from '../support/test-app';

/**
 * 16.5 简易处理: a sole arbitrator when a 第五十六条 ground is met (a collective dispute too, 办案规则 第六十二条第二款), never
 * when a 第五十七条 exclusion applies; the average-wage threshold read from the dated table `average_wages`.
 */
describe('arbitration: simplified procedure (sole arbitrator)', () => {
  let t: TestApp;
  let me: string;
  let n = 0;
  const auth = async (user: string) => ({ authorization: `Bearer ${await t.token(user)}` });
  const post = async (user: string, path: string, body: object) =>
    t
      .http()
      .post(`/api/v1${path}`)
      .set(await auth(user))
      .send(body);

  /** An accepted case (version 2) for `workers` workers claiming `amountFen` in one claim. */
  const accepted = async (workers: number, amountFen: number) => {
    n++;
    const filed = await post(
      '13800000000',
      '/complaints',
      complaintBody({ affectedWorkers: workers, employer: { name: `浦东简易处理测试公司${n}` } }),
    );
    expect(filed.status).toBe(201);
    const complaintId = filed.body.id as string;
    for (const [path, body] of [
      ['accept', {}],
      ['route', { target: 'ARBITRATION' }],
    ] as const)
      expect((await post('mediator', `/complaints/${complaintId}/${path}`, body)).status).toBe(200);
    const c = await post('mediator', '/arbitration/cases', {
      complaintId,
      claims: [{ type: 'LABOR_REMUNERATION', description: '支付拖欠工资', amountFen }],
    });
    expect(c.status).toBe(201);
    const id = c.body.id as string;
    expect((await post('arbitrator', `/arbitration/cases/${id}/accept`, { version: 1 })).status).toBe(200);
    return { id, collective: c.body.collective as boolean };
  };
  const sole = (id: string, extra: object) =>
    post('arbitrator', `/arbitration/cases/${id}/tribunal`, { version: 2, arbitratorIds: [me], ...extra });

  beforeAll(async () => {
    t = await startTestApp();
    me = (
      await t
        .http()
        .get('/api/v1/auth/me')
        .set(await auth('arbitrator'))
    ).body.userId as string;
  });
  afterAll(async () => {
    await t.close();
  });

  it('the Shanghai minimum wage: 2,740 元 from 2025-07-01 cites 沪人社规〔2025〕10号 (verified); the 2023 row is still UNVERIFIED', async () => {
    const rows = await t.dataSource.query<{ effective_from: string; monthly_fen: string; source: string }[]>(
      `SELECT effective_from::text, monthly_fen, source FROM minimum_wages WHERE province = '310000' ORDER BY 1`,
    );
    expect(rows.map((r) => [r.effective_from, r.monthly_fen])).toEqual([
      ['2023-07-01', '269000'],
      ['2025-07-01', '274000'],
    ]);
    expect(rows[0].source).toContain('UNVERIFIED');
    expect(rows[1].source).not.toContain('UNVERIFIED');
    expect(rows[1].source).toContain('沪人社规〔2025〕10号');
    expect(rows[1].source).toContain('https://rsj.sh.gov.cn/tgzfl_17732/20250714/t0035_1434097.html');
  });

  it('the threshold is the province’s row in force on the application date (Shanghai 2024 figure, 149,208 元, from 2025-07-01)', async () => {
    const [row] = await t.dataSource.query<{ annual_fen: string; reference_year: number; source: string }[]>(
      `SELECT annual_fen, reference_year, source FROM average_wages
        WHERE province = '310000' AND effective_from <= $1 ORDER BY effective_from DESC LIMIT 1`,
      [todayInShanghai()],
    );
    expect(row).toMatchObject({ annual_fen: '14920800', reference_year: 2024 });
    expect(row.source).toContain('UNVERIFIED');
    // Exactly the figure: within it (第五十六条第一款第（二）项: 不超过).
    const at = await accepted(1, 14_920_800);
    const ok = await sole(at.id, { simplifiedExclusions: [] });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ tribunal: 'SOLE', status: 'TRIBUNAL_FORMED' });
    // One fen above, no other ground: 400, naming the figure and its year.
    const above = await accepted(1, 14_920_801);
    const refused = await sole(above.id, { simplifiedExclusions: [] });
    expect(refused.status).toBe(400);
    expect(refused.body).toMatchObject({
      code: 'SOLE_ARBITRATOR_NOT_ELIGIBLE',
      details: { averageAnnualWageFen: 14_920_800, averageWageYear: 2024, grounds: [], allowed: false },
    });
    // The timeline records the grounds and the exclusions checked.
    const [event] = await t.dataSource.query<{ data: Record<string, unknown> }[]>(
      `SELECT data FROM case_events WHERE action = 'ARBITRATION_FORM_TRIBUNAL' AND data->>'arbitrationCaseId' = $1`,
      [at.id],
    );
    expect(event.data).toMatchObject({
      simplified: { grounds: ['AMOUNT_WITHIN_AVERAGE_WAGE'], exclusionsChecked: [], averageWageYear: 2024 },
    });
  });

  it('a collective dispute meeting a 第五十六条 ground may have a sole arbitrator (办案规则 第六十二条第二款)', async () => {
    const c = await accepted(12, 20_000_000);
    expect(c.collective).toBe(true);
    // Above the average wage, no other ground: refused.
    expect((await sole(c.id, { simplifiedExclusions: [] })).body.code).toBe('SOLE_ARBITRATOR_NOT_ELIGIBLE');
    const ok = await sole(c.id, { factsClear: true, simplifiedExclusions: [] });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ tribunal: 'SOLE', collective: true });
  });

  it('a 第五十七条 exclusion refuses the sole arbitrator with 409 whatever the grounds; three arbitrators remain possible', async () => {
    const c = await accepted(1, 500_000);
    for (const exclusion of [
      'PUBLIC_INTEREST',
      'MAJOR_SOCIAL_IMPACT',
      'RESPONDENT_MISSING',
      'COMMISSION_DEEMS_UNSUITABLE',
    ]) {
      const r = await sole(c.id, { factsClear: true, partiesAgree: true, simplifiedExclusions: [exclusion] });
      expect(r.status).toBe(409);
      expect(r.body).toMatchObject({
        code: 'SIMPLIFIED_PROCEDURE_EXCLUDED',
        details: {
          excludedBy: [exclusion],
          grounds: ['FACTS_CLEAR', 'AMOUNT_WITHIN_AVERAGE_WAGE', 'PARTIES_AGREE'],
        },
      });
    }
    // The case did not move.
    const view = await t
      .http()
      .get(`/api/v1/arbitration/cases/${c.id}`)
      .set(await auth('arbitrator'));
    expect(view.body).toMatchObject({ version: 2, status: 'ACCEPTED', tribunal: null });
  });

  it('a sole arbitrator without the 第五十七条 check stated is 400 on simplifiedExclusions; an unknown exclusion is 400', async () => {
    const c = await accepted(1, 500_000);
    const missing = await sole(c.id, { partiesAgree: true });
    expect(missing.status).toBe(400);
    expect(JSON.stringify(missing.body.details)).toContain('simplifiedExclusions');
    const unknown = await sole(c.id, { partiesAgree: true, simplifiedExclusions: ['WEATHER'] });
    expect(unknown.status).toBe(400);
    expect(JSON.stringify(unknown.body.details)).toContain('simplifiedExclusions');
  });
});
