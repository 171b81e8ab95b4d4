import { addDays, todayInShanghai } from '../../src/calendar/local-date';
import { complaintBody, eventually, startTestApp, type TestApp } from '../support/test-app';
import { createAccount } from '../support/users';
import { confirmEmployerOfCase } from '../support/case-flow';
import { organisationId } from '../../src/reference/organisations';

interface CaseView {
  id: string;
  caseNo: string;
  version: number;
  status: string;
  source: string;
  assignedInspectorIds: string[];
}

/**
 * 16.9 inspection duties: two inspectors per investigative act (监察条例 第十六条); the employer heard before a 行政处理决定
 * (第十九条); 加付赔偿金 of 50–100 % after an ignored order to pay (第二十六条); a reward for a substantiated 举报 only (第九条).
 */
describe('inspection: the brigade’s duties', () => {
  let t: TestApp;
  let team: string[] = [];
  let mediatorId: string;
  let elsewhereId: string;
  let inactiveId: string;
  let n = 0;
  const today = todayInShanghai();
  const auth = async (user: string) => ({ authorization: `Bearer ${await t.token(user)}` });
  const post = async (user: string, path: string, body: Record<string, unknown>) =>
    t
      .http()
      .post(`/api/v1/${path}`)
      .set(await auth(user))
      .send(body);
  const ok = async (user: string, path: string, body: Record<string, unknown>, status = 200) => {
    const r = await post(user, path, body);
    expect([path, r.status, r.status === status ? '' : r.body]).toEqual([path, status, '']);
    return r.body as CaseView;
  };
  const routed = async (complaintId: string) => {
    for (const [path, body] of [
      ['accept', {}],
      ['route', { target: 'INSPECTION' }],
    ] as const)
      await ok('inspector', `complaints/${complaintId}/${path}`, body);
    const c = await ok('inspector', 'inspection/cases', { complaintId }, 201);
    await confirmEmployerOfCase(t, c.id);
    return c;
  };
  /** A worker's 投诉, opened as an inspection case (RECEIVED, version 1). */
  const complaintCase = async () => {
    n++;
    const filed = await post(
      '13800000000',
      'complaints',
      complaintBody({ employer: { name: `浦东监察职责测试公司${n}` } }),
    );
    return routed(filed.body.id as string);
  };
  /** 立案 and an order to pay 10,000 元 to 2 workers by next week: RECTIFICATION_ORDERED, version 3. */
  const ordered = async (c: CaseView) => {
    await ok('inspector', `inspection/cases/${c.id}/decision`, {
      version: c.version,
      violationEndedOn: null,
    });
    return ok('inspector', `inspection/cases/${c.id}/rectification-order`, {
      version: c.version + 1,
      violations: '拖欠劳动者工资',
      arrearsFen: 1_000_000,
      workersAffected: 2,
      inspectorIds: team,
      complianceDueOn: addDays(today, 7),
    });
  };
  /** The 10,000 元 of `ordered` paid in full and the case closed RECTIFIED (a violation decided: 查处终结). */
  const settled = async (c: CaseView) => {
    const paid = await ok('inspector', `inspection/cases/${c.id}/recoveries`, {
      version: c.version,
      amountFen: 1_000_000,
      workersCovered: 2,
      paidOn: today,
    });
    return ok('inspector', `inspection/cases/${c.id}/close`, {
      version: paid.version,
      closureType: 'RECTIFIED',
    });
  };
  const documents = (caseId: string, kind: string) =>
    t.dataSource.query<{ text: string; employer_facing: boolean }[]>(
      `SELECT body AS text, employer_facing FROM inspection_documents WHERE case_id = $1 AND kind = $2 ORDER BY created_at`,
      [caseId, kind],
    );

  beforeAll(async () => {
    t = await startTestApp();
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
    // Colleagues the findings call refuses: an inspector of the same brigade for another street, and a deactivated one.
    elsewhereId = await createAccount(t, {
      username: 'inspector-elsewhere',
      role: 'INSPECTOR',
      jurisdictions: ['310115007'],
      organisationId: organisationId('INSPECTION_BRIGADE', '310115'),
    });
    inactiveId = await createAccount(t, {
      username: 'inspector-retired',
      role: 'INSPECTOR',
      jurisdictions: ['310115005'],
      organisationId: organisationId('INSPECTION_BRIGADE', '310115'),
    });
    await t.dataSource.query(`UPDATE users SET active = false WHERE id = $1`, [inactiveId]);
    mediatorId = (
      await t
        .http()
        .get('/api/v1/auth/me')
        .set(await auth('mediator'))
    ).body.userId as string;
  });
  afterAll(async () => {
    await t.close();
  });

  it('an investigation with one inspector is refused (400); two different inspectors are recorded (第十六条)', async () => {
    const c = await complaintCase();
    const alone = await post('inspector', `inspection/cases/${c.id}/decision`, {
      version: 1,
      violationEndedOn: null,
      inspectorIds: [team[0]],
    });
    expect(alone.status).toBe(400);
    expect(JSON.stringify(alone.body.details)).toContain('inspectorIds');
    const opened = await ok('inspector', `inspection/cases/${c.id}/decision`, {
      version: 1,
      violationEndedOn: null,
      inspectorIds: team,
    });
    expect(opened).toMatchObject({ status: 'INVESTIGATING', assignedInspectorIds: team });
    // The record of an investigative act names its inspectors: one, or the same one twice, is 400.
    for (const inspectorIds of [[team[0]], [team[0], team[0]], []]) {
      const r = await post('inspector', `inspection/cases/${c.id}/findings`, {
        version: 2,
        arrearsFen: 500_000,
        inspectorIds,
      });
      expect([inspectorIds.length, r.status]).toEqual([inspectorIds.length, 400]);
    }
    // Someone who is not an inspector does not make two.
    const withMediator = await post('inspector', `inspection/cases/${c.id}/findings`, {
      version: 2,
      arrearsFen: 500_000,
      inspectorIds: [team[0], mediatorId],
    });
    expect([withMediator.status, JSON.stringify(withMediator.body)]).toEqual([
      400,
      expect.stringContaining('inspectorIds'),
    ]);
    const found = await ok('inspector', `inspection/cases/${c.id}/findings`, {
      version: 2,
      arrearsFen: 500_000,
      inspectorIds: [...team].reverse(),
    });
    expect(found.version).toBe(3);
    expect([...found.assignedInspectorIds].sort()).toEqual([...team].sort());
  });

  it('an order to rectify that records findings needs two inspectors too, as POST …/findings (第十六条)', async () => {
    const c = await complaintCase();
    // The audit's repro: 立案 by the inspector alone, then an order recording 9,000 元 owed to 3 workers.
    const opened = await ok('inspector', `inspection/cases/${c.id}/decision`, {
      version: 1,
      violationEndedOn: null,
    });
    expect(opened.assignedInspectorIds).toEqual([team[0]]);
    const figures = { arrearsFen: 900_000, workersAffected: 3 };
    const order = (body: Record<string, unknown>) =>
      post('inspector', `inspection/cases/${c.id}/rectification-order`, {
        version: 2,
        violations: '拖欠三名劳动者工资',
        complianceDueOn: addDays(today, 14),
        ...body,
      });
    for (const inspectorIds of [undefined, [team[0]], [team[0], team[0]]]) {
      const team1 = inspectorIds ? { inspectorIds } : {};
      const r = await order({ ...figures, ...team1 });
      // The same refusal, in the same shape, as the record of an investigation with the same figures.
      const findings = await post('inspector', `inspection/cases/${c.id}/findings`, {
        version: 2,
        ...figures,
        ...team1,
      });
      expect([r.status, r.body.code, r.body.details?.[0]?.field]).toEqual([
        400,
        'VALIDATION_FAILED',
        'inspectorIds',
      ]);
      expect(r.body).toEqual(findings.body);
      if (inspectorIds?.length === 1)
        expect(JSON.stringify(r.body)).toContain('至少须有 2 名监察员（劳动保障监察条例 第十六条）');
    }
    // Each finding alone is a finding.
    for (const one of [{ monthsUnpaid: 2 }, { massIncident: true }])
      expect((await order(one)).status).toBe(400);
    // Someone who is not an inspector of the case does not make two.
    const withMediator = await order({ ...figures, inspectorIds: [team[0], mediatorId] });
    expect([withMediator.status, withMediator.body.details?.[0]?.constraint]).toEqual([400, 'isInspector']);
    const made = await ok('inspector', `inspection/cases/${c.id}/rectification-order`, {
      version: 2,
      violations: '拖欠三名劳动者工资',
      complianceDueOn: addDays(today, 14),
      ...figures,
      inspectorIds: team,
    });
    expect(made).toMatchObject({ status: 'RECTIFICATION_ORDERED', arrearsFen: 900_000, workersAffected: 3 });
    expect([...made.assignedInspectorIds].sort()).toEqual([...team].sort());
  });

  it('an order on findings already recorded by two needs no team of its own', async () => {
    const c = await complaintCase();
    await ok('inspector', `inspection/cases/${c.id}/decision`, { version: 1, violationEndedOn: null });
    await ok('inspector', `inspection/cases/${c.id}/findings`, {
      version: 2,
      arrearsFen: 900_000,
      workersAffected: 3,
      inspectorIds: team,
    });
    const made = await ok('inspector', `inspection/cases/${c.id}/rectification-order`, {
      version: 3,
      violations: '拖欠三名劳动者工资',
      complianceDueOn: addDays(today, 14),
    });
    expect(made).toMatchObject({ status: 'RECTIFICATION_ORDERED', arrearsFen: 900_000, workersAffected: 3 });
  });

  it('an inspector finds her colleagues in the staff directory and names one to record findings (第十六条)', async () => {
    const c = await complaintCase();
    // 立案 by the inspector alone: she does not know a colleague's id yet.
    const opened = await ok('inspector', `inspection/cases/${c.id}/decision`, {
      version: 1,
      violationEndedOn: null,
    });
    expect(opened.assignedInspectorIds).toEqual([team[0]]);
    const directory = `/api/v1/staff/colleagues?proceeding=INSPECTION&caseId=${c.id}`;
    const listed = await t
      .http()
      .get(directory)
      .set(await auth('inspector'));
    expect([listed.status, listed.body.code]).toEqual([200, undefined]);
    const ids = (listed.body.items as { id: string }[]).map((i) => i.id);
    // Active inspectors whose scope covers the case's street, herself included; nobody else.
    expect([...ids].sort()).toEqual([...team].sort());
    expect(ids).not.toContain(elsewhereId);
    expect(ids).not.toContain(inactiveId);
    expect(ids).not.toContain(mediatorId);
    expect(listed.body).toMatchObject({ proceeding: 'INSPECTION', caseId: c.id, role: 'INSPECTOR' });
    for (const item of listed.body.items as Record<string, unknown>[])
      expect(Object.keys(item).sort()).toEqual(['displayName', 'id', 'organisation', 'role']);
    const text = JSON.stringify(listed.body);
    expect(text).not.toMatch(/1[3-9]\d{9}/);
    expect(text).not.toContain('username');
    // The audit's scenario: a colleague's id from the directory makes the investigation's second inspector.
    const colleague = ids.find((id) => id !== team[0])!;
    const found = await ok('inspector', `inspection/cases/${c.id}/findings`, {
      version: 2,
      arrearsFen: 500_000,
      inspectorIds: [team[0], colleague],
    });
    expect([...found.assignedInspectorIds].sort()).toEqual([...team].sort());
    // Whom the directory leaves out, the findings call refuses, and its 400 says where to look.
    for (const other of [elsewhereId, inactiveId]) {
      const r = await post('inspector', `inspection/cases/${c.id}/findings`, {
        version: 3,
        arrearsFen: 500_000,
        inspectorIds: [team[0], other],
      });
      expect([r.status, r.body.code]).toEqual([400, 'VALIDATION_FAILED']);
      expect(JSON.stringify(r.body)).toContain('/api/v1/staff/colleagues?proceeding=INSPECTION');
    }
    // Too few inspectors: the 400 names the directory too.
    const alone = await post('inspector', `inspection/cases/${c.id}/findings`, {
      version: 3,
      arrearsFen: 500_000,
      inspectorIds: [team[0]],
    });
    expect(alone.status).toBe(400);
    expect(JSON.stringify(alone.body)).toContain('/api/v1/staff/colleagues?proceeding=INSPECTION');
    // A worker may not list staff (403); staff of another street do not see the case (404).
    const worker = await t
      .http()
      .get(directory)
      .set(await auth('13800000000'));
    expect([worker.status, worker.body.code]).toEqual([403, 'ROLE_NOT_ALLOWED']);
    const stranger = await t
      .http()
      .get(directory)
      .set(await auth('inspector-elsewhere'));
    expect([stranger.status, stranger.body.code]).toEqual([404, 'INSPECTION_CASE_NOT_FOUND']);
    // A mediator does not record an investigation: the directory refuses her as the findings call does.
    const mediator = await t
      .http()
      .get(directory)
      .set(await auth('mediator'));
    expect([mediator.status, mediator.body.code]).toEqual([403, 'ROLE_NOT_ALLOWED']);
    // 回避 (第十六条): once the colleague declares a conflict with the employer she is no longer listed, and her own
    // call is refused as her acts on the case are (403 INSPECTOR_CONFLICT).
    const [{ employer_id: employerId }] = await t.dataSource.query<{ employer_id: string }[]>(
      `SELECT employer_id FROM inspection_cases WHERE id = $1`,
      [c.id],
    );
    const declared = await t
      .http()
      .post('/api/v1/inspection/conflicts')
      .set(await auth('inspector-b'))
      .send({ employerId, reason: '近亲属在该单位任职' });
    expect(declared.status).toBe(201);
    const after = await t
      .http()
      .get(directory)
      .set(await auth('inspector'));
    expect((after.body.items as { id: string }[]).map((i) => i.id)).toEqual([team[0]]);
    const recused = await t
      .http()
      .get(directory)
      .set(await auth('inspector-b'));
    expect([recused.status, recused.body.code]).toEqual([403, 'INSPECTOR_CONFLICT']);
  });

  it('a 行政处理决定 is refused before the employer was heard (409), and before the statement period ran (409)', async () => {
    const c = await ordered(await complaintCase());
    const decision = {
      violations: '拖欠劳动者工资',
      decision: '责令你单位支付拖欠的劳动报酬10,000元',
      basis: '《劳动保障监察条例》第二十六条',
    };
    const unheard = await post('supervisor', `inspection/cases/${c.id}/handling-decision`, {
      version: c.version,
      ...decision,
    });
    expect(unheard.status).toBe(409);
    expect(unheard.body).toMatchObject({
      code: 'EMPLOYER_NOT_HEARD',
      details: { remedies: ['NOTICE_HANDLING'] },
    });
    const noticed = await ok('inspector', `inspection/cases/${c.id}/handling-notice`, {
      version: c.version,
      violations: '拖欠劳动者工资',
      proposed: '责令支付拖欠的劳动报酬10,000元',
      basis: '《劳动保障监察条例》第二十六条',
    });
    expect(noticed.status).toBe('RECTIFICATION_ORDERED');
    const [notice] = await documents(c.id, 'HANDLING_NOTICE');
    expect(notice).toMatchObject({ employer_facing: true });
    expect(notice.text).toContain('陈述和申辩');
    const early = await post('supervisor', `inspection/cases/${c.id}/handling-decision`, {
      version: noticed.version,
      ...decision,
    });
    expect(early.status).toBe(409);
    expect(early.body).toMatchObject({
      code: 'STATEMENT_PERIOD_RUNNING',
      details: { earliestDecisionOn: addDays(today, 4) },
    });
    // A hearing (听证) is for penalties: not against a handling notice.
    const hearing = await post('inspector', `inspection/cases/${c.id}/employer-response`, {
      version: noticed.version,
      kind: 'HEARING_REQUEST',
      on: today,
    });
    expect(hearing.status).toBe(400);
    const heard = await ok('inspector', `inspection/cases/${c.id}/employer-response`, {
      version: noticed.version,
      kind: 'STATEMENT',
      on: today,
      summary: '资金周转困难，请求分期支付',
    });
    // The department's decision (监察条例 第十八条), by its head: not the inspector's.
    const byInspector = await post('inspector', `inspection/cases/${c.id}/handling-decision`, {
      version: heard.version,
      ...decision,
    });
    expect(byInspector.status).toBe(403);
    const decided = await ok('supervisor', `inspection/cases/${c.id}/handling-decision`, {
      version: heard.version,
      ...decision,
    });
    expect(decided.status).toBe('RECTIFICATION_ORDERED');
    const [doc] = await documents(c.id, 'HANDLING_DECISION');
    expect(doc.text).toContain('听取了你单位的陈述、申辩');
    expect(doc.text).not.toContain('加付赔偿金');
    // The complainant is told the decision (监察条例 第十八条).
    const told = () =>
      t.sms.sent.find((m) => m.template === 'INSPECTION_HANDLING_DECIDED' && m.params.caseNo === c.caseNo);
    await eventually(() => !!told());
    expect(told()!.text).toContain(`已对用人单位作出行政处理决定：${decision.decision}。`);
  });

  /** A case ordered 30 days ago, its 行政处理事先告知书 served 2 days later: the case, its version and the notice's dates. */
  const noticedInPast = async () => {
    const past = addDays(today, -30);
    const c = await complaintCase();
    // As if received 30 days ago: the case and its acceptance clock.
    await t.dataSource.query(`UPDATE inspection_cases SET received_on = $2 WHERE id = $1`, [c.id, past]);
    await t.dataSource.query(`UPDATE clocks SET start_date = $2 WHERE case_id = $1`, [c.id, past]);
    await ok('inspector', `inspection/cases/${c.id}/decision`, {
      version: c.version,
      violationEndedOn: null,
      on: past,
    });
    const order = await ok('inspector', `inspection/cases/${c.id}/rectification-order`, {
      version: c.version + 1,
      violations: '拖欠劳动者工资',
      arrearsFen: 1_000_000,
      workersAffected: 2,
      inspectorIds: team,
      complianceDueOn: addDays(past, 1),
      on: past,
    });
    const servedOn = addDays(past, 2);
    const noticed = await ok('inspector', `inspection/cases/${c.id}/handling-notice`, {
      version: order.version,
      violations: '拖欠劳动者工资',
      proposed: '责令支付拖欠的劳动报酬10,000元',
      basis: '《劳动保障监察条例》第二十六条',
      on: servedOn,
    });
    const [{ data }] = await t.dataSource.query<{ data: { statementDueOn: string } }[]>(
      `SELECT data FROM inspection_documents WHERE case_id = $1 AND kind = 'HANDLING_NOTICE'`,
      [c.id],
    );
    return { id: c.id, version: noticed.version, servedOn, due: data.statementDueOn };
  };
  const stateCase = (id: string, version: number, on: string) =>
    post('inspector', `inspection/cases/${id}/employer-response`, {
      version,
      kind: 'STATEMENT',
      on,
      summary: '资金周转困难，请求分期支付',
    });
  const recordedInTime = async (id: string) =>
    (
      await t.dataSource.query<{ data: { inTime: boolean } }[]>(
        `SELECT data FROM case_events WHERE case_id = $1 AND action = 'INSPECTION_RECORD_RESPONSE'`,
        [id],
      )
    ).map((r) => r.data.inTime);
  const handlingDecision = {
    violations: '拖欠劳动者工资',
    decision: '责令你单位支付拖欠的劳动报酬10,000元',
    basis: '《劳动保障监察条例》第二十六条',
  };

  it('a statement after the period of a 行政处理事先告知书 is recorded as late and lets no decision into the period; none before the notice', async () => {
    const c = await noticedInPast();
    // Dated before the notice was served: it cannot answer it.
    const early = await stateCase(c.id, c.version, addDays(c.servedOn, -1));
    expect([early.status, early.body.details?.[0]?.field]).toEqual([400, 'on']);
    // The day after the period's last day: recorded, marked late.
    const late = await stateCase(c.id, c.version, addDays(c.due, 1));
    expect(late.status).toBe(200);
    expect(await recordedInTime(c.id)).toEqual([false]);
    // The late statement did not answer within the period: a decision dated in it is still refused.
    const inPeriod = await post('supervisor', `inspection/cases/${c.id}/handling-decision`, {
      version: late.body.version,
      ...handlingDecision,
      on: c.due,
    });
    expect([inPeriod.status, inPeriod.body.code, inPeriod.body.details?.earliestDecisionOn]).toEqual([
      409,
      'STATEMENT_PERIOD_RUNNING',
      addDays(c.due, 1),
    ]);
    await ok('supervisor', `inspection/cases/${c.id}/handling-decision`, {
      version: late.body.version,
      ...handlingDecision,
      on: addDays(c.due, 1),
    });
  });

  it('a statement on the last day of the period is in time: the decision may follow it that day', async () => {
    const c = await noticedInPast();
    const stated = await stateCase(c.id, c.version, c.due);
    expect(stated.status).toBe(200);
    expect(await recordedInTime(c.id)).toEqual([true]);
    await ok('supervisor', `inspection/cases/${c.id}/handling-decision`, {
      version: stated.body.version,
      ...handlingDecision,
      on: c.due,
    });
  });

  it('加付赔偿金: only after the order to pay was ignored; the rate is 50–100 % (400 outside), on the wages still owed', async () => {
    const c = await ordered(await complaintCase());
    const noticed = await ok('inspector', `inspection/cases/${c.id}/handling-notice`, {
      version: c.version,
      violations: '拖欠劳动者工资',
      proposed: '责令支付拖欠的劳动报酬并加付赔偿金',
      basis: '《劳动保障监察条例》第二十六条',
    });
    const heard = await ok('inspector', `inspection/cases/${c.id}/employer-response`, {
      version: noticed.version,
      kind: 'WAIVER',
      on: today,
    });
    const body = {
      violations: '拖欠劳动者工资',
      decision: '责令你单位支付拖欠的劳动报酬',
      basis: '《劳动保障监察条例》第二十六条',
    };
    // The compliance date is next week and nothing was refused: not yet 逾期不支付.
    const notIgnored = await post('supervisor', `inspection/cases/${c.id}/handling-decision`, {
      version: heard.version,
      ...body,
      compensationPercent: 60,
    });
    expect(notIgnored.status).toBe(409);
    expect(notIgnored.body).toMatchObject({
      code: 'ORDER_TO_PAY_NOT_IGNORED',
      details: { owedFen: 1_000_000 },
    });
    await ok('inspector', `inspection/cases/${c.id}/recoveries`, {
      version: heard.version,
      amountFen: 100_001,
      workersCovered: 0,
      paidOn: today,
    });
    // The deadline passed without payment (recorded only after it).
    await t.dataSource.query(`UPDATE inspection_cases SET rectify_due_on = $2 WHERE id = $1`, [
      c.id,
      addDays(today, -1),
    ]);
    const refused = await ok('inspector', `inspection/cases/${c.id}/order-refused`, {
      version: heard.version + 1,
    });
    for (const compensationPercent of [49, 101, 0, 75.5]) {
      const r = await post('supervisor', `inspection/cases/${c.id}/handling-decision`, {
        version: refused.version,
        ...body,
        compensationPercent,
      });
      expect([compensationPercent, r.status, JSON.stringify(r.body.details)]).toEqual([
        compensationPercent,
        400,
        expect.stringContaining('compensationPercent'),
      ]);
    }
    const decided = await ok('supervisor', `inspection/cases/${c.id}/handling-decision`, {
      version: refused.version,
      ...body,
      compensationPercent: 60,
    });
    expect(decided.version).toBe(refused.version + 1);
    // Owed 1,000,000 − 100,001 = 899,999 fen; 60 % = 539,999.4 → 539,999 fen.
    const [event] = await t.dataSource.query<{ data: { compensation: unknown } }[]>(
      `SELECT data FROM case_events WHERE case_id = $1 AND action = 'INSPECTION_DECIDE_HANDLING'`,
      [c.id],
    );
    expect(event.data.compensation).toEqual({ owedFen: 899_999, percent: 60, amountFen: 539_999 });
    const [doc] = await documents(c.id, 'HANDLING_DECISION');
    expect(doc.text).toContain('加付赔偿金');
    expect(doc.text).toContain('60%');
    // … and the workers' compensation, which is theirs (第二十六条).
    const told = () =>
      t.sms.sent.find(
        (m) => m.template === 'INSPECTION_COMPENSATION_ORDERED' && m.params.caseNo === c.caseNo,
      );
    await eventually(() => !!told());
    expect(told()!.text).toContain('并责令用人单位向劳动者加付赔偿金5399.99元。');
  });

  it('举报 and 投诉 differ: a reward for a substantiated report only, decided by a supervisor, once, naming no reporter', async () => {
    const complaint = await settled(await ordered(await complaintCase()));
    const notReport = await post('supervisor', `inspection/cases/${complaint.id}/report-reward`, {
      version: complaint.version,
      amountFen: 50_000,
      basis: '举报属实',
    });
    expect([notReport.status, notReport.body.code]).toEqual([409, 'NOT_A_REPORT']);

    const reporter = { name: '王五举报人', phone: '13933334444' };
    const {
      complainant: _c,
      claimedAmountFen: _a,
      ...report
    } = complaintBody({
      employer: { name: '浦东举报奖励测试公司' },
      facts: `我是${reporter.name}，电话${reporter.phone}，公司拖欠工资`,
    });
    const filed = await t.http().post('/api/v1/reports').send(report);
    expect(filed.status).toBe(201);
    const [{ id: complaintId }] = await t.dataSource.query<{ id: string }[]>(
      `SELECT id FROM complaints WHERE tracking_no = $1`,
      [filed.body.trackingNo],
    );
    const c = await routed(complaintId);
    expect(c.source).toBe('REPORT');
    await ok('inspector', `inspection/cases/${c.id}/decision`, { version: 1, violationEndedOn: null });
    const unproven = await post('supervisor', `inspection/cases/${c.id}/report-reward`, {
      version: 2,
      amountFen: 50_000,
      basis: '举报属实',
    });
    // Not while the case is open (查处 not concluded).
    expect([unproven.status, unproven.body.code]).toEqual([409, 'ILLEGAL_TRANSITION']);
    const found = await ok('inspector', `inspection/cases/${c.id}/rectification-order`, {
      version: 2,
      violations: '拖欠劳动者工资',
      arrearsFen: 1_000_000,
      workersAffected: 2,
      inspectorIds: team,
      complianceDueOn: addDays(today, 7),
    });
    const closed = await settled(found);
    const reward = { version: closed.version, amountFen: 50_000, basis: '举报属实，提供了工资表等主要证据' };
    expect((await post('inspector', `inspection/cases/${c.id}/report-reward`, reward)).status).toBe(403);
    // 10,000 元 for two workers was not recorded as major: the supervisor names the ground of 29号令 第五条, or no reward.
    const notMajor = await post('supervisor', `inspection/cases/${c.id}/report-reward`, reward);
    expect([notMajor.status, notMajor.body.code]).toEqual([409, 'VIOLATION_NOT_MAJOR']);
    const rewarded = await ok('supervisor', `inspection/cases/${c.id}/report-reward`, {
      ...reward,
      majorGround: 'OTHER_MAJOR',
    });
    const [row] = await t.dataSource.query<{ report_reward_fen: string; report_reward_on: string }[]>(
      `SELECT report_reward_fen, report_reward_on::text FROM inspection_cases WHERE id = $1`,
      [c.id],
    );
    expect(row).toEqual({ report_reward_fen: '50000', report_reward_on: today });
    const again = await post('supervisor', `inspection/cases/${c.id}/report-reward`, {
      version: rewarded.version,
      amountFen: 50_000,
      basis: '重复',
    });
    expect([again.status, again.body.code]).toEqual([409, 'ALREADY_REWARDED']);
    // The reporter is told on the report's own channel (the only way to reach an anonymous reporter).
    const replies = await t.dataSource.query<{ body: string }[]>(
      `SELECT body FROM complaint_messages WHERE complaint_id = $1 AND body LIKE '%举报奖励%'`,
      [complaintId],
    );
    expect(replies).toHaveLength(1);
    expect(replies[0].body).toContain(filed.body.trackingNo as string);
    // Nothing about the reporter in the reward's record (为举报人保密).
    const events = await t.dataSource.query<{ data: unknown }[]>(
      `SELECT data FROM case_events WHERE case_id = $1 AND action = 'INSPECTION_REWARD_REPORT'`,
      [c.id],
    );
    expect(events).toHaveLength(1);
    expect(JSON.stringify(events)).not.toMatch(new RegExp(`${reporter.name}|${reporter.phone}`));
  });
});
