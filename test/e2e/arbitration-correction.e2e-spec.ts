import { randomUUID } from 'node:crypto';
import { todayInShanghai } from '../../src/calendar/local-date';
import type { MyCaseDto } from '../../src/case-file/dto/my-case.dto';
import { organisationId } from '../../src/reference/organisations';
import { applyForArbitration, bearer, fileComplaint, staffInbox } from '../support/case-flow';
import { eventually, startTestApp, type TestApp } from '../support/test-app';
import { signInWorker } from '../support/users';

/**
 * 补正 of an arbitration application (劳动人事争议仲裁办案规则 第二十九条第四款: 一次性告知申请人需要补正的全部材料): the
 * commission asks once, within the acceptance period; the acceptance period waits for the applicant and runs anew, 5
 * working days, from the day the completed application is received.
 */
describe('arbitration application 补正', () => {
  let t: TestApp;
  const worker = '13800000000';
  beforeAll(async () => {
    t = await startTestApp();
    const xuhui = organisationId('ARBITRATION_COMMISSION', '310104');
    await t.dataSource.query(
      `INSERT INTO organisations (id, name, kind, jurisdiction_code) VALUES ($1, '徐汇区劳动人事争议仲裁委员会', 'ARBITRATION_COMMISSION', '310104') ON CONFLICT DO NOTHING`,
      [xuhui],
    );
    await t.dataSource.query(
      `INSERT INTO users (id, username, role, jurisdiction_codes, display_name, organisation_id, password_hash)
       SELECT $1, 'arbitrator-xuhui', 'ARBITRATOR', '{310104}', '徐汇仲裁员', $2, password_hash FROM users WHERE username = 'arbitrator'`,
      [randomUUID(), xuhui],
    );
  });
  afterAll(async () => {
    await t.close();
  });

  const post = async (user: string, path: string, body: unknown) =>
    t
      .http()
      .post(`/api/v1/arbitration/cases/${path}`)
      .set(await bearer(t, user))
      .send(body as object);
  /** A worker's application on a complaint routed to arbitration; the case id and complaint id. */
  const applied = async (name: string) => {
    const complaint = await fileComplaint(t, { employerName: name, target: 'ARBITRATION' });
    return { id: await applyForArbitration(t, worker, complaint.id), complaintId: complaint.id };
  };
  const acceptanceClock = async (id: string) =>
    (
      (
        await t
          .http()
          .get(`/api/v1/arbitration/cases/${id}`)
          .set(await bearer(t, 'arbitrator'))
      ).body as { clocks: { rule: { id: string }; state: string; due: string | null; start: string }[] }
    ).clocks.filter((k) => k.rule.id === 'ARBITRATION_ACCEPTANCE');
  const expectedDue = async (rule: string, from: string) =>
    (
      await t
        .http()
        .get('/api/v1/calendar/deadline')
        .query({ rule, from })
        .set(await bearer(t, worker))
    ).body.due as string;
  const request = {
    version: 1,
    items: ['RESPONDENT_DETAILS', 'EVIDENCE'],
    note: '请补充被申请人的住所和法定代表人姓名，并列明证据和证据来源',
  };

  it('staff ask once for every item: the acceptance clock waits, the worker is told by SMS and sees what to do by when', async () => {
    const { id, complaintId } = await applied('补正甲劳务公司');
    const res = await post('arbitrator', `${id}/correction-request`, request);
    expect(res.status).toBe(200);
    const correctionDue = await expectedDue('ARBITRATION_CORRECTION', todayInShanghai());
    expect(res.body).toMatchObject({
      status: 'CORRECTION_REQUESTED',
      version: 2,
      correction: {
        requestedOn: todayInShanghai(),
        dueOn: correctionDue,
        items: [
          expect.objectContaining({ code: 'RESPONDENT_DETAILS', label: expect.stringContaining('用人单位') }),
          expect.objectContaining({ code: 'EVIDENCE' }),
        ],
        note: request.note,
        suppliedOn: null,
      },
    });
    // Nothing is decided while the applicant completes the application: the period does not run (no due date).
    expect(await acceptanceClock(id)).toEqual([expect.objectContaining({ state: 'PAUSED', due: null })]);
    const sms = await eventually(() =>
      t.sms.sent.find(
        (m) => m.template === 'ARBITRATION_CORRECTION_REQUESTED' && m.params.dueOn === correctionDue,
      ),
    );
    expect(sms.text).toContain('被申请人');
    expect(sms.text).toContain(correctionDue);
    // The supervisors' at-risk list does not count the waiting against the commission.
    const atRisk = await t
      .http()
      .get('/api/v1/sla/at-risk')
      .set(await bearer(t, 'supervisor'));
    expect(atRisk.status).toBe(200);
    expect((atRisk.body.items as { caseId: string }[]).filter((i) => i.caseId === id)).toEqual([]);
    // The worker's file: what to do, by when, and where.
    const mine = (
      await t
        .http()
        .get(`/api/v1/my/cases/${complaintId}`)
        .set(await bearer(t, worker))
    ).body as MyCaseDto;
    expect(mine.currentStep.label).toMatch(/补正/);
    expect(mine.nextStep.text).toContain(correctionDue);
    expect(mine.nextStep.actions).toEqual([
      {
        action: 'SUBMIT_ARBITRATION_CORRECTION',
        method: 'POST',
        path: `/api/v1/arbitration/cases/${id}/correction`,
      },
    ]);
    expect(mine.timeline.map((e) => e.label)).toContain('仲裁委员会通知补正仲裁申请材料');
    // Once: a second request is refused (一次性告知), nothing changes.
    const again = await post('arbitrator', `${id}/correction-request`, { ...request, version: 2 });
    expect(again.status).toBe(409);
    // Not accepted while it waits for the completion.
    expect((await post('arbitrator', `${id}/accept`, { version: 2 })).status).toBe(409);
  });

  it('the worker completes it: the acceptance period runs anew from that day, staff are told, and the case can be accepted', async () => {
    const { id, complaintId } = await applied('补正乙劳务公司');
    expect((await post('arbitrator', `${id}/correction-request`, request)).status).toBe(200);
    const before = (await staffInbox(t, 'arbitrator')).filter(
      (i) => i.template === 'ARBITRATION_CORRECTION_SUPPLIED',
    );
    const res = await post(worker, `${id}/correction`, {
      answers: [
        { item: 'RESPONDENT_DETAILS', text: '住所：浦东新区世纪大道100号；法定代表人：张三，总经理' },
        { item: 'EVIDENCE', text: '劳动合同复印件、工资条三张、考勤记录' },
      ],
    });
    expect(res.status).toBe(200);
    const today = todayInShanghai();
    expect(res.body).toMatchObject({ status: 'APPLIED', version: 3, correction: { suppliedOn: today } });
    expect(await acceptanceClock(id)).toEqual([
      expect.objectContaining({ state: 'RUNNING', due: await expectedDue('ARBITRATION_ACCEPTANCE', today) }),
    ]);
    const after = await eventually(async () => {
      const items = (await staffInbox(t, 'arbitrator')).filter(
        (i) => i.template === 'ARBITRATION_CORRECTION_SUPPLIED',
      );
      return items.length > before.length ? items : undefined;
    });
    expect(after[0].subjectRef).toBe(`arbitration-case:${id}`);
    const mine = (
      await t
        .http()
        .get(`/api/v1/my/cases/${complaintId}`)
        .set(await bearer(t, worker))
    ).body as MyCaseDto;
    expect(mine.timeline.map((e) => e.label)).toEqual(
      expect.arrayContaining(['仲裁委员会通知补正仲裁申请材料', '补正仲裁申请材料']),
    );
    expect(mine.nextStep.actions).toEqual([]);
    // 一次性告知: no second request on the completed application either.
    const second = await post('arbitrator', `${id}/correction-request`, { ...request, version: 3 });
    expect(second.status).toBe(409);
    expect(second.body).toMatchObject({
      code: 'ARBITRATION_CORRECTION_ALREADY_REQUESTED',
      details: { requestedOn: today },
    });
    const accepted = await post('arbitrator', `${id}/accept`, { version: 3 });
    expect(accepted.status).toBe(200);
    expect(accepted.body.status).toBe('ACCEPTED');
  });

  it('a completion of the claims replaces the application’s claims through the claim structure', async () => {
    const { id } = await applied('补正丙劳务公司');
    expect(
      (await post('arbitrator', `${id}/correction-request`, { version: 1, items: ['CLAIMS_AND_GROUNDS'] }))
        .status,
    ).toBe(200);
    const claims = [
      { type: 'LABOR_REMUNERATION', description: '支付2026年9月至10月工资', amountFen: 1_200_000 },
      { type: 'ECONOMIC_COMPENSATION', description: '支付解除劳动合同经济补偿', amountFen: 600_000 },
    ];
    // The claims item asks for the claims themselves.
    const missing = await post(worker, `${id}/correction`, {
      answers: [{ item: 'CLAIMS_AND_GROUNDS', text: '事实和理由：用人单位拖欠两个月工资后解除劳动合同' }],
    });
    expect(missing.status).toBe(400);
    expect(missing.body.details).toEqual([expect.objectContaining({ field: 'claims' })]);
    const res = await post(worker, `${id}/correction`, {
      answers: [{ item: 'CLAIMS_AND_GROUNDS', text: '事实和理由：用人单位拖欠两个月工资后解除劳动合同' }],
      claims,
    });
    expect(res.status).toBe(200);
    expect(
      (res.body.claims as { type: string; amountFen: number }[]).map((c) => [c.type, c.amountFen]),
    ).toEqual([
      ['LABOR_REMUNERATION', 1_200_000],
      ['ECONOMIC_COMPENSATION', 600_000],
    ]);
  });

  it('bad requests: field errors, 404 outside the commission, 409 in another status — never 500', async () => {
    const { id } = await applied('补正丁劳务公司');
    const fieldsOf = (r: { body: { details?: { field: string }[] } }) =>
      (r.body.details ?? []).map((f) => f.field);
    const unknown = await post('arbitrator', `${id}/correction-request`, { version: 1, items: ['PASSPORT'] });
    expect(unknown.status).toBe(400);
    expect(unknown.body.code).toBe('VALIDATION_FAILED');
    expect(fieldsOf(unknown)[0]).toMatch(/^items/);
    const empty = await post('arbitrator', `${id}/correction-request`, { version: 1, items: [] });
    expect(empty.status).toBe(400);
    expect(fieldsOf(empty)).toContain('items');
    const long = await post('arbitrator', `${id}/correction-request`, {
      version: 1,
      items: ['OTHER'],
      note: '长'.repeat(2001),
    });
    expect(long.status).toBe(400);
    expect(fieldsOf(long)).toContain('note');
    // OTHER names the material in the note.
    const other = await post('arbitrator', `${id}/correction-request`, { version: 1, items: ['OTHER'] });
    expect(other.status).toBe(400);
    expect(fieldsOf(other)).toContain('note');
    const nul = await post('arbitrator', `${id}/correction-request`, {
      version: 1,
      items: ['EVIDENCE'],
      note: 'a\u0000b',
    });
    expect(nul.status).toBe(400);
    expect(fieldsOf(nul)).toContain('note');
    const outsider = await post('arbitrator-xuhui', `${id}/correction-request`, request);
    expect(outsider.status).toBe(404);
    expect(outsider.body.code).toBe('ARBITRATION_CASE_NOT_FOUND');
    // The worker does not ask; nor is an application not awaiting its completion completed.
    expect((await post(worker, `${id}/correction-request`, request)).status).toBe(403);
    const notAsked = await post(worker, `${id}/correction`, {
      answers: [{ item: 'EVIDENCE', text: '工资条' }],
    });
    expect(notAsked.status).toBe(409);
    expect(notAsked.body.code).toBe('ILLEGAL_TRANSITION');
    // Accepted: no 补正 any more.
    expect((await post('arbitrator', `${id}/accept`, { version: 1 })).status).toBe(200);
    const late = await post('arbitrator', `${id}/correction-request`, { ...request, version: 2 });
    expect(late.status).toBe(409);
    expect(late.body.code).toBe('ILLEGAL_TRANSITION');
    // The answers: only the items asked, each once; a requested item unanswered is named.
    const { id: second } = await applied('补正戊劳务公司');
    expect((await post('arbitrator', `${second}/correction-request`, request)).status).toBe(200);
    const partial = await post(worker, `${second}/correction`, {
      answers: [{ item: 'EVIDENCE', text: '工资条' }],
    });
    expect(partial.status).toBe(400);
    expect(fieldsOf(partial)).toEqual(['answers']);
    const notListed = await post(worker, `${second}/correction`, {
      answers: [
        { item: 'EVIDENCE', text: '工资条' },
        { item: 'RESPONDENT_DETAILS', text: '住所' },
        { item: 'SIGNATURE', text: '已签名' },
      ],
    });
    expect(notListed.status).toBe(400);
    expect(fieldsOf(notListed)).toEqual(['answers[2].item']);
    const tooLong = await post(worker, `${second}/correction`, {
      answers: [
        { item: 'EVIDENCE', text: '长'.repeat(2001) },
        { item: 'RESPONDENT_DETAILS', text: '住所' },
      ],
    });
    expect(tooLong.status).toBe(400);
    expect(fieldsOf(tooLong)[0]).toMatch(/^answers\.0\.text|^answers\[0\]\.text/);
    // Another worker: 404.
    const stranger = await t
      .http()
      .post(`/api/v1/arbitration/cases/${second}/correction`)
      .set({ authorization: `Bearer ${await signInWorker(t, '13900000077')}` })
      .send({
        answers: [
          { item: 'EVIDENCE', text: '工资条' },
          { item: 'RESPONDENT_DETAILS', text: '住所' },
        ],
      });
    expect(stranger.status).toBe(404);
  });

  it('a request after the acceptance period is refused: the commission was already late', async () => {
    const { id } = await applied('补正己劳务公司');
    await t.dataSource.query(
      `UPDATE clocks SET start_date = start_date - 20 WHERE case_id = $1 AND rule_id = 'ARBITRATION_ACCEPTANCE'`,
      [id],
    );
    const res = await post('arbitrator', `${id}/correction-request`, request);
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({
      code: 'ARBITRATION_CORRECTION_TOO_LATE',
      details: { lastDay: expect.any(String) },
    });
  });
});
