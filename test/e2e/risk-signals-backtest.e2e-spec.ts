import { randomUUID } from 'node:crypto';
import { addDays, addYears, todayInShanghai } from '../../src/calendar/local-date';
import { eventually, startTestApp, type TestApp } from '../support/test-app';

const USCC_A = '91310115MA1K000001';
const USCC_B = '91310115MA1K000002';

describe('risk: external signals and the backtest', () => {
  let t: TestApp;
  const auth = async (user: string) => ({ authorization: `Bearer ${await t.token(user)}` });
  const employerA = randomUUID();
  const employerB = randomUUID();
  const quiet = randomUUID();
  let seq = 0;

  const employer = async (id: string, name: string, uscc: string | null) => {
    await t.dataSource.query(
      `INSERT INTO employers (id, uscc, name, name_normalised, source) VALUES ($1, $2, $3, $3, 'REGISTER')`,
      [id, uscc, name],
    );
  };
  /** A complaint received on a past date (generated history), by worker `worker`. */
  const complaint = async (employerId: string, on: string, worker: string, category = 'WAGE_ARREARS') => {
    seq++;
    await t.dataSource.query(
      `INSERT INTO complaints (id, tracking_no, kind, status, category, channel, employer_id, workplace_street_code,
                               claimed_amount_fen, affected_workers, facts, requests, complainant_id_number_bidx,
                               received_on, created_at, version)
       VALUES ($1, $2, 'COMPLAINT', 'ACCEPTED', $3, 'WEB', $4, '310115005', 500000, 1, '欠薪', '支付工资', $5, $6,
               ($6::date + time '10:00') AT TIME ZONE 'Asia/Shanghai', 1)`,
      [randomUUID(), `TS-HIST-${String(seq).padStart(6, '0')}`, category, employerId, worker, on],
    );
  };

  beforeAll(async () => {
    t = await startTestApp();
    await employer(employerA, '信号测试甲公司', USCC_A);
    await employer(employerB, '信号测试乙公司', USCC_B);
    await employer(quiet, '回测平稳公司', null);
  });
  afterAll(async () => {
    await t?.close();
  });

  describe('signals', () => {
    const observed = new Date(Date.now() - 86400_000).toISOString();
    const batch = () => [
      {
        employerUscc: USCC_A,
        source: 'BANK',
        kind: 'PAYROLL_ACCOUNT_MISSED_PAYMENT',
        value: 1,
        observedAt: observed,
      },
      {
        employerUscc: '91310115MA1K999999',
        source: 'TAX',
        kind: 'TAX_FILING_ANOMALY',
        value: 1,
        observedAt: observed,
      },
      {
        employerUscc: USCC_B,
        source: 'SOCIAL_INSURANCE',
        kind: 'NOT_A_KIND',
        value: 'x',
        observedAt: 'yesterday',
      },
      {
        employerUscc: USCC_B,
        source: 'UTILITY',
        kind: 'UTILITY_USAGE_DROP_PCT',
        value: 40,
        observedAt: new Date(Date.now() + 86400_000).toISOString(),
      },
      {
        employerUscc: USCC_A,
        source: 'BANK',
        kind: 'PAYROLL_ACCOUNT_MISSED_PAYMENT',
        value: 1,
        observedAt: observed,
      },
      {
        employerUscc: USCC_B,
        source: 'SOCIAL_INSURANCE',
        kind: 'SOCIAL_INSURANCE_ARREARS_MONTHS',
        value: 4,
        observedAt: observed,
      },
      'not an object',
    ];

    it('stores valid rows, reports each bad row with its fields, and is idempotent', async () => {
      const res = await t
        .http()
        .post('/api/v1/risk/signals')
        .set(await auth('supervisor'))
        .send(batch());
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ received: 7, stored: 2, duplicates: 1, rejected: 4 });
      type Row = {
        row: number;
        status: string;
        errors?: { field: string; constraint: string; message: string }[];
      };
      const rows = res.body.rows as Row[];
      expect(rows.map((r) => r.status)).toEqual([
        'STORED',
        'REJECTED',
        'REJECTED',
        'REJECTED',
        'DUPLICATE',
        'STORED',
        'REJECTED',
      ]);
      expect(rows[1].errors!.map((e) => e.field)).toEqual(['employerUscc']);
      expect(rows[2].errors!.map((e) => e.field).sort()).toEqual(['kind', 'observedAt', 'value']);
      expect(rows[3].errors!.map((e) => e.field)).toEqual(['observedAt']);
      // A rejected row's errors speak the caller's language, as a 400's do: zh-CN unless it asks for English.
      const unknownEmployer = { field: 'employerUscc', constraint: 'exists' };
      expect(rows[1].errors).toEqual([
        expect.objectContaining({ ...unknownEmployer, message: '没有使用该统一社会信用代码的用人单位' }),
      ]);

      const again = await t
        .http()
        .post('/api/v1/risk/signals')
        .set(await auth('supervisor'))
        .set('accept-language', 'en')
        .send(batch());
      expect(again.body).toMatchObject({ stored: 0, duplicates: 3, rejected: 4 });
      expect((again.body.rows as Row[])[1].errors).toEqual([
        expect.objectContaining({
          ...unknownEmployer,
          message: 'no employer with this unified social credit code',
        }),
      ]);
      const [{ n }] = await t.dataSource.query<{ n: number }[]>(
        'SELECT count(*)::int AS n FROM risk_signals',
      );
      expect(n).toBe(2);
    });

    it('rescoring after a signal: a payroll-account missed payment raises an orange wage-arrears warning', async () => {
      const res = await eventually(async () => {
        const r = await t
          .http()
          .get('/api/v1/risk/warnings?kind=WAGE_ARREARS')
          .set(await auth('admin'));
        return (r.body.items as { employerId: string }[]).find((w) => w.employerId === employerA);
      }, 20000);
      expect(res).toMatchObject({ level: 'ORANGE', street: null, employerName: '信号测试甲公司' });
      // Without a complaint the social-insurance rule (arrears with a complaint) does not fire for B.
      const b = await t
        .http()
        .get('/api/v1/risk/warnings')
        .set(await auth('admin'));
      expect((b.body.items as { employerId: string }[]).filter((w) => w.employerId === employerB)).toEqual(
        [],
      );
    });

    it('accepts the batch as a CSV upload, reporting bad rows per row', async () => {
      const csv = [
        'employerUscc,source,kind,value,observedAt',
        `${USCC_B},COURT,COURT_ENFORCEMENT,1,2026-01-05T09:00:00+08:00`,
        `${USCC_B},COURT,COURT_ENFORCEMENT,abc,2026-01-06T09:00:00+08:00`,
      ].join('\n');
      const res = await t
        .http()
        .post('/api/v1/risk/signals/upload')
        .set(await auth('admin'))
        .attach('file', Buffer.from(csv), { filename: 'signals.csv', contentType: 'text/csv' });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ received: 2, stored: 1, rejected: 1 });
      expect(res.body.rows[1]).toMatchObject({ row: 2, status: 'REJECTED', errors: [{ field: 'value' }] });
    });

    it('refuses a body that is not an array, and staff other than supervisors/admins', async () => {
      const notArray = await t
        .http()
        .post('/api/v1/risk/signals')
        .set(await auth('supervisor'))
        .send({ employerUscc: USCC_A });
      expect(notArray.status).toBe(400);
      const mediator = await t
        .http()
        .post('/api/v1/risk/signals')
        .set(await auth('mediator'))
        .send(batch());
      expect(mediator.status).toBe(403);
    });
  });

  describe('backtest', () => {
    const today = todayInShanghai();
    const from = addDays(today, -200);
    const to = addDays(today, -20);
    /** The planted surge: 8 distinct workers on 8 consecutive days, 60 days before `to`, then a collective case. */
    const surgeStart = addDays(to, -60);
    const collectiveOn = addDays(surgeStart, 12);

    beforeAll(async () => {
      // Background noise for both employers: one complaint every 14 days from `from - 97` on.
      for (let d = -97; d <= 180; d += 14) {
        await complaint(employerB, addDays(from, d), `noise-b-${d}`, 'OVERTIME_PAY');
        await complaint(quiet, addDays(from, d), `noise-q-${d}`, 'OVERTIME_PAY');
      }
      for (let i = 0; i < 8; i++) await complaint(employerB, addDays(surgeStart, i), `surge-worker-${i}`);
      const [supervisor] = await t.dataSource.query<{ id: string }[]>(
        `SELECT id FROM users WHERE username = 'supervisor'`,
      );
      await t.dataSource.query(
        `INSERT INTO collective_disputes (id, employer_id, category, representative_complaint_ids, confirmed_by, created_at)
         VALUES ($1, $2, 'WAGE_ARREARS', '{}', $3, ($4::date + time '15:00') AT TIME ZONE 'Asia/Shanghai')`,
        [randomUUID(), employerB, supervisor.id, collectiveOn],
      );
    });

    it('finds the planted surge, how early it came before the collective case, and nothing for the quiet employer', async () => {
      const res = await t
        .http()
        .post('/api/v1/risk/backtest')
        .set(await auth('supervisor'))
        .send({ ruleSetVersion: 1, from, to });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ ruleSetVersion: 1, from, to, days: 181 });
      expect(res.body.employersEvaluated).toBeGreaterThanOrEqual(2);
      const surge = (
        res.body.rules as {
          ruleId: string;
          warnings: number;
          episodes: {
            employerId: string;
            firstFiredOn: string;
            outcome: { kind: string; leadDays: number } | null;
          }[];
          leadDays: unknown;
          followedByOutcome: number;
        }[]
      ).find((r) => r.ruleId === 'MD-SURGE-7D')!;
      expect(surge.warnings).toBe(1);
      const [episode] = surge.episodes;
      expect(episode.employerId).toBe(employerB);
      // The 5th complaint of the surge (day 4 of it) is the first day with ≥ 5 in 7 days.
      expect(episode.firstFiredOn).toBe(addDays(surgeStart, 4));
      expect(episode.outcome).toMatchObject({ kind: 'COLLECTIVE_CASE', leadDays: 8 });
      expect(surge.followedByOutcome).toBe(1);
      expect(surge.leadDays).toEqual({ min: 8, median: 8, max: 8 });
      const wage = (
        res.body.rules as {
          ruleId: string;
          warnings: number;
          neverLedToAnything: number;
          episodes: { employerId: string }[];
        }[]
      ).find((r) => r.ruleId === 'WA-COMPLAINTS-30D')!;
      expect(wage.warnings).toBe(1);
      expect(wage.episodes.every((e) => e.employerId === employerB)).toBe(true);
      for (const r of res.body.rules as { episodes: { employerId: string }[] }[])
        expect(r.episodes.some((e) => e.employerId === quiet)).toBe(false);
    });

    it('counts the collective case among the employer’s features for 90 days', async () => {
      const on = await t
        .http()
        .get(`/api/v1/risk/employers/${employerB}/features?asOf=${addDays(collectiveOn, 89)}`)
        .set(await auth('supervisor'));
      expect(on.body.features.collectiveCases90d).toBe(1);
      expect(on.body.features.collectiveCaseIds90d).toHaveLength(1);
      const after = await t
        .http()
        .get(`/api/v1/risk/employers/${employerB}/features?asOf=${addDays(collectiveOn, 90)}`)
        .set(await auth('supervisor'));
      expect(after.body.features.collectiveCases90d).toBe(0);
    });

    it('refuses a reversed window, one over 3 years, and workers', async () => {
      const reversed = await t
        .http()
        .post('/api/v1/risk/backtest')
        .set(await auth('supervisor'))
        .send({ ruleSetVersion: 1, from: to, to: from });
      expect(reversed.status).toBe(400);
      expect(reversed.body.code).toBe('BACKTEST_WINDOW_INVALID');
      const long = await t
        .http()
        .post('/api/v1/risk/backtest')
        .set(await auth('admin'))
        .send({ ruleSetVersion: 1, from: addDays(addYears(to, -3), -1), to });
      expect(long.status).toBe(400);
      expect(long.body.code).toBe('BACKTEST_WINDOW_INVALID');
      const unknownVersion = await t
        .http()
        .post('/api/v1/risk/backtest')
        .set(await auth('admin'))
        .send({ ruleSetVersion: 99, from, to });
      expect(unknownVersion.status).toBe(404);
      const worker = await t
        .http()
        .post('/api/v1/risk/backtest')
        .set(await auth('13800000000'))
        .send({ ruleSetVersion: 1, from, to });
      expect(worker.status).toBe(403);
    });
  });
});
