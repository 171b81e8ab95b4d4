import { randomUUID } from 'node:crypto';
import { organisationId } from '../../src/reference/organisations';
import { CalendarService } from '../../src/calendar/calendar.service';
import { addDays, todayInShanghai } from '../../src/calendar/local-date';
import { UNLABELLED_EVENT } from '../../src/case-file/timeline-words';
import { PROVISIONAL_NOTE, UNSERVED_AWARD_NOTE } from '../../src/case-file/plain-deadline';
import type { MyCaseDto } from '../../src/case-file/dto/my-case.dto';
import { confirmEmployerOfCase, inspectionTeam } from '../support/case-flow';
import { isSessionCheck, statementsDuring } from '../support/statements';
import { workingSlot } from '../support/session-slot';
import { complaintBody, startTestApp, type TestApp } from '../support/test-app';

/** The worker's one file (14.5): it follows the dispute through inspection, mediation and arbitration. */
describe('the worker’s case file /my/cases', () => {
  let t: TestApp;
  const auth = async (user: string) => ({ authorization: `Bearer ${await t.token(user)}` });
  const today = todayInShanghai();
  const WORKER = '13800000000';
  let n = 0;

  /** Filed by the worker, accepted and routed by the street's staff. */
  const routed = async (target: string, staff: string) => {
    n++;
    const filed = await t
      .http()
      .post('/api/v1/complaints')
      .set(await auth(WORKER))
      .send(complaintBody({ employer: { name: `浦东案卷测试公司${n}` } }));
    expect(filed.status).toBe(201);
    const id = filed.body.id as string;
    for (const [path, body] of [
      ['accept', {}],
      ['route', { target }],
    ] as const)
      expect(
        (
          await t
            .http()
            .post(`/api/v1/complaints/${id}/${path}`)
            .set(await auth(staff))
            .send(body)
        ).status,
      ).toBe(200);
    return id;
  };
  const post = async (user: string, path: string, body: Record<string, unknown>, status = 200) => {
    const r = await t
      .http()
      .post(`/api/v1${path}`)
      .set(await auth(user))
      .send(body);
    expect([r.status, r.body]).toEqual([status, expect.anything()]);
    return r.body as { id: string; version: number; [k: string]: unknown };
  };
  const myCase = async (complaintId: string) => {
    const r = await t
      .http()
      .get(`/api/v1/my/cases/${complaintId}`)
      .set(await auth(WORKER));
    expect(r.status).toBe(200);
    return r.body as MyCaseDto;
  };
  /** Every timeline entry has words; none shows a staff phone number. */
  const readable = (c: MyCaseDto) => {
    expect(c.timeline.filter((e) => e.label === UNLABELLED_EVENT).map((e) => e.action)).toEqual([]);
    // A phone number, not 11 digits inside a UUID's last group (e.g. …-215219666490, which once failed this).
    expect(JSON.stringify(c)).not.toMatch(/(?<![\da-f-])1[3-9]\d{9}(?![\da-f])/);
  };

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('follows an inspection case from acceptance to its closing outcome', async () => {
    const complaintId = await routed('INSPECTION', 'inspector');
    const c = await post('inspector', '/inspection/cases', { complaintId }, 201);
    await confirmEmployerOfCase(t, c.id);
    let mine = await myCase(complaintId);
    expect(mine.currentStep).toMatchObject({ proceeding: 'INSPECTION', id: c.id, status: 'RECEIVED' });
    expect(mine.nextStep.text).toContain('5个工作日');
    // Nothing for the worker to call while the brigade decides (its only moves are ACCEPT and REFUSE, staff's).
    expect(mine.nextStep.actions).toEqual([]);
    expect(mine.heldBy).toMatchObject({ name: '浦东新区劳动保障监察大队' });

    await post('inspector', `/inspection/cases/${c.id}/decision`, { version: 1, violationEndedOn: null });
    await post('inspector', `/inspection/cases/${c.id}/rectification-order`, {
      version: 2,
      violations: '未按时足额支付劳动者工资',
      arrearsFen: 500_000,
      workersAffected: 1,
      monthsUnpaid: 1,
      inspectorIds: await inspectionTeam(t),
      complianceDueOn: addDays(today, 10),
    });
    mine = await myCase(complaintId);
    expect(mine.currentStep).toMatchObject({ status: 'RECTIFICATION_ORDERED', label: '已责令用人单位改正' });
    expect(mine.inspection).toMatchObject({ acceptedOn: today, rectifyDueOn: addDays(today, 10) });
    expect(mine.deadlines.map((d) => `${d.proceeding}:${d.rule}`)).toEqual(
      expect.arrayContaining(['INSPECTION:INSPECTION_INVESTIGATION']),
    );

    await post('inspector', `/inspection/cases/${c.id}/recoveries`, {
      version: 3,
      amountFen: 500_000,
      workersCovered: 1,
      paidOn: today,
    });
    await post('inspector', `/inspection/cases/${c.id}/close`, { version: 4, closureType: 'RECTIFIED' });
    mine = await myCase(complaintId);
    expect(mine.currentStep).toMatchObject({ proceeding: 'INSPECTION', status: 'CLOSED' });
    // What is left to the worker after this outcome, not "see the notice".
    expect(mine.nextStep.text).toBe(
      '用人单位已按要求改正，案件办结。如仍有未解决的劳动争议，您可以依法申请劳动争议仲裁。',
    );
    expect(mine.inspection).toMatchObject({
      caseNo: expect.stringMatching(/^JC-/),
      closedOn: today,
      closureType: 'RECTIFIED',
      closureLabel: '用人单位已改正',
      recoveredFen: 500_000,
      organisation: { id: organisationId('INSPECTION_BRIGADE', '310115'), name: '浦东新区劳动保障监察大队' },
    });
    const steps = mine.timeline.filter((e) => e.proceeding === 'INSPECTION');
    expect(steps.map((e) => e.label)).toEqual([
      '劳动保障监察收到投诉',
      '劳动保障监察受理立案',
      '责令用人单位改正',
      '追回款项',
      '劳动保障监察结案',
    ]);
    // The inspector by name and body; the investigation's details stay with the brigade.
    expect(steps[1].actor).toMatchObject({ role: 'INSPECTOR', displayName: expect.any(String) });
    expect(steps.every((e) => Object.keys(e.data).length === 0)).toBe(true);
    // Oldest first, the complaint's own steps before.
    expect(mine.timeline[0]).toMatchObject({
      proceeding: 'COMPLAINT',
      action: 'SUBMITTED',
      label: '提交投诉',
    });
    readable(mine);
  });

  it('an investigation extended by the head (监察条例 第十七条) tells the worker its new last day, not the usual 60 working days', async () => {
    const complaintId = await routed('INSPECTION', 'inspector');
    const c = await post('inspector', '/inspection/cases', { complaintId }, 201);
    await confirmEmployerOfCase(t, c.id);
    await post('inspector', `/inspection/cases/${c.id}/decision`, { version: 1, violationEndedOn: null });
    expect((await myCase(complaintId)).nextStep.text).toBe('案件正在调查，一般在立案后60个工作日内办结。');
    const extended = await post('supervisor', `/inspection/cases/${c.id}/extension`, {
      version: 2,
      reason: '案情复杂',
    });
    const mine = await myCase(complaintId);
    expect(mine.nextStep.text).toContain(`${extended.investigationDueOn as string}（含当日）`);
    expect(mine.nextStep.text).not.toContain('60个工作日');
  });

  it('a deadline counted into a year whose holiday schedule is not loaded is marked provisional, as the calendar says', async () => {
    const complaintId = await routed('INSPECTION', 'inspector');
    const c = await post('inspector', '/inspection/cases', { complaintId }, 201);
    await confirmEmployerOfCase(t, c.id);
    await post('inspector', `/inspection/cases/${c.id}/decision`, { version: 1, violationEndedOn: null });
    const mine = await myCase(complaintId);
    const investigation = mine.deadlines.find((d) => d.rule === 'INSPECTION_INVESTIGATION')!;
    // The same period asked of the calendar (GET /calendar/deadline?from=&amount=60&unit=WORKDAY).
    const asked = await t
      .http()
      .get(`/api/v1/calendar/deadline?from=${today}&amount=60&unit=WORKDAY`)
      .set(await auth(WORKER));
    expect(asked.status).toBe(200);
    const { due, provisional } = asked.body as { due: string; provisional: boolean };
    expect(investigation).toMatchObject({ due, provisional });
    expect(investigation.text.includes('暂定')).toBe(provisional);
    // The date the case stores from that clock says it as well.
    expect(mine.inspection).toMatchObject({
      investigationDueOn: due,
      investigationDueOnProvisional: provisional,
    });
    const next = mine.nextDeadline!;
    expect(typeof next.provisional).toBe('boolean');
    expect(next.text.includes('暂定')).toBe(next.provisional);
    expect(mine.deadlines.every((d) => typeof d.provisional === 'boolean')).toBe(true);
  });

  it('a penalty decided without an order to rectify does not tell the worker one was made; an order later does, with its deadline', async () => {
    const complaintId = await routed('INSPECTION', 'inspector');
    const c = await post('inspector', '/inspection/cases', { complaintId }, 201);
    await confirmEmployerOfCase(t, c.id);
    let v = c.version;
    const step = async (user: string, path: string, body: Record<string, unknown>) => {
      v = (await post(user, `/inspection/cases/${c.id}/${path}`, { version: v, ...body })).version;
    };
    const penalty = { violations: '未依法订立书面劳动合同', basis: '《劳动保障监察条例》第二十四条' };
    await step('inspector', 'decision', { violationEndedOn: null });
    await step('inspector', 'penalty-notice', { ...penalty, proposedFen: 200_000 });
    // The employer is heard and gives up the hearing (行政处罚法 第四十五、六十四条): the decision may be made today.
    for (const kind of ['STATEMENT', 'WAIVER'])
      await step('inspector', 'employer-response', { kind, on: today, summary: '单位书面陈述' });
    await step('supervisor', 'penalty-decision', { ...penalty, amountFen: 200_000 });
    let mine = await myCase(complaintId);
    expect(mine.currentStep).toMatchObject({ proceeding: 'INSPECTION', status: 'PENALTY_DECIDED' });
    expect(mine.nextStep.text).toBe('已对用人单位作出行政处罚决定。');

    await step('inspector', 'rectification-order', {
      violations: '未依法订立书面劳动合同',
      complianceDueOn: addDays(today, 15),
    });
    mine = await myCase(complaintId);
    expect(mine.currentStep.status).toBe('PENALTY_DECIDED');
    expect(mine.nextStep.text).toBe(
      `已对用人单位作出行政处罚决定，并已责令其最迟于${addDays(today, 15)}（含当日）改正。`,
    );
    readable(mine);
  });

  it('shows the instalments of a mediation agreement, as they are paid, and the one-tap escalation when it fails', async () => {
    const complaintId = await routed('MEDIATION', 'mediator');
    const m = await post('mediator', '/mediation/cases', { complaintId }, 201);
    const due2 = addDays(today, 30);
    const agreed = await post('mediator', `/mediation/cases/${m.id}/close`, {
      version: 1,
      outcome: 'AGREEMENT',
      agreement: {
        claims: [{ description: '拖欠工资', amountFen: 900_000 }],
        instalments: [
          { dueOn: today, amountFen: 400_000 },
          { dueOn: due2, amountFen: 500_000 },
        ],
      },
    });
    const [first] = (agreed.agreement as { instalments: { id: string }[] }).instalments;
    await post('mediator', `/mediation/cases/${m.id}/instalments/${first.id}/paid`, { version: 2 });
    const mine = await myCase(complaintId);
    expect(mine.currentStep).toMatchObject({
      proceeding: 'MEDIATION',
      status: 'AGREEMENT',
      label: '已达成调解协议',
    });
    expect(mine.mediation).toMatchObject({
      mediator: { displayName: '调解员', organisation: { name: '陆家嘴街道人民调解委员会' } },
      agreement: {
        status: 'PERFORMING',
        totalFen: 900_000,
        instalments: [
          { seq: 1, dueOn: today, amountFen: 400_000, status: 'PAID', paidOn: today },
          { seq: 2, dueOn: due2, amountFen: 500_000, status: 'DUE', paidOn: null },
        ],
      },
    });
    expect(mine.nextStep).toEqual({ text: expect.stringContaining('付款日期'), actions: [] });
    expect(mine.timeline.map((e) => e.label)).toEqual(
      expect.arrayContaining(['开始调解', '达成调解协议', '用人单位按协议付款']),
    );
    readable(mine);

    const failedId = await routed('MEDIATION', 'mediator');
    const f = await post('mediator', '/mediation/cases', { complaintId: failedId }, 201);
    await post('mediator', `/mediation/cases/${f.id}/close`, { version: 1, outcome: 'FAILED' });
    const failed = await myCase(failedId);
    expect(failed.currentStep).toMatchObject({
      proceeding: 'MEDIATION',
      status: 'FAILED',
      label: '调解不成',
    });
    expect(failed.nextStep).toEqual({
      text: expect.stringContaining('一键申请劳动争议仲裁'),
      actions: [
        { action: 'ESCALATE_TO_ARBITRATION', method: 'POST', path: `/api/v1/mediation/${f.id}/escalate` },
      ],
    });
    // 调解仲裁法 第二十七条: the worker is told the year to apply in, not only that she may.
    expect(failed.nextStep.text).toContain('申请仲裁的时效期间一般为一年（劳动争议调解仲裁法 第二十七条）');
  });

  it('offers an open mediation’s worker the direct application, which works as offered and ends the mediation; never beside an agreement in force (调解仲裁法 第五条)', async () => {
    const complaintId = await routed('MEDIATION', 'mediator');
    const m = await post('mediator', '/mediation/cases', { complaintId }, 201);
    const open = await myCase(complaintId);
    expect(open.currentStep).toMatchObject({ proceeding: 'MEDIATION', id: m.id, status: 'OPEN' });
    expect(open.nextStep).toEqual({
      text: '调解员将与您和用人单位联系并安排调解；调解期限为15日。如您不愿继续调解，可以直接申请劳动争议仲裁；申请后，本次调解即结束。',
      actions: [{ action: 'APPLY_FOR_ARBITRATION', method: 'POST', path: '/api/v1/arbitration/cases' }],
    });

    // The action followed as offered, with the application's body (complaintId, claims).
    const [offered] = open.nextStep.actions;
    expect(offered.method).toBe('POST');
    const applied = await t
      .http()
      .post(offered.path)
      .set(await auth(WORKER))
      .send({
        complaintId,
        claims: [{ type: 'LABOR_REMUNERATION', description: '支付拖欠工资', amountFen: 500_000 }],
      });
    expect([applied.status, applied.body.source]).toEqual([201, 'DIRECT']);

    const after = await myCase(complaintId);
    expect(after.currentStep).toMatchObject({
      proceeding: 'ARBITRATION',
      id: applied.body.id,
      status: 'APPLIED',
    });
    expect(after.mediation).toMatchObject({
      id: m.id,
      status: 'WITHDRAWN',
      label: '调解已撤回',
      closedOn: today,
    });
    expect(after.nextStep.actions).toEqual([]);
    expect(after.timeline.map((e) => e.label)).toEqual(
      expect.arrayContaining(['开始调解', '撤回调解', '提交仲裁申请']),
    );
    // The mediation's 15-day clock no longer runs beside the arbitration.
    expect(after.deadlines.filter((d) => d.proceeding === 'MEDIATION' && d.state === 'RUNNING')).toEqual([]);
    readable(after);

    // An agreement being performed: no direct application offered (it would be 409 MEDIATION_AGREEMENT_IN_FORCE).
    const agreedId = await routed('MEDIATION', 'mediator');
    const a = await post('mediator', '/mediation/cases', { complaintId: agreedId }, 201);
    await post('mediator', `/mediation/cases/${a.id}/close`, {
      version: a.version,
      outcome: 'AGREEMENT',
      agreement: {
        claims: [{ description: '拖欠工资', amountFen: 500_000 }],
        instalments: [{ dueOn: addDays(today, 10), amountFen: 500_000 }],
      },
    });
    const agreed = await myCase(agreedId);
    expect(agreed.currentStep).toMatchObject({ proceeding: 'MEDIATION', status: 'AGREEMENT' });
    expect(agreed.mediation!.agreement!.status).toBe('PERFORMING');
    expect(agreed.nextStep.actions).toEqual([]);
    expect(agreed.nextStep.text).not.toContain('直接申请');
    const refused = await t
      .http()
      .post('/api/v1/arbitration/cases')
      .set(await auth(WORKER))
      .send({
        complaintId: agreedId,
        claims: [{ type: 'LABOR_REMUNERATION', description: '支付拖欠工资', amountFen: 500_000 }],
      });
    expect([refused.status, refused.body.code]).toEqual([409, 'MEDIATION_AGREEMENT_IN_FORCE']);
  });

  it('shows the mediation sessions scheduled, earliest first, when and where but not the mediator’s notes; none set for after the close', async () => {
    const complaintId = await routed('MEDIATION', 'mediator');
    const m = await post('mediator', '/mediation/cases', { complaintId }, 201);
    expect((await myCase(complaintId)).mediation!.sessions).toEqual([]);
    // Scheduled out of order: the later session first.
    const later = workingSlot(5, '14:00');
    const sooner = workingSlot(2, '10:00');
    await post(
      'mediator',
      `/mediation/cases/${m.id}/sessions`,
      {
        version: 1,
        startsAt: later,
        onlineLink: 'https://meet.example.cn/room/42',
        notes: '用人单位拒不到场的备案',
      },
      201,
    );
    await post(
      'mediator',
      `/mediation/cases/${m.id}/sessions`,
      { version: 2, startsAt: sooner, place: '陆家嘴街道人民调解委员会 201室', notes: '内部备注' },
      201,
    );
    const mine = await myCase(complaintId);
    expect(mine.mediation!.sessions).toEqual([
      { startsAt: sooner, place: '陆家嘴街道人民调解委员会 201室', onlineLink: null },
      { startsAt: later, place: null, onlineLink: 'https://meet.example.cn/room/42' },
    ]);
    expect(JSON.stringify(mine)).not.toContain('备注');
    expect(JSON.stringify(mine)).not.toContain('备案');
    readable(mine);

    // Closed today, before either: neither session is shown as if it were still to come.
    await post('mediator', `/mediation/cases/${m.id}/close`, { version: 3, outcome: 'FAILED' });
    const closed = await myCase(complaintId);
    expect(closed.mediation).toMatchObject({ status: 'FAILED', closedOn: today, sessions: [] });
  });

  /** A complaint routed to arbitration, accepted, heard on the papers and awarded today (served today). */
  /** An award on one claim of `amountFen` (and one more claim per amount in `more`), served today unless `serveLater`. */
  const award = async (amountFen: number, more: number[] = [], serveLater = false) => {
    const [me] = await t.dataSource.query<{ id: string }[]>(
      `SELECT id FROM users WHERE username = 'arbitrator'`,
    );
    const complaintId = await routed('ARBITRATION', 'mediator');
    const c = await post(
      'mediator',
      '/arbitration/cases',
      {
        complaintId,
        claims: [amountFen, ...more].map((fen) => ({
          type: 'LABOR_REMUNERATION',
          amountFen: fen,
          description: '拖欠工资',
        })),
      },
      201,
    );
    const path = `/arbitration/cases/${c.id}`;
    await post('arbitrator', `${path}/accept`, { version: 1 });
    await post('arbitrator', `${path}/tribunal`, {
      version: 2,
      arbitratorIds: [me.id],
      partiesAgree: true,
      simplifiedExclusions: [],
    });
    await post('arbitrator', `${path}/papers-decision`, { version: 3, basis: '双方书面同意不开庭' });
    await post('arbitrator', `${path}/papers`, { version: 4, step: 'SERVICE', on: today });
    await post('arbitrator', `${path}/papers`, { version: 5, step: 'DEFENCE', on: today });
    const claims = c.claims as { id: string; amountFen: number }[];
    const awarded = await post('arbitrator', `${path}/award`, {
      version: 6,
      claims: claims.map((x) => ({ claimId: x.id, awardedFen: x.amountFen })),
      ...(serveLater ? { serveLater } : {}),
    });
    return { complaintId, caseId: c.id, documents: awarded.awards as { id: string; final: boolean }[] };
  };

  it('after an award: the suit deadline (non-final), and the employer’s set-aside window after a final one', async () => {
    const [me] = await t.dataSource.query<{ id: string }[]>(
      `SELECT id FROM users WHERE username = 'arbitrator'`,
    );
    const cal = t.app.get(CalendarService);
    const suit = (await cal.adHocDeadline(today, 15, 'DAY')).due;
    const setAside = (await cal.adHocDeadline(today, 30, 'DAY')).due;

    // Above 12 months of the minimum wage: not final, either party may sue (调解仲裁法 第五十条).
    const nonFinal = await award(5_000_000);
    let mine = await myCase(nonFinal.complaintId);
    expect(mine.currentStep).toMatchObject({
      proceeding: 'ARBITRATION',
      id: nonFinal.caseId,
      status: 'CLOSED',
    });
    expect(mine.arbitration).toMatchObject({
      caseNo: expect.stringMatching(/^浦劳人仲〔\d{4}〕第\d+号$/),
      closureType: 'AWARD',
      finalAward: false,
      awardServedOn: today,
      suitDeadline: suit,
      employerSetAsideDeadline: null,
      tribunal: [{ id: me.id, displayName: expect.any(String), role: 'ARBITRATOR' }],
    });
    expect(mine.nextStep.text).toContain(`最迟于${suit}（含当日）向人民法院提起诉讼`);
    expect(mine.nextStep.text).not.toContain('终局裁决');
    expect(mine.timeline.map((e) => e.label)).toEqual(
      expect.arrayContaining(['提交仲裁申请', '仲裁委员会受理仲裁申请', '决定书面审理', '作出仲裁裁决']),
    );
    readable(mine);

    // Within 12 months of the minimum wage: final for the employer, who may only apply to set it aside (第四十九条).
    const final = await award(1_000_000);
    mine = await myCase(final.complaintId);
    expect(mine.arbitration).toMatchObject({
      finalAward: true,
      suitDeadline: suit,
      employerSetAsideDeadline: setAside,
    });
    expect(mine.nextStep.text).toContain('终局裁决');
    expect(setAside > suit).toBe(true);
  });

  it('after a mixed award (one final, one non-final claim): each suit window once, labelled by who may sue', async () => {
    // 办案规则 第五十条: two documents; the worker alone may sue on the final one (调解仲裁法 第四十八条), either party
    // on the other (第五十条); the employer applies to set the final one aside (第四十九条).
    const mixed = await award(1_000_000, [5_000_000]);
    const mine = await myCase(mixed.complaintId);
    const suits = mine.deadlines.filter((d) => d.rule === 'ARBITRATION_SUIT_WINDOW');
    const texts = suits.map((d) => d.text);
    expect(new Set(texts).size).toBe(texts.length);
    expect(texts).toEqual([
      expect.stringMatching(/^不服终局裁决起诉期限（劳动者）：/),
      expect.stringMatching(/^不服非终局裁决起诉期限（双方当事人）：/),
    ]);
    expect(mine.deadlines.filter((d) => d.rule === 'ARBITRATION_SET_ASIDE_WINDOW')).toHaveLength(1);
  });

  it('a suit deadline and a set-aside deadline counted through a year whose holiday schedule is not loaded say provisional, in the fields and the sentence, as the deadline list does', async () => {
    // No schedule is loaded or packaged for 2090: a date counted through it is provisional (the calendar says so).
    const servedOn = '2090-06-01';
    const cal = t.app.get(CalendarService);
    const suit = await cal.adHocDeadline(servedOn, 15, 'DAY');
    const setAside = await cal.adHocDeadline(servedOn, 30, 'DAY');
    expect([suit.provisional, setAside.provisional]).toEqual([true, true]);
    const final = await award(1_000_000);
    // As if served on that day: the windows' clocks run from it, the case and its document keep the dates counted.
    await t.dataSource.query(
      `UPDATE clocks SET start_date = $2 WHERE case_id = $1 AND rule_id LIKE '%_WINDOW'`,
      [final.caseId, servedOn],
    );
    await t.dataSource.query(
      'UPDATE arbitration_awards SET served_on = $2, suit_deadline = $3, set_aside_deadline = $4 WHERE case_id = $1',
      [final.caseId, servedOn, suit.due, setAside.due],
    );
    await t.dataSource.query(
      'UPDATE arbitration_cases SET award_served_on = $2, suit_deadline = $3 WHERE id = $1',
      [final.caseId, servedOn, suit.due],
    );
    const mine = await myCase(final.complaintId);
    expect(mine.deadlines.find((d) => d.rule === 'ARBITRATION_SUIT_WINDOW')).toMatchObject({
      due: suit.due,
      provisional: true,
      text: expect.stringContaining(PROVISIONAL_NOTE),
    });
    expect(mine.arbitration).toMatchObject({
      suitDeadline: suit.due,
      suitDeadlineProvisional: true,
      employerSetAsideDeadline: setAside.due,
      employerSetAsideDeadlineProvisional: true,
    });
    expect(mine.nextStep.text).toContain(`最迟于${suit.due}（含当日）${PROVISIONAL_NOTE}向人民法院提起诉讼`);

    // Served today: marked exactly when the calendar says the dates are provisional.
    const today15 = await cal.adHocDeadline(today, 15, 'DAY');
    const today30 = await cal.adHocDeadline(today, 30, 'DAY');
    const known = await myCase((await award(1_000_000)).complaintId);
    expect(known.arbitration).toMatchObject({
      suitDeadline: today15.due,
      suitDeadlineProvisional: today15.provisional,
      employerSetAsideDeadline: today30.due,
      employerSetAsideDeadlineProvisional: today30.provisional,
    });
    expect(known.nextStep.text.includes('暂定')).toBe(today15.provisional);
  });

  it('a mixed award with one document still to be served: the suit deadline of the one served is provisional until the other is', async () => {
    // 调解仲裁法 第四十八条、第五十条: each document's window runs from its own service; the other's is not known yet.
    const mixed = await award(1_000_000, [5_000_000], true);
    const [finalDoc, nonFinalDoc] = mixed.documents;
    expect([finalDoc.final, nonFinalDoc.final]).toEqual([true, false]);
    const path = `/arbitration/cases/${mixed.caseId}/awards`;
    await post('arbitrator', `${path}/${finalDoc.id}/service`, { version: 7, servedOn: today });
    const suit = await t.app.get(CalendarService).adHocDeadline(today, 15, 'DAY');
    let mine = await myCase(mixed.complaintId);
    expect(mine.arbitration).toMatchObject({ suitDeadline: suit.due, suitDeadlineProvisional: true });
    expect(mine.nextStep.text).toContain(`最迟于${suit.due}（含当日）${UNSERVED_AWARD_NOTE}`);

    await post('arbitrator', `${path}/${nonFinalDoc.id}/service`, { version: 8, servedOn: today });
    mine = await myCase(mixed.complaintId);
    expect(mine.arbitration).toMatchObject({
      suitDeadline: suit.due,
      suitDeadlineProvisional: suit.provisional,
    });
    expect(mine.nextStep.text).not.toContain(UNSERVED_AWARD_NOTE);
    expect(mine.nextStep.text.includes('暂定')).toBe(suit.provisional);
  });

  it('a lapsed window of the worker’s is history, not the next deadline: the next one still open is', async () => {
    // Served 20 days ago: the 15-day suit window has lapsed; a final award's employer window (30 days) still runs.
    const served = addDays(today, -20);
    const lapse = (caseId: string) =>
      t.dataSource.query(`UPDATE clocks SET start_date = $2 WHERE case_id = $1 AND rule_id LIKE '%_WINDOW'`, [
        caseId,
        served,
      ]);
    const nonFinal = await award(5_000_000);
    await lapse(nonFinal.caseId);
    let mine = await myCase(nonFinal.complaintId);
    expect(mine.nextDeadline).toBeNull();
    const suitWindow = mine.deadlines.find((d) => d.rule === 'ARBITRATION_SUIT_WINDOW');
    expect(suitWindow).toMatchObject({ state: 'LAPSED', text: expect.stringContaining('届满') });
    expect(suitWindow!.text).not.toContain('超期');

    const final = await award(1_000_000);
    await lapse(final.caseId);
    mine = await myCase(final.complaintId);
    const setAside = (await t.app.get(CalendarService).adHocDeadline(served, 30, 'DAY')).due;
    expect(mine.nextDeadline).toMatchObject({ due: setAside, state: 'RUNNING' });
  });

  it('reads the clocks of all its cases once: the proceedings’ views take them from that read', async () => {
    const complaintId = await routed('MEDIATION', 'mediator');
    const m = await post('mediator', '/mediation/cases', { complaintId }, 201);
    const clockReads = (d: { statements: { sql: string }[] }) =>
      d.statements.filter((s) => /\bFROM "?clocks"?\s/.test(s.sql));
    const inMediation = await statementsDuring(() => myCase(complaintId));
    expect(inMediation.result.deadlines.map((d) => `${d.proceeding}:${d.rule}`)).toContain(
      'MEDIATION:MEDIATION',
    );
    expect(clockReads(inMediation)).toHaveLength(1);
    // Escalated: a mediation and an arbitration case in the file, each with its clocks, still one read.
    await post('mediator', `/mediation/cases/${m.id}/close`, { version: 1, outcome: 'FAILED' });
    const escalated = await t
      .http()
      .post(`/api/v1/mediation/${m.id}/escalate`)
      .set(await auth(WORKER));
    expect(escalated.status).toBe(201);
    const both = await statementsDuring(() => myCase(complaintId));
    expect(both.result.currentStep).toMatchObject({
      proceeding: 'ARBITRATION',
      id: escalated.body.arbitrationCaseId,
    });
    expect(both.result.arbitration).toMatchObject({
      id: escalated.body.arbitrationCaseId,
      status: 'APPLIED',
    });
    expect(both.result.mediation).toMatchObject({ id: m.id, status: 'FAILED' });
    expect(both.result.deadlines.map((d) => `${d.proceeding}:${d.rule}`)).toEqual(
      expect.arrayContaining(['MEDIATION:MEDIATION', expect.stringMatching(/^ARBITRATION:/)]),
    );
    expect(clockReads(both)).toHaveLength(1);
  });

  it('names the body holding the case from memory, and shows an administrator’s rename at once', async () => {
    const complaintId = await routed('MEDIATION', 'mediator');
    const held = (await myCase(complaintId)).heldBy;
    expect(held).toEqual({ organisationId: expect.any(String), name: expect.any(String) });
    // The body was read a moment ago: the next view does not read it again (OrganisationsService).
    const again = await statementsDuring(() => myCase(complaintId));
    expect(again.result.heldBy).toEqual(held);
    expect(again.statements.length).toBeGreaterThan(0);
    expect(again.statements.filter((s) => s.sql.includes('FROM organisations')).map((s) => s.sql)).toEqual(
      [],
    );
    const rename = async (name: string) =>
      t
        .http()
        .patch(`/api/v1/admin/organisations/${held!.organisationId}`)
        .set(await auth('admin'))
        .send({ name });
    expect((await rename('浦东案卷测试改名调解委员会')).status).toBe(200);
    try {
      expect((await myCase(complaintId)).heldBy).toEqual({
        organisationId: held!.organisationId,
        name: '浦东案卷测试改名调解委员会',
      });
    } finally {
      expect((await rename(held!.name)).status).toBe(200);
    }
  });

  it('names its staff from memory, and shows an administrator’s rename of the mediator at once', async () => {
    const complaintId = await routed('MEDIATION', 'mediator');
    const m = await post('mediator', '/mediation/cases', { complaintId }, 201);
    const mediator = (await myCase(complaintId)).mediation!.mediator!;
    expect(mediator).toMatchObject({ id: m.mediatorUserId, displayName: expect.any(String) });
    // The mediator and the timeline's actors were read a moment ago: the next view does not read them again.
    const again = await statementsDuring(() => myCase(complaintId));
    expect(again.result.mediation!.mediator).toEqual(mediator);
    expect(again.result.timeline.map((e) => e.actor)).toContainEqual(
      expect.objectContaining({ userId: mediator.id, displayName: mediator.displayName }),
    );
    // Only the names count here, not the request's own session check (isSessionCheck).
    expect(
      again.statements
        .filter((s) => /\bFROM users\b/.test(s.sql) && !isSessionCheck(s.sql))
        .map((s) => s.sql),
    ).toEqual([]);
    const rename = async (displayName: string) =>
      t
        .http()
        .patch(`/api/v1/admin/users/${mediator.id}`)
        .set(await auth('admin'))
        .send({ displayName });
    expect((await rename('浦东案卷测试改名调解员')).status).toBe(200);
    try {
      const renamed = await myCase(complaintId);
      expect(renamed.mediation!.mediator).toMatchObject({ displayName: '浦东案卷测试改名调解员' });
      expect(renamed.timeline.map((e) => e.actor)).toContainEqual(
        expect.objectContaining({ userId: mediator.id, displayName: '浦东案卷测试改名调解员' }),
      );
    } finally {
      expect((await rename(mediator.displayName)).status).toBe(200);
    }
  });

  it('lists the worker’s own case files, newest first, a page at a time; another worker sees none of them', async () => {
    const older = await routed('MEDIATION', 'mediator');
    const newer = await routed('INSPECTION', 'inspector');
    await post('inspector', '/inspection/cases', { complaintId: newer }, 201);
    type Summary = {
      complaintId: string;
      trackingNo: string;
      currentStep: { proceeding: string; label: string };
      nextDeadline: { due: string; text: string } | null;
      updatedAt: string;
    };
    const page = async (query: string, headers: Record<string, string>) => {
      const r = await t.http().get(`/api/v1/my/cases${query}`).set(headers);
      expect([r.status, r.body]).toEqual([200, expect.anything()]);
      return r.body as { items: Summary[]; nextCursor: string | null };
    };
    const first = await page('?limit=1', await auth(WORKER));
    expect(first.items).toHaveLength(1);
    expect(first.items[0]).toMatchObject({
      complaintId: newer,
      trackingNo: (await myCase(newer)).trackingNo,
      currentStep: { proceeding: 'INSPECTION', label: (await myCase(newer)).currentStep.label },
      nextDeadline: { due: expect.any(String), text: expect.any(String) },
      updatedAt: expect.any(String),
    });
    expect(first.nextCursor).toEqual(expect.any(String));
    const second = await page(`?limit=1&cursor=${first.nextCursor}`, await auth(WORKER));
    expect(second.items.map((i) => i.complaintId)).toEqual([older]);
    expect(second.items[0].currentStep.proceeding).toBe('COMPLAINT');

    const phone = `1390001${String(Date.now()).slice(-4)}`;
    await t.http().post('/api/v1/auth/otp/request').send({ phone });
    const other = await t
      .http()
      .post('/api/v1/auth/otp/verify')
      .send({ phone, code: t.sms.lastCode(phone) });
    const theirs = await page('', { authorization: `Bearer ${other.body.accessToken}` });
    expect(theirs).toEqual({ items: [], nextCursor: null });
    const bad = await t
      .http()
      .get('/api/v1/my/cases?cursor=nonsense')
      .set(await auth(WORKER));
    expect([bad.status, bad.body.code]).toEqual([400, 'VALIDATION_FAILED']);
  });

  it('is the complainant’s only: another worker gets 404', async () => {
    const complaintId = await routed('MEDIATION', 'mediator');
    const phone = `1390000${String(Date.now()).slice(-4)}`;
    await t.http().post('/api/v1/auth/otp/request').send({ phone });
    const other = await t
      .http()
      .post('/api/v1/auth/otp/verify')
      .send({ phone, code: t.sms.lastCode(phone) });
    const res = await t
      .http()
      .get(`/api/v1/my/cases/${complaintId}`)
      .set({ authorization: `Bearer ${other.body.accessToken}` });
    expect(res.status).toBe(404);
    const bad = await t
      .http()
      .get(`/api/v1/my/cases/${randomUUID()}`)
      .set(await auth(WORKER));
    expect(bad.status).toBe(404);
  });
});
