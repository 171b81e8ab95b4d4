import { CLEAR_PAUSED_INVESTIGATION_DUE } from '../../migrations/1796400002400-inspection-kpi-scope';
import { addDays, todayInShanghai } from '../../src/calendar/local-date';
import { DeadlinesService } from '../../src/deadlines/deadlines.service';
import { InspectionService } from '../../src/inspection/inspection.service';
import { SlaAggregatesService } from '../../src/sla/sla-aggregates.service';
import { inspectionTeam, openPlannedInspection } from '../support/case-flow';
import { createAccount } from '../support/users';
import { complaintBody, eventually, startTestApp, type TestApp } from '../support/test-app';

interface CaseView {
  id: string;
  version: number;
  caseNo: string;
  acceptedOn: string | null;
  investigationDueOn: string | null;
  clocks: { id: string; rule: { id: string } }[];
}

/** The inspection KPI on cases run through the inspection module's own API. */
describe('SLA: inspection on-time closure rate from real inspection cases', () => {
  let t: TestApp;
  const today = todayInShanghai();
  const year = Number(today.slice(0, 4));
  const auth = async (user: string) => ({ authorization: `Bearer ${await t.token(user)}` });
  let n = 0;
  const routedComplaint = async () => {
    n++;
    const filed = await t
      .http()
      .post('/api/v1/complaints')
      .set(await auth('13800000000'))
      .send(complaintBody({ employer: { name: `浦东监察指标公司${n}` } }));
    expect(filed.status).toBe(201);
    for (const [path, body] of [
      ['accept', {}],
      ['route', { target: 'INSPECTION' }],
    ] as const) {
      const r = await t
        .http()
        .post(`/api/v1/complaints/${filed.body.id}/${path}`)
        .set(await auth('inspector'))
        .send(body);
      expect(r.status).toBe(200);
    }
    return filed.body.id as string;
  };
  const post = async (path: string, body: Record<string, unknown>, user = 'inspector') => {
    const r = await t
      .http()
      .post(`/api/v1/inspection/cases${path}`)
      .set(await auth(user))
      .send(body);
    expect([r.status, r.body]).toEqual([expect.any(Number), expect.anything()]);
    expect(r.status).toBeLessThan(300);
    return r.body as CaseView;
  };
  /** A complaint's case, received two days before its 立案 `daysAgo` days ago. */
  const acceptedCase = async (daysAgo: number) => {
    const complaintId = await routedComplaint();
    const id = await t.dataSource.transaction((em) =>
      t.app
        .get(InspectionService)
        .openFromComplaint(em, { complaintId, receivedOn: addDays(today, -daysAgo - 2) }, null),
    );
    return post(`/${id}/decision`, { version: 1, violationEndedOn: null, on: addDays(today, -daysAgo) });
  };
  const fact = async (id: string) =>
    (
      await t.dataSource.query<{ due_on: string | null; closed_on: string | null }[]>(
        `SELECT due_on, closed_on FROM sla_case_facts WHERE case_type = 'INSPECTION' AND case_id = $1`,
        [id],
      )
    )[0];
  const summary = async () => {
    const r = await t
      .http()
      .get('/api/v1/sla/summary')
      .query({ year })
      .set(await auth('supervisor'));
    expect(r.status).toBe(200);
    return r.body as {
      inspection: {
        numerator: number;
        denominator: number;
        rate: number | null;
        headroom: number;
        handlingDays: { average: number | null };
      };
    };
  };

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  let onTime: CaseView;
  let overdue: CaseView;

  it('立案 starts counting nothing until the case closes or its deadline passes', async () => {
    const complaintId = await routedComplaint();
    const id = await t.dataSource.transaction((em) =>
      t.app
        .get(InspectionService)
        .openFromComplaint(em, { complaintId, receivedOn: addDays(today, -12) }, null),
    );
    onTime = await post(`/${id}/decision`, { version: 1, violationEndedOn: null, on: addDays(today, -10) });
    expect(onTime.acceptedOn).toBe(addDays(today, -10));
    expect(await eventually(() => fact(onTime.id))).toEqual({
      due_on: onTime.investigationDueOn,
      closed_on: null,
    });
    expect((await summary()).inspection).toMatchObject({ numerator: 0, denominator: 0, rate: null });
  });

  it('a pause and resumption through the deadlines API move the deadline the KPI uses at once', async () => {
    const clock = onTime.clocks.find((k) => k.rule.id === 'INSPECTION_INVESTIGATION')!;
    const before = onTime.investigationDueOn;
    for (const event of [
      { type: 'PAUSE', date: addDays(today, -8), reason: '用人单位下落不明' },
      { type: 'RESUME', date: addDays(today, -3) },
    ]) {
      const r = await t
        .http()
        .post(`/api/v1/deadlines/${clock.id}/events`)
        .set(await auth('inspector'))
        .send(event);
      expect(r.status).toBe(201);
    }
    // No write of the case itself: the clock event reaches the KPI fact through the case's timeline.
    const moved = await eventually(async () => {
      const f = await fact(onTime.id);
      return f?.due_on && f.due_on > before! ? f.due_on : undefined;
    });
    const view = await t
      .http()
      .get(`/api/v1/inspection/cases/${onTime.id}`)
      .set(await auth('inspector'));
    expect(view.body.investigationDueOn).toBe(moved);
    onTime = view.body;
  });

  it('closing on time counts 1 of 1', async () => {
    await post(`/${onTime.id}/close`, { version: onTime.version, closureType: 'NO_VIOLATION' });
    await eventually(async () => (await fact(onTime.id))?.closed_on === today);
    expect((await summary()).inspection).toMatchObject({
      numerator: 1,
      denominator: 1,
      rate: 1,
      headroom: 0, // 1 ÷ 2 would miss 98 %
      handlingDays: { average: 10 },
    });
  });

  it('an open case past its deadline counts as late from the day after, and is listed as WILL_BREACH', async () => {
    const complaintId = await routedComplaint();
    const id = await t.dataSource.transaction((em) =>
      t.app
        .get(InspectionService)
        .openFromComplaint(em, { complaintId, receivedOn: addDays(today, -130) }, null),
    );
    overdue = await post(`/${id}/decision`, {
      version: 1,
      violationEndedOn: null,
      on: addDays(today, -128),
    });
    const due = overdue.investigationDueOn!;
    expect(due < today).toBe(true);
    await eventually(() => fact(overdue.id));
    const countedThisYear = addDays(due, 1).slice(0, 4) === String(year);
    // 1 on time of 2 due; 48 more on-time closures would be needed: 49 ÷ 50 = 98 %.
    expect((await summary()).inspection).toMatchObject(
      countedThisYear
        ? { numerator: 1, denominator: 2, rate: 0.5, headroom: -48 }
        : { numerator: 1, denominator: 1 },
    );
    const atRisk = await t
      .http()
      .get('/api/v1/sla/at-risk')
      .set(await auth('inspector'));
    const [owner] = await t.dataSource.query<{ id: string | null }[]>(
      'SELECT assigned_inspector_ids[1] AS id FROM inspection_cases WHERE id = $1',
      [overdue.id],
    );
    expect(atRisk.body.items).toEqual([
      {
        caseType: 'INSPECTION',
        caseId: overdue.id,
        caseNo: overdue.caseNo,
        street: '310115005',
        organisationId: expect.any(String),
        owner: owner.id
          ? {
              userId: owner.id,
              id: owner.id,
              role: 'INSPECTOR',
              displayName: expect.any(String),
              organisation: expect.objectContaining({ kind: 'INSPECTION_BRIGADE' }),
            }
          : null,
        dueOn: due,
        daysRemaining: Math.round((Date.parse(due) - Date.parse(today)) / 86400_000),
        reason: 'WILL_BREACH',
      },
    ]);
  });

  /** The items of the at-risk list the inspector sees. */
  const atRiskItems = async () => {
    const r = await t
      .http()
      .get('/api/v1/sla/at-risk')
      .set(await auth('inspector'));
    expect(r.status).toBe(200);
    return r.body.items as { caseId: string; dueOn: string; reason: string }[];
  };

  /** Another street's supervisor does not see the row of `caseId`; the district's does. */
  const expectSeenByDistrictOnly = async (caseId: string) => {
    if (!(await t.dataSource.query(`SELECT 1 FROM users WHERE username = 'supervisor-310115007'`)).length)
      await createAccount(t, {
        username: 'supervisor-310115007',
        role: 'SUPERVISOR',
        jurisdictions: ['310115007'],
      });
    for (const [user, sees] of [
      ['supervisor-310115007', false],
      ['supervisor', true],
    ] as const) {
      const r = await t
        .http()
        .get('/api/v1/sla/at-risk')
        .query({ limit: 200 })
        .set(await auth(user));
      expect([user, r.body.items.some((i: { caseId: string }) => i.caseId === caseId)]).toEqual([user, sees]);
    }
  };

  it('a planned (双随机) case is no 举报投诉 case: outside the KPI, yet listed at risk when its deadline passed', async () => {
    const before = (await summary()).inspection;
    const [{ id: employerId }] = await t.dataSource.query<{ id: string }[]>(
      `SELECT id FROM employers ORDER BY created_at LIMIT 1`,
    );
    // 监察条例 第十六条: two inspectors.
    const second = await createAccount(t, {
      username: 'inspector-plan',
      role: 'INSPECTOR',
      jurisdictions: ['310115005'],
    });
    const [{ id: first }] = await t.dataSource.query<{ id: string }[]>(
      `SELECT id FROM users WHERE username = 'inspector'`,
    );
    const id = await openPlannedInspection(t, {
      employerId,
      inspectorIds: [first, second],
      on: addDays(today, -128),
    });
    const [{ due }] = await t.dataSource.query<{ due: string }[]>(
      `SELECT to_char(investigation_due_on, 'YYYY-MM-DD') AS due FROM inspection_cases WHERE id = $1`,
      [id],
    );
    expect(due < today).toBe(true);
    await t.app.get(SlaAggregatesService).refreshCase('INSPECTION', id);
    // Open past its deadline: a late case of the KPI were it counted; it is not.
    expect(await fact(id)).toBeUndefined();
    expect((await summary()).inspection).toMatchObject({
      numerator: before.numerator,
      denominator: before.denominator,
    });
    // Its 60 working days (监察条例 第十七条) are still the brigade's to keep: listed at risk.
    expect((await atRiskItems()).find((i) => i.caseId === id)).toMatchObject({
      dueOn: due,
      reason: 'WILL_BREACH',
    });
  });

  let mergeTeam: string[] | undefined;
  /** An open planned case of the employer of inspection case `id` (outside the KPI): the case another merges into. */
  const survivingCaseOf = async (id: string) => {
    const [{ employer_id: employerId }] = await t.dataSource.query<{ employer_id: string }[]>(
      'SELECT employer_id FROM inspection_cases WHERE id = $1',
      [id],
    );
    mergeTeam ??= await inspectionTeam(t, 'inspector-merge');
    const inspectorIds = mergeTeam;
    return openPlannedInspection(t, { employerId, inspectorIds });
  };

  it('a case merged into another (并案) before its deadline is no closure of its own: outside the KPI, which counts the surviving case', async () => {
    const before = (await summary()).inspection;
    const merged = await acceptedCase(10);
    const id = merged.id;
    await post(`/${id}/close`, {
      version: merged.version,
      closureType: 'MERGED',
      mergedIntoCaseId: await survivingCaseOf(id),
    });
    await t.app.get(SlaAggregatesService).refreshCase('INSPECTION', id);
    // Closed within its period: an on-time closure (1 more of 1 more) were it counted; it is not.
    expect(await fact(id)).toBeUndefined();
    expect((await summary()).inspection).toMatchObject({
      numerator: before.numerator,
      denominator: before.denominator,
    });
  });

  it('a case merged after its deadline had passed stays a miss: the summary does not lose it, nor does the recompute', async () => {
    // The audit's repro: open 38 days past its 60 working days, 9,000 元 found and nothing recovered.
    const late = await acceptedCase(128);
    const due = late.investigationDueOn!;
    expect(due < today).toBe(true);
    await t.app.get(SlaAggregatesService).refreshCase('INSPECTION', late.id);
    const before = (await summary()).inspection;
    expect((await atRiskItems()).find((i) => i.caseId === late.id)).toMatchObject({ reason: 'WILL_BREACH' });
    await post(`/${late.id}/close`, {
      version: late.version,
      closureType: 'MERGED',
      mergedIntoCaseId: await survivingCaseOf(late.id),
      note: '并案处理',
    });
    await t.app.get(SlaAggregatesService).refreshCase('INSPECTION', late.id);
    // Counted as any case closed late: in the month its deadline passed, a miss.
    expect(await fact(late.id)).toEqual({ due_on: due, closed_on: today });
    const countedThisYear = addDays(due, 1).slice(0, 4) === String(year);
    const after = (await summary()).inspection;
    expect(after).toMatchObject({ numerator: before.numerator, denominator: before.denominator });
    if (countedThisYear) expect(before.denominator).toBeGreaterThan(before.numerator);
    const aggregates = t.app.get(SlaAggregatesService);
    await eventually(async () => (await aggregates.recomputeAll()).skipped === false);
    expect(await fact(late.id)).toEqual({ due_on: due, closed_on: today });
    expect((await summary()).inspection).toMatchObject({
      numerator: before.numerator,
      denominator: before.denominator,
    });
  });

  it('a case paused before its deadline is not late while paused, and is listed with 31 December; resumed, it counts again', async () => {
    const before = (await summary()).inspection;
    const paused = await acceptedCase(128);
    const id = paused.id;
    const due = paused.investigationDueOn!;
    expect(due < today).toBe(true);
    const clock = paused.clocks.find((k) => k.rule.id === 'INSPECTION_INVESTIGATION')!;
    const clockEvent = async (event: Record<string, unknown>, user = 'inspector') => {
      const r = await t
        .http()
        .post(`/api/v1/deadlines/${clock.id}/events`)
        .set(await auth(user))
        .send(event);
      expect([r.status, r.body]).toEqual([201, expect.anything()]);
      await t.app.get(SlaAggregatesService).refreshCase('INSPECTION', id);
    };
    // Paused (监察条例 第十七条 period stopped) before the deadline, and never resumed: the deadline has not passed.
    // Entered now, after the period lapsed, it undoes the breach: a supervisor's correction (409 for the inspector).
    await clockEvent({ type: 'PAUSE', date: addDays(today, -100), reason: '用人单位下落不明' }, 'supervisor');
    const view = await t
      .http()
      .get(`/api/v1/inspection/cases/${id}`)
      .set(await auth('inspector'));
    expect(view.body.investigationDueOn).toBeNull();
    expect(await fact(id)).toBeUndefined();
    expect((await summary()).inspection).toMatchObject({
      numerator: before.numerator,
      denominator: before.denominator,
    });
    const yearEnd = `${year}-12-31`;
    expect((await atRiskItems()).find((i) => i.caseId === id)).toMatchObject({
      dueOn: yearEnd,
      reason: 'MUST_CLOSE_BY_YEAR_END',
    });
    // A case paused before this fix still carries its old deadline: migration 1796400002400 clears it.
    await t.dataSource.query('UPDATE inspection_cases SET investigation_due_on = $2 WHERE id = $1', [
      id,
      due,
    ]);
    await t.dataSource.query(CLEAR_PAUSED_INVESTIGATION_DUE);
    const [row] = await t.dataSource.query<{ d: string | null }[]>(
      'SELECT investigation_due_on AS d FROM inspection_cases WHERE id = $1',
      [id],
    );
    expect(row.d).toBeNull();
    // Resumed today: the days paused are not counted, the case carries the clock's new deadline, the KPI counts it.
    await clockEvent({ type: 'RESUME', date: today });
    const resumed = await t
      .http()
      .get(`/api/v1/inspection/cases/${id}`)
      .set(await auth('inspector'));
    const moved = resumed.body.investigationDueOn as string;
    expect(moved > due).toBe(true);
    expect(await fact(id)).toEqual({ due_on: moved, closed_on: null });
  });

  it('a complaint routed to inspection whose case is not opened is listed by its take-up period (TAKE_UP_DUE); opened, it leaves', async () => {
    const complaintId = await routedComplaint();
    // Routed 12 days ago (moved back by hand): its 5 working days to open the case (若干规定 第十八条) have passed.
    await t.dataSource.query(
      `UPDATE clocks SET start_date = $2 WHERE case_type = 'COMPLAINT' AND case_id = $1 AND rule_id = 'COMPLAINT_TAKE_UP'`,
      [complaintId, addDays(today, -12)],
    );
    const complaint = await t
      .http()
      .get(`/api/v1/complaints/${complaintId}`)
      .set(await auth('inspector'));
    const [row] = await t.dataSource.query<{ org: string }[]>(
      'SELECT route_organisation_id AS org FROM complaints WHERE id = $1',
      [complaintId],
    );
    const clock = (
      await t.app.get(DeadlinesService).forCase('COMPLAINT', complaintId, today, t.dataSource.manager)
    ).find((k) => k.rule.id === 'COMPLAINT_TAKE_UP')! as { due: string; state: string };
    expect(clock.state).toBe('BREACHED');
    expect((await atRiskItems()).find((i) => i.caseId === complaintId)).toEqual({
      caseType: 'COMPLAINT',
      caseId: complaintId,
      caseNo: complaint.body.trackingNo,
      street: '310115005',
      organisationId: row.org,
      owner: null,
      dueOn: clock.due,
      daysRemaining: Math.round((Date.parse(clock.due) - Date.parse(today)) / 86400_000),
      reason: 'TAKE_UP_DUE',
    });
    await expectSeenByDistrictOnly(complaintId);
    // The brigade opens the case: the take-up period is met, the complaint leaves the list.
    await t.dataSource.transaction((em) =>
      t.app.get(InspectionService).openFromComplaint(em, { complaintId, receivedOn: today }, null),
    );
    expect((await atRiskItems()).filter((i) => i.caseId === complaintId)).toEqual([]);
  });

  it('a case awaiting its 立案 decision is listed with its acceptance due date (FILING_DUE), overdue first; not for another street', async () => {
    const complaintId = await routedComplaint();
    const id = await t.dataSource.transaction((em) =>
      t.app
        .get(InspectionService)
        .openFromComplaint(em, { complaintId, receivedOn: addDays(today, -12) }, null),
    );
    const view = (
      await t
        .http()
        .get(`/api/v1/inspection/cases/${id}`)
        .set(await auth('inspector'))
    ).body as Omit<CaseView, 'clocks'> & {
      organisationId: string;
      clocks: { rule: { id: string }; due: string | null }[];
    };
    expect(view.acceptedOn).toBeNull();
    // 若干规定 第十八条: 5 working days from receipt to accept (立案 the same day) or refuse.
    const due = view.clocks.find((k) => k.rule.id === 'INSPECTION_ACCEPTANCE')!.due!;
    expect(due < today).toBe(true);
    const items = await atRiskItems();
    expect(items.find((i) => i.caseId === id)).toEqual({
      caseType: 'INSPECTION',
      caseId: id,
      caseNo: view.caseNo,
      street: '310115005',
      organisationId: view.organisationId,
      owner: null,
      dueOn: due,
      daysRemaining: Math.round((Date.parse(due) - Date.parse(today)) / 86400_000),
      reason: 'FILING_DUE',
    });
    expect(items.map((i) => i.dueOn)).toEqual(items.map((i) => i.dueOn).sort());
    const limited = await t
      .http()
      .get('/api/v1/sla/at-risk')
      .query({ limit: 1 })
      .set(await auth('inspector'));
    expect(limited.body.items).toEqual([items[0]]);
    await expectSeenByDistrictOnly(id);
    // 立案 today: no decision is due any more; the case is listed by its 60 working days only (监察条例 第十七条).
    await post(`/${id}/decision`, { version: view.version, violationEndedOn: null, on: today });
    expect((await atRiskItems()).filter((i) => i.caseId === id && i.reason === 'FILING_DUE')).toEqual([]);
  });

  it('the nightly recompute agrees with what the events built', async () => {
    const aggregates = t.app.get(SlaAggregatesService);
    await eventually(async () => (await aggregates.recomputeAll()).skipped === false);
    const run = await aggregates.recomputeAll();
    expect(run).toMatchObject({ skipped: false, baseline: false, mismatchedCells: 0 });
  });
});
