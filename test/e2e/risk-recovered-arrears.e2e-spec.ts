import { randomUUID } from 'node:crypto';
import { addDays, todayInShanghai } from '../../src/calendar/local-date';
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
  const inspectionCase = async (
    employerId: string,
    f: { workers: number; months: number; fen: number; complaintId?: string },
  ) => {
    const id = randomUUID();
    await t.dataSource.query(
      `INSERT INTO inspection_cases (id, case_no, source, employer_id, jurisdiction_code, organisation_id, status,
                                     received_on, acceptance_due_on, arrears_fen, workers_affected, months_unpaid,
                                     complaint_id)
       VALUES ($1, $2, 'REPORT', $3, $4, $5, 'INVESTIGATING', $6, $6, $7, $8, $9, $10)`,
      [
        id,
        `JC-PAID-${id.slice(0, 8)}`,
        employerId,
        STREET,
        org,
        addDays(today, -20),
        f.fen,
        f.workers,
        f.months,
        f.complaintId ?? null,
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
  const features = async (id: string, asOf = today) =>
    (
      await t
        .http()
        .get(`/api/v1/risk/employers/${id}/features?asOf=${asOf}`)
        .set(await auth())
    ).body as {
      features: Record<string, unknown>;
      evaluation: { levels: Record<string, string>; hits: { ruleId: string }[] };
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

  it('an inspection case whose arrears were recovered no longer meets the threshold (wageCrimeCaseArrearsFen is what is owed)', async () => {
    const id = await employer();
    const c = await inspectionCase(id, { workers: 1, months: 3, fen: 2_000_000 });
    const before = await features(id);
    expect(before.features).toMatchObject({
      wageCrimeInspectionCases365d: 1,
      wageCrimeCaseArrearsFen: 2_000_000,
    });
    expect(before.evaluation.levels.WAGE_ARREARS).toBe('RED');
    await recovery(c, 500_000, today);
    const partly = await features(id);
    // 15000 yuan still owed: below the one-worker figure (20000)
    expect(partly.features).toMatchObject({ wageCrimeInspectionCases365d: 0, wageCrimeThresholdMet: false });
    expect(partly.evaluation.levels.WAGE_ARREARS).toBeUndefined();
    await recovery(c, 1_500_000, today);
    expect((await features(id)).evaluation.levels.WAGE_ARREARS).toBeUndefined();
    // before the recoveries the case met the figure
    expect((await features(id, addDays(today, -1))).features).toMatchObject({
      wageCrimeInspectionCases365d: 1,
      wageCrimeCaseArrearsFen: 2_000_000,
    });
  });
});
