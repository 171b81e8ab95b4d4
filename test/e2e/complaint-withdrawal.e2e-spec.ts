import { hashPassword } from '../../src/auth/passwords';
import { newId } from '../../src/common/ids';
import { complaintBody, DEMO_PASSWORD, eventually, startTestApp, type TestApp } from '../support/test-app';

/** How the complainant asked staff to withdraw, as staff record it. */
const PHONE = { channel: 'PHONE', note: '12333 热线来电' };

/** 14.7: the worker withdraws a complaint before the decision; after it only with the body's consent. */
describe('complaint withdrawal', () => {
  let t: TestApp;
  const auth = async (user: string) => ({ authorization: `Bearer ${await t.token(user)}` });
  let n = 0;

  const file = async () => {
    n++;
    const filed = await t
      .http()
      .post('/api/v1/complaints')
      .set(await auth('13800000000'))
      .send(complaintBody({ employer: { name: `浦东撤回测试公司${n}` } }));
    expect(filed.status).toBe(201);
    return { id: filed.body.id as string, trackingNo: filed.body.trackingNo as string };
  };
  const step = async (id: string, path: string, body: Record<string, unknown>, user = 'mediator') => {
    const r = await t
      .http()
      .post(`/api/v1/complaints/${id}/${path}`)
      .set(await auth(user))
      .send(body);
    expect([r.status, r.body]).toEqual([200, expect.anything()]);
  };
  const withdraw = async (id: string, body: Record<string, unknown>, user = '13800000000') =>
    t
      .http()
      .post(`/api/v1/complaints/${id}/withdraw`)
      .set(await auth(user))
      .send(body);
  const events = async (id: string) =>
    t.dataSource.query<{ action: string; data: Record<string, unknown> }[]>(
      `SELECT action, data FROM case_events WHERE case_type = 'COMPLAINT' AND case_id = $1 ORDER BY occurred_at, id`,
      [id],
    );

  beforeAll(async () => {
    t = await startTestApp();
    await t.dataSource.query(
      `INSERT INTO users (id, username, password_hash, role, jurisdiction_codes, display_name)
       VALUES ($1, 'mediator-zj', $2, 'MEDIATOR', '{310115125}', '张江调解员')`,
      [newId(), await hashPassword(DEMO_PASSWORD)],
    );
  });
  afterAll(async () => {
    await t.close();
  });

  it('lets the worker withdraw before the decision: status, stopped clock, timeline, SMS', async () => {
    const c = await file();
    const res = await withdraw(c.id, { reason: '已与单位协商解决' });
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('WITHDRAWN');
    const clocks = await t
      .http()
      .get(`/api/v1/complaints/${c.id}/deadlines`)
      .set(await auth('13800000000'));
    expect(clocks.status).toBe(200);
    expect(clocks.body.length).toBeGreaterThan(0);
    // Ended by the withdrawal: nothing was accepted, so not MET (done in time) either.
    expect(clocks.body.map((k: { state: string }) => k.state)).toEqual(clocks.body.map(() => 'ENDED'));
    const caseFile = await t
      .http()
      .get(`/api/v1/my/cases/${c.id}`)
      .set(await auth('13800000000'));
    expect(caseFile.status).toBe(200);
    const texts = (caseFile.body as { deadlines: { state: string; text: string }[] }).deadlines;
    expect(texts.length).toBeGreaterThan(0);
    for (const d of texts) {
      expect(d).toMatchObject({ state: 'ENDED', text: expect.stringContaining('投诉已撤回') });
      expect(d.text).not.toContain('已在期限内完成');
    }
    expect(caseFile.body.nextDeadline).toBeNull();
    expect((await events(c.id)).find((e) => e.action === 'WITHDRAWN')).toMatchObject({
      action: 'WITHDRAWN',
      data: { reason: '已与单位协商解决', by: 'COMPLAINANT', bodyConsent: null, complainantRequest: null },
    });
    await eventually(() =>
      t.sms.sent.find((m) => m.template === 'COMPLAINT_WITHDRAWN' && m.params.trackingNo === c.trackingNo),
    );
    // Nothing more can happen to it.
    const again = await withdraw(c.id, { reason: '再次撤回' });
    expect([again.status, again.body.code]).toEqual([409, 'ILLEGAL_TRANSITION']);
    const accept = await t
      .http()
      .post(`/api/v1/complaints/${c.id}/accept`)
      .set(await auth('mediator'))
      .send({});
    expect(accept.status).toBe(409);
  });

  it('staff withdraw only on the complainant’s recorded request, and the worker is told on whose request', async () => {
    const c = await file();
    // Without the request staff cannot end a complaint before deciding it (that is 受理 or 不予受理, with its notice).
    const bare = await withdraw(c.id, { reason: '投诉人来电要求撤回' }, 'mediator');
    expect([bare.status, bare.body.details[0]]).toEqual([
      400,
      expect.objectContaining({ field: 'complainantRequest', constraint: 'isDefined' }),
    ]);
    // The worker does not record their own request as staff would.
    const own = await withdraw(c.id, { reason: '协商解决', complainantRequest: PHONE });
    expect([own.status, own.body.details[0]]).toEqual([
      400,
      expect.objectContaining({ field: 'complainantRequest', constraint: 'staffOnly' }),
    ]);
    expect((await events(c.id)).map((e) => e.action)).not.toContain('WITHDRAWN');

    const ok = await withdraw(c.id, { reason: '投诉人来电要求撤回', complainantRequest: PHONE }, 'mediator');
    expect([ok.status, ok.body.status]).toEqual([200, 'WITHDRAWN']);
    expect((await events(c.id)).find((e) => e.action === 'WITHDRAWN')!.data).toMatchObject({
      by: 'STAFF',
      complainantRequest: PHONE,
    });
    await eventually(() => t.sms.sent.some((m) => m.template === 'COMPLAINT_WITHDRAWN_ON_REQUEST'));
    const sms = t.sms.sent.find(
      (m) => m.template === 'COMPLAINT_WITHDRAWN_ON_REQUEST' && m.params.trackingNo === c.trackingNo,
    )!;
    expect(sms.text).toBe(
      `您的投诉（编号${c.trackingNo}）已根据您以电话方式提出的要求撤回，本案办理终结。如非本人意愿或需再次投诉，可重新提交。`,
    );
  });

  it('lets the worker withdraw while asked to complete the complaint (补正): no decision was made', async () => {
    const c = await file();
    await step(c.id, 'correction-request', { missing: '请补充被投诉用人单位的全称' }, 'inspector');
    const res = await withdraw(c.id, { reason: '单位已补发工资' });
    expect([res.status, res.body.status, res.body.code]).toEqual([200, 'WITHDRAWN', undefined]);
    expect((await events(c.id)).find((e) => e.action === 'WITHDRAWN')).toMatchObject({
      data: { by: 'COMPLAINANT', bodyConsent: null },
    });
    const clocks = await t
      .http()
      .get(`/api/v1/complaints/${c.id}/deadlines`)
      .set(await auth('13800000000'));
    expect(clocks.body.every((k: { state: string }) => k.state !== 'RUNNING')).toBe(true);
  });

  it('refuses the worker after the decision without consent; staff record the body consent', async () => {
    const c = await file();
    await step(c.id, 'accept', {});
    const refused = await withdraw(c.id, { reason: '不想继续' });
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({
      code: 'WITHDRAWAL_NEEDS_CONSENT',
      details: { status: 'ACCEPTED', action: 'WITHDRAW', allowed: ['ASK_BODY_CONSENT'] },
    });
    const workerConsent = await withdraw(c.id, { reason: '不想继续', bodyConsent: { note: '我同意' } });
    expect(workerConsent.status).toBe(400);
    expect(workerConsent.body.details[0].field).toBe('bodyConsent');
    const staffWithout = await withdraw(
      c.id,
      { reason: '申请人电话要求撤回', complainantRequest: PHONE },
      'mediator',
    );
    expect(staffWithout.body).toMatchObject({
      code: 'WITHDRAWAL_NEEDS_CONSENT',
      details: { allowed: ['WITHDRAW_WITH_BODY_CONSENT'] },
    });
    // Nothing was written by the refusals.
    expect((await events(c.id)).map((e) => e.action)).not.toContain('WITHDRAWN');

    await step(c.id, 'route', { target: 'MEDIATION' });
    // The consent is the mediation committee's: the street's inspector does not record it.
    const byInspector = await withdraw(
      c.id,
      { reason: '申请人电话要求撤回', bodyConsent: { note: '同意撤回' }, complainantRequest: PHONE },
      'inspector',
    );
    expect([byInspector.status, byInspector.body.code]).toEqual([403, 'CONSENT_OF_ANOTHER_BODY']);
    const ok = await withdraw(
      c.id,
      {
        reason: '申请人电话要求撤回',
        bodyConsent: { note: '调委会主任同意撤回' },
        complainantRequest: PHONE,
      },
      'mediator',
    );
    expect(ok.status).toBe(200);
    expect(ok.body.status).toBe('WITHDRAWN');
    expect((await events(c.id)).find((e) => e.action === 'WITHDRAWN')).toMatchObject({
      action: 'WITHDRAWN',
      data: {
        by: 'STAFF',
        bodyConsent: { note: '调委会主任同意撤回', organisationName: expect.any(String) },
      },
    });
  });

  it('asks for the open mediation to be ended first; another street cannot see the complaint', async () => {
    const c = await file();
    await step(c.id, 'accept', {});
    await step(c.id, 'route', { target: 'MEDIATION' });
    const opened = await t
      .http()
      .post('/api/v1/mediation/cases')
      .set(await auth('mediator'))
      .send({ complaintId: c.id });
    expect(opened.status).toBe(201);
    const res = await withdraw(
      c.id,
      { reason: '撤回', bodyConsent: { note: '同意' }, complainantRequest: PHONE },
      'mediator',
    );
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({
      code: 'PROCEEDING_OPEN',
      details: { proceeding: 'MEDIATION', caseId: opened.body.id, complaintStatus: 'ROUTED' },
    });

    const mine = await file();
    const stranger = await withdraw(
      mine.id,
      { reason: '撤回', bodyConsent: { note: '同意' }, complainantRequest: PHONE },
      'mediator-zj',
    );
    expect([stranger.status, stranger.body.code]).toEqual([404, 'COMPLAINT_NOT_FOUND']);
  });

  it('an inspection case not yet accepted (RECEIVED) is ended by its refusal, which the API takes, not by a close it refuses', async () => {
    const c = await file();
    await step(c.id, 'accept', {}, 'inspector');
    await step(c.id, 'route', { target: 'INSPECTION' }, 'inspector');
    const opened = await t
      .http()
      .post('/api/v1/inspection/cases')
      .set(await auth('inspector'))
      .send({ complaintId: c.id });
    expect([opened.status, opened.body.status]).toEqual([201, 'RECEIVED']);
    const consent = {
      reason: '投诉人撤回',
      bodyConsent: { note: '监察机构同意撤回' },
      complainantRequest: PHONE,
    };
    const res = await withdraw(c.id, consent, 'inspector');
    expect(res.body).toMatchObject({
      code: 'PROCEEDING_OPEN',
      details: { proceeding: 'INSPECTION', caseId: opened.body.id, status: 'RECEIVED' },
    });
    const [howToEnd] = res.body.details.allowed as string[];
    expect(howToEnd).toBe(
      `POST /api/v1/inspection/cases/${opened.body.id}/refuse {reason: OTHER, note: 投诉人撤回投诉}`,
    );
    const inspection = async (path: string, body: Record<string, unknown>) =>
      t
        .http()
        .post(`/api/v1/inspection/cases/${opened.body.id}/${path}`)
        .set(await auth('inspector'))
        .send({ version: opened.body.version, ...body });
    // Closing is for a case under investigation (INSPECTION_TRANSITIONS): a RECEIVED case refuses it.
    const close = await inspection('close', { closureType: 'REVOKED' });
    expect([close.status, close.body.code]).toEqual([409, 'ILLEGAL_TRANSITION']);
    const refused = await inspection('refuse', { reason: 'OTHER', note: '投诉人撤回投诉' });
    expect([refused.status, refused.body.status]).toEqual([200, 'REFUSED']);
    const ok = await withdraw(c.id, consent, 'inspector');
    expect([ok.status, ok.body.status]).toEqual([200, 'WITHDRAWN']);
  });

  it('a withdrawal racing the opening of a mediation: one of them wins, never a withdrawn complaint with an open case', async () => {
    const raced: { id: string; outcomes: number[] }[] = [];
    for (let k = 0; k < 8; k++) {
      const c = await file();
      await step(c.id, 'accept', {});
      await step(c.id, 'route', { target: 'MEDIATION' });
      const [w, o] = await Promise.all([
        withdraw(
          c.id,
          { reason: '协商解决', bodyConsent: { note: '调委会同意撤回' }, complainantRequest: PHONE },
          'mediator',
        ),
        auth('mediator').then((h) =>
          t.http().post('/api/v1/mediation/cases').set(h).send({ complaintId: c.id }),
        ),
      ]);
      raced.push({ id: c.id, outcomes: [w.status, o.status] });
      // Exactly one wins; the loser gets a 409 with a stable code.
      expect([w.status === 200, o.status === 201].filter(Boolean)).toHaveLength(1);
      expect(w.status === 200 ? o.body.code : w.body.code).toBe(
        w.status === 200 ? 'NOT_ROUTED_TO_MEDIATION' : 'PROCEEDING_OPEN',
      );
    }
    const broken = await t.dataSource.query<{ id: string }[]>(
      `SELECT c.id FROM complaints c JOIN mediation_cases m ON m.complaint_id = c.id
        WHERE c.status = 'WITHDRAWN' AND m.status = 'OPEN' AND c.id = ANY($1::uuid[])`,
      [raced.map((r) => r.id)],
    );
    expect(broken).toEqual([]);
  });
});
