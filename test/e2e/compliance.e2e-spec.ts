import { randomUUID } from 'node:crypto';
import { addDays, addYears, todayInShanghai, yearOf } from '../../src/calendar/local-date';
import { addMonths } from '../../src/compliance/blacklist.rules';
import { idNumberCheckChar } from '../../src/common/validation/id-number';
import { BlacklistService } from '../../src/compliance/blacklist.service';
import { GradingCitationArticle1796400002500 } from '../../migrations/1796400002500-grading-citation-article';
import { ComplianceService } from '../../src/compliance/compliance.service';
import { LOCKS, xactLock } from '../../src/database/locks';
import { JobName, QueueName } from '../../src/queue/job-catalogue';
import { QueueService } from '../../src/queue/queue.service';
import { eventually, startTestApp, type TestApp } from '../support/test-app';

interface Listing {
  id: string;
  status: string;
  inForce: boolean;
  listedOn: string;
  expiresOn: string;
  reasons: string[];
  version: number;
}
interface ComplianceRecord {
  violations: { id: string; foundOn: string; publishedIn: string | null }[];
  grades: {
    year: number;
    grade: string;
    reasons: { ruleId: string; citation: string }[];
    violationCount: number;
  }[];
  blacklist: Listing[];
  blacklisted: boolean;
  events: { action: string; actorRole: string | null; toStatus: string | null }[];
}

describe('employer compliance', () => {
  let t: TestApp;
  const auth = async (user: string) => ({ authorization: `Bearer ${await t.token(user)}` });
  const today = todayInShanghai();
  let n = 0;

  /** A registered employer (reference data). */
  const employer = async (name = `浦东合规测试有限公司${++n}`) => {
    const id = randomUUID();
    await t.dataSource.query(
      `INSERT INTO employers (id, name, name_normalised, address, source, contact_phone)
       VALUES ($1, $2, $2, '浦东新区张杨路500号', 'REGISTER', '13912345678')`,
      [id, name],
    );
    return id;
  };
  const violation = async (employerId: string, body: Record<string, unknown>, user = 'inspector') =>
    t
      .http()
      .post(`/api/v1/compliance/employers/${employerId}/violations`)
      .set(await auth(user))
      .send({ jurisdictionCode: '310115005', kinds: ['WAGE_ARREARS'], facts: '拖欠工资', ...body });
  const recorded = async (employerId: string, body: Record<string, unknown>) => {
    const res = await violation(employerId, body);
    expect(res.status).toBe(201);
    return res.body.id as string;
  };
  const record = async (employerId: string) => {
    const res = await t
      .http()
      .get(`/api/v1/compliance/employers/${employerId}`)
      .set(await auth('supervisor'));
    expect(res.status).toBe(200);
    return res.body as ComplianceRecord;
  };
  /** A valid resident ID number (GB 11643 check character) from a 17-digit body. */
  const idNumber = (body17: string) => `${body17}${idNumberCheckChar(body17)}`;
  /** The 当事人 a listing names by default (人社部令第45号 第五条): the employer's legal representative. */
  const legalRep = { role: 'LEGAL_REPRESENTATIVE', name: '王法代', idNumber: idNumber('31011519750101001') };
  const listNow = async (employerId: string, body: Record<string, unknown>, user = 'supervisor') =>
    t
      .http()
      .post(`/api/v1/compliance/employers/${employerId}/blacklist`)
      .set(await auth(user))
      .send({ responsiblePersons: [legalRep], ...body });
  /**
   * Serves the notice (on the listing day) on the employer and the persons to be listed, records the statement of
   * each that day, then lists (16.10).
   */
  const list = async (employerId: string, body: Record<string, unknown>, user = 'supervisor') => {
    const on = (body.listedOn as string | undefined) ?? today;
    const persons = (body.responsiblePersons as { idNumber: string }[] | undefined) ?? [legalRep];
    const notice = await t
      .http()
      .post(`/api/v1/compliance/employers/${employerId}/blacklist-notices`)
      .set(await auth(user))
      .send({ violationId: body.violationId, noticedOn: on, responsiblePersons: persons });
    if (notice.status === 201)
      for (const by of [{}, ...persons.map((p) => ({ idNumber: p.idNumber }))])
        expect(
          (
            await t
              .http()
              .post(`/api/v1/compliance/blacklist-notices/${notice.body.id}/statement`)
              .set(await auth(user))
              .send({ receivedOn: on, summary: '单位陈述已支付部分工资，经核实不予采纳', ...by })
          ).status,
        ).toBe(200);
    return listNow(employerId, body, user);
  };
  const removeEarly = async (id: string, body: Record<string, unknown>) =>
    t
      .http()
      .post(`/api/v1/compliance/blacklist/${id}/early-removal`)
      .set(await auth('supervisor'))
      .send(body);
  const publicBlacklist = async () => {
    const res = await t.http().get('/api/v1/public/blacklist').query({ limit: 100 });
    expect(res.status).toBe(200);
    return res.body as {
      items: { employerName: string; listedOn: string; expiresOn: string; reasons: string[] }[];
    };
  };
  const listable = {
    migrantWorkers: true,
    orderRefused: true,
    meetsCrimeThreshold: true,
    arrearsFen: 25_000_000,
    workersAffected: 12,
  };

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  describe('violation history', () => {
    it('staff record a violation found outside the platform (MANUAL), audited on the employer', async () => {
      const e = await employer();
      const res = await violation(e, {
        foundOn: addDays(today, -10),
        arrearsFen: 1_000_000,
        workersAffected: 3,
      });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({
        employerId: e,
        sourceType: 'MANUAL',
        sourceId: null,
        kinds: ['WAGE_ARREARS'],
        arrearsFen: 1_000_000,
        orderRefused: false,
        major: false,
      });
      const r = await record(e);
      expect(r.violations.map((v) => v.id)).toEqual([res.body.id]);
      expect(r.events).toEqual([
        expect.objectContaining({ action: 'VIOLATION_RECORDED', actorRole: 'INSPECTOR' }),
      ]);
      expect(r.blacklisted).toBe(false);
    });

    it('bad input: 400 with the fields; outside the caller’s jurisdiction 403; unknown employer 404', async () => {
      const e = await employer();
      const bad = await violation(e, { foundOn: '2026-13-01', kinds: [] });
      expect(bad.status).toBe(400);
      expect(bad.body.code).toBe('VALIDATION_FAILED');
      expect((bad.body.details as { field: string }[]).map((d) => d.field).sort()).toEqual([
        'foundOn',
        'kinds',
      ]);
      const future = await violation(e, { foundOn: addDays(today, 1) });
      expect(future.status).toBe(400);
      expect(future.body.details).toEqual([expect.objectContaining({ field: 'foundOn' })]);
      const outside = await violation(e, { foundOn: today, jurisdictionCode: '310115007' });
      expect(outside.status).toBe(403);
      expect((await violation(randomUUID(), { foundOn: today })).status).toBe(404);
      const worker = await violation(e, { foundOn: today }, '13800000000');
      expect(worker.status).toBe(403);
      // The system's administrator reads the record but does not write findings into it.
      const admin = await violation(e, { foundOn: today }, 'admin');
      expect(admin.status).toBe(403);
    });

    it('recordViolation from an inspection case is idempotent per source', async () => {
      const e = await employer();
      const service = t.app.get(ComplianceService);
      const caseId = randomUUID();
      const input = {
        employerId: e,
        jurisdictionCode: '310115005',
        sourceType: 'INSPECTION' as const,
        sourceId: caseId,
        foundOn: today,
        kinds: ['WAGE_ARREARS' as const],
      };
      const first = await t.dataSource.transaction((em) => service.recordViolation(em, input, null));
      const again = await t.dataSource.transaction((em) => service.recordViolation(em, input, null));
      expect(first.created).toBe(true);
      expect(again).toEqual({ id: first.id, created: false });
      expect((await record(e)).violations).toHaveLength(1);
    });
  });

  describe('yearly grades (compliance.grade-year)', () => {
    const year = yearOf(today) - 1;
    const inYear = (mmdd: string) => `${year}-${mmdd}`;

    it('the job grades every employer from the stored violations of the year', async () => {
      const clean = await employer();
      await recorded(clean, { foundOn: `${year - 1}-12-31` }); // the year before: not counted
      const two = await employer();
      await recorded(two, { foundOn: inYear('01-01') });
      // Two kinds in one finding: still one finding.
      await recorded(two, { foundOn: inYear('12-31'), kinds: ['SOCIAL_INSURANCE', 'OVERTIME'] });
      await recorded(two, { foundOn: `${year + 1}-01-01` }); // the year after: not counted
      const three = await employer();
      for (const d of ['02-01', '06-01', '11-30'])
        await recorded(three, { foundOn: inYear(d), kinds: ['OVERTIME'] });
      const mass = await employer();
      await recorded(mass, { foundOn: inYear('05-05'), massIncident: true });
      const refused = await employer();
      await recorded(refused, { foundOn: inYear('07-07'), orderRefused: true });

      const start = await t
        .http()
        .post('/api/v1/compliance/grades/runs')
        .set(await auth('admin'))
        .send({ year });
      expect(start.status).toBe(202);
      expect(start.body).toMatchObject({ year, jobId: expect.any(String) });

      const gradeOf = async (id: string) => (await record(id)).grades.find((g) => g.year === year);
      const g3 = await eventually(() => gradeOf(refused));
      expect(g3).toMatchObject({ grade: 'C', reasons: [{ ruleId: 'C_ORDER_REFUSED' }], violationCount: 1 });
      expect(await gradeOf(clean)).toMatchObject({
        grade: 'A',
        reasons: [{ ruleId: 'A_NO_FINDING' }],
        violationCount: 0,
      });
      expect(await gradeOf(two)).toMatchObject({
        grade: 'B',
        reasons: [{ ruleId: 'B_FOUND_NOT_C' }],
        violationCount: 2,
      });
      expect(await gradeOf(three)).toMatchObject({
        grade: 'C',
        reasons: [{ ruleId: 'C_THREE_OR_MORE_FINDINGS' }],
        violationCount: 3,
      });
      expect(await gradeOf(mass)).toMatchObject({
        grade: 'C',
        reasons: [{ ruleId: 'C_MASS_OR_EXTREME_INCIDENT' }],
      });
      // Every employer of the register is graded for the year (set-based, not only those with violations).
      const [{ employers, grades }] = await t.dataSource.query<{ employers: number; grades: number }[]>(
        `SELECT (SELECT count(*)::int FROM employers) AS employers,
                (SELECT count(*)::int FROM employer_grades WHERE year = $1) AS grades`,
        [year],
      );
      expect(grades).toBe(employers);
      // The stored reasons cite 第七条 of 《企业劳动保障守法诚信等级评价办法》, the article of the grades and their criteria.
      const stored = await t.dataSource.query<{ citation: string }[]>(
        `SELECT DISTINCT r->>'citation' AS citation
           FROM employer_grades, jsonb_array_elements(reasons) AS r WHERE year = $1`,
        [year],
      );
      expect(stored.length).toBeGreaterThanOrEqual(4);
      for (const { citation } of stored) expect(citation).toMatch(/^人社部规〔2016〕1号 第七条/);
      for (const g of (await record(three)).grades)
        for (const r of g.reasons) expect(r.citation).toMatch(/第七条/);

      // A re-run after a new finding regrades (idempotent upsert, same row).
      await recorded(two, { foundOn: inYear('08-08') });
      await t.app.get(ComplianceService).gradeYear(year);
      expect(await gradeOf(two)).toMatchObject({ grade: 'C', violationCount: 3 });
    });

    it('migration 1796400002500 rewrites the citations of grades stored with 第六条 to 第七条, and back', async () => {
      const e = await employer();
      const old = [
        { ruleId: 'C_ORDER_REFUSED', citation: '人社部规〔2016〕1号 第六条第（三）项第4目' },
        { ruleId: 'C_CRIMINAL_LIABILITY', citation: '人社部规〔2016〕1号 第六条第（三）项第6目' },
        { ruleId: 'SOMETHING_ELSE', citation: '其他依据 第六条', note: 'kept' },
      ];
      const other = await employer();
      const untouched = [{ ruleId: 'A_NO_FINDING', citation: '人社部规〔2016〕1号 第七条第（一）项' }];
      await t.dataSource.query(
        `INSERT INTO employer_grades (employer_id, year, grade, reasons, violation_count)
         VALUES ($1, 2019, 'C', $2, 1), ($3, 2019, 'A', $4, 0)`,
        [e, JSON.stringify(old), other, JSON.stringify(untouched)],
      );
      const reasonsOf = async (id: string) =>
        (
          await t.dataSource.query<{ reasons: unknown }[]>(
            `SELECT reasons FROM employer_grades WHERE employer_id = $1 AND year = 2019`,
            [id],
          )
        )[0].reasons;
      const migration = new GradingCitationArticle1796400002500();
      await t.dataSource.transaction((em) => migration.up(em.queryRunner!));
      expect(await reasonsOf(e)).toEqual([
        { ruleId: 'C_ORDER_REFUSED', citation: '人社部规〔2016〕1号 第七条第（三）项第4目' },
        { ruleId: 'C_CRIMINAL_LIABILITY', citation: '人社部规〔2016〕1号 第七条第（三）项第6目' },
        { ruleId: 'SOMETHING_ELSE', citation: '其他依据 第六条', note: 'kept' },
      ]);
      expect(await reasonsOf(other)).toEqual(untouched);
      // Shown to staff as stored.
      const shown = (await record(e)).grades.find((g) => g.year === 2019)!;
      expect(shown.reasons.filter((r) => r.ruleId.startsWith('C_')).map((r) => r.citation)).toEqual([
        expect.stringMatching(/^人社部规〔2016〕1号 第七条/),
        expect.stringMatching(/^人社部规〔2016〕1号 第七条/),
      ]);
      await t.dataSource.transaction((em) => migration.down(em.queryRunner!));
      expect(await reasonsOf(e)).toEqual(old);
      await t.dataSource.transaction((em) => migration.up(em.queryRunner!));
    });

    it('grade C needs criminal liability (a judgment), not a transfer to the police (16.10)', async () => {
      const e = await employer();
      const v = await recorded(e, { foundOn: inYear('03-03'), criminalTransfer: true });
      const gradeOf = async () => (await record(e)).grades.find((g) => g.year === year);
      await t.app.get(ComplianceService).gradeYear(year);
      expect(await gradeOf()).toMatchObject({ grade: 'B', reasons: [{ ruleId: 'B_FOUND_NOT_C' }] });
      const half = await t
        .http()
        .patch(`/api/v1/compliance/violations/${v}`)
        .set(await auth('supervisor'))
        .send({ criminalLiabilityOn: inYear('09-09') });
      expect([half.status, half.body.details[0].field]).toEqual([400, 'criminalLiabilityRef']);
      const judged = await t
        .http()
        .patch(`/api/v1/compliance/violations/${v}`)
        .set(await auth('supervisor'))
        .send({ criminalLiabilityOn: inYear('09-09'), criminalLiabilityRef: `（${year}）沪0115刑初123号` });
      expect(judged.body).toMatchObject({ criminalTransfer: true, criminalLiabilityOn: inYear('09-09') });
      await t.app.get(ComplianceService).gradeYear(year);
      expect(await gradeOf()).toMatchObject({ grade: 'C', reasons: [{ ruleId: 'C_CRIMINAL_LIABILITY' }] });
    });

    it('a judgment recorded after its year was graded regrades that year through the outbox: B becomes C', async () => {
      const e = await employer();
      const v = await recorded(e, { foundOn: inYear('04-04'), criminalTransfer: true });
      const gradeOf = async (y = year) => (await record(e)).grades.find((g) => g.year === y);
      await t.app.get(ComplianceService).gradeYear(year);
      expect(await gradeOf()).toMatchObject({ grade: 'B', reasons: [{ ruleId: 'B_FOUND_NOT_C' }] });
      const gradeJobs = async (y: number) =>
        (
          await t.dataSource.query<{ n: number }[]>(
            `SELECT count(*)::int AS n FROM outbox_messages
              WHERE job_name = $1 AND (payload->>'year')::int = $2`,
            [JobName.ComplianceGradeYear, y],
          )
        )[0].n;
      const patch = async (id: string, body: Record<string, unknown>) => {
        const res = await t
          .http()
          .patch(`/api/v1/compliance/violations/${id}`)
          .set(await auth('supervisor'))
          .send(body);
        expect(res.status).toBe(200);
      };
      const before = await gradeJobs(year);
      // 农民工 is no fact of the grade: nothing to regrade.
      await patch(v, { migrantWorkers: true });
      expect(await gradeJobs(year)).toBe(before);
      // The judgment (this year, on last year's finding) is: the year's grading is enqueued in the same transaction.
      await patch(v, { criminalLiabilityOn: today, criminalLiabilityRef: `（${year + 1}）沪0115刑初7号` });
      expect(await gradeJobs(year)).toBe(before + 1);
      const regraded = await eventually(async () => {
        const g = await gradeOf();
        return g?.grade === 'C' && g;
      });
      expect(regraded).toMatchObject({
        grade: 'C',
        reasons: [
          { ruleId: 'C_CRIMINAL_LIABILITY', citation: expect.stringMatching(/第七条第（三）项第6目/) },
        ],
        violationCount: 1,
      });
      // The same judgment again changes nothing the grade reads.
      await patch(v, { criminalLiabilityOn: today, criminalLiabilityRef: `（${year + 1}）沪0115刑初7号` });
      expect(await gradeJobs(year)).toBe(before + 1);

      // A finding of this year, not yet graded: the 1 January run will read the judgment; no run of a year in course.
      const current = yearOf(today);
      const fresh = await recorded(e, { foundOn: today });
      const running = await gradeJobs(current);
      await patch(fresh, { criminalLiabilityOn: today, criminalLiabilityRef: `（${current}）沪0115刑初8号` });
      expect(await gradeJobs(current)).toBe(running);
      expect(await gradeOf(current)).toBeUndefined();
    });

    it('a finding of a graded year recorded late regrades that year: two findings B, the third C', async () => {
      const e = await employer();
      await recorded(e, { foundOn: inYear('02-02') });
      await recorded(e, { foundOn: inYear('03-03') });
      await t.app.get(ComplianceService).gradeYear(year);
      const gradeOf = async () => (await record(e)).grades.find((g) => g.year === year);
      expect(await gradeOf()).toMatchObject({ grade: 'B', violationCount: 2 });
      // A historical record (MANUAL) of that year, after its grading: the outbox regrades it, no one reruns it by hand.
      await recorded(e, { foundOn: inYear('11-11') });
      const regraded = await eventually(async () => {
        const g = await gradeOf();
        return g?.grade === 'C' && g;
      });
      expect(regraded).toMatchObject({ grade: 'C', violationCount: 3 });
    });

    it('a run of a year waits for the run in progress (which may have read the employer already), not skipping', async () => {
      const e = await employer();
      const v = await recorded(e, { foundOn: inYear('05-05') });
      const grading = t.app.get(ComplianceService);
      await grading.gradeYear(year);
      let release!: () => void;
      const released = new Promise<void>((r) => (release = r));
      let held!: () => void;
      const lockHeld = new Promise<void>((r) => (held = r));
      // Another run of the year, in progress: it read the employer before the judgment below committed.
      const inProgress = t.dataSource.transaction(async (em) => {
        await xactLock(em, LOCKS.gradeYear, year);
        held();
        await released;
      });
      await lockHeld;
      await t.dataSource.query(
        `UPDATE employer_violations SET criminal_liability_on = $2, criminal_liability_ref = $3
          WHERE id = $1`,
        [v, today, `（${year + 1}）沪0115刑初9号`],
      );
      let settled = false;
      const asked = grading.gradeYear(year).finally(() => (settled = true));
      try {
        await eventually(
          async () =>
            (
              await t.dataSource.query<{ n: number }[]>(
                `SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'advisory' AND NOT granted`,
              )
            )[0].n > 0,
        );
        expect(settled).toBe(false);
      } finally {
        release();
      }
      await inProgress;
      await asked;
      expect((await record(e)).grades.find((g) => g.year === year)).toMatchObject({
        grade: 'C',
        reasons: [{ ruleId: 'C_CRIMINAL_LIABILITY' }],
      });
    });

    it('the worker registers the yearly grading (1 January 03:00) and the daily blacklist sweep', async () => {
      const q = t.app.get(QueueService).queue(QueueName.Maintenance);
      const grade = await eventually(() => q.getJobScheduler(JobName.ComplianceGradeYear));
      expect(grade).toMatchObject({ pattern: '0 3 1 1 *', tz: 'Asia/Shanghai' });
      const sweep = await eventually(() => q.getJobScheduler(JobName.ComplianceBlacklistSweep));
      expect(sweep).toMatchObject({ pattern: '30 1 * * *', tz: 'Asia/Shanghai' });
    });

    it('only ADMIN starts a run; a year not yet begun is 409', async () => {
      const sup = await t
        .http()
        .post('/api/v1/compliance/grades/runs')
        .set(await auth('supervisor'))
        .send({ year });
      expect(sup.status).toBe(403);
      const future = await t
        .http()
        .post('/api/v1/compliance/grades/runs')
        .set(await auth('admin'))
        .send({ year: yearOf(today) + 1 });
      expect(future.status).toBe(409);
      expect(future.body.code).toBe('GRADE_YEAR_IN_FUTURE');
    });
  });

  describe('wage-arrears blacklist (人社部令第45号)', () => {
    it('listing without the required facts is 409 listing the missing facts', async () => {
      const e = await employer();
      const v = await recorded(e, { foundOn: today, orderRefused: true });
      const res = await list(e, { violationId: v });
      expect(res.status).toBe(409);
      expect(res.body).toMatchObject({
        code: 'BLACKLIST_FACTS_MISSING',
        details: { missing: ['migrantWorkers', 'meetsCrimeThreshold|massIncident'] },
      });
      const w = await recorded(e, { foundOn: today, kinds: ['OVERTIME'], meetsCrimeThreshold: true });
      const res2 = await list(e, { violationId: w });
      expect(res2.status).toBe(409);
      expect(res2.body.details.missing).toEqual(['kinds:WAGE_ARREARS', 'migrantWorkers', 'orderRefused']);
      expect((await record(e)).blacklist).toEqual([]);
    });

    it('a listing needs the prior notice and the statement period (告知、陈述申辩), and arrears owed to 农民工 (16.10)', async () => {
      const e = await employer();
      const v = await recorded(e, {
        foundOn: today,
        ...listable,
        migrantWorkers: false,
        meetsCrimeThreshold: true,
      });
      // Not 农民工 (yet): the facts are missing, whatever the notice.
      const notMigrant = await listNow(e, { violationId: v });
      expect([notMigrant.status, notMigrant.body.details.missing]).toEqual([409, ['migrantWorkers']]);
      const patched = await t
        .http()
        .patch(`/api/v1/compliance/violations/${v}`)
        .set(await auth('inspector'))
        .send({ migrantWorkers: true });
      expect([patched.status, patched.body.migrantWorkers]).toEqual([200, true]);
      // No notice: refused, with the step to take.
      const noNotice = await listNow(e, { violationId: v });
      expect([noNotice.status, noNotice.body.code]).toEqual([409, 'LISTING_NOTICE_REQUIRED']);
      // Notice served today: the employer has 5 working days to state its case.
      const notice = await t
        .http()
        .post(`/api/v1/compliance/employers/${e}/blacklist-notices`)
        .set(await auth('supervisor'))
        .send({ violationId: v, responsiblePersons: [legalRep] });
      expect(notice.status).toBe(201);
      const due = (
        await t
          .http()
          .get('/api/v1/calendar/deadline')
          .query({ from: today, amount: 5, unit: 'WORKDAY' })
          .set(await auth('supervisor'))
      ).body.due as string;
      expect(notice.body).toMatchObject({ noticedOn: today, statementDueOn: due, statementOn: null });
      const running = await listNow(e, { violationId: v });
      expect([running.status, running.body.code, running.body.details.statementDueOn]).toEqual([
        409,
        'STATEMENT_PERIOD_RUNNING',
        due,
      ]);
      // The statement received and considered: the listing may be decided.
      const badDay = await t
        .http()
        .post(`/api/v1/compliance/blacklist-notices/${notice.body.id}/statement`)
        .set(await auth('supervisor'))
        .send({ receivedOn: addDays(today, -1), summary: '单位陈述' });
      expect([badDay.status, badDay.body.details[0].field]).toEqual([400, 'receivedOn']);
      const stated = await t
        .http()
        .post(`/api/v1/compliance/blacklist-notices/${notice.body.id}/statement`)
        .set(await auth('supervisor'))
        .send({ receivedOn: today, summary: '单位称资金困难，经核实理由不成立' });
      expect([stated.status, stated.body.statementOn]).toEqual([200, today]);
      // The employer was heard; its legal representative, named on the notice, may still state (当事人, 第五条).
      const personRunning = await listNow(e, { violationId: v });
      expect([
        personRunning.status,
        personRunning.body.code,
        personRunning.body.details.responsiblePersons,
      ]).toEqual([409, 'STATEMENT_PERIOD_RUNNING', [0]]);
      const personStated = await t
        .http()
        .post(`/api/v1/compliance/blacklist-notices/${notice.body.id}/statement`)
        .set(await auth('supervisor'))
        .send({ receivedOn: today, summary: '法定代表人陈述同单位', idNumber: legalRep.idNumber });
      expect([personStated.status, personStated.body.persons[0].statementOn]).toEqual([200, today]);
      expect((await listNow(e, { violationId: v })).status).toBe(201);
      expect((await record(e)).events.map((x) => x.action)).toEqual(
        expect.arrayContaining([
          'VIOLATION_FACTS_UPDATED',
          'BLACKLIST_NOTICE_SERVED',
          'BLACKLIST_STATEMENT_RECORDED',
          'BLACKLIST_LISTED',
        ]),
      );
    });

    it('lists for 3 years (SUPERVISOR/ADMIN, audited); shows on the public list without personal data', async () => {
      const name = `浦东欠薪黑名单测试有限公司${++n}`;
      const e = await employer(name);
      const v = await recorded(e, { foundOn: today, ...listable, massIncident: true });
      for (const user of ['inspector', 'admin'])
        expect((await list(e, { violationId: v }, user)).status).toBe(403);
      const res = await list(e, { violationId: v });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({
        status: 'LISTED',
        inForce: true,
        listedOn: today,
        expiresOn: addYears(today, 3),
        reasons: ['CRIME_THRESHOLD', 'MASS_INCIDENT'],
        version: 1,
      });
      const again = await list(e, { violationId: v });
      expect(again.status).toBe(409);
      expect(again.body.code).toBe('ALREADY_LISTED');
      const r = await record(e);
      expect(r.blacklisted).toBe(true);
      expect(r.events.map((x) => [x.action, x.actorRole, x.toStatus])).toContainEqual([
        'BLACKLIST_LISTED',
        'SUPERVISOR',
        'LISTED',
      ]);

      const pub = await publicBlacklist();
      const item = pub.items.find((i) => i.employerName === name);
      expect(item).toEqual({
        employerName: name,
        uscc: null,
        address: '浦东新区张杨路500号',
        listedOn: today,
        expiresOn: addYears(today, 3),
        reasons: ['CRIME_THRESHOLD', 'MASS_INCIDENT'],
        persons: [
          {
            role: 'LEGAL_REPRESENTATIVE',
            name: '王法代',
            idNumber: `**************${legalRep.idNumber.slice(-4)}`,
          },
        ],
      });
      expect(JSON.stringify(pub)).not.toMatch(/13912345678|监察员|督办员|listedBy|violationId/);
      expect(JSON.stringify(pub)).not.toContain(legalRep.idNumber.slice(0, 14));
    });

    it('early removal: 409 before 6 months after the correction or without a commitment; then REMOVED', async () => {
      const name = `浦东信用修复测试有限公司${++n}`;
      const e = await employer(name);
      const listedOn = addMonths(today, -8);
      const v = await recorded(e, { foundOn: addDays(listedOn, -20), ...listable });
      const listed = await list(e, { violationId: v, listedOn });
      expect(listed.status).toBe(201);
      const id = listed.body.id as string;

      const soon = await removeEarly(id, {
        version: 1,
        correctedOn: addMonths(today, -5),
        commitmentOn: today,
      });
      expect(soon.status).toBe(409);
      expect(soon.body).toMatchObject({
        code: 'EARLY_REMOVAL_TOO_SOON',
        details: { eligibleFrom: addMonths(addMonths(today, -5), 6) },
      });
      // Dates of what happened: in the future, a wrong input (400 with the fields), not a state conflict.
      const future = await removeEarly(id, {
        version: 1,
        correctedOn: addDays(today, 1),
        commitmentOn: addDays(today, 2),
      });
      expect(future.status).toBe(400);
      expect(
        future.body.details.map((d: { field: string; constraint: string }) => [d.field, d.constraint]),
      ).toEqual([
        ['correctedOn', 'notInFuture'],
        ['commitmentOn', 'notInFuture'],
      ]);
      const noCommitment = await removeEarly(id, { version: 1, correctedOn: addMonths(today, -7) });
      expect(noCommitment.status).toBe(409);
      expect(noCommitment.body.code).toBe('CREDIT_COMMITMENT_MISSING');
      const stale = await removeEarly(id, {
        version: 9,
        correctedOn: addMonths(today, -7),
        commitmentOn: today,
      });
      expect(stale.status).toBe(409);
      expect(stale.body.code).toBe('STALE_VERSION');

      const ok = await removeEarly(id, {
        version: 1,
        correctedOn: addMonths(today, -7),
        commitmentOn: today,
      });
      expect(ok.status).toBe(200);
      expect(ok.body).toMatchObject({ status: 'REMOVED', inForce: false, removedOn: today, version: 2 });
      const twice = await removeEarly(id, {
        version: 2,
        correctedOn: addMonths(today, -7),
        commitmentOn: today,
      });
      expect(twice.status).toBe(409);
      expect(twice.body.code).toBe('ILLEGAL_TRANSITION');
      expect((await publicBlacklist()).items.map((i) => i.employerName)).not.toContain(name);
      const r = await record(e);
      expect(r.blacklisted).toBe(false);
      expect(r.events.map((x) => x.action)).toContain('BLACKLIST_REMOVED_EARLY');
    });

    it('early removal is barred by new arrears to migrant workers while listed, or by criminal proceedings (第十三条)', async () => {
      // 人社部令第45号 第十二条: corrected, 6 months listed since the correction, a written credit commitment;
      // 第十三条: still not removed early when (一) 列入期限内再次发生拖欠农民工工资违法行为, or (二) 因涉嫌拒不支付劳动报酬
      // 犯罪正在刑事诉讼期间或者已经被追究刑事责任.
      const asked = { version: 1, correctedOn: addMonths(today, -7), commitmentOn: today };
      const listedOn = addMonths(today, -8);
      const listing = async (facts: Record<string, unknown> = {}) => {
        const e = await employer();
        const v = await recorded(e, { foundOn: listedOn, ...listable, ...facts });
        return { e, id: (await list(e, { violationId: v, listedOn })).body.id as string };
      };

      const repeat = await listing();
      await recorded(repeat.e, { foundOn: addMonths(today, -1), migrantWorkers: true });
      const barred = await removeEarly(repeat.id, asked);
      expect([barred.status, barred.body.code]).toEqual([409, 'EARLY_REMOVAL_BARRED']);
      expect(barred.body.details).toMatchObject({ grounds: ['REPEAT_ARREARS'] });

      const criminal = await listing({ criminalTransfer: true });
      const inProceedings = await removeEarly(criminal.id, asked);
      expect([inProceedings.status, inProceedings.body.code]).toEqual([409, 'EARLY_REMOVAL_BARRED']);
      expect(inProceedings.body.details).toMatchObject({ grounds: ['CRIMINAL_PROCEEDINGS'] });

      // A later finding that is not of wages owed to migrant workers, or one found before the listing, holds nothing.
      const other = await listing();
      await recorded(other.e, { foundOn: addMonths(today, -1), migrantWorkers: false });
      await recorded(other.e, { foundOn: addMonths(today, -9), migrantWorkers: true });
      const res = await removeEarly(other.id, asked);
      expect([res.status, res.body.status]).toEqual([200, 'REMOVED']);
    });

    it('expires after 3 years: the daily sweep marks it EXPIRED (audited) and the public list drops it', async () => {
      const name = `浦东期满移出测试有限公司${++n}`;
      const e = await employer(name);
      const listedOn = addDays(addYears(today, -3), 1);
      const v = await recorded(e, { foundOn: listedOn, ...listable });
      const res = await list(e, { violationId: v, listedOn });
      expect(res.status).toBe(201);
      expect(res.body.expiresOn).toBe(addDays(today, 1));
      expect((await publicBlacklist()).items.map((i) => i.employerName)).toContain(name);

      const sweep = t.app.get(BlacklistService);
      expect(await sweep.sweep(today)).toEqual({ skipped: false, expired: 0 });
      expect(await sweep.sweep(addDays(today, 1))).toMatchObject({ expired: 1 });
      expect(await sweep.sweep(addDays(today, 1))).toMatchObject({ expired: 0 }); // replay: nothing more
      const r = await record(e);
      expect(r.blacklist[0]).toMatchObject({ status: 'EXPIRED', inForce: false });
      expect(r.events.map((x) => [x.action, x.actorRole])).toContainEqual(['BLACKLIST_EXPIRED', null]);

      // A listing whose 3 years are already over cannot be made.
      const late = await employer();
      const old = await recorded(late, { foundOn: addYears(today, -4), ...listable });
      const tooLate = await list(late, { violationId: old, listedOn: addYears(today, -3) });
      expect(tooLate.status).toBe(409);
      expect(tooLate.body.code).toBe('LISTING_TERM_OVER');
    });
  });

  describe('重大劳动保障违法行为社会公布 (quarterly)', () => {
    // The last finished quarter.
    const m = Number(today.slice(5, 7));
    const thisQuarter = Math.floor((m - 1) / 3) + 1;
    const year = thisQuarter === 1 ? yearOf(today) - 1 : yearOf(today);
    const quarter = thisQuarter === 1 ? 4 : thisQuarter - 1;
    const firstDay = `${year}-${String((quarter - 1) * 3 + 1).padStart(2, '0')}-01`;

    it('publishes the quarter’s major violations once; the public endpoint needs no login and carries no personal data', async () => {
      const name = `浦东重大违法公布测试有限公司${++n}`;
      const e = await employer(name);
      const major = await recorded(e, {
        foundOn: addDays(firstDay, 10),
        major: true,
        arrearsFen: 30_000_000,
        workersAffected: 20,
        facts: '拖欠20名劳动者工资30万元',
        handling: '责令限期支付，逾期未支付，已移送公安机关',
      });
      await recorded(e, { foundOn: addDays(firstDay, 11), major: false });
      await recorded(e, { foundOn: addDays(firstDay, -1), major: true });

      expect(
        (
          await t
            .http()
            .post('/api/v1/compliance/publications')
            .set(await auth('inspector'))
            .send({ year, quarter })
        ).status,
      ).toBe(403);
      const pub = await t
        .http()
        .post('/api/v1/compliance/publications')
        .set(await auth('supervisor'))
        .send({ year, quarter });
      expect(pub.status).toBe(201);
      expect(pub.body).toMatchObject({
        jurisdictionCode: '310115',
        year,
        quarter,
        publishedOn: today,
        items: 1,
      });
      const byAdmin = await t
        .http()
        .post('/api/v1/compliance/publications')
        .set(await auth('admin'))
        .send({ year, quarter });
      expect(byAdmin.status).toBe(403);
      const again = await t
        .http()
        .post('/api/v1/compliance/publications')
        .set(await auth('supervisor'))
        .send({ year, quarter });
      expect(again.status).toBe(409);
      expect(again.body.code).toBe('ALREADY_PUBLISHED');
      const running = await t
        .http()
        .post('/api/v1/compliance/publications')
        .set(await auth('supervisor'))
        .send({ year: yearOf(today), quarter: thisQuarter });
      expect(running.status).toBe(409);
      expect(running.body.code).toBe('QUARTER_NOT_OVER');

      const res = await t.http().get('/api/v1/public/violations').query({ year, quarter });
      expect(res.status).toBe(200);
      expect(res.headers['cache-control']).toBe('public, max-age=300');
      expect(res.body).toEqual({
        year,
        quarter,
        nextCursor: null,
        items: [
          {
            employerName: name,
            uscc: null,
            address: '浦东新区张杨路500号',
            jurisdictionCode: '310115',
            publishedOn: today,
            supplementary: false,
            foundOn: addDays(firstDay, 10),
            kinds: ['WAGE_ARREARS'],
            arrearsFen: 30_000_000,
            workersAffected: 20,
            facts: '拖欠20名劳动者工资30万元',
            handling: '责令限期支付，逾期未支付，已移送公安机关',
          },
        ],
      });
      expect(JSON.stringify(res.body)).not.toMatch(/13912345678|监察员|督办员|recordedBy|userId/);
      const r = await record(e);
      expect(r.violations.find((v) => v.id === major)?.publishedIn).toBe(pub.body.id);
      expect(r.events.map((x) => x.action)).toContain('VIOLATIONS_PUBLISHED');

      const bad = await t.http().get('/api/v1/public/violations').query({ year, quarter: 5 });
      expect(bad.status).toBe(400);
      const badCursor = await t.http().get('/api/v1/public/blacklist').query({ cursor: 'nope' });
      expect(badCursor.status).toBe(400);
    });

    it('public endpoints are rate-limited', async () => {
      let last = 0;
      for (let i = 0; i < 61 && last !== 429; i++)
        last = (await t.http().get('/api/v1/public/blacklist')).status;
      expect(last).toBe(429);
    });
  });
});
