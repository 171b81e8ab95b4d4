import { idNumber } from '../../bench/lib/fixture-bodies';
import { complaintBody, eventually, startTestApp, type TestApp } from '../support/test-app';
import { WorkersService } from '../../src/workers/workers.service';
import { createAccount, signInWorker } from '../support/users';

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

  describe('staff correct a worker’s recorded identity (she brings her ID card to a counter)', () => {
    const correct = async (by: Record<string, string>, body: Record<string, unknown>) =>
      t.http().post('/api/v1/worker-accounts/identity-corrections').set(by).send(body);
    const fields = (r: { body: { details?: { field: string }[] } }) =>
      (r.body.details ?? []).map((d) => d.field).sort();

    it('a mistyped ID number corrected: her counter-filed complaint becomes hers, she is told, the trail holds no number', async () => {
      const person = { name: '冯小雨', idNumber: idNumber(860), phone: '15800001120' };
      const mistyped = idNumber(861);
      const filed = await fileAtCounter(person);
      const token = await signIn(person.phone);
      await recordProfile(token, person.name, mistyped);
      expect(await myCaseIds(token)).toEqual([]);

      // Staff of another street do not: her complaint is not in their jurisdiction (as an unknown phone).
      await createAccount(t, {
        username: 'mediator-other-street',
        role: 'MEDIATOR',
        jurisdictions: ['310115007'],
      });
      const reason = '登记时身份证号码误填，已核验身份证原件';
      const asked = {
        phone: person.phone,
        realName: person.name,
        idNumber: person.idNumber.toLowerCase(),
        reason,
      };
      const elsewhere = await correct(await staff('mediator-other-street'), asked);
      expect([elsewhere.status, elsewhere.body.code]).toEqual([404, 'WORKER_ACCOUNT_NOT_FOUND']);
      // The staff of her complaint's street do, though it is not linked to her account yet (it names her phone).
      const [{ id: userId }] = await t.dataSource.query<{ id: string }[]>(
        `SELECT id FROM users WHERE username = 'mediator'`,
      );
      const r = await correct(await staff('mediator'), asked);
      expect([r.status, r.body]).toEqual([
        201,
        expect.objectContaining({
          phone: '158****1120',
          realName: '冯**',
          idNumber: `${person.idNumber.slice(0, 3)}***********${person.idNumber.slice(-4)}`,
          changed: ['ID_NUMBER'],
        }),
      ]);
      expect(JSON.stringify(r.body)).not.toMatch(new RegExp(`${person.idNumber}|${mistyped}|冯小雨`));

      // Linked as intake's linking would link it, the staff member named on the timeline.
      expect(await myCaseIds(token)).toEqual([filed.id]);
      expect(await linkEvents(filed.id)).toEqual([
        { data: { via: 'STAFF_CORRECTION' }, actor_role: 'MEDIATOR' },
      ]);
      const profile = await t.http().get('/api/v1/my/profile').set(bearer(token));
      expect(profile.body).toMatchObject({ realName: person.name, idNumber: person.idNumber });

      // She is told by SMS (through the outbox), with the date and without the number.
      const sms = await eventually(() =>
        t.sms.sent.find((m) => m.phone === person.phone && m.template === 'IDENTITY_CORRECTED_BY_STAFF'),
      );
      expect(sms.text).toMatch(/\d{4}-\d{2}-\d{2}/);
      expect(sms.text).toMatch(/工作人员/);
      expect(sms.text).not.toMatch(new RegExp(`${person.idNumber}|${mistyped}|${person.idNumber.slice(-4)}`));

      // The trail: who, when, why, what changed; the earlier values only encrypted, nothing in clear.
      const rows = await t.dataSource.query<Record<string, unknown>[]>(
        `SELECT * FROM worker_identity_corrections WHERE user_id = (SELECT user_id FROM worker_identities
           WHERE id_number_bidx = (SELECT complainant_id_number_bidx FROM complaints WHERE id = $1) LIMIT 1)`,
        [filed.id],
      );
      expect(rows).toEqual([
        expect.objectContaining({
          corrected_by_user_id: userId,
          corrected_by_role: 'MEDIATOR',
          reason,
          real_name_changed: false,
          id_number_changed: true,
          corrected_at: expect.any(Date),
        }),
      ]);
      expect(JSON.stringify(rows)).not.toMatch(new RegExp(`${person.idNumber}|${mistyped}|冯小雨`));
    });

    it('refused: workers and ADMIN; bad input is 400 on its field; 404 unknown account; 409 nothing recorded or nothing changed', async () => {
      const person = { name: '韩小月', idNumber: idNumber(862), phone: '15800001121' };
      const token = await signIn(person.phone);
      // Her complaint, filed at the counter of the inspector's street, puts her in the inspector's jurisdiction.
      await fileAtCounter(person);
      const body = {
        phone: person.phone,
        realName: person.name,
        idNumber: idNumber(863),
        reason: '核验身份证原件',
      };
      // Nothing recorded yet: she records it herself.
      const none = await correct(await staff('inspector'), body);
      expect([none.status, none.body.code]).toEqual([409, 'IDENTITY_NOT_RECORDED']);
      await recordProfile(token, person.name, person.idNumber);

      for (const who of [bearer(token), await staff('admin')])
        expect((await correct(who, body)).status).toBe(403);
      const inspector = await staff('inspector');
      const wrongCheck = person.idNumber.endsWith('0') ? '1' : '0';
      const badId = await correct(inspector, {
        ...body,
        idNumber: person.idNumber.slice(0, 17) + wrongCheck,
      });
      expect([badId.status, fields(badId)]).toEqual([400, ['idNumber']]);
      const noReason = await correct(inspector, { ...body, reason: '  ' });
      expect([noReason.status, fields(noReason)]).toEqual([400, ['reason']]);
      // The reason is kept: it must not carry the number itself.
      const numberInReason = await correct(inspector, { ...body, reason: `原号码${person.idNumber}误填` });
      expect([numberInReason.status, fields(numberInReason)]).toEqual([400, ['reason']]);
      const badPhone = await correct(inspector, { ...body, phone: '1234' });
      expect([badPhone.status, fields(badPhone)]).toEqual([400, ['phone']]);
      const unknown = await correct(inspector, { ...body, phone: '15800001199' });
      expect([unknown.status, unknown.body.code]).toEqual([404, 'WORKER_ACCOUNT_NOT_FOUND']);
      const same = await correct(inspector, { ...body, idNumber: person.idNumber });
      expect([same.status, same.body.code]).toEqual([409, 'IDENTITY_UNCHANGED']);
      // None of these changed anything or texted her.
      const profile = await t.http().get('/api/v1/my/profile').set(bearer(token));
      expect(profile.body).toMatchObject({ idNumber: person.idNumber });
      expect(t.sms.sent.filter((m) => m.phone === person.phone).map((m) => m.template)).not.toContain(
        'IDENTITY_CORRECTED_BY_STAFF',
      );

      // A name alone corrected (the ID number as recorded).
      const named = await correct(inspector, { ...body, realName: '韩晓月', idNumber: person.idNumber });
      expect([named.status, named.body.changed]).toEqual([201, ['REAL_NAME']]);
      // Its own SMS goes first (a queued job): else, run after the account is closed below, it is a second notice.
      await eventually(() =>
        Promise.resolve(
          t.sms.sent.some((m) => m.phone === person.phone && m.template === 'IDENTITY_CORRECTED_BY_STAFF')
            ? true
            : null,
        ),
      );

      // An SMS that cannot reach her (her account closed meanwhile): the staff member who corrected it is told.
      await t.dataSource.query(`UPDATE users SET active = false WHERE id = $1`, [named.body.userId]);
      await t.app.get(WorkersService).notify({
        userId: named.body.userId as string,
        template: 'IDENTITY_CORRECTED_BY_STAFF',
        dedupKey: `identity-corrected:${named.body.id}:replayed`,
        subjectRef: `identity-correction:${named.body.id}`,
        params: { correctedAt: named.body.correctedAt as string, fields: 'REAL_NAME' },
      });
      const told = await t.dataSource.query<{ username: string }[]>(
        `SELECT u.username FROM notifications n JOIN users u ON u.id = n.recipient_user_id
          WHERE n.template = 'SMS_UNDELIVERED' AND n.subject_ref = $1`,
        [`identity-correction:${named.body.id}`],
      );
      expect(told).toEqual([{ username: 'inspector' }]);
    });

    it('staff of another street learn nothing: one 404 for an unknown phone, a recorded identity and the identity as recorded', async () => {
      const person = { name: '秦小川', idNumber: idNumber(870), phone: '15800001130' };
      await fileAtCounter(person); // street 310115005
      await recordProfile(await signIn(person.phone), person.name, person.idNumber);
      const unrecorded = '15800001131';
      await signIn(unrecorded);
      await fileAtCounter({ name: '秦小河', idNumber: idNumber(871), phone: unrecorded });
      const asked = {
        phone: person.phone,
        realName: person.name,
        idNumber: idNumber(872),
        reason: '核验身份证原件',
      };
      const cases = {
        unknownPhone: { ...asked, phone: '15800001139' },
        identityRecorded: asked,
        identityAsRecorded: { ...asked, idNumber: person.idNumber },
        nothingRecorded: { ...asked, phone: unrecorded },
      };
      await createAccount(t, {
        username: 'inspector-other-street',
        role: 'INSPECTOR',
        jurisdictions: ['310115007'],
      });
      await createAccount(t, {
        username: 'supervisor-other-district',
        role: 'SUPERVISOR',
        jurisdictions: ['310104'],
      });
      for (const outsider of ['inspector-other-street', 'supervisor-other-district']) {
        const by = await staff(outsider);
        const answers = [];
        for (const body of Object.values(cases)) {
          const r = await correct(by, body);
          answers.push({ status: r.status, body: r.body as unknown });
        }
        expect(answers).toEqual(
          Object.values(cases).map(() => ({
            status: 404,
            body: { statusCode: 404, code: 'WORKER_ACCOUNT_NOT_FOUND', message: expect.any(String) },
          })),
        );
        expect(new Set(answers.map((a) => JSON.stringify(a.body))).size).toBe(1);
      }
      // Within the jurisdiction (the district's supervisor sees its streets): the answers as before.
      const supervisor = await staff('supervisor');
      const same = await correct(supervisor, cases.identityAsRecorded);
      expect([same.status, same.body.code]).toEqual([409, 'IDENTITY_UNCHANGED']);
      const none = await correct(supervisor, cases.nothingRecorded);
      expect([none.status, none.body.code]).toEqual([409, 'IDENTITY_NOT_RECORDED']);
      const unknown = await correct(supervisor, cases.unknownPhone);
      expect([unknown.status, unknown.body.code]).toEqual([404, 'WORKER_ACCOUNT_NOT_FOUND']);
      // Nothing was corrected from outside; the street's inspector corrects it.
      expect(
        await t.dataSource.query(`SELECT count(*)::int AS n FROM worker_identity_corrections c
          JOIN users u ON u.id = c.corrected_by_user_id WHERE u.username LIKE '%-other-%'`),
      ).toEqual([{ n: 0 }]);
      const fixed = await correct(await staff('inspector'), cases.identityRecorded);
      expect([fixed.status, fixed.body.changed]).toEqual([201, ['ID_NUMBER']]);
    });
  });
});
