import { organisationId } from '../../src/reference/organisations';
import { hashPassword } from '../../src/auth/passwords';
import { addDays, todayInShanghai } from '../../src/calendar/local-date';
import { newId } from '../../src/common/ids';
import { DeadlineReminders } from '../../src/deadlines/deadline-reminders.service';
import { DeadlinesService } from '../../src/deadlines/deadlines.service';
import { applyForArbitration, bearer, fileComplaint, openMediation, staffInbox } from '../support/case-flow';
import { DEMO_PASSWORD, startTestApp, type TestApp } from '../support/test-app';

/** Work items in staff inboxes (14.3): new applications, escalations, routing to a body, approaching deadlines. */
describe('staff inbox items', () => {
  let t: TestApp;
  let n = 0;
  const inbox = (user: string) => staffInbox(t, user);
  const about = async (user: string, subjectRef: string) =>
    (await inbox(user)).filter((i) => i.subjectRef === subjectRef).map((i) => i.template);
  const employer = () => `浦东待办测试公司${++n}`;
  /** A staff-filed arbitration application (APPLIED, no tribunal) and its acceptance clock. */
  const applied = async () => {
    const c = await fileComplaint(t, { employerName: employer(), target: 'ARBITRATION' });
    const appliedId = await applyForArbitration(t, 'supervisor', c.id);
    const [acceptance] = await t.app
      .get(DeadlinesService)
      .forCase('ARBITRATION', appliedId, todayInShanghai(), t.dataSource.manager);
    return { appliedId, ref: `arbitration-case:${appliedId}`, acceptance };
  };

  beforeAll(async () => {
    t = await startTestApp();
    const hash = await hashPassword(DEMO_PASSWORD);
    // A second arbitrator of the commission (another street), a mediator of 张江's committee, an inspector of the
    // brigade for 张江, and an inspector of 陆家嘴 outside the brigade.
    await t.dataSource.query(
      `INSERT INTO users (id, username, password_hash, role, organisation_id, jurisdiction_codes, display_name) VALUES
         ($1, 'arbitrator-2', $5, 'ARBITRATOR', $6, '{310115125}', '第二仲裁员'),
         ($2, 'mediator-zj', $5, 'MEDIATOR', $7, '{310115125}', '张江调解员'),
         ($3, 'inspector-zj', $5, 'INSPECTOR', $8, '{310115125}', '张江监察员'),
         ($4, 'inspector-none', $5, 'INSPECTOR', NULL, '{310115005}', '无机构监察员')`,
      [
        newId(),
        newId(),
        newId(),
        newId(),
        hash,
        organisationId('ARBITRATION_COMMISSION', '310115'),
        organisationId('MEDIATION_COMMITTEE', '310115125'),
        organisationId('INSPECTION_BRIGADE', '310115'),
      ],
    );
  });
  afterAll(async () => {
    await t.close();
  });

  it("routing a complaint puts an item in the inbox of that body's staff for the street", async () => {
    const m = await fileComplaint(t, { employerName: employer(), target: 'MEDIATION' });
    const ref = `complaint:${m.id}`;
    const [item] = (await inbox('mediator')).filter((i) => i.subjectRef === ref);
    expect(item).toMatchObject({
      template: 'COMPLAINT_ROUTED_TO_BODY',
      text: '有投诉分派至本机构，请及时处理',
      link: `/api/v1/complaints/${m.id}`,
    });
    for (const other of ['mediator-zj', 'inspector', 'arbitrator'])
      expect(await about(other, ref)).toEqual([]);

    const i = await fileComplaint(t, { employerName: employer(), target: 'INSPECTION' });
    expect(await about('inspector', `complaint:${i.id}`)).toEqual(['COMPLAINT_ROUTED_TO_BODY']);
    for (const other of ['inspector-zj', 'inspector-none', 'mediator'])
      expect(await about(other, `complaint:${i.id}`)).toEqual([]);
  });

  it('a worker’s own application reaches every arbitrator of the commission; an escalation says so', async () => {
    const c = await fileComplaint(t, { employerName: employer() });
    const appliedId = await applyForArbitration(t, '13800000000', c.id);
    const ref = `arbitration-case:${appliedId}`;
    for (const arbitrator of ['arbitrator', 'arbitrator-2'])
      expect(await about(arbitrator, ref)).toEqual(['ARBITRATION_APPLICATION_RECEIVED']);
    expect((await inbox('arbitrator')).find((i) => i.subjectRef === ref)!.link).toBe(
      `/api/v1/arbitration/cases/${appliedId}`,
    );
    expect(await about('mediator', ref)).toEqual([]);

    // A failed mediation escalated by the worker.
    const m = await fileComplaint(t, { employerName: employer(), target: 'MEDIATION' });
    const opened = await openMediation(t, 'mediator', m.id);
    const failed = await t
      .http()
      .post(`/api/v1/mediation/cases/${opened.id}/close`)
      .set(await bearer(t, 'mediator'))
      .send({ version: opened.version, outcome: 'FAILED' });
    expect(failed.status).toBe(200);
    const escalated = await t
      .http()
      .post(`/api/v1/mediation/${opened.id}/escalate`)
      .set(await bearer(t, '13800000000'));
    expect(escalated.status).toBe(201);
    const escRef = `arbitration-case:${escalated.body.arbitrationCaseId}`;
    for (const arbitrator of ['arbitrator', 'arbitrator-2'])
      expect(await about(arbitrator, escRef)).toEqual(['ARBITRATION_ESCALATED_FROM_MEDIATION']);
  });

  it("approaching periods put one item per threshold in the owner's inbox, once", async () => {
    const m = await fileComplaint(t, { employerName: employer(), target: 'MEDIATION' });
    const opened = await openMediation(t, 'mediator', m.id);
    const mediatorId = opened.mediatorUserId as string;
    const owner = (
      await t.dataSource.query<{ username: string }[]>(`SELECT username FROM users WHERE id = $1`, [
        mediatorId,
      ])
    )[0].username;
    const [clock] = (
      await t.app
        .get(DeadlinesService)
        .forCase('MEDIATION', opened.id, todayInShanghai(), t.dataSource.manager)
    ).filter((k) => k.rule.id === 'MEDIATION');
    const due = clock.due!;
    const ref = `mediation-case:${opened.id}`;
    const reminders = t.app.get(DeadlineReminders);

    await reminders.sweep(addDays(due, -4));
    expect(await about(owner, ref)).toEqual([]);
    await reminders.sweep(addDays(due, -3));
    await reminders.sweep(addDays(due, -2));
    expect(await about(owner, ref)).toEqual(['CASE_DEADLINE_WITHIN_3_DAYS']);
    await reminders.sweep(addDays(due, -1));
    await reminders.sweep(due);
    expect((await about(owner, ref)).sort()).toEqual([
      'CASE_DEADLINE_WITHIN_1_DAY',
      'CASE_DEADLINE_WITHIN_3_DAYS',
    ]);
    const [soon] = (await inbox(owner)).filter(
      (i) => i.template === 'CASE_DEADLINE_WITHIN_1_DAY' && i.subjectRef === ref,
    );
    expect(soon.link).toBe(`/api/v1/mediation/cases/${opened.id}`);
    // Nobody else is told.
    expect(await about('mediator-zj', ref)).toEqual([]);
  });

  it("an inspection case's periods go to its assigned inspectors", async () => {
    const c = await fileComplaint(t, { employerName: employer(), target: 'INSPECTION' });
    const inspection = await t
      .http()
      .post('/api/v1/inspection/cases')
      .set(await bearer(t, 'inspector'))
      .send({ complaintId: c.id });
    expect(inspection.status).toBe(201);
    const inspectorId = (
      await t.dataSource.query<{ id: string }[]>(`SELECT id FROM users WHERE username = 'inspector'`)
    )[0].id;
    await t.dataSource.query(`UPDATE inspection_cases SET assigned_inspector_ids = $1 WHERE id = $2`, [
      [inspectorId],
      inspection.body.id,
    ]);
    const running = (
      await t.app
        .get(DeadlinesService)
        .forCase('INSPECTION', inspection.body.id, todayInShanghai(), t.dataSource.manager)
    ).filter((k) => k.state === 'RUNNING' && k.due);
    expect(running.length).toBeGreaterThan(0);
    await t.app.get(DeadlineReminders).sweep(addDays(running[0].due!, -3));
    const ref = `inspection-case:${inspection.body.id}`;
    expect(await about('inspector', ref)).toContain('CASE_DEADLINE_WITHIN_3_DAYS');
    expect(await about('inspector-zj', ref)).toEqual([]);
  });

  it('an application not yet accepted reminds every arbitrator of the commission of its acceptance period', async () => {
    // 调解仲裁法 第二十九条: the commission decides within 5 working days; no tribunal exists before acceptance.
    const { ref, acceptance } = await applied();
    expect(acceptance.rule.id).toBe('ARBITRATION_ACCEPTANCE');
    const swept = await t.app.get(DeadlineReminders).sweep(addDays(acceptance.due!, -1));
    for (const arbitrator of ['arbitrator', 'arbitrator-2'])
      expect((await about(arbitrator, ref)).sort()).toEqual([
        'ARBITRATION_APPLICATION_RECEIVED',
        'CASE_DEADLINE_WITHIN_1_DAY',
      ]);
    expect(await about('mediator', ref)).toEqual([]);
    expect(swept.unassigned).toBe(0);
  });

  it("once a tribunal is formed, only its members are reminded of the case's periods", async () => {
    const { appliedId, ref, acceptance } = await applied();
    const arbitratorId = (
      await t.dataSource.query<{ id: string }[]>(`SELECT id FROM users WHERE username = 'arbitrator'`)
    )[0].id;
    await t.dataSource.query(`UPDATE arbitration_cases SET arbitrator_ids = $1 WHERE id = $2`, [
      [arbitratorId],
      appliedId,
    ]);
    await t.app.get(DeadlineReminders).sweep(addDays(acceptance.due!, -1));
    expect((await about('arbitrator', ref)).sort()).toEqual([
      'ARBITRATION_APPLICATION_RECEIVED',
      'CASE_DEADLINE_WITHIN_1_DAY',
    ]);
    expect(await about('arbitrator-2', ref)).toEqual(['ARBITRATION_APPLICATION_RECEIVED']);
  });

  it('a clock whose case has nobody in charge is counted, not silently dropped', async () => {
    const { acceptance } = await applied();
    // The commission has no active arbitrator left.
    await t.dataSource.query(`UPDATE users SET active = false WHERE role = 'ARBITRATOR'`);
    try {
      const swept = await t.app.get(DeadlineReminders).sweep(addDays(acceptance.due!, -1));
      expect(swept.unassigned).toBeGreaterThanOrEqual(1);
    } finally {
      await t.dataSource.query(`UPDATE users SET active = true WHERE role = 'ARBITRATOR'`);
    }
  });
});
