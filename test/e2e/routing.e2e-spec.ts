import { organisationId } from '../../src/reference/organisations';
import { idNumber } from '../../bench/lib/fixture-bodies';
import { complaintBody, eventually, startTestApp, type TestApp } from '../support/test-app';

describe('routing and possible duplicates', () => {
  let t: TestApp;
  const auth = async (user: string) => ({ authorization: `Bearer ${await t.token(user)}` });
  let n = 0;
  /** A complaint against a fresh employer unless one is given (so tests do not flag each other as duplicates). */
  /** The complaint's timeline as the user reads it. */
  const eventsOf = async (id: string, user: string) =>
    (
      await t
        .http()
        .get(`/api/v1/complaints/${id}/events`)
        .set(await auth(user))
    ).body as { action: string; data: Record<string, unknown> }[];
  const file = async (overrides: Record<string, unknown> = {}) => {
    n++;
    const res = await t
      .http()
      .post('/api/v1/complaints')
      .set(await auth('13800000000'))
      .send(complaintBody({ employer: { name: `浦东路由测试公司${n}` }, ...overrides }));
    expect(res.status).toBe(201);
    return res.body as { id: string; possibleDuplicateOf: string | null; employer: { name: string } };
  };
  const accept = async (id: string) =>
    expect(
      (
        await t
          .http()
          .post(`/api/v1/complaints/${id}/accept`)
          .set(await auth('mediator'))
          .send({})
      ).status,
    ).toBe(200);
  const suggestion = async (id: string) =>
    (
      await t
        .http()
        .get(`/api/v1/complaints/${id}/routing-suggestion`)
        .set(await auth('mediator'))
    ).body;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('start-up seeds one mediation committee per street and the district bodies', async () => {
    const [{ committees }] = await t.dataSource.query<{ committees: number }[]>(
      `SELECT count(*)::int AS committees FROM organisations WHERE kind = 'MEDIATION_COMMITTEE'`,
    );
    const [{ streets }] = await t.dataSource.query<{ streets: number }[]>(
      `SELECT count(*)::int AS streets FROM jurisdictions WHERE level = 'STREET' AND parent_code = '310115'`,
    );
    expect(committees).toBe(streets);
  });

  it('suggests street mediation for an individual wage claim and routes there by default', async () => {
    const c = await file();
    await accept(c.id);
    const s = await suggestion(c.id);
    expect(s).toMatchObject({
      target: 'MEDIATION',
      organisation: {
        id: organisationId('MEDIATION_COMMITTEE', '310115005'),
        name: '陆家嘴街道人民调解委员会',
      },
      reasons: [{ code: 'INDIVIDUAL_DISPUTE', basis: expect.stringContaining('第十条') }],
      possibleDuplicateOf: null,
    });
    const routed = await t
      .http()
      .post(`/api/v1/complaints/${c.id}/route`)
      .set(await auth('mediator'))
      .send({ target: 'MEDIATION' });
    expect(routed.status).toBe(200);
    expect(routed.body).toMatchObject({
      status: 'ROUTED',
      route: { target: 'MEDIATION', organisationId: organisationId('MEDIATION_COMMITTEE', '310115005') },
    });
    const events = await eventsOf(c.id, '13800000000');
    expect(events.find((e) => e.action === 'ROUTED')?.data).toMatchObject({
      target: 'MEDIATION',
      organisationName: '陆家嘴街道人民调解委员会',
    });
  });

  it('suggests arbitration when the worker asks for it, inspection for statutory violations and collective arrears', async () => {
    expect(await suggestion((await file({ wantsArbitration: true })).id)).toMatchObject({
      target: 'ARBITRATION',
      organisation: { name: '浦东新区劳动人事争议仲裁委员会' },
    });
    expect(await suggestion((await file({ category: 'SOCIAL_INSURANCE' })).id)).toMatchObject({
      target: 'INSPECTION',
      organisation: { name: '浦东新区劳动保障监察大队' },
    });
    expect((await suggestion((await file({ affectedWorkers: 12 })).id)).reasons[0].code).toBe(
      'COLLECTIVE_WAGE_ARREARS',
    );
  });

  it('a report (举报) has no party: it goes to inspection only, and no mediation or arbitration opens on one', async () => {
    const {
      complainant: _c,
      claimedAmountFen: _a,
      ...report
    } = complaintBody({
      category: 'WAGE_ARREARS',
      employer: { name: '浦东路由测试举报公司' },
    });
    const filed = await t.http().post('/api/v1/reports').send(report);
    expect(filed.status).toBe(201);
    const [{ id, street }] = await t.dataSource.query<{ id: string; street: string }[]>(
      'SELECT id, workplace_street_code AS street FROM complaints WHERE tracking_no = $1',
      [filed.body.trackingNo],
    );
    await accept(id);
    expect((await suggestion(id)).target).toBe('INSPECTION');
    for (const target of ['MEDIATION', 'ARBITRATION']) {
      const refused = await t
        .http()
        .post(`/api/v1/complaints/${id}/route`)
        .set(await auth('mediator'))
        .send({ target });
      expect([target, refused.status, refused.body.code]).toEqual([target, 400, 'VALIDATION_FAILED']);
      expect(refused.body.details).toContainEqual(
        expect.objectContaining({ field: 'target', constraint: 'partyProceeding' }),
      );
    }
    // Nothing was written: still ACCEPTED, and routed to inspection it goes.
    const [row] = await t.dataSource.query<{ status: string }[]>(
      'SELECT status FROM complaints WHERE id = $1',
      [id],
    );
    expect(row.status).toBe('ACCEPTED');
    // A report routed elsewhere before this rule (a database of an earlier version): neither proceeding opens on it.
    await t.dataSource.query(
      `UPDATE complaints SET status = 'ROUTED', route_target = 'MEDIATION', route_organisation_id = $2, routed_at = now() WHERE id = $1`,
      [id, organisationId('MEDIATION_COMMITTEE', street)],
    );
    const mediation = await t
      .http()
      .post('/api/v1/mediation/cases')
      .set(await auth('mediator'))
      .send({ complaintId: id });
    expect([mediation.status, mediation.body.code]).toEqual([409, 'NOT_ROUTED_TO_MEDIATION']);
    await t.dataSource.query(
      `UPDATE complaints SET route_target = 'ARBITRATION', route_organisation_id = $2 WHERE id = $1`,
      [id, organisationId('ARBITRATION_COMMISSION', '310115')],
    );
    const arbitration = await t
      .http()
      .post('/api/v1/arbitration/cases')
      .set(await auth('arbitrator'))
      .send({
        complaintId: id,
        claims: [{ type: 'LABOR_REMUNERATION', amountFen: 100_000, description: '请求 LABOR_REMUNERATION' }],
      });
    expect([arbitration.status, arbitration.body.code]).toEqual([409, 'COMPLAINT_NOT_ROUTED_TO_ARBITRATION']);
  });

  it('refuses routing before acceptance, to a body of the wrong kind or street, and to an unknown target', async () => {
    const c = await file();
    const early = await t
      .http()
      .post(`/api/v1/complaints/${c.id}/route`)
      .set(await auth('mediator'))
      .send({ target: 'MEDIATION' });
    expect(early.status).toBe(409);
    expect(early.body).toMatchObject({
      code: 'ILLEGAL_TRANSITION',
      details: {
        status: 'SUBMITTED',
        allowed: ['ACCEPTED', 'REJECTED', 'CORRECTION_REQUESTED', 'WITHDRAWN'],
      },
    });
    await accept(c.id);
    const otherStreet = await t
      .http()
      .post(`/api/v1/complaints/${c.id}/route`)
      .set(await auth('mediator'))
      .send({ target: 'MEDIATION', organisationId: organisationId('MEDIATION_COMMITTEE', '310115007') });
    expect(otherStreet.status).toBe(400);
    const wrongKind = await t
      .http()
      .post(`/api/v1/complaints/${c.id}/route`)
      .set(await auth('mediator'))
      .send({ target: 'MEDIATION', organisationId: organisationId('INSPECTION_BRIGADE', '310115') });
    expect(wrongKind.status).toBe(400);
    expect(
      (
        await t
          .http()
          .post(`/api/v1/complaints/${c.id}/route`)
          .set(await auth('mediator'))
          .send({ target: 'COURT' })
      ).status,
    ).toBe(400);
    expect(
      (
        await t
          .http()
          .get(`/api/v1/complaints/${c.id}/routing-suggestion`)
          .set(await auth('13800000000'))
      ).status,
    ).toBe(403);
    // Nothing was half-written: still ACCEPTED and routable.
    const ok = await t
      .http()
      .post(`/api/v1/complaints/${c.id}/route`)
      .set(await auth('mediator'))
      .send({ target: 'ARBITRATION' });
    expect(ok.body).toMatchObject({
      status: 'ROUTED',
      route: { target: 'ARBITRATION', organisationId: organisationId('ARBITRATION_COMMISSION', '310115') },
    });
    // Routed: the same body again is refused (another body, while no case is open, is a re-route: reroute.e2e).
    const again = await t
      .http()
      .post(`/api/v1/complaints/${c.id}/route`)
      .set(await auth('mediator'))
      .send({ target: 'ARBITRATION' });
    expect([again.status, again.body.code, again.body.details?.reason]).toEqual([
      409,
      'REROUTE_NOT_ALLOWED',
      'SAME_TARGET',
    ]);
  });

  describe('possible duplicates (same complainant, employer and category within 30 days)', () => {
    it('flags the second complaint, blocks routing until reviewed, and routes once dismissed', async () => {
      const first = await file({ employer: { name: '重复测试甲公司' } });
      const second = await file({ employer: { name: '重复测试甲公司' } });
      const otherCategory = await file({ employer: { name: '重复测试甲公司' }, category: 'OVERTIME_PAY' });
      expect(first.possibleDuplicateOf).toBeNull();
      expect(second.possibleDuplicateOf).toBe(first.id);
      expect(otherCategory.possibleDuplicateOf).toBeNull();
      await accept(second.id);
      expect((await suggestion(second.id)).reasons.map((r: { code: string }) => r.code)).toContain(
        'POSSIBLE_DUPLICATE',
      );
      const blocked = await t
        .http()
        .post(`/api/v1/complaints/${second.id}/route`)
        .set(await auth('mediator'))
        .send({ target: 'MEDIATION' });
      expect(blocked.status).toBe(409);
      expect(blocked.body).toMatchObject({
        code: 'POSSIBLE_DUPLICATE_UNREVIEWED',
        details: { possibleDuplicateOf: first.id },
      });
      const dismissed = await t
        .http()
        .post(`/api/v1/complaints/${second.id}/duplicate-review`)
        .set(await auth('mediator'))
        .send({ decision: 'DISMISS' });
      expect(dismissed.body).toMatchObject({ duplicateReview: 'DISMISSED' });
      expect(
        (
          await t
            .http()
            .post(`/api/v1/complaints/${second.id}/route`)
            .set(await auth('mediator'))
            .send({ target: 'MEDIATION' })
        ).status,
      ).toBe(200);
      expect(
        (
          await t
            .http()
            .post(`/api/v1/complaints/${second.id}/duplicate-review`)
            .set(await auth('mediator'))
            .send({ decision: 'DISMISS' })
        ).status,
      ).toBe(409);
    });

    it('finds the earlier complaint by ID number as well as by account, the earliest of both; co-workers are not duplicates', async () => {
      const employer = { name: '重复测试丙公司' };
      const desk = async (who: number) => {
        const res = await t
          .http()
          .post('/api/v1/complaints')
          .set(await auth('mediator'))
          .send(
            complaintBody({
              employer,
              channel: 'WALK_IN',
              complainant: { name: `工人${who}`, idNumber: idNumber(who), phone: `139123400${who}` },
            }),
          );
        expect(res.status).toBe(201);
        return res.body as { id: string; possibleDuplicateOf: string | null };
      };
      const byWorker = (who: number) =>
        file({ employer, complainant: { name: '张三', idNumber: idNumber(who) } });
      const d1 = await desk(81);
      // A mass dispute: another worker of the same employer is not a duplicate.
      expect((await desk(82)).possibleDuplicateOf).toBeNull();
      // By ID number only (the account has filed nothing here yet).
      const w1 = await byWorker(81);
      expect(w1.possibleDuplicateOf).toBe(d1.id);
      // By account only (nobody with this ID number has).
      expect((await byWorker(83)).possibleDuplicateOf).toBe(w1.id);
      // Both match: the earlier of the two, the desk's.
      expect((await byWorker(81)).possibleDuplicateOf).toBe(d1.id);
      // The desk again for the first worker: the earliest by ID number.
      expect((await desk(81)).possibleDuplicateOf).toBe(d1.id);
    });

    it('a withdrawn complaint is no original: refiled, it is not flagged; one flagged before the withdrawal is not merged into it', async () => {
      const withdraw = async (id: string) =>
        t
          .http()
          .post(`/api/v1/complaints/${id}/withdraw`)
          .set(await auth('13800000000'))
          .send({ reason: '先与单位协商' });
      const first = await file({ employer: { name: '重复测试撤回公司' } });
      const second = await file({ employer: { name: '重复测试撤回公司' } });
      expect(second.possibleDuplicateOf).toBe(first.id);
      expect((await withdraw(first.id)).status).toBe(200);
      // Merged into the withdrawn case, the second complaint would be lost.
      const merged = await t
        .http()
        .post(`/api/v1/complaints/${second.id}/duplicate-review`)
        .set(await auth('inspector'))
        .send({ decision: 'CONFIRM' });
      expect([merged.status, merged.body.code, merged.body.details.originalStatus]).toEqual([
        409,
        'DUPLICATE_OF_CLOSED',
        'WITHDRAWN',
      ]);
      expect((await withdraw(second.id)).status).toBe(200);
      // Filed again after both were withdrawn: nothing open to duplicate.
      const again = await file({ employer: { name: '重复测试撤回公司' } });
      expect(again.possibleDuplicateOf).toBeNull();
    });

    it('confirming refuses the duplicate with the reason DUPLICATE', async () => {
      const first = await file({ employer: { name: '重复测试乙公司' } });
      const second = await file({ employer: { name: '重复测试乙公司' } });
      const res = await t
        .http()
        .post(`/api/v1/complaints/${second.id}/duplicate-review`)
        .set(await auth('inspector'))
        .send({ decision: 'CONFIRM' });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ status: 'REJECTED', duplicateReview: 'CONFIRMED' });
      const events = await eventsOf(second.id, 'inspector');
      expect(events.map((e) => e.action)).toEqual(
        expect.arrayContaining(['POSSIBLE_DUPLICATE_FLAGGED', 'REJECTED']),
      );
      expect(events.find((e) => e.action === 'REJECTED')?.data).toMatchObject({
        reason: 'DUPLICATE',
        note: `duplicate of ${first.id}`,
      });
      const [{ tracking_no: firstNo }] = await t.dataSource.query<{ tracking_no: string }[]>(
        'SELECT tracking_no FROM complaints WHERE id = $1',
        [first.id],
      );
      await eventually(() =>
        t.sms.sent.some(
          (m) =>
            m.template === 'COMPLAINT_NOT_ACCEPTED_NOTICE' && m.text.includes(`请以编号${firstNo}的投诉`),
        ),
      );
      expect(
        (
          await t
            .http()
            .post(`/api/v1/complaints/${second.id}/duplicate-review`)
            .set(await auth('inspector'))
            .send({ decision: 'MAYBE' })
        ).status,
      ).toBe(400);
    });

    it('refusing as DUPLICATE through /reject names the open original by its tracking number', async () => {
      const original = (await file()) as unknown as { id: string; trackingNo: string };
      const again = await file();
      const reject = async (body: Record<string, unknown>) =>
        t
          .http()
          .post(`/api/v1/complaints/${again.id}/reject`)
          .set(await auth('inspector'))
          .send({ reason: 'DUPLICATE', legalBasis: '若干规定 第十八条', ...body });
      for (const duplicateOf of [
        undefined,
        'TS000000000000000',
        (again as unknown as { trackingNo: string }).trackingNo,
      ]) {
        const r = await reject({ duplicateOf });
        expect([r.status, r.body.details?.[0]?.field]).toEqual([400, 'duplicateOf']);
      }
      // Another worker's complaint is no original of this one: theirs is kept, this one too (or a collective dispute).
      const coworker = await t
        .http()
        .post('/api/v1/complaints')
        .set(await auth('mediator'))
        .send(
          complaintBody({
            channel: 'WALK_IN',
            complainant: { name: '工人84', idNumber: idNumber(84), phone: '13912340084' },
          }),
        );
      expect(coworker.status).toBe(201);
      const other = await reject({ duplicateOf: coworker.body.trackingNo });
      expect([other.status, other.body.code]).toEqual([409, 'DUPLICATE_OF_ANOTHER_COMPLAINANT']);
      const ok = await reject({ duplicateOf: original.trackingNo });
      expect(ok.status).toBe(200);
      const events = await eventsOf(again.id, 'inspector');
      expect(events.find((e) => e.action === 'REJECTED')?.data).toMatchObject({
        reason: 'DUPLICATE',
        note: `duplicate of ${original.id}`,
      });
      // The worker is told which complaint it was merged into, to follow that one.
      const againNo = (again as unknown as { trackingNo: string }).trackingNo;
      const notice = () =>
        t.sms.sent.find(
          (m) => m.template === 'COMPLAINT_NOT_ACCEPTED_NOTICE' && m.params.trackingNo === againNo,
        );
      await eventually(() => !!notice());
      expect(notice()!.text).toContain(`请以编号${original.trackingNo}的投诉查询办理进展。`);
    });
  });
});
