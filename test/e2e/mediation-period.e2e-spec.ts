import { organisationId } from '../../src/reference/organisations';
import { hashPassword } from '../../src/auth/passwords';
import { PROVISIONAL_NOTE } from '../../src/case-file/plain-deadline';
import { CalendarService } from '../../src/calendar/calendar.service';
import { addDays } from '../../src/calendar/local-date';
import { newId } from '../../src/common/ids';
import { MediationSweepService } from '../../src/mediation/mediation-sweep.service';
import { complaintBody, DEMO_PASSWORD, eventually, startTestApp, type TestApp } from '../support/test-app';

interface CaseView {
  id: string;
  complaintId: string;
  status: string;
  version: number;
  deadline: { due: string; state: string } | null;
}

/** 14.1: sessions within the mediation period, or after an extension agreed by both parties. */
describe('mediation period gate', () => {
  let t: TestApp;
  const auth = async (user: string) => ({ authorization: `Bearer ${await t.token(user)}` });
  let n = 0;

  /** `routedDaysAgo`: the committee received the complaint that many days before a mediator opens the case. */
  const openCase = async (routedDaysAgo = 0): Promise<CaseView> => {
    n++;
    const filed = await t
      .http()
      .post('/api/v1/complaints')
      .set(await auth('13800000000'))
      .send(complaintBody({ employer: { name: `浦东调解期限测试公司${n}` } }));
    expect(filed.status).toBe(201);
    for (const [path, body] of [
      ['accept', {}],
      ['route', { target: 'MEDIATION' }],
    ] as const) {
      const r = await t
        .http()
        .post(`/api/v1/complaints/${filed.body.id}/${path}`)
        .set(await auth('mediator'))
        .send(body);
      expect(r.status).toBe(200);
    }
    if (routedDaysAgo)
      await t.dataSource.query(
        `UPDATE complaints SET routed_at = routed_at - $2::int * interval '1 day' WHERE id = $1`,
        [filed.body.id, routedDaysAgo],
      );
    const opened = await t
      .http()
      .post('/api/v1/mediation/cases')
      .set(await auth('mediator'))
      .send({ complaintId: filed.body.id });
    expect(opened.status).toBe(201);
    return opened.body as CaseView;
  };
  const session = async (m: CaseView, on: string) =>
    t
      .http()
      .post(`/api/v1/mediation/cases/${m.id}/sessions`)
      .set(await auth('mediator'))
      // The day is the period's (perhaps a rest day): the override keeps the working-hours gate out of these tests.
      .send({
        version: m.version,
        startsAt: `${on}T10:00:00+08:00`,
        place: '陆家嘴街道调解室',
        override: { reason: '当事人同意此日调解' },
      });
  const extend = async (m: CaseView, body: Record<string, unknown>) =>
    t
      .http()
      .post(`/api/v1/mediation/cases/${m.id}/extension`)
      .set(await auth('mediator'))
      .send({ version: m.version, ...body });
  const timeline = async (complaintId: string) =>
    t.dataSource.query<{ action: string; data: Record<string, unknown> }[]>(
      `SELECT action, data FROM case_events WHERE case_type = 'COMPLAINT' AND case_id = $1 ORDER BY occurred_at, id`,
      [complaintId],
    );

  beforeAll(async () => {
    t = await startTestApp();
    await t.dataSource.query(
      `INSERT INTO users (id, username, password_hash, role, organisation_id, jurisdiction_codes, display_name)
       VALUES ($1, 'mediator-zj', $2, 'MEDIATOR', $3, '{310115125}', '张江调解员')`,
      [newId(), await hashPassword(DEMO_PASSWORD), organisationId('MEDIATION_COMMITTEE', '310115125')],
    );
  });
  afterAll(async () => {
    await t.close();
  });

  it('refuses a session after the period with the rule and the allowed actions, accepts one on its last day', async () => {
    const m = await openCase();
    const due = m.deadline!.due;
    const late = await session(m, addDays(due, 1));
    expect(late.status).toBe(409);
    expect(late.body).toMatchObject({
      code: 'MEDIATION_PERIOD_OVER',
      details: {
        status: 'OPEN',
        action: 'SCHEDULE_SESSION',
        periodDue: due,
        sessionOn: addDays(due, 1),
        allowed: ['EXTEND_PERIOD', 'AGREE', 'FAIL', 'WITHDRAW'],
      },
    });
    expect(late.body.details.rule).toContain('第十四条');
    // The period has not ended: the session's date falls after it (the message said the period had expired).
    expect(late.body.message).toBe('调解会议日期晚于调解期限：须先登记双方同意的延长');
    // Nothing was written: the version is unchanged and the last day is fine.
    const onTime = await session(m, due);
    expect(onTime.status).toBe(201);
    expect(onTime.body.version).toBe(m.version + 1);
  });

  it('needs both parties to agree to an extension; after one, the later session is accepted and the case expires later', async () => {
    const m = await openCase();
    const due = m.deadline!.due;
    const oneSided = await extend(m, { days: 10, workerAgreed: true, employerAgreed: false });
    expect(oneSided.status).toBe(400);
    expect(oneSided.body.code).toBe('VALIDATION_FAILED');
    expect(oneSided.body.details.map((d: { field: string }) => d.field)).toEqual(['employerAgreed']);
    const tooLong = await extend(m, { days: 16, workerAgreed: true, employerAgreed: true });
    expect(tooLong.status).toBe(400);

    const extended = await extend(m, {
      days: 10,
      workerAgreed: true,
      employerAgreed: true,
      note: '双方同意再调解一次',
    });
    expect(extended.status).toBe(200);
    const newDue = (extended.body as CaseView).deadline!.due;
    // Ten more days after the period's last calendar day, then the next working day (民法典 第二百零三条). The old
    // `due` may itself have been moved over the rest days just before it, so count from before them.
    const cal = await t.app.get(CalendarService).calendar(t.dataSource.manager);
    let movedOver = 0;
    while (!cal.isWorkingDay(addDays(due, -movedOver - 1)).working) movedOver++;
    expect(newDue >= addDays(due, 10 - movedOver)).toBe(true);
    expect(cal.isWorkingDay(newDue).working).toBe(true);
    expect(
      (await timeline(m.complaintId)).find((e) => e.action === 'MEDIATION_PERIOD_EXTENDED')?.data,
    ).toMatchObject({
      mediationCaseId: m.id,
      days: 10,
      previousDue: due,
      due: newDue,
      workerAgreed: true,
      employerAgreed: true,
    });
    const stale = await session(m, addDays(due, 1));
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('STALE_VERSION');
    const later = await session(extended.body as CaseView, addDays(due, 1));
    expect(later.status).toBe(201);
    const pastExtension = await session(later.body as CaseView, addDays(newDue, 1));
    expect(pastExtension.body.code).toBe('MEDIATION_PERIOD_OVER');

    // The daily sweep follows the extended period.
    const sweep = t.app.get(MediationSweepService);
    await sweep.sweep(addDays(due, 1));
    expect(
      (await t.dataSource.query(`SELECT status FROM mediation_cases WHERE id = $1`, [m.id]))[0].status,
    ).toBe('OPEN');
    await sweep.sweep(addDays(newDue, 1));
    expect(
      (await t.dataSource.query(`SELECT status FROM mediation_cases WHERE id = $1`, [m.id]))[0].status,
    ).toBe('EXPIRED');
    const closed = await extend(
      {
        ...m,
        version: (await t.dataSource.query(`SELECT version FROM mediation_cases WHERE id = $1`, [m.id]))[0]
          .version,
      },
      { days: 5, workerAgreed: true, employerAgreed: true },
    );
    expect(closed.status).toBe(409);
    expect(closed.body).toMatchObject({
      code: 'ILLEGAL_TRANSITION',
      details: { status: 'EXPIRED', allowed: [] },
    });
  });

  it("after an agreed extension the worker's file names the extended last day, not 15 days, and the worker is texted it once", async () => {
    const m = await openCase();
    const extended = await extend(m, { days: 10, workerAgreed: true, employerAgreed: true });
    expect(extended.status).toBe(200);
    const newDue = (extended.body as CaseView).deadline!.due;
    const mine = await t
      .http()
      .get(`/api/v1/my/cases/${m.complaintId}`)
      .set(await auth('13800000000'));
    expect(mine.status).toBe(200);
    expect(mine.body.nextDeadline.due).toBe(newDue);
    // The text must not contradict the deadline: no fixed 15 days once the period was extended.
    expect(mine.body.nextStep.text).not.toContain('15日');
    expect(mine.body.nextStep.text).toContain(`延长至${newDue}`);
    const [{ tracking_no: trackingNo }] = await t.dataSource.query<{ tracking_no: string }[]>(
      `SELECT tracking_no FROM complaints WHERE id = $1`,
      [m.complaintId],
    );
    const told = () =>
      t.sms.sent.filter(
        (s) => s.template.startsWith('MEDIATION_PERIOD_EXTENDED') && s.params.trackingNo === trackingNo,
      );
    await eventually(() => told().length > 0);
    expect(told()[0].params.due).toBe(newDue);
    expect(told()[0].text).toContain(`调解期限延长至${newDue}`);
    // Counted through a year whose holiday schedule is not loaded, the date is provisional in the text as in the file.
    const shown = (mine.body.deadlines as { due: string; provisional: boolean; text: string }[]).find(
      (d) => d.due === newDue,
    )!;
    expect(told()[0].text.includes(PROVISIONAL_NOTE)).toBe(shown.text.includes(PROVISIONAL_NOTE));
    expect(told()[0].template).toBe(
      shown.provisional ? 'MEDIATION_PERIOD_EXTENDED_PROVISIONAL' : 'MEDIATION_PERIOD_EXTENDED',
    );
    // A second extension is told too, with its own last day; each once.
    const again = await extend(extended.body as CaseView, {
      days: 5,
      workerAgreed: true,
      employerAgreed: true,
    });
    expect(again.status).toBe(200);
    const lastDue = (again.body as CaseView).deadline!.due;
    await eventually(() => told().length >= 2);
    expect(told().map((s) => s.params.due)).toEqual([newDue, lastDue]);
  });

  it('runs from the day the committee received the complaint (routed), not the day the case is opened', async () => {
    const m = await openCase(4);
    const [{ routed_on: routedOn, opened_on: openedOn }] = await t.dataSource.query<
      { routed_on: string; opened_on: string }[]
    >(
      `SELECT to_char(c.routed_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD') AS routed_on,
              to_char(m.opened_on, 'YYYY-MM-DD') AS opened_on
         FROM mediation_cases m JOIN complaints c ON c.id = m.complaint_id WHERE m.id = $1`,
      [m.id],
    );
    expect(routedOn).toBe(addDays(openedOn, -4));
    // 调解仲裁法 第十四条第三款: 15 days from the receipt, then the next working day if that one is not.
    const cal = await t.app.get(CalendarService).calendar(t.dataSource.manager);
    expect(m.deadline!.due).toBe(cal.nextWorkingDayOnOrAfter(addDays(routedOn, 15)).date);
    const [{ start }] = await t.dataSource.query<{ start: string }[]>(
      `SELECT to_char(start_date, 'YYYY-MM-DD') AS start FROM clocks WHERE case_id = $1 AND rule_id = 'MEDIATION'`,
      [m.id],
    );
    expect(start).toBe(routedOn);
    // The supervisors' "within 15 days" counts from the same day (mediation_kpi_source → the KPI read model).
    const kpiStart = async () =>
      (
        await t.dataSource.query<{ s: string }[]>(
          `SELECT to_char(started_on, 'YYYY-MM-DD') AS s FROM sla_case_facts WHERE case_type = 'MEDIATION' AND case_id = $1`,
          [m.id],
        )
      )[0]?.s;
    await eventually(async () => (await kpiStart()) === routedOn);
  });

  it("an extension beyond the cap in all is refused on the field sent (days), not on the clock engine's own", async () => {
    const m = await openCase();
    const first = await extend(m, { days: 15, workerAgreed: true, employerAgreed: true });
    expect(first.status).toBe(200);
    const second = await extend(first.body as CaseView, {
      days: 5,
      workerAgreed: true,
      employerAgreed: true,
    });
    expect(second.status).toBe(400);
    expect((second.body.details as { field: string }[]).map((d) => d.field)).toEqual(['days']);
  });

  it('is refused to a mediator of another street as if the case did not exist, and to the worker', async () => {
    const m = await openCase();
    const body = { version: m.version, days: 5, workerAgreed: true, employerAgreed: true };
    const other = await t
      .http()
      .post(`/api/v1/mediation/cases/${m.id}/extension`)
      .set(await auth('mediator-zj'))
      .send(body);
    expect([other.status, other.body.code]).toEqual([404, 'MEDIATION_CASE_NOT_FOUND']);
    const worker = await t
      .http()
      .post(`/api/v1/mediation/cases/${m.id}/extension`)
      .set(await auth('13800000000'))
      .send(body);
    expect(worker.status).toBe(403);
  });
});
