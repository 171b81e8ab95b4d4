import { DataSource } from 'typeorm';
import { randomUUID } from 'node:crypto';
import { ArbitrationService } from '../../src/arbitration/arbitration.service';
import { SUMMARY_COLUMNS } from '../../src/arbitration/arbitration.repository';
import { organisationId } from '../../src/reference/organisations';
import { CalendarService } from '../../src/calendar/calendar.service';
import { earliestAnchorAfter, latestDayBefore } from '../../src/calendar/deadline-engine';
import { ARBITRATION_DEADLINE_RULES } from '../../src/arbitration/arbitration.deadline-rules';
import { addDays, todayInShanghai } from '../../src/calendar/local-date';
import type { WorkingCalendar } from '../../src/calendar/working-calendar';
import { DeadlinesService } from '../../src/deadlines/deadlines.service';
import { complaintBody, eventually, startTestApp, type TestApp } from '../support/test-app';
import { PiiCipher } from '../../src/common/pii-crypto';

interface CaseView {
  id: string;
  caseNo: string | null;
  complaintId: string;
  status: string;
  version: number;
  tribunal: string | null;
  appliedOn: string;
  acceptedOn: string | null;
  closureType: string | null;
  finalAward: boolean | null;
  suitDeadline: string | null;
  claims: { id: string; amountFen: number; awardedFen: number | null; final: boolean | null }[];
  hearings: { id: string }[];
  clocks: { id: string; rule: { id: string }; start: string; due: string | null; state: string }[];
}

describe('arbitration', () => {
  let t: TestApp;
  const auth = async (user: string) => ({ authorization: `Bearer ${await t.token(user)}` });
  let n = 0;
  let arbitrators: string[];
  /** An arbitrator on no tribunal. */
  let spare: string;
  const today = todayInShanghai();
  let cal: WorkingCalendar;
  /** The first working day on or after today + `days`. */
  const wd = (days: number) => cal.nextWorkingDayOnOrAfter(addDays(today, days)).date;
  /** 09:00 (Asia/Shanghai) on the first working day on or after today + `days` (hearings are on working days). */
  const at = (days: number, hh = '09:00') => `${wd(days)}T${hh}:00+08:00`;

  /** A complaint filed by the worker, accepted and routed to arbitration by staff of its street. */
  const routed = async (street = '310115005', staff = 'mediator', target = 'ARBITRATION') => {
    n++;
    const filed = await t
      .http()
      .post('/api/v1/complaints')
      .set(await auth('13800000000'))
      .send(complaintBody({ workplaceStreetCode: street, employer: { name: `浦东仲裁测试公司${n}` } }));
    expect(filed.status).toBe(201);
    const id = filed.body.id as string;
    expect(
      (
        await t
          .http()
          .post(`/api/v1/complaints/${id}/accept`)
          .set(await auth(staff))
          .send({})
      ).status,
    ).toBe(200);
    const r = await t
      .http()
      .post(`/api/v1/complaints/${id}/route`)
      .set(await auth(staff))
      .send({ target });
    expect(r.status).toBe(200);
    return id;
  };
  const post = async (user: string, path: string, body: Record<string, unknown>) =>
    t
      .http()
      .post(`/api/v1/arbitration/cases${path}`)
      .set(await auth(user))
      .send(body);
  const open = async (claims: { type: string; amountFen: number }[], street?: string, staff?: string) => {
    const complaintId = await routed(street, staff);
    const res = await post(staff ?? 'mediator', '', {
      complaintId,
      claims: claims.map((c) => ({ ...c, description: `请求 ${c.type}` })),
    });
    expect(res.status).toBe(201);
    return res.body as CaseView;
  };
  /** Opened, accepted and with a three-member tribunal. */
  const withTribunal = async (claims = [{ type: 'LABOR_REMUNERATION', amountFen: 1_250_000 }]) => {
    const c = await open(claims);
    expect((await post('arbitrator', `/${c.id}/accept`, { version: 1 })).status).toBe(200);
    const formed = await post('arbitrator', `/${c.id}/tribunal`, { version: 2, arbitratorIds: arbitrators });
    expect(formed.status).toBe(200);
    // The tribunal by name, in order (staff directory).
    expect(
      (formed.body as { tribunalMembers: { displayName: string }[] }).tribunalMembers.map(
        (m) => m.displayName,
      ),
    ).toEqual(['仲裁员', '仲裁员0', '仲裁员1']);
    return formed.body as CaseView;
  };

  /** Moves a hearing into the past (it took place) and enters its record. Returns the new version. */
  const holdHearing = async (
    caseId: string,
    hearingId: string,
    version: number,
    attendance = { claimant: 'PRESENT', respondent: 'REPRESENTED' },
  ) => {
    await t.dataSource.query(
      `UPDATE arbitration_hearings SET starts_at = now() - interval '2 hours', ends_at = now() WHERE id = $1`,
      [hearingId],
    );
    const r = await post('arbitrator', `/${caseId}/hearings/${hearingId}/record`, {
      version,
      attendance,
      minutesSummary: '双方到庭，举证质证，辩论终结。',
    });
    expect(r.status).toBe(200);
    return version + 1;
  };
  /** Service of the application and receipt of the defence, both today. Returns the new version. */
  const defend = async (caseId: string, version: number) => {
    for (const [i, step] of ['SERVICE', 'DEFENCE'].entries())
      expect(
        (await post('arbitrator', `/${caseId}/papers`, { version: version + i, step, on: today })).status,
      ).toBe(200);
    return version + 2;
  };
  /**
   * Opened, accepted, a three-member tribunal, the application served and the defence received, both today (v5): the
   * answer period no longer bars any hearing day (调解仲裁法 第三十条).
   */
  const answered = async (claims?: { type: string; amountFen: number }[]) => {
    const c = await withTribunal(claims);
    return { ...c, version: await defend(c.id, 3) };
  };
  /** Opened, accepted, a sole arbitrator who decides on the papers, the defence received: ready to decide (v6). */
  const decidable = async (claims: { type: string; amountFen: number }[]) => {
    const c = await open(claims);
    await post('arbitrator', `/${c.id}/accept`, { version: 1 });
    const sole = await post('arbitrator', `/${c.id}/tribunal`, {
      version: 2,
      arbitratorIds: [arbitrators[0]],
      simplifiedExclusions: [],
      partiesAgree: true,
    });
    expect(sole.status).toBe(200);
    const papers = await post('arbitrator', `/${c.id}/papers-decision`, {
      version: 3,
      basis: '双方书面同意不开庭，事实清楚',
    });
    expect(papers.status).toBe(200);
    expect(papers.body).toMatchObject({
      decidedOnPapersOn: today,
      papersBasis: '双方书面同意不开庭，事实清楚',
    });
    await defend(c.id, 4);
    return c;
  };

  beforeAll(async () => {
    t = await startTestApp();
    cal = await t.app.get(CalendarService).calendar(t.app.get(DataSource).manager);
    const me = await t
      .http()
      .get('/api/v1/auth/me')
      .set(await auth('arbitrator'));
    const extra = [randomUUID(), randomUUID(), randomUUID()];
    for (const [i, id] of extra.entries())
      await t.dataSource.query(
        `INSERT INTO users (id, username, role, jurisdiction_codes, display_name, organisation_id) VALUES ($1, $2, 'ARBITRATOR', '{310115}', $3, $4)`,
        [id, `arbitrator-e2e-${i}`, `仲裁员${i}`, organisationId('ARBITRATION_COMMISSION', '310115')],
      );
    arbitrators = [me.body.userId as string, extra[0], extra[1]];
    spare = extra[2];
  });
  afterAll(async () => {
    await t.close();
  });

  it('files an application for a routed complaint and starts the 5-working-day acceptance clock', async () => {
    const c = await open([{ type: 'LABOR_REMUNERATION', amountFen: 1_250_000 }]);
    expect(c).toMatchObject({ status: 'APPLIED', version: 1, appliedOn: today, collective: false });
    const cal = await t
      .http()
      .get('/api/v1/calendar/deadline')
      .query({ from: today, amount: 5, unit: 'WORKDAY' })
      .set(await auth('arbitrator'));
    expect(c.clocks).toEqual([
      expect.objectContaining({
        rule: expect.objectContaining({ id: 'ARBITRATION_ACCEPTANCE' }),
        due: cal.body.due,
      }),
    ]);
  });

  it('acceptance clock by hand: applied 2025-09-28 → due 2025-10-11 (5 working days: Sep 29, 30, Oct 9, 10 and the make-up Saturday Oct 11; 办案规则 第八十条)', async () => {
    const complaintId = await routed();
    const id = await t.dataSource.transaction((em) =>
      t.app.get(ArbitrationService).createApplication(
        em,
        {
          complaintId,
          source: 'COMPLAINT',
          claims: [{ type: 'OTHER', description: '其他', amountFen: 0 }],
          appliedOn: '2025-09-28',
        },
        null,
      ),
    );
    const [clock] = await t.app
      .get(DeadlinesService)
      .forCase('ARBITRATION', id, '2025-09-30', t.dataSource.manager);
    expect(clock).toMatchObject({ start: '2025-09-28', due: '2025-10-11', state: 'RUNNING' });
  });

  it('accepting stops the acceptance clock and starts the 45-day award clock from the acceptance date', async () => {
    const c = await open([{ type: 'LABOR_REMUNERATION', amountFen: 1_250_000 }]);
    const res = await post('arbitrator', `/${c.id}/accept`, { version: 1 });
    expect(res.status).toBe(200);
    const body = res.body as CaseView;
    expect(body).toMatchObject({ status: 'ACCEPTED', version: 2, acceptedOn: today });
    const cal = await t
      .http()
      .get('/api/v1/calendar/deadline')
      .query({ from: today, amount: 45, unit: 'DAY' })
      .set(await auth('arbitrator'));
    expect(cal.status).toBe(200);
    const byRule = Object.fromEntries(body.clocks.map((k) => [k.rule.id, k]));
    expect(byRule.ARBITRATION_ACCEPTANCE.state).toBe('MET');
    expect(byRule.ARBITRATION_DECISION).toMatchObject({ start: today, due: cal.body.due, state: 'RUNNING' });
    // Service on the respondent within 5 days (第三十条).
    expect(byRule.ARBITRATION_SERVICE_TO_RESPONDENT).toMatchObject({ start: today, state: 'RUNNING' });
    // The tribunal's composition is due in writing within 5 days (第三十二条).
    expect(byRule.ARBITRATION_TRIBUNAL_NOTICE).toMatchObject({ start: today, state: 'RUNNING' });
    // The complainant sees the case too (with its clocks).
    const mine = await t
      .http()
      .get(`/api/v1/arbitration/cases/${c.id}`)
      .set(await auth('13800000000'));
    expect(mine.status).toBe(200);
    expect(mine.body.clocks).toHaveLength(4);
  });

  it('a pause and resumption of the award period entered through the deadlines API are on the complaint timeline', async () => {
    const c = await open([{ type: 'LABOR_REMUNERATION', amountFen: 500_000 }]);
    const accepted = (await post('arbitrator', `/${c.id}/accept`, { version: 1 })).body as CaseView;
    const clock = accepted.clocks.find((k) => k.rule.id === 'ARBITRATION_DECISION')!;
    const enter = async (user: string, event: Record<string, unknown>) =>
      t
        .http()
        .post(`/api/v1/deadlines/${clock.id}/events`)
        .set(await auth(user))
        .send(event);
    // The commission's period: not the street's mediator or inspector who can see the case, not ADMIN.
    for (const user of ['mediator', 'inspector', 'admin']) {
      const r = await enter(user, { type: 'PAUSE', date: today, reason: '中止' });
      expect([user, r.status, r.body.code]).toEqual([user, 403, 'CLOCK_OF_ANOTHER_BODY']);
    }
    for (const event of [
      { type: 'PAUSE', date: today, reason: '中止审理：等待工伤认定结论' },
      { type: 'RESUME', date: today },
    ])
      expect((await enter('arbitrator', event)).status).toBe(201);
    const extended = await enter('supervisor', {
      type: 'EXTEND',
      date: today,
      amount: 15,
      reason: '案情复杂',
    });
    expect(extended.status).toBe(201);
    // The worker is told each: the 中止 with its reason, its end and the extension with the last day (第四十三条).
    const [{ tracking_no: trackingNo }] = await t.dataSource.query<{ tracking_no: string }[]>(
      'SELECT tracking_no FROM complaints WHERE id = (SELECT complaint_id FROM arbitration_cases WHERE id = $1)',
      [c.id],
    );
    const told = (template: string) =>
      t.sms.sent.find((m) => m.template === template && m.params.trackingNo === trackingNo);
    await eventually(() => !!told('ARBITRATION_PERIOD_EXTENDED'));
    expect(told('ARBITRATION_PERIOD_PAUSED')!.text).toContain(
      `自${today}起中止审理，理由：中止审理：等待工伤认定结论。`,
    );
    expect(told('ARBITRATION_PERIOD_RESUMED')!.text).toMatch(
      /恢复审理，最迟应于\d{4}-\d{2}-\d{2}（含当日）结案/,
    );
    expect(told('ARBITRATION_PERIOD_EXTENDED')!.text).toContain(`最迟应于${extended.body.due}（含当日）结案`);
    const [{ complaint_id: complaintId }] = await t.dataSource.query<{ complaint_id: string }[]>(
      'SELECT complaint_id FROM arbitration_cases WHERE id = $1',
      [c.id],
    );
    const events = await t
      .http()
      .get(`/api/v1/complaints/${complaintId}/events`)
      .set(await auth('arbitrator'));
    expect(events.status).toBe(200);
    const clockEvents = (events.body as { action: string; data: Record<string, unknown> }[]).filter(
      (e) => e.action === 'ARBITRATION_CLOCK_EVENT',
    );
    expect(clockEvents.map((e) => e.data)).toEqual([
      expect.objectContaining({
        arbitrationCaseId: c.id,
        clockId: clock.id,
        rule: 'ARBITRATION_DECISION',
        clockEvent: 'PAUSE',
        date: today,
        reason: '中止审理：等待工伤认定结论',
      }),
      expect.objectContaining({ arbitrationCaseId: c.id, clockEvent: 'RESUME', date: today }),
      expect.objectContaining({ arbitrationCaseId: c.id, clockEvent: 'EXTEND', amount: 15 }),
    ]);
  });

  it('refuses an illegal action with 409 ILLEGAL_TRANSITION and the allowed actions', async () => {
    const c = await open([{ type: 'LABOR_REMUNERATION', amountFen: 1_250_000 }]);
    const res = await post('arbitrator', `/${c.id}/award`, {
      version: 1,
      claims: [{ claimId: c.claims[0].id, awardedFen: 1 }],
    });
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({
      code: 'ILLEGAL_TRANSITION',
      details: { status: 'APPLIED', allowed: ['ACCEPT', 'REJECT', 'REQUEST_CORRECTION', 'REMOVE_MEMBER'] },
    });
    // The reason reaches the worker as written: a bare machine code (typed by staff, audit) is refused on the field.
    const coded = await post('arbitrator', `/${c.id}/reject`, { version: 1, reason: 'NOT_LABOR_DISPUTE' });
    expect([coded.status, coded.body.details?.[0]?.field]).toEqual([400, 'reason']);
    const rej = await post('arbitrator', `/${c.id}/reject`, { version: 1, reason: '不属于劳动争议' });
    expect(rej.body).toMatchObject({ status: 'NOT_ACCEPTED', version: 2 });
    // 第二十九条: the applicant is told why, and that they may sue.
    await eventually(() => t.sms.sent.some((m) => m.template === 'ARBITRATION_NOT_ACCEPTED'));
    expect(t.sms.sent.find((m) => m.template === 'ARBITRATION_NOT_ACCEPTED')!.text).toMatch(
      /不予受理，理由：不属于劳动争议。您可以就该劳动争议事项向人民法院提起诉讼。$/,
    );
    // …and the worker's file keeps the reason, not only the text message.
    const mine = await t
      .http()
      .get(`/api/v1/my/cases/${c.complaintId}`)
      .set(await auth('13800000000'));
    expect(mine.body.arbitration).toMatchObject({
      status: 'NOT_ACCEPTED',
      rejectionReason: '不属于劳动争议',
    });
    expect(mine.body.nextStep.text).toContain('理由：不属于劳动争议');
  });

  it('only a complaint routed to arbitration becomes a staff filing; a worker applies on their own complaint only (14.7)', async () => {
    // Routed to inspection: not staff's to file (a complaint routed to mediation is, on the worker's request:
    // arbitration-vs-mediation.e2e-spec.ts).
    const inspected = await routed('310115005', 'inspector', 'INSPECTION');
    const res = await post('inspector', '', {
      complaintId: inspected,
      claims: [{ type: 'OTHER', description: '其他', amountFen: 0 }],
      complainantRequest: { channel: 'PHONE' },
    });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('COMPLAINT_NOT_ROUTED_TO_ARBITRATION');
    const complaintId = await routed('310115005', 'mediator', 'MEDIATION');
    const bare = await post('mediator', '', {
      complaintId,
      claims: [{ type: 'OTHER', description: '其他', amountFen: 0 }],
    });
    expect([bare.status, bare.body.details?.[0]?.field]).toEqual([400, 'complainantRequest']);
    // The worker's claims are validated as staff's are.
    const badClaims = await post('13800000000', '', {
      complaintId,
      claims: [{ type: 'BONUS', description: '', amountFen: -1 }],
    });
    expect(badClaims.status).toBe(400);
    expect(badClaims.body.code).toBe('VALIDATION_FAILED');
    // The same claim twice (a double tap, audit) is one claim too many: 400 on claims, nothing filed.
    const claim = { type: 'LABOR_REMUNERATION', description: '工资', amountFen: 500_000 };
    const twice = await post('13800000000', '', { complaintId, claims: [claim, { ...claim }] });
    expect([twice.status, twice.body.details?.[0]?.field]).toEqual([400, 'claims']);
    // Another worker's complaint is 404 (as if it did not exist).
    const pii = t.app.get(PiiCipher);
    const otherId = randomUUID();
    await t.dataSource.query(
      `INSERT INTO users (id, username, role, jurisdiction_codes, display_name, password_hash, login_phone_enc,
                          login_phone_bidx)
       SELECT $1, $5, 'WORKER', '{}', '另一劳动者', password_hash, $2, $3
         FROM users WHERE login_phone_bidx = $4`,
      [
        otherId,
        pii.encrypt('13900009999'),
        pii.blindIndex('phone', '13900009999'),
        pii.blindIndex('phone', '13800000000'),
        `worker:${otherId}`,
      ],
    );
    const other = await post('13900009999', '', {
      complaintId,
      claims: [{ type: 'OTHER', description: '其他请求', amountFen: 0 }],
    });
    expect(other.status).toBe(404);
    expect(other.body.code).toBe('COMPLAINT_NOT_FOUND');
    const mine = await post('13800000000', '', {
      complaintId,
      claims: [{ type: 'LABOR_REMUNERATION', description: '支付拖欠工资', amountFen: 600_000 }],
    });
    expect(mine.status).toBe(201);
    expect(mine.body).toMatchObject({ status: 'APPLIED', source: 'DIRECT', complaintId });
  });

  it('the work queue lists the commission’s cases for an arbitrator, filtered and keyset paged (14.3)', async () => {
    const a = await open([{ type: 'LABOR_REMUNERATION', amountFen: 300_000 }], '310115007', 'supervisor');
    const b = await withTribunal();
    const list = async (user: string, query: Record<string, string | number>) => {
      const r = await t
        .http()
        .get('/api/v1/arbitration/cases')
        .query(query)
        .set(await auth(user));
      expect(r.status).toBe(200);
      return r.body as {
        items: { id: string; status: string; caseNo: string | null }[];
        nextCursor: string | null;
      };
    };
    // Another street of the commission: in the arbitrator's queue.
    expect((await list('arbitrator', { status: 'APPLIED', limit: 100 })).items.map((x) => x.id)).toContain(
      a.id,
    );
    const mine = await list('arbitrator', { assignee: 'me', limit: 100 });
    expect(mine.items.map((x) => x.id)).toContain(b.id);
    // Each item as the case's own view shows it (the queue reads its summaries' columns only: list-queries).
    const item = mine.items.find((x) => x.id === b.id) as unknown as Record<string, unknown>;
    const view = await t
      .http()
      .get(`/api/v1/arbitration/cases/${b.id}`)
      .set(await auth('arbitrator'));
    expect(view.status).toBe(200);
    expect(Object.keys(item).sort()).toEqual(
      [...SUMMARY_COLUMNS.filter((c) => c !== 'createdAt'), 'employer', 'complainant'].sort(),
    );
    expect(item).toEqual(Object.fromEntries(Object.keys(item).map((k) => [k, view.body[k]])));
    expect(item).toMatchObject({ tribunal: expect.any(String), arbitratorIds: expect.any(Array) });
    // Whom the case is about: the respondent (the case's own employer) as the complaint's view names it, and the
    // complainant, in full for an arbitrator; masked for the oversight roles, in the queue and in the case's view.
    const complaint = await t
      .http()
      .get(`/api/v1/complaints/${b.complaintId}`)
      .set(await auth('supervisor'));
    const { id: employerId, name, nameConfirmed } = complaint.body.employer as Record<string, unknown>;
    const employer = { id: employerId, name, nameConfirmed };
    expect(name).toMatch(/^浦东仲裁测试公司\d+$/);
    expect(item).toMatchObject({ employer, complainant: { name: '张三', phone: '13800000000' } });
    for (const user of ['supervisor', 'admin']) {
      const masked = { employer, complainant: { name: '张*', phone: '138****0000' } };
      const queued = (await list(user, { limit: 100 })).items.find((x) => x.id === b.id);
      expect([user, queued]).toEqual([user, expect.objectContaining(masked)]);
      const seen = await t
        .http()
        .get(`/api/v1/arbitration/cases/${b.id}`)
        .set(await auth(user));
      expect([user, seen.status, seen.body]).toEqual([user, 200, expect.objectContaining(masked)]);
    }
    expect(mine.items.map((x) => x.id)).not.toContain(a.id);
    expect((await list('arbitrator', { member: spare, limit: 100 })).items.map((x) => x.id)).not.toContain(
      b.id,
    );
    // Due within 10 days: the new application's 5-working-day acceptance period.
    expect((await list('arbitrator', { dueWithinDays: 10, limit: 100 })).items.map((x) => x.id)).toContain(
      a.id,
    );
    expect(
      (await list('arbitrator', { dueWithinDays: 0, status: 'APPLIED', limit: 100 })).items,
    ).not.toContainEqual(expect.objectContaining({ id: a.id }));
    // Keyset pages: no overlap, newest first.
    const p1 = await list('arbitrator', { limit: 2 });
    expect(p1.items).toHaveLength(2);
    const p2 = await list('arbitrator', { limit: 2, cursor: p1.nextCursor! });
    expect(p2.items.map((x) => x.id)).not.toContain(p1.items[0].id);
    // Bad input: 400 with the field, never 500.
    const bad = await t
      .http()
      .get('/api/v1/arbitration/cases')
      .query({ assignee: 'you', dueWithinDays: -1 })
      .set(await auth('arbitrator'));
    expect(bad.status).toBe(400);
    const worker = await t
      .http()
      .get('/api/v1/arbitration/cases')
      .set(await auth('13800000000'));
    expect(worker.status).toBe(403);
  });

  it('a sole arbitrator only for a simple case: a large claim without clear facts or consent needs three', async () => {
    const c = await open([{ type: 'ECONOMIC_COMPENSATION', amountFen: 20_000_000 }]);
    await post('arbitrator', `/${c.id}/accept`, { version: 1 });
    const sole = await post('arbitrator', `/${c.id}/tribunal`, {
      version: 2,
      arbitratorIds: [arbitrators[0]],
      simplifiedExclusions: [],
    });
    expect(sole.status).toBe(400);
    expect(sole.body.code).toBe('SOLE_ARBITRATOR_NOT_ELIGIBLE');
    const agreed = await post('arbitrator', `/${c.id}/tribunal`, {
      version: 2,
      arbitratorIds: [arbitrators[0]],
      simplifiedExclusions: [],
      partiesAgree: true,
    });
    expect(agreed.body).toMatchObject({ status: 'TRIBUNAL_FORMED', tribunal: 'SOLE', version: 3 });
    // Forming the tribunal is the written notice of its composition (第三十二条): that clock is met, the parties told.
    const notice = (agreed.body as CaseView).clocks.find((k) => k.rule.id === 'ARBITRATION_TRIBUNAL_NOTICE');
    expect(notice?.state).toBe('MET');
    await eventually(() => t.sms.sent.some((m) => m.template === 'ARBITRATION_TRIBUNAL_FORMED'));
  });

  it('refuses a hearing with less than 5 working days’ notice, schedules one with exactly five and notifies the complainant', async () => {
    const c = await answered();
    // Served today: five working days must lie strictly between today and the hearing day (办案规则 第八十条).
    const earliest = earliestAnchorAfter(
      ARBITRATION_DEADLINE_RULES.ARBITRATION_HEARING_NOTICE,
      today,
      cal,
    ).date;
    const hearingDay = cal.nextWorkingDayOnOrAfter(earliest).date;
    // The last working day before the earliest date (a rest day would be refused for the rest day first).
    let dayBefore = addDays(earliest, -1);
    while (!cal.isWorkingDay(dayBefore).working) dayBefore = addDays(dayBefore, -1);
    const short = await post('arbitrator', `/${c.id}/hearings`, {
      version: 5,
      room: '第一仲裁庭',
      startsAt: `${dayBefore}T09:00:00+08:00`,
    });
    expect(short.status).toBe(400);
    expect(short.body).toMatchObject({
      code: 'HEARING_NOTICE_TOO_SHORT',
      details: { earliestHearingDate: earliest },
    });
    expect(cal.countWorkingDays(today, dayBefore).count).toBeGreaterThanOrEqual(5);
    const ok = await post('arbitrator', `/${c.id}/hearings`, {
      version: 5,
      room: '第一仲裁庭',
      startsAt: `${hearingDay}T09:00:00+08:00`,
    });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ status: 'HEARING_SCHEDULED', version: 6 });
    const deadline = Date.now() + 10_000;
    while (!t.sms.sent.some((m) => m.template === 'ARBITRATION_HEARING_SCHEDULED') && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 50));
    expect(t.sms.sent.find((m) => m.template === 'ARBITRATION_HEARING_SCHEDULED')).toMatchObject({
      phone: '13800000000',
      params: { hearingDate: hearingDay, room: '第一仲裁庭' },
    });
  });

  it('refuses double booking of a room or an arbitrator in an overlapping 2-hour slot', async () => {
    const a = await answered();
    const b = await answered();
    const first = await post('arbitrator', `/${a.id}/hearings`, {
      version: 5,
      room: '第二仲裁庭',
      startsAt: at(20, '09:00'),
    });
    expect(first.status).toBe(200);
    const hearingId = (first.body as CaseView).hearings[0].id;
    const sameRoom = await post('arbitrator', `/${b.id}/hearings`, {
      version: 5,
      room: '第二仲裁庭',
      startsAt: at(20, '10:30'),
      arbitratorIds: [spare],
    });
    expect(sameRoom.status).toBe(409);
    expect(sameRoom.body).toMatchObject({ code: 'DOUBLE_BOOKING', details: { hearingId } });
    const sameArbitrator = await post('arbitrator', `/${b.id}/hearings`, {
      version: 5,
      room: '第三仲裁庭',
      startsAt: at(20, '10:59'),
    });
    expect(sameArbitrator.status).toBe(409);
    expect(sameArbitrator.body.details).toEqual({ hearingId });
    const after = await post('arbitrator', `/${b.id}/hearings`, {
      version: 5,
      room: '第二仲裁庭',
      startsAt: at(20, '11:00'),
    });
    expect(after.status).toBe(200);
  });

  it('records service, defence and service of the defence in order, each stopping its clock and starting the next (第三十条)', async () => {
    const c = await open([{ type: 'LABOR_REMUNERATION', amountFen: 1_250_000 }]);
    expect((await post('arbitrator', `/${c.id}/accept`, { version: 1 })).status).toBe(200);
    const outOfOrder = await post('arbitrator', `/${c.id}/papers`, {
      version: 2,
      step: 'DEFENCE',
      on: today,
    });
    expect(outOfOrder.status).toBe(409);
    expect(outOfOrder.body.code).toBe('PAPER_NOT_EXPECTED');
    expect(
      (await post('arbitrator', `/${c.id}/papers`, { version: 2, step: 'SERVICE', on: addDays(today, 1) }))
        .status,
    ).toBe(400);
    // Before the clock it stops began: refused on the request's own field, `on`.
    const beforeStart = await post('arbitrator', `/${c.id}/papers`, {
      version: 2,
      step: 'SERVICE',
      on: '2020-01-01',
    });
    expect([beforeStart.status, beforeStart.body.details?.map((d: { field: string }) => d.field)]).toEqual([
      400,
      ['on'],
    ]);
    const served = await post('arbitrator', `/${c.id}/papers`, { version: 2, step: 'SERVICE', on: today });
    expect(served.status).toBe(200);
    const clocks = () => Object.fromEntries((served.body as CaseView).clocks.map((k) => [k.rule.id, k]));
    expect(clocks().ARBITRATION_SERVICE_TO_RESPONDENT.state).toBe('MET');
    expect(clocks().ARBITRATION_DEFENCE).toMatchObject({ start: today, state: 'RUNNING' });
    expect(
      (await post('arbitrator', `/${c.id}/papers`, { version: 3, step: 'SERVICE', on: today })).status,
    ).toBe(409);
    const defence = await post('arbitrator', `/${c.id}/papers`, { version: 3, step: 'DEFENCE', on: today });
    const last = await post('arbitrator', `/${c.id}/papers`, {
      version: 4,
      step: 'DEFENCE_SERVICE',
      on: today,
    });
    expect(defence.status).toBe(200);
    expect(last.status).toBe(200);
    const states = Object.fromEntries((last.body as CaseView).clocks.map((k) => [k.rule.id, k.state]));
    expect(states).toMatchObject({
      ARBITRATION_DEFENCE: 'MET',
      ARBITRATION_DEFENCE_SERVICE_TO_CLAIMANT: 'MET',
      ARBITRATION_DECISION: 'RUNNING',
    });
  });

  it('the worker’s file names whose each arbitration deadline is: the commission’s service, the employer’s defence (audit)', async () => {
    const c = await open([{ type: 'LABOR_REMUNERATION', amountFen: 1_250_000 }]);
    expect((await post('arbitrator', `/${c.id}/accept`, { version: 1 })).status).toBe(200);
    const file = async () =>
      (
        await t
          .http()
          .get(`/api/v1/my/cases/${c.complaintId}`)
          .set(await auth('13800000000'))
      ).body as { nextDeadline: { text: string }; deadlines: { rule: string; text: string }[] };
    const text = (f: Awaited<ReturnType<typeof file>>, rule: string) =>
      f.deadlines.find((d) => d.rule === rule)?.text;
    const accepted = await file();
    expect(accepted.nextDeadline.text).toMatch(/^仲裁委/);
    expect(text(accepted, 'ARBITRATION_SERVICE_TO_RESPONDENT')).toMatch(/^仲裁委送达仲裁申请书副本期限：/);
    expect(text(accepted, 'ARBITRATION_DECISION')).toMatch(/^仲裁庭作出裁决期限：/);
    expect(
      (await post('arbitrator', `/${c.id}/papers`, { version: 2, step: 'SERVICE', on: today })).status,
    ).toBe(200);
    const served = await file();
    expect(text(served, 'ARBITRATION_DEFENCE')).toMatch(/^用人单位答辩期限：/);
    // No line of the file reads as a bare period the worker might take for their own.
    for (const d of served.deadlines) expect(d.text).not.toMatch(/^(答辩期限|仲裁申请书副本送达期限)：/);
  });

  it('the worker’s next date is the next scheduled hearing (开庭, with its time and place) when it comes before every running deadline; a held one is not', async () => {
    const c = await answered();
    const scheduled = await post('arbitrator', `/${c.id}/hearings`, {
      version: 5,
      room: '第十一仲裁庭',
      startsAt: at(18, '14:30'),
    });
    expect(scheduled.status).toBe(200);
    const hearingId = (scheduled.body as CaseView).hearings[0].id;
    type Next = { due: string; state: string; text: string; citation: string; kind?: string };
    const next = async () =>
      (
        await t
          .http()
          .get(`/api/v1/my/cases/${c.complaintId}`)
          .set(await auth('13800000000'))
      ).body.nextDeadline as Next;
    // The commission's service of the defence (5 working days) still comes first.
    const before = await next();
    expect(before.due < wd(18)).toBe(true);
    expect(before.text).not.toContain('开庭');
    expect(
      (await post('arbitrator', `/${c.id}/papers`, { version: 6, step: 'DEFENCE_SERVICE', on: today }))
        .status,
    ).toBe(200);
    // Now the hearing is the earliest date: offered as such, with its time and room.
    const hearing = await next();
    expect(hearing).toMatchObject({
      kind: 'HEARING',
      due: wd(18),
      startsAt: new Date(at(18, '14:30')).toISOString(),
      place: '第十一仲裁庭',
      citation: expect.stringContaining('第三十五条'),
    });
    expect(hearing.text).toContain('开庭');
    expect(hearing.text).toContain(`${wd(18)} 14:30`);
    expect(hearing.text).toContain('第十一仲裁庭');
    // The list of the worker's files offers the same date.
    const page = await t
      .http()
      .get('/api/v1/my/cases')
      .query({ limit: 20 })
      .set(await auth('13800000000'));
    const item = (page.body.items as { complaintId: string; nextDeadline: Next }[]).find(
      (i) => i.complaintId === c.complaintId,
    );
    expect(item?.nextDeadline).toEqual(hearing);
    // Held: no longer ahead; the award period is the next date again.
    await holdHearing(c.id, hearingId, 7);
    const after = await next();
    expect(after).toMatchObject({ kind: 'DEADLINE' });
    expect(after.text).toMatch(/^仲裁庭作出裁决期限：/);
  });

  it('postpones a hearing on a request made at least 3 working days before it (第三十五条), freeing its slot; a later request is refused', async () => {
    const a = await answered();
    const first = await post('arbitrator', `/${a.id}/hearings`, {
      version: 5,
      room: '第五仲裁庭',
      startsAt: at(12, '09:00'),
    });
    expect(first.status).toBe(200);
    const old = (first.body as CaseView).hearings[0];
    const res = await post('arbitrator', `/${a.id}/hearings/${old.id}/postpone`, {
      version: 6,
      requestedOn: today,
      reason: '申请人因病住院，提供诊断证明',
      startsAt: at(20, '14:00'),
    });
    expect(res.status).toBe(200);
    const hearings = (
      res.body as {
        hearings: { id: string; postponedAt: string | null; replacedBy: string | null; startsAt: string }[];
      }
    ).hearings;
    const moved = hearings.find((h) => h.id === old.id)!;
    const replacement = hearings.find((h) => h.id !== old.id)!;
    expect(moved).toMatchObject({ postponedAt: expect.any(String), replacedBy: replacement.id });
    expect(replacement.postponedAt).toBeNull();
    await eventually(() => t.sms.sent.some((m) => m.template === 'ARBITRATION_HEARING_POSTPONED'));
    // The old slot is free again for another case.
    const b = await answered();
    expect(
      (
        await post('arbitrator', `/${b.id}/hearings`, {
          version: 5,
          room: '第五仲裁庭',
          startsAt: at(12, '09:00'),
        })
      ).status,
    ).toBe(200);

    // A hearing now 2 days away (time has passed): a request made today is too late.
    const c = await answered();
    const soon = await post('arbitrator', `/${c.id}/hearings`, {
      version: 5,
      room: '第六仲裁庭',
      startsAt: at(15, '09:00'),
    });
    const soonId = (soon.body as CaseView).hearings[0].id;
    await t.dataSource.query(`UPDATE arbitration_hearings SET starts_at = $2, ends_at = $3 WHERE id = $1`, [
      soonId,
      at(2, '09:00'),
      at(2, '11:00'),
    ]);
    const late = await post('arbitrator', `/${c.id}/hearings/${soonId}/postpone`, {
      version: 6,
      requestedOn: today,
      reason: '临时有事',
      startsAt: at(25, '09:00'),
    });
    expect(late.status).toBe(400);
    const latestRequestDate = latestDayBefore(
      ARBITRATION_DEADLINE_RULES.ARBITRATION_POSTPONEMENT_REQUEST,
      wd(2),
      cal,
    ).date;
    expect(late.body).toMatchObject({
      code: 'POSTPONEMENT_REQUEST_TOO_LATE',
      details: { latestRequestDate },
    });
    const future = await post('arbitrator', `/${c.id}/hearings/${soonId}/postpone`, {
      version: 6,
      requestedOn: addDays(today, 1),
      reason: '临时有事',
      startsAt: at(25, '09:00'),
    });
    expect(future.status).toBe(400);
    const unknown = await post('arbitrator', `/${c.id}/hearings/${old.id}/postpone`, {
      version: 6,
      requestedOn: today,
      reason: '临时有事',
      startsAt: at(25, '09:00'),
    });
    expect(unknown.status).toBe(404);
    const [{ n }] = await t.dataSource.query<{ n: number }[]>(
      'SELECT count(*)::int AS n FROM arbitration_hearings WHERE case_id = $1',
      [c.id],
    );
    expect(n).toBe(1);
  });

  it('awards per claim: 一裁终局 up to 12 × the minimum wage (2,740 元 → 32,880 元), not above; more than claimed needs a reason', async () => {
    const c = await answered([
      { type: 'LABOR_REMUNERATION', amountFen: 3_500_000 },
      { type: 'ECONOMIC_COMPENSATION', amountFen: 3_500_000 },
      { type: 'STANDARDS', amountFen: 0 },
    ]);
    const scheduled = await post('arbitrator', `/${c.id}/hearings`, {
      version: 5,
      room: '第四仲裁庭',
      startsAt: at(30),
    });
    const v = await holdHearing(c.id, (scheduled.body as CaseView).hearings[0].id, 6);
    const [wage, comp, std] = c.claims;
    const over = await post('arbitrator', `/${c.id}/award`, {
      version: v,
      claims: [
        { claimId: wage.id, awardedFen: 3_600_000 },
        { claimId: comp.id, awardedFen: 3_288_001 },
        { claimId: std.id, awardedFen: 0 },
      ],
    });
    expect(over.status).toBe(400);
    expect(over.body).toMatchObject({
      code: 'AWARD_EXCEEDS_CLAIM',
      details: { field: 'claims.0.reason', claimId: wage.id },
    });
    const res = await post('arbitrator', `/${c.id}/award`, {
      version: v,
      claims: [
        { claimId: wage.id, awardedFen: 3_288_000 },
        { claimId: comp.id, awardedFen: 3_288_001 },
        { claimId: std.id, awardedFen: 0 },
      ],
    });
    expect(res.status).toBe(200);
    const suit = await t
      .http()
      .get('/api/v1/calendar/deadline')
      .query({ from: today, amount: 15, unit: 'DAY' })
      .set(await auth('arbitrator'));
    const body = res.body as CaseView;
    expect(body).toMatchObject({
      status: 'CLOSED',
      closureType: 'AWARD',
      finalAward: false,
      suitDeadline: suit.body.due,
      version: v + 1,
    });
    expect(body.claims.map((x) => [x.awardedFen, x.final])).toEqual([
      [3_288_000, true],
      [3_288_001, false],
      [0, true],
    ]);
    // The proceeding's periods are met; the parties' windows (suit, set-aside of the final document) now run (16.6).
    const party = ['ARBITRATION_SUIT_WINDOW', 'ARBITRATION_SET_ASIDE_WINDOW'];
    expect(body.clocks.filter((k) => !party.includes(k.rule.id)).every((k) => k.state === 'MET')).toBe(true);
    expect(
      body.clocks
        .filter((k) => party.includes(k.rule.id))
        .map((k) => [k.rule.id, k.state])
        .sort(),
    ).toEqual([
      ['ARBITRATION_SET_ASIDE_WINDOW', 'RUNNING'],
      ['ARBITRATION_SUIT_WINDOW', 'RUNNING'],
      ['ARBITRATION_SUIT_WINDOW', 'RUNNING'],
    ]);
  });

  it('refuses an award before the hearing took place and before the defence; awards once both are done (14.1)', async () => {
    const c = await withTribunal();
    // Served today and not answered: the hearing is set after the answer period (调解仲裁法 第三十条).
    const served = await post('arbitrator', `/${c.id}/papers`, { version: 3, step: 'SERVICE', on: today });
    const lastDay = (served.body as CaseView).clocks.find((k) => k.rule.id === 'ARBITRATION_DEFENCE')!.due!;
    const scheduled = await post('arbitrator', `/${c.id}/hearings`, {
      version: 4,
      room: '第七仲裁庭',
      // A slot no other test books: every tribunal of this file has the same arbitrators.
      startsAt: `${cal.nextWorkingDayOnOrAfter(addDays(lastDay, 1)).date}T15:30:00+08:00`,
    });
    expect(scheduled.status).toBe(200);
    const hearingId = (scheduled.body as CaseView).hearings[0].id;
    const award = (version: number) =>
      post('arbitrator', `/${c.id}/award`, {
        version,
        claims: [{ claimId: c.claims[0].id, awardedFen: 1_000_000 }],
      });
    const early = await award(5);
    expect(early.status).toBe(409);
    expect(early.body).toMatchObject({
      code: 'HEARING_NOT_HELD',
      details: {
        status: 'HEARING_SCHEDULED',
        citation: expect.stringContaining('第三十五条'),
        remedies: expect.arrayContaining(['RECORD_HEARING']),
        allowed: expect.arrayContaining(['RECORD_HEARING', 'POSTPONE_HEARING', 'CLOSE']),
      },
    });
    // Not recorded before it happened.
    const notYet = await post('arbitrator', `/${c.id}/hearings/${hearingId}/record`, {
      version: 5,
      attendance: { claimant: 'PRESENT', respondent: 'PRESENT' },
      minutesSummary: '提前记录',
    });
    expect(notYet.status).toBe(409);
    expect(notYet.body.code).toBe('HEARING_NOT_YET_HELD');
    // What it offers instead is what would be taken: no award before a hearing took place (audit).
    expect(notYet.body.details.allowed).toEqual(expect.arrayContaining(['POSTPONE_HEARING', 'CLOSE']));
    expect(notYet.body.details.allowed).not.toContain('AWARD');
    const bad = await post('arbitrator', `/${c.id}/hearings/${hearingId}/record`, {
      version: 5,
      attendance: { claimant: 'MAYBE' },
      minutesSummary: '',
    });
    expect(bad.status).toBe(400);
    // The worker's next step: attend the hearing; once it was held (the status stays), wait for the award.
    const nextStep = async () =>
      (
        await t
          .http()
          .get(`/api/v1/my/cases/${c.complaintId}`)
          .set(await auth('13800000000'))
      ).body.nextStep.text as string;
    expect(await nextStep()).toContain('按时到庭');
    const v = await holdHearing(c.id, hearingId, 5);
    expect(await nextStep()).toBe('仲裁庭已开庭审理，请等待仲裁庭作出裁决。');
    const noDefence = await award(v);
    expect(noDefence.status).toBe(409);
    expect(noDefence.body).toMatchObject({
      code: 'DEFENCE_PERIOD_RUNNING',
      details: { facts: { hearingHeld: true, defenceDone: false } },
    });
    const defence = await post('arbitrator', `/${c.id}/papers`, { version: v, step: 'DEFENCE', on: today });
    expect(defence.status).toBe(200);
    const ok = await award(v + 1);
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ status: 'CLOSED', closureType: 'AWARD' });
    expect(
      (ok.body as { hearings: { heldAt: string | null; attendance: unknown }[] }).hearings[0],
    ).toMatchObject({
      heldAt: expect.any(String),
      attendance: { claimant: 'PRESENT', respondent: 'REPRESENTED' },
    });
  });

  it('only the case’s tribunal decides on the papers and awards — not another arbitrator, not a supervisor; the commission’s acts are any of its arbitrators’', async () => {
    const c = await open([{ type: 'LABOR_REMUNERATION', amountFen: 1_250_000 }]);
    expect((await post('arbitrator', `/${c.id}/accept`, { version: 1 })).status).toBe(200);
    // A sole arbitrator other than the signed-in one: forming it is the commission's act.
    const formed = await post('arbitrator', `/${c.id}/tribunal`, {
      version: 2,
      arbitratorIds: [arbitrators[1]],
      simplifiedExclusions: [],
      partiesAgree: true,
    });
    expect(formed.status).toBe(200);
    for (const [path, body] of [
      ['papers-decision', { version: 3, basis: '双方书面同意不开庭，事实清楚' }],
      ['award', { version: 3, claims: [{ claimId: c.claims[0].id, awardedFen: 1_000_000 }] }],
    ] as const)
      for (const user of ['arbitrator', 'supervisor']) {
        const r = await post(user, `/${c.id}/${path}`, body);
        expect([user, r.status, r.body.code]).toEqual([user, 403, 'NOT_ON_TRIBUNAL']);
      }
    const [{ version }] = await t.dataSource.query<{ version: number }[]>(
      'SELECT version FROM arbitration_cases WHERE id = $1',
      [c.id],
    );
    expect(version).toBe(3);
  });

  it('a withdrawn case frees its hearing slot for the next case', async () => {
    const a = await answered();
    const b = await answered();
    const slot = { room: '第八仲裁庭', startsAt: at(14, '14:00') };
    expect((await post('arbitrator', `/${a.id}/hearings`, { version: 5, ...slot })).status).toBe(200);
    const clash = await post('arbitrator', `/${b.id}/hearings`, { version: 5, ...slot });
    expect(clash.status).toBe(409);
    expect(clash.body.code).toBe('DOUBLE_BOOKING');
    const withdrawn = await post('arbitrator', `/${a.id}/close`, {
      version: 6,
      closureType: 'WITHDRAWN',
      withdrawal: { basis: 'APPLICANT_REQUEST', channel: 'WRITTEN' },
    });
    expect(withdrawn.status).toBe(200);
    expect(
      (withdrawn.body as { hearings: { cancelledAt: string | null }[] }).hearings[0].cancelledAt,
    ).toEqual(expect.any(String));
    expect((await post('arbitrator', `/${b.id}/hearings`, { version: 5, ...slot })).status).toBe(200);
  });

  it('withdrawal is the applicant’s act: WITHDRAWN needs their request or a hearing they missed, TERMINATED a reason', async () => {
    const c = await answered();
    const close = (body: Record<string, unknown>) =>
      post('arbitrator', `/${c.id}/close`, { version: 5, ...body });
    const fields = (r: { body: { details?: { field: string }[] } }) =>
      (r.body.details ?? []).map((d) => d.field);
    // 调解仲裁法 第四十一条, 办案规则 第三十五条: staff do not withdraw an application on their own.
    const bare = await close({ closureType: 'WITHDRAWN' });
    expect([bare.status, bare.body.code, fields(bare)]).toEqual([400, 'VALIDATION_FAILED', ['withdrawal']]);
    const noChannel = await close({ closureType: 'WITHDRAWN', withdrawal: { basis: 'APPLICANT_REQUEST' } });
    expect([noChannel.status, fields(noChannel)]).toEqual([400, ['withdrawal.channel']]);
    const unknown = await close({ closureType: 'WITHDRAWN', withdrawal: { basis: 'STAFF_DECIDED' } });
    expect([unknown.status, fields(unknown)]).toEqual([400, ['withdrawal.basis']]);
    const noReason = await close({ closureType: 'TERMINATED' });
    expect([noReason.status, fields(noReason)]).toEqual([400, ['reason']]);
    // 调解仲裁法 第三十六条, 办案规则 第三十九条: deemed withdrawn only when the applicant missed a hearing held.
    const scheduled = await post('arbitrator', `/${c.id}/hearings`, {
      version: 5,
      room: '第十仲裁庭',
      startsAt: at(21, '09:30'),
    });
    expect(scheduled.status).toBe(200);
    const hearingId = (scheduled.body as { hearings: { id: string }[] }).hearings[0].id;
    const notHeld = await post('arbitrator', `/${c.id}/close`, {
      version: 6,
      closureType: 'WITHDRAWN',
      withdrawal: { basis: 'ABSENT_FROM_HEARING', hearingId },
    });
    expect([notHeld.status, fields(notHeld)]).toEqual([400, ['withdrawal.hearingId']]);
    const v = await holdHearing(c.id, hearingId, 6, { claimant: 'ABSENT', respondent: 'PRESENT' });
    const deemed = await post('arbitrator', `/${c.id}/close`, {
      version: v,
      closureType: 'WITHDRAWN',
      withdrawal: { basis: 'ABSENT_FROM_HEARING', hearingId },
    });
    expect(deemed.status).toBe(200);
    expect(deemed.body).toMatchObject({ status: 'CLOSED', closureType: 'WITHDRAWN' });
    const [event] = await t.dataSource.query<{ data: Record<string, unknown> }[]>(
      `SELECT data FROM case_events WHERE case_id = $1 AND action = 'ARBITRATION_CLOSE' ORDER BY occurred_at DESC LIMIT 1`,
      [c.complaintId],
    );
    expect(event.data).toMatchObject({
      closureType: 'WITHDRAWN',
      withdrawal: { basis: 'ABSENT_FROM_HEARING', hearingId },
    });
    const [{ tracking_no: trackingNo }] = await t.dataSource.query<{ tracking_no: string }[]>(
      'SELECT tracking_no FROM complaints WHERE id = $1',
      [c.complaintId],
    );
    const told = () =>
      t.sms.sent.find(
        (m) => m.template === 'ARBITRATION_CLOSED_WITHOUT_AWARD' && m.params.trackingNo === trackingNo,
      );
    await eventually(() => !!told());
    expect(told()!.text).toContain('收到书面开庭通知后无正当理由未到庭，按撤回仲裁申请处理');
  });

  it('hearings on a rest day or at 02:00 need an override with a reason, which the timeline records', async () => {
    const c = await answered();
    let restDay = addDays(today, 10);
    while (cal.isWorkingDay(restDay).working) restDay = addDays(restDay, 1);
    const sunday = await post('arbitrator', `/${c.id}/hearings`, {
      version: 5,
      room: '第九仲裁庭',
      startsAt: `${restDay}T09:00:00+08:00`,
    });
    expect(sunday.status).toBe(400);
    expect(sunday.body).toMatchObject({ code: 'HEARING_OUTSIDE_HOURS', details: { problem: 'REST_DAY' } });
    const night = await post('arbitrator', `/${c.id}/hearings`, {
      version: 5,
      room: '第九仲裁庭',
      startsAt: at(12, '02:00'),
    });
    expect(night.status).toBe(400);
    expect(night.body).toMatchObject({
      code: 'HEARING_OUTSIDE_HOURS',
      details: { problem: 'OUTSIDE_HOURS' },
    });
    const emptyReason = await post('arbitrator', `/${c.id}/hearings`, {
      version: 5,
      room: '第九仲裁庭',
      startsAt: `${restDay}T09:00:00+08:00`,
      override: { reason: '' },
    });
    expect(emptyReason.status).toBe(400);
    const ok = await post('arbitrator', `/${c.id}/hearings`, {
      version: 5,
      room: '第九仲裁庭',
      startsAt: `${restDay}T09:00:00+08:00`,
      override: { reason: '双方当事人书面同意休息日开庭' },
    });
    expect(ok.status).toBe(200);
    expect((ok.body as { hearings: { overrideReason: string | null }[] }).hearings[0].overrideReason).toBe(
      '双方当事人书面同意休息日开庭',
    );
    const [{ complaint_id: complaintId }] = await t.dataSource.query<{ complaint_id: string }[]>(
      'SELECT complaint_id FROM arbitration_cases WHERE id = $1',
      [c.id],
    );
    const events = await t
      .http()
      .get(`/api/v1/complaints/${complaintId}/events`)
      .set(await auth('arbitrator'));
    expect(
      (events.body as { action: string; data: Record<string, unknown> }[]).find(
        (e) => e.action === 'ARBITRATION_SCHEDULE_HEARING',
      )?.data,
    ).toMatchObject({ override: { problem: 'REST_DAY', reason: '双方当事人书面同意休息日开庭' } });
  });

  it('a sole arbitrator may decide on the papers (recorded with its basis); a three-member tribunal may not', async () => {
    const c = await decidable([{ type: 'LABOR_REMUNERATION', amountFen: 800_000 }]);
    const res = await post('arbitrator', `/${c.id}/award`, {
      version: 6,
      claims: [{ claimId: c.claims[0].id, awardedFen: 800_000 }],
    });
    expect(res.status).toBe(200);
    const three = await withTribunal();
    const refused = await post('arbitrator', `/${three.id}/papers-decision`, {
      version: 3,
      basis: '书面审理',
    });
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('PAPERS_DECISION_NOT_ALLOWED');
  });

  it('accepts an application whose limitation looks expired with a warning to staff; a suspension is counted (16.8)', async () => {
    const knewOn = addDays(today, -400);
    const expired = await post('mediator', '', {
      complaintId: await routed(),
      claims: [{ type: 'LABOR_REMUNERATION', description: '支付拖欠工资', amountFen: 500_000 }],
      limitation: {
        knewOn,
        suspended: [{ from: addDays(today, -300), to: addDays(today, -290), reason: '住院治疗' }],
      },
    });
    expect(expired.status).toBe(201);
    expect(expired.body).toMatchObject({
      status: 'APPLIED',
      warnings: ['LIMITATION_MAY_HAVE_EXPIRED'],
      limitation: {
        withinLimit: false,
        facts: { knewOn, suspended: [expect.objectContaining({ reason: '住院治疗' })] },
        basis: expect.stringContaining('第二十七条第三款'),
      },
    });
    // Suspended for 100 days (住院): the year runs on after it, so the application is in time.
    const inTime = await post('mediator', '', {
      complaintId: await routed(),
      claims: [{ type: 'LABOR_REMUNERATION', description: '支付拖欠工资', amountFen: 500_000 }],
      limitation: {
        knewOn,
        suspended: [{ from: addDays(today, -300), to: addDays(today, -200), reason: '住院治疗' }],
      },
    });
    expect(inTime.status).toBe(201);
    expect(inTime.body).toMatchObject({ warnings: [], limitation: { withinLimit: true } });
    const bad = await post('mediator', '', {
      complaintId: await routed(),
      claims: [{ type: 'OTHER', description: '其他请求', amountFen: 0 }],
      limitation: { knewOn: '2026-13-01' },
    });
    expect(bad.status).toBe(400);
  });

  it('two arbitrators closing the same case at once: one wins, the other gets 409 STALE_VERSION', async () => {
    const c = await open([{ type: 'LABOR_REMUNERATION', amountFen: 1_250_000 }]);
    await post('arbitrator', `/${c.id}/accept`, { version: 1 });
    const [a, b] = await Promise.all([
      post('arbitrator', `/${c.id}/close`, {
        version: 2,
        closureType: 'WITHDRAWN',
        withdrawal: { basis: 'APPLICANT_REQUEST', channel: 'WRITTEN' },
      }),
      post('supervisor', `/${c.id}/close`, {
        version: 2,
        closureType: 'TERMINATED',
        reason: '申请人死亡，无继承人',
      }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    expect([a, b].find((r) => r.status === 409)!.body).toMatchObject({
      code: 'STALE_VERSION',
      details: { version: 3 },
    });
  });

  it('closes by 仲裁调解书 with the agreed amount per claim (第四十二条); none above a claim, none missing', async () => {
    const c = await decidable([
      { type: 'LABOR_REMUNERATION', amountFen: 1_250_000 },
      { type: 'ECONOMIC_COMPENSATION', amountFen: 500_000 },
    ]);
    const [wage, comp] = c.claims;
    expect((await post('arbitrator', `/${c.id}/close`, { version: 6, closureType: 'MEDIATED' })).status).toBe(
      400,
    );
    const missing = await post('arbitrator', `/${c.id}/close`, {
      version: 6,
      closureType: 'MEDIATED',
      mediatedClaims: [{ claimId: wage.id, agreedFen: 1_000_000 }],
    });
    expect(missing.status).toBe(400);
    const above = await post('arbitrator', `/${c.id}/close`, {
      version: 6,
      closureType: 'MEDIATED',
      mediatedClaims: [
        { claimId: wage.id, agreedFen: 1_300_000 },
        { claimId: comp.id, agreedFen: 0 },
      ],
    });
    expect(above.status).toBe(400);
    expect(above.body.code).toBe('MEDIATED_EXCEEDS_CLAIM');
    const agreed = [
      { claimId: wage.id, agreedFen: 1_100_000 },
      { claimId: comp.id, agreedFen: 200_000 },
    ];
    // The 调解书 is the tribunal's (第四十二条): a supervisor of the street does not make it.
    const bySupervisor = await post('supervisor', `/${c.id}/close`, {
      version: 6,
      closureType: 'MEDIATED',
      mediatedClaims: agreed,
    });
    expect([bySupervisor.status, bySupervisor.body.code]).toEqual([403, 'NOT_ON_TRIBUNAL']);
    // It takes effect once both parties signed for it (第四十二条): not before, and not on a day to come; until then
    // the case stays open for an award if a party goes back on it.
    for (const [signedOn, constraint] of [
      [undefined, 'signedByBoth'],
      [addDays(today, 1), 'notInFuture'],
      [addDays(today, -400), 'notBeforeAcceptance'],
    ] as const) {
      const unsigned = await post('arbitrator', `/${c.id}/close`, {
        version: 6,
        closureType: 'MEDIATED',
        mediatedClaims: agreed,
        signedOn,
      });
      expect([unsigned.status, unsigned.body.details[0]]).toEqual([
        400,
        expect.objectContaining({ field: 'signedOn', constraint }),
      ]);
    }
    const open = await t.dataSource.query<{ status: string }[]>(
      `SELECT status FROM arbitration_cases WHERE id = $1`,
      [c.id],
    );
    expect(open[0].status).not.toBe('CLOSED');
    const ok = await post('arbitrator', `/${c.id}/close`, {
      version: 6,
      closureType: 'MEDIATED',
      mediatedClaims: [
        { claimId: wage.id, agreedFen: 1_100_000 },
        { claimId: comp.id, agreedFen: 200_000 },
      ],
      signedOn: today,
    });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ status: 'CLOSED', closureType: 'MEDIATED' });
    expect(
      (ok.body as { claims: { awardedFen: number; awardReason: string }[] }).claims.map((x) => [
        x.awardedFen,
        x.awardReason,
      ]),
    ).toEqual([
      [1_100_000, '仲裁调解书'],
      [200_000, '仲裁调解书'],
    ]);
    await eventually(() => t.sms.sent.some((m) => m.template === 'ARBITRATION_MEDIATED'));
    expect(t.sms.sent.find((m) => m.template === 'ARBITRATION_MEDIATED')!.text).toContain(
      `仲裁调解书已于${today}经双方签收生效，调解金额13000.00元`,
    );
  });

  it('arbitrators see every case of their commission, not of another; the supervisor by street (14.2)', async () => {
    const c = await open([{ type: 'LABOR_REMUNERATION', amountFen: 1_250_000 }], '310115007', 'supervisor');
    // The demo arbitrator's jurisdiction is 陆家嘴街道 only, but the commission is the district's: he sees it.
    const get = await t
      .http()
      .get(`/api/v1/arbitration/cases/${c.id}`)
      .set(await auth('arbitrator'));
    expect(get.status).toBe(200);
    expect((await post('arbitrator', `/${c.id}/accept`, { version: 1 })).status).toBe(200);
    // An arbitrator of another commission (徐汇区) gets 404, for reading and for acting.
    const xuhui = organisationId('ARBITRATION_COMMISSION', '310104');
    await t.dataSource.query(
      `INSERT INTO organisations (id, name, kind, jurisdiction_code) VALUES ($1, '徐汇区劳动人事争议仲裁委员会', 'ARBITRATION_COMMISSION', '310104') ON CONFLICT DO NOTHING`,
      [xuhui],
    );
    const outsider = randomUUID();
    await t.dataSource.query(
      `INSERT INTO users (id, username, role, jurisdiction_codes, display_name, organisation_id, password_hash)
       SELECT $1, 'arbitrator-xuhui', 'ARBITRATOR', '{310104}', '徐汇仲裁员', $2, password_hash FROM users WHERE username = 'arbitrator'`,
      [outsider, xuhui],
    );
    const other = await t
      .http()
      .get(`/api/v1/arbitration/cases/${c.id}`)
      .set(await auth('arbitrator-xuhui'));
    expect(other.status).toBe(404);
    expect(other.body.code).toBe('ARBITRATION_CASE_NOT_FOUND');
    expect(
      (await post('arbitrator-xuhui', `/${c.id}/tribunal`, { version: 2, arbitratorIds: arbitrators }))
        .status,
    ).toBe(404);
    // A tribunal member outside the commission: 400, nothing written.
    const mixed = await post('arbitrator', `/${c.id}/tribunal`, {
      version: 2,
      arbitratorIds: [arbitrators[0], arbitrators[1], outsider],
    });
    expect(mixed.status).toBe(400);
    expect(mixed.body).toMatchObject({
      code: 'ARBITRATOR_OUTSIDE_COMMISSION',
      details: { arbitratorId: outsider },
    });
    const [{ status }] = await t.dataSource.query<{ status: string }[]>(
      'SELECT status FROM arbitration_cases WHERE id = $1',
      [c.id],
    );
    expect(status).toBe('ACCEPTED');
    const sup = await t
      .http()
      .get(`/api/v1/arbitration/cases/${c.id}`)
      .set(await auth('supervisor'));
    expect(sup.status).toBe(200);
    const mediator = await t
      .http()
      .get(`/api/v1/arbitration/cases/${c.id}`)
      .set(await auth('mediator'));
    expect(mediator.status).toBe(404);
  });

  it('an arbitrator finds the commission’s arbitrators in the staff directory and forms a tribunal of three from it (第三十一条)', async () => {
    const c = await open([{ type: 'LABOR_REMUNERATION', amountFen: 1_250_000 }]);
    expect((await post('arbitrator', `/${c.id}/accept`, { version: 1 })).status).toBe(200);
    // Not acceptable: an arbitrator of no commission, and a deactivated one of this commission.
    const [outsider, retired] = [randomUUID(), randomUUID()];
    for (const [id, name, org, active] of [
      [outsider, 'arbitrator-no-commission', null, true],
      [retired, 'arbitrator-retired', organisationId('ARBITRATION_COMMISSION', '310115'), false],
    ] as const)
      await t.dataSource.query(
        `INSERT INTO users (id, username, role, jurisdiction_codes, display_name, organisation_id, active)
         VALUES ($1, $2, 'ARBITRATOR', '{310115}', $2, $3, $4)`,
        [id, name, org, active],
      );
    const directory = `/api/v1/staff/colleagues?proceeding=ARBITRATION&caseId=${c.id}`;
    const listed = await t
      .http()
      .get(directory)
      .set(await auth('arbitrator'));
    expect([listed.status, listed.body.role]).toEqual([200, 'ARBITRATOR']);
    const ids = (listed.body.items as { id: string }[]).map((i) => i.id);
    expect(ids).toEqual(expect.arrayContaining([...arbitrators, spare]));
    expect(ids).not.toContain(outsider);
    expect(ids).not.toContain(retired);
    expect(JSON.stringify(listed.body)).not.toContain('arbitrator-e2e-'); // usernames stay out
    // Two is no tribunal; one off the list is refused: each 400 names the directory.
    for (const arbitratorIds of [ids.slice(0, 2), [...arbitrators.slice(0, 2), outsider]]) {
      const r = await post('arbitrator', `/${c.id}/tribunal`, { version: 2, arbitratorIds });
      expect(r.status).toBe(400);
      expect(JSON.stringify(r.body)).toContain('/api/v1/staff/colleagues?proceeding=ARBITRATION');
    }
    const formed = await post('arbitrator', `/${c.id}/tribunal`, { version: 2, arbitratorIds: arbitrators });
    expect([formed.status, formed.body.tribunal]).toEqual([200, 'THREE']);
    const worker = await t
      .http()
      .get(directory)
      .set(await auth('13800000000'));
    expect([worker.status, worker.body.code]).toEqual([403, 'ROLE_NOT_ALLOWED']);
  });

  it('numbers accepted cases in the commission’s format, counted per year (14.4)', async () => {
    const year = today.slice(0, 4);
    const a = await open([{ type: 'LABOR_REMUNERATION', amountFen: 100_000 }]);
    const b = await open([{ type: 'LABOR_REMUNERATION', amountFen: 100_000 }]);
    expect(a.caseNo).toBeNull();
    const [ra, rb] = await Promise.all([
      post('arbitrator', `/${a.id}/accept`, { version: 1 }),
      post('arbitrator', `/${b.id}/accept`, { version: 1 }),
    ]);
    const numbers = [ra.body.caseNo as string, rb.body.caseNo as string];
    for (const no of numbers) expect(no).toMatch(new RegExp(`^浦劳人仲〔${year}〕第\\d+号$`));
    const ns = numbers.map((no) => Number(/第(\d+)号/.exec(no)![1])).sort((x, y) => x - y);
    expect(ns[1]).toBe(ns[0] + 1);
    await eventually(() =>
      t.sms.sent.some((m) => m.template === 'ARBITRATION_ACCEPTED' && m.params.caseNo === numbers[0]),
    );
  });
});
