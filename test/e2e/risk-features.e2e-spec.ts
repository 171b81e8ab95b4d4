import { randomUUID } from 'node:crypto';
import { addDays, todayInShanghai } from '../../src/calendar/local-date';
import { springFestival } from '../../src/risk/risk.evaluator';
import { RiskScoringService } from '../../src/risk/risk-scoring.service';
import { complaintBody, eventually, startTestApp, type TestApp } from '../support/test-app';
import { testUscc } from '../support/uscc';

const uscc = (n: number) => testUscc(n, '1R');

interface Warning {
  employerId: string;
  kind: string;
  level: string;
  street: string | null;
  hits: { ruleId: string; explanation: string; facts: Record<string, unknown> }[];
}

describe('risk features on filings, employer register and compliance records', () => {
  let t: TestApp;
  const auth = async (user: string) => ({ authorization: `Bearer ${await t.token(user)}` });
  const today = todayInShanghai();
  let seq = 0;

  const warnings = async (employerId: string, kind: string): Promise<Warning[]> => {
    const res = await t
      .http()
      .get(`/api/v1/risk/warnings?kind=${kind}&limit=100`)
      .set(await auth('admin'));
    return (res.body.items as Warning[]).filter((w) => w.employerId === employerId);
  };
  /** An employer's features and their evaluation today, as an admin reads them. */
  const features = async (id: string) =>
    (
      await t
        .http()
        .get(`/api/v1/risk/employers/${id}/features`)
        .set(await auth('admin'))
    ).body as { features: Record<string, unknown>; evaluation: { hits: { ruleId: string }[] } };
  const employer = async (over: { industry?: string; street?: string } = {}) => {
    const id = randomUUID();
    await t.dataSource.query(
      `INSERT INTO employers (id, name, name_normalised, source, industry_code, street_code)
       VALUES ($1, $2, $2, 'REGISTER', $3, $4)`,
      [id, `预警特征测试公司${id.slice(0, 8)}`, over.industry ?? null, over.street ?? null],
    );
    return id;
  };
  const complaint = async (
    employerId: string,
    on: string,
    worker: string,
    fen = 500000,
    category = 'WAGE_ARREARS',
  ) => {
    seq++;
    await t.dataSource.query(
      `INSERT INTO complaints (id, tracking_no, kind, status, category, channel, employer_id, workplace_street_code,
                               claimed_amount_fen, affected_workers, facts, requests, complainant_id_number_bidx,
                               received_on, created_at, version)
       VALUES ($1, $2, 'COMPLAINT', 'ACCEPTED', $7, 'WEB', $3, '310115005', $6, 1, '欠薪', '支付工资',
               $4, $5, ($5::date + time '10:00') AT TIME ZONE 'Asia/Shanghai', 1)`,
      [randomUUID(), `TS-FEAT-${String(seq).padStart(6, '0')}`, employerId, worker, on, fen, category],
    );
  };

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  it('complaints by category: a count per category and window (30 / 90 days), exactly at the window edges', async () => {
    const employerId = await employer();
    await complaint(employerId, today, 'w-cat-1', 0, 'SOCIAL_INSURANCE');
    await complaint(employerId, addDays(today, -29), 'w-cat-2', 0, 'SOCIAL_INSURANCE'); // last day of the 30
    await complaint(employerId, addDays(today, -30), 'w-cat-3', 0, 'SOCIAL_INSURANCE'); // 90 only
    await complaint(employerId, addDays(today, -89), 'w-cat-4', 0, 'NO_CONTRACT'); // last day of the 90
    await complaint(employerId, addDays(today, -90), 'w-cat-5', 0, 'NO_CONTRACT'); // outside both
    const res = await t
      .http()
      .get(`/api/v1/risk/employers/${employerId}/features`)
      .set(await auth('supervisor'));
    expect(res.status).toBe(200);
    expect(res.body.features).toMatchObject({
      socialInsuranceComplaints30d: 2,
      socialInsuranceComplaints90d: 3,
      noContractComplaints30d: 0,
      noContractComplaints90d: 1,
      unlawfulTerminationComplaints90d: 0,
      wageComplaints90d: 0,
      complaints90d: 4,
    });
  });

  it('a layoff filing at the Art 41 threshold with a complaint → orange; a relocation notice with wage complaints → red (rescored by the filing hooks)', async () => {
    const employerRef = { uscc: uscc(1), name: '浦东预警备案测试有限公司' };
    const c = await t
      .http()
      .post('/api/v1/complaints')
      .set(await auth('13800000000'))
      .send(complaintBody({ employer: employerRef }));
    expect(c.status).toBe(201);
    const employerId = c.body.employer.id as string;
    const layoff = await t
      .http()
      .post('/api/v1/filings/layoffs')
      .set(await auth('inspector'))
      .send({
        employer: employerRef,
        streetCode: '310115005',
        headcountCut: 20,
        totalHeadcount: 100,
        layoffOn: addDays(today, 31),
        unionOrStaffNotifiedOn: today,
        grounds: ['SEVERE_DIFFICULTY'],
        reasons: '订单大幅减少，生产经营发生严重困难',
        consultationRecord: '工会座谈会记录：工会原则同意',
      });
    expect(layoff.status).toBe(201);
    expect(layoff.body.employer.id).toBe(employerId);
    const [orange] = await eventually(async () => {
      const ws = await warnings(employerId, 'MASS_DISPUTE');
      return ws.length ? ws : null;
    }, 20000);
    expect(orange.level).toBe('ORANGE');
    const hit = orange.hits.find((h) => h.ruleId === 'MD-LAYOFF-ART41')!;
    expect(hit.facts).toMatchObject({
      layoffArt41Filings90d: 1,
      complaints30d: 1,
      layoffHeadcountCut90d: 20,
      layoffFilingIds90d: [layoff.body.id],
    });

    const closure = await t
      .http()
      .post('/api/v1/filings/closures')
      .set(await auth('inspector'))
      .send({
        employer: employerRef,
        streetCode: '310115005',
        kind: 'RELOCATION',
        notifiedOn: today,
        effectiveOn: addDays(today, 90),
        workersAffected: 40,
        resettlementPlan: '随迁或协商解除并支付经济补偿',
      });
    expect(closure.status).toBe(201);
    const red = await eventually(async () => {
      const [w] = await warnings(employerId, 'MASS_DISPUTE');
      return w?.level === 'RED' ? w : null;
    }, 20000);
    expect(red.hits.find((h) => h.ruleId === 'MD-CLOSURE-WAGE')!.facts).toMatchObject({
      closureNotices90d: 1,
      wageComplaints30d: 1,
      closureNoticeIds90d: [closure.body.id],
    });
    expect(await warnings(employerId, 'MASS_DISPUTE')).toHaveLength(1);
  });

  it('a layoff split into filings under the thresholds (15 + 15 of 400) with a complaint → MD-LAYOFF-ART41', async () => {
    const [inspector] = await t.dataSource.query<{ id: string }[]>(
      `SELECT id FROM users WHERE username = 'inspector'`,
    );
    // Rows as filed before the split rule: each flagged on its own (art41_applies false).
    const layoff = async (employerId: string, filedOn: string, layoffOn: string) => {
      const id = randomUUID();
      await t.dataSource.query(
        `INSERT INTO layoff_filings (id, employer_id, jurisdiction_code, filed_on, layoff_on, headcount_cut,
                                     total_headcount, art41_applies, reasons, filed_by_user_id)
         VALUES ($1, $2, '310115005', $3, $4, 15, 400, false, '订单减少', $5)`,
        [id, employerId, filedOn, layoffOn, inspector.id],
      );
      return id;
    };
    const split = await employer({ street: '310115005' });
    const a = await layoff(split, addDays(today, -20), addDays(today, 10));
    const b = await layoff(split, addDays(today, -5), addDays(today, 40));
    // The same cuts 91 days apart are two layoffs, each under the thresholds.
    const apart = await employer({ street: '310115005' });
    await layoff(apart, addDays(today, -60), addDays(today, -30));
    await layoff(apart, addDays(today, -5), addDays(today, 61));
    for (const id of [split, apart]) await complaint(id, today, `w-split-${id.slice(0, 8)}`);
    const s = await features(split);
    expect(s.features).toMatchObject({
      layoffFilings90d: 2,
      layoffHeadcountCut90d: 30,
      layoffArt41Filings90d: 2,
      layoffFilingIds90d: [a, b],
    });
    expect(s.evaluation.hits.map((h) => h.ruleId)).toContain('MD-LAYOFF-ART41');
    const p = await features(apart);
    expect(p.features).toMatchObject({ layoffFilings90d: 2, layoffArt41Filings90d: 0 });
    expect(p.evaluation.hits.map((h) => h.ruleId)).not.toContain('MD-LAYOFF-ART41');
    // The scan raises the warning.
    await t.app.get(RiskScoringService).score({ employerIds: [split, apart], asOf: today });
    const [w] = await warnings(split, 'MASS_DISPUTE');
    expect(w.hits.map((h) => h.ruleId)).toContain('MD-LAYOFF-ART41');
    expect(await warnings(apart, 'MASS_DISPUTE')).toEqual([]);
  });

  it('construction employers weigh one level higher in the 60 days before Spring Festival; the register street decides the jurisdiction', async () => {
    const asOf = addDays(springFestival(2026), -30);
    const builder = await employer({ industry: 'E', street: '310115007' });
    const factory = await employer({ industry: 'C' });
    for (const id of [builder, factory])
      for (let i = 0; i < 3; i++) await complaint(id, addDays(asOf, -i), `w${id.slice(0, 8)}${i}`);
    await t.app.get(RiskScoringService).score({ employerIds: [builder, factory], asOf });
    const [b] = await warnings(builder, 'WAGE_ARREARS');
    const [f] = await warnings(factory, 'WAGE_ARREARS');
    expect(b).toMatchObject({ level: 'RED', street: '310115007' });
    expect(f).toMatchObject({ level: 'ORANGE', street: '310115005' });
    // The dashboard's filters: street (a prefix), level, kind, status.
    const filtered = await t
      .http()
      .get('/api/v1/risk/warnings?street=310115007&level=RED&kind=WAGE_ARREARS&status=NEW')
      .set(await auth('supervisor'));
    expect((filtered.body.items as Warning[]).map((w) => w.employerId)).toEqual([builder]);
    const mediatorOf005 = await t
      .http()
      .get('/api/v1/risk/warnings?kind=WAGE_ARREARS&limit=100')
      .set(await auth('mediator'));
    const seen = (mediatorOf005.body.items as Warning[]).map((w) => w.employerId);
    expect(seen).toContain(factory);
    expect(seen).not.toContain(builder);
    // Warnings written by one run share a timestamp: paging one by one still sees each exactly once.
    const all = await t
      .http()
      .get('/api/v1/risk/warnings?limit=100')
      .set(await auth('admin'));
    const paged: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await t
        .http()
        .get(`/api/v1/risk/warnings?limit=1${cursor ? `&cursor=${cursor}` : ''}`)
        .set(await auth('admin'));
      paged.push(...(page.body.items as { id: string }[]).map((w) => w.id));
      cursor = page.body.nextCursor as string | null;
    } while (cursor);
    expect(paged).toEqual((all.body.items as { id: string }[]).map((w) => w.id));
    expect(paged.length).toBeGreaterThanOrEqual(3);
    // 61 days before, no uplift.
    const early = await t
      .http()
      .get(`/api/v1/risk/employers/${builder}/features?asOf=${addDays(springFestival(2026), -61)}`)
      .set(await auth('supervisor'));
    expect(early.body.features.construction).toBe(true);
    expect(early.body.evaluation.uplifted).toBe(false);
  });

  it('compliance records: a violation that met the crime threshold → red wage arrears; blacklist and grade are features', async () => {
    const id = await employer({ street: '310115005' });
    const [admin] = await t.dataSource.query<{ id: string }[]>(
      `SELECT id FROM users WHERE username = 'admin'`,
    );
    const violationId = randomUUID();
    // Entered by hand: no case, so its order is known by the refusal recorded (法释〔2013〕3号 第四条).
    await t.dataSource.query(
      `INSERT INTO employer_violations (id, employer_id, jurisdiction_code, source_type, found_on, kinds, arrears_fen,
                                        workers_affected, meets_crime_threshold, order_refused)
       VALUES ($1, $2, '310115005', 'MANUAL', $3, '{WAGE_ARREARS}', 9000000, 15, true, true)`,
      [violationId, id, addDays(today, -20)],
    );
    // One without a refusal on record is no referral assessment (经责令支付仍不支付 not on record).
    await t.dataSource.query(
      `INSERT INTO employer_violations (id, employer_id, jurisdiction_code, source_type, found_on, kinds, arrears_fen,
                                        workers_affected, meets_crime_threshold)
       VALUES ($1, $2, '310115005', 'MANUAL', $3, '{WAGE_ARREARS}', 9000000, 15, true)`,
      [randomUUID(), id, addDays(today, -19)],
    );
    await t.dataSource.query(
      `INSERT INTO wage_arrears_blacklist (id, employer_id, violation_id, jurisdiction_code, status, reasons, listed_on,
                                           expires_on, listed_by)
       VALUES ($1, $2, $3, '310115005', 'LISTED', '{ARREARS_CRIME}', $4, $5, $6)`,
      [randomUUID(), id, violationId, addDays(today, -10), addDays(today, 1085), admin.id],
    );
    await t.dataSource.query(
      `INSERT INTO employer_grades (employer_id, year, grade, reasons) VALUES ($1, $2, 'C', '[]')`,
      [id, Number(today.slice(0, 4)) - 1],
    );
    const res = await t
      .http()
      .get(`/api/v1/risk/employers/${id}/features`)
      .set(await auth('admin'));
    expect(res.status).toBe(200);
    expect(res.body.features).toMatchObject({
      wageCrimeThresholdMet: true,
      pastViolations3y: 2,
      blacklisted: true,
      grade: 'C',
    });
    expect(res.body.evaluation.levels).toEqual({ WAGE_ARREARS: 'RED' });
    expect(res.body.features).toMatchObject({
      wageCrimeByComplaints: false,
      wageCrimeViolations365d: 1,
      wageCrimeViolationIds365d: [violationId],
    });
    await t.app.get(RiskScoringService).rescoreEmployer(id);
    const [w] = await warnings(id, 'WAGE_ARREARS');
    // Regression (issue 18): the finding, not the (empty) complaints window, made it fire and explains it.
    expect(w.hits.map((h) => h.ruleId)).toEqual(['WA-CRIME-THRESHOLD-FINDING']);
    expect(w.hits[0].facts).toEqual({ wageCrimeViolations365d: 1, wageCrimeViolationIds365d: [violationId] });
    expect(w.hits[0].explanation).toBe(
      '365日内1项违法行为经认定达到本省拒不支付劳动报酬罪数额标准，且经责令支付未在指定期限内支付：评估移送公安机关',
    );
    // A year later the violation no longer makes the threshold feature (365 days), but still counts as a past violation.
    const later = await t
      .http()
      .get(`/api/v1/risk/employers/${id}/features?asOf=${addDays(today, 400)}`)
      .set(await auth('admin'));
    expect(later.body.features).toMatchObject({ wageCrimeThresholdMet: false, pastViolations3y: 2 });
  });

  it("wage claims of 10 workers reaching the province's total (wage_crime_thresholds, Shanghai 100000 yuan) → red; 9 workers do not", async () => {
    const ten = await employer();
    const nine = await employer();
    for (let i = 0; i < 10; i++)
      await complaint(ten, addDays(today, -i), `t${ten.slice(0, 8)}${i}`, 1_000_000);
    for (let i = 0; i < 9; i++)
      await complaint(nine, addDays(today, -i), `n${nine.slice(0, 8)}${i}`, 1_200_000);
    const met = await features(ten);
    expect(met.features).toMatchObject({
      wageWorkers90d: 10,
      claimedArrearsFen90d: 10_000_000,
      wageCrimeThresholdMet: true,
    });
    expect(met.evaluation.hits.map((h) => h.ruleId)).toContain('WA-CRIME-THRESHOLD');
    expect(met.features).toMatchObject({ wageCrimeByComplaints: true, wageCrimeInspectionCases365d: 0 });
    const notMet = await features(nine);
    expect(notMet.features).toMatchObject({ wageWorkers90d: 9, wageCrimeThresholdMet: false });
    // One fen short of the total with 10 workers: not met either.
    await t.dataSource.query(
      `UPDATE complaints SET claimed_amount_fen = claimed_amount_fen - 1
        WHERE id = (SELECT id FROM complaints WHERE employer_id = $1 LIMIT 1)`,
      [ten],
    );
    expect((await features(ten)).features.wageCrimeThresholdMet).toBe(false);
  });

  it('inspection cases: open cases, transfers to the police, and one worker unpaid 3+ months with the amount', async () => {
    const id = await employer({ street: '310115005' });
    const [org] = await t.dataSource.query<{ id: string }[]>(
      `SELECT id FROM organisations WHERE kind = 'INSPECTION_BRIGADE' LIMIT 1`,
    );
    // A case transferred to the police had its order to pay refused (the transfer's gate): ordered, due 10 days ago.
    const inspectionCase = async (over: {
      months: number;
      fen: number;
      closedOn?: string;
      police?: boolean;
    }) =>
      t.dataSource.query(
        `INSERT INTO inspection_cases (id, case_no, source, employer_id, jurisdiction_code, organisation_id, status,
                                       received_on, acceptance_due_on, closed_on, arrears_fen, workers_affected,
                                       months_unpaid, transferred_to_police, rectify_due_on, order_refused)
         VALUES ($1, $2, 'REPORT', $3, '310115005', $4, 'INVESTIGATING', $5, $5, $6, $7, 1, $8, $9, $10, $9)`,
        [
          randomUUID(),
          `JC-RISK-${randomUUID().slice(0, 8)}`,
          id,
          org.id,
          addDays(today, -30),
          over.closedOn ?? null,
          over.fen,
          over.months,
          over.police ?? false,
          over.police ? addDays(today, -10) : null,
        ],
      );
    await inspectionCase({ months: 2, fen: 3_000_000 });
    const below = await t
      .http()
      .get(`/api/v1/risk/employers/${id}/features`)
      .set(await auth('admin'));
    expect(below.body.features).toMatchObject({ openInspectionCases: 1, wageCrimeThresholdMet: false });
    await inspectionCase({ months: 3, fen: 2_000_000, closedOn: addDays(today, -1), police: true });
    const met = await t
      .http()
      .get(`/api/v1/risk/employers/${id}/features`)
      .set(await auth('admin'));
    expect(met.body.features).toMatchObject({
      openInspectionCases: 1,
      policeTransfers3y: 1,
      wageCrimeThresholdMet: true,
      wageCrimeByComplaints: false,
      wageCrimeInspectionCases365d: 1,
      wageCrimeCaseWorkers: 1,
      wageCrimeCaseArrearsFen: 2_000_000,
      wageWorkers90d: 0,
    });
    // Regression on the stored facts (issue 18): with no wage complaint in the window the red warning read
    // "（0名劳动者，累计0.00元）" while its facts said wageCrimeThresholdMet: true. The inspection case made it fire:
    // the hit is that case's rule, its stored facts are the case's figures and the explanation quotes them.
    await t.app.get(RiskScoringService).rescoreEmployer(id);
    const [w] = await warnings(id, 'WAGE_ARREARS');
    expect(w.level).toBe('RED');
    expect(w.hits.map((h) => h.ruleId)).toEqual(['WA-CRIME-THRESHOLD-CASE']);
    expect(w.hits[0].facts).toMatchObject({
      wageCrimeInspectionCases365d: 1,
      wageCrimeCaseWorkers: 1,
      wageCrimeCaseArrearsFen: 2_000_000,
    });
    expect(w.hits[0].facts).not.toHaveProperty('wageWorkers90d');
    expect(w.hits[0].explanation).toContain('1件监察案件');
    expect(w.hits[0].explanation).toContain('1名劳动者，20000.00元');
    expect(w.hits[0].explanation).not.toContain('0名劳动者');
  });
});
