import { CalendarService } from '../../src/calendar/calendar.service';
import { DeadlinesService } from '../../src/deadlines/deadlines.service';
import { organisationId } from '../../src/reference/organisations';
import { hashPassword } from '../../src/auth/passwords';
import { addDays, todayInShanghai } from '../../src/calendar/local-date';
import { newId } from '../../src/common/ids';
import { MediationService } from '../../src/mediation/mediation.service';
import { MediationSweepService } from '../../src/mediation/mediation-sweep.service';
import { complaintBody, eventually, startTestApp, type TestApp } from '../support/test-app';
import { workingSlot } from '../support/session-slot';

interface CaseView {
  id: string;
  complaintId: string;
  mediatorUserId: string | null;
  status: string;
  version: number;
  openedOn: string;
  deadline: { due: string; state: string } | null;
  sessions: { startsAt: string; place: string | null; cancelledAt?: string | null }[];
  agreement: {
    status: string;
    totalFen: number;
    instalments: {
      id: string;
      seq: number;
      dueOn: string;
      amountFen: number;
      status: string;
      paidOn: string | null;
    }[];
  } | null;
}

describe('mediation', () => {
  let t: TestApp;
  let service: MediationService;
  let sweeper: MediationSweepService;
  const today = todayInShanghai();
  const auth = async (user: string, password?: string) => ({
    authorization: `Bearer ${await t.token(user, password)}`,
  });
  let n = 0;

  /** Files a complaint (fresh employer), accepts it and routes it to mediation; returns its id and tracking no. */
  const routedComplaint = async () => {
    n++;
    const filed = await t
      .http()
      .post('/api/v1/complaints')
      .set(await auth('13800000000'))
      .send(complaintBody({ employer: { name: `浦东调解测试公司${n}` } }));
    expect(filed.status).toBe(201);
    const id = filed.body.id as string;
    const accepted = await t
      .http()
      .post(`/api/v1/complaints/${id}/accept`)
      .set(await auth('mediator'))
      .send({});
    expect(accepted.status).toBe(200);
    const routed = await t
      .http()
      .post(`/api/v1/complaints/${id}/route`)
      .set(await auth('mediator'))
      .send({ target: 'MEDIATION' });
    expect(routed.status).toBe(200);
    return { id, trackingNo: filed.body.trackingNo as string, employerId: filed.body.employer.id as string };
  };
  const openCase = async (complaintId: string, user = 'mediator') => {
    const res = await t
      .http()
      .post('/api/v1/mediation/cases')
      .set(await auth(user))
      .send({ complaintId });
    expect(res.status).toBe(201);
    return res.body as CaseView;
  };
  const getCase = async (id: string, user = 'mediator') =>
    (
      await t
        .http()
        .get(`/api/v1/mediation/cases/${id}`)
        .set(await auth(user))
    ).body as CaseView;
  const close = async (id: string, body: Record<string, unknown>, user = 'mediator') =>
    t
      .http()
      .post(`/api/v1/mediation/cases/${id}/close`)
      .set(await auth(user))
      .send(body);
  const agreement = (dueOn: string[] = [today, addDays(today, 30)]) => ({
    claims: [
      { description: '拖欠工资', amountFen: 1_000_000 },
      { description: '经济补偿', amountFen: 250_000 },
    ],
    instalments: [
      { dueOn: dueOn[0], amountFen: 600_000 },
      { dueOn: dueOn[1], amountFen: 650_000 },
    ],
  });
  const smsFor = (trackingNo: string, template: string) =>
    t.sms.sent.find((m) => m.template === template && m.params.trackingNo === trackingNo);
  /** Schedules a session on a working day `days` or more from now, in the hours (the case at `version`); returns its startsAt. */
  const scheduleIn = async (id: string, version: number, days: number) => {
    const startsAt = workingSlot(days);
    const res = await t
      .http()
      .post(`/api/v1/mediation/cases/${id}/sessions`)
      .set(await auth('mediator'))
      .send({ version, startsAt, place: '陆家嘴街道人民调解委员会 202室' });
    expect(res.status).toBe(201);
    return startsAt;
  };
  /** The worker is told the session at `startsAt` will not take place, once. */
  const toldCancelled = async (trackingNo: string, startsAt: string) => {
    const told = () =>
      t.sms.sent.filter(
        (m) =>
          m.template === 'MEDIATION_SESSION_CANCELLED' &&
          m.params.trackingNo === trackingNo &&
          m.params.startsAt === startsAt,
      );
    await eventually(() => told().length > 0);
    expect(told()).toHaveLength(1);
    expect(told()[0].text).toContain(`原定于${renderedAt(startsAt)}的调解取消`);
  };
  /** An instant as the SMS writes it (Asia/Shanghai, YYYY-MM-DD HH:mm). */
  const renderedAt = (iso: string) =>
    new Date(new Date(iso).getTime() + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');

  beforeAll(async () => {
    t = await startTestApp();
    service = t.app.get(MediationService);
    sweeper = t.app.get(MediationSweepService);
    // A mediator of another street (张江镇 310115125).
    await t.dataSource.query(
      `INSERT INTO users (id, username, password_hash, role, organisation_id, jurisdiction_codes, display_name)
       VALUES ($1, 'mediator-zj', $2, 'MEDIATOR', $3, '{310115125}', '张江调解员')`,
      [newId(), await hashPassword('other-password-1'), organisationId('MEDIATION_COMMITTEE', '310115125')],
    );
  });
  afterAll(async () => {
    await t.close();
  });

  it('takes a complaint through mediation to an agreement whose instalments are paid', async () => {
    const c = await routedComplaint();
    const m = await openCase(c.id);
    const [{ id: mediatorId }] = await t.dataSource.query<{ id: string }[]>(
      `SELECT id FROM users WHERE username = 'mediator'`,
    );
    expect(m).toMatchObject({
      complaintId: c.id,
      status: 'OPEN',
      version: 1,
      openedOn: today,
      organisationId: organisationId('MEDIATION_COMMITTEE', '310115005'),
      mediatorUserId: mediatorId,
      mediator: {
        id: mediatorId,
        displayName: '调解员',
        role: 'MEDIATOR',
        organisation: {
          id: organisationId('MEDIATION_COMMITTEE', '310115005'),
          name: '陆家嘴街道人民调解委员会',
          kind: 'MEDIATION_COMMITTEE',
        },
      },
      deadline: { state: 'RUNNING' },
      agreement: null,
    });
    // The complainant sees the case; the mediation clock is on it.
    expect((await getCase(m.id, '13800000000')).id).toBe(m.id);
    const again = await t
      .http()
      .post('/api/v1/mediation/cases')
      .set(await auth('mediator'))
      .send({ complaintId: c.id });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('MEDIATION_CASE_EXISTS');

    const startsAt = workingSlot(3);
    const session = await t
      .http()
      .post(`/api/v1/mediation/cases/${m.id}/sessions`)
      .set(await auth('mediator'))
      .send({ version: 1, startsAt, place: '陆家嘴街道人民调解委员会 201室' });
    expect(session.status).toBe(201);
    expect(session.body).toMatchObject({
      version: 2,
      sessions: [{ startsAt, place: '陆家嘴街道人民调解委员会 201室' }],
    });
    await eventually(() => smsFor(c.trackingNo, 'MEDIATION_SESSION_SCHEDULED'));

    const closed = await close(m.id, { version: 2, outcome: 'AGREEMENT', agreement: agreement() });
    expect(closed.status).toBe(200);
    const v = closed.body as CaseView;
    expect(v).toMatchObject({
      status: 'AGREEMENT',
      version: 3,
      deadline: { state: 'MET' },
      agreement: { status: 'PERFORMING', totalFen: 1_250_000 },
    });
    await eventually(() => smsFor(c.trackingNo, 'MEDIATION_AGREEMENT_REACHED'));

    const [first, second] = v.agreement!.instalments;
    const paid1 = await t
      .http()
      .post(`/api/v1/mediation/cases/${m.id}/instalments/${first.id}/paid`)
      .set(await auth('mediator'))
      .send({ version: 3 });
    expect(paid1.status).toBe(200);
    expect(paid1.body).toMatchObject({ version: 4, agreement: { status: 'PERFORMING' } });
    const twice = await t
      .http()
      .post(`/api/v1/mediation/cases/${m.id}/instalments/${first.id}/paid`)
      .set(await auth('mediator'))
      .send({ version: 4 });
    expect(twice.status).toBe(409);
    expect(twice.body.code).toBe('INSTALMENT_ALREADY_PAID');
    const paid2 = await t
      .http()
      .post(`/api/v1/mediation/cases/${m.id}/instalments/${second.id}/paid`)
      .set(await auth('mediator'))
      .send({ version: 4 });
    expect(paid2.status).toBe(200);
    expect(paid2.body.agreement).toMatchObject({
      status: 'PERFORMED',
      instalments: [
        { status: 'PAID', paidOn: today },
        { status: 'PAID', paidOn: today },
      ],
    });
    // A performed agreement settles the dispute: nothing to escalate.
    await expect(service.escalationSource(t.dataSource.manager, m.id)).rejects.toMatchObject({
      statusCode: 409,
      code: 'NOT_ESCALATABLE',
    });
    const events = (
      await t
        .http()
        .get(`/api/v1/complaints/${c.id}/events`)
        .set(await auth('mediator'))
    ).body as {
      action: string;
    }[];
    expect(events.map((e) => e.action)).toEqual(
      expect.arrayContaining(['MEDIATION_OPENED', 'MEDIATION_SESSION_SCHEDULED', 'MEDIATION_AGREEMENT']),
    );
  });

  it.each(['FAILED', 'WITHDRAWN'] as const)(
    'closing as %s cancels the sessions still to come and tells the worker they will not take place',
    async (outcome) => {
      const c = await routedComplaint();
      const m = await openCase(c.id);
      const startsAt = await scheduleIn(m.id, 1, 2);
      await eventually(() => smsFor(c.trackingNo, 'MEDIATION_SESSION_SCHEDULED'));
      const closed = await close(m.id, { version: 2, outcome });
      expect(closed.status).toBe(200);
      const [session] = (closed.body as CaseView).sessions;
      expect(session.startsAt).toBe(startsAt);
      expect(session.cancelledAt).toEqual(expect.any(String));
      await toldCancelled(c.trackingNo, startsAt);
      // The worker's file no longer lists it.
      const mine = await t
        .http()
        .get(`/api/v1/my/cases/${c.id}`)
        .set(await auth('13800000000'));
      expect(mine.body.mediation.sessions).toEqual([]);
    },
  );

  it('a withdrawn mediation is told to the worker with what they may do next (调解仲裁法 第五条)', async () => {
    const c = await routedComplaint();
    const m = await openCase(c.id);
    expect((await close(m.id, { version: 1, outcome: 'WITHDRAWN' })).status).toBe(200);
    await eventually(() => smsFor(c.trackingNo, 'MEDIATION_WITHDRAWN'));
    const sms = smsFor(c.trackingNo, 'MEDIATION_WITHDRAWN')!;
    expect(sms.text).toContain('撤回');
    expect(sms.text).toContain('劳动争议仲裁委员会申请仲裁');
    // No session was scheduled: nothing to cancel.
    expect(smsFor(c.trackingNo, 'MEDIATION_SESSION_CANCELLED')).toBeUndefined();
  });

  it('refuses a complaint that is not routed to mediation', async () => {
    const filed = await t
      .http()
      .post('/api/v1/complaints')
      .set(await auth('13800000000'))
      .send(complaintBody({ employer: { name: '浦东调解测试未分流公司' } }));
    const res = await t
      .http()
      .post('/api/v1/mediation/cases')
      .set(await auth('mediator'))
      .send({ complaintId: filed.body.id });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('NOT_ROUTED_TO_MEDIATION');
  });

  it('the 15 days take no pause, restart or bare extension through the deadlines API (第十四条第三款)', async () => {
    const m = await openCase((await routedComplaint()).id);
    const [clock] = await t.dataSource.query<{ id: string }[]>(
      `SELECT id FROM clocks WHERE case_type = 'MEDIATION' AND case_id = $1`,
      [m.id],
    );
    // A pause would keep the case OPEN past its 15 days: no expiry notice to the worker, no escalation.
    for (const [user, event] of [
      ['mediator', { type: 'PAUSE', date: today, reason: '当事人住院' }],
      ['mediator', { type: 'RESTART', date: today, reason: '重新计算' }],
      ['supervisor', { type: 'EXTEND', date: today, amount: 15, reason: '延长' }],
    ] as const) {
      const res = await t
        .http()
        .post(`/api/v1/deadlines/${clock.id}/events`)
        .set(await auth(user))
        .send(event);
      expect([res.status, res.body.code, res.body.details]).toEqual([
        409,
        'CLOCK_EVENT_NOT_ALLOWED',
        { ruleId: 'MEDIATION', event: event.type, allowed: ['RESUME'] },
      ]);
    }
    const events = await t.dataSource.query(`SELECT 1 FROM clock_events WHERE clock_id = $1`, [clock.id]);
    expect(events).toHaveLength(0);
  });

  it('refuses illegal transitions with the allowed actions, and stale versions', async () => {
    const m = await openCase((await routedComplaint()).id);
    const failed = await close(m.id, { version: 1, outcome: 'FAILED', note: '用人单位拒绝调解' });
    expect(failed.status).toBe(200);
    expect(failed.body).toMatchObject({ status: 'FAILED', version: 2, closedOn: today });
    const stale = await close(m.id, { version: 1, outcome: 'WITHDRAWN' });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ code: 'STALE_VERSION', details: { version: 2 } });
    const illegal = await close(m.id, { version: 2, outcome: 'WITHDRAWN' });
    expect(illegal.status).toBe(409);
    expect(illegal.body).toMatchObject({
      code: 'ILLEGAL_TRANSITION',
      details: { status: 'FAILED', action: 'WITHDRAW', allowed: [] },
    });
    const session = await t
      .http()
      .post(`/api/v1/mediation/cases/${m.id}/sessions`)
      .set(await auth('mediator'))
      .send({
        version: 2,
        startsAt: workingSlot(1),
        onlineLink: 'https://meet.example.cn/x',
      });
    expect(session.status).toBe(409);
    expect(session.body.code).toBe('ILLEGAL_TRANSITION');
    // A failed mediation goes on to arbitration with the complaint's claim.
    await expect(service.escalationSource(t.dataSource.manager, m.id)).resolves.toMatchObject({
      complaintId: m.complaintId,
      reason: 'FAILED',
      claims: [{ amountFen: 1_250_000 }],
    });
  });

  it('lets exactly one of two concurrent closes win', async () => {
    const m = await openCase((await routedComplaint()).id);
    const results = await Promise.all([
      close(m.id, { version: 1, outcome: 'FAILED' }),
      close(m.id, { version: 1, outcome: 'AGREEMENT', agreement: agreement() }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(results.find((r) => r.status === 409)!.body.code).toBe('STALE_VERSION');
    expect((await getCase(m.id)).version).toBe(2);
  });

  it('rejects agreements whose amounts do not add up or are due before today (400 with fields)', async () => {
    const m = await openCase((await routedComplaint()).id);
    const uneven = await close(m.id, {
      version: 1,
      outcome: 'AGREEMENT',
      agreement: { ...agreement(), instalments: [{ dueOn: today, amountFen: 1_000 }] },
    });
    expect(uneven.status).toBe(400);
    expect(uneven.body).toMatchObject({
      code: 'VALIDATION_FAILED',
      details: [{ field: 'agreement.instalments' }],
    });
    const early = await close(m.id, {
      version: 1,
      outcome: 'AGREEMENT',
      agreement: agreement([addDays(today, -1), today]),
    });
    expect(early.status).toBe(400);
    expect(early.body.details).toEqual([
      expect.objectContaining({
        field: 'agreement.instalments.0.dueOn',
        constraint: 'notInPast',
        message: `agreement.instalments.0.dueOn 不能早于 ${today}`,
      }),
    ]);
    const fractional = await close(m.id, {
      version: 1,
      outcome: 'AGREEMENT',
      agreement: {
        claims: [{ description: 'x', amountFen: 1.5 }],
        instalments: [{ dueOn: today, amountFen: -1 }],
      },
    });
    expect(fractional.status).toBe(400);
    // An amount beyond any claim the platform takes (MAX_CLAIM_FEN, as a complaint's): the instalment reminders
    // could never be sent for it (audit 2026-12-07: 1234567890123456 fen was accepted).
    const huge = 1_234_567_890_123_456;
    const tooLarge = await close(m.id, {
      version: 1,
      outcome: 'AGREEMENT',
      agreement: {
        claims: [{ description: '工资', amountFen: huge }],
        instalments: [{ dueOn: today, amountFen: huge }],
      },
    });
    expect(tooLarge.status).toBe(400);
    expect(tooLarge.body.details).toEqual([
      expect.objectContaining({ field: 'agreement.claims.0.amountFen', constraint: 'max' }),
      expect.objectContaining({ field: 'agreement.instalments.0.amountFen', constraint: 'max' }),
    ]);
    const missing = await close(m.id, { version: 1, outcome: 'AGREEMENT' });
    expect(missing.status).toBe(400);
    expect(missing.body.details).toEqual([expect.objectContaining({ field: 'agreement' })]);
    expect((await getCase(m.id)).status).toBe('OPEN');
  });

  it("hides a case from another street's mediator (404)", async () => {
    const m = await openCase((await routedComplaint()).id);
    const other = await auth('mediator-zj', 'other-password-1');
    const get = await t.http().get(`/api/v1/mediation/cases/${m.id}`).set(other);
    expect(get.status).toBe(404);
    expect(get.body.code).toBe('MEDIATION_CASE_NOT_FOUND');
    const write = await t
      .http()
      .post(`/api/v1/mediation/cases/${m.id}/close`)
      .set(other)
      .send({ version: 1, outcome: 'FAILED' });
    expect(write.status).toBe(404);
    const list = await t.http().get('/api/v1/mediation/cases').set(other);
    expect(list.status).toBe(200);
    expect(list.body.items).toEqual([]);
    const mine = await t
      .http()
      .get('/api/v1/mediation/cases?limit=100')
      .set(await auth('mediator'));
    expect((mine.body.items as { id: string }[]).map((i) => i.id)).toContain(m.id);
    const tooMany = await t
      .http()
      .get('/api/v1/mediation/cases?limit=101')
      .set(await auth('mediator'));
    expect(tooMany.status).toBe(400);
    const open = await t
      .http()
      .post('/api/v1/mediation/cases')
      .set(other)
      .send({ complaintId: m.complaintId });
    expect(open.status).toBe(404);
  });

  it("names the case's employer and complainant: a mediator sees them in full, a supervisor masked, another street not at all", async () => {
    const c = await routedComplaint();
    const employerName = `浦东调解测试公司${n}`;
    const m = await openCase(c.id);
    const item = async (user: string, password?: string) => {
      const r = await t
        .http()
        .get('/api/v1/mediation/cases?limit=100')
        .set(await auth(user, password));
      expect(r.status).toBe(200);
      return (r.body.items as Record<string, unknown>[]).find((i) => i.id === m.id);
    };
    // A provisional name (first typed by this complaint), with its flag, as the complaint's own view names it.
    const employer = { id: c.employerId, name: employerName, nameConfirmed: false };
    const inFull = { employer, complainant: { name: '张三', phone: '13800000000' } };
    const masked = { employer, complainant: { name: '张*', phone: '138****0000' } };
    expect(await item('mediator')).toMatchObject(inFull);
    expect(await getCase(m.id)).toMatchObject(inFull);
    // Masked exactly as the search masks them for a role that does not handle cases.
    expect(await item('supervisor')).toMatchObject(masked);
    expect(await getCase(m.id, 'supervisor')).toMatchObject(masked);
    // The worker reading her own case sees herself.
    expect(await getCase(m.id, '13800000000')).toMatchObject(inFull);
    // Another street's mediator: neither in her list nor readable.
    expect(await item('mediator-zj', 'other-password-1')).toBeUndefined();
    const other = await t
      .http()
      .get(`/api/v1/mediation/cases/${m.id}`)
      .set(await auth('mediator-zj', 'other-password-1'));
    expect([other.status, other.body.code]).toEqual([404, 'MEDIATION_CASE_NOT_FOUND']);
    // The phone shown in full to staff is a read of personal data, recorded (issue 15); the masked ones are not.
    const log = await t
      .http()
      .get('/api/v1/admin/pii-access')
      .query({ caseId: c.id, limit: 100 })
      .set(await auth('admin'));
    expect(log.status).toBe(200);
    const reads = (log.body.items as { role: string; purpose: string }[]).map(
      (r) => `${r.role} ${r.purpose}`,
    );
    expect(reads).toEqual(expect.arrayContaining(['MEDIATOR mediation.list', 'MEDIATOR mediation.view']));
    expect(reads.filter((r) => r.startsWith('SUPERVISOR'))).toEqual([]);
  });

  it('never assigns a mediator with a declared conflict with the employer', async () => {
    const c = await routedComplaint();
    const declared = await t
      .http()
      .post('/api/v1/mediation/conflicts')
      .set(await auth('mediator'))
      .send({ employerId: c.employerId, reason: '近亲属在该单位任职' });
    expect(declared.status).toBe(204);
    const m = await openCase(c.id, 'supervisor');
    expect(m.mediatorUserId).toBeNull();
    // Nor does the declaring mediator act on the case; and the bureau's supervisor opens it but does not mediate.
    const conflicted = await close(m.id, { version: 1, outcome: 'FAILED' });
    expect([conflicted.status, conflicted.body.code]).toEqual([403, 'MEDIATOR_CONFLICT']);
    expect((await close(m.id, { version: 1, outcome: 'FAILED' }, 'supervisor')).status).toBe(403);
    expect((await getCase(m.id)).status).toBe('OPEN');
  });

  // The sweeps below run over every open case of this file's database, so they come last.
  it('defaults an agreement with an overdue instalment and reminds the worker', async () => {
    const c = await routedComplaint();
    const m = await openCase(c.id);
    const closed = await close(m.id, { version: 1, outcome: 'AGREEMENT', agreement: agreement() });
    expect(closed.status).toBe(200);
    const result = await sweeper.sweep(addDays(today, 1));
    expect(result).toMatchObject({ skipped: false });
    expect(result.defaulted).toBeGreaterThanOrEqual(1);
    const v = await getCase(m.id);
    expect(v.agreement).toMatchObject({
      status: 'DEFAULTED',
      instalments: [{ status: 'OVERDUE' }, { status: 'DUE' }],
    });
    expect(v.version).toBe(3);
    await eventually(() => smsFor(c.trackingNo, 'MEDIATION_INSTALMENT_OVERDUE'));
    // Idempotent: a second run changes nothing.
    expect(await sweeper.sweep(addDays(today, 1))).toMatchObject({ overdueInstalments: 0, defaulted: 0 });
    expect((await getCase(m.id)).version).toBe(3);
    await expect(service.escalationSource(t.dataSource.manager, m.id)).resolves.toMatchObject({
      reason: 'DEFAULTED',
      claims: [
        { description: '拖欠工资', amountFen: 1_000_000 },
        { description: '经济补偿', amountFen: 250_000 },
      ],
    });
  });

  it('a defaulted agreement carries into arbitration only what is still owed: the paid instalment is deducted', async () => {
    const c = await routedComplaint();
    const m = await openCase(c.id);
    const closed = await close(m.id, {
      version: 1,
      outcome: 'AGREEMENT',
      agreement: agreement([today, today]),
    });
    const [first] = (closed.body as CaseView).agreement!.instalments;
    const paid = await t
      .http()
      .post(`/api/v1/mediation/cases/${m.id}/instalments/${first.id}/paid`)
      .set(await auth('mediator'))
      .send({ version: (closed.body as CaseView).version });
    expect(paid.status).toBe(200);
    await sweeper.sweep(addDays(today, 1));
    expect((await getCase(m.id)).agreement).toMatchObject({ status: 'DEFAULTED' });
    // 6,000 元 of the 12,500 元 agreed were paid: the wages claim is settled first.
    await expect(service.escalationSource(t.dataSource.manager, m.id)).resolves.toMatchObject({
      reason: 'DEFAULTED',
      claims: [
        { description: '拖欠工资', amountFen: 400_000 },
        { description: '经济补偿', amountFen: 250_000 },
      ],
    });
  });

  it('expires an open case after its 15 days and tells the worker they may apply for arbitration', async () => {
    const c = await routedComplaint();
    const m = await openCase(c.id);
    await expect(service.escalationSource(t.dataSource.manager, m.id)).rejects.toMatchObject({
      code: 'NOT_ESCALATABLE',
    });
    expect((await sweeper.sweep(addDays(today, 1))).expired).toBe(0);
    const startsAt = await scheduleIn(m.id, 1, 2);
    // The 15 days end on the clock's due date: opened + 15, moved to the next working day when that is a
    // rest day (民法典 第二百零三条), so the case expires the day after it, whatever weekday it opened on.
    const [clock] = await t.app
      .get(DeadlinesService)
      .forCase('MEDIATION', m.id, m.openedOn, t.dataSource.manager);
    expect(clock.due! >= addDays(m.openedOn, 15)).toBe(true);
    expect((await sweeper.sweep(clock.due!)).expired).toBe(0);
    const expiredOn = addDays(clock.due!, 1);
    const result = await sweeper.sweep(expiredOn);
    expect(result.expired).toBeGreaterThanOrEqual(1);
    expect(await getCase(m.id)).toMatchObject({
      status: 'EXPIRED',
      version: 3,
      closedOn: expiredOn,
      sessions: [{ startsAt, cancelledAt: expect.any(String) }],
    });
    await eventually(() => smsFor(c.trackingNo, 'MEDIATION_EXPIRED'));
    await toldCancelled(c.trackingNo, startsAt);
    expect(await sweeper.sweep(expiredOn)).toMatchObject({ expired: 0 });
    await expect(service.escalationSource(t.dataSource.manager, m.id)).resolves.toMatchObject({
      reason: 'EXPIRED',
    });
  });

  it('runs one sweep at a time (advisory lock)', async () => {
    const runner = t.dataSource.createQueryRunner();
    await runner.connect();
    await runner.startTransaction();
    try {
      await runner.query(`SELECT pg_advisory_xact_lock(hashtext('mediation.daily-sweep'))`);
      expect(await sweeper.sweep()).toMatchObject({ skipped: true });
    } finally {
      await runner.rollbackTransaction();
      await runner.release();
    }
    expect(await sweeper.sweep()).toMatchObject({ skipped: false });
  });

  it('a withdrawn mediation leaves the worker the direct application (调解仲裁法 第五条)', async () => {
    const c = await routedComplaint();
    const m = await openCase(c.id);
    expect((await close(m.id, { version: 1, outcome: 'WITHDRAWN' })).status).toBe(200);
    const mine = await t
      .http()
      .get(`/api/v1/my/cases/${c.id}`)
      .set(await auth('13800000000'));
    expect(mine.body.nextStep).toEqual({
      text: '调解已撤回。您仍可以依法申请劳动争议仲裁。',
      actions: [{ action: 'APPLY_FOR_ARBITRATION', method: 'POST', path: '/api/v1/arbitration/cases' }],
    });
  });

  it('a complaint routed to mediation and never opened: after its 15 days its worker is told, once (第十四条第三款)', async () => {
    const c = await routedComplaint();
    const routedOn = todayInShanghai();
    // The 15 days run from the routing (the committee's receipt), not from a case a mediator may never open.
    const { due } = await t.app.get(CalendarService).ruleDeadline('MEDIATION', routedOn);
    await sweeper.sweep(due);
    expect(smsFor(c.trackingNo, 'MEDIATION_NOT_OPENED')).toBeUndefined();
    expect((await sweeper.sweep(addDays(due, 1))).notOpened).toBeGreaterThanOrEqual(1);
    await eventually(() => !!smsFor(c.trackingNo, 'MEDIATION_NOT_OPENED'));
    expect(smsFor(c.trackingNo, 'MEDIATION_NOT_OPENED')!.text).toContain(`于${routedOn}转交调解组织`);
    expect(smsFor(c.trackingNo, 'MEDIATION_NOT_OPENED')!.text).toContain('您可以依法申请劳动争议仲裁');
    // A worker of no collective dispute applies on their own: never told that representatives apply (第七条).
    expect(
      t.sms.sent.filter((m) => m.params.trackingNo === c.trackingNo && m.template.endsWith('_GROUP_MEMBER')),
    ).toEqual([]);
    const events = async () =>
      t.dataSource.query<{ data: { due: string } }[]>(
        `SELECT data FROM case_events WHERE case_type = 'COMPLAINT' AND case_id = $1 AND action = 'MEDIATION_NOT_OPENED'`,
        [c.id],
      );
    expect((await events()).map((e) => e.data.due)).toEqual([due]);
    // The worker's file says so and offers the application (调解仲裁法 第五条: on their own complaint).
    const mine = await t
      .http()
      .get(`/api/v1/my/cases/${c.id}`)
      .set(await auth('13800000000'));
    expect(mine.body.nextStep).toEqual({
      text: '调解组织自收到之日起15日内未开始调解，您可以依法申请劳动争议仲裁。',
      actions: [{ action: 'APPLY_FOR_ARBITRATION', method: 'POST', path: '/api/v1/arbitration/cases' }],
    });
    const applied = await t
      .http()
      .post('/api/v1/arbitration/cases')
      .set(await auth('13800000000'))
      .send({
        complaintId: c.id,
        claims: [{ type: 'LABOR_REMUNERATION', description: '拖欠工资', amountFen: 1 }],
      });
    expect([applied.status, applied.body.source]).toEqual([201, 'DIRECT']);
    // Once: the next night finds it reported.
    await sweeper.sweep(addDays(due, 2));
    expect(await events()).toHaveLength(1);
    expect(
      t.sms.sent.filter((m) => m.template === 'MEDIATION_NOT_OPENED' && m.params.trackingNo === c.trackingNo),
    ).toHaveLength(1);
  });
});
