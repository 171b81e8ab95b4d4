import { hashPassword } from '../../src/auth/passwords';
import { organisationId } from '../../src/reference/organisations';
import { newId } from '../../src/common/ids';
import { complaintBody, DEMO_PASSWORD, startTestApp, type TestApp } from '../support/test-app';

/** Staff work queues: finding a case by tracking number, "my cases" on the mediation and inspection lists. */
describe('staff work queues', () => {
  let t: TestApp;
  const auth = async (user: string) => ({ authorization: `Bearer ${await t.token(user)}` });
  let n = 0;

  const file = async (street = '310115005') => {
    n++;
    const filed = await t
      .http()
      .post('/api/v1/complaints')
      .set(await auth('13800000000'))
      .send(complaintBody({ employer: { name: `浦东队列测试公司${n}` }, workplaceStreetCode: street }));
    expect(filed.status).toBe(201);
    return { id: filed.body.id as string, trackingNo: filed.body.trackingNo as string };
  };
  const route = async (id: string, target: string, user: string) => {
    for (const [path, body] of [
      ['accept', {}],
      ['route', { target }],
    ] as const) {
      const r = await t
        .http()
        .post(`/api/v1/complaints/${id}/${path}`)
        .set(await auth(user))
        .send(body);
      expect([r.status, r.body]).toEqual([200, expect.anything()]);
    }
  };
  const userId = async (username: string) =>
    (await t.dataSource.query<{ id: string }[]>(`SELECT id FROM users WHERE username = $1`, [username]))[0]
      .id;

  beforeAll(async () => {
    t = await startTestApp();
    const hash = await hashPassword(DEMO_PASSWORD);
    // A second mediator and a second inspector of the same street (陆家嘴 310115005), and an inspector of 张江.
    await t.dataSource.query(
      `INSERT INTO users (id, username, password_hash, role, organisation_id, jurisdiction_codes, display_name) VALUES
         ($1, 'mediator-2', $4, 'MEDIATOR', $5, '{310115005}', '第二调解员'),
         ($2, 'inspector-2', $4, 'INSPECTOR', NULL, '{310115005}', '第二监察员'),
         ($3, 'inspector-zj', $4, 'INSPECTOR', NULL, '{310115125}', '张江监察员')`,
      [newId(), newId(), newId(), hash, organisationId('MEDIATION_COMMITTEE', '310115005')],
    );
  });
  afterAll(async () => {
    await t.close();
  });

  it('finds a complaint by its tracking number for the street staff, not for another street', async () => {
    const a = await file();
    await file();
    const found = await t
      .http()
      .get('/api/v1/complaints')
      .query({ trackingNo: a.trackingNo })
      .set(await auth('inspector'));
    expect(found.status).toBe(200);
    expect(found.body.items.map((c: { id: string }) => c.id)).toEqual([a.id]);
    const other = await t
      .http()
      .get('/api/v1/complaints')
      .query({ trackingNo: a.trackingNo })
      .set(await auth('inspector-zj'));
    expect(other.status).toBe(200);
    expect(other.body.items).toEqual([]);
    const bad = await t
      .http()
      .get('/api/v1/complaints')
      .query({ trackingNo: 'not-a-number' })
      .set(await auth('inspector'));
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('VALIDATION_FAILED');
    expect(JSON.stringify(bad.body.details)).toContain('trackingNo');
  });

  it("lists only the caller's mediation cases with ?assignee=me", async () => {
    const a = await file();
    const b = await file();
    for (const c of [a, b]) await route(c.id, 'MEDIATION', 'mediator');
    const openA = await t
      .http()
      .post('/api/v1/mediation/cases')
      .set(await auth('mediator'))
      .send({ complaintId: a.id });
    expect(openA.status).toBe(201);
    // Reassign the first case to the second mediator, as a supervisor would.
    await t.dataSource.query(`UPDATE mediation_cases SET mediator_user_id = $1 WHERE id = $2`, [
      await userId('mediator-2'),
      openA.body.id,
    ]);
    const openB = await t
      .http()
      .post('/api/v1/mediation/cases')
      .set(await auth('mediator'))
      .send({ complaintId: b.id });
    expect(openB.status).toBe(201);
    await t.dataSource.query(`UPDATE mediation_cases SET mediator_user_id = $1 WHERE id = $2`, [
      await userId('mediator'),
      openB.body.id,
    ]);
    const mine = async (user: string) => {
      const r = await t
        .http()
        .get('/api/v1/mediation/cases')
        .query({ assignee: 'me', limit: 100 })
        .set(await auth(user));
      expect(r.status).toBe(200);
      return r.body.items.map((m: { id: string }) => m.id) as string[];
    };
    expect(await mine('mediator-2')).toEqual([openA.body.id]);
    const first = await mine('mediator');
    expect(first).toContain(openB.body.id);
    expect(first).not.toContain(openA.body.id);
    const all = await t
      .http()
      .get('/api/v1/mediation/cases')
      .query({ limit: 100 })
      .set(await auth('mediator'));
    expect(all.body.items.map((m: { id: string }) => m.id)).toEqual(
      expect.arrayContaining([openA.body.id, openB.body.id]),
    );
    const bad = await t
      .http()
      .get('/api/v1/mediation/cases')
      .query({ assignee: 'someone' })
      .set(await auth('mediator'));
    expect(bad.status).toBe(400);
  });

  it('lists only the inspection cases assigned to the caller with ?assignee=me', async () => {
    const a = await file();
    await route(a.id, 'INSPECTION', 'inspector');
    const opened = await t
      .http()
      .post('/api/v1/inspection/cases')
      .set(await auth('inspector'))
      .send({ complaintId: a.id });
    expect(opened.status).toBe(201);
    const decided = await t
      .http()
      .post(`/api/v1/inspection/cases/${opened.body.id}/decision`)
      .set(await auth('inspector-2'))
      .send({ version: opened.body.version, violationEndedOn: null });
    expect([decided.status, decided.body]).toEqual([200, expect.anything()]);
    const mine = async (user: string) => {
      const r = await t
        .http()
        .get('/api/v1/inspection/cases')
        .query({ assignee: 'me', limit: 100 })
        .set(await auth(user));
      expect(r.status).toBe(200);
      return r.body.items.map((c: { id: string }) => c.id) as string[];
    };
    expect(await mine('inspector-2')).toContain(opened.body.id);
    expect(await mine('inspector')).not.toContain(opened.body.id);
  });
});
