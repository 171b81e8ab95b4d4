import { organisationId } from '../../src/reference/organisations';
import { CalendarService } from '../../src/calendar/calendar.service';
import { addDays, todayInShanghai } from '../../src/calendar/local-date';
import { DeadlineReminders } from '../../src/deadlines/deadline-reminders.service';
import { DeadlinesService, type ClockView } from '../../src/deadlines/deadlines.service';
import {
  applyForArbitration,
  bearer,
  fileComplaint,
  inboxAbout,
  openInspection,
  openMediation,
} from '../support/case-flow';
import { startTestApp, type TestApp } from '../support/test-app';
import { createAccount } from '../support/users';

/**
 * A routed complaint is never left unseen (COMPLAINT_TAKE_UP): routing starts 5 working days on the complaint for the
 * body to open its case; opening it stops them; while they run, the body's staff are reminded, as the street's staff
 * are of an undecided complaint's 5 working days (若干规定 第十八条).
 */
describe('a routed complaint until its case is opened', () => {
  let t: TestApp;
  let n = 0;
  const today = todayInShanghai();
  const employer = () => `浦东承接测试公司${++n}`;
  const clocks = (id: string): Promise<ClockView[]> =>
    t.app.get(DeadlinesService).forCase('COMPLAINT', id, today, t.dataSource.manager);
  const takeUp = async (id: string) => (await clocks(id)).filter((c) => c.rule.id === 'COMPLAINT_TAKE_UP');
  const about = (user: string, subjectRef: string) => inboxAbout(t, user, subjectRef);

  beforeAll(async () => {
    t = await startTestApp();
    // An inspector of the brigade covering only 张江 (not the complaints' 潍坊 street), a mediator of 张江's committee.
    await createAccount(t, {
      username: 'inspector-zj',
      role: 'INSPECTOR',
      jurisdictions: ['310115125'],
      organisationId: organisationId('INSPECTION_BRIGADE', '310115'),
    });
    await createAccount(t, {
      username: 'mediator-zj',
      role: 'MEDIATOR',
      jurisdictions: ['310115125'],
      organisationId: organisationId('MEDIATION_COMMITTEE', '310115125'),
    });
  });
  afterAll(async () => {
    await t.close();
  });

  it('routing to inspection starts 5 working days; the brigade is reminded; opening the case stops them', async () => {
    const c = await fileComplaint(t, { employerName: employer(), target: 'INSPECTION' });
    const [clock] = await takeUp(c.id);
    const cal = await t.app.get(CalendarService).calendar(t.dataSource.manager);
    expect(clock).toMatchObject({ state: 'RUNNING', start: today, due: cal.addWorkingDays(today, 5).date });
    expect(clock.rule.citation).toContain('若干规定 第十七条');

    // The worker's case file says by when the body should open the case.
    const file = await t
      .http()
      .get(`/api/v1/my/cases/${c.id}`)
      .set(await bearer(t, '13800000000'));
    expect(file.status).toBe(200);
    expect(file.body.nextDeadline).toMatchObject({ due: clock.due, state: 'RUNNING' });
    expect(file.body.nextDeadline.text).toContain('分派后立案期限（平台规则）');

    // A day before it ends, the brigade's inspectors for the street are reminded; nobody else.
    const ref = `complaint:${c.id}`;
    await t.app.get(DeadlineReminders).sweep(addDays(clock.due!, -1));
    expect(await about('inspector', ref)).toEqual(['CASE_DEADLINE_WITHIN_1_DAY', 'COMPLAINT_ROUTED_TO_BODY']);
    for (const other of ['inspector-zj', 'mediator', 'arbitrator'])
      expect(await about(other, ref)).toEqual([]);

    await openInspection(t, 'inspector', c.id);
    expect((await takeUp(c.id)).map((k) => k.state)).toEqual(['MET']);
    // Nothing more to remind of.
    await t.app.get(DeadlineReminders).sweep(addDays(clock.due!, -3));
    expect(await about('inspector', ref)).toEqual(['CASE_DEADLINE_WITHIN_1_DAY', 'COMPLAINT_ROUTED_TO_BODY']);
  });

  it('an arbitration application and an opened mediation stop it; an unopened one is breached', async () => {
    const a = await fileComplaint(t, { employerName: employer(), target: 'ARBITRATION' });
    expect((await takeUp(a.id)).map((k) => k.state)).toEqual(['RUNNING']);
    await applyForArbitration(t, 'supervisor', a.id);
    expect((await takeUp(a.id)).map((k) => k.state)).toEqual(['MET']);

    const m = await fileComplaint(t, { employerName: employer(), target: 'MEDIATION' });
    await openMediation(t, 'mediator', m.id);
    expect((await takeUp(m.id)).map((k) => k.state)).toEqual(['MET']);

    // Seen later, a routed complaint nobody opened stands breached in the due lists.
    const late = await fileComplaint(t, { employerName: employer(), target: 'MEDIATION' });
    const [clock] = await takeUp(late.id);
    const after = await t.app
      .get(DeadlinesService)
      .forCase('COMPLAINT', late.id, addDays(clock.due!, 1), t.dataSource.manager);
    expect(after.find((k) => k.rule.id === 'COMPLAINT_TAKE_UP')!.state).toBe('BREACHED');
  });

  it("the period takes no pause, restart or extension; a withdrawal with the body's consent stops it", async () => {
    const c = await fileComplaint(t, { employerName: employer(), target: 'INSPECTION' });
    const [clock] = await takeUp(c.id);
    for (const [user, event] of [
      ['inspector', { type: 'PAUSE', date: today, reason: '等待材料' }],
      ['inspector', { type: 'RESTART', date: today, reason: '重新计算' }],
      ['supervisor', { type: 'EXTEND', date: today, amount: 5, reason: '延长' }],
    ] as const) {
      const res = await t
        .http()
        .post(`/api/v1/deadlines/${clock.id}/events`)
        .set(await bearer(t, user))
        .send(event);
      expect([res.status, res.body.code]).toEqual([409, 'CLOCK_EVENT_NOT_ALLOWED']);
    }
    const withdrawn = await t
      .http()
      .post(`/api/v1/complaints/${c.id}/withdraw`)
      .set(await bearer(t, 'inspector'))
      .send({
        reason: '已与单位协商解决',
        bodyConsent: { note: '监察机构同意撤回' },
        complainantRequest: { channel: 'PHONE' },
      });
    expect(withdrawn.status).toBe(200);
    // Stopped by the withdrawal, not by the body opening a case in time: ENDED, not MET.
    expect((await takeUp(c.id)).map((k) => k.state)).toEqual(['ENDED']);
  });

  it("an undecided complaint's acceptance period reminds the street's mediators and inspectors", async () => {
    const c = await fileComplaint(t, { employerName: employer() });
    const [acceptance] = (await clocks(c.id)).filter((k) => k.rule.id === 'INSPECTION_ACCEPTANCE');
    expect(acceptance.state).toBe('RUNNING');
    const ref = `complaint:${c.id}`;
    await t.app.get(DeadlineReminders).sweep(addDays(acceptance.due!, -3));
    for (const staff of ['mediator', 'inspector'])
      expect(await about(staff, ref)).toEqual(['CASE_DEADLINE_WITHIN_3_DAYS']);
    for (const other of ['mediator-zj', 'inspector-zj', 'arbitrator'])
      expect(await about(other, ref)).toEqual([]);
  });
});
