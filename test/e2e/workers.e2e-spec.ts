import { idNumberCheckChar } from '../../src/common/validation/id-number';
import { RiskScoringService } from '../../src/risk/risk-scoring.service';
import { complaintBody, eventually, startTestApp, type TestApp } from '../support/test-app';
import { PiiCipher } from '../../src/common/pii-crypto';

/** A valid 18-digit ID number (GB 11643) for person i. */
function idNumber(i: number): string {
  const first17 = `31011519850101${String(500 + i).padStart(3, '0')}`;
  return first17 + idNumberCheckChar(first17);
}

describe('workers: sign-up, identity, complainant = the worker, verified counting', () => {
  let t: TestApp;
  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
  const staff = async (user: string) => bearer(await t.token(user));

  /** Signs a phone in with an SMS code (creating its WORKER account the first time); returns the access token. */
  const signIn = async (phone: string): Promise<string> => {
    expect((await t.http().post('/api/v1/auth/otp/request').send({ phone })).status).toBe(202);
    const v = await t
      .http()
      .post('/api/v1/auth/otp/verify')
      .send({ phone, code: t.sms.lastCode(phone) });
    expect(v.status).toBe(200);
    return v.body.accessToken as string;
  };
  const file = (token: string, body: Record<string, unknown>) =>
    t.http().post('/api/v1/complaints').set(bearer(token)).send(body);
  const deliveries = (complaintId: string) =>
    t.dataSource.query<{ template: string; status: string; error: string | null }[]>(
      `SELECT template, status, error FROM notifications WHERE subject_ref = $1 ORDER BY created_at`,
      [`complaint:${complaintId}`],
    );

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  describe('profile', () => {
    let token = '';
    beforeAll(async () => {
      token = await signIn('13500002001');
    });

    it('records real name and ID number once; complaints then name that identity, verified', async () => {
      const before = await t.http().get('/api/v1/my/profile').set(bearer(token));
      expect(before.body).toEqual({
        phone: '13500002001',
        realName: null,
        idNumber: null,
        identityRecorded: false,
        recordedAt: null,
      });
      const bad = await t
        .http()
        .post('/api/v1/my/profile')
        .set(bearer(token))
        .send({ realName: '王五', idNumber: '110105194912310021' });
      expect(bad.status).toBe(400);
      expect(bad.body.details.map((d: { field: string }) => d.field)).toEqual(['idNumber']);
      const rec = await t
        .http()
        .post('/api/v1/my/profile')
        .set(bearer(token))
        .send({ realName: ' 王五 ', idNumber: idNumber(1).toLowerCase() });
      expect(rec.status).toBe(201);
      expect(rec.body).toMatchObject({ realName: '王五', idNumber: idNumber(1), identityRecorded: true });
      const again = await t
        .http()
        .post('/api/v1/my/profile')
        .set(bearer(token))
        .send({ realName: '王六', idNumber: idNumber(2) });
      expect(again.status).toBe(409);
      expect(again.body.code).toBe('IDENTITY_ALREADY_RECORDED');
      // True: staff correct it at a service counter (POST /api/v1/worker-accounts/identity-corrections).
      expect(again.body.message).toBe('您的实名信息已登记；如需更正，请携带身份证到服务窗口由工作人员办理');
      // A typed ID number is unverified: another account may record it too (no squatting), and the answer is the
      // one any first recording gets (it never tells whether the number is recorded elsewhere).
      const other = await signIn('13500002002');
      const same = await t
        .http()
        .post('/api/v1/my/profile')
        .set(bearer(other))
        .send({ realName: '王五', idNumber: idNumber(1) });
      expect(same.status).toBe(201);
      expect(same.body).toMatchObject({
        phone: '13500002002',
        realName: '王五',
        idNumber: idNumber(1),
        identityRecorded: true,
      });
      expect(Object.keys(same.body).sort()).toEqual(Object.keys(rec.body).sort());

      const filed = await file(token, complaintBody({ complainant: undefined }));
      expect(filed.status).toBe(201);
      expect(filed.body.complainant).toEqual({
        name: '王五',
        idNumber: idNumber(1),
        phone: '13500002001',
        verified: true,
        onBehalfRelationship: null,
      });
      // Naming someone else as oneself is refused, field by field.
      const other2 = await file(
        token,
        complaintBody({ complainant: { name: '赵七', idNumber: idNumber(3) } }),
      );
      expect(other2.status).toBe(400);
      expect(other2.body.details.map((d: { field: string }) => d.field).sort()).toEqual([
        'complainant.idNumber',
        'complainant.name',
      ]);
    });

    it('staff and anonymous callers have no profile', async () => {
      expect(
        (
          await t
            .http()
            .get('/api/v1/my/profile')
            .set(await staff('mediator'))
        ).status,
      ).toBe(403);
      expect((await t.http().get('/api/v1/my/profile')).status).toBe(401);
    });
  });

  describe("a worker cannot send SMS to a third party's phone", () => {
    const thirdParty = '13900002099';
    let token = '';
    beforeAll(async () => {
      token = await signIn('13500002003');
    });

    it('naming another phone as oneself is 400, and nothing is filed or sent', async () => {
      const sentBefore = t.sms.sent.length;
      const res = await file(token, complaintBody({ complainant: { name: '张三', phone: thirdParty } }));
      expect(res.status).toBe(400);
      expect(res.body.details.map((d: { field: string }) => d.field)).toEqual(['complainant.phone']);
      const [{ n }] = await t.dataSource.query<{ n: number }[]>(
        `SELECT count(*)::int AS n FROM complaints WHERE complainant_phone_bidx = $1`,
        [t.app.get(PiiCipher).blindIndex('phone', thirdParty)],
      );
      expect(n).toBe(0);
      expect(t.sms.sent.slice(sentBefore).some((m) => m.phone === thirdParty)).toBe(false);
    });

    it('onBehalfOf is recorded; the person gets no SMS until they verify their phone, then they do', async () => {
      const res = await file(
        token,
        complaintBody({
          complainant: undefined,
          onBehalfOf: { name: '张大山', idNumber: idNumber(4), phone: thirdParty, relationship: 'FAMILY' },
        }),
      );
      expect(res.status).toBe(201);
      expect(res.body.complainant).toEqual({
        name: '张大山',
        idNumber: idNumber(4),
        phone: thirdParty,
        verified: false,
        onBehalfRelationship: 'FAMILY',
      });
      const id = res.body.id as string;
      // The acknowledgement is held back and recorded as such; the filer follows the case.
      const [ack] = await eventually(async () => {
        const rows = await deliveries(id);
        return rows.length ? rows : null;
      });
      expect(ack).toMatchObject({ template: 'COMPLAINT_RECEIVED', status: 'FAILED' });
      expect(ack.error).toMatch(/not verified/);
      expect(t.sms.sent.some((m) => m.phone === thirdParty)).toBe(false);
      expect((await t.http().get(`/api/v1/complaints/${id}`).set(bearer(token))).status).toBe(200);

      // The person signs up with that phone: the next message about the case reaches them, as their account's.
      const personToken = await signIn(thirdParty);
      const accepted = await t
        .http()
        .post(`/api/v1/complaints/${id}/accept`)
        .set(await staff('inspector'))
        .send({});
      expect(accepted.status).toBe(200);
      const sms = await eventually(() =>
        t.sms.sent.find((m) => m.phone === thirdParty && m.template === 'COMPLAINT_ACCEPTED'),
      );
      expect(sms.text).toContain(res.body.trackingNo as string);
      const me = await t.http().get('/api/v1/auth/me').set(bearer(personToken));
      const [row] = await t.dataSource.query<{ recipient_user_id: string | null }[]>(
        `SELECT recipient_user_id FROM notifications WHERE subject_ref = $1 AND template = 'COMPLAINT_ACCEPTED'`,
        [`complaint:${id}`],
      );
      expect(row.recipient_user_id).toBe(me.body.userId);
    });

    it('workers do not use the staff channels, and onBehalfOf excludes complainant', async () => {
      const walkIn = await file(token, complaintBody({ channel: 'WALK_IN' }));
      expect(walkIn.status).toBe(400);
      expect(walkIn.body.details.map((d: { field: string }) => d.field)).toEqual(['channel']);
      const both = await file(
        token,
        complaintBody({ onBehalfOf: { name: '张大山', idNumber: idNumber(4), relationship: 'FAMILY' } }),
      );
      expect(both.status).toBe(400);
      expect(both.body.details.map((d: { field: string }) => d.field)).toEqual(['complainant']);
    });
  });

  describe('staff file for a caller on the hotline or at the desk', () => {
    it('in their jurisdiction, naming the complainant, on HOTLINE_12333 / WALK_IN only', async () => {
      const person = { name: '钱八', idNumber: idNumber(5), phone: '13900002098' };
      const ok = await t
        .http()
        .post('/api/v1/complaints')
        .set(await staff('mediator'))
        .send(complaintBody({ channel: 'HOTLINE_12333', complainant: person }));
      expect(ok.status).toBe(201);
      expect(ok.body.complainant).toMatchObject({ ...person, verified: true, onBehalfRelationship: null });
      const [row] = await t.dataSource.query<
        { filed_by_user_id: string; complainant_user_id: string | null }[]
      >(`SELECT filed_by_user_id, complainant_user_id FROM complaints WHERE id = $1`, [ok.body.id]);
      expect(row.complainant_user_id).toBeNull();
      expect(row.filed_by_user_id).toEqual(expect.any(String));
      // The person on the line gets the acknowledgement.
      await eventually(() =>
        t.sms.sent.some((m) => m.phone === person.phone && m.template === 'COMPLAINT_RECEIVED'),
      );

      const web = await t
        .http()
        .post('/api/v1/complaints')
        .set(await staff('mediator'))
        .send(complaintBody({ channel: 'WEB', complainant: person }));
      expect(web.status).toBe(400);
      expect(web.body.details.map((d: { field: string }) => d.field)).toEqual(['channel']);
      const elsewhere = await t
        .http()
        .post('/api/v1/complaints')
        .set(await staff('mediator'))
        .send(complaintBody({ channel: 'WALK_IN', complainant: person, workplaceStreetCode: '310115007' }));
      expect(elsewhere.status).toBe(400);
      expect(elsewhere.body.details.map((d: { field: string }) => d.field)).toEqual(['workplaceStreetCode']);
    });
  });

  describe('risk and collective detection count verified workers', () => {
    const massDisputes = async (employerId: string) =>
      t.dataSource.query<{ level: string }[]>(
        `SELECT level FROM risk_warnings WHERE employer_id = $1 AND kind = 'MASS_DISPUTE'`,
        [employerId],
      );

    it('12 complaints naming 12 unverified ID numbers from one account raise no RED mass-dispute warning', async () => {
      const token = await signIn('13500002010');
      let employerId = '';
      for (let i = 0; i < 12; i++) {
        const res = await file(
          token,
          complaintBody({
            employer: { name: '浦东某某一人多名测试有限公司' },
            complainant: undefined,
            onBehalfOf: { name: `工友${i}`, idNumber: idNumber(20 + i), relationship: 'COLLEAGUE' },
          }),
        );
        expect(res.status).toBe(201);
        employerId = res.body.employer.id as string;
      }
      const scoring = t.app.get(RiskScoringService);
      await scoring.score({ employerIds: [employerId] });
      const { features } = await scoring.explainEmployer(employerId);
      expect(features).toMatchObject({
        distinctComplainants30d: 0,
        unverifiedComplainants30d: 12,
        maxCommonClaimWorkers30d: 0,
      });
      expect((await massDisputes(employerId)).filter((w) => w.level === 'RED')).toEqual([]);
      const proposals = await t
        .http()
        .get('/api/v1/collective-disputes/proposals')
        .set(await staff('mediator'));
      expect(proposals.body.some((p: { employer: { id: string } }) => p.employer.id === employerId)).toBe(
        false,
      );
    });

    it('12 verified workers complaining about one employer do raise it', async () => {
      let employerId = '';
      for (let i = 0; i < 12; i++) {
        const token = await signIn(`1350000${3000 + i}`);
        const res = await file(
          token,
          complaintBody({
            employer: { name: '浦东某某十二人测试有限公司' },
            complainant: { name: `工人${i}`, idNumber: idNumber(40 + i) },
          }),
        );
        expect(res.status).toBe(201);
        expect(res.body.complainant.verified).toBe(true);
        employerId = res.body.employer.id as string;
      }
      const scoring = t.app.get(RiskScoringService);
      await scoring.score({ employerIds: [employerId] });
      const { features } = await scoring.explainEmployer(employerId);
      expect(features).toMatchObject({ distinctComplainants30d: 12, maxCommonClaimWorkers30d: 12 });
      expect((await massDisputes(employerId)).map((w) => w.level)).toEqual(['RED']);
    });
  });
});
