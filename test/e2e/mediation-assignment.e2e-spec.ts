import { organisationId } from '../../src/reference/organisations';
import { bearer, fileComplaint, inboxAbout, openMediation, userIdOf } from '../support/case-flow';
import { workingSlot } from '../support/session-slot';
import { DEMO_PASSWORD, startTestApp, type TestApp } from '../support/test-app';
import { createAccount } from '../support/users';

/**
 * An open mediation's acts are its designated mediator's (人民调解法 第十九条); another mediator of the committee takes
 * the case over first, with a reason on the timeline — never one with a declared conflict (回避), never one of another
 * committee.
 */
describe('the mediator of a case', () => {
  let t: TestApp;
  let n = 0;
  const committee = organisationId('MEDIATION_COMMITTEE', '310115005');
  const ids: Record<string, string> = {};
  const post = async (user: string, path: string, body: object) =>
    t
      .http()
      .post(`/api/v1/mediation/cases/${path}`)
      .set(await bearer(t, user))
      .send(body);
  /** The mediators the hand-over of the case accepts, from the staff directory. */
  const colleagues = async (user: string, caseId: string) => {
    const r = await t
      .http()
      .get(`/api/v1/staff/colleagues?proceeding=MEDIATION&caseId=${caseId}`)
      .set(await bearer(t, user));
    expect([r.status, r.body.role]).toEqual([200, 'MEDIATOR']);
    return (r.body.items as { id: string }[]).map((i) => i.id);
  };
  const opened = async (opener = 'mediator') => {
    const c = await fileComplaint(t, { employerName: `浦东调解员测试公司${++n}`, target: 'MEDIATION' });
    return { complaintId: c.id, employerId: c.employerId, ...(await openMediation(t, opener, c.id)) };
  };

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('only the designated mediator acts; a colleague takes the case over with a reason, and is told', async () => {
    const m = await opened();
    ids.mediator = m.mediatorUserId!;
    // Colleagues arrive after the opening, so the case is the demo mediator's.
    ids.colleague = await createAccount(t, {
      username: 'mediator-2',
      role: 'MEDIATOR',
      jurisdictions: ['310115005'],
      organisationId: committee,
    });
    ids.elsewhere = await createAccount(t, {
      username: 'mediator-zj',
      role: 'MEDIATOR',
      jurisdictions: ['310115125'],
      organisationId: organisationId('MEDIATION_COMMITTEE', '310115125'),
    });
    const session = {
      version: m.version,
      place: '潍坊街道调解室',
      startsAt: workingSlot(1),
    };
    const notMine = await post('mediator-2', `${m.id}/sessions`, session);
    expect([notMine.status, notMine.body.code, notMine.body.details]).toEqual([
      403,
      'NOT_ASSIGNED_MEDIATOR',
      { mediatorUserId: ids.mediator, allowed: [`POST /api/v1/mediation/cases/${m.id}/mediator`] },
    ]);
    // The directory lists whom the case may be handed to: the committee's other mediators for its street.
    expect(await colleagues('mediator', m.id)).toEqual([ids.colleague]);
    // A reason is required; a mediator of another committee is not one to hand it to; nor the current one.
    expect((await post('mediator-2', `${m.id}/mediator`, { version: m.version })).status).toBe(400);
    for (const [to, constraint] of [
      [ids.elsewhere, 'ofCommittee'],
      [ids.mediator, 'notCurrent'],
    ]) {
      const bad = await post('mediator', `${m.id}/mediator`, {
        version: m.version,
        mediatorUserId: to,
        reason: '调整',
      });
      expect([bad.status, bad.body.details[0]]).toEqual([
        400,
        expect.objectContaining({ field: 'mediatorUserId', constraint }),
      ]);
      expect(JSON.stringify(bad.body)).toContain('/api/v1/staff/colleagues?proceeding=MEDIATION');
    }
    // The supervisor follows the case but does not designate its mediator.
    expect(
      (await post('supervisor', `${m.id}/mediator`, { version: m.version, reason: '调整' })).status,
    ).toBe(403);

    const taken = await post('mediator-2', `${m.id}/mediator`, {
      version: m.version,
      reason: '原调解员休假，由本人接手',
    });
    expect(taken.status).toBe(200);
    expect(taken.body).toMatchObject({ mediatorUserId: ids.colleague, version: m.version + 1 });
    expect(await inboxAbout(t, 'mediator-2', `mediation-case:${m.id}`)).toEqual(['MEDIATION_CASE_ASSIGNED']);
    const [event] = await t.dataSource.query<{ data: Record<string, unknown> }[]>(
      `SELECT data FROM case_events WHERE case_id = $1 AND action = 'MEDIATOR_ASSIGNED'`,
      [m.complaintId],
    );
    expect(event.data).toMatchObject({
      mediationCaseId: m.id,
      fromMediatorUserId: ids.mediator,
      mediatorUserId: ids.colleague,
      reason: '原调解员休假，由本人接手',
    });

    // Now the first mediator is the one who may not act; the colleague closes.
    const close = { version: m.version + 1, outcome: 'FAILED' };
    expect((await post('mediator', `${m.id}/close`, close)).body.code).toBe('NOT_ASSIGNED_MEDIATOR');
    expect((await post('mediator-2', `${m.id}/close`, close)).status).toBe(200);
  });

  it('a mediator who declared a conflict with the employer neither takes the case nor is handed it (回避)', async () => {
    const m = await opened();
    await t
      .http()
      .post('/api/v1/mediation/conflicts')
      .set(await bearer(t, 'mediator-2'))
      .send({ employerId: m.employerId, reason: '亲属在该单位任职' });
    expect(await colleagues('mediator', m.id)).toEqual([]);
    const self = await post('mediator-2', `${m.id}/mediator`, { version: m.version, reason: '接手' });
    expect([self.status, self.body.code]).toEqual([403, 'MEDIATOR_CONFLICT']);
    const handed = await post('mediator', `${m.id}/mediator`, {
      version: m.version,
      mediatorUserId: ids.colleague,
      reason: '工作调整',
    });
    expect([handed.status, handed.body.details[0]]).toEqual([
      400,
      expect.objectContaining({ field: 'mediatorUserId', constraint: 'noConflict' }),
    ]);
  });
  it('the mediator who opens the case takes it when the committee could designate them; otherwise the least-loaded one is designated, and told', async () => {
    const street = '310115016'; // 花木街道
    const huamu = organisationId('MEDIATION_COMMITTEE', street);
    const [first, newcomer] = [
      await createAccount(t, {
        username: 'mediator-hm-1',
        role: 'MEDIATOR',
        jurisdictions: [street],
        organisationId: huamu,
      }),
      await createAccount(t, {
        username: 'mediator-hm-2',
        role: 'MEDIATOR',
        jurisdictions: [street],
        organisationId: huamu,
      }),
    ];
    const routed = () =>
      fileComplaint(t, { employerName: `花木调解员测试公司${++n}`, street, target: 'MEDIATION' });
    const about = (user: string, caseId: string) => inboxAbout(t, user, `mediation-case:${caseId}`);
    // The newcomer opens: theirs, although their colleague is as free and older (no inbox item: they know).
    const own = await openMediation(t, 'mediator-hm-2', (await routed()).id);
    expect(own.mediatorUserId).toBe(newcomer);
    expect([await about('mediator-hm-1', own.id), await about('mediator-hm-2', own.id)]).toEqual([[], []]);
    // The supervisor is no mediator: the committee's least-loaded mediator is designated, and told.
    const bySupervisor = await openMediation(t, 'supervisor', (await routed()).id);
    expect(bySupervisor.mediatorUserId).toBe(first);
    expect(await about('mediator-hm-1', bySupervisor.id)).toEqual(['MEDIATION_CASE_ASSIGNED']);
    // A mediator in conflict with the employer (回避) does not take it: a colleague is designated, and told.
    const conflicted = await routed();
    const declared = await t
      .http()
      .post('/api/v1/mediation/conflicts')
      .set(await bearer(t, 'mediator-hm-2'))
      .send({ employerId: conflicted.employerId, reason: '亲属在该单位任职' });
    expect(declared.status).toBeLessThan(300);
    const handed = await openMediation(t, 'mediator-hm-2', conflicted.id);
    expect(handed.mediatorUserId).toBe(first);
    expect(await about('mediator-hm-1', handed.id)).toEqual(['MEDIATION_CASE_ASSIGNED']);
    // A mediator of another committee who covers the street does not take it either.
    await createAccount(t, {
      username: 'mediator-hm-x',
      role: 'MEDIATOR',
      jurisdictions: [street],
      organisationId: committee,
    });
    const other = await openMediation(t, 'mediator-hm-x', (await routed()).id);
    expect([first, newcomer]).toContain(other.mediatorUserId);
    expect(await about(other.mediatorUserId === first ? 'mediator-hm-1' : 'mediator-hm-2', other.id)).toEqual(
      ['MEDIATION_CASE_ASSIGNED'],
    );
  });

  /** Staff administration's PATCH of an account, as the demo admin. */
  const patchUser = async (id: string, body: object) =>
    t
      .http()
      .patch(`/api/v1/admin/users/${id}`)
      .set(await bearer(t, 'admin'))
      .send(body);
  const myQueue = async (user: string) => {
    const r = await t
      .http()
      .get('/api/v1/mediation/cases?assignee=me&status=OPEN')
      .set(await bearer(t, user));
    expect(r.status).toBe(200);
    return (r.body.items as { id: string }[]).map((i) => i.id);
  };
  const handOverEvents = (complaintId: string) =>
    t.dataSource.query<{ data: Record<string, unknown>; actor_user_id: string | null }[]>(
      `SELECT data, actor_user_id FROM case_events WHERE case_id = $1 AND action = 'MEDIATOR_ASSIGNED' ORDER BY occurred_at, id`,
      [complaintId],
    );
  /** An open case held by `user` (taken over by them when the opening designated another). */
  const heldBy = async (user: string, opener = 'mediator') => {
    const m = await opened(opener);
    if (m.mediatorUserId === (await userIdOf(t, user))) return m;
    const taken = await post(user, `${m.id}/mediator`, { version: m.version, reason: '由本人承办' });
    expect(taken.status).toBe(200);
    return {
      ...m,
      version: taken.body.version as number,
      mediatorUserId: taken.body.mediatorUserId as string,
    };
  };

  it('moving the mediator to another committee hands their open cases to a remaining mediator of the committee (audit of npm start)', async () => {
    const m = await heldBy('mediator');
    // The case of the test above: its employer is one mediator-2 declared a conflict with (回避), so nobody remains.
    const [conflicted] = await t.dataSource.query<{ id: string; complaint_id: string }[]>(
      `SELECT id, complaint_id FROM mediation_cases WHERE status = 'OPEN' AND mediator_user_id = $1 AND id <> $2`,
      [ids.mediator, m.id],
    );
    const moved = await patchUser(ids.mediator, {
      organisationId: organisationId('MEDIATION_COMMITTEE', '310115016'),
      jurisdictionCodes: ['310115016'],
    });
    expect(moved.status).toBe(200);
    // The admin is told what the change did.
    expect(moved.body.casesHandedOver).toEqual(
      expect.arrayContaining([
        { proceeding: 'MEDIATION', id: m.id, caseNo: m.caseNo, toUserId: ids.colleague },
      ]),
    );
    // The case is in the remaining 陆家嘴 mediator's work queue, and they are told.
    expect(await myQueue('mediator-2')).toContain(m.id);
    expect(await inboxAbout(t, 'mediator-2', `mediation-case:${m.id}`)).toContain('MEDIATION_CASE_ASSIGNED');
    // Signed in again (the move ended their sessions), the moved mediator no longer holds it.
    const again = await t
      .http()
      .post('/api/v1/auth/login')
      .send({ username: 'mediator', password: DEMO_PASSWORD });
    const theirs = await t
      .http()
      .get('/api/v1/mediation/cases?assignee=me&status=OPEN')
      .set({ authorization: `Bearer ${again.body.accessToken}` });
    expect([theirs.status, theirs.body.items]).toEqual([200, []]);
    // The timeline says who changed what and why.
    const event = (await handOverEvents(m.complaintId)).at(-1)!;
    expect(event.data).toMatchObject({
      mediationCaseId: m.id,
      fromMediatorUserId: ids.mediator,
      mediatorUserId: ids.colleague,
      cause: 'MOVED',
    });
    expect(event.actor_user_id).toBe(await userIdOf(t, 'admin'));
    // The worker's file names the mediator who can act.
    const file = await t
      .http()
      .get(`/api/v1/my/cases/${m.complaintId}`)
      .set(await bearer(t, '13800000000'));
    expect(file.body.mediation.mediator).toMatchObject({ id: ids.colleague });
    // Nobody of the committee may take the conflicted case: it is released to the committee (no mediator), on record.
    expect(conflicted).toBeDefined();
    const released = (
      await t
        .http()
        .get(`/api/v1/mediation/cases/${conflicted.id}`)
        .set(await bearer(t, 'mediator-2'))
    ).body;
    expect(released.mediatorUserId).toBeNull();
    expect((await handOverEvents(conflicted.complaint_id)).at(-1)!.data).toMatchObject({
      fromMediatorUserId: ids.mediator,
      mediatorUserId: null,
      cause: 'MOVED',
    });
  });

  it('deactivating a mediator hands their open cases over too', async () => {
    ids.third = await createAccount(t, {
      username: 'mediator-3',
      role: 'MEDIATOR',
      jurisdictions: ['310115005'],
      organisationId: committee,
    });
    const m = await heldBy('mediator-3', 'mediator-2');
    const off = await patchUser(ids.third, { active: false });
    expect([off.status, off.body.casesHandedOver]).toEqual([
      200,
      [{ proceeding: 'MEDIATION', id: m.id, caseNo: m.caseNo, toUserId: ids.colleague }],
    ]);
    expect(await myQueue('mediator-2')).toContain(m.id);
    expect((await handOverEvents(m.complaintId)).at(-1)!.data).toMatchObject({
      fromMediatorUserId: ids.third,
      mediatorUserId: ids.colleague,
      cause: 'DEACTIVATED',
    });
    // A change that leaves the mediator able to act (a new phone) hands nothing over.
    const phone = await patchUser(ids.colleague, { phone: '13911113333' });
    expect([phone.status, phone.body.casesHandedOver]).toEqual([200, []]);
  });
});
