import { addDays, todayInShanghai } from '../../src/calendar/local-date';
import { DeadlineReminders } from '../../src/deadlines/deadline-reminders.service';
import { DeadlinesService } from '../../src/deadlines/deadlines.service';
import { organisationId } from '../../src/reference/organisations';
import {
  applyForArbitration,
  bearer,
  fileComplaint,
  openInspection,
  openMediation,
} from '../support/case-flow';
import { startTestApp, type TestApp } from '../support/test-app';
import { createAccount } from '../support/users';

/**
 * A case's approaching statutory period reaches someone who can act on it (14.3). Before, the reminder went to the
 * case's assignees whatever their state: a mediator, inspector or arbitrator deactivated by an ADMIN (left, on leave)
 * "received" it and nobody else was told — the case could breach unnoticed. Now it goes to the assignees still active
 * staff of the case's body; with none, to that body's active staff covering the case (the committee's mediators of the
 * street, the brigade's inspectors of the street, the commission's arbitrators), never to another body's.
 */
describe('deadline reminders when the case’s assignee is no longer active', () => {
  let t: TestApp;
  let n = 0;
  const ids = new Map<string, string>();
  const employer = () => `浦东提醒停用测试公司${++n}`;

  /** Every deadline-reminder item in `user`'s inbox about `subjectRef` (read from the table: a deactivated account cannot sign in). */
  const remindersOf = async (user: string, subjectRef: string) =>
    (
      await t.dataSource.query<{ template: string }[]>(
        `SELECT template FROM notifications
          WHERE recipient_user_id = $1 AND subject_ref = $2 AND template LIKE 'CASE_DEADLINE_%'
          ORDER BY template`,
        [ids.get(user), subjectRef],
      )
    ).map((r) => r.template);

  /** An ADMIN (de)activates the account through the admin API. */
  const setActive = async (user: string, active: boolean) => {
    const r = await t
      .http()
      .patch(`/api/v1/admin/users/${ids.get(user)}`)
      .set(await bearer(t, 'admin'))
      .send({ active });
    expect(r.status).toBe(200);
  };

  /** The first running clock of a case with a due date. */
  const runningClock = async (caseType: 'MEDIATION' | 'INSPECTION' | 'ARBITRATION', id: string) => {
    const running = (
      await t.app.get(DeadlinesService).forCase(caseType, id, todayInShanghai(), t.dataSource.manager)
    ).filter((k) => k.state === 'RUNNING' && k.due);
    expect(running.length).toBeGreaterThan(0);
    return running[0];
  };

  beforeAll(async () => {
    t = await startTestApp();
    for (const username of ['mediator', 'inspector', 'arbitrator']) {
      const [row] = await t.dataSource.query<{ id: string }[]>(`SELECT id FROM users WHERE username = $1`, [
        username,
      ]);
      ids.set(username, row.id);
    }
    const accounts = [
      // Colleagues of the demo staff, in the same body and covering the same street (陆家嘴, 310115005)...
      ['mediator-2', 'MEDIATOR', '310115005', organisationId('MEDIATION_COMMITTEE', '310115005')],
      ['inspector-2', 'INSPECTOR', '310115005', organisationId('INSPECTION_BRIGADE', '310115')],
      ['arbitrator-2', 'ARBITRATOR', '310115', organisationId('ARBITRATION_COMMISSION', '310115')],
      // ...and staff who must not be told: another street's committee, the brigade's inspector of another street.
      ['mediator-zj', 'MEDIATOR', '310115125', organisationId('MEDIATION_COMMITTEE', '310115125')],
      ['inspector-zj', 'INSPECTOR', '310115125', organisationId('INSPECTION_BRIGADE', '310115')],
    ] as const;
    for (const [username, role, scope, org] of accounts)
      ids.set(
        username,
        await createAccount(t, { username, role, jurisdictions: [scope], organisationId: org }),
      );
  });
  afterAll(async () => {
    await t.close();
  });

  it('a mediation whose mediator was deactivated: handed to an active colleague of the committee, who is reminded', async () => {
    const c = await fileComplaint(t, { employerName: employer(), target: 'MEDIATION' });
    const m = await openMediation(t, 'mediator', c.id);
    expect(m.mediatorUserId).toBe(ids.get('mediator'));
    const ref = `mediation-case:${m.id}`;
    const clock = await runningClock('MEDIATION', m.id);
    const reminders = t.app.get(DeadlineReminders);

    // While active, the mediator alone is reminded (as before).
    await reminders.sweep(addDays(clock.due!, -3));
    expect(await remindersOf('mediator', ref)).toEqual(['CASE_DEADLINE_WITHIN_3_DAYS']);
    expect(await remindersOf('mediator-2', ref)).toEqual([]);

    // The deactivation hands the open case to an active mediator of the committee (staff-cases): the reminder
    // goes to that mediator as the case's own, not to the whole committee.
    await setActive('mediator', false);
    try {
      const [{ mediator_user_id: successor }] = await t.dataSource.query<{ mediator_user_id: string }[]>(
        `SELECT mediator_user_id FROM mediation_cases WHERE id = $1`,
        [m.id],
      );
      expect(successor).toBe(ids.get('mediator-2'));
      const swept = await reminders.sweep(addDays(clock.due!, -1));
      expect(swept).toMatchObject({ unassigned: 0, toBody: 0 });
      expect(await remindersOf('mediator-2', ref)).toEqual(['CASE_DEADLINE_WITHIN_1_DAY']);
      expect(await remindersOf('mediator', ref)).toEqual(['CASE_DEADLINE_WITHIN_3_DAYS']);
      expect(await remindersOf('mediator-zj', ref)).toEqual([]);
      // A replay of the same day tells nobody twice.
      await reminders.sweep(addDays(clock.due!, -1));
      expect(await remindersOf('mediator-2', ref)).toEqual(['CASE_DEADLINE_WITHIN_1_DAY']);
    } finally {
      await setActive('mediator', true);
    }
  });

  /**
   * An inspection case of 陆家嘴 opened by the demo brigade's `opener`, assigned to `assigned` (as an acceptance or
   * POST .../inspectors would): its subject and its first running clock.
   */
  const inspectionAssignedTo = async (opener: string, assigned: string[]) => {
    const c = await fileComplaint(t, { employerName: employer(), target: 'INSPECTION' });
    const id = await openInspection(t, opener, c.id);
    await t.dataSource.query(`UPDATE inspection_cases SET assigned_inspector_ids = $1 WHERE id = $2`, [
      assigned.map((u) => ids.get(u)),
      id,
    ]);
    return { ref: `inspection-case:${id}`, clock: await runningClock('INSPECTION', id) };
  };

  /** Sweeps on `day` while `user` is deactivated, then has the ADMIN reactivate them. */
  const sweepWithout = async (user: string, day: string) => {
    await setActive(user, false);
    try {
      return await t.app.get(DeadlineReminders).sweep(day);
    } finally {
      await setActive(user, true);
    }
  };

  it('an inspection case whose inspector was deactivated: the brigade’s other active inspectors of the street', async () => {
    const { ref, clock } = await inspectionAssignedTo('inspector', ['inspector']);
    await sweepWithout('inspector', addDays(clock.due!, -3));
    expect(await remindersOf('inspector-2', ref)).toEqual(['CASE_DEADLINE_WITHIN_3_DAYS']);
    expect(await remindersOf('inspector', ref)).toEqual([]);
    expect(await remindersOf('inspector-zj', ref)).toEqual([]);
  });

  it('an inspector still active is reminded alone, even with a deactivated co-inspector', async () => {
    // Opened by the colleague: a deactivation ends the account's sessions, and the test app keeps its first token.
    const { ref, clock } = await inspectionAssignedTo('inspector-2', ['inspector', 'inspector-2']);
    await sweepWithout('inspector', addDays(clock.due!, -3));
    expect(await remindersOf('inspector-2', ref)).toEqual(['CASE_DEADLINE_WITHIN_3_DAYS']);
    expect(await remindersOf('inspector', ref)).toEqual([]);
  });

  it('an arbitration whose only tribunal member was deactivated: the commission’s active arbitrators', async () => {
    const c = await fileComplaint(t, { employerName: employer(), target: 'ARBITRATION' });
    const id = await applyForArbitration(t, 'supervisor', c.id);
    await t.dataSource.query(`UPDATE arbitration_cases SET arbitrator_ids = $1 WHERE id = $2`, [
      [ids.get('arbitrator')],
      id,
    ]);
    const ref = `arbitration-case:${id}`;
    const clock = await runningClock('ARBITRATION', id);
    await sweepWithout('arbitrator', addDays(clock.due!, -1));
    expect(await remindersOf('arbitrator-2', ref)).toEqual(['CASE_DEADLINE_WITHIN_1_DAY']);
    expect(await remindersOf('arbitrator', ref)).toEqual([]);
  });
});
