import ExcelJS from 'exceljs';
import { ArbitrationService } from '../../src/arbitration/arbitration.service';
import { addDays, daysBetween, todayInShanghai } from '../../src/calendar/local-date';
import { DeadlinesService } from '../../src/deadlines/deadlines.service';
import { complaintBody, eventually, startTestApp, type TestApp } from '../support/test-app';
import { createAccount } from '../support/users';

interface Summary {
  year: number;
  asOf: string;
  scope: { street: string | null; organisation: string | null };
  arbitration: {
    numerator: number;
    denominator: number;
    rate: number | null;
    target: number;
    headroom: number;
    pendingAtStart: number;
    accepted: number;
    closed: number;
    projection: { rate: number | null; method: string };
  };
  inspection: {
    numerator: number;
    denominator: number;
    rate: number | null;
    target: number;
    headroom: number;
  };
  mediation: {
    concluded: number;
    agreements: number;
    successRate: number | null;
    within15DaysShare: number | null;
  };
}

describe('SLA API (summary, series, at-risk, reports, open statistics, metrics)', () => {
  let t: TestApp;
  const today = todayInShanghai();
  const year = Number(today.slice(0, 4));
  const auth = async (user: string) => ({ authorization: `Bearer ${await t.token(user)}` });
  const get = async (path: string, user: string, query: Record<string, unknown> = {}) =>
    t
      .http()
      .get(path)
      .query(query)
      .set(await auth(user));
  const summary = async (user = 'supervisor', query: Record<string, unknown> = {}) => {
    const res = await get('/api/v1/sla/summary', user, { year, ...query });
    expect(res.status).toBe(200);
    return res.body as Summary;
  };
  let n = 0;
  /** A complaint of the worker, accepted and routed by the mediator. */
  const routed = async (target: 'ARBITRATION' | 'MEDIATION') => {
    n++;
    const filed = await t
      .http()
      .post('/api/v1/complaints')
      .set(await auth('13800000000'))
      .send(complaintBody({ employer: { name: `浦东指标测试公司${n}` } }));
    expect(filed.status).toBe(201);
    const id = filed.body.id as string;
    for (const [path, body] of [
      ['accept', {}],
      ['route', { target }],
    ] as const) {
      const r = await t
        .http()
        .post(`/api/v1/complaints/${id}/${path}`)
        .set(await auth('mediator'))
        .send(body);
      expect(r.status).toBe(200);
    }
    return id;
  };
  const factOf = (type: string, id: string) =>
    t.dataSource
      .query(`SELECT closed_on FROM sla_case_facts WHERE case_type = $1 AND case_id = $2`, [type, id])
      .then((r: { closed_on: string | null }[]) => r[0]);

  let arbitrationId: string;
  let arbitratorId: string;

  beforeAll(async () => {
    t = await startTestApp();
    arbitratorId = (await get('/api/v1/auth/me', 'arbitrator')).body.userId as string;
    // An arbitrator of the district's commission whose only jurisdiction is the district (310115), not a street.
    const [commission] = await t.dataSource.query<{ id: string }[]>(
      `SELECT id FROM organisations WHERE kind = 'ARBITRATION_COMMISSION' AND jurisdiction_code = '310115'`,
    );
    await createAccount(t, {
      username: 'arbitrator-district',
      role: 'ARBITRATOR',
      jurisdictions: ['310115'],
      organisationId: commission.id,
    });
  });
  afterAll(async () => {
    await t.close();
  });

  it('an accepted arbitration case reaches the KPI through its case event (outbox → job): 0 of 1 closed', async () => {
    const complaintId = await routed('ARBITRATION');
    const filed = await t
      .http()
      .post('/api/v1/arbitration/cases')
      .set(await auth('mediator'))
      .send({
        complaintId,
        claims: [{ type: 'LABOR_REMUNERATION', amountFen: 100_000, description: '工资' }],
      });
    expect(filed.status).toBe(201);
    arbitrationId = filed.body.id as string;
    const post = async (path: string, body: Record<string, unknown>) =>
      t
        .http()
        .post(`/api/v1/arbitration/cases/${arbitrationId}/${path}`)
        .set(await auth('arbitrator'))
        .send(body);
    expect((await post('accept', { version: 1 })).status).toBe(200);
    expect(
      (await post('tribunal', { version: 2, arbitratorIds: [arbitratorId], simplifiedExclusions: [] }))
        .status,
    ).toBe(200);
    await eventually(() => factOf('ARBITRATION', arbitrationId));
    // One job per case event naming the case, queued in the event's transaction, with the proceedings' ids
    // (the job does not read the event back).
    const [jobs] = await t.dataSource.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM outbox_messages o
        WHERE o.job_name = 'sla.case-event' AND o.payload->'cases' = jsonb_build_array(jsonb_build_object('type', 'ARBITRATION', 'id', $1::text))
          AND EXISTS (SELECT 1 FROM case_events e WHERE e.data->>'arbitrationCaseId' = $1 AND e.occurred_at = o.created_at)`,
      [arbitrationId],
    );
    expect(jobs.n).toBeGreaterThanOrEqual(2);

    const s = await summary();
    expect(s).toMatchObject({ year, asOf: today, scope: { street: null, organisation: null } });
    expect(s.arbitration).toMatchObject({
      pendingAtStart: 0,
      accepted: 1,
      closed: 0,
      numerator: 0,
      denominator: 1,
      rate: 0,
      target: 0.92,
      headroom: -1,
    });
    expect(s.arbitration.projection.method).toMatch(/LINEAR_PACE/);
    expect(s.inspection).toMatchObject({
      numerator: 0,
      denominator: 0,
      rate: null,
      target: 0.98,
      headroom: 0,
    });
  });

  it('at-risk lists the open case with its arbitrator, its binding date and the reason', async () => {
    const res = await get('/api/v1/sla/at-risk', 'supervisor');
    expect(res.status).toBe(200);
    const [item] = res.body.items as Record<string, unknown>[];
    // The commission's own number (案号, given at acceptance), not the complaint's tracking number.
    const view = await t
      .http()
      .get(`/api/v1/arbitration/cases/${arbitrationId}`)
      .set(await auth('arbitrator'));
    expect(view.body.caseNo).toMatch(/仲/);
    const clocks = await t.app
      .get(DeadlinesService)
      .forCase('ARBITRATION', arbitrationId, todayInShanghai(), t.dataSource.manager);
    const award = clocks.find((c) => c.rule.id === 'ARBITRATION_DECISION')!.due!;
    const yearEnd = `${year}-12-31`;
    const willBreach = award <= addDays(today, 7);
    const dueOn = willBreach || award < yearEnd ? award : yearEnd;
    expect(item).toEqual({
      caseType: 'ARBITRATION',
      caseId: arbitrationId,
      caseNo: view.body.caseNo,
      street: '310115005',
      organisationId: expect.any(String),
      // The owner is named by the staff directory (issue 13 item 5), never by a bare id.
      owner: {
        userId: arbitratorId,
        id: arbitratorId,
        role: 'ARBITRATOR',
        displayName: '仲裁员',
        organisation: {
          id: expect.any(String),
          name: '浦东新区劳动人事争议仲裁委员会',
          kind: 'ARBITRATION_COMMISSION',
        },
      },
      dueOn,
      daysRemaining: Math.round((Date.parse(dueOn) - Date.parse(today)) / 86400_000),
      reason: willBreach ? 'WILL_BREACH' : 'MUST_CLOSE_BY_YEAR_END',
    });
    expect((await get('/api/v1/sla/at-risk', '13800000000')).status).toBe(403);
    // A district-level arbitrator's code covers every street whose code starts with it: the same list.
    const district = await get('/api/v1/sla/at-risk', 'arbitrator-district');
    expect([district.status, district.body]).toEqual([200, res.body]);
  });

  it('closing it makes 1 of 1 (headroom 0: one more miss would drop below 92 %)', async () => {
    const res = await t
      .http()
      .post(`/api/v1/arbitration/cases/${arbitrationId}/close`)
      .set(await auth('arbitrator'))
      .send({
        version: 3,
        closureType: 'WITHDRAWN',
        withdrawal: { basis: 'APPLICANT_REQUEST', channel: 'WRITTEN' },
      });
    expect(res.status).toBe(200);
    await eventually(async () => (await factOf('ARBITRATION', arbitrationId))?.closed_on === today);
    const s = await summary();
    expect(s.arbitration).toMatchObject({
      accepted: 1,
      closed: 1,
      numerator: 1,
      denominator: 1,
      rate: 1,
      headroom: 0,
    });
    expect((await get('/api/v1/sla/at-risk', 'supervisor')).body.items).toEqual([]);
  });

  it('a failed mediation counts as concluded without agreement', async () => {
    const complaintId = await routed('MEDIATION');
    const m = await t
      .http()
      .post('/api/v1/mediation/cases')
      .set(await auth('mediator'))
      .send({ complaintId });
    expect(m.status).toBe(201);
    const closed = await t
      .http()
      .post(`/api/v1/mediation/cases/${m.body.id}/close`)
      .set(await auth('mediator'))
      .send({ version: 1, outcome: 'FAILED' });
    expect(closed.status).toBe(200);
    await eventually(async () => (await factOf('MEDIATION', m.body.id as string))?.closed_on === today);
    expect((await summary()).mediation).toMatchObject({
      concluded: 1,
      agreements: 0,
      successRate: 0,
      within15DaysShare: 1,
    });
  });

  it('series: one point per month up to now; this month holds the case', async () => {
    const res = await get('/api/v1/sla/series', 'supervisor', { year, granularity: 'month' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ year, granularity: 'month' });
    const points = res.body.points as { period: string; arbitration: Record<string, unknown> }[];
    expect(points.map((p) => p.period)).toEqual(
      Array.from(
        { length: Number(today.slice(5, 7)) },
        (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`,
      ),
    );
    expect(points.at(-1)!.arbitration).toMatchObject({
      numerator: 1,
      denominator: 1,
      rate: 1,
      pendingAtStart: 0,
    });
    expect(points[0].arbitration).toMatchObject({ numerator: 0, denominator: 0, rate: null });
  });

  it('scopes numbers to the caller and narrows to a street or organisation', async () => {
    // The mediator's street is 310115005: same numbers; another street of the district is 404 for them.
    expect((await summary('mediator')).arbitration.closed).toBe(1);
    const other = await get('/api/v1/sla/summary', 'mediator', { year, street: '310115007' });
    expect(other.status).toBe(404);
    expect(other.body.code).toBe('STREET_NOT_FOUND');
    // The supervisor may ask for that street: nothing there.
    expect((await summary('supervisor', { street: '310115007' })).arbitration.denominator).toBe(0);
    const [org] = await t.dataSource.query<{ id: string }[]>(
      `SELECT id FROM organisations WHERE kind = 'ARBITRATION_COMMISSION'`,
    );
    expect((await summary('supervisor', { organisation: org.id })).arbitration.closed).toBe(1);
    const [committee] = await t.dataSource.query<{ id: string }[]>(
      `SELECT id FROM organisations WHERE kind = 'MEDIATION_COMMITTEE' AND jurisdiction_code = '310115005'`,
    );
    const byCommittee = await summary('supervisor', { organisation: committee.id });
    expect(byCommittee.arbitration.closed).toBe(0);
    expect(byCommittee.mediation.concluded).toBe(1);
    // A district-level arbitrator (jurisdiction 310115) sees the district's numbers, as the supervisor does, and
    // may narrow to any street of it.
    expect(await summary('arbitrator-district')).toStrictEqual(await summary('supervisor'));
    expect((await summary('arbitrator-district', { street: '310115005' })).arbitration.closed).toBe(1);
    const series = async (user: string) => (await get('/api/v1/sla/series', user, { year })).body as unknown;
    expect(await series('arbitrator-district')).toStrictEqual(await series('supervisor'));
  });

  it.each([
    [{ year: 1999 }, 400, 'VALIDATION_FAILED'],
    [{ year: year + 1 }, 400, 'YEAR_OUT_OF_RANGE'],
    [{ year: 'next' }, 400, 'VALIDATION_FAILED'],
    [{ year, street: 'lujiazui' }, 400, 'VALIDATION_FAILED'],
    [{ year, street: '310115999' }, 404, 'STREET_NOT_FOUND'],
    [{ year, organisation: 'abc' }, 400, 'VALIDATION_FAILED'],
    [{ year, organisation: '0190a1b2-0000-7000-8000-000000000000' }, 404, 'ORGANISATION_NOT_FOUND'],
  ])('bad input %j → %i %s', async (query, status, code) => {
    const res = await get('/api/v1/sla/summary', 'supervisor', query);
    expect(res.status).toBe(status);
    expect(res.body.code).toBe(code);
  });

  it("without a year, the summary and the series are this year's in Asia/Shanghai, as with the year given", async () => {
    const given = await get('/api/v1/sla/summary', 'supervisor', { year });
    const bare = await get('/api/v1/sla/summary', 'supervisor', {});
    expect([bare.status, bare.body.year]).toEqual([200, year]);
    expect(bare.body).toStrictEqual(given.body);
    const series = await get('/api/v1/sla/series', 'supervisor', {});
    expect([series.status, series.body.year]).toEqual([200, year]);
    expect(series.body).toStrictEqual(
      (await get('/api/v1/sla/series', 'supervisor', { year, granularity: 'month' })).body,
    );
  });

  it('series needs a known granularity; reports need a begun month', async () => {
    expect((await get('/api/v1/sla/series', 'supervisor', { year, granularity: 'week' })).status).toBe(400);
    const future = await get('/api/v1/sla/reports/monthly', 'supervisor', {
      year,
      month: 12,
      format: 'csv',
    });
    // December of the current year has begun only in December.
    expect(future.status).toBe(today.slice(5, 7) === '12' ? 200 : 400);
    expect((await get('/api/v1/sla/reports/monthly', 'supervisor', { year, month: 13 })).status).toBe(400);
    expect((await get('/api/v1/sla/summary', '13800000000', { year })).status).toBe(403);
    expect((await t.http().get('/api/v1/sla/summary').query({ year })).status).toBe(401);
  });

  it('monthly report as XLSX (parsed back) and CSV, with content type and file name', async () => {
    const month = Number(today.slice(5, 7));
    const query = { year, month, street: '310115005' };
    const xlsx = await t
      .http()
      .get('/api/v1/sla/reports/monthly')
      .query({ ...query, format: 'xlsx' })
      .set(await auth('supervisor'))
      .buffer(true)
      .parse((res, cb) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => cb(null, Buffer.concat(chunks)));
      });
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    expect(xlsx.headers['content-disposition']).toBe(
      `attachment; filename="sla-monthly-310115005-${today.slice(0, 7)}.xlsx"`,
    );
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.body as Parameters<typeof wb.xlsx.load>[0]);
    const ws = wb.worksheets[0];
    const header = (ws.getRow(1).values as unknown[]).slice(1);
    const row = (ws.getRow(2).values as unknown[]).slice(1);
    const col = (name: RegExp) => row[header.findIndex((h) => name.test(String(h)))];
    expect(col(/街镇代码/)).toBe('310115005');
    expect(col(/街镇 street name/)).toBe('陆家嘴街道');
    expect(col(/本期受理/)).toBe(1);
    expect(col(/本期审结/)).toBe(1);
    expect(col(/仲裁结案率/)).toBe(1);
    expect(col(/调解结束/)).toBe(1);
    // The street, then the total row (bold); a rate without denominator is "—", rates are formatted 0.0%.
    expect(ws.rowCount).toBe(3);
    const total = (ws.getRow(3).values as unknown[]).slice(1);
    expect(total[1]).toBe('合计 total');
    expect(total[header.findIndex((h) => /本期受理/.test(String(h)))]).toBe(1);
    expect(col(/监察按期结案率/)).toBe('—');
    expect(ws.getColumn(header.findIndex((h) => /仲裁结案率/.test(String(h))) + 1).numFmt).toBe('0.0%');

    const csv = await get('/api/v1/sla/reports/monthly', 'supervisor', { ...query, format: 'csv' });
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv; charset=utf-8/);
    expect(csv.headers['content-disposition']).toMatch(/filename="sla-monthly-310115005-\d{4}-\d{2}\.csv"/);
    const lines = csv.text
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines).toHaveLength(3);
    expect(lines[1].split(',').slice(0, 7)).toEqual([
      '310115005',
      '陆家嘴街道',
      today.slice(0, 7),
      '0',
      '1',
      '1',
      '100.0%',
    ]);
    expect(lines[2].split(',').slice(0, 7)).toEqual([
      '',
      '合计 total',
      today.slice(0, 7),
      '0',
      '1',
      '1',
      '100.0%',
    ]);
  });

  it('the district report lists every street (those without data as "—") and a district total row', async () => {
    const month = Number(today.slice(5, 7));
    const csv = await get('/api/v1/sla/reports/monthly', 'supervisor', { year, month, format: 'csv' });
    expect(csv.status).toBe(200);
    const lines = csv.text
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n')
      .map((l) => l.split(','));
    const streets = (await t.http().get('/api/v1/jurisdictions').query({ parent: '310115' })).body as {
      code: string;
    }[];
    // Header, one line per street of the district, the total.
    expect(lines).toHaveLength(1 + streets.length + 1);
    expect(lines.slice(1, -1).map((l) => l[0])).toEqual(streets.map((x) => x.code).sort());
    const lujiazui = lines.find((l) => l[0] === '310115005')!;
    expect(lujiazui[6]).toBe('100.0%');
    const empty = lines.find(
      (l) => l[0] !== '310115005' && l[0] !== '' && l.slice(3).every((v) => v === '—'),
    );
    expect(empty).toBeDefined();
    expect(lines.at(-1)!.slice(0, 2)).toEqual(['', '合计 total']);
    // The same report for a district-level arbitrator (jurisdiction 310115).
    const district = await get('/api/v1/sla/reports/monthly', 'arbitrator-district', {
      year,
      month,
      format: 'csv',
    });
    expect([district.status, district.text]).toEqual([200, csv.text]);
  });

  it('open statistics: no login, district and street totals only, cache headers and ETag', async () => {
    const res = await t.http().get('/api/v1/public/stats').query({ year });
    expect(res.status).toBe(200);
    expect(res.headers['cache-control']).toMatch(/^public, max-age=\d+$/);
    expect(res.headers.etag).toMatch(/^".+"$/);
    expect(res.body.districts).toEqual([
      expect.objectContaining({
        code: '310115',
        arbitration: { pendingAtStart: 0, accepted: 1, closed: 1, closureRate: 1 },
        mediation: expect.objectContaining({ concluded: 1, agreements: 0 }),
      }),
    ]);
    expect(res.body.streets.map((s: { code: string }) => s.code)).toEqual(['310115005']);
    const text = JSON.stringify(res.body);
    for (const personal of ['张三', '13900000001', '11010519491231002X', arbitrationId, arbitratorId])
      expect(text).not.toContain(personal);
    const again = await t
      .http()
      .get('/api/v1/public/stats')
      .query({ year })
      .set('if-none-match', res.headers.etag);
    expect(again.status).toBe(304);
    expect((await t.http().get('/api/v1/public/stats').query({ year: 1900 })).status).toBe(400);
  });

  it('GET /metrics: Prometheus text with rates per street, queue depths, job failures and outbox lag', async () => {
    const res = await t.http().get('/metrics');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain/);
    expect(res.text).toContain('lrp_sla_rate{kpi="arbitration",street="310115005"} 1');
    expect(res.text).toMatch(/lrp_queue_jobs\{queue="sla",state="completed"\} \d+/);
    expect(res.text).toMatch(/lrp_outbox_lag_seconds \d/);
    expect(res.text).toContain('# TYPE lrp_job_failures gauge');
    expect(res.text).toMatch(/lrp_sla_recompute_mismatches 0/);
  });

  // Last in the file: accepting an application changes the numbers the tests above pin.
  describe('at-risk: applications awaiting the 受理 decision (调解仲裁法 第二十九条)', () => {
    interface AtRiskRow {
      caseId: string;
      dueOn: string;
      daysRemaining: number;
      reason: string;
    }
    const atRisk = async (user = 'supervisor', query: Record<string, unknown> = {}) => {
      const r = await get('/api/v1/sla/at-risk', user, query);
      expect(r.status).toBe(200);
      return r.body.items as AtRiskRow[];
    };
    const clockOf = async (id: string, rule: string) =>
      (await t.app.get(DeadlinesService).forCase('ARBITRATION', id, today, t.dataSource.manager)).find(
        (c) => c.rule.id === rule,
      )!;
    const claims = [{ type: 'LABOR_REMUNERATION' as const, amountFen: 100_000, description: '工资' }];
    let late: string;
    let fresh: string;
    let commissionId: string;

    it('an application left undecided past its 5 working days is listed first, overdue, with its due date (ACCEPTANCE_DUE)', async () => {
      const lateComplaint = await routed('ARBITRATION');
      late = await t.dataSource.transaction((em) =>
        t.app
          .get(ArbitrationService)
          .createApplication(
            em,
            { complaintId: lateComplaint, source: 'COMPLAINT', claims, appliedOn: addDays(today, -20) },
            null,
          ),
      );
      const filed = await t
        .http()
        .post('/api/v1/arbitration/cases')
        .set(await auth('mediator'))
        .send({ complaintId: await routed('ARBITRATION'), claims });
      expect(filed.status).toBe(201);
      fresh = filed.body.id as string;
      const lateClock = await clockOf(late, 'ARBITRATION_ACCEPTANCE');
      expect(lateClock.state).toBe('BREACHED');
      const freshDue = (await clockOf(fresh, 'ARBITRATION_ACCEPTANCE')).due!;
      const [row] = await t.dataSource.query<{ tracking_no: string; commission_id: string }[]>(
        `SELECT c.tracking_no, a.commission_id FROM arbitration_cases a JOIN complaints c ON c.id = a.complaint_id
          WHERE a.id = $1`,
        [late],
      );
      commissionId = row.commission_id;
      expect(commissionId).toEqual(expect.any(String));
      const items = await atRisk();
      // Overdue first (negative daysRemaining), then the one applied today; the clock's own dates.
      expect(items).toEqual([
        {
          caseType: 'ARBITRATION',
          caseId: late,
          caseNo: row.tracking_no,
          street: '310115005',
          organisationId: commissionId,
          owner: null,
          dueOn: lateClock.due,
          daysRemaining: daysBetween(today, lateClock.due!),
          reason: 'ACCEPTANCE_DUE',
        },
        expect.objectContaining({
          caseId: fresh,
          organisationId: commissionId,
          dueOn: freshDue,
          daysRemaining: daysBetween(today, freshDue),
          reason: 'ACCEPTANCE_DUE',
        }),
      ]);
      expect(items[0].daysRemaining).toBeLessThan(0);
      expect(items[1].daysRemaining).toBeGreaterThanOrEqual(0);
      expect((await atRisk('supervisor', { limit: 1 })).map((i) => i.caseId)).toEqual([late]);
      // The viewer's jurisdiction, as for the accepted cases: the street's staff see them, another street's do not.
      await createAccount(t, {
        username: 'supervisor-lujiazui',
        role: 'SUPERVISOR',
        jurisdictions: ['310115005'],
      });
      await createAccount(t, {
        username: 'supervisor-other',
        role: 'SUPERVISOR',
        jurisdictions: ['310115007'],
      });
      for (const user of ['supervisor-lujiazui', 'mediator', 'arbitrator'])
        expect((await atRisk(user)).map((i) => i.caseId)).toEqual([late, fresh]);
      expect(await atRisk('supervisor-other')).toEqual([]);
      expect(await atRisk('supervisor', { street: '310115007' })).toEqual([]);
      expect((await atRisk('supervisor', { street: '310115005' })).map((i) => i.caseId)).toEqual([
        late,
        fresh,
      ]);
    });

    it('accepted, it moves to its award-deadline row; refused (不予受理), it leaves the list', async () => {
      const accepted = await t
        .http()
        .post(`/api/v1/arbitration/cases/${late}/accept`)
        .set(await auth('arbitrator'))
        .send({ version: 1 });
      expect(accepted.status).toBe(200);
      await eventually(() => factOf('ARBITRATION', late));
      const award = (await clockOf(late, 'ARBITRATION_DECISION')).due!;
      const yearEnd = `${year}-12-31`;
      const willBreach = award <= addDays(today, 7);
      const dueOn = willBreach || award < yearEnd ? award : yearEnd;
      const freshDue = (await clockOf(fresh, 'ARBITRATION_ACCEPTANCE')).due!;
      const items = await atRisk();
      expect(items.filter((i) => i.caseId === late)).toEqual([
        {
          caseType: 'ARBITRATION',
          caseId: late,
          caseNo: accepted.body.caseNo,
          street: '310115005',
          organisationId: commissionId,
          owner: null,
          dueOn,
          daysRemaining: daysBetween(today, dueOn),
          reason: willBreach ? 'WILL_BREACH' : 'MUST_CLOSE_BY_YEAR_END',
        },
      ]);
      expect(items.map((i) => [i.caseId, i.reason])).toEqual(
        freshDue <= dueOn
          ? [
              [fresh, 'ACCEPTANCE_DUE'],
              [late, willBreach ? 'WILL_BREACH' : 'MUST_CLOSE_BY_YEAR_END'],
            ]
          : [
              [late, willBreach ? 'WILL_BREACH' : 'MUST_CLOSE_BY_YEAR_END'],
              [fresh, 'ACCEPTANCE_DUE'],
            ],
      );
      const refused = await t
        .http()
        .post(`/api/v1/arbitration/cases/${fresh}/reject`)
        .set(await auth('arbitrator'))
        .send({ version: 1, reason: '不属于劳动争议' });
      expect(refused.status).toBe(200);
      expect((await atRisk()).map((i) => i.caseId)).toEqual([late]);
    });
  });
});
