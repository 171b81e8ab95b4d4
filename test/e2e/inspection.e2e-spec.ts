import { DataSource } from 'typeorm';
import { randomUUID } from 'node:crypto';
import { hashPassword } from '../../src/auth/passwords';
import { organisationId } from '../../src/reference/organisations';
import { CalendarService } from '../../src/calendar/calendar.service';
import { addDays, addYears, todayInShanghai } from '../../src/calendar/local-date';
import { InspectionService } from '../../src/inspection/inspection.service';
import { complaintBody, DEMO_PASSWORD, eventually, startTestApp, type TestApp } from '../support/test-app';
import { confirmEmployerOfCase, openPlannedInspection, riskScan } from '../support/case-flow';
import { createAccount } from '../support/users';

interface CaseView {
  id: string;
  caseNo: string;
  source: string;
  status: string;
  version: number;
  receivedOn: string;
  acceptanceDueOn: string;
  acceptedOn: string | null;
  refusal: { reasons: { code: string; text: string }[]; note: string | null } | null;
  violationEndedOn: string | null;
  investigationDueOn: string | null;
  extendedDays: number;
  closedOn: string | null;
  closureType: string | null;
  arrearsFen: number;
  recoveredFen: number;
  orderRefused: boolean;
  transferredToPolice: boolean;
  wageCrime: {
    meets: boolean;
    threshold: { provinceCode: string; singleWorkerFen: number } | null;
    reasons: string[];
  };
  documents: { id: string; kind: string; docNo: string; employerFacing: boolean }[];
  clocks: {
    id: string;
    rule: { id: string };
    start: string;
    due: string | null;
    state: string;
    extendedBy: number;
  }[];
}

describe('inspection cases', () => {
  let t: TestApp;
  const auth = async (user: string) => ({ authorization: `Bearer ${await t.token(user)}` });
  const today = todayInShanghai();
  let n = 0;

  /** A complaint (or report) accepted and routed to INSPECTION by the street's inspector. */
  const routeToInspection = async (complaintId: string) => {
    for (const [path, body] of [
      ['accept', {}],
      ['route', { target: 'INSPECTION' }],
    ] as const) {
      const r = await t
        .http()
        .post(`/api/v1/complaints/${complaintId}/${path}`)
        .set(await auth('inspector'))
        .send(body);
      expect(r.status).toBe(200);
    }
  };
  const routedComplaint = async () => {
    n++;
    const filed = await t
      .http()
      .post('/api/v1/complaints')
      .set(await auth('13800000000'))
      .send(complaintBody({ employer: { name: `浦东监察测试公司${n}` } }));
    expect(filed.status).toBe(201);
    await routeToInspection(filed.body.id as string);
    return filed.body.id as string;
  };
  const post = async (user: string, path: string, body: Record<string, unknown>) =>
    t
      .http()
      .post(`/api/v1/inspection${path}`)
      .set(await auth(user))
      .send(body);
  const get = async (user: string, id: string) =>
    t
      .http()
      .get(`/api/v1/inspection/cases/${id}`)
      .set(await auth(user));
  const ok = async (user: string, path: string, body: Record<string, unknown>, status = 200) => {
    const r = await post(user, path, body);
    expect([r.status, r.body]).toEqual([status, expect.anything()]);
    return r.body as CaseView;
  };
  /** Opened (RECEIVED), its employer's name confirmed (as the inspectors do from its business licence). */
  const open = async () => {
    const c = await ok('inspector', '/cases', { complaintId: await routedComplaint() }, 201);
    await confirmEmployerOfCase(t, c.id);
    return c;
  };
  /** Opened and 立案 today. */
  const investigating = async () => {
    const c = await open();
    return ok('inspector', `/cases/${c.id}/decision`, { version: c.version, violationEndedOn: null });
  };
  /** A 责令改正指令书 to pay one worker's wages within 5 days. */
  const orderToPay = (c: { id: string; version: number }, arrearsFen: number, monthsUnpaid: number) =>
    ok('inspector', `/cases/${c.id}/rectification-order`, {
      version: c.version,
      violations: '拖欠劳动者工资',
      arrearsFen,
      workersAffected: 1,
      monthsUnpaid,
      inspectorIds: team,
      complianceDueOn: addDays(today, 5),
    });
  /** The order's period ended yesterday (its deadline moved back) and the inspector records the refusal. */
  const refuseLapsedOrder = async (id: string, version: number) => {
    await t.dataSource.query(`UPDATE inspection_cases SET rectify_due_on = $2 WHERE id = $1`, [
      id,
      addDays(today, -1),
    ]);
    return ok('inspector', `/cases/${id}/order-refused`, { version, note: '逾期未支付' });
  };
  /** A clock event entered by the inspector through the deadlines API. */
  const clockEvent = async (clockId: string, event: Record<string, unknown>, user = 'inspector') =>
    t
      .http()
      .post(`/api/v1/deadlines/${clockId}/events`)
      .set(await auth(user))
      .send(event);
  const workdays = async (from: string, amount: number) =>
    (
      await t
        .http()
        .get('/api/v1/calendar/deadline')
        .query({ from, amount, unit: 'WORKDAY' })
        .set(await auth('inspector'))
    ).body.due as string;

  /** The two inspectors who investigate (监察条例 第十六条). */
  let team: string[] = [];

  beforeAll(async () => {
    t = await startTestApp();
    // An inspector of another street, to check that cases are scoped.
    await t.dataSource.query(
      `INSERT INTO users (id, username, password_hash, role, jurisdiction_codes, display_name) VALUES ($1, 'inspector-other', $2, 'INSPECTOR', '{310115010}', '其他街道监察员')`,
      [randomUUID(), await hashPassword(DEMO_PASSWORD)],
    );
    // A second inspector of the street: investigative acts are made by two (劳动保障监察条例 第十六条).
    const second = await createAccount(t, {
      username: 'inspector-b',
      role: 'INSPECTOR',
      jurisdictions: ['310115005'],
    });
    const me = await t
      .http()
      .get('/api/v1/auth/me')
      .set(await auth('inspector'));
    team = [me.body.userId as string, second];
  });
  afterAll(async () => {
    await t.close();
  });

  /** The employer's violation history (compliance register) as the supervisor sees it, for a case's employer. */
  const violationsOfCaseEmployer = async (caseId: string) => {
    const [{ employer_id }] = await t.dataSource.query<{ employer_id: string }[]>(
      `SELECT employer_id FROM inspection_cases WHERE id = $1`,
      [caseId],
    );
    const res = await t
      .http()
      .get(`/api/v1/compliance/employers/${employer_id}`)
      .set(await auth('supervisor'));
    expect(res.status).toBe(200);
    return (res.body.violations as { sourceId: string | null }[]).filter((v) => v.sourceId === caseId);
  };

  it('a 投诉 is accepted, ordered to rectify, paid and closed on time', async () => {
    const complaintId = await routedComplaint();
    const c = await ok('inspector', '/cases', { complaintId }, 201);
    expect(c).toMatchObject({ source: 'COMPLAINT', status: 'RECEIVED', receivedOn: today, version: 1 });
    expect(c.caseNo).toMatch(/^JC-\d{4}-\d{7}-[0-9X]$/);
    expect(c.acceptanceDueOn).toBe(await workdays(today, 5));
    expect(c.clocks.map((k) => k.rule.id)).toEqual(['INSPECTION_ACCEPTANCE']);
    // One complaint, one case.
    expect((await post('inspector', '/cases', { complaintId })).body.code).toBe('INSPECTION_CASE_EXISTS');

    const notInspector = await post('inspector', `/cases/${c.id}/decision`, {
      version: 1,
      violationEndedOn: null,
      inspectorIds: [randomUUID()],
    });
    expect([notInspector.status, notInspector.body.details[0].field]).toEqual([400, 'inspectorIds']);
    const accepted = await ok('inspector', `/cases/${c.id}/decision`, { version: 1, violationEndedOn: null });
    expect(accepted).toMatchObject({ status: 'INVESTIGATING', acceptedOn: today, refusal: null });
    // The assigned inspector by name and body (13.5), to staff and to the complainant, never with a phone.
    const named = {
      displayName: expect.any(String),
      role: 'INSPECTOR',
      organisation: expect.objectContaining({ name: expect.any(String) }),
    };
    expect((accepted as unknown as { inspectors: object[] }).inspectors).toEqual([
      expect.objectContaining(named),
    ]);
    const seenByWorker = await get('13800000000', c.id);
    expect(seenByWorker.status).toBe(200);
    expect(seenByWorker.body.inspectors).toEqual([expect.objectContaining(named)]);
    expect(JSON.stringify(seenByWorker.body.inspectors)).not.toMatch(/1[3-9]\d{9}/);
    expect(accepted.investigationDueOn).toBe(await workdays(today, 60));
    const inv = accepted.clocks.find((k) => k.rule.id === 'INSPECTION_INVESTIGATION')!;
    expect(inv).toMatchObject({ start: today, due: accepted.investigationDueOn, state: 'RUNNING' });
    expect(accepted.clocks.find((k) => k.rule.id === 'INSPECTION_ACCEPTANCE')!.state).toBe('MET');
    // The complainant is told (party.notify through the outbox).
    const sms = await eventually(() => t.sms.sent.find((m) => m.template === 'INSPECTION_ACCEPTED'));
    expect(sms).toMatchObject({ phone: '13800000000', params: { caseNo: c.caseNo, acceptedOn: today } });

    // The order names the employer: its name as the worker typed it is checked against the licence and confirmed.
    await confirmEmployerOfCase(t, c.id);
    const ordered = await ok('inspector', `/cases/${c.id}/rectification-order`, {
      version: 2,
      violations: '未按时足额支付劳动者工资',
      arrearsFen: 1_250_000,
      workersAffected: 1,
      monthsUnpaid: 3,
      inspectorIds: team,
      complianceDueOn: addDays(today, 10),
    });
    expect(ordered).toMatchObject({ status: 'RECTIFICATION_ORDERED', arrearsFen: 1_250_000 });
    const [order] = ordered.documents;
    expect(order).toMatchObject({ kind: 'RECTIFICATION_ORDER', employerFacing: true });
    const doc = await t
      .http()
      .get(`/api/v1/inspection/cases/${c.id}/documents/${order.id}`)
      .set(await auth('inspector'));
    expect(doc.status).toBe(200);
    expect(doc.body.text).toContain(`浦东监察测试公司${n}`);
    expect(doc.body.text).toContain('12500.00元');
    expect(doc.body.text).toContain(order.docNo);

    // Not rectified while wages are outstanding.
    const early = await post('inspector', `/cases/${c.id}/close`, { version: 3, closureType: 'RECTIFIED' });
    expect([early.status, early.body.code]).toEqual([409, 'ARREARS_OUTSTANDING']);
    // A closure type the status does not allow.
    const wrong = await post('inspector', `/cases/${c.id}/close`, { version: 3, closureType: 'PENALISED' });
    expect([wrong.status, wrong.body.code]).toEqual([409, 'CLOSURE_NOT_ALLOWED']);

    await ok('inspector', `/cases/${c.id}/recoveries`, {
      version: 3,
      amountFen: 750_000,
      workersCovered: 1,
      paidOn: today,
    });
    const paid = await ok('inspector', `/cases/${c.id}/recoveries`, {
      version: 4,
      amountFen: 500_000,
      workersCovered: 0,
      paidOn: today,
    });
    expect(paid.recoveredFen).toBe(1_250_000);
    const closed = await ok('inspector', `/cases/${c.id}/close`, { version: 5, closureType: 'RECTIFIED' });
    expect(closed).toMatchObject({ status: 'CLOSED', closureType: 'RECTIFIED', closedOn: today });
    expect(closed.closedOn! <= closed.investigationDueOn!).toBe(true);
    expect(closed.clocks.find((k) => k.rule.id === 'INSPECTION_INVESTIGATION')!.state).toBe('MET');
    const [row] = await t.dataSource.query(`SELECT * FROM inspection_cases WHERE id = $1`, [c.id]);
    expect(row).toMatchObject({
      status: 'CLOSED',
      closure_type: 'RECTIFIED',
      violation_found: true,
      arrears_fen: '1250000',
      recovered_fen: '1250000',
      recovered_workers: 1,
      workers_affected: 1,
      months_unpaid: 3,
      order_refused: false,
      transferred_to_police: false,
    });
    // The closing transaction entered the violation into the employer's history (source INSPECTION).
    expect(await violationsOfCaseEmployer(c.id)).toEqual([
      expect.objectContaining({
        sourceType: 'INSPECTION',
        foundOn: today,
        kinds: ['WAGE_ARREARS'],
        arrearsFen: 1_250_000,
        workersAffected: 1,
        orderRefused: false,
        criminalTransfer: false,
        meetsCrimeThreshold: false,
        major: false,
      }),
    ]);
    const events = await t
      .http()
      .get(`/api/v1/inspection/cases/${c.id}/events`)
      .set(await auth('inspector'));
    expect(events.body.map((e: { action: string }) => e.action)).toEqual([
      'INSPECTION_RECEIVED',
      'INSPECTION_ACCEPT',
      'INSPECTION_ORDER_RECTIFY',
      'INSPECTION_RECORD_RECOVERY',
      'INSPECTION_RECORD_RECOVERY',
      'INSPECTION_CLOSE',
    ]);
    expect(events.body[2].data).toMatchObject({ docNo: order.docNo, documentId: order.id });

    // The complainant sees the status; staff of another street and a closed case's further steps do not pass.
    const mine = await get('13800000000', c.id);
    expect(mine.status).toBe(200);
    expect(mine.body).toMatchObject({ status: 'CLOSED', closureType: 'RECTIFIED', documents: [] });
    expect((await get('inspector-other', c.id)).status).toBe(404);
    const listed = await t
      .http()
      .get('/api/v1/inspection/cases')
      .query({ status: 'CLOSED', source: 'COMPLAINT' })
      .set(await auth('inspector'));
    expect(listed.body.items.map((x: { id: string }) => x.id)).toContain(c.id);
    const otherList = await t
      .http()
      .get('/api/v1/inspection/cases')
      .set(await auth('inspector-other'));
    expect(otherList.body.items).toEqual([]);
    const after = await post('inspector', `/cases/${c.id}/findings`, {
      version: 6,
      arrearsFen: 1,
      inspectorIds: team,
    });
    expect([after.status, after.body.code]).toEqual([409, 'ILLEGAL_TRANSITION']);
  });

  it('a 举报 never reveals the reporter in employer-facing documents or their API view', async () => {
    const reporter = { name: '李四举报人', phone: '13911112222' };
    const {
      complainant: _c,
      claimedAmountFen: _a,
      ...body
    } = complaintBody({
      employer: { name: '浦东线索测试公司' },
      facts: `我是${reporter.name}，电话${reporter.phone}，公司拖欠三个月工资`,
      affectedWorkers: 12,
    });
    const filed = await t.http().post('/api/v1/reports').send(body);
    expect(filed.status).toBe(201);
    const [{ id: complaintId }] = await t.dataSource.query(
      `SELECT id FROM complaints WHERE tracking_no = $1`,
      [filed.body.trackingNo],
    );
    await routeToInspection(complaintId as string);
    const c = await ok('inspector', '/cases', { complaintId }, 201);
    expect(c.source).toBe('REPORT');
    await confirmEmployerOfCase(t, c.id);
    await ok('inspector', `/cases/${c.id}/decision`, { version: 1, violationEndedOn: null });
    await ok('inspector', `/cases/${c.id}/inquiry-notice`, {
      version: 2,
      appearOn: addDays(today, 3),
      place: '浦东新区劳动保障监察大队',
      materials: ['工资支付记录', '考勤记录'],
    });
    await ok('inspector', `/cases/${c.id}/rectification-order`, {
      version: 3,
      violations: '拖欠劳动者工资',
      arrearsFen: 3_600_000,
      workersAffected: 12,
      monthsUnpaid: 3,
      inspectorIds: team,
      complianceDueOn: addDays(today, 7),
    });
    const pen = await ok('inspector', `/cases/${c.id}/penalty-notice`, {
      version: 4,
      violations: '拖欠劳动者工资',
      proposedFen: 200_000,
      basis: '《劳动保障监察条例》第二十六条',
    });
    const employerFacing = pen.documents.filter((d) => d.employerFacing);
    expect(employerFacing.map((d) => d.kind)).toEqual([
      'INQUIRY_NOTICE',
      'RECTIFICATION_ORDER',
      'PENALTY_NOTICE',
    ]);
    for (const d of employerFacing) {
      const r = await t
        .http()
        .get(`/api/v1/inspection/cases/${c.id}/documents/${d.id}`)
        .set(await auth('inspector'));
      expect(r.status).toBe(200);
      expect(r.body.text).toContain('浦东线索测试公司');
      const everything = JSON.stringify(r.body);
      expect(everything).not.toContain(reporter.name);
      expect(everything).not.toContain(reporter.phone);
      expect(everything).not.toContain('举报');
    }
    const [stored] = await t.dataSource.query(
      `SELECT string_agg(body || data::text, '') AS all FROM inspection_documents WHERE case_id = $1`,
      [c.id],
    );
    expect(stored.all).not.toContain(reporter.name);
    expect(stored.all).not.toContain(reporter.phone);
    expect(JSON.stringify((await get('inspector', c.id)).body)).not.toContain(reporter.phone);
    // Nobody outside the staff sees a report's case.
    expect((await get('13800000000', c.id)).status).toBe(404);
  });

  it('the 60-working-day clock across the 2026 National Day holiday, and one extension by a supervisor', async () => {
    const complaintId = await routedComplaint();
    const id = await t.dataSource.transaction((em) =>
      t.app.get(InspectionService).openFromComplaint(em, { complaintId, receivedOn: '2026-09-24' }, null),
    );
    const received = (await get('inspector', id)).body as CaseView;
    // 5 working days from Thu 24 Sep: 25 Sep (中秋) and 1–7 Oct are holidays → Fri 9 Oct.
    expect(received.acceptanceDueOn).toBe('2026-10-09');
    const c = await ok('inspector', `/cases/${id}/decision`, {
      version: 1,
      violationEndedOn: '2026-09-15',
      on: '2026-09-28',
    });
    // From Mon 28 Sep: 29–30 Sep, 8–9 Oct, Sat 10 Oct (调休上班), then 11 weeks of 5 → Fri 25 Dec 2026.
    expect(c).toMatchObject({ acceptedOn: '2026-09-28', investigationDueOn: '2026-12-25' });
    expect(c.clocks.find((k) => k.rule.id === 'INSPECTION_INVESTIGATION')).toMatchObject({
      start: '2026-09-28',
      due: '2026-12-25',
    });
    const [row] = await t.dataSource.query(
      `SELECT investigation_due_on::text AS d FROM inspection_cases WHERE id = $1`,
      [id],
    );
    expect(row.d).toBe('2026-12-25');

    const byInspector = await post('inspector', `/cases/${id}/extension`, { version: 2, reason: '案情复杂' });
    expect([byInspector.status, byInspector.body.code]).toEqual([403, 'EXTENSION_NEEDS_SUPERVISOR']);
    const ext = await ok('supervisor', `/cases/${id}/extension`, {
      version: 2,
      reason: '涉及人数众多，需调取银行流水',
    });
    expect(ext.extendedDays).toBe(30);
    expect(ext.investigationDueOn).toBe(await workdays('2026-09-28', 90));
    expect(ext.investigationDueOn! > '2026-12-25').toBe(true);
    expect(ext.clocks.find((k) => k.rule.id === 'INSPECTION_INVESTIGATION')).toMatchObject({
      due: ext.investigationDueOn,
      extendedBy: 30,
    });
    const again = await post('supervisor', `/cases/${id}/extension`, { version: 3, reason: '再次延长' });
    expect([again.status, again.body.code]).toEqual([409, 'ALREADY_EXTENDED']);

    // The complainant is told the new last day, once (监察条例 第十七条); marked 暂定 as the case file marks a day
    // counted through a year whose holiday schedule is not loaded.
    const clock = ext.clocks.find((k) => k.rule.id === 'INSPECTION_INVESTIGATION') as {
      provisional?: boolean;
    };
    const template = clock.provisional
      ? 'INSPECTION_PERIOD_EXTENDED_PROVISIONAL'
      : 'INSPECTION_PERIOD_EXTENDED';
    const told = await eventually(() =>
      t.sms.sent.find((m) => m.params.caseNo === ext.caseNo && m.template === template),
    );
    expect(told).toMatchObject({ phone: '13800000000', params: { due: ext.investigationDueOn } });
    expect(told.text).toContain(`（案号${ext.caseNo}）`);
    expect(told.text).toContain(`最迟应于${ext.investigationDueOn}（含当日）调查完毕`);
    const [{ n: rows }] = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM outbox_messages
        WHERE payload->>'template' LIKE 'INSPECTION_PERIOD_EXTENDED%' AND payload->'params'->>'caseNo' = $1`,
      [ext.caseNo],
    );
    expect(rows).toBe(1);
    expect(
      t.sms.sent.filter(
        (m) => m.params.caseNo === ext.caseNo && m.template.startsWith('INSPECTION_PERIOD_EXTENDED'),
      ),
    ).toHaveLength(1);
  });

  it('over the 2-year lookback: a refusal with the reason, not an error; a brigade outside the district is not opened in', async () => {
    const late = await open();
    const refused = await ok('inspector', `/cases/${late.id}/decision`, {
      version: 1,
      violationEndedOn: addDays(addYears(today, -2), -1),
    });
    expect(refused).toMatchObject({ status: 'REFUSED', acceptedOn: null, investigationDueOn: null });
    expect(refused.refusal!.reasons.map((r) => r.code)).toEqual(['OVER_LOOKBACK']);
    expect(refused.refusal!.reasons[0].text).toContain('第二十条');
    expect(refused.documents.map((d) => [d.kind, d.employerFacing])).toEqual([['REFUSAL_NOTICE', false]]);

    // A brigade of another district (徐汇) is not competent for a Pudong street (监察条例 第十三条): the case is not
    // opened there (it would refuse the worker for the opener's pick), and nothing is opened.
    const xuhui = organisationId('INSPECTION_BRIGADE', '310104');
    await t.dataSource.query(
      `INSERT INTO organisations (id, name, kind, jurisdiction_code) VALUES ($1, '徐汇区劳动保障监察大队', 'INSPECTION_BRIGADE', '310104')`,
      [xuhui],
    );
    const complaintId = await routedComplaint();
    const wrong = await post('inspector', '/cases', { complaintId, organisationId: xuhui });
    expect([wrong.status, wrong.body.code, wrong.body.details[0]]).toEqual([
      400,
      'VALIDATION_FAILED',
      expect.objectContaining({ field: 'organisationId', constraint: 'servesStreet' }),
    ]);
    const opened = await t.dataSource.query(`SELECT 1 FROM inspection_cases WHERE complaint_id = $1`, [
      complaintId,
    ]);
    expect(opened).toHaveLength(0);
    const other = await ok('inspector', '/cases', { complaintId }, 201);

    // Bad input is still a 400.
    const bad = await post('inspector', `/cases/${other.id}/decision`, {
      version: 1,
      violationEndedOn: '2026-02-30',
    });
    expect(bad.status).toBe(400);
  });

  it('a refusal outside the remit or the district names where to turn (若干规定 第十八条第四款): 400 without it; SMS, notice and case file carry it', async () => {
    const complaintId = await routedComplaint();
    const c = await ok('inspector', '/cases', { complaintId }, 201);
    for (const reason of ['OUT_OF_JURISDICTION', 'NOT_LABOR_SECURITY_MATTER']) {
      const missing = await post('inspector', `/cases/${c.id}/refuse`, { version: c.version, reason });
      expect([missing.status, missing.body.code, missing.body.details]).toEqual([
        400,
        'VALIDATION_FAILED',
        [expect.objectContaining({ field: 'referTo', constraint: 'isDefined' })],
      ]);
    }
    const tooLong = await post('inspector', `/cases/${c.id}/refuse`, {
      version: c.version,
      reason: 'OUT_OF_JURISDICTION',
      referTo: '监'.repeat(201),
    });
    expect([tooLong.status, tooLong.body.details[0].field]).toEqual([400, 'referTo']);
    // Nothing was written by the refusals.
    expect((await get('inspector', c.id)).body).toMatchObject({ status: 'RECEIVED', version: c.version });

    const referTo = '上海市闵行区劳动保障监察大队';
    const refused = await ok('inspector', `/cases/${c.id}/refuse`, {
      version: c.version,
      reason: 'OUT_OF_JURISDICTION',
      referTo,
    });
    expect(refused).toMatchObject({
      status: 'REFUSED',
      refusal: { reasons: [{ code: 'OUT_OF_JURISDICTION' }], referTo },
    });
    const referral = `请向${referTo}投诉或反映。`;
    const doc = await t
      .http()
      .get(`/api/v1/inspection/cases/${c.id}/documents/${refused.documents[0].id}`)
      .set(await auth('inspector'));
    expect(doc.body.text).toContain(referral);
    const sms = await eventually(() =>
      t.sms.sent.find((m) => m.template === 'INSPECTION_REFUSED' && m.params.caseNo === refused.caseNo),
    );
    expect(sms.text).toContain('理由：不属于本机关管辖');
    expect(sms.text).toContain(referral);
    const mine = await t
      .http()
      .get(`/api/v1/my/cases/${complaintId}`)
      .set(await auth('13800000000'));
    expect(mine.body.inspection).toMatchObject({ status: 'REFUSED', refusalReferTo: referTo });
    expect(mine.body.nextStep.text).toBe(
      `劳动保障监察机构经审查决定不予立案，理由见通知。${referral}如不服，可于收到告知之日起六十日内申请行政复议，或者六个月内向人民法院提起行政诉讼。`,
    );

    // Another reason needs no referral.
    const other = await ok('inspector', '/cases', { complaintId: await routedComplaint() }, 201);
    const inCourt = await ok('inspector', `/cases/${other.id}/refuse`, {
      version: other.version,
      reason: 'IN_ARBITRATION_OR_COURT',
    });
    expect(inCourt).toMatchObject({ status: 'REFUSED', refusal: { referTo: null } });
  });

  it('refused as over two years old only when it is (监察条例 第二十条), as a complaint is: the end is given and recorded', async () => {
    const c = await open();
    const refuse = (body: Record<string, unknown>) =>
      post('inspector', `/cases/${c.id}/refuse`, { version: c.version, reason: 'OVER_LOOKBACK', ...body });
    const missing = await refuse({});
    expect([missing.status, missing.body.code, missing.body.details]).toEqual([
      400,
      'VALIDATION_FAILED',
      [expect.objectContaining({ field: 'violationEndedOn', constraint: 'isDefined' })],
    ]);
    const future = await refuse({ violationEndedOn: addDays(today, 1) });
    expect([future.status, future.body.details[0]]).toEqual([
      400,
      expect.objectContaining({ field: 'violationEndedOn', constraint: 'notInFuture' }),
    ]);
    // A continuing violation (2026年10月、11月工资至今未发) is never time-barred; nor one ended within two years.
    for (const violationEndedOn of [null, addYears(today, -1)]) {
      const within = await refuse({ violationEndedOn });
      expect([within.status, within.body.code]).toEqual([409, 'WITHIN_LOOKBACK']);
    }
    expect((await get('inspector', c.id)).body).toMatchObject({ status: 'RECEIVED', version: c.version });
    const ended = addDays(addYears(today, -2), -1);
    const refused = await ok('inspector', `/cases/${c.id}/refuse`, {
      version: c.version,
      reason: 'OVER_LOOKBACK',
      violationEndedOn: ended,
    });
    expect(refused).toMatchObject({ status: 'REFUSED', violationEndedOn: ended });
    expect(refused.refusal!.reasons.map((r) => r.code)).toEqual(['OVER_LOOKBACK']);
  });

  it('no identified employer is no refusal while an employer is on record: the case is accepted and the employer established (若干规定 第十八条)', async () => {
    const complaintId = await routedComplaint();
    const c = await ok('inspector', '/cases', { complaintId }, 201);
    const r = await post('inspector', `/cases/${c.id}/refuse`, {
      version: c.version,
      reason: 'NO_IDENTIFIED_EMPLOYER',
    });
    expect([r.status, r.body.code, r.body.details?.allowed]).toEqual([409, 'EMPLOYER_ON_RECORD', ['ACCEPT']]);
    expect((await get('inspector', c.id)).body).toMatchObject({ status: 'RECEIVED', version: c.version });
    expect(
      t.sms.sent.filter((m) => m.template === 'INSPECTION_REFUSED' && m.params.caseNo === c.caseNo),
    ).toEqual([]);
  });

  it('no refusal is recorded of an order to pay whose wages were paid in full within its period (法释〔2013〕3号 第四条)', async () => {
    const c = await investigating();
    const ordered = await orderToPay(c, 2_000_000, 3);
    const paid = await ok('inspector', `/cases/${c.id}/recoveries`, {
      version: ordered.version,
      amountFen: 2_000_000,
      workersCovered: 1,
      paidOn: today,
    });
    // Paid two days ago, the period ended yesterday: in time.
    await t.dataSource.query(`UPDATE inspection_recoveries SET paid_on = $2 WHERE case_id = $1`, [
      c.id,
      addDays(today, -2),
    ]);
    await t.dataSource.query(`UPDATE inspection_cases SET rectify_due_on = $2 WHERE id = $1`, [
      c.id,
      addDays(today, -1),
    ]);
    const complied = await post('inspector', `/cases/${c.id}/order-refused`, {
      version: paid.version,
      note: '拒不支付',
    });
    expect([complied.status, complied.body.code]).toEqual([409, 'ORDER_COMPLIED']);
    expect((await get('inspector', c.id)).body).toMatchObject({ orderRefused: false, version: paid.version });
  });

  it('transfer to public security: 409 below the threshold or without a refused order, done when both hold', async () => {
    const c = await investigating();
    const ordered = await orderToPay(c, 1_999_999, 3);
    // Shanghai's seeded figure: 20,000 元 for one worker owed 3+ months.
    expect(ordered.wageCrime).toMatchObject({
      meets: false,
      threshold: { provinceCode: '31', singleWorkerFen: 2_000_000 },
    });
    const noRefusal = await post('supervisor', `/cases/${c.id}/transfer`, { version: ordered.version });
    expect([noRefusal.status, noRefusal.body.code]).toEqual([409, 'TRANSFER_CONDITIONS_NOT_MET']);
    expect(noRefusal.body.details.missing).toEqual(['THRESHOLD_NOT_MET', 'NO_REFUSED_ORDER_TO_PAY']);

    // Not before the order's deadline (法释〔2013〕3号 第四条: 在指定的期限内仍不支付).
    const early = await post('inspector', `/cases/${c.id}/order-refused`, {
      version: ordered.version,
      note: '拒不支付',
    });
    expect([early.status, early.body.code, early.body.details.earliestOn]).toEqual([
      409,
      'ORDER_DEADLINE_NOT_PASSED',
      addDays(today, 6),
    ]);
    const refused = await refuseLapsedOrder(c.id, ordered.version);
    expect(refused.orderRefused).toBe(true);
    const below = await post('supervisor', `/cases/${c.id}/transfer`, { version: refused.version });
    expect([below.status, below.body.details.missing]).toEqual([409, ['THRESHOLD_NOT_MET']]);

    const atThreshold = await ok('inspector', `/cases/${c.id}/findings`, {
      version: refused.version,
      arrearsFen: 2_000_000,
      inspectorIds: team,
    });
    expect(atThreshold.wageCrime.meets).toBe(true);
    expect(atThreshold.wageCrime.reasons.join()).toContain('法释〔2013〕3号第三条第一项');
    // The transfer is the agency head's (行政执法机关移送涉嫌犯罪案件的规定 第五条), not the inspector's.
    const byInspector = await post('inspector', `/cases/${c.id}/transfer`, { version: atThreshold.version });
    expect(byInspector.status).toBe(403);
    const done = await ok('supervisor', `/cases/${c.id}/transfer`, { version: atThreshold.version });
    expect(done).toMatchObject({
      status: 'CLOSED',
      closureType: 'TRANSFERRED',
      transferredToPolice: true,
      closedOn: today,
    });
    const transfer = done.documents.find((d) => d.kind === 'TRANSFER_NOTICE')!;
    const text = (
      await t
        .http()
        .get(`/api/v1/inspection/cases/${c.id}/documents/${transfer.id}`)
        .set(await auth('inspector'))
    ).body.text as string;
    expect(text).toContain('第二百七十六条之一');
    expect(text).toContain('20000.00元');
    const [row] = await t.dataSource.query(
      `SELECT transferred_to_police, order_refused, violation_found, closure_type FROM inspection_cases WHERE id = $1`,
      [c.id],
    );
    expect(row).toEqual({
      transferred_to_police: true,
      order_refused: true,
      violation_found: true,
      closure_type: 'TRANSFERRED',
    });
    // A transfer is a major violation (人社部令第29号 第五条) with the facts the blacklist listing needs.
    expect(await violationsOfCaseEmployer(c.id)).toEqual([
      expect.objectContaining({
        sourceType: 'INSPECTION',
        orderRefused: true,
        criminalTransfer: true,
        meetsCrimeThreshold: true,
        major: true,
      }),
    ]);
  });

  it('penalty: advance notice, the statement period, the decision with its amount', async () => {
    const c = await investigating();
    const noticed = await ok('inspector', `/cases/${c.id}/penalty-notice`, {
      version: c.version,
      violations: '未依法订立书面劳动合同',
      proposedFen: 500_000,
      basis: '《劳动保障监察条例》第二十四条',
    });
    const decision = {
      violations: '未依法订立书面劳动合同',
      amountFen: 500_000,
      basis: '《劳动保障监察条例》第二十四条',
    };
    const tooEarly = await post('supervisor', `/cases/${c.id}/penalty-decision`, {
      version: noticed.version,
      ...decision,
    });
    expect([tooEarly.status, tooEarly.body.code]).toEqual([409, 'STATEMENT_PERIOD_RUNNING']);
    // The earliest decision is after both periods: the statement's (3 days) and the hearing request's (5 working days).
    const { hearingDueOn } = tooEarly.body.details as { hearingDueOn: string };
    expect(hearingDueOn >= addDays(today, 5)).toBe(true);
    expect(tooEarly.body.details.earliestDecisionOn).toBe(addDays(hearingDueOn, 1));
    const answered = await ok('inspector', `/cases/${c.id}/employer-response`, {
      version: noticed.version,
      kind: 'STATEMENT',
      on: today,
      summary: '已补签劳动合同',
    });
    // A statement does not give up the right to ask for a hearing (行政处罚法 第六十四条).
    const stillOpen = await post('supervisor', `/cases/${c.id}/penalty-decision`, {
      version: answered.version,
      ...decision,
    });
    expect([stillOpen.status, stillOpen.body.code]).toEqual([409, 'HEARING_REQUEST_PERIOD_RUNNING']);
    const waived = await ok('inspector', `/cases/${c.id}/employer-response`, {
      version: answered.version,
      kind: 'WAIVER',
      on: today,
      summary: '单位书面表示放弃听证',
    });
    // Never heavier than the notice proposed (行政处罚法 第四十五条第二款): a new notice first.
    const heavier = await post('supervisor', `/cases/${c.id}/penalty-decision`, {
      version: waived.version,
      ...decision,
      amountFen: 500_001,
    });
    expect([heavier.status, heavier.body.code, heavier.body.details.proposedFen]).toEqual([
      409,
      'PENALTY_ABOVE_NOTICE',
      500_000,
    ]);
    // The decision is the agency head's on the inspector's findings (行政处罚法 第五十七条).
    const byInspector = await post('inspector', `/cases/${c.id}/penalty-decision`, {
      version: waived.version,
      ...decision,
    });
    expect(byInspector.status).toBe(403);
    const decided = await ok('supervisor', `/cases/${c.id}/penalty-decision`, {
      version: waived.version,
      ...decision,
    });
    expect(decided).toMatchObject({ status: 'PENALTY_DECIDED' });
    const [row] = await t.dataSource.query(`SELECT penalty_fen FROM inspection_cases WHERE id = $1`, [c.id]);
    expect(row.penalty_fen).toBe('500000');
    const closed = await ok('inspector', `/cases/${c.id}/close`, {
      version: decided.version,
      closureType: 'PENALISED',
    });
    expect(closed).toMatchObject({ status: 'CLOSED', closureType: 'PENALISED' });
  });

  it('penalty: a hearing asked for in time is held before the decision, whatever the day (第六十四、六十五条)', async () => {
    const c = await investigating();
    const noticed = await ok('inspector', `/cases/${c.id}/penalty-notice`, {
      version: c.version,
      violations: '未按时足额支付劳动报酬',
      proposedFen: 5_000_000,
      basis: '《劳动保障监察条例》第二十六条',
    });
    const decision = {
      violations: '未按时足额支付劳动报酬',
      amountFen: 5_000_000,
      basis: '《劳动保障监察条例》第二十六条',
    };
    const noRequest = await post('inspector', `/cases/${c.id}/employer-response`, {
      version: noticed.version,
      kind: 'HEARING_HELD',
      on: today,
      summary: '听证会已举行',
    });
    expect([noRequest.status, noRequest.body.code]).toEqual([409, 'NO_HEARING_REQUESTED']);
    const requested = await ok('inspector', `/cases/${c.id}/employer-response`, {
      version: noticed.version,
      kind: 'HEARING_REQUEST',
      on: today,
      summary: '单位书面要求听证',
    });
    // Both periods over (the notice served three weeks ago): the hearing still comes first.
    await t.dataSource.query(
      `UPDATE inspection_documents SET issued_on = issued_on - 21 WHERE case_id = $1 AND kind = 'PENALTY_NOTICE'`,
      [c.id],
    );
    const notHeard = await post('supervisor', `/cases/${c.id}/penalty-decision`, {
      version: requested.version,
      ...decision,
    });
    expect([notHeard.status, notHeard.body.code]).toEqual([409, 'PENALTY_HEARING_NOT_HELD']);
    const noSummary = await post('inspector', `/cases/${c.id}/employer-response`, {
      version: requested.version,
      kind: 'HEARING_HELD',
      on: today,
    });
    expect([noSummary.status, noSummary.body.details?.[0]?.field]).toEqual([400, 'summary']);
    const heard = await ok('inspector', `/cases/${c.id}/employer-response`, {
      version: requested.version,
      kind: 'HEARING_HELD',
      on: today,
      summary: '听证会于今日举行，单位陈述已支付部分工资，未提供凭证',
    });
    const decided = await ok('supervisor', `/cases/${c.id}/penalty-decision`, {
      version: heard.version,
      ...decision,
    });
    expect(decided).toMatchObject({ status: 'PENALTY_DECIDED' });
  });

  it('a large sum withheld is a major violation though paid under the order (29号令 第五条第（一）项: 数额较大)', async () => {
    const c = await investigating();
    const ordered = await orderToPay(c, 2_500_000, 3);
    const paid = await ok('inspector', `/cases/${c.id}/recoveries`, {
      version: ordered.version,
      amountFen: 2_500_000,
      workersCovered: 1,
      paidOn: today,
    });
    // Nothing is owed any more: no transfer (经责令支付仍不支付) is open…
    expect(paid.wageCrime.meets).toBe(false);
    await ok('inspector', `/cases/${c.id}/close`, { version: paid.version, closureType: 'RECTIFIED' });
    // …but the violation found weighs the 25,000 元 withheld against Shanghai's 20,000 元 figure.
    expect(await violationsOfCaseEmployer(c.id)).toEqual([
      expect.objectContaining({
        arrearsFen: 2_500_000,
        orderRefused: false,
        meetsCrimeThreshold: true,
        major: true,
      }),
    ]);
    // Audit 2026-12-07: the nightly scan raised RED WA-CRIME-THRESHOLD-FINDING (评估移送公安机关) on this employer. Paid
    // in full within the order's period, it was never 经责令支付仍不支付 (法释〔2013〕3号 第四条): no referral assessment.
    await riskScan(t);
    const hits = await t.dataSource.query<{ rule_id: string; level: string }[]>(
      `SELECT h->>'ruleId' AS rule_id, w.level FROM risk_warnings w
         JOIN inspection_cases c ON c.employer_id = w.employer_id, jsonb_array_elements(w.hits) h
        WHERE c.id = $1 AND w.kind = 'WAGE_ARREARS'`,
      [c.id],
    );
    expect(hits.filter((h) => h.rule_id.startsWith('WA-CRIME-'))).toEqual([]);
  });

  // Audit 2026-12-07 (third): WA-CRIME-THRESHOLD-CASE raised RED 评估移送公安机关 on a case's wages owed, its order to pay
  // still running. 经责令支付仍不支付 (刑法 第二百七十六条之一; 法释〔2013〕3号 第四条: 在指定的期限内仍不支付).
  it('the risk scan judges a case by its order to pay: an ORANGE watch while it runs, RED once it lapsed and was refused', async () => {
    const c = await investigating();
    const [{ employer_id: employerId }] = await t.dataSource.query<{ employer_id: string }[]>(
      'SELECT employer_id FROM inspection_cases WHERE id = $1',
      [c.id],
    );
    const crimeHits = async () =>
      (
        (
          await t
            .http()
            .get(`/api/v1/risk/employers/${employerId}/features`)
            .set(await auth('admin'))
        ).body.evaluation.hits as { ruleId: string; explanation: string }[]
      ).filter((h) => h.ruleId.startsWith('WA-CRIME-'));
    // Found 25,000 元 owed one worker for 3 months (Shanghai: 20,000 元), ordered paid within 5 days.
    const ordered = await orderToPay(c, 2_500_000, 3);
    expect(await crimeHits()).toEqual([
      expect.objectContaining({
        ruleId: 'WA-CRIME-CASE-ORDER-DUE',
        explanation: expect.stringContaining(`责令支付期限至${addDays(today, 5)}`),
      }),
    ]);
    // The period ended yesterday unpaid; the refusal is recorded: the referral assessment.
    const refused = await refuseLapsedOrder(c.id, ordered.version);
    expect(refused.orderRefused).toBe(true);
    expect((await crimeHits()).map((h) => h.ruleId)).toEqual(['WA-CRIME-THRESHOLD-CASE']);
  });

  it('an inspector who declared a conflict with the employer takes no act in its case (监察条例 第十六条: 回避)', async () => {
    const c = await investigating();
    const [{ employer_id: employerId }] = await t.dataSource.query<{ employer_id: string }[]>(
      'SELECT employer_id FROM inspection_cases WHERE id = $1',
      [c.id],
    );
    const declared = await t
      .http()
      .post('/api/v1/inspection/conflicts')
      .set(await auth('inspector'))
      .send({ employerId, reason: '近亲属在该单位任职' });
    expect(declared.status).toBe(201);
    const r = await post('inspector', `/cases/${c.id}/findings`, {
      version: c.version,
      arrearsFen: 100_000,
      inspectorIds: team,
    });
    expect([r.status, r.body.code]).toEqual([403, 'INSPECTOR_CONFLICT']);
    // Nor is the inspector put on its team, by anyone.
    const onTeam = await post('supervisor', `/cases/${c.id}/findings`, {
      version: c.version,
      arrearsFen: 100_000,
      inspectorIds: team,
    });
    expect([onTeam.status, onTeam.body.details?.[0]?.constraint]).toEqual([400, 'noConflict']);
  });

  it('a case merged into another enters no violation history of its own (人社部令第29号 第五条: one decision, once)', async () => {
    const c = await investigating();
    const ordered = await orderToPay(c, 300_000, 1);
    const [{ employer_id: employerId }] = await t.dataSource.query<{ employer_id: string }[]>(
      'SELECT employer_id FROM inspection_cases WHERE id = $1',
      [c.id],
    );
    const surviving = await openPlannedInspection(t, { employerId, inspectorIds: team });
    const merged = await ok('inspector', `/cases/${c.id}/close`, {
      version: ordered.version,
      closureType: 'MERGED',
      mergedIntoCaseId: surviving,
      note: '并入同一用人单位的另一监察案件',
    });
    expect(merged).toMatchObject({ status: 'CLOSED', closureType: 'MERGED', violationFound: true });
    expect(await violationsOfCaseEmployer(c.id)).toEqual([]);
  });

  it('并案 names the surviving case: open, same employer, in scope (400 / 404 / 409 otherwise); the worker is told its number', async () => {
    const c = await investigating();
    const [{ employer_id: employerId }] = await t.dataSource.query<{ employer_id: string }[]>(
      'SELECT employer_id FROM inspection_cases WHERE id = $1',
      [c.id],
    );
    const close = (body: Record<string, unknown>, user = 'inspector') =>
      post(user, `/cases/${c.id}/close`, { version: c.version, closureType: 'MERGED', ...body });
    // The audit's repro: MERGED naming no case.
    const none = await close({ note: '并案处理' });
    expect([none.status, none.body.code, none.body.details?.[0]?.field]).toEqual([
      400,
      'VALIDATION_FAILED',
      'mergedIntoCaseId',
    ]);
    const itself = await close({ mergedIntoCaseId: c.id });
    expect([itself.status, itself.body.details?.[0]?.constraint]).toEqual([400, 'notItself']);
    const notMerged = await close({ closureType: 'NO_VIOLATION', mergedIntoCaseId: randomUUID() });
    expect([notMerged.status, notMerged.body.details?.[0]?.constraint]).toEqual([400, 'onlyWhenMerged']);
    expect((await close({ mergedIntoCaseId: randomUUID() })).body.code).toBe('MERGE_TARGET_NOT_FOUND');
    // Another employer's open case; a closed case of the same employer; one in a street the inspector does not cover.
    const other = await investigating();
    const otherEmployer = await close({ mergedIntoCaseId: other.id });
    expect([otherEmployer.status, otherEmployer.body.code]).toEqual([409, 'MERGE_TARGET_OTHER_EMPLOYER']);
    const closed = await openPlannedInspection(t, { employerId, inspectorIds: team });
    await t.dataSource.query(
      `UPDATE inspection_cases SET status = 'CLOSED', closed_on = $2, closure_type = 'NO_VIOLATION' WHERE id = $1`,
      [closed, today],
    );
    const notOpen = await close({ mergedIntoCaseId: closed });
    expect([notOpen.status, notOpen.body.code]).toEqual([409, 'MERGE_TARGET_NOT_OPEN']);
    const [{ id: otherInspector }] = await t.dataSource.query<{ id: string }[]>(
      `SELECT id FROM users WHERE username = 'inspector-other'`,
    );
    const elsewhere = await openPlannedInspection(t, {
      employerId,
      inspectorIds: [otherInspector, team[1]],
      street: '310115010',
    });
    const outOfScope = await close({ mergedIntoCaseId: elsewhere });
    expect([outOfScope.status, outOfScope.body.code]).toEqual([404, 'MERGE_TARGET_NOT_FOUND']);
    expect((await get('inspector', c.id)).body).toMatchObject({
      status: 'INVESTIGATING',
      version: c.version,
    });

    const survivingId = await openPlannedInspection(t, { employerId, inspectorIds: team });
    const surviving = (await get('inspector', survivingId)).body as CaseView;
    const merged = await ok('inspector', `/cases/${c.id}/close`, {
      version: c.version,
      closureType: 'MERGED',
      mergedIntoCaseId: survivingId,
      note: '并案处理',
    });
    expect(merged).toMatchObject({
      status: 'CLOSED',
      closureType: 'MERGED',
      mergedInto: { id: survivingId, caseNo: surviving.caseNo },
    });
    const events = await t
      .http()
      .get(`/api/v1/inspection/cases/${c.id}/events`)
      .set(await auth('inspector'));
    expect(events.body.at(-1)).toMatchObject({
      action: 'INSPECTION_CLOSE',
      data: { closureType: 'MERGED', mergedIntoCaseId: survivingId, mergedIntoCaseNo: surviving.caseNo },
    });
    // The worker: the SMS and the case file name the case that goes on with the matter.
    const sms = await eventually(() =>
      t.sms.sent.find((m) => m.template === 'INSPECTION_MERGED' && m.params.caseNo === c.caseNo),
    );
    expect(sms.text).toContain(`并入案号${surviving.caseNo}的监察案件办理`);
    const mine = await t
      .http()
      .get(`/api/v1/my/cases/${(merged as CaseView & { complaintId: string }).complaintId}`)
      .set(await auth('13800000000'));
    expect(mine.body.inspection).toMatchObject({ closureType: 'MERGED', mergedIntoCaseNo: surviving.caseNo });
    expect(mine.body.nextStep.text).toContain(`并入案号${surviving.caseNo}`);
  });

  it('the surviving case of a 并案 shows it: staff see the case folded in on its timeline (same act); its worker sees a step that names nobody', async () => {
    const c = (await investigating()) as CaseView & { complaintId: string };
    const [{ employer_id: employerId }] = await t.dataSource.query<{ employer_id: string }[]>(
      'SELECT employer_id FROM inspection_cases WHERE id = $1',
      [c.id],
    );
    const foldedId = await openPlannedInspection(t, { employerId, inspectorIds: team });
    const folded = (await get('inspector', foldedId)).body as CaseView;
    await ok('inspector', `/cases/${foldedId}/close`, {
      version: folded.version,
      closureType: 'MERGED',
      mergedIntoCaseId: c.id,
      note: '并案处理',
    });
    const eventsOf = async (id: string) =>
      (
        await t
          .http()
          .get(`/api/v1/inspection/cases/${id}/events`)
          .set(await auth('inspector'))
      ).body as { action: string; occurredAt: string; data: Record<string, unknown> }[];
    const [closing] = (await eventsOf(foldedId)).filter((e) => e.action === 'INSPECTION_CLOSE');
    const mergedIn = (await eventsOf(c.id)).filter((e) => e.action === 'INSPECTION_MERGED_IN');
    expect(mergedIn).toEqual([
      expect.objectContaining({
        occurredAt: closing.occurredAt, // one transaction with the closing
        data: expect.objectContaining({ mergedCaseId: foldedId, mergedCaseNo: folded.caseNo }),
      }),
    ]);
    // The surviving case goes on: its status and version are its own.
    expect((await get('inspector', c.id)).body).toMatchObject({
      status: 'INVESTIGATING',
      version: c.version,
    });
    // Its worker sees a labelled step, with no details (another party's case stays the brigade's).
    const mine = await t
      .http()
      .get(`/api/v1/my/cases/${c.complaintId}`)
      .set(await auth('13800000000'));
    const steps = (
      mine.body.timeline as { action: string; proceeding: string; label: string; data: object }[]
    ).filter((e) => e.action === 'INSPECTION_MERGED_IN');
    expect(steps).toEqual([
      expect.objectContaining({ proceeding: 'INSPECTION', label: '另一监察案件并入本案合并办理', data: {} }),
    ]);
    expect(JSON.stringify(steps)).not.toContain(folded.caseNo);
  });

  it('wage-crime thresholds: ADMIN adds a later figure; history is never rewritten', async () => {
    const list = await t
      .http()
      .get('/api/v1/inspection/wage-crime-thresholds')
      .query({ province: '31' })
      .set(await auth('inspector'));
    expect(list.status).toBe(200);
    expect(list.body).toEqual([expect.objectContaining({ provinceCode: '31', verified: false })]);
    const row = {
      provinceCode: '31',
      effectiveFrom: '2027-01-01',
      singleWorkerFen: 1_000_000,
      singleWorkerMinMonths: 3,
      multiWorkers: 10,
      multiWorkersTotalFen: 6_000_000,
      basis: '测试：上海市高级人民法院通知',
    };
    expect((await post('supervisor', '/wage-crime-thresholds', row)).status).toBe(403);
    expect(
      (await post('admin', '/wage-crime-thresholds', { ...row, singleWorkerFen: 2_000_001 })).status,
    ).toBe(400);
    expect((await post('admin', '/wage-crime-thresholds', row)).status).toBe(201);
    const again = await post('admin', '/wage-crime-thresholds', { ...row, effectiveFrom: '2026-06-01' });
    expect([again.status, again.body.code]).toEqual([409, 'THRESHOLD_HISTORY_IMMUTABLE']);
    // Today the old figure still applies to cases.
    const c = await investigating();
    expect(c.wageCrime.threshold!.singleWorkerFen).toBe(2_000_000);
  });

  it('a planned inspection (双随机 plan) opens under investigation and can close without a violation', async () => {
    const [{ id: employerId }] = await t.dataSource.query(
      `SELECT id FROM employers ORDER BY created_at LIMIT 1`,
    );
    const me = await t
      .http()
      .get('/api/v1/auth/me')
      .set(await auth('inspector'));
    const planId = randomUUID();
    const [{ id: second }] = await t.dataSource.query(
      `SELECT id FROM users WHERE role = 'INSPECTOR' AND active AND id <> $1 ORDER BY username LIMIT 1`,
      [me.body.userId],
    );
    const open = (inspectorIds: string[]) =>
      t.dataSource.transaction((em) =>
        t.app
          .get(InspectionService)
          .openPlanned(em, { planId, employerId, jurisdictionCode: '310115005', inspectorIds }, null),
      );
    // 监察条例 第十六条: an inspection is carried out by at least two inspectors.
    await expect(open([me.body.userId])).rejects.toMatchObject({ code: 'TOO_FEW_INSPECTORS' });
    const id = await open([me.body.userId, second as string]);
    const c = (await get('inspector', id)).body as CaseView;
    expect(c).toMatchObject({
      source: 'PLAN',
      status: 'INVESTIGATING',
      acceptedOn: today,
      receivedOn: today,
    });
    expect(c.investigationDueOn).toBe(await workdays(today, 60));
    const [row] = await t.dataSource.query(
      `SELECT plan_id, organisation_id, assigned_inspector_ids FROM inspection_cases WHERE id = $1`,
      [id],
    );
    expect(row).toEqual({
      plan_id: planId,
      organisation_id: organisationId('INSPECTION_BRIGADE', '310115'),
      assigned_inspector_ids: [me.body.userId, second],
    });
    const closed = await ok('inspector', `/cases/${id}/close`, {
      version: c.version,
      closureType: 'NO_VIOLATION',
    });
    expect(closed).toMatchObject({ status: 'CLOSED', closureType: 'NO_VIOLATION' });
    const [after] = await t.dataSource.query(`SELECT violation_found FROM inspection_cases WHERE id = $1`, [
      id,
    ]);
    expect(after.violation_found).toBe(false);
    expect(await violationsOfCaseEmployer(id)).toEqual([]);
  });

  it('a case closed while its clock is paused is judged by the deadline the pause moved', async () => {
    const today = todayInShanghai();
    const complaintId = await routedComplaint();
    const id = await t.dataSource.transaction((em) =>
      t.app
        .get(InspectionService)
        .openFromComplaint(em, { complaintId, receivedOn: addDays(today, -130) }, null),
    );
    const accepted = addDays(today, -128);
    const c = await ok('inspector', `/cases/${id}/decision`, {
      version: 1,
      violationEndedOn: null,
      on: accepted,
    });
    const due = await workdays(accepted, 60);
    expect(due < today).toBe(true);
    const clock = c.clocks.find((k) => k.rule.id === 'INSPECTION_INVESTIGATION')!;
    const pausedOn = addDays(due, -10);
    const event = { type: 'PAUSE', date: pausedOn, reason: '用人单位下落不明' };
    // The period has lapsed: a pause dated before its end undoes the breach, a supervisor's correction of the record.
    expect((await clockEvent(clock.id, event)).body.code).toBe('CLOCK_BREACHED');
    const pause = await clockEvent(clock.id, event, 'supervisor');
    expect(pause.status).toBe(201);
    // The pause cleared the case's deadline (none while paused): a change of the case, version 3.
    expect((await get('inspector', id)).body).toMatchObject({ investigationDueOn: null, version: 3 });
    const closed = await ok('inspector', `/cases/${id}/close`, { version: 3, closureType: 'NO_VIOLATION' });
    // The pause ends on the closing date: the working days in (pausedOn, today] are not counted.
    const cal = await t.app.get(CalendarService).calendar(t.app.get(DataSource).manager);
    const paused = cal.countWorkingDays(pausedOn, today).count;
    expect(paused).toBeGreaterThan(10);
    expect(closed.investigationDueOn).toBe(await workdays(accepted, 60 + paused));
    expect(closed.investigationDueOn! >= today).toBe(true);
    const events = await t
      .http()
      .get(`/api/v1/inspection/cases/${id}/events`)
      .set(await auth('inspector'));
    const close = (events.body as { action: string; data: { withinPeriod: boolean } }[]).find(
      (e) => e.action === 'INSPECTION_CLOSE',
    )!;
    expect(close.data.withinPeriod).toBe(true);
  });

  it('a pause and resumption entered on the clock through the deadlines API move investigation_due_on at once, on the timeline', async () => {
    const complaintId = await routedComplaint();
    const id = await t.dataSource.transaction((em) =>
      t.app.get(InspectionService).openFromComplaint(em, { complaintId, receivedOn: '2026-10-09' }, null),
    );
    const c = await ok('inspector', `/cases/${id}/decision`, {
      version: 1,
      violationEndedOn: null,
      on: '2026-10-12',
    });
    const due = await workdays('2026-10-12', 60);
    expect(c.investigationDueOn).toBe(due);
    const clock = c.clocks.find((k) => k.rule.id === 'INSPECTION_INVESTIGATION')!;
    const column = async () =>
      (
        await t.dataSource.query<{ d: string; v: number }[]>(
          `SELECT investigation_due_on::text AS d, version AS v FROM inspection_cases WHERE id = $1`,
          [id],
        )
      )[0];
    const pause = await clockEvent(clock.id, {
      type: 'PAUSE',
      date: '2026-10-20',
      reason: '用人单位下落不明',
    });
    expect(pause.status).toBe(201);
    // While paused the period does not run: the case carries no deadline (it is not overdue), the clock's view says PAUSED.
    expect(await column()).toEqual({ d: null, v: 3 });
    expect((await get('inspector', id)).body).toMatchObject({ investigationDueOn: null, version: 3 });
    const resume = await clockEvent(clock.id, { type: 'RESUME', date: '2026-10-27' });
    expect(resume.status).toBe(201);
    // 5 working days in (20 Oct, 27 Oct] are not counted; the case's copy moved with the clock, and its version.
    const moved = await workdays('2026-10-12', 65);
    expect(resume.body.due).toBe(moved);
    expect(await column()).toEqual({ d: moved, v: 4 });
    const view = await get('inspector', id);
    expect(view.body).toMatchObject({ investigationDueOn: moved, version: 4 });
    // A closing dated before the clock's last event is refused on the request's own field, not the clock's.
    const early = await post('inspector', `/cases/${id}/close`, {
      version: 4,
      closureType: 'NO_VIOLATION',
      on: '2026-10-21',
    });
    expect([early.status, early.body.details?.map((d: { field: string }) => d.field)]).toEqual([400, ['on']]);
    const events = await t
      .http()
      .get(`/api/v1/inspection/cases/${id}/events`)
      .set(await auth('inspector'));
    const clockEvents = (events.body as { action: string; data: Record<string, unknown> }[]).filter(
      (e) => e.action === 'INSPECTION_CLOCK_EVENT',
    );
    expect(clockEvents.map((e) => e.data)).toEqual([
      expect.objectContaining({
        clockEvent: 'PAUSE',
        date: '2026-10-20',
        previousDueOn: due,
        investigationDueOn: null,
      }),
      expect.objectContaining({
        clockEvent: 'RESUME',
        date: '2026-10-27',
        previousDueOn: null,
        investigationDueOn: moved,
      }),
    ]);
    // A write with the version read before the clock event is refused: the case's deadline changed meanwhile.
    const stale = await post('inspector', `/cases/${id}/findings`, {
      version: 3,
      workersAffected: 3,
      inspectorIds: team,
    });
    expect([stale.status, stale.body.code]).toEqual([409, 'STALE_VERSION']);
    const after = await ok('inspector', `/cases/${id}/findings`, {
      version: 4,
      workersAffected: 3,
      inspectorIds: team,
    });
    expect(after.investigationDueOn).toBe(moved);

    // An extension a supervisor enters on the clock is told to the complainant as POST …/extension tells it: once,
    // with the new last day (监察条例 第十七条); the pause and the resumption sent no such SMS.
    const extended = await clockEvent(
      clock.id,
      { type: 'EXTEND', date: today, amount: 10, reason: '案情复杂' },
      'supervisor',
    );
    expect(extended.status).toBe(201);
    const newDue = await workdays('2026-10-12', 75);
    expect(extended.body.due).toBe(newDue);
    const template = extended.body.provisional
      ? 'INSPECTION_PERIOD_EXTENDED_PROVISIONAL'
      : 'INSPECTION_PERIOD_EXTENDED';
    const told = await eventually(() =>
      t.sms.sent.find((m) => m.params.caseNo === c.caseNo && m.template === template),
    );
    expect(told.text).toContain(`最迟应于${newDue}（含当日）调查完毕`);
    const [{ n }] = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM outbox_messages
        WHERE payload->>'template' LIKE 'INSPECTION_PERIOD_EXTENDED%' AND payload->'params'->>'caseNo' = $1`,
      [c.caseNo],
    );
    expect(n).toBe(1);
  });
});
