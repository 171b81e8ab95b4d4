import { DataSource } from 'typeorm';
import { ARBITRATION_DEADLINE_RULES } from '../../src/arbitration/arbitration.deadline-rules';
import { CalendarService } from '../../src/calendar/calendar.service';
import { earliestAnchorAfter } from '../../src/calendar/deadline-engine';
import { addDays, todayInShanghai } from '../../src/calendar/local-date';
import type { WorkingCalendar } from '../../src/calendar/working-calendar';
import { EmployersService } from '../../src/reference/employers.service';
import { organisationId } from '../../src/reference/organisations';
import {
  applyForArbitration,
  arbitrationSteps,
  bearer,
  fileComplaint,
  staffInbox,
  userIdOf,
} from '../support/case-flow';
import { eventually, startTestApp, type TestApp } from '../support/test-app';
import { createAccount } from '../support/users';

interface CaseView {
  id: string;
  caseNo: string | null;
  version: number;
  hearings: { id: string; postponedAt: string | null; startsAt: string }[];
  clocks: { id: string; rule: { id: string }; start: string; due: string | null; state: string }[];
}

/**
 * 劳动争议调解仲裁法 第三十五条: the tribunal tells BOTH parties the hearing's date and place. The worker got an SMS
 * when a hearing was scheduled or moved, the employer (被申请人) nothing. Now the employer's contact phone on record
 * gets one too (through the outbox and the employer.notify job, once per hearing); with no phone on record, the
 * case's arbitrators get SMS_UNDELIVERED to serve the notice another way. The SMS is a record of a service attempt:
 * no statutory clock moves on its delivery.
 */
describe('the employer is told of an arbitration hearing', () => {
  let t: TestApp;
  let cal: WorkingCalendar;
  let arbitratorId: string;
  let n = 0;
  const today = todayInShanghai();
  /** 09:00 (Asia/Shanghai) on a working day at least `days` after the earliest day 5 working days' notice allows. */
  const hearingAt = (days: number, hh = '09:00') => {
    const earliest = earliestAnchorAfter(
      ARBITRATION_DEADLINE_RULES.ARBITRATION_HEARING_NOTICE,
      today,
      cal,
    ).date;
    return `${cal.nextWorkingDayOnOrAfter(addDays(earliest, days)).date}T${hh}:00+08:00`;
  };
  const post = async (path: string, body: Record<string, unknown>) =>
    t
      .http()
      .post(`/api/v1/arbitration/cases${path}`)
      .set(await bearer(t, 'arbitrator'))
      .send(body);

  /**
   * An accepted case with a sole arbitrator (the demo `arbitrator`), served on and answered by its employer, with
   * `contactPhone` on record.
   */
  const withTribunal = async (contactPhone?: string) => {
    const name = `浦东开庭通知公司${++n}`;
    const c = await fileComplaint(t, {
      employerName: name,
      target: 'ARBITRATION',
      body: { employer: contactPhone ? { name, contactPhone } : { name } },
    });
    const id = await applyForArbitration(t, 'mediator', c.id);
    // The application served and the defence received (v5): the answer period no longer bars a hearing (第三十条).
    const view = (await arbitrationSteps(t, id, 1, [
      ['accept', {}],
      ['tribunal', { arbitratorIds: [arbitratorId], partiesAgree: true, simplifiedExclusions: [] }],
      ['papers', { step: 'SERVICE', on: today }],
      ['papers', { step: 'DEFENCE', on: today }],
    ])) as CaseView;
    expect(view.version).toBe(5);
    return { ...view, trackingNo: c.trackingNo, employerId: c.employerId };
  };
  /** The arbitrator's SMS_UNDELIVERED items about case `id` whose text has `word` (once there are any). */
  const undelivered = (id: string, word: string) =>
    eventually(async () => {
      const found = (await staffInbox(t, 'arbitrator')).filter(
        (i) =>
          i.template === 'SMS_UNDELIVERED' &&
          i.subjectRef === `arbitration-case:${id}` &&
          i.text.includes(word),
      );
      return found.length ? found : undefined;
    });
  const sentOf = (template: string, phone: string) =>
    t.sms.sent.filter((m) => m.template === template && m.phone === phone);

  beforeAll(async () => {
    t = await startTestApp({ env: { JOB_BACKOFF_MS: '200' } });
    cal = await t.app.get(CalendarService).calendar(t.app.get(DataSource).manager);
    arbitratorId = await userIdOf(t, 'arbitrator');
    // An active arbitrator of the same commission, not on these tribunals: not told.
    await createAccount(t, {
      username: 'arbitrator-other',
      role: 'ARBITRATOR',
      jurisdictions: ['310115'],
      organisationId: organisationId('ARBITRATION_COMMISSION', '310115'),
    });
  });
  afterAll(async () => {
    await t.close();
  });

  it('a hearing scheduled: the employer’s phone gets the case number, date, time and place; the worker’s SMS is as before; once only; no clock moves', async () => {
    const c = await withTribunal('13912340001');
    const startsAt = hearingAt(0);
    const res = await post(`/${c.id}/hearings`, { version: 5, room: '第一仲裁庭', startsAt });
    expect(res.status).toBe(200);
    const scheduled = res.body as CaseView;
    const [toEmployer] = await eventually(() => {
      const found = sentOf('ARBITRATION_HEARING_SCHEDULED_EMPLOYER', '13912340001');
      return found.length ? found : undefined;
    });
    const when = `${startsAt.slice(0, 10)} 09:00`;
    expect(c.caseNo).toEqual(expect.any(String));
    expect(toEmployer.text).toBe(
      `贵单位（被申请人）的劳动争议仲裁案件（案号${c.caseNo}）定于${when}在第一仲裁庭开庭，请准时到庭。开庭时间、地点以仲裁委员会书面开庭通知为准。`,
    );
    // The worker's SMS names the commission's case number too, and the same caveat (the tracking number kept).
    const [toWorker] = await eventually(() => {
      const found = sentOf('ARBITRATION_HEARING_SCHEDULED', '13800000000').filter((m) =>
        m.text.includes(c.trackingNo),
      );
      return found.length ? found : undefined;
    });
    expect(toWorker.text).toBe(
      `您的仲裁案件（案号${c.caseNo}，投诉编号${c.trackingNo}）定于${when}在第一仲裁庭开庭，请准时到庭。开庭时间、地点以仲裁委员会书面开庭通知为准。`,
    );
    // Beside the tribunal's composition (第三十二条), told when it was formed: one hearing notice.
    expect(
      t.sms.sent.filter(
        (m) => m.phone === '13912340001' && m.template !== 'ARBITRATION_TRIBUNAL_FORMED_EMPLOYER',
      ),
    ).toHaveLength(1);
    // Filed under the arbitration case; a replay of the job (same dedup key) sends nothing more.
    const [row] = await t.dataSource.query<{ dedup_key: string; subject_ref: string; status: string }[]>(
      `SELECT dedup_key, subject_ref, status FROM notifications WHERE template = 'ARBITRATION_HEARING_SCHEDULED_EMPLOYER' AND subject_ref = $1`,
      [`arbitration-case:${c.id}`],
    );
    expect(row).toMatchObject({ status: 'SENT' });
    expect(row.dedup_key).toContain(scheduled.hearings[0].id);
    await t.app.get(EmployersService).notify({
      employerId: c.employerId,
      template: 'ARBITRATION_HEARING_SCHEDULED_EMPLOYER',
      dedupKey: row.dedup_key,
      params: { caseNo: c.caseNo!, startsAt, room: '第一仲裁庭' },
      subjectRef: row.subject_ref,
    });
    expect(sentOf('ARBITRATION_HEARING_SCHEDULED_EMPLOYER', '13912340001')).toHaveLength(1);
    // A record of a service attempt, not proof of service: the case's clocks are those the scheduling left.
    const after = await t
      .http()
      .get(`/api/v1/arbitration/cases/${c.id}`)
      .set(await bearer(t, 'arbitrator'));
    expect(after.body.clocks).toEqual(scheduled.clocks);
  });

  it('a hearing moved (延期): the employer is told the new date, time and place', async () => {
    const c = await withTribunal('13912340002');
    const first = await post(`/${c.id}/hearings`, {
      version: 5,
      room: '第二仲裁庭',
      startsAt: hearingAt(3),
    });
    expect(first.status).toBe(200);
    const old = (first.body as CaseView).hearings[0];
    const startsAt = hearingAt(10, '14:00');
    const moved = await post(`/${c.id}/hearings/${old.id}/postpone`, {
      version: 6,
      requestedOn: today,
      reason: '被申请人代理人因病住院',
      room: '第三仲裁庭',
      startsAt,
    });
    expect(moved.status).toBe(200);
    const [toEmployer] = await eventually(() => {
      const found = sentOf('ARBITRATION_HEARING_POSTPONED_EMPLOYER', '13912340002');
      return found.length ? found : undefined;
    });
    expect(toEmployer.text).toBe(
      `贵单位（被申请人）的劳动争议仲裁案件（案号${c.caseNo}）开庭改期至${startsAt.slice(0, 10)} 14:00，地点：第三仲裁庭。开庭时间、地点以仲裁委员会书面开庭通知为准。`,
    );
    // The first notice was sent too, once; the worker told of the move as before.
    expect(sentOf('ARBITRATION_HEARING_SCHEDULED_EMPLOYER', '13912340002')).toHaveLength(1);
    await eventually(() =>
      sentOf('ARBITRATION_HEARING_POSTPONED', '13800000000').some(
        (m) =>
          m.text ===
          `您的仲裁案件（案号${c.caseNo}，投诉编号${c.trackingNo}）开庭改期至${startsAt.slice(0, 10)} 14:00，地点：第三仲裁庭。开庭时间、地点以仲裁委员会书面开庭通知为准。`,
      ),
    );
  });

  it('an employer with no phone on record: the case’s arbitrator is told to serve the notice another way, nobody else', async () => {
    const c = await withTribunal();
    const startsAt = hearingAt(6);
    const res = await post(`/${c.id}/hearings`, { version: 5, room: '第四仲裁庭', startsAt });
    expect(res.status).toBe(200);
    const [item] = await undelivered(c.id, '开庭');
    expect(item.text).toBe(
      `短信未送达（无手机号码），请电话或当面告知当事人：贵单位（被申请人）的劳动争议仲裁案件（案号${c.caseNo}）定于${startsAt.slice(0, 10)} 09:00在第四仲裁庭开庭，请准时到庭。开庭时间、地点以仲裁委员会书面开庭通知为准。`,
    );
    expect(item.link).toBe(`/api/v1/arbitration/cases/${c.id}`);
    expect((await staffInbox(t, 'arbitrator-other')).filter((i) => i.template === 'SMS_UNDELIVERED')).toEqual(
      [],
    );
    // Nothing to the employer (the worker's own SMS name the case number too).
    expect(t.sms.sent.filter((m) => m.phone !== '13800000000' && m.text.includes(`案号${c.caseNo}`))).toEqual(
      [],
    );
  });
  it('the tribunal formed and a member replaced: the employer is told the composition as the worker is (第三十二条), once each; no phone: the arbitrator serves it', async () => {
    const c = await withTribunal('13912340004');
    const [formed] = await eventually(() => {
      const found = sentOf('ARBITRATION_TRIBUNAL_FORMED_EMPLOYER', '13912340004');
      return found.length ? found : undefined;
    });
    expect(formed.text).toBe(
      `贵单位（被申请人）的劳动争议仲裁案件（案号${c.caseNo}）已组成仲裁庭（独任仲裁员）。`,
    );
    const otherId = await userIdOf(t, 'arbitrator-other');
    const replaced = await post(`/${c.id}/tribunal/replacements`, {
      version: 5,
      reason: 'UNABLE_TO_ACT',
      leavingArbitratorId: arbitratorId,
      incomingArbitratorId: otherId,
    });
    expect(replaced.status).toBe(200);
    const [changed] = await eventually(() => {
      const found = sentOf('ARBITRATION_TRIBUNAL_CHANGED_EMPLOYER', '13912340004');
      return found.length ? found : undefined;
    });
    expect(changed.text).toBe(
      `贵单位（被申请人）的劳动争议仲裁案件（案号${c.caseNo}）仲裁庭组成人员已变更（独任仲裁员）。仲裁员有应当回避情形的，贵单位可以口头或者书面申请其回避。`,
    );
    // The worker is told as before; each notice once, filed under the case.
    await eventually(() =>
      sentOf('ARBITRATION_TRIBUNAL_CHANGED', '13800000000').some((m) => m.text.includes(c.trackingNo)),
    );
    expect(sentOf('ARBITRATION_TRIBUNAL_FORMED_EMPLOYER', '13912340004')).toHaveLength(1);
    expect(sentOf('ARBITRATION_TRIBUNAL_CHANGED_EMPLOYER', '13912340004')).toHaveLength(1);
    const rows = await t.dataSource.query<{ template: string }[]>(
      `SELECT template FROM notifications WHERE subject_ref = $1 AND template LIKE 'ARBITRATION_TRIBUNAL_%' ORDER BY template`,
      [`arbitration-case:${c.id}`],
    );
    expect(rows.map((r) => r.template)).toEqual([
      'ARBITRATION_TRIBUNAL_CHANGED_EMPLOYER',
      'ARBITRATION_TRIBUNAL_FORMED_EMPLOYER',
    ]);

    const none = await withTribunal();
    const [item] = await undelivered(none.id, '组成仲裁庭');
    expect(item.text).toBe(
      `短信未送达（无手机号码），请电话或当面告知当事人：贵单位（被申请人）的劳动争议仲裁案件（案号${none.caseNo}）已组成仲裁庭（独任仲裁员）。`,
    );
  });
});
