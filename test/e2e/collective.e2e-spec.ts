import { addDays, todayInShanghai } from '../../src/calendar/local-date';
import { MediationSweepService } from '../../src/mediation/mediation-sweep.service';
import { fileMembers, memberPhone, toldOnceEach } from '../support/collective';
import { complaintBody, eventually, startTestApp, type TestApp } from '../support/test-app';
import { signInWorker } from '../support/users';

describe('collective disputes (10+ workers, common claim, one employer, 30 days)', () => {
  let t: TestApp;
  const auth = async (user: string) => ({ authorization: `Bearer ${await t.token(user)}` });
  /** POST /collective-disputes as the street's mediator. */
  const confirm = async (body: Record<string, unknown>) =>
    t
      .http()
      .post('/api/v1/collective-disputes')
      .set(await auth('mediator'))
      .send(body);
  const workers: string[] = [];
  const complaintIds: string[] = [];
  let employerId = '';

  beforeAll(async () => {
    t = await startTestApp();
    for (let i = 0; i < 12; i++) workers.push(await signInWorker(t, memberPhone(i)));
    const filed = await fileMembers(t, workers, '浦东某某建筑工程有限公司', (i) => ({
      claimedAmountFen: 800_000 + i * 1000,
    }));
    complaintIds.push(...filed.ids);
    employerId = filed.employerId;
  });
  afterAll(async () => {
    await t.close();
  });

  it('proposes the 12 workers as one collective dispute to staff of the street; workers may not list proposals', async () => {
    const res = await t
      .http()
      .get('/api/v1/collective-disputes/proposals')
      .set(await auth('mediator'));
    expect(res.status).toBe(200);
    expect(res.body).toEqual([
      expect.objectContaining({
        employer: { id: employerId, name: '浦东某某建筑工程有限公司', nameConfirmed: false },
        category: 'WAGE_ARREARS',
        workers: 12,
        basis: '劳动争议调解仲裁法 第七条',
      }),
    ]);
    expect(new Set(res.body[0].complaintIds)).toEqual(new Set(complaintIds));
    const other = await t
      .http()
      .get('/api/v1/collective-disputes/proposals')
      .set(await auth('13800000000'));
    expect(other.status).toBe(403);
  });

  it('refuses fewer than 10 workers, a wrong number of representatives, and representatives outside the group', async () => {
    const few = await confirm({
      employerId,
      category: 'WAGE_ARREARS',
      complaintIds: complaintIds.slice(0, 9),
      representativeComplaintIds: complaintIds.slice(0, 3),
    });
    expect(few.status).toBe(400);
    expect(JSON.stringify(few.body.details)).toContain('至少 10 名');
    const twoReps = await confirm({
      employerId,
      category: 'WAGE_ARREARS',
      complaintIds,
      representativeComplaintIds: complaintIds.slice(0, 2),
    });
    expect(twoReps.status).toBe(400);
    const outsider = await confirm({
      employerId,
      category: 'WAGE_ARREARS',
      complaintIds: complaintIds.slice(0, 11),
      representativeComplaintIds: [complaintIds[0], complaintIds[1], complaintIds[11]],
    });
    expect(outsider.status).toBe(400);
    // A withdrawn complaint's worker is no longer in the dispute (第七条 counts ten or more still in it): nine and a
    // withdrawn one are not ten; the withdrawn one is named (409 COLLECTIVE_MEMBERS_INELIGIBLE, collective-eligibility).
    const left = await t
      .http()
      .post('/api/v1/complaints')
      .set(await auth('13800000000'))
      .send(complaintBody({ employer: { name: '浦东某某建筑工程有限公司' } }));
    expect(left.status).toBe(201);
    const withdrawn = await t
      .http()
      .post(`/api/v1/complaints/${left.body.id}/withdraw`)
      .set(await auth('13800000000'))
      .send({ reason: '已与单位和解' });
    expect(withdrawn.status).toBe(200);
    const withWithdrawn = await confirm({
      employerId,
      category: 'WAGE_ARREARS',
      complaintIds: [...complaintIds.slice(0, 9), left.body.id],
      representativeComplaintIds: complaintIds.slice(0, 3),
    });
    expect([withWithdrawn.status, withWithdrawn.body.code]).toEqual([409, 'COLLECTIVE_MEMBERS_INELIGIBLE']);
    expect(withWithdrawn.body.details.excluded).toEqual([
      { complaintId: left.body.id, trackingNo: left.body.trackingNo, reasons: ['WITHDRAWN'] },
    ]);
    const proposed = await t
      .http()
      .get('/api/v1/collective-disputes/proposals')
      .set(await auth('mediator'));
    expect(proposed.body[0].complaintIds).not.toContain(left.body.id);
    const [{ n }] = await t.dataSource.query<{ n: number }[]>(
      'SELECT count(*)::int AS n FROM collective_disputes',
    );
    expect(n).toBe(0);
  });

  it('confirms: links every claim (each keeps its own amount), records the representatives, gets priority; arbitration will sit as three', async () => {
    const res = await confirm({
      employerId,
      category: 'WAGE_ARREARS',
      complaintIds,
      representativeComplaintIds: complaintIds.slice(0, 3),
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ priority: true, representativeComplaintIds: complaintIds.slice(0, 3) });
    expect(res.body.members).toHaveLength(12);
    expect(res.body.members.map((m: { claimedAmountFen: number }) => m.claimedAmountFen).sort()).toEqual(
      Array.from({ length: 12 }, (_, i) => 800_000 + i * 1000).sort(),
    );
    const one = await t
      .http()
      .get(`/api/v1/complaints/${complaintIds[5]}`)
      .set({ authorization: `Bearer ${workers[5]}` });
    expect(one.body).toMatchObject({ collectiveDisputeId: res.body.id, claimedAmountFen: 805_000 });
    const events = (
      await t
        .http()
        .get(`/api/v1/complaints/${complaintIds[0]}/events`)
        .set(await auth('mediator'))
    ).body as { action: string; data: Record<string, unknown> }[];
    expect(events.find((e) => e.action === 'COLLECTIVE_DISPUTE_CONFIRMED')?.data).toMatchObject({
      workers: 12,
      representative: true,
    });
    // No longer proposed, and not linkable twice.
    expect(
      (
        await t
          .http()
          .get('/api/v1/collective-disputes/proposals')
          .set(await auth('mediator'))
      ).body,
    ).toEqual([]);
    const again = await confirm({
      employerId,
      category: 'WAGE_ARREARS',
      complaintIds,
      representativeComplaintIds: complaintIds.slice(0, 3),
    });
    expect(again.status).toBe(400);
    // In arbitration a collective dispute has a three-arbitrator tribunal.
    const arb = await routedAsOneCase(res.body.id as string);
    expect(arb.collective).toBe(true);
    expect(
      (
        await t
          .http()
          .get(`/api/v1/collective-disputes/${res.body.id}`)
          .set(await auth('inspector'))
      ).status,
    ).toBe(200);
  });

  /** 14.8: the members are routed together, and the group's arbitration is one case carrying every member. */
  const routedAsOneCase = async (disputeId: string) => {
    const post = async (path: string, body: object, user = 'mediator') =>
      t
        .http()
        .post(`/api/v1${path}`)
        .set(await auth(user))
        .send(body);
    // The suggestion names the collective case.
    const suggestion = await t
      .http()
      .get(`/api/v1/complaints/${complaintIds[0]}/routing-suggestion`)
      .set(await auth('mediator'));
    expect(suggestion.body.collectiveDispute).toMatchObject({ id: disputeId, workers: 12 });
    expect(suggestion.body.reasons).toEqual(
      expect.arrayContaining([expect.objectContaining({ code: 'COLLECTIVE_DISPUTE' })]),
    );
    // Not before every member is accepted: the pending members are named, nothing is routed.
    expect((await post(`/complaints/${complaintIds[0]}/accept`, {})).status).toBe(200);
    const early = await post(`/complaints/${complaintIds[0]}/route`, { target: 'ARBITRATION' });
    expect([early.status, early.body.code, early.body.details.pending]).toEqual([
      409,
      'COLLECTIVE_MEMBERS_PENDING',
      expect.arrayContaining([expect.stringMatching(/^TS-/)]),
    ]);
    expect(early.body.details.pending).toHaveLength(11);
    for (const id of complaintIds.slice(1))
      expect((await post(`/complaints/${id}/accept`, {})).status).toBe(200);
    const routed = await post(`/complaints/${complaintIds[0]}/route`, { target: 'ARBITRATION' });
    expect(routed.status).toBe(200);
    const statuses = await t.dataSource.query<{ status: string; route_target: string }[]>(
      `SELECT status, route_target FROM complaints WHERE collective_dispute_id = $1`,
      [disputeId],
    );
    expect(statuses).toHaveLength(12);
    expect(statuses.every((c) => c.status === 'ROUTED' && c.route_target === 'ARBITRATION')).toBe(true);
    // Every member is told where the group's dispute went (14.6), once each.
    const toldPhones = () =>
      new Set(t.sms.sent.filter((m) => m.template === 'COMPLAINT_ROUTED').map((m) => m.phone));
    await eventually(() => toldPhones().size === 12);
    expect([...toldPhones()].sort()).toEqual(Array.from({ length: 12 }, (_, i) => memberPhone(i)).sort());
    expect(t.sms.sent.filter((m) => m.template === 'COMPLAINT_ROUTED')).toHaveLength(12);

    const claims = [{ type: 'LABOR_REMUNERATION', description: '拖欠工资', amountFen: 800_000 }];
    const arb = await post('/arbitration/cases', { complaintId: complaintIds[0], claims }, 'arbitrator');
    expect(arb.status).toBe(201);
    expect(arb.body.collectiveDisputeId).toBe(disputeId);
    expect(arb.body.members.map((m: { complaintId: string }) => m.complaintId).sort()).toEqual(
      [...complaintIds].sort(),
    );
    // 调解仲裁法 第七条: the case carries every member's own claim — the filer's as given, the eleven others' from
    // their complaints with their own amounts — not the filer's alone.
    const caseClaims = arb.body.claims as { type: string; description: string; amountFen: number }[];
    expect(caseClaims).toHaveLength(12);
    expect(caseClaims[0]).toMatchObject(claims[0]);
    const others = arb.body.members.filter((m: { complaintId: string }) => m.complaintId !== complaintIds[0]);
    expect(caseClaims.slice(1).map((c) => c.description.split('：')[0])).toEqual(
      others.map((m: { trackingNo: string }) => m.trackingNo),
    );
    expect(caseClaims.slice(1).map((c) => [c.type, c.amountFen])).toEqual(
      others.map((m: { complaintId: string }) => [
        'LABOR_REMUNERATION',
        800_000 + complaintIds.indexOf(m.complaintId) * 1000,
      ]),
    );
    // Another member's application finds the group's case.
    const second = await post('/arbitration/cases', { complaintId: complaintIds[4], claims }, 'arbitrator');
    expect([second.status, second.body.code, second.body.details.arbitrationCaseId]).toEqual([
      409,
      'ARBITRATION_CASE_EXISTS',
      arb.body.id,
    ]);
    // Every member follows the one case.
    const member = { authorization: `Bearer ${workers[5]}` };
    const seen = await t.http().get(`/api/v1/arbitration/cases/${arb.body.id}`).set(member);
    expect(seen.status).toBe(200);
    const mine = await t.http().get(`/api/v1/my/cases/${complaintIds[5]}`).set(member);
    expect(mine.body.currentStep).toMatchObject({
      proceeding: 'ARBITRATION',
      id: arb.body.id,
      status: 'APPLIED',
    });
    expect(mine.body.timeline.map((e: { action: string }) => e.action)).toContain('ARBITRATION_APPLIED');
    return arb.body as { collective: boolean };
  };

  /** The ten workers each file a complaint of one category against one employer (a collective dispute's members). */
  const fileTen = async (category: string, employerName: string) =>
    fileMembers(t, workers.slice(0, 10), employerName, () => ({ category }));
  /** The street's mediator closes the mediation case as failed (调解不成). */
  const closeFailed = async (m: { id: string; version: number }) => {
    const failed = await t
      .http()
      .post(`/api/v1/mediation/cases/${m.id}/close`)
      .set(await auth('mediator'))
      .send({ version: m.version, outcome: 'FAILED' });
    expect(failed.status).toBe(200);
  };
  /** The ten workers' complaints confirmed as one dispute with these representatives, accepted, routed to mediation. */
  const routedGroup = async (
    category: string,
    employerName: string,
    reps: (ids: string[]) => string[] = () => [],
  ) => {
    const { ids, trackingNos, employerId: employer } = await fileTen(category, employerName);
    const staff = await auth('mediator');
    const dispute = await t
      .http()
      .post('/api/v1/collective-disputes')
      .set(staff)
      .send({ employerId: employer, category, complaintIds: ids, representativeComplaintIds: reps(ids) });
    expect(dispute.status).toBe(201);
    for (const id of ids)
      expect((await t.http().post(`/api/v1/complaints/${id}/accept`).set(staff).send({})).status).toBe(200);
    expect(
      (await t.http().post(`/api/v1/complaints/${ids[0]}/route`).set(staff).send({ target: 'MEDIATION' }))
        .status,
    ).toBe(200);
    return { ids, trackingNos, dispute };
  };

  it('a dismissed proposal is not proposed again within the window', async () => {
    await fileTen('OVERTIME_PAY', '浦东某某建筑工程有限公司');
    const before = (
      await t
        .http()
        .get('/api/v1/collective-disputes/proposals')
        .set(await auth('mediator'))
    ).body as { category: string }[];
    expect(before.map((p) => p.category)).toEqual(['OVERTIME_PAY']);
    expect(
      (
        await t
          .http()
          .post('/api/v1/collective-disputes/proposals/dismiss')
          .set(await auth('mediator'))
          .send({ employerId, category: 'OVERTIME_PAY' })
      ).status,
    ).toBe(204);
    expect(
      (
        await t
          .http()
          .get('/api/v1/collective-disputes/proposals')
          .set(await auth('mediator'))
      ).body,
    ).toEqual([]);
  });

  it('a collective dispute is mediated as one case: every member follows it, another member cannot open a second (14.8)', async () => {
    // No representatives elected: 第七条 lets the workers elect them (可以推举), it does not require it.
    const { ids, dispute } = await routedGroup('UNLAWFUL_TERMINATION', '浦东某某建筑工程有限公司');
    const staff = await auth('mediator');
    expect(dispute.body.representativeComplaintIds).toEqual([]);
    // Routing started each member's period to open the case (COMPLAINT_TAKE_UP); the group's one case stops them all.
    const takeUp = () =>
      t.dataSource.query<{ stopped: boolean }[]>(
        `SELECT k.stopped_on IS NOT NULL AS stopped FROM clocks k
          WHERE k.case_type = 'COMPLAINT' AND k.rule_id = 'COMPLAINT_TAKE_UP' AND k.case_id = ANY($1)`,
        [ids],
      );
    expect((await takeUp()).map((k) => k.stopped)).toEqual(Array(10).fill(false));
    const opened = await t.http().post('/api/v1/mediation/cases').set(staff).send({ complaintId: ids[0] });
    expect(opened.status).toBe(201);
    expect(opened.body.collectiveDisputeId).toBe(dispute.body.id);
    expect((await takeUp()).map((k) => k.stopped)).toEqual(Array(10).fill(true));
    expect(opened.body.members).toHaveLength(10);
    // Whom the case is about: the employer, and the complainant of the complaint it was opened on (in full for the
    // mediator); the members stay listed.
    expect(opened.body.employer).toEqual({
      id: expect.any(String),
      name: '浦东某某建筑工程有限公司',
      nameConfirmed: false,
    });
    expect(opened.body.complainant).toEqual({ name: '工人0', phone: memberPhone(0) });
    const second = await t.http().post('/api/v1/mediation/cases').set(staff).send({ complaintId: ids[3] });
    expect([second.status, second.body.code, second.body.details.mediationCaseId]).toEqual([
      409,
      'MEDIATION_CASE_EXISTS',
      opened.body.id,
    ]);
    const member = { authorization: `Bearer ${workers[3]}` };
    const asMember = await t.http().get(`/api/v1/mediation/cases/${opened.body.id}`).set(member);
    expect(asMember.status).toBe(200);
    // Another member reads the group's one case: the opener's name and phone are not hers, masked.
    expect(asMember.body.complainant).toEqual({ name: '工**', phone: '135****1000' });
    expect(asMember.body.members).toHaveLength(10);
    const mine = await t.http().get(`/api/v1/my/cases/${ids[3]}`).set(member);
    expect(mine.body.currentStep).toMatchObject({
      proceeding: 'MEDIATION',
      id: opened.body.id,
      status: 'OPEN',
    });
    expect(mine.body.timeline.map((e: { action: string }) => e.action)).toContain('MEDIATION_OPENED');
    // A worker outside the dispute does not see it.
    const outsider = { authorization: `Bearer ${workers[11]}` };
    expect((await t.http().get(`/api/v1/mediation/cases/${opened.body.id}`).set(outsider)).status).toBe(404);
    // Mediation fails: the arbitration application carries every member's own claim, not the first one's alone.
    await closeFailed(opened.body);
    const escalated = await t
      .http()
      .post(`/api/v1/mediation/${opened.body.id}/escalate`)
      .set(staff)
      .send({ complainantRequest: { channel: 'WRITTEN', note: '代表人书面申请' } });
    expect(escalated.status).toBe(201);
    const claims = escalated.body.claims as { description: string; amountFen: number }[];
    expect(claims).toHaveLength(10);
    expect(claims.reduce((s, c) => s + c.amountFen, 0)).toBe(10 * 1_250_000);
    expect(claims.map((c) => c.description.split('：')[0]).sort()).toEqual(
      opened.body.members.map((m: { trackingNo: string }) => m.trackingNo).sort(),
    );
    // Every member is told, once, under their own tracking number — not the opening complaint's worker alone: that
    // mediation failed and that the group's case went to arbitration (第七条: the next step is every member's).
    const trackingNos = opened.body.members.map((m: { trackingNo: string }) => m.trackingNo).sort();
    for (const template of ['MEDIATION_FAILED', 'ARBITRATION_APPLICATION_FROM_MEDIATION']) {
      const sent = () => t.sms.sent.filter((m) => m.template === template);
      await eventually(() => sent().length >= 10);
      expect(
        sent()
          .map((m) => m.params.trackingNo)
          .sort(),
      ).toEqual(trackingNos);
      expect(new Set(sent().map((m) => m.phone)).size).toBe(10);
    }
  });

  /**
   * The ten workers' dispute confirmed with these representatives, mediated from the first complaint, failed (or
   * ended by `end`).
   */
  const failedGroupMediation = async (
    category: string,
    employerName: string,
    reps: (ids: string[]) => string[],
    end: (m: { id: string; version: number }) => Promise<void> = closeFailed,
  ) => {
    const { ids, trackingNos, dispute } = await routedGroup(category, employerName, reps);
    const staff = await auth('mediator');
    const opened = await t.http().post('/api/v1/mediation/cases').set(staff).send({ complaintId: ids[0] });
    expect(opened.status).toBe(201);
    // The messages sent from the end on (earlier groups' members have the same phones).
    const smsSince = t.sms.sent.length;
    await end(opened.body);
    return {
      ids,
      trackingNos,
      smsSince,
      disputeId: dispute.body.id as string,
      mediationId: opened.body.id as string,
    };
  };
  /** Worker i's case file's next step. */
  const nextStepOf = async (i: number, complaintId: string) => {
    const mine = await t
      .http()
      .get(`/api/v1/my/cases/${complaintId}`)
      .set({ authorization: `Bearer ${workers[i]}` });
    expect(mine.status).toBe(200);
    return mine.body.nextStep as { text: string; actions: { action: string }[] };
  };
  /** Worker i's case file's actions, and their escalation of the mediation. */
  const actionsOf = async (i: number, complaintId: string) =>
    (await nextStepOf(i, complaintId)).actions.map((a) => a.action);
  const escalateAs = (i: number, mediationId: string) =>
    t
      .http()
      .post(`/api/v1/mediation/${mediationId}/escalate`)
      .set({ authorization: `Bearer ${workers[i]}` })
      .send({});

  it('with representatives elected, a representative escalates for the group; another member (the opener too) is refused 403 and not offered it (第七条)', async () => {
    // The opening complaint's worker (0) is not among the representatives (1, 2, 3).
    const { ids, disputeId, mediationId } = await failedGroupMediation(
      'NO_CONTRACT',
      '浦东集体代表测试有限公司',
      (ids) => ids.slice(1, 4),
    );
    for (const i of [0, 5]) {
      expect(await actionsOf(i, ids[i])).toEqual([]);
      const refused = await escalateAs(i, mediationId);
      expect([refused.status, refused.body.code]).toEqual([403, 'NOT_ACTING_FOR_COLLECTIVE_DISPUTE']);
    }
    const en = await t
      .http()
      .post(`/api/v1/mediation/${mediationId}/escalate`)
      .set({ authorization: `Bearer ${workers[5]}`, 'accept-language': 'en' })
      .send({});
    expect(en.body.message).toContain('representatives');
    expect(await actionsOf(2, ids[2])).toEqual(['ESCALATE_TO_ARBITRATION']);
    const escalated = await escalateAs(2, mediationId);
    expect(escalated.status).toBe(201);
    expect(escalated.body.complaintId).toBe(ids[0]);
    expect(escalated.body.claims).toHaveLength(10);
    const arb = await t
      .http()
      .get(`/api/v1/arbitration/cases/${escalated.body.arbitrationCaseId}`)
      .set({ authorization: `Bearer ${workers[5]}` });
    expect(arb.status).toBe(200);
    expect(arb.body).toMatchObject({ collectiveDisputeId: disputeId, source: 'MEDIATION', collective: true });
    expect(arb.body.members.map((m: { complaintId: string }) => m.complaintId).sort()).toEqual(
      [...ids].sort(),
    );
    // Once for the whole group: another representative finds the group's case.
    const again = await escalateAs(3, mediationId);
    expect([again.status, again.body.code]).toEqual([409, 'ARBITRATION_CASE_EXISTS']);
    expect(await actionsOf(3, ids[3])).toEqual([]);
  });

  it('with no representatives elected, any member — not only the opener — escalates for the group', async () => {
    const { ids, disputeId, mediationId } = await failedGroupMediation(
      'WORKING_HOURS_LEAVE',
      '浦东集体无代表测试有限公司',
      () => [],
    );
    expect(await actionsOf(4, ids[4])).toEqual(['ESCALATE_TO_ARBITRATION']);
    const escalated = await escalateAs(4, mediationId);
    expect(escalated.status).toBe(201);
    expect(escalated.body.claims).toHaveLength(10);
    const arb = await t
      .http()
      .get(`/api/v1/arbitration/cases/${escalated.body.arbitrationCaseId}`)
      .set({ authorization: `Bearer ${workers[7]}` });
    expect(arb.body).toMatchObject({ collectiveDisputeId: disputeId, collective: true });
    expect(arb.body.members).toHaveLength(10);
    const again = await escalateAs(0, mediationId);
    expect(again.status).toBe(409);
  });

  /** Worker i applies for arbitration directly (调解仲裁法 第五条) on their own complaint. */
  const applyDirectlyAs = (i: number, complaintId: string) =>
    t
      .http()
      .post('/api/v1/arbitration/cases')
      .set({ authorization: `Bearer ${workers[i]}` })
      .send({
        complaintId,
        claims: [{ type: 'LABOR_REMUNERATION', description: '拖欠工资', amountFen: 800_000 }],
      });
  /** The arbitration cases of the dispute (none created by a refused application). */
  const arbitrationCasesOf = async (disputeId: string) => {
    const rows = await t.dataSource.query<{ id: string }[]>(
      `SELECT id FROM arbitration_cases WHERE collective_dispute_id = $1`,
      [disputeId],
    );
    return rows.length;
  };

  it("a member who is not a representative may not file the group's arbitration directly either (403, no case); a representative does (第七条)", async () => {
    const { ids, disputeId } = await failedGroupMediation(
      'WAGE_ARREARS',
      '浦东集体直接仲裁测试有限公司',
      (ids) => ids.slice(1, 4),
    );
    for (const i of [0, 5]) {
      const refused = await applyDirectlyAs(i, ids[i]);
      expect([refused.status, refused.body.code]).toEqual([403, 'NOT_ACTING_FOR_COLLECTIVE_DISPUTE']);
    }
    expect(await arbitrationCasesOf(disputeId)).toBe(0);
    const applied = await applyDirectlyAs(2, ids[2]);
    expect(applied.status).toBe(201);
    expect(applied.body).toMatchObject({ collectiveDisputeId: disputeId, collective: true });
    expect(applied.body.members).toHaveLength(10);
    expect(await arbitrationCasesOf(disputeId)).toBe(1);
  });

  it('a representative’s direct application ends the group’s open mediation; another member’s refused one leaves it open (第五条, 第七条)', async () => {
    const { ids, dispute } = await routedGroup('OTHER', '浦东集体调解中申请仲裁测试有限公司', repsOneToThree);
    const staff = await auth('mediator');
    const opened = await t.http().post('/api/v1/mediation/cases').set(staff).send({ complaintId: ids[0] });
    expect(opened.status).toBe(201);
    const statusOfMediation = async () =>
      (await t.http().get(`/api/v1/mediation/cases/${opened.body.id}`).set(staff)).body.status as string;
    // The case file offers the application from the open mediation to the representatives only.
    for (const i of [0, 5])
      expect(await nextStepOf(i, ids[i])).toEqual({
        text: expect.stringContaining('集体争议推举的代表可以直接申请劳动争议仲裁；申请后，本次调解即结束。'),
        actions: [],
      });
    expect(await nextStepOf(2, ids[2])).toEqual({
      text: expect.stringContaining('如您不愿继续调解，可以直接申请劳动争议仲裁；申请后，本次调解即结束。'),
      actions: [{ action: 'APPLY_FOR_ARBITRATION', method: 'POST', path: '/api/v1/arbitration/cases' }],
    });
    for (const i of [0, 5]) {
      const refused = await applyDirectlyAs(i, ids[i]);
      expect([refused.status, refused.body.code]).toEqual([403, 'NOT_ACTING_FOR_COLLECTIVE_DISPUTE']);
    }
    expect(await statusOfMediation()).toBe('OPEN');
    const applied = await applyDirectlyAs(2, ids[2]);
    expect([applied.status, applied.body.source]).toEqual([201, 'DIRECT']);
    expect(applied.body.collectiveDisputeId).toBe(dispute.body.id);
    expect(await statusOfMediation()).toBe('WITHDRAWN');
  });

  it('after a withdrawn group mediation the case file offers the direct application to the representatives only', async () => {
    const { ids, trackingNos } = await routedGroup('OTHER', '浦东集体撤回调解测试有限公司', (ids) =>
      ids.slice(1, 4),
    );
    const staff = await auth('mediator');
    const opened = await t.http().post('/api/v1/mediation/cases').set(staff).send({ complaintId: ids[0] });
    expect(opened.status).toBe(201);
    const smsSince = t.sms.sent.length;
    const withdrawn = await t
      .http()
      .post(`/api/v1/mediation/cases/${opened.body.id}/close`)
      .set(staff)
      .send({ version: opened.body.version, outcome: 'WITHDRAWN' });
    expect(withdrawn.status).toBe(200);
    for (const i of [0, 5]) expect(await actionsOf(i, ids[i])).toEqual([]);
    expect(await actionsOf(2, ids[2])).toEqual(['APPLY_FOR_ARBITRATION']);
    // Told as the failure is: the representatives that they may apply, the other members that their representatives may.
    await toldByWhoActs(
      'MEDIATION_WITHDRAWN',
      'MEDIATION_WITHDRAWN_GROUP_MEMBER',
      { ids, trackingNos, smsSince },
      { representativesRead: '您仍可以依法向劳动争议仲裁委员会申请仲裁' },
    );
  });

  /** The representatives of the groups below: the second to fourth members (the opener, 0, is not one). */
  const repsOneToThree = (ids: string[]) => ids.slice(1, 4);
  /**
   * A group with representatives 1-3 (`repsOneToThree`) told of a step the group may take: the representatives are told
   * `template` (that they may apply, `representativesRead`), the other members `groupTemplate` (that their
   * representatives may), each once, with `params`; `smsSince`: the index of `t.sms.sent` the step's messages start at.
   */
  const toldByWhoActs = async (
    template: string,
    groupTemplate: string,
    group: { ids: string[]; trackingNos: string[]; smsSince: number },
    told: { representativesRead: string; params?: Record<string, string> },
  ) => {
    const members = group.ids.map((complaintId, i) => ({
      complaintId,
      trackingNo: group.trackingNos[i],
      phone: memberPhone(i),
    }));
    const representatives = members.slice(1, 4);
    const others = members.filter((m) => !representatives.includes(m));
    const params = told.params ?? {};
    // The others first: one job tells the members in filing order, so the representatives' (1-3) are in by then.
    const toOthers = await toldOnceEach(t, groupTemplate, others, params, group.smsSince);
    for (const m of toOthers) {
      expect(m.text).not.toContain('一键');
      expect(m.text).not.toMatch(/您(仍)?可以[^。；]*申请[^。；]*仲裁/);
      expect(m.text).toContain('集体争议推举的代表可以依法为全体劳动者申请');
    }
    const toRepresentatives = await toldOnceEach(t, template, representatives, params, group.smsSince);
    for (const m of toRepresentatives) expect(m.text).toContain(told.representativesRead);
    const notices = t.sms.sent
      .slice(group.smsSince)
      .filter((m) => m.template === template || m.template === groupTemplate);
    expect(notices).toHaveLength(10);
  };

  it('a failed group mediation tells the representatives they may apply in one tap, the other members that their representatives may (第七条)', async () => {
    const group = await failedGroupMediation(
      'WORK_INJURY',
      '浦东集体调解不成通知测试有限公司',
      repsOneToThree,
    );
    await toldByWhoActs('MEDIATION_FAILED', 'MEDIATION_FAILED_GROUP_MEMBER', group, {
      representativesRead: '可在“我的案件”中一键申请',
    });
  });

  it("a collective agreement's instalment is told to every member as the group's total, not as their own", async () => {
    const {
      ids,
      trackingNos,
      employerId: employer,
    } = await fileTen('SOCIAL_INSURANCE', '浦东集体协议测试有限公司');
    const staff = await auth('mediator');
    const dispute = await t
      .http()
      .post('/api/v1/collective-disputes')
      .set(staff)
      .send({ employerId: employer, category: 'SOCIAL_INSURANCE', complaintIds: ids });
    expect(dispute.status).toBe(201);
    for (const id of ids)
      expect((await t.http().post(`/api/v1/complaints/${id}/accept`).set(staff).send({})).status).toBe(200);
    const routed = await t
      .http()
      .post(`/api/v1/complaints/${ids[0]}/route`)
      .set(staff)
      .send({ target: 'MEDIATION' });
    expect(routed.status).toBe(200);
    const opened = await t.http().post('/api/v1/mediation/cases').set(staff).send({ complaintId: ids[0] });
    expect(opened.status).toBe(201);
    const due = addDays(todayInShanghai(), 10);
    const closed = await t
      .http()
      .post(`/api/v1/mediation/cases/${opened.body.id}/close`)
      .set(staff)
      .send({
        version: opened.body.version,
        outcome: 'AGREEMENT',
        agreement: {
          claims: [{ description: '补缴社会保险费', amountFen: 1_250_000 }],
          instalments: [{ dueOn: due, amountFen: 1_250_000 }],
        },
      });
    expect(closed.status).toBe(200);
    await t.app.get(MediationSweepService).sweep(addDays(due, -2));
    // Exactly once each, under their own tracking number, the group's amount.
    const members = ids.map((complaintId, i) => ({
      complaintId,
      trackingNo: trackingNos[i],
      phone: memberPhone(i),
    }));
    const told = await toldOnceEach(t, 'MEDIATION_INSTALMENT_DUE_SOON_GROUP', members, {
      seq: '1',
      dueOn: due,
      amountFen: '1250000',
    });
    for (const m of told)
      expect(m.text).toContain(`调解协议第1期款项共12500.00元（全体劳动者合计）应于${due}支付`);
    expect(t.sms.sent.filter((m) => m.template === 'MEDIATION_INSTALMENT_DUE_SOON_WORKER')).toEqual([]);
  });

  // From here on the sweeps run 40 days ahead or more (an open case of an earlier test would expire with them).
  it('an expired group mediation tells the one-tap application only to who acts for the group too (第七条)', async () => {
    const group = await failedGroupMediation(
      'WORK_INJURY',
      '浦东集体调解期满通知测试有限公司',
      repsOneToThree,
      async () => {
        await t.app.get(MediationSweepService).sweep(addDays(todayInShanghai(), 40));
      },
    );
    await toldByWhoActs('MEDIATION_EXPIRED', 'MEDIATION_EXPIRED_GROUP_MEMBER', group, {
      representativesRead: '可在“我的案件”中一键申请',
    });
  });

  it('a group routed to mediation and never opened: the representatives are told they may apply, the other members that their representatives may (第七条, 第十四条第三款)', async () => {
    const { ids, trackingNos } = await routedGroup(
      'WAGE_ARREARS',
      '浦东集体未开始调解测试有限公司',
      repsOneToThree,
    );
    const routedOn = todayInShanghai();
    const smsSince = t.sms.sent.length;
    // Each member's complaint is found and told on its own, once.
    expect((await t.app.get(MediationSweepService).sweep(addDays(routedOn, 41))).notOpened).toBe(10);
    await toldByWhoActs(
      'MEDIATION_NOT_OPENED',
      'MEDIATION_NOT_OPENED_GROUP_MEMBER',
      { ids, trackingNos, smsSince },
      { representativesRead: '您可以依法申请劳动争议仲裁', params: { routedOn } },
    );
    // The case file offers the direct application to the representatives only; the others read who applies.
    for (const i of [0, 5])
      expect(await nextStepOf(i, ids[i])).toEqual({
        text: '调解组织自收到之日起15日内未开始调解，集体争议推举的代表可以依法申请劳动争议仲裁。',
        actions: [],
      });
    expect(await nextStepOf(2, ids[2])).toMatchObject({
      text: '调解组织自收到之日起15日内未开始调解，您可以依法申请劳动争议仲裁。',
      actions: [{ action: 'APPLY_FOR_ARBITRATION' }],
    });
  });

  it("a group agreement's instalment, due and overdue: the representatives are told they may apply, the other members that their representatives may (第七条, 第十五条)", async () => {
    const due = addDays(todayInShanghai(), 1);
    const sweeper = t.app.get(MediationSweepService);
    let smsOverdue = 0;
    const group = await failedGroupMediation(
      'OVERTIME_PAY',
      '浦东集体协议逾期测试有限公司',
      repsOneToThree,
      async (m) => {
        const closed = await t
          .http()
          .post(`/api/v1/mediation/cases/${m.id}/close`)
          .set(await auth('mediator'))
          .send({
            version: m.version,
            outcome: 'AGREEMENT',
            agreement: {
              claims: [{ description: '支付加班费', amountFen: 900_000 }],
              instalments: [{ dueOn: due, amountFen: 900_000 }],
            },
          });
        expect(closed.status).toBe(200);
        await sweeper.sweep(todayInShanghai());
        smsOverdue = t.sms.sent.length;
        await sweeper.sweep(addDays(due, 1));
      },
    );
    await toldByWhoActs('MEDIATION_AGREEMENT_REACHED', 'MEDIATION_AGREEMENT_REACHED_GROUP_MEMBER', group, {
      representativesRead: '用人单位逾期不履行的，您可以依法申请仲裁',
    });
    await toldByWhoActs('MEDIATION_INSTALMENT_DUE_SOON_GROUP', 'MEDIATION_DUE_SOON_GROUP_MEMBER', group, {
      representativesRead: '逾期未付的，您可以依法申请仲裁',
      params: { seq: '1', dueOn: due, amountFen: '900000' },
    });
    await toldByWhoActs(
      'MEDIATION_INSTALMENT_OVERDUE',
      'MEDIATION_OVERDUE_GROUP_MEMBER',
      { ...group, smsSince: smsOverdue },
      { representativesRead: '您可以依法申请仲裁', params: { seq: '1', dueOn: due } },
    );
    // The defaulted agreement: the case file offers the one-tap application to the representatives only.
    for (const i of [0, 5])
      expect(await nextStepOf(i, group.ids[i])).toEqual({
        text: '用人单位未按调解协议付款，集体争议推举的代表可以一键申请劳动争议仲裁。',
        actions: [],
      });
    expect(await nextStepOf(2, group.ids[2])).toMatchObject({
      text: '用人单位未按调解协议付款，您可以一键申请劳动争议仲裁。',
      actions: [{ action: 'ESCALATE_TO_ARBITRATION' }],
    });
  });
});
