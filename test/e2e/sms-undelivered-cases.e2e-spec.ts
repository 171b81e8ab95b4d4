import { addDays, todayInShanghai } from '../../src/calendar/local-date';
import { MediationSweepService } from '../../src/mediation/mediation-sweep.service';
import { NotificationsService } from '../../src/notifications/notifications.service';
import { EmployersService } from '../../src/reference/employers.service';
import { organisationId } from '../../src/reference/organisations';
import {
  applyForArbitration,
  bearer,
  fileComplaint,
  openInspection,
  openMediation,
  staffInbox,
} from '../support/case-flow';
import { workingSlot } from '../support/session-slot';
import { refuseForGood } from '../support/sms-refusals';
import { eventually, startTestApp, type TestApp } from '../support/test-app';
import { createAccount } from '../support/users';

/**
 * Undeliverable SMS about proceedings. An SMS to the employer about a mediation agreement's instalments (due soon,
 * overdue) that can never be delivered — no contact number on file, the provider refusing the number for good —
 * reaches the staff in charge of the mediation case: its mediator, or, when it has no active one, the committee's
 * mediators covering the street. Before, the message was filed under the employer (employer:<id>), of which nobody is
 * in charge: only a log line. A party SMS about a mediation, arbitration or inspection case refused for good reaches
 * that body's staff (filed under the complaint).
 */
describe('an undelivered SMS about a proceeding reaches its staff', () => {
  let t: TestApp;
  let n = 0;
  let refused: Set<string>;
  const committee = organisationId('MEDIATION_COMMITTEE', '310115005');
  const username = new Map<string, string>();
  const today = todayInShanghai();

  const undeliveredOf = async (user: string, subjectRef: string) =>
    (await staffInbox(t, user)).filter(
      (i) => i.template === 'SMS_UNDELIVERED' && i.subjectRef === subjectRef,
    );

  /** A mediation closed with an agreement of one instalment due in 10 days; its employer has `contactPhone`. */
  const agreed = async (contactPhone?: string) => {
    const name = `浦东未送达调解公司${++n}`;
    const c = await fileComplaint(t, {
      employerName: name,
      target: 'MEDIATION',
      body: { employer: contactPhone ? { name, contactPhone } : { name } },
    });
    const m = await openMediation(t, 'mediator', c.id);
    const dueOn = addDays(today, 10);
    const closed = await t
      .http()
      .post(`/api/v1/mediation/cases/${m.id}/close`)
      .set(await bearer(t, username.get(m.mediatorUserId!)!))
      .send({
        version: m.version,
        outcome: 'AGREEMENT',
        agreement: {
          claims: [{ description: '拖欠工资', amountFen: 300_000 }],
          instalments: [{ dueOn, amountFen: 300_000 }],
        },
      });
    expect(closed.status).toBe(200);
    return { ...m, complaintId: c.id, dueOn };
  };

  beforeAll(async () => {
    t = await startTestApp({ env: { JOB_BACKOFF_MS: '200' } });
    const [demo] = await t.dataSource.query<{ id: string }[]>(
      `SELECT id FROM users WHERE username = 'mediator'`,
    );
    username.set(demo.id, 'mediator');
    username.set(
      await createAccount(t, {
        username: 'mediator-2',
        role: 'MEDIATOR',
        jurisdictions: ['310115005'],
        organisationId: committee,
      }),
      'mediator-2',
    );
    await createAccount(t, {
      username: 'mediator-zj',
      role: 'MEDIATOR',
      jurisdictions: ['310115125'],
      organisationId: organisationId('MEDIATION_COMMITTEE', '310115125'),
    });
    refused = refuseForGood(t);
  });
  afterAll(async () => {
    await t.close();
  });

  it('an employer with no contact number: the case’s mediator is told of each reminder, not the others', async () => {
    const m = await agreed();
    const sweeps = t.app.get(MediationSweepService);
    await sweeps.sweep(addDays(m.dueOn, -2));
    await sweeps.sweep(addDays(m.dueOn, 1));
    const mediator = username.get(m.mediatorUserId!)!;
    const items = await eventually(async () => {
      const found = await undeliveredOf(mediator, `mediation-case:${m.id}`);
      return found.length === 2 ? found : undefined;
    });
    const told = '短信未送达（无手机号码），请电话或当面告知当事人：贵单位调解协议第1期款项应于';
    expect(items.map((i) => i.text).sort()).toEqual(
      [`${told}${m.dueOn}支付，请按时履行。`, `${told}${m.dueOn}支付，现已逾期，请尽快履行。`].sort(),
    );
    expect(items[0].link).toBe(`/api/v1/mediation/cases/${m.id}`);
    for (const other of ['mediator-2', 'mediator-zj', 'mediator', 'supervisor', 'inspector', 'arbitrator'])
      if (other !== mediator)
        expect((await staffInbox(t, other)).filter((i) => i.template === 'SMS_UNDELIVERED')).toEqual([]);
  });

  it('a refused number, the case’s mediator no longer active: the committee’s active mediators of the street', async () => {
    refused.add('MEDIATION_INSTALMENT_DUE_SOON');
    const m = await agreed('13712340001');
    const gone = username.get(m.mediatorUserId!)!;
    const colleague = gone === 'mediator' ? 'mediator-2' : 'mediator';
    await t.dataSource.query(`UPDATE users SET active = false WHERE id = $1`, [m.mediatorUserId]);
    await t.app.get(MediationSweepService).sweep(addDays(m.dueOn, -2));
    const [item] = await eventually(async () => {
      const found = await undeliveredOf(colleague, `mediation-case:${m.id}`);
      return found.length ? found : undefined;
    });
    expect(item.text).toBe(
      `短信未送达（号码无效或被短信平台拒收），请电话或当面告知当事人：贵单位调解协议第1期款项应于${m.dueOn}支付，请按时履行。`,
    );
    await t.dataSource.query(`UPDATE users SET active = true WHERE id = $1`, [m.mediatorUserId]);
    expect(await undeliveredOf(gone, `mediation-case:${m.id}`)).toEqual([]);
    expect(await undeliveredOf('mediator-zj', `mediation-case:${m.id}`)).toEqual([]);
  });

  /**
   * A party SMS about a proceeding goes to the complainant and is filed under the complaint (its worker's case file
   * links it): the staff told are those of the body it was routed to (complaint-take-up.ts), not another body's.
   */
  const partyRefused = async (
    template: string,
    target: 'MEDIATION' | 'ARBITRATION' | 'INSPECTION',
    proceed: (complaintId: string) => Promise<void>,
  ) => {
    refused.add(template);
    const c = await fileComplaint(t, { employerName: `浦东未送达当事人公司${++n}`, target });
    await proceed(c.id);
    return c.id;
  };
  const toldOf = (user: string, complaintId: string) =>
    eventually(async () => {
      const found = await undeliveredOf(user, `complaint:${complaintId}`);
      return found.length ? found : undefined;
    });

  it('a party SMS refused for good about a mediation, arbitration or inspection case: that body’s staff, not another’s', async () => {
    const ok = async (user: string, path: string, body: object, status = 200) => {
      const r = await t
        .http()
        .post(`/api/v1/${path}`)
        .set(await bearer(t, user))
        .send(body);
      expect(r.status).toBe(status);
    };
    const arbitration = await partyRefused('ARBITRATION_ACCEPTED', 'ARBITRATION', async (id) =>
      ok('arbitrator', `arbitration/cases/${await applyForArbitration(t, 'arbitrator', id)}/accept`, {
        version: 1,
      }),
    );
    const inspection = await partyRefused('INSPECTION_ACCEPTED', 'INSPECTION', async (id) =>
      ok('inspector', `inspection/cases/${await openInspection(t, 'inspector', id)}/decision`, {
        version: 1,
        violationEndedOn: null,
      }),
    );
    expect((await toldOf('arbitrator', arbitration))[0].text).toMatch(
      /^短信未送达（号码无效或被短信平台拒收）/,
    );
    expect((await toldOf('inspector', inspection))[0].text).toMatch(
      /^短信未送达（号码无效或被短信平台拒收）/,
    );
    for (const user of ['mediator', 'mediator-2', 'inspector'])
      expect(await undeliveredOf(user, `complaint:${arbitration}`)).toEqual([]);
    for (const user of ['mediator', 'mediator-2', 'arbitrator'])
      expect(await undeliveredOf(user, `complaint:${inspection}`)).toEqual([]);
    // The committee's mediators covering the street, the designated one among them; not another street's.
    const mediation = await partyRefused('MEDIATION_SESSION_SCHEDULED', 'MEDIATION', async (id) => {
      const m = await openMediation(t, 'mediator', id);
      const session = {
        version: m.version,
        place: '潍坊街道调解室',
        startsAt: workingSlot(1),
      };
      await ok(username.get(m.mediatorUserId!)!, `mediation/cases/${m.id}/sessions`, session, 201);
    });
    await toldOf('mediator', mediation);
    await toldOf('mediator-2', mediation);
    for (const user of ['mediator-zj', 'arbitrator', 'inspector'])
      expect(await undeliveredOf(user, `complaint:${mediation}`)).toEqual([]);
  });

  it('a job queued before the case was carried is still sent, filed under the employer', async () => {
    const c = await fileComplaint(t, { employerName: `浦东未送达调解公司${++n}` });
    await t.app.get(EmployersService).notify({
      employerId: c.employerId,
      template: 'MEDIATION_INSTALMENT_DUE_SOON',
      dedupKey: `old-job:${c.employerId}`,
      params: { seq: '1', dueOn: today },
    });
    const rows = await t.app.get(NotificationsService).forSubject(`employer:${c.employerId}`);
    expect(rows.map((r) => [r.template, r.status])).toEqual([['MEDIATION_INSTALMENT_DUE_SOON', 'FAILED']]);
  });
});
