import { idNumber } from '../../bench/lib/fixture-bodies';
import { complaintBody, eventually, startTestApp, type TestApp } from '../support/test-app';
import { signInWorker } from '../support/users';

/**
 * A complaint staff file for a worker at the counter or on the hotline becomes his to follow online once he signs in
 * with the complaint's phone (SMS code) and records the complaint's ID number in his profile, in either order.
 */
describe('complaints filed for a worker by staff are linked to his account', () => {
  let t: TestApp;
  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
  const staff = async (user: string) => bearer(await t.token(user));

  const signIn = async (phone: string): Promise<string> => {
    // One code a minute per phone (OTP_RULES): earlier codes are moved back so the same phone may sign in again.
    await t.dataSource.query(`UPDATE otp_codes SET created_at = created_at - interval '2 minutes'`);
    return signInWorker(t, phone);
  };
  const recordProfile = async (token: string, realName: string, id: string) => {
    const r = await t.http().post('/api/v1/my/profile').set(bearer(token)).send({ realName, idNumber: id });
    expect([r.status, r.body]).toEqual([201, expect.anything()]);
  };
  const fileAtCounter = async (
    person: { name: string; idNumber: string; phone: string },
    by: 'mediator' | 'inspector' = 'mediator',
  ) => {
    const r = await t
      .http()
      .post('/api/v1/complaints')
      .set(await staff(by))
      .send(complaintBody({ channel: 'WALK_IN', complainant: person }));
    expect([r.status, r.body]).toEqual([201, expect.anything()]);
    return r.body as { id: string; trackingNo: string };
  };
  const myCaseIds = async (token: string) => {
    const r = await t.http().get('/api/v1/my/cases').set(bearer(token));
    expect(r.status).toBe(200);
    return (r.body.items as { complaintId: string }[]).map((c) => c.complaintId);
  };
  const linkEvents = (id: string) =>
    t.dataSource.query<{ data: Record<string, unknown>; actor_role: string | null }[]>(
      `SELECT data, actor_role FROM case_events WHERE case_id = $1 AND action = 'COMPLAINANT_ACCOUNT_LINKED'`,
      [id],
    );

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('the audit scenario: filed at the counter, then sign-up and profile; he follows, withdraws, reads', async () => {
    const person = { name: '赵大山', idNumber: '510122197506083313', phone: '15800001111' };
    const filed = await fileAtCounter(person);
    const token = await signIn(person.phone);
    await recordProfile(token, person.name, person.idNumber);
    const accepted = await t
      .http()
      .post(`/api/v1/complaints/${filed.id}/accept`)
      .set(await staff('mediator'))
      .send({});
    expect(accepted.status).toBe(200);

    // The message says accepted and links to his case file: the link opens.
    const note = await eventually(async () => {
      const r = await t.http().get('/api/v1/my/notifications').set(bearer(token));
      return (r.body.items as { link: string | null; body?: string }[]).find(
        (n) => n.link === `/api/v1/my/cases/${filed.id}`,
      );
    });
    expect(note).toBeDefined();
    const mine = await t.http().get(`/api/v1/my/cases/${filed.id}`).set(bearer(token));
    expect([mine.status, mine.body.code]).toEqual([200, undefined]);
    expect(
      (mine.body.timeline as { action: string; label: string }[]).find(
        (e) => e.action === 'COMPLAINANT_ACCOUNT_LINKED',
      ),
    ).toMatchObject({ label: expect.not.stringMatching(/案件记录更新/) });
    expect(await myCaseIds(token)).toEqual([filed.id]);
    for (const path of ['attachments', 'messages'])
      expect((await t.http().get(`/api/v1/complaints/${filed.id}/${path}`).set(bearer(token))).status).toBe(
        200,
      );
    // Recorded once, on the timeline, with no personal data.
    const events = await linkEvents(filed.id);
    expect(events).toEqual([{ data: { via: 'PROFILE' }, actor_role: 'WORKER' }]);
    expect(JSON.stringify(events)).not.toMatch(/1580000|510122|赵大山/);
    // Signing in again links nothing twice.
    await signIn(person.phone);
    expect(await linkEvents(filed.id)).toHaveLength(1);
    // He may act on it as its complainant (after acceptance, withdrawal needs the body's consent: not 404).
    const w = await t
      .http()
      .post(`/api/v1/complaints/${filed.id}/withdraw`)
      .set(bearer(token))
      .send({ reason: '已与单位协商解决' });
    expect(w.body.code).not.toBe('COMPLAINT_NOT_FOUND');
    expect(w.status).not.toBe(404);
  });

  it('profile first, complaint filed later: linked at filing (as before)', async () => {
    const person = { name: '钱小川', idNumber: idNumber(851), phone: '15800001112' };
    const token = await signIn(person.phone);
    await recordProfile(token, person.name, person.idNumber);
    const filed = await fileAtCounter(person);
    expect(await myCaseIds(token)).toEqual([filed.id]);
  });

  it('profile recorded, a complaint left unlinked (filed before linking existed): linked at the next sign-in', async () => {
    const person = { name: '孙小河', idNumber: idNumber(852), phone: '15800001113' };
    const token = await signIn(person.phone);
    await recordProfile(token, person.name, person.idNumber);
    const filed = await fileAtCounter(person);
    await t.dataSource.query(`UPDATE complaints SET complainant_user_id = NULL WHERE id = $1`, [filed.id]);
    await t.dataSource.query(
      `DELETE FROM case_events WHERE case_id = $1 AND action = 'COMPLAINANT_ACCOUNT_LINKED'`,
      [filed.id],
    );
    expect(await myCaseIds(token)).toEqual([]);
    const again = await signIn(person.phone);
    expect(await myCaseIds(again)).toEqual([filed.id]);
    expect((await linkEvents(filed.id)).map((e) => e.data)).toEqual([{ via: 'SIGN_IN' }]);
  });

  it('someone else’s phone or ID number does not get the case', async () => {
    const person = { name: '周大海', idNumber: idNumber(853), phone: '15800001114' };
    const filed = await fileAtCounter(person);
    // Another person states the complaint's ID number with his own phone: no link (the phone is not his).
    const other = await signIn('15800001115');
    await recordProfile(other, person.name, person.idNumber);
    // The phone's (new) owner states another ID number (a reassigned number): no link either.
    const phoneOwner = await signIn(person.phone);
    await recordProfile(phoneOwner, '吴新', idNumber(854));
    for (const token of [other, phoneOwner]) {
      expect(await myCaseIds(token)).toEqual([]);
      const r = await t.http().get(`/api/v1/my/cases/${filed.id}`).set(bearer(token));
      expect([r.status, r.body.code]).toEqual([404, 'COMPLAINT_NOT_FOUND']);
    }
    expect(await linkEvents(filed.id)).toEqual([]);
  });

  it('a stranger who records her ID number first neither blocks nor gets her counter-filed complaint', async () => {
    const person = { name: '孙小红', idNumber: '310115199005123012', phone: '13655556666' };
    const filed = await fileAtCounter(person, 'inspector');
    // A stranger signs up with his own phone and types her name and ID number into his profile first.
    const stranger = await signIn('13511112222');
    await recordProfile(stranger, person.name, person.idNumber);
    // She signs up with the complaint's phone and records the same identity: not refused, and her case is hers.
    const worker = await signIn(person.phone);
    await recordProfile(worker, person.name, person.idNumber);
    expect(await myCaseIds(worker)).toEqual([filed.id]);
    expect((await t.http().get(`/api/v1/my/cases/${filed.id}`).set(bearer(worker))).status).toBe(200);
    // The stranger's phone is not the complaint's: he never sees it, not even after signing in again.
    const strangerAgain = await signIn('13511112222');
    for (const token of [stranger, strangerAgain]) {
      expect(await myCaseIds(token)).toEqual([]);
      const r = await t.http().get(`/api/v1/my/cases/${filed.id}`).set(bearer(token));
      expect([r.status, r.body.code]).toEqual([404, 'COMPLAINT_NOT_FOUND']);
    }
    expect(await linkEvents(filed.id)).toEqual([{ data: { via: 'PROFILE' }, actor_role: 'WORKER' }]);
  });

  it('a complaint already followed by another account (filed on the person’s behalf) is never taken over', async () => {
    const person = { name: '郑小溪', idNumber: idNumber(855), phone: '15800001116' };
    const filer = await signIn('15800001117');
    const filed = await t
      .http()
      .post('/api/v1/complaints')
      .set(bearer(filer))
      .send(complaintBody({ complainant: undefined, onBehalfOf: { ...person, relationship: 'FAMILY' } }));
    expect(filed.status).toBe(201);
    const token = await signIn(person.phone);
    await recordProfile(token, person.name, person.idNumber);
    expect(await myCaseIds(token)).toEqual([]);
    expect(await myCaseIds(filer)).toEqual([filed.body.id]);
    expect(await linkEvents(filed.body.id as string)).toEqual([]);
  });
});
