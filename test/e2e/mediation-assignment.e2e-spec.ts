import { organisationId } from '../../src/reference/organisations';
import { bearer, fileComplaint, inboxAbout, openMediation } from '../support/case-flow';
import { workingSlot } from '../support/session-slot';
import { startTestApp, type TestApp } from '../support/test-app';
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
  const opened = async () => {
    const c = await fileComplaint(t, { employerName: `浦东调解员测试公司${++n}`, target: 'MEDIATION' });
    return { complaintId: c.id, employerId: c.employerId, ...(await openMediation(t, 'mediator', c.id)) };
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
});
