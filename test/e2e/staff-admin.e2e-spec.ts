import ExcelJS from 'exceljs';
import { organisationId } from '../../src/reference/organisations';
import { hashPassword } from '../../src/auth/passwords';
import { newId } from '../../src/common/ids';
import { DEFAULT_DISTRICT_CODE, jurisdictionsOfDistrict } from '../../src/reference/jurisdiction-loader';
import { seedDemoStaff } from '../../src/auth/demo-accounts';
import { demoDistrictStaff } from '../../src/staff/demo-district';
import { fileComplaint, inboxAbout, openPlannedInspection } from '../support/case-flow';
import { complaintBody, DEMO_PASSWORD, startTestApp, type TestApp } from '../support/test-app';
import { createAccount } from '../support/users';

/** Issue 13 items 1 and 2: staff administration, temporary passwords, sessions, logout and throttling. */
describe('staff administration and sessions', () => {
  let t: TestApp;
  beforeAll(async () => {
    // Behind a proxy, as in production: the per-address sign-in throttle reads X-Forwarded-For.
    t = await startTestApp({ env: { TRUST_PROXY: 'true' } });
  });
  afterAll(async () => {
    await t.close();
  });

  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
  const as = async (username: string) => bearer(await t.token(username));
  const login = (username: string, password: string) =>
    t.http().post('/api/v1/auth/login').send({ username, password });
  const createStaff = async (body: Record<string, unknown>, admin = 'admin') =>
    t
      .http()
      .post('/api/v1/admin/users')
      .set(await as(admin))
      .send(body);
  const huamuCommittee = organisationId('MEDIATION_COMMITTEE', '310115007');
  const mediatorOf007 = (username: string) => ({
    username,
    displayName: '花木调解员',
    role: 'MEDIATOR',
    organisationId: huamuCommittee,
    jurisdictionCodes: ['310115007'],
    phone: '13911112222',
  });
  const NEW_PASSWORD = '黄浦江边的晚风-2026';

  it('admin creates a mediator for 310115007 who must change the temporary password, then sees 310115007 only', async () => {
    const worker = await as('13800000000');
    const at007 = await t
      .http()
      .post('/api/v1/complaints')
      .set(worker)
      .send(complaintBody({ workplaceStreetCode: '310115007', employer: { name: '花木测试公司' } }));
    const at005 = await t
      .http()
      .post('/api/v1/complaints')
      .set(worker)
      .send(complaintBody({ employer: { name: '陆家嘴测试公司' } }));
    expect([at007.status, at005.status]).toEqual([201, 201]);

    const created = await createStaff(mediatorOf007('med-310115007-a'));
    expect(created.status).toBe(201);
    expect(created.body).toEqual({
      id: expect.any(String),
      username: 'med-310115007-a',
      temporaryPassword: expect.stringMatching(/^\S{12,}$/),
    });
    const temp = created.body.temporaryPassword as string;

    const first = await login('med-310115007-a', temp);
    expect(first.status).toBe(200);
    expect(first.body.passwordChangeRequired).toBe(true);
    const tempToken = first.body.accessToken as string;
    const blocked = await t.http().get('/api/v1/complaints').set(bearer(tempToken));
    expect(blocked.status).toBe(403);
    expect(blocked.body.code).toBe('PASSWORD_CHANGE_REQUIRED');

    // Weak or reused passwords: 400 naming the rule.
    for (const [newPassword, rule] of [
      ['short-1', 'MIN_LENGTH'],
      ['x-med-310115007-a-x', 'CONTAINS_USERNAME'],
      ['password123', 'COMMON_PASSWORD'],
      [temp, 'REUSED'],
    ]) {
      const weak = await t
        .http()
        .post('/api/v1/auth/password')
        .set(bearer(tempToken))
        .send({ currentPassword: temp, newPassword });
      expect(weak.status).toBe(400);
      expect(weak.body.code).toBe('WEAK_PASSWORD');
      expect(weak.body.details).toContainEqual(expect.objectContaining({ field: 'newPassword', rule }));
    }
    const wrongCurrent = await t
      .http()
      .post('/api/v1/auth/password')
      .set(bearer(tempToken))
      .send({ currentPassword: 'not-the-password', newPassword: NEW_PASSWORD });
    expect(wrongCurrent.status).toBe(400);
    expect(wrongCurrent.body.code).toBe('CURRENT_PASSWORD_WRONG');

    const changed = await t
      .http()
      .post('/api/v1/auth/password')
      .set(bearer(tempToken))
      .send({ currentPassword: temp, newPassword: NEW_PASSWORD });
    expect(changed.status).toBe(200);
    expect(changed.body.passwordChangeRequired).toBeUndefined();
    // The temporary session is over; the fresh one works.
    expect((await t.http().get('/api/v1/auth/me').set(bearer(tempToken))).status).toBe(401);
    const token = changed.body.accessToken as string;
    const list = await t.http().get('/api/v1/complaints?limit=100').set(bearer(token));
    expect(list.status).toBe(200);
    const ids = (list.body.items as { id: string }[]).map((c) => c.id);
    expect(ids).toContain(at007.body.id);
    expect(ids).not.toContain(at005.body.id);
    expect((await t.http().get(`/api/v1/complaints/${at005.body.id}`).set(bearer(token))).status).toBe(404);

    // A change of organisation and jurisdictions ends the sessions issued before it (access and refresh);
    // the next sign-in works in the new scope.
    const moved = await t
      .http()
      .patch(`/api/v1/admin/users/${created.body.id}`)
      .set(await as('admin'))
      .send({
        organisationId: organisationId('MEDIATION_COMMITTEE', '310115005'),
        jurisdictionCodes: ['310115005'],
      });
    expect(moved.status).toBe(200);
    expect((await t.http().get(`/api/v1/complaints/${at005.body.id}`).set(bearer(token))).status).toBe(401);
    const refreshToken = changed.body.refreshToken as string;
    expect((await t.http().post('/api/v1/auth/refresh').send({ refreshToken })).status).toBe(401);
    const moved2 = (await login('med-310115007-a', NEW_PASSWORD)).body.accessToken as string;
    expect((await t.http().get(`/api/v1/complaints/${at005.body.id}`).set(bearer(moved2))).status).toBe(200);
    expect((await t.http().get(`/api/v1/complaints/${at007.body.id}`).set(bearer(moved2))).status).toBe(404);

    // The trail shows who did what, never a password or the phone number.
    const trail = await t
      .http()
      .get(`/api/v1/admin/audit?target=${created.body.id}`)
      .set(await as('supervisor'));
    expect(trail.status).toBe(200);
    expect((trail.body.items as { action: string }[]).map((e) => e.action)).toEqual([
      'USER_UPDATED',
      'USER_CREATED',
    ]);
    expect(JSON.stringify(trail.body)).not.toContain('13911112222');
    expect(JSON.stringify(trail.body)).not.toContain(temp);
  });

  it('refuses a duplicate username (409), a role that does not fit the organisation and a jurisdiction outside it (400)', async () => {
    expect((await createStaff(mediatorOf007('med-dup'))).status).toBe(201);
    const dup = await createStaff(mediatorOf007('med-dup'));
    expect(dup.status).toBe(409);
    expect(dup.body.code).toBe('USERNAME_TAKEN');

    const wrongKind = await createStaff({ ...mediatorOf007('insp-in-committee'), role: 'INSPECTOR' });
    expect(wrongKind.status).toBe(400);
    expect(wrongKind.body.details).toContainEqual(expect.objectContaining({ field: 'organisationId' }));

    const outside = await createStaff({ ...mediatorOf007('med-outside'), jurisdictionCodes: ['310115005'] });
    expect(outside.status).toBe(400);
    expect(outside.body.details).toContainEqual(expect.objectContaining({ field: 'jurisdictionCodes' }));

    // A jurisdiction inside the organisation's prefix that is no street the platform knows (a typo of 310115016):
    // the account would see nothing, silently (audit 2026-12-07).
    const unknownCode = (code: string) =>
      expect.objectContaining({
        field: 'jurisdictionCodes',
        constraint: 'exists',
        message: expect.stringContaining(code),
      }) as unknown;
    const brigade = organisationId('INSPECTION_BRIGADE', '310115');
    const typo = { username: 'insp-typo', displayName: '错码', role: 'INSPECTOR', organisationId: brigade };
    const unknown = await createStaff({ ...typo, jurisdictionCodes: ['310115007', '310115061'] });
    expect(unknown.status).toBe(400);
    expect(unknown.body.details).toEqual([unknownCode('310115061')]);
    const fine = await createStaff({ ...typo, jurisdictionCodes: ['310115007'] });
    expect(fine.status).toBe(201);
    const retyped = await t
      .http()
      .patch(`/api/v1/admin/users/${fine.body.id}`)
      .set(await as('admin'))
      .send({ jurisdictionCodes: ['310115999'] });
    expect(retyped.status).toBe(400);
    expect(retyped.body.details).toEqual([unknownCode('310115999')]);

    const badBody = await createStaff({ username: 'Bad Name', role: 'WORKER' });
    expect(badBody.status).toBe(400);
    expect(badBody.body.code).toBe('VALIDATION_FAILED');

    expect((await createStaff(mediatorOf007('med-by-supervisor'), 'supervisor')).status).toBe(403);
  });

  it('organisations: an ADMIN creates and renames one, kind and jurisdiction must keep fitting its members, every change audited', async () => {
    const org = (body: Record<string, unknown>, user = 'admin') =>
      as(user).then((h) => t.http().post('/api/v1/admin/organisations').set(h).send(body));
    const patch = (id: string, body: Record<string, unknown>) =>
      as('admin').then((h) => t.http().patch(`/api/v1/admin/organisations/${id}`).set(h).send(body));
    const created = await org({
      name: '花木街道劳动争议调解委员会',
      kind: 'MEDIATION_COMMITTEE',
      jurisdictionCode: '310115007',
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ kind: 'MEDIATION_COMMITTEE', jurisdictionCode: '310115007' });
    const id = created.body.id as string;
    // Bad input: a code the platform does not know, one outside the district, a bad kind, a supervisor.
    const unknown = await org({
      name: '不存在的街道调委会',
      kind: 'MEDIATION_COMMITTEE',
      jurisdictionCode: '310115999',
    });
    expect([unknown.status, unknown.body.details[0].field]).toEqual([400, 'jurisdictionCode']);
    const outside = await org({
      name: '黄浦调委会',
      kind: 'MEDIATION_COMMITTEE',
      jurisdictionCode: '310101001',
    });
    expect([outside.status, outside.body.details[0].field]).toEqual([400, 'jurisdictionCode']);
    expect((await org({ name: '某机构', kind: 'COURT', jurisdictionCode: '310115007' })).status).toBe(400);
    expect(
      (
        await org(
          { name: '督办建的', kind: 'MEDIATION_COMMITTEE', jurisdictionCode: '310115007' },
          'supervisor',
        )
      ).status,
    ).toBe(403);

    // A mediator joins it; then its kind and its jurisdiction must keep fitting him.
    const member = await createStaff({ ...mediatorOf007('med-in-new-committee'), organisationId: id });
    expect(member.status).toBe(201);
    const kind = await patch(id, { kind: 'INSPECTION_BRIGADE' });
    expect([kind.status, kind.body.details[0].field]).toEqual([400, 'kind']);
    const moved = await patch(id, { jurisdictionCode: '310115005' });
    expect([moved.status, moved.body.details[0].field]).toEqual([400, 'jurisdictionCode']);
    const renamed = await patch(id, { name: '花木街道人民调解委员会第二调委会' });
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({
      id,
      name: '花木街道人民调解委员会第二调委会',
      kind: 'MEDIATION_COMMITTEE',
    });
    const listed = await t
      .http()
      .get('/api/v1/admin/organisations')
      .set(await as('supervisor'));
    expect(listed.body.items).toContainEqual(
      expect.objectContaining({ id, name: '花木街道人民调解委员会第二调委会' }),
    );
    const trail = await t
      .http()
      .get(`/api/v1/admin/audit?target=${id}`)
      .set(await as('supervisor'));
    expect((trail.body.items as { action: string }[]).map((e) => e.action)).toEqual([
      'ORGANISATION_UPDATED',
      'ORGANISATION_CREATED',
    ]);
    expect(
      (
        await t
          .http()
          .patch(`/api/v1/admin/organisations/${id}`)
          .set(await as('supervisor'))
          .send({ name: '督办改名' })
      ).status,
    ).toBe(403);
  });

  it('deactivation locks out an existing access token on the next request, and its refresh token', async () => {
    const created = await createStaff(mediatorOf007('med-deactivated'));
    const first = await login('med-deactivated', created.body.temporaryPassword);
    const changed = await t
      .http()
      .post('/api/v1/auth/password')
      .set(bearer(first.body.accessToken))
      .send({ currentPassword: created.body.temporaryPassword, newPassword: NEW_PASSWORD });
    const { accessToken, refreshToken } = changed.body as { accessToken: string; refreshToken: string };
    expect((await t.http().get('/api/v1/auth/me').set(bearer(accessToken))).status).toBe(200);

    const setActive = async (active: boolean) =>
      t
        .http()
        .patch(`/api/v1/admin/users/${created.body.id}`)
        .set(await as('admin'))
        .send({ active });
    const oldSessionStatuses = async () => [
      (await t.http().get('/api/v1/auth/me').set(bearer(accessToken))).status,
      (await t.http().post('/api/v1/auth/refresh').send({ refreshToken })).status,
    ];
    const off = await setActive(false);
    expect(off.status).toBe(200);
    expect(off.body.active).toBe(false);
    expect(await oldSessionStatuses()).toEqual([401, 401]);
    expect((await login('med-deactivated', NEW_PASSWORD)).status).toBe(401);

    // Reactivation gives the account back, not its old sessions: both old tokens stay dead; a new sign-in works.
    expect((await setActive(true)).status).toBe(200);
    expect(await oldSessionStatuses()).toEqual([401, 401]);
    expect((await login('med-deactivated', NEW_PASSWORD)).status).toBe(200);
  });

  it('a blank display name or organisation name is a 400 on the field; names are trimmed', async () => {
    const admin = await as('admin');
    const fieldsOf = (res: { body: { details?: { field: string }[] } }) =>
      (res.body.details ?? []).map((d) => d.field);
    const blank = await createStaff({ ...mediatorOf007('med-blank-name'), displayName: '   ' });
    expect([blank.status, blank.body.code, fieldsOf(blank)]).toEqual([
      400,
      'VALIDATION_FAILED',
      ['displayName'],
    ]);
    const padded = await createStaff({ ...mediatorOf007('med-padded-name'), displayName: '  周调解 ' });
    expect(padded.status).toBe(201);
    const id = padded.body.id as string;
    const read = async () =>
      (
        (await t.http().get('/api/v1/admin/users?q=med-padded-name').set(admin)).body.items as {
          id: string;
          displayName: string;
        }[]
      ).find((u) => u.id === id)?.displayName;
    expect(await read()).toBe('周调解');
    const patched = await t
      .http()
      .patch(`/api/v1/admin/users/${id}`)
      .set(admin)
      .send({ displayName: ' \t ' });
    expect([patched.status, fieldsOf(patched)]).toEqual([400, ['displayName']]);
    expect(await read()).toBe('周调解');

    const org = await t
      .http()
      .post('/api/v1/admin/organisations')
      .set(admin)
      .send({ name: '    ', kind: 'MEDIATION_COMMITTEE', jurisdictionCode: '310115016' });
    expect([org.status, fieldsOf(org)]).toEqual([400, ['name']]);
    const [{ id: orgId }] = (await t.http().get('/api/v1/admin/organisations').set(admin)).body.items as {
      id: string;
    }[];
    const renamed = await t
      .http()
      .patch(`/api/v1/admin/organisations/${orgId}`)
      .set(admin)
      .send({ name: ' 甲 ' });
    expect([renamed.status, fieldsOf(renamed)]).toEqual([400, ['name']]);
  });

  it('a change of display name or phone alone leaves the sessions alone', async () => {
    const pair = (await login('inspector', DEMO_PASSWORD)).body as { accessToken: string };
    const [{ id }] = await t.dataSource.query<{ id: string }[]>(
      `SELECT id FROM users WHERE username = 'inspector'`,
    );
    const res = await t
      .http()
      .patch(`/api/v1/admin/users/${id}`)
      .set(await as('admin'))
      .send({ displayName: '监察员（改名）' });
    expect(res.status).toBe(200);
    expect((await t.http().get('/api/v1/auth/me').set(bearer(pair.accessToken))).status).toBe(200);
  });

  it('logout kills the access token and the refresh token at once', async () => {
    const pair = (await login('inspector', DEMO_PASSWORD)).body as {
      accessToken: string;
      refreshToken: string;
    };
    const out = await t.http().post('/api/v1/auth/logout').set(bearer(pair.accessToken)).send({});
    expect(out.status).toBe(204);
    expect((await t.http().get('/api/v1/auth/me').set(bearer(pair.accessToken))).status).toBe(401);
    expect(
      (await t.http().post('/api/v1/auth/refresh').send({ refreshToken: pair.refreshToken })).status,
    ).toBe(401);
    // Another session of the same account is untouched.
    expect(
      (
        await t
          .http()
          .get('/api/v1/auth/me')
          .set(await as('inspector'))
      ).status,
    ).toBe(200);
  });

  it('a forged cursor or an audit period that is not a date-time is 400, never 500', async () => {
    const forge = (createdAt: string) =>
      Buffer.from(JSON.stringify([createdAt, '0190c0de-0000-7000-8000-000000000042'])).toString('base64url');
    const answer = async (path: string, user: string, query: Record<string, string>) => {
      const res = await t
        .http()
        .get(path)
        .query(query)
        .set(await as(user));
      const fields = ((res.body.details ?? []) as { field: string }[]).map((d) => d.field);
      return [path, query, res.status, res.body.code, fields];
    };
    for (const createdAt of ['1', 'Jan 1', '2026-02-30T00:00:00Z', '2026-11-26 06:00:00']) {
      const query = { cursor: forge(createdAt) };
      for (const [path, user] of [
        ['/api/v1/admin/users', 'admin'],
        ['/api/v1/admin/audit', 'supervisor'],
        ['/api/v1/complaints', 'supervisor'],
        ['/api/v1/search?q=测试公司', 'supervisor'],
      ])
        expect(await answer(path, user, query)).toEqual([path, query, 400, 'VALIDATION_FAILED', ['cursor']]);
    }
    const periods: Record<string, string>[] = [
      { from: '2026-W01' },
      { to: '2026-W01-3' },
      { from: '2026-336' },
      { to: '2026-02-30T00:00:00Z' },
    ];
    for (const query of periods)
      expect(await answer('/api/v1/admin/audit', 'supervisor', query)).toEqual([
        '/api/v1/admin/audit',
        query,
        400,
        'VALIDATION_FAILED',
        Object.keys(query),
      ]);
    const period = { from: '2026-01-01T00:00:00+08:00', to: '2099-12-31T23:59:59.999Z' };
    expect((await answer('/api/v1/admin/audit', 'supervisor', period))[2]).toBe(200);
  });

  it('the last active ADMIN cannot be deactivated or demoted (409)', async () => {
    const [{ id }] = await t.dataSource.query<{ id: string }[]>(
      `SELECT id FROM users WHERE username = 'admin'`,
    );
    for (const body of [{ active: false }, { role: 'SUPERVISOR' }]) {
      const res = await t
        .http()
        .patch(`/api/v1/admin/users/${id}`)
        .set(await as('admin'))
        .send(body);
      expect(res.status).toBe(409);
      expect(res.body.code).toBe('LAST_ACTIVE_ADMIN');
    }
  });

  it("an ADMIN of another district neither sees nor changes this district's staff (404)", async () => {
    const huangpu = newId();
    await t.dataSource.query(
      `INSERT INTO jurisdictions (code, name, level, parent_code) VALUES ('310101', '黄浦区', 'DISTRICT', '310100')
       ON CONFLICT DO NOTHING`,
    );
    await t.dataSource.query(
      `INSERT INTO organisations (id, name, kind, jurisdiction_code) VALUES ($1, '黄浦区人力资源和社会保障局', 'HRSS_BUREAU', '310101')`,
      [huangpu],
    );
    await t.dataSource.query(
      `INSERT INTO users (id, username, password_hash, role, organisation_id, jurisdiction_codes, display_name)
       VALUES ($1, 'admin-huangpu', $2, 'ADMIN', $3, '{310101}', '黄浦管理员')`,
      [newId(), await hashPassword(DEMO_PASSWORD), huangpu],
    );
    const pudongMediator = (await createStaff(mediatorOf007('med-pudong-private'))).body.id as string;
    const other = await as('admin-huangpu');
    const get = await t.http().get(`/api/v1/admin/users/${pudongMediator}`).set(other);
    expect(get.status).toBe(404);
    expect(get.body.code).toBe('USER_NOT_FOUND');
    const patch = await t
      .http()
      .patch(`/api/v1/admin/users/${pudongMediator}`)
      .set(other)
      .send({ active: false });
    expect(patch.status).toBe(404);
    const reset = await t.http().post(`/api/v1/admin/users/${pudongMediator}/reset-password`).set(other);
    expect(reset.status).toBe(404);
    const list = await t.http().get('/api/v1/admin/users?limit=100').set(other);
    expect((list.body.items as { id: string }[]).map((u) => u.id)).not.toContain(pudongMediator);
    const orgs = await t.http().get('/api/v1/admin/organisations').set(other);
    expect((orgs.body.items as { id: string }[]).map((o) => o.id)).toEqual([huangpu]);
  });

  it('the demo district seed gives 310115007 a mediator: a complaint there opens mediation with one, named', async () => {
    const rows = jurisdictionsOfDistrict(DEFAULT_DISTRICT_CODE);
    const staff = demoDistrictStaff(
      rows.find((r) => r.level === 'DISTRICT')!,
      rows.filter((r) => r.level === 'STREET'),
    );
    const seed = async () =>
      seedDemoStaff(t.dataSource.manager, staff, await hashPassword(DEMO_PASSWORD), newId);
    expect(await seed()).toBe(129);
    expect(await seed()).toBe(0);
    const filed = await t
      .http()
      .post('/api/v1/complaints')
      .set(await as('13800000000'))
      .send(complaintBody({ workplaceStreetCode: '310115007', employer: { name: '花木调解测试公司' } }));
    const mediator = await as('med-310115007');
    for (const [path, body] of [
      ['accept', {}],
      ['route', { target: 'MEDIATION' }],
    ] as const)
      expect(
        (await t.http().post(`/api/v1/complaints/${filed.body.id}/${path}`).set(mediator).send(body)).status,
      ).toBe(200);
    const opened = await t
      .http()
      .post('/api/v1/mediation/cases')
      .set(mediator)
      .send({ complaintId: filed.body.id });
    expect(opened.status).toBe(201);
    expect(opened.body.mediator).toMatchObject({
      role: 'MEDIATOR',
      organisation: { id: huamuCommittee, kind: 'MEDIATION_COMMITTEE' },
    });
  });

  it('deactivating inspectors takes them off their open inspection cases; the last one off hands it to the brigade', async () => {
    const brigade = organisationId('INSPECTION_BRIGADE', '310115');
    const inspector = async (username: string) =>
      createAccount(t, {
        username,
        role: 'INSPECTOR',
        jurisdictions: ['310115005'],
        organisationId: brigade,
      });
    const [a, b] = [await inspector('insp-ho-a'), await inspector('insp-ho-b')];
    const { employerId } = await fileComplaint(t, { employerName: '监察移交测试公司' });
    const caseId = await openPlannedInspection(t, { employerId, inspectorIds: [a, b] });
    const deactivate = async (id: string) =>
      t
        .http()
        .patch(`/api/v1/admin/users/${id}`)
        .set(await as('admin'))
        .send({ active: false });
    const assigned = async () =>
      (
        await t.dataSource.query<{ ids: string[]; no: string }[]>(
          `SELECT assigned_inspector_ids::text[] AS ids, case_no AS no FROM inspection_cases WHERE id = $1`,
          [caseId],
        )
      )[0];
    const caseNo = (await assigned()).no;

    const offA = await deactivate(a);
    expect([offA.status, offA.body.casesHandedOver]).toEqual([
      200,
      [{ proceeding: 'INSPECTION', id: caseId, caseNo, toUserId: b }],
    ]);
    expect((await assigned()).ids).toEqual([b]);

    // The last assigned inspector off: the brigade's remaining inspector of the street takes it, in their queue.
    const demoInspector = (
      await t.dataSource.query<{ id: string }[]>(`SELECT id FROM users WHERE username = 'inspector'`)
    )[0].id;
    const offB = await deactivate(b);
    expect([offB.status, offB.body.casesHandedOver]).toEqual([
      200,
      [{ proceeding: 'INSPECTION', id: caseId, caseNo, toUserId: demoInspector }],
    ]);
    expect((await assigned()).ids).toEqual([demoInspector]);
    const queue = await t
      .http()
      .get('/api/v1/inspection/cases?assignee=me')
      .set(await as('inspector'));
    expect((queue.body.items as { id: string }[]).map((i) => i.id)).toContain(caseId);
    // Told in the inbox, as a mediator taking a case over is: the inspector who receives it, not the one who already
    // held it beside the leaving one.
    expect(await inboxAbout(t, 'inspector', `inspection-case:${caseId}`)).toEqual([
      'INSPECTION_CASE_ASSIGNED',
    ]);
    const told = await t.dataSource.query<{ to: string }[]>(
      `SELECT recipient_user_id AS to FROM notifications WHERE template = 'INSPECTION_CASE_ASSIGNED' AND subject_ref = $1`,
      [`inspection-case:${caseId}`],
    );
    expect(told.map((r) => r.to)).toEqual([demoInspector]);
    const events = await t.dataSource.query<{ data: Record<string, unknown> }[]>(
      `SELECT data FROM case_events WHERE case_id = $1 AND action = 'INSPECTORS_REASSIGNED' ORDER BY occurred_at, id`,
      [caseId],
    );
    expect(events.map((e) => e.data)).toEqual([
      expect.objectContaining({ fromInspectorId: a, assignedInspectorIds: [b], cause: 'DEACTIVATED' }),
      expect.objectContaining({
        fromInspectorId: b,
        assignedInspectorIds: [demoInspector],
        cause: 'DEACTIVATED',
      }),
    ]);
  });

  describe('bulk import (CSV / XLSX)', () => {
    const HEADER = 'username,displayName,role,organisation,jurisdictionCodes,phone';
    const upload = async (file: Buffer, name: string, dryRun?: boolean) =>
      t
        .http()
        .post(`/api/v1/admin/users/import${dryRun === undefined ? '' : `?dryRun=${dryRun}`}`)
        .set(await as('admin'))
        .attach('file', file, name);
    const exists = async (username: string) =>
      (await t.dataSource.query(`SELECT 1 FROM users WHERE username = $1`, [username])).length > 0;

    it('reports every bad row with its line and field, and imports nothing', async () => {
      const csv = [
        HEADER,
        'imp-good-1,好调解员,MEDIATOR,MEDIATION_COMMITTEE:310115007,310115007,',
        'imp-bad-role,错角色,INSPECTOR,MEDIATION_COMMITTEE:310115007,310115007,',
        'imp-outside,越界,MEDIATOR,MEDIATION_COMMITTEE:310115007,310115005,',
        'imp-good-1,重复,MEDIATOR,MEDIATION_COMMITTEE:310115007,310115007,',
        'admin,已存在,ADMIN,HRSS_BUREAU:310115,310115,',
        'imp-bad-phone,坏电话,MEDIATOR,MEDIATION_COMMITTEE:310115007,310115007,123',
        'imp-unknown,错码,INSPECTOR,INSPECTION_BRIGADE:310115,310115061,',
        'imp-nul,a\u0000b,MEDIATOR,MEDIATION_COMMITTEE:310115007,310115007,',
      ].join('\n');
      const res = await upload(Buffer.from(csv), 'staff.csv', false);
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('IMPORT_INVALID');
      expect(res.body.details).toEqual([
        expect.objectContaining({ line: 3, field: 'organisation' }),
        expect.objectContaining({ line: 4, field: 'jurisdictionCodes' }),
        expect.objectContaining({
          line: 5,
          field: 'username',
          constraint: 'unique',
          message: '与第 2 行重复',
        }),
        expect.objectContaining({
          line: 6,
          field: 'username',
          constraint: 'unique',
          message: '该用户名已被使用',
        }),
        expect.objectContaining({ line: 7, field: 'phone' }),
        expect.objectContaining({ line: 8, field: 'jurisdictionCodes', constraint: 'exists' }),
        // A NUL in a cell is a 400 naming the line, not a 500 from PostgreSQL at the insert (audit 2026-12-07).
        expect.objectContaining({ line: 9, field: 'displayName', constraint: 'noNulCharacter' }),
      ]);
      expect(await exists('imp-good-1')).toBe(false);
    });

    it('dry-runs by default, then imports a CSV; an XLSX file works the same', async () => {
      const csv = `\uFEFF${HEADER}\nimp-csv-1,甲,MEDIATOR,MEDIATION_COMMITTEE:310115007,310115007,\nimp-csv-2,乙,INSPECTOR,INSPECTION_BRIGADE:310115,310115007;310115005,13911113333\n`;
      const dry = await upload(Buffer.from(csv), 'staff.csv');
      expect(dry.status).toBe(200);
      expect(dry.body).toMatchObject({ dryRun: true, valid: 2, imported: 0 });
      expect(await exists('imp-csv-1')).toBe(false);
      const done = await upload(Buffer.from(csv), 'staff.csv', false);
      expect(done.status).toBe(200);
      expect(done.body).toMatchObject({ dryRun: false, imported: 2 });
      const [first] = done.body.users as { username: string; temporaryPassword: string }[];
      const signIn = await login(first.username, first.temporaryPassword);
      expect(signIn.body.passwordChangeRequired).toBe(true);

      const wb = new ExcelJS.Workbook();
      const sheet = wb.addWorksheet('staff');
      sheet.addRow(HEADER.split(','));
      sheet.addRow(['imp-xlsx-1', '丙', 'ARBITRATOR', 'ARBITRATION_COMMISSION:310115', '310115', '']);
      sheet.addRow(['imp-xlsx-2', '丁', 'ARBITRATOR', 'HRSS_BUREAU:310115', '310115', '']);
      const xlsx = Buffer.from(await wb.xlsx.writeBuffer());
      const bad = await upload(xlsx, 'staff.xlsx');
      expect(bad.status).toBe(400);
      expect(bad.body.details).toEqual([expect.objectContaining({ line: 3, field: 'organisation' })]);
    });
  });

  it('throttles sign-in per account and address: after 10 failures from one address even the right password is refused there (429), not from another', async () => {
    const created = await createStaff(mediatorOf007('med-throttled'));
    // The app trusts the proxy (TRUST_PROXY): the client address is the one X-Forwarded-For names.
    const from = (ip: string, password: string) =>
      t
        .http()
        .post('/api/v1/auth/login')
        .set('x-forwarded-for', ip)
        .send({ username: 'med-throttled', password });
    for (let i = 0; i < 10; i++) expect((await from('203.0.113.7', `wrong-${i}`)).status).toBe(401);
    const locked = await from('203.0.113.7', created.body.temporaryPassword as string);
    expect(locked.status).toBe(429);
    expect(locked.body.code).toBe('LOGIN_THROTTLED');
    // Whoever fails from one address does not lock the mediator out of their own.
    expect((await from('198.51.100.20', created.body.temporaryPassword as string)).status).toBe(200);
    // ...and the mediator's sign-in there does not lift the lock of the address that guessed.
    const still = await from('203.0.113.7', created.body.temporaryPassword as string);
    expect([still.status, still.body.code]).toEqual([429, 'LOGIN_THROTTLED']);
  });

  it('the owner signing in does not reset the failures other addresses count towards the account’s ceiling of 100', async () => {
    const created = await createStaff(mediatorOf007('med-ceiling'));
    const password = created.body.temporaryPassword as string;
    const from = (ip: string, pw: string) =>
      t
        .http()
        .post('/api/v1/auth/login')
        .set('x-forwarded-for', ip)
        .send({ username: 'med-ceiling', password: pw });
    // 99 failures from 11 addresses, each under its own limit of 10
    for (let i = 0; i < 99; i++)
      expect((await from(`203.0.113.${100 + (i % 11)}`, `wrong-${i}`)).status).toBe(401);
    expect((await from('198.51.100.21', password)).status).toBe(200);
    expect((await from('203.0.113.200', 'wrong-last')).status).toBe(401);
    // the hundredth failure locks the account from every address, the owner's included
    const locked = await from('198.51.100.21', password);
    expect([locked.status, locked.body.code]).toEqual([429, 'LOGIN_THROTTLED']);
  });

  it('nobody widens their own powers: an ADMIN does not make itself SUPERVISOR, even with another ADMIN active (403)', async () => {
    const [me] = await t.dataSource.query<
      { id: string; organisation_id: string; jurisdiction_codes: string[] }[]
    >(`SELECT id, organisation_id, jurisdiction_codes FROM users WHERE username = 'admin'`);
    const second = await createStaff({
      username: 'admin-second',
      displayName: '第二管理员',
      role: 'ADMIN',
      organisationId: me.organisation_id,
      jurisdictionCodes: me.jurisdiction_codes,
    });
    expect(second.status).toBe(201);
    for (const body of [{ role: 'SUPERVISOR' }, { jurisdictionCodes: ['310115007'] }]) {
      const own = await t
        .http()
        .patch(`/api/v1/admin/users/${me.id}`)
        .set(await as('admin'))
        .send(body);
      expect([own.status, own.body.code]).toEqual([403, 'OWN_ACCOUNT_SCOPE']);
    }
    const [{ role }] = await t.dataSource.query<{ role: string }[]>(`SELECT role FROM users WHERE id = $1`, [
      me.id,
    ]);
    expect(role).toBe('ADMIN');
  });
});
