import { complaintBody, startTestApp, type TestApp } from '../support/test-app';

const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.from('0000000d49484452', 'hex'),
]);

describe('调裁衔接: from a failed mediation to arbitration in one call', () => {
  let t: TestApp;
  const auth = async (user: string) => ({ authorization: `Bearer ${await t.token(user)}` });
  let n = 0;

  /** A complaint accepted, routed to mediation, with a mediation case opened (version 1). */
  const mediationCase = async () => {
    n++;
    const c = await t
      .http()
      .post('/api/v1/complaints')
      .set(await auth('13800000000'))
      .send(complaintBody({ employer: { name: `调裁衔接测试公司${n}` } }));
    expect(c.status).toBe(201);
    expect(
      (
        await t
          .http()
          .post(`/api/v1/complaints/${c.body.id}/accept`)
          .set(await auth('mediator'))
          .send({})
      ).status,
    ).toBe(200);
    expect(
      (
        await t
          .http()
          .post(`/api/v1/complaints/${c.body.id}/route`)
          .set(await auth('mediator'))
          .send({ target: 'MEDIATION' })
      ).status,
    ).toBe(200);
    const m = await t
      .http()
      .post('/api/v1/mediation/cases')
      .set(await auth('mediator'))
      .send({ complaintId: c.body.id });
    expect(m.status).toBe(201);
    return {
      complaintId: c.body.id as string,
      mediationId: m.body.id as string,
      version: m.body.version as number,
    };
  };

  /** The mediator closes the case as failed (调解不成). */
  const closeFailed = async (mediationId: string, version: number) => {
    const failed = await t
      .http()
      .post(`/api/v1/mediation/cases/${mediationId}/close`)
      .set(await auth('mediator'))
      .send({ version, outcome: 'FAILED' });
    expect(failed.status).toBe(200);
  };

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('staff carry a mediation to arbitration only on the worker’s recorded request; the worker gives none', async () => {
    const { complaintId, mediationId, version } = await mediationCase();
    await closeFailed(mediationId, version);
    const escalate = async (user: string, body: Record<string, unknown>) =>
      t
        .http()
        .post(`/api/v1/mediation/${mediationId}/escalate`)
        .set(await auth(user))
        .send(body);

    // 申请仲裁 is the worker's act (调解仲裁法 第二十八条): a mediator's bare call is refused, nothing created.
    const bare = await escalate('mediator', {});
    expect([bare.status, bare.body.details[0]]).toEqual([
      400,
      expect.objectContaining({ field: 'complainantRequest', constraint: 'isDefined' }),
    ]);
    const worker = await escalate('13800000000', { complainantRequest: { channel: 'PHONE' } });
    expect([worker.status, worker.body.details[0]]).toEqual([
      400,
      expect.objectContaining({ field: 'complainantRequest', constraint: 'staffOnly' }),
    ]);
    const bad = await escalate('mediator', { complainantRequest: { channel: 'EMAIL' } });
    expect(bad.status).toBe(400);
    const [{ n: none }] = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM arbitration_cases WHERE complaint_id = $1`,
      [complaintId],
    );
    expect(none).toBe(0);

    const res = await escalate('mediator', {
      complainantRequest: { channel: 'IN_PERSON', note: '12月6日来访' },
    });
    expect(res.status).toBe(201);
    const events = (
      await t
        .http()
        .get(`/api/v1/complaints/${complaintId}/events`)
        .set(await auth('mediator'))
    ).body as { action: string; data: Record<string, unknown> }[];
    expect(events.find((e) => e.action === 'ESCALATED_TO_ARBITRATION')!.data).toMatchObject({
      mediationCaseId: mediationId,
      complainantRequest: { channel: 'IN_PERSON', note: '12月6日来访' },
    });
  });

  it('carries parties, claims, amounts and evidence into the arbitration application; the timeline is one story', async () => {
    const { complaintId, mediationId, version } = await mediationCase();
    const upload = await t
      .http()
      .post(`/api/v1/complaints/${complaintId}/attachments`)
      .set(await auth('13800000000'))
      .attach('file', PNG, { filename: '工资条.png', contentType: 'image/png' });
    expect(upload.status).toBe(201);
    await closeFailed(mediationId, version);

    const res = await t
      .http()
      .post(`/api/v1/mediation/${mediationId}/escalate`)
      .set(await auth('13800000000'));
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      complaintId,
      reason: 'FAILED',
      claims: [{ type: 'LABOR_REMUNERATION', amountFen: 1_250_000 }],
    });

    const arb = await t
      .http()
      .get(`/api/v1/arbitration/cases/${res.body.arbitrationCaseId}`)
      .set(await auth('arbitrator'));
    expect(arb.status).toBe(200);
    expect(arb.body).toMatchObject({
      source: 'MEDIATION',
      sourceMediationCaseId: mediationId,
      status: 'APPLIED',
      claims: [{ amountFen: 1_250_000 }],
    });
    // The same case file: evidence is listed by complaint.
    const files = await t
      .http()
      .get(`/api/v1/complaints/${complaintId}/attachments`)
      .set(await auth('arbitrator'));
    expect(files.body.map((f: { sha256: string }) => f.sha256)).toEqual([upload.body.sha256]);
    // One continuous timeline on the complaint.
    const events = (
      await t
        .http()
        .get(`/api/v1/complaints/${complaintId}/events`)
        .set(await auth('13800000000'))
    ).body as { action: string }[];
    const actions = events.map((e) => e.action);
    expect(actions.indexOf('ROUTED')).toBeLessThan(actions.indexOf('ESCALATED_TO_ARBITRATION'));
    expect(actions).toEqual(
      expect.arrayContaining([
        'SUBMITTED',
        'ACCEPTED',
        'ROUTED',
        'ATTACHMENT_ADDED',
        'ESCALATED_TO_ARBITRATION',
      ]),
    );

    // The worker's one file: where it is, who holds it, what is due next — in plain words.
    const mine = await t
      .http()
      .get(`/api/v1/my/cases/${complaintId}`)
      .set(await auth('13800000000'));
    expect(mine.status).toBe(200);
    expect(mine.body).toMatchObject({
      complaintId,
      currentStep: { proceeding: 'ARBITRATION', id: res.body.arbitrationCaseId, status: 'APPLIED' },
      heldBy: { name: '浦东新区劳动人事争议仲裁委员会' },
      // The acceptance period counts working days (办案规则 第八十条).
      nextDeadline: { state: 'RUNNING', text: expect.stringMatching(/到期，还有\d+个工作日$/) },
    });
    // The complaint's acceptance and its routing's period to open the case (COMPLAINT_TAKE_UP), both met.
    expect(mine.body.deadlines.map((d: { rule: string; state: string }) => `${d.rule}:${d.state}`)).toEqual([
      'INSPECTION_ACCEPTANCE:MET',
      'COMPLAINT_TAKE_UP:MET',
      'MEDIATION:MET',
      'ARBITRATION_ACCEPTANCE:RUNNING',
    ]);
    expect(mine.body.timeline.map((e: { action: string }) => e.action)).toContain('ESCALATED_TO_ARBITRATION');

    // Once: a second escalation finds the open arbitration case.
    const again = await t
      .http()
      .post(`/api/v1/mediation/${mediationId}/escalate`)
      .set(await auth('mediator'))
      .send({ complainantRequest: { channel: 'PHONE' } });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('ARBITRATION_CASE_EXISTS');
  });

  /** A mediation closed FAILED and escalated: the new application's id. */
  const escalatedCase = async () => {
    const m = await mediationCase();
    await closeFailed(m.mediationId, m.version);
    const res = await t
      .http()
      .post(`/api/v1/mediation/${m.mediationId}/escalate`)
      .set(await auth('13800000000'));
    expect(res.status).toBe(201);
    return { ...m, arbitrationCaseId: res.body.arbitrationCaseId as string };
  };
  const escalate = async (mediationId: string) =>
    t
      .http()
      .post(`/api/v1/mediation/${mediationId}/escalate`)
      .set(await auth('13800000000'));
  /** The worker's own application (DIRECT) for the complaint, with one wage claim. */
  const applyDirect = async (complaintId: string, description: string) =>
    t
      .http()
      .post('/api/v1/arbitration/cases')
      .set(await auth('13800000000'))
      .send({ complaintId, claims: [{ type: 'LABOR_REMUNERATION', description, amountFen: 1_250_000 }] });
  const casesFrom = async (mediationId: string) =>
    (
      await t.dataSource.query<{ n: number }[]>(
        `SELECT count(*)::int AS n FROM arbitration_cases WHERE source_mediation_case_id = $1`,
        [mediationId],
      )
    )[0].n;

  it('one escalation per mediation: after 不予受理 or a withdrawal it is not filed again with the same claims (办案规则 第三十四条)', async () => {
    const refused = await escalatedCase();
    const rej = await t
      .http()
      .post(`/api/v1/arbitration/cases/${refused.arbitrationCaseId}/reject`)
      .set(await auth('arbitrator'))
      .send({ version: 1, reason: '被申请人不明确' });
    expect(rej.status).toBe(200);
    const again = await escalate(refused.mediationId);
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({
      code: 'MEDIATION_ALREADY_ESCALATED',
      details: { arbitrationCaseId: refused.arbitrationCaseId, status: 'NOT_ACCEPTED' },
    });
    expect(await casesFrom(refused.mediationId)).toBe(1);
    // A corrected application of the worker's own (DIRECT) is still open to them: the commission decides on it.
    const direct = await applyDirect(refused.complaintId, '拖欠工资（补正被申请人）');
    expect(direct.status).toBe(201);

    const withdrawn = await escalatedCase();
    const accepted = await t
      .http()
      .post(`/api/v1/arbitration/cases/${withdrawn.arbitrationCaseId}/accept`)
      .set(await auth('arbitrator'))
      .send({ version: 1 });
    expect(accepted.status).toBe(200);
    const closed = await t
      .http()
      .post(`/api/v1/arbitration/cases/${withdrawn.arbitrationCaseId}/close`)
      .set(await auth('arbitrator'))
      .send({
        version: accepted.body.version,
        closureType: 'WITHDRAWN',
        withdrawal: { basis: 'APPLICANT_REQUEST', channel: 'WRITTEN' },
      });
    expect(closed.status).toBe(200);
    expect((await escalate(withdrawn.mediationId)).body.code).toBe('MEDIATION_ALREADY_ESCALATED');
    expect(await casesFrom(withdrawn.mediationId)).toBe(1);
  });

  it('an award or a 调解书 ends the dispute: no new application for the complaint, escalated or direct (409)', async () => {
    for (const closureType of ['AWARD', 'MEDIATED']) {
      const c = await escalatedCase();
      // The award and 调解书 paths are arbitration(-awards).e2e's; here only their outcome matters.
      await t.dataSource.query(
        `UPDATE arbitration_cases SET status = 'CLOSED', closure_type = $2, closed_on = current_date WHERE id = $1`,
        [c.arbitrationCaseId, closureType],
      );
      const again = await escalate(c.mediationId);
      expect(again.status).toBe(409);
      expect(again.body).toMatchObject({
        code: 'ARBITRATION_DISPUTE_DECIDED',
        details: { arbitrationCaseId: c.arbitrationCaseId, closureType },
      });
      const direct = await applyDirect(c.complaintId, '拖欠工资');
      expect([direct.status, direct.body.code]).toEqual([409, 'ARBITRATION_DISPUTE_DECIDED']);
      expect(await casesFrom(c.mediationId)).toBe(1);
    }
  });

  it('refuses a mediation that is still open, and hides it from another worker', async () => {
    const { mediationId, complaintId } = await mediationCase();
    const open = await t
      .http()
      .post(`/api/v1/mediation/${mediationId}/escalate`)
      .set(await auth('mediator'))
      .send({ complainantRequest: { channel: 'PHONE' } });
    expect(open.status).toBe(409);
    expect(open.body.code).toBe('NOT_ESCALATABLE');
    await t.http().post('/api/v1/auth/otp/request').send({ phone: '13600000077' });
    const other = await t
      .http()
      .post('/api/v1/auth/otp/verify')
      .send({ phone: '13600000077', code: t.sms.lastCode('13600000077') });
    const res = await t
      .http()
      .post(`/api/v1/mediation/${mediationId}/escalate`)
      .set({ authorization: `Bearer ${other.body.accessToken}` });
    expect(res.status).toBe(404);
    const mine = await t
      .http()
      .get(`/api/v1/my/cases/${complaintId}`)
      .set({ authorization: `Bearer ${other.body.accessToken}` });
    expect(mine.status).toBe(404);
    const [{ n: cases }] = await t.dataSource.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM arbitration_cases WHERE source_mediation_case_id = $1`,
      [mediationId],
    );
    expect(cases).toBe(0);
  });
});
