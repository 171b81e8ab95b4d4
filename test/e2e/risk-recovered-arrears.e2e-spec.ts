import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { addDays, todayInShanghai } from '../../src/calendar/local-date';
import { orderToPayStage } from '../../src/inspection/wage-crime.rules';
import { orderToPayStageSql, paidByOrderSql } from '../../src/risk/risk-order-to-pay.sql';
import { RiskScoringService } from '../../src/risk/risk-scoring.service';
import { userIdOf } from '../support/case-flow';
import { startTestApp, type TestApp } from '../support/test-app';

/**
 * Audit suspicion (2026-12-07): the RED wage-arrears level counted wages already paid — inspection recoveries and
 * paid mediation instalments — as still owed, so an employer who had paid kept its RED warning. The amount owed is
 * what was found / claimed less what was recovered / paid by the scoring date (Shanghai: 10 workers, 100000 yuan;
 * one worker 20000 yuan for 3 months).
 */
describe('risk: wages recovered or paid are not owed', () => {
  let t: TestApp;
  const auth = async () => ({ authorization: `Bearer ${await t.token('admin')}` });
  const today = todayInShanghai();
  const STREET = '310115005';
  let seq = 0;
  let org: string;

  const employer = async () => {
    const id = randomUUID();
    await t.dataSource.query(
      `INSERT INTO employers (id, name, name_normalised, source, street_code) VALUES ($1, $2, $2, 'REGISTER', $3)`,
      [id, `追回测试公司${id.slice(0, 8)}`, STREET],
    );
    return id;
  };
  const complaint = async (employerId: string, on: string, worker: string, fen: number, dispute?: string) => {
    const id = randomUUID();
    seq++;
    await t.dataSource.query(
      `INSERT INTO complaints (id, tracking_no, kind, status, category, channel, employer_id, workplace_street_code,
                               claimed_amount_fen, affected_workers, facts, requests, complainant_id_number_bidx,
                               received_on, created_at, version, collective_dispute_id)
       VALUES ($1, $2, 'COMPLAINT', 'ACCEPTED', 'WAGE_ARREARS', 'WEB', $3, $4, $5, 1, '欠薪', '支付工资',
               $6, $7, ($7::date + time '10:00') AT TIME ZONE 'Asia/Shanghai', 1, $8)`,
      [id, `TS-PAID-${String(seq).padStart(6, '0')}`, employerId, STREET, fen, worker, on, dispute ?? null],
    );
    return id;
  };
  /** A mediation agreement on the complaint (or the collective dispute) with one instalment paid on `paidOn`. */
  const paidAgreement = async (
    employerId: string,
    complaintId: string,
    fen: number,
    paidOn: string,
    dispute?: string,
  ) => {
    const [med] = await t.dataSource.query<{ id: string }[]>(
      `SELECT id FROM organisations WHERE kind <> 'INSPECTION_BRIGADE' ORDER BY kind LIMIT 1`,
    );
    const caseId = randomUUID();
    const agreementId = randomUUID();
    await t.dataSource.query(
      `INSERT INTO mediation_cases (id, complaint_id, collective_dispute_id, organisation_id, street_code, employer_id,
                                    status, opened_on)
       VALUES ($1, $2, $3, $4, $5, $6, 'CLOSED', $7)`,
      [caseId, complaintId, dispute ?? null, med.id, STREET, employerId, addDays(paidOn, -5)],
    );
    await t.dataSource.query(
      `INSERT INTO mediation_agreements (id, case_id, status, claims, total_fen, signed_on)
       VALUES ($1, $2, 'PERFORMED', '[]', $3, $4)`,
      [agreementId, caseId, fen, addDays(paidOn, -1)],
    );
    await t.dataSource.query(
      `INSERT INTO mediation_instalments (id, agreement_id, seq, due_on, amount_fen, paid_on, status)
       VALUES ($1, $2, 1, $3, $4, $3, 'PAID')`,
      [randomUUID(), agreementId, paidOn, fen],
    );
  };
  /**
   * An inspection case received 20 days ago; with `dueOn`, the order to pay (责令改正指令书) whose last day it is, and
   * `refused` the refusal recorded (POST /api/v1/inspection/cases/:id/order-refused sets order_refused).
   */
  const inspectionCase = async (
    employerId: string,
    f: {
      workers: number;
      months: number;
      fen: number;
      complaintId?: string;
      dueOn?: string;
      refused?: boolean;
    },
  ) => {
    const id = randomUUID();
    await t.dataSource.query(
      `INSERT INTO inspection_cases (id, case_no, source, employer_id, jurisdiction_code, organisation_id, status,
                                     received_on, acceptance_due_on, arrears_fen, workers_affected, months_unpaid,
                                     complaint_id, rectify_due_on, order_refused)
       VALUES ($1, $2, 'REPORT', $3, $4, $5, $6, $7, $7, $8, $9, $10, $11, $12, $13)`,
      [
        id,
        `JC-PAID-${id.slice(0, 8)}`,
        employerId,
        STREET,
        org,
        f.dueOn ? 'RECTIFICATION_ORDERED' : 'INVESTIGATING',
        addDays(today, -20),
        f.fen,
        f.workers,
        f.months,
        f.complaintId ?? null,
        f.dueOn ?? null,
        f.refused ?? false,
      ],
    );
    return id;
  };
  const recovery = async (caseId: string, fen: number, paidOn: string) => {
    await t.dataSource.query(
      `INSERT INTO inspection_recoveries (id, case_id, paid_on, amount_fen, workers_covered) VALUES ($1, $2, $3, $4, 1)`,
      [randomUUID(), caseId, paidOn, fen],
    );
    await t.dataSource.query(
      `UPDATE inspection_cases SET recovered_fen = recovered_fen + $2, recovered_workers = recovered_workers + 1
        WHERE id = $1`,
      [caseId, fen],
    );
  };
  /**
   * An inspection case closed on `closedOn` with the order to pay one worker 25000 元 (3 months) by `dueOn`, the
   * recoveries given, and the violation its closing recorded (found that day, meeting Shanghai's one-worker figure of
   * 20000 元 on the wages found: inspection-proceeding.ts registerViolation); returns the violation's id.
   */
  const closedWithFinding = async (
    employerId: string,
    f: { dueOn: string; closedOn: string; paid?: { on: string; fen: number }[]; refused?: boolean },
  ) => {
    const id = await inspectionCase(employerId, { workers: 1, months: 3, fen: 2_500_000 });
    for (const p of f.paid ?? []) await recovery(id, p.fen, p.on);
    const paidAll = (f.paid ?? []).reduce((n, p) => n + p.fen, 0) >= 2_500_000;
    await t.dataSource.query(
      `UPDATE inspection_cases SET status = 'CLOSED', closed_on = $2, rectify_due_on = $3, order_refused = $4,
              violation_found = true, closure_type = $5 WHERE id = $1`,
      [id, f.closedOn, f.dueOn, f.refused ?? false, paidAll ? 'RECTIFIED' : 'PENALISED'],
    );
    const violationId = randomUUID();
    await t.dataSource.query(
      `INSERT INTO employer_violations (id, employer_id, jurisdiction_code, source_type, source_id, found_on, kinds,
                                        arrears_fen, workers_affected, order_refused, meets_crime_threshold, major)
       VALUES ($1, $2, $3, 'INSPECTION', $4, $5, '{WAGE_ARREARS}', 2500000, 1, $6, true, true)`,
      [violationId, employerId, STREET, id, f.closedOn, f.refused ?? false],
    );
    return violationId;
  };
  const features = async (id: string, asOf = today) =>
    (
      await t
        .http()
        .get(`/api/v1/risk/employers/${id}/features?asOf=${asOf}`)
        .set(await auth())
    ).body as {
      features: Record<string, unknown>;
      evaluation: {
        levels: Record<string, string>;
        hits: { ruleId: string; explanation: string; facts: Record<string, unknown> }[];
      };
    };
  /** Ten workers claiming 10000 yuan each in the last 10 days: the Shanghai total (二). */
  const tenClaims = async (employerId: string, dispute?: string) => {
    const ids: string[] = [];
    for (let i = 0; i < 10; i++)
      ids.push(
        await complaint(
          employerId,
          addDays(today, -i - 2),
          `p${employerId.slice(0, 8)}${i}`,
          1_000_000,
          dispute,
        ),
      );
    return ids;
  };

  beforeAll(async () => {
    t = await startTestApp();
    [{ id: org }] = await t.dataSource.query<{ id: string }[]>(
      `SELECT id FROM organisations WHERE kind = 'INSPECTION_BRIGADE' LIMIT 1`,
    );
  });
  afterAll(async () => {
    await t?.close();
  });

  it('a worker paid under a mediation agreement is no longer owed: the claims fall below the total and RED goes', async () => {
    const id = await employer();
    const [first] = await tenClaims(id);
    expect((await features(id)).evaluation.levels.WAGE_ARREARS).toBe('RED');
    await paidAgreement(id, first, 1_000_000, today);
    const after = await features(id);
    expect(after.features).toMatchObject({
      wageCrimeByComplaints: false,
      owedWageWorkers90d: 9,
      owedArrearsFen90d: 9_000_000,
      // what was claimed is still what was claimed
      claimedArrearsFen90d: 10_000_000,
      wageWorkers90d: 10,
    });
    // 10 wage complaints in 30 days stay a lead (ORANGE, WA-COMPLAINTS-30D), no longer a crime threshold (RED).
    expect(after.evaluation.levels.WAGE_ARREARS).toBe('ORANGE');
    await t.app.get(RiskScoringService).rescoreEmployer(id);
    const open = await t.dataSource.query<{ level: string }[]>(
      `SELECT level FROM risk_warnings WHERE employer_id = $1 AND kind = 'WAGE_ARREARS' AND status <> 'CLOSED'`,
      [id],
    );
    expect(open.map((w) => w.level)).toEqual(['ORANGE']);
    // The day before the payment the wages were owed (a backtest reads history as it was).
    expect((await features(id, addDays(today, -1))).features.wageCrimeByComplaints).toBe(true);
  });

  it("a collective dispute's mediation paid in full clears all its members' claims", async () => {
    const id = await employer();
    const dispute = randomUUID();
    await t.dataSource.query(
      `INSERT INTO collective_disputes (id, employer_id, category, representative_complaint_ids, confirmed_by)
       VALUES ($1, $2, 'WAGE_ARREARS', '{}', $3)`,
      [dispute, id, await userIdOf(t, 'supervisor')],
    );
    const ids = await tenClaims(id, dispute);
    expect((await features(id)).features.wageCrimeByComplaints).toBe(true);
    await paidAgreement(id, ids[0], 10_000_000, today, dispute);
    const after = await features(id);
    expect(after.features).toMatchObject({
      wageCrimeByComplaints: false,
      owedWageWorkers90d: 0,
      owedArrearsFen90d: 0,
    });
    expect(after.evaluation.levels.WAGE_ARREARS).toBe('ORANGE');
  });

  it("wages recovered by the inspection case of a complaint reduce that complaint's claim", async () => {
    const id = await employer();
    const [first] = await tenClaims(id);
    const c = await inspectionCase(id, { workers: 1, months: 1, fen: 1_000_000, complaintId: first });
    await recovery(c, 400_000, today);
    expect((await features(id)).features).toMatchObject({
      owedArrearsFen90d: 9_600_000,
      owedWageWorkers90d: 10,
      wageCrimeByComplaints: false,
    });
  });

  it('an inspection case whose arrears were recovered no longer meets the threshold: what counts is what is owed', async () => {
    const id = await employer();
    // No order to pay yet: the watch of a case still owed (WA-CRIME-CASE-NO-ORDER), no referral assessment (below).
    const c = await inspectionCase(id, { workers: 1, months: 3, fen: 2_000_000 });
    const before = await features(id);
    expect(before.features).toMatchObject({
      wageCrimeInspectionCasesNoOrder365d: 1,
      wageCrimeInspectionCaseNoOrderIds365d: [c],
    });
    expect(before.evaluation.levels.WAGE_ARREARS).toBe('YELLOW');
    await recovery(c, 500_000, today);
    const partly = await features(id);
    // 15000 yuan still owed: below the one-worker figure (20000)
    expect(partly.features).toMatchObject({
      wageCrimeInspectionCasesNoOrder365d: 0,
      wageCrimeInspectionCases365d: 0,
      wageCrimeThresholdMet: false,
    });
    expect(partly.evaluation.levels.WAGE_ARREARS).toBeUndefined();
    await recovery(c, 1_500_000, today);
    expect((await features(id)).evaluation.levels.WAGE_ARREARS).toBeUndefined();
    // before the recoveries the case met the figure
    expect((await features(id, addDays(today, -1))).features).toMatchObject({
      wageCrimeInspectionCasesNoOrder365d: 1,
    });
  });
  // Audit 2026-12-07 (MEDIUM): 30000 元 found, ordered paid by a date, paid in full before it, closed RECTIFIED —
  // the scan still raised RED WA-CRIME-THRESHOLD-FINDING (评估移送公安机关). 经责令支付仍不支付 (刑法 第二百七十六条之一;
  // 法释〔2013〕3号 第四条: 在指定的期限内仍不支付) never happened.
  it('a finding whose wages were paid in full within the order’s period is no referral assessment', async () => {
    const id = await employer();
    await closedWithFinding(id, {
      dueOn: addDays(today, -10),
      closedOn: addDays(today, -9),
      paid: [
        { on: addDays(today, -12), fen: 1_500_000 },
        { on: addDays(today, -12), fen: 1_000_000 },
      ],
    });
    const f = await features(id);
    expect(f.features).toMatchObject({
      wageCrimeViolations365d: 0,
      wageCrimeViolationIds365d: [],
      wageCrimeThresholdMet: false,
      pastViolations3y: 1,
    });
    expect(f.evaluation.hits.filter((h) => h.ruleId.startsWith('WA-CRIME-'))).toEqual([]);
    await t.app.get(RiskScoringService).rescoreEmployer(id);
    expect(
      await t.dataSource.query(
        `SELECT level FROM risk_warnings WHERE employer_id = $1 AND kind = 'WAGE_ARREARS'`,
        [id],
      ),
    ).toEqual([]);
  });

  it('a finding whose order’s period ended with wages unpaid stays RED, paid late or recorded refused', async () => {
    const late = await employer();
    const lateId = await closedWithFinding(late, {
      dueOn: addDays(today, -10),
      closedOn: addDays(today, -4),
      // 5000 元 by the last day, the rest five days late: 20000 元 not paid in time, Shanghai's one-worker figure
      paid: [
        { on: addDays(today, -10), fen: 500_000 },
        { on: addDays(today, -5), fen: 2_000_000 },
      ],
    });
    const f = await features(late);
    expect(f.features).toMatchObject({ wageCrimeViolations365d: 1, wageCrimeViolationIds365d: [lateId] });
    expect(f.evaluation.levels.WAGE_ARREARS).toBe('RED');
    // The case's own rule judges its order alike: not paid in time, paid late or not (it once fired only while owed).
    expect(f.evaluation.hits.map((h) => h.ruleId)).toEqual([
      'WA-CRIME-THRESHOLD-CASE',
      'WA-CRIME-THRESHOLD-FINDING',
    ]);
    const refused = await employer();
    const refusedId = await closedWithFinding(refused, {
      dueOn: addDays(today, -10),
      closedOn: addDays(today, -3),
      refused: true,
    });
    expect((await features(refused)).features).toMatchObject({
      wageCrimeViolations365d: 1,
      wageCrimeViolationIds365d: [refusedId],
    });
    // 1 元 short by the last day, paid the day after: what was refused (1 元) is not 数额较大 (法释〔2013〕3号 第三条).
    const short = await employer();
    await closedWithFinding(short, {
      dueOn: addDays(today, -10),
      closedOn: addDays(today, -8),
      paid: [
        { on: addDays(today, -10), fen: 2_499_900 },
        { on: addDays(today, -9), fen: 100 },
      ],
    });
    expect((await features(short)).features).toMatchObject({ wageCrimeViolations365d: 0 });
  });

  it('a finding whose order’s period still runs is an ORANGE watch on its last day; unpaid after it, RED', async () => {
    const id = await employer();
    const dueOn = addDays(today, 5);
    const violationId = await closedWithFinding(id, { dueOn, closedOn: addDays(today, -1) });
    const now = await features(id);
    expect(now.features).toMatchObject({
      wageCrimeViolations365d: 0,
      wageCrimeViolationsOrderRunning365d: 1,
      wageCrimeViolationOrderRunningIds365d: [violationId],
      wageCrimeOrderDueOn: dueOn,
    });
    // Not (yet) the referral assessment: the watch on the order's last day. (The case itself has its own watch,
    // WA-CRIME-CASE-ORDER-DUE, below.)
    const findingRules = (hits: { ruleId: string }[]) =>
      hits
        .map((h) => h.ruleId)
        .filter((r) => r === 'WA-CRIME-THRESHOLD-FINDING' || r === 'WA-CRIME-ORDER-DUE');
    expect(findingRules(now.evaluation.hits)).toEqual(['WA-CRIME-ORDER-DUE']);
    const watch = now.evaluation.hits.find((h) => h.ruleId === 'WA-CRIME-ORDER-DUE')!;
    expect(watch.explanation).toBe(
      `1项违法行为拖欠数额达到本省拒不支付劳动报酬罪数额标准，责令支付期限至${dueOn}：跟踪支付，逾期仍不支付的评估移送公安机关`,
    );
    expect(watch.facts).toEqual({
      wageCrimeViolationsOrderRunning365d: 1,
      wageCrimeOrderDueOn: dueOn,
      wageCrimeViolationOrderRunningIds365d: [violationId],
    });
    // On its last day still the watch; the day after, unpaid: not paid in time, the referral assessment.
    expect(findingRules((await features(id, dueOn)).evaluation.hits)).toEqual(['WA-CRIME-ORDER-DUE']);
    const after = await features(id, addDays(dueOn, 1));
    expect(findingRules(after.evaluation.hits)).toEqual(['WA-CRIME-THRESHOLD-FINDING']);
    expect(after.features).toMatchObject({
      wageCrimeViolations365d: 1,
      wageCrimeViolationIds365d: [violationId],
    });
  });

  // Audit 2026-12-07 (second): WA-CRIME-THRESHOLD-CASE raised RED 评估移送公安机关 on an inspection case's wages owed
  // whatever its order to pay — none issued yet, or one still in its period. The offence needs 经政府有关部门责令支付仍
  // 不支付 (刑法 第二百七十六条之一), 责令支付后在指定的期限内仍不支付 (法释〔2013〕3号 第四条): the case is judged by its order
  // as the findings are (orderToPayStage). Shanghai: one worker 20000 元 for 3 months; 10 workers 100000 元.
  const crimeRules = (hits: { ruleId: string }[]) =>
    hits.map((h) => h.ruleId).filter((r) => r.startsWith('WA-CRIME-'));
  const hitOf = (f: Awaited<ReturnType<typeof features>>, ruleId: string) =>
    f.evaluation.hits.find((h) => h.ruleId === ruleId)!;

  it('an inspection case at the figures with no order to pay yet is no referral assessment: a YELLOW 依法责令限期支付', async () => {
    const id = await employer();
    const c = await inspectionCase(id, { workers: 1, months: 3, fen: 2_500_000 });
    const f = await features(id);
    expect(f.features).toMatchObject({
      wageCrimeInspectionCases365d: 0,
      wageCrimeInspectionCaseIds365d: [],
      wageCrimeInspectionCasesOrderRunning365d: 0,
      wageCrimeInspectionCasesNoOrder365d: 1,
      wageCrimeInspectionCaseNoOrderIds365d: [c],
      wageCrimeThresholdMet: false,
    });
    expect(crimeRules(f.evaluation.hits)).toEqual(['WA-CRIME-CASE-NO-ORDER']);
    expect(f.evaluation.levels.WAGE_ARREARS).toBe('YELLOW');
    expect(hitOf(f, 'WA-CRIME-CASE-NO-ORDER')).toMatchObject({
      explanation:
        '1件监察案件查明拖欠工资尚未支付的数额达到本省拒不支付劳动报酬罪数额标准，尚未责令支付：依法责令限期支付',
      facts: { wageCrimeInspectionCasesNoOrder365d: 1, wageCrimeInspectionCaseNoOrderIds365d: [c] },
    });
    await t.app.get(RiskScoringService).rescoreEmployer(id);
    expect(
      await t.dataSource.query(
        `SELECT level FROM risk_warnings WHERE employer_id = $1 AND kind = 'WAGE_ARREARS'`,
        [id],
      ),
    ).toEqual([{ level: 'YELLOW' }]);
    // Closed without an order (e.g. revoked), no order is left to issue in it: no watch.
    await t.dataSource.query(
      `UPDATE inspection_cases SET status = 'CLOSED', closed_on = $2, closure_type = 'REVOKED' WHERE id = $1`,
      [c, today],
    );
    expect(crimeRules((await features(id)).evaluation.hits)).toEqual([]);
  });

  it('an inspection case whose order’s period still runs is an ORANGE watch on its last day; unpaid after it, RED', async () => {
    const id = await employer();
    const dueOn = addDays(today, 5);
    const c = await inspectionCase(id, { workers: 1, months: 3, fen: 2_500_000, dueOn });
    const now = await features(id);
    expect(now.features).toMatchObject({
      wageCrimeInspectionCases365d: 0,
      wageCrimeInspectionCasesOrderRunning365d: 1,
      wageCrimeInspectionCaseOrderRunningIds365d: [c],
      wageCrimeCaseOrderDueOn: dueOn,
      wageCrimeInspectionCasesNoOrder365d: 0,
      wageCrimeThresholdMet: false,
    });
    expect(crimeRules(now.evaluation.hits)).toEqual(['WA-CRIME-CASE-ORDER-DUE']);
    expect(now.evaluation.levels.WAGE_ARREARS).toBe('ORANGE');
    expect(hitOf(now, 'WA-CRIME-CASE-ORDER-DUE')).toMatchObject({
      explanation: `1件监察案件查明拖欠工资达到本省拒不支付劳动报酬罪数额标准，责令支付期限至${dueOn}：跟踪支付，逾期仍不支付的评估移送公安机关`,
      facts: {
        wageCrimeInspectionCasesOrderRunning365d: 1,
        wageCrimeCaseOrderDueOn: dueOn,
        wageCrimeInspectionCaseOrderRunningIds365d: [c],
      },
    });
    // On its last day still the watch; the day after, unpaid: not paid in time, the referral assessment.
    expect(crimeRules((await features(id, dueOn)).evaluation.hits)).toEqual(['WA-CRIME-CASE-ORDER-DUE']);
    const after = await features(id, addDays(dueOn, 1));
    expect(crimeRules(after.evaluation.hits)).toEqual(['WA-CRIME-THRESHOLD-CASE']);
    expect(after.features).toMatchObject({
      wageCrimeInspectionCases365d: 1,
      wageCrimeInspectionCaseIds365d: [c],
      wageCrimeCaseArrearsFen: 2_500_000,
    });
  });

  it('an inspection case whose order’s last day passed unpaid is RED, paid late or not: the figure is what was unpaid that day', async () => {
    const id = await employer();
    const dueOn = addDays(today, -10);
    const c = await inspectionCase(id, { workers: 1, months: 3, fen: 2_500_000, dueOn });
    // 3000 元 by the last day (22000 元 not paid in time), the rest five days late.
    await recovery(c, 300_000, dueOn);
    await recovery(c, 2_200_000, addDays(today, -5));
    const f = await features(id);
    expect(f.features).toMatchObject({
      wageCrimeInspectionCases365d: 1,
      wageCrimeInspectionCaseIds365d: [c],
      wageCrimeCaseWorkers: 1,
      wageCrimeCaseArrearsFen: 2_200_000,
      wageCrimeThresholdMet: true,
    });
    expect(crimeRules(f.evaluation.hits)).toEqual(['WA-CRIME-THRESHOLD-CASE']);
    expect(f.evaluation.levels.WAGE_ARREARS).toBe('RED');
    expect(hitOf(f, 'WA-CRIME-THRESHOLD-CASE').explanation).toBe(
      '365日内1件监察案件查明拖欠工资达到本省拒不支付劳动报酬罪数额标准，且经责令支付未在指定期限内支付（其中最大一件1名劳动者，22000.00元）：评估移送公安机关',
    );
    // On the last day itself the period still ran.
    expect(crimeRules((await features(id, dueOn)).evaluation.hits)).toEqual(['WA-CRIME-CASE-ORDER-DUE']);
    // 1 元 short by the last day: what was not paid in time (1 元) is not 数额较大 (法释〔2013〕3号 第三条).
    const short = await employer();
    const s = await inspectionCase(short, { workers: 1, months: 3, fen: 2_500_000, dueOn });
    await recovery(s, 2_499_900, dueOn);
    expect(crimeRules((await features(short)).evaluation.hits)).toEqual([]);
  });

  it('an inspection case paid in full within its order’s period is nothing: no referral assessment, no watch', async () => {
    const ended = await employer();
    const c = await inspectionCase(ended, {
      workers: 1,
      months: 3,
      fen: 2_500_000,
      dueOn: addDays(today, -10),
    });
    await recovery(c, 2_500_000, addDays(today, -12));
    const f = await features(ended);
    expect(f.features).toMatchObject({
      wageCrimeInspectionCases365d: 0,
      wageCrimeInspectionCasesOrderRunning365d: 0,
      wageCrimeInspectionCasesNoOrder365d: 0,
      wageCrimeThresholdMet: false,
    });
    expect(crimeRules(f.evaluation.hits)).toEqual([]);
    // Paid in full before a last day still to come: nothing either.
    const running = await employer();
    const r = await inspectionCase(running, {
      workers: 1,
      months: 3,
      fen: 2_500_000,
      dueOn: addDays(today, 5),
    });
    await recovery(r, 2_500_000, today);
    expect(crimeRules((await features(running)).evaluation.hits)).toEqual([]);
  });

  it('an inspection case whose order was recorded refused is RED (法释〔2013〕3号 第三条第二项: 10 workers, 100000 元)', async () => {
    const id = await employer();
    const c = await inspectionCase(id, {
      workers: 10,
      months: 1,
      fen: 10_000_000,
      dueOn: addDays(today, -3),
      refused: true,
    });
    const f = await features(id);
    expect(f.features).toMatchObject({
      wageCrimeInspectionCases365d: 1,
      wageCrimeInspectionCaseIds365d: [c],
      wageCrimeCaseWorkers: 10,
      wageCrimeCaseArrearsFen: 10_000_000,
    });
    expect(crimeRules(f.evaluation.hits)).toEqual(['WA-CRIME-THRESHOLD-CASE']);
    expect(f.evaluation.levels.WAGE_ARREARS).toBe('RED');
  });

  it('the SQL form of orderToPayStage (risk-order-to-pay.sql.ts) gives what orderToPayStage gives', async () => {
    const day = fc.integer({ min: -15, max: 15 }).map((n) => addDays(today, n));
    const facts = fc.record({
      complianceDueOn: fc.option(day, { nil: null }),
      refusalRecorded: fc.boolean(),
      arrearsFen: fc.integer({ min: 0, max: 3_000_000 }),
      payments: fc.array(fc.record({ paidOn: day, amountFen: fc.integer({ min: 1, max: 2_000_000 }) }), {
        maxLength: 3,
      }),
    });
    const sql = `SELECT ${orderToPayStageSql({ refused: 'o.refused', dueOn: 'o.due_on', asOf: 'o.as_of', unpaid: 'o.unpaid' })} AS stage
      FROM (SELECT $1::boolean AS refused, $2::date AS due_on, $3::date AS as_of,
                   GREATEST($4::bigint - COALESCE((
                     SELECT sum(p.fen) FROM unnest($5::date[], $6::bigint[]) AS p(paid_on, fen)
                      WHERE ${paidByOrderSql('p.paid_on', '$3::date', '$2::date')}), 0), 0) AS unpaid) o`;
    await fc.assert(
      fc.asyncProperty(facts, day, async (f, on) => {
        const [{ stage }] = await t.dataSource.query<{ stage: string }[]>(sql, [
          f.refusalRecorded,
          f.complianceDueOn,
          on,
          f.arrearsFen,
          f.payments.map((p) => p.paidOn),
          f.payments.map((p) => p.amountFen),
        ]);
        expect(stage).toBe(orderToPayStage(f, on));
      }),
      { numRuns: 300 },
    );
  });
});
