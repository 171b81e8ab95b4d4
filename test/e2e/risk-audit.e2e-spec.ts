import { randomUUID } from 'node:crypto';
import { addDays, todayInShanghai } from '../../src/calendar/local-date';
import { assessWageCrime, type WageCrimeThreshold } from '../../src/inspection/wage-crime.rules';
import { RiskScoringService } from '../../src/risk/risk-scoring.service';
import { RiskWarningsService } from '../../src/risk/risk-warnings.service';
import { startTestApp, type TestApp } from '../support/test-app';
import { testUscc } from '../support/uscc';

/** Findings of the risk audit (2026-12-06), one test per finding, each failing before its fix. */
describe('risk audit (2026-12-06): streets, the crime threshold, red warnings in hand, closed warnings, asOf, signals, crime warnings', () => {
  let t: TestApp;
  const auth = async (user: string) => ({ authorization: `Bearer ${await t.token(user)}` });
  const today = todayInShanghai();
  const STREET = '310115005';

  /** An employer as intake creates it from a complaint: no registered street. */
  const employer = async () => {
    const id = randomUUID();
    await t.dataSource.query(
      `INSERT INTO employers (id, name, name_normalised, source) VALUES ($1, $2, $2, 'COMPLAINT')`,
      [id, `审计测试公司${id.slice(0, 8)}`],
    );
    return id;
  };
  /**
   * An inspection case whose order to pay lapsed yesterday with the wages unpaid (经责令支付仍不支付, 法释〔2013〕3号
   * 第四条): at the figures, the referral assessment (RED WA-CRIME-THRESHOLD-CASE).
   */
  const inspectionCase = async (employerId: string, f: { workers: number; months: number; fen: number }) => {
    const [org] = await t.dataSource.query<{ id: string }[]>(
      `SELECT id FROM organisations WHERE kind = 'INSPECTION_BRIGADE' LIMIT 1`,
    );
    await t.dataSource.query(
      `INSERT INTO inspection_cases (id, case_no, source, employer_id, jurisdiction_code, organisation_id, status,
                                     received_on, acceptance_due_on, arrears_fen, workers_affected, months_unpaid,
                                     rectify_due_on)
       VALUES ($1, $2, 'REPORT', $3, $4, $5, 'RECTIFICATION_ORDERED', $6, $6, $7, $8, $9, $10)`,
      [
        randomUUID(),
        `JC-AUDIT-${randomUUID().slice(0, 8)}`,
        employerId,
        STREET,
        org.id,
        addDays(today, -20),
        f.fen,
        f.workers,
        f.months,
        addDays(today, -1),
      ],
    );
  };
  const warningRow = async (employerId: string) =>
    (
      await t.dataSource.query<
        {
          id: string;
          level: string;
          street_code: string | null;
          escalated_at: Date | null;
          red_since: Date;
        }[]
      >(
        `SELECT * FROM risk_warnings WHERE employer_id = $1 AND kind = 'WAGE_ARREARS' AND status <> 'CLOSED'`,
        [employerId],
      )
    )[0];
  const actions = async (warningId: string) =>
    (
      await t.dataSource.query<{ action: string }[]>(
        `SELECT action FROM risk_warning_events WHERE warning_id = $1 ORDER BY occurred_at, id`,
        [warningId],
      )
    ).map((e) => e.action);

  let seq = 0;
  /** Three wage complaints in 30 days make an ORANGE wage-arrears warning (WA-COMPLAINTS-30D). */
  const wageComplaints = async (employerId: string, n: number) => {
    for (let i = 0; i < n; i++)
      await t.dataSource.query(
        `INSERT INTO complaints (id, tracking_no, kind, status, category, channel, employer_id, workplace_street_code,
                                 claimed_amount_fen, affected_workers, facts, requests, complainant_id_number_bidx,
                                 received_on, created_at, version)
         VALUES ($1, $2, 'COMPLAINT', 'ACCEPTED', 'WAGE_ARREARS', 'WEB', $3, $4, 100000, 1, '欠薪', '支付工资',
                 $5, $6, ($6::date + time '10:00') AT TIME ZONE 'Asia/Shanghai', 1)`,
        [
          randomUUID(),
          `TS-AUDIT-${String(++seq).padStart(6, '0')}`,
          employerId,
          STREET,
          `w-${seq}`,
          addDays(today, -2),
        ],
      );
  };
  const redNotes = async (warningId: string, template: string) =>
    t.dataSource.query<{ recipient_user_id: string; dedup_key: string }[]>(
      `SELECT recipient_user_id, dedup_key FROM notifications WHERE subject_ref = $1 AND template = $2 ORDER BY created_at`,
      [`risk-warning:${warningId}`, template],
    );

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  it("an employer without a registered street or complaint: the warning takes the inspection case's street, its staff see it", async () => {
    const id = await employer();
    await inspectionCase(id, { workers: 1, months: 3, fen: 2_000_000 });
    await t.app.get(RiskScoringService).rescoreEmployer(id);
    const w = await warningRow(id);
    expect(w).toMatchObject({ level: 'RED', street_code: STREET });
    const list = await t
      .http()
      .get('/api/v1/risk/warnings?kind=WAGE_ARREARS&limit=100')
      .set(await auth('supervisor'));
    expect((list.body.items as { id: string }[]).map((x) => x.id)).toContain(w.id);
    const features = await t
      .http()
      .get(`/api/v1/risk/employers/${id}/features`)
      .set(await auth('supervisor'));
    expect([features.status, features.body.street]).toEqual([200, STREET]);
  });

  it('a red warning no supervisor covers is not marked escalated: one ESCALATION_UNROUTED event, retried until it reaches someone', async () => {
    const id = await employer();
    await inspectionCase(id, { workers: 1, months: 3, fen: 2_000_000 });
    const scoring = t.app.get(RiskScoringService);
    await scoring.rescoreEmployer(id);
    // A warning stored without a street (as before the fix).
    await t.dataSource.query(
      `UPDATE risk_warnings SET street_code = NULL WHERE employer_id = $1 AND kind = 'WAGE_ARREARS'`,
      [id],
    );
    const w = await warningRow(id);
    const svc = t.app.get(RiskWarningsService);
    const later = new Date(new Date(w.red_since).getTime() + 3 * 3600_000);
    const first = await svc.escalateOverdue(later);
    expect(first.escalated).not.toContain(w.id);
    expect(first.unrouted).toContain(w.id);
    expect((await warningRow(id)).escalated_at).toBeNull();
    expect((await svc.escalateOverdue(later)).unrouted).toContain(w.id);
    expect((await actions(w.id)).filter((a) => a === 'ESCALATION_UNROUTED')).toHaveLength(1);

    // The next rescore writes the street it now finds; the next sweep reaches the street's supervisors.
    await scoring.rescoreEmployer(id);
    expect((await warningRow(id)).street_code).toBe(STREET);
    expect((await svc.escalateOverdue(later)).escalated).toContain(w.id);
    expect((await warningRow(id)).escalated_at).not.toBeNull();
    const [supervisor] = await t.dataSource.query<{ id: string }[]>(
      `SELECT id FROM users WHERE username = 'supervisor'`,
    );
    const notes = await t.dataSource.query<{ recipient_user_id: string }[]>(
      `SELECT recipient_user_id FROM notifications WHERE subject_ref = $1 AND template = 'RISK_RED_UNACKNOWLEDGED'`,
      [`risk-warning:${w.id}`],
    );
    expect(notes.map((n) => n.recipient_user_id)).toContain(supervisor.id);
    expect(await actions(w.id)).toEqual(['RAISED', 'ESCALATION_UNROUTED', 'ESCALATED']);
  });
  it("an inspection case meets the crime threshold in the risk SQL exactly when the inspection module's assessWageCrime says so (several workers too)", async () => {
    const [row] = await t.dataSource.query<Record<string, number>[]>(
      `SELECT single_worker_fen, single_worker_min_months, multi_workers, multi_workers_total_fen
         FROM wage_crime_threshold_source WHERE province_code = '31' AND effective_from <= $1
        ORDER BY effective_from DESC LIMIT 1`,
      [today],
    );
    const threshold: WageCrimeThreshold = {
      provinceCode: '31',
      effectiveFrom: today,
      singleWorkerFen: Number(row.single_worker_fen),
      singleWorkerMinMonths: Number(row.single_worker_min_months),
      multiWorkers: Number(row.multi_workers),
      multiWorkersTotalFen: Number(row.multi_workers_total_fen),
      basis: '',
      verified: true,
    };
    const single = threshold.singleWorkerFen;
    const cases = [
      { workers: 1, months: 3, fen: single },
      { workers: 1, months: 3, fen: single - 1 },
      { workers: 1, months: 2, fen: single * 5 },
      // 法释〔2013〕3号 第三条（一）with several workers: each owed 3+ months, the average reaching the amount.
      { workers: 2, months: 3, fen: single * 2 },
      { workers: 3, months: 4, fen: single * 3 },
      { workers: 2, months: 3, fen: single * 2 - 1 },
      { workers: 2, months: 2, fen: single * 2 },
      { workers: 10, months: 1, fen: threshold.multiWorkersTotalFen },
      { workers: 10, months: 1, fen: threshold.multiWorkersTotalFen - 1 },
    ];
    const scoring = t.app.get(RiskScoringService);
    const got: [(typeof cases)[number], boolean][] = [];
    const want: [(typeof cases)[number], boolean][] = [];
    for (const c of cases) {
      const id = await employer();
      await inspectionCase(id, c);
      const { features } = await scoring.explainEmployer(id, today);
      got.push([c, features.wageCrimeInspectionCases365d === 1]);
      want.push([
        c,
        assessWageCrime(threshold, { workers: c.workers, arrearsFen: c.fen, monthsUnpaid: c.months }).meets,
      ]);
    }
    expect(got).toEqual(want);
    // The several-worker case of (一) is among those that meet it.
    expect(want.filter(([c, meets]) => meets && c.workers > 1 && c.workers < 10)).toHaveLength(2);
  });
  it("a warning acknowledged while ORANGE that turns RED tells the street's supervisors", async () => {
    const scoring = t.app.get(RiskScoringService);
    const [supervisor] = await t.dataSource.query<{ id: string }[]>(
      `SELECT id FROM users WHERE username = 'supervisor'`,
    );
    // Acknowledged while ORANGE, then an inspection case finds the crime threshold: RED.
    const acked = await employer();
    await wageComplaints(acked, 3);
    await scoring.rescoreEmployer(acked);
    const orange = await warningRow(acked);
    expect(orange).toMatchObject({ level: 'ORANGE', street_code: STREET });
    const ack = await t
      .http()
      .post(`/api/v1/risk/warnings/${orange.id}/acknowledge`)
      .set(await auth('inspector'))
      .send({
        version: (
          await t.dataSource.query<{ version: number }[]>('SELECT version FROM risk_warnings WHERE id = $1', [
            orange.id,
          ])
        )[0].version,
      });
    expect([ack.status, ack.body.status]).toEqual([200, 'ACKNOWLEDGED']);
    await inspectionCase(acked, { workers: 1, months: 3, fen: 2_000_000 });
    await scoring.rescoreEmployer(acked);
    expect((await warningRow(acked)).level).toBe('RED');
    expect((await redNotes(orange.id, 'RISK_RED_IN_HANDLING')).map((n) => n.recipient_user_id)).toContain(
      supervisor.id,
    );
    expect(await actions(orange.id)).toEqual(['RAISED', 'ACKNOWLEDGE', 'LEVEL_CHANGED', 'RED_NOTIFIED']);
    // A rescore that changes nothing tells nobody again.
    await scoring.rescoreEmployer(acked);
    expect((await actions(orange.id)).filter((a) => a === 'RED_NOTIFIED')).toHaveLength(1);
  });

  it('a red episode after a drop to ORANGE is escalated again (escalated_at ends with the episode)', async () => {
    const scoring = t.app.get(RiskScoringService);
    const svc = t.app.get(RiskWarningsService);
    const [supervisor] = await t.dataSource.query<{ id: string }[]>(
      `SELECT id FROM users WHERE username = 'supervisor'`,
    );
    const fresh = await employer();
    await wageComplaints(fresh, 3);
    await inspectionCase(fresh, { workers: 1, months: 3, fen: 2_000_000 });
    /** Sets the case's arrears, rescores; when RED, the sweep 3 hours after it turned red escalates it. */
    const withArrears = async (fen: number) => {
      await t.dataSource.query(`UPDATE inspection_cases SET arrears_fen = $2 WHERE employer_id = $1`, [
        fresh,
        fen,
      ]);
      await scoring.rescoreEmployer(fresh);
      const w = await warningRow(fresh);
      if (w.level === 'RED') {
        const later = new Date(new Date(w.red_since).getTime() + 3 * 3600_000);
        expect((await svc.escalateOverdue(later)).escalated).toContain(w.id);
      }
      return w;
    };
    const red = await withArrears(2_000_000);
    expect(red.level).toBe('RED');
    expect(await withArrears(1)).toMatchObject({ level: 'ORANGE', escalated_at: null });
    expect(await withArrears(2_000_000)).toMatchObject({ id: red.id, level: 'RED' });
    const notes = await redNotes(red.id, 'RISK_RED_UNACKNOWLEDGED');
    expect(notes.filter((n) => n.recipient_user_id === supervisor.id)).toHaveLength(2);
    expect((await actions(red.id)).filter((a) => a === 'ESCALATED')).toHaveLength(2);
  });

  it('an asOf that is no calendar date (2026-02-30) is a 400 with the field, not a 500', async () => {
    const id = await employer();
    for (const asOf of ['2026-02-30', '2026-13-01', '2025-02-29']) {
      const res = await t
        .http()
        .get(`/api/v1/risk/employers/${id}/features?asOf=${asOf}`)
        .set(await auth('admin'));
      expect([asOf, res.status, res.body.code]).toEqual([asOf, 400, 'VALIDATION_FAILED']);
      expect((res.body.details as { field: string }[]).map((d) => d.field)).toEqual(['asOf']);
    }
    const leap = await t
      .http()
      .get(`/api/v1/risk/employers/${id}/features?asOf=2024-02-29`)
      .set(await auth('admin'));
    expect([leap.status, leap.body.asOf]).toEqual([200, '2024-02-29']);
  });
  it("a signal row of kind 'constructor' with a value beyond numeric(14,2) is rejected alone; the batch is stored", async () => {
    const id = await employer();
    const uscc = testUscc(1, 'AU');
    await t.dataSource.query('UPDATE employers SET uscc = $1 WHERE id = $2', [uscc, id]);
    const row = { employerUscc: uscc, source: 'COURT', observedAt: '2026-11-20T08:00:00+08:00' };
    const res = await t
      .http()
      .post('/api/v1/risk/signals')
      .set(await auth('supervisor'))
      .send([
        { ...row, kind: 'COURT_ENFORCEMENT', value: 1 },
        { ...row, kind: 'constructor', value: 1e20 },
        { ...row, kind: '__proto__', value: 1 },
      ]);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ received: 3, stored: 1, rejected: 2 });
    expect((res.body.rows as { status: string }[]).map((r) => r.status)).toEqual([
      'STORED',
      'REJECTED',
      'REJECTED',
    ]);
    const [{ n }] = await t.dataSource.query<{ n: number }[]>(
      'SELECT count(*)::int AS n FROM risk_signals WHERE employer_id = $1',
      [id],
    );
    expect(n).toBe(1);
  });
  it('a mediator (人民调解委员会) may not acknowledge, handle or close a crime-threshold warning: 403 RISK_WARNING_CRIME_RESERVED', async () => {
    const scoring = t.app.get(RiskScoringService);
    const version = async (warningId: string) =>
      (
        await t.dataSource.query<{ version: number }[]>('SELECT version FROM risk_warnings WHERE id = $1', [
          warningId,
        ])
      )[0].version;
    const crime = await employer();
    await inspectionCase(crime, { workers: 1, months: 3, fen: 2_000_000 });
    await scoring.rescoreEmployer(crime);
    const w = await warningRow(crime);
    for (const path of ['acknowledge', 'handling', 'close']) {
      const res = await t
        .http()
        .post(`/api/v1/risk/warnings/${w.id}/${path}`)
        .set(await auth('mediator'))
        .send({ version: await version(w.id), ...(path === 'close' ? { disposal: '已调解' } : {}) });
      expect([path, res.status, res.body.code]).toEqual([path, 403, 'RISK_WARNING_CRIME_RESERVED']);
    }
    const byInspector = await t
      .http()
      .post(`/api/v1/risk/warnings/${w.id}/acknowledge`)
      .set(await auth('inspector'))
      .send({ version: await version(w.id) });
    expect([byInspector.status, byInspector.body.status]).toEqual([200, 'ACKNOWLEDGED']);
    // A wage-arrears warning without a crime hit stays the mediators' too.
    const plain = await employer();
    await wageComplaints(plain, 3);
    await scoring.rescoreEmployer(plain);
    const orange = await warningRow(plain);
    const byMediator = await t
      .http()
      .post(`/api/v1/risk/warnings/${orange.id}/acknowledge`)
      .set(await auth('mediator'))
      .send({ version: await version(orange.id) });
    expect([byMediator.status, byMediator.body.status]).toEqual([200, 'ACKNOWLEDGED']);
  });
});
