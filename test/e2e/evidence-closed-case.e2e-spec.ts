import { PNG } from '../../bench/lib/fixture-bodies';
import { complaintBody, startTestApp, type TestApp } from '../support/test-app';

/**
 * A withdrawn or refused complaint is handled by nobody: its complainant's evidence is refused (409 CASE_FILE_CLOSED,
 * with the status), while the staff of its street may still file a document for the record.
 */
describe('evidence on a withdrawn or refused complaint', () => {
  let t: TestApp;
  const WORKER = '13800000000';
  const auth = async (user: string) => ({ authorization: `Bearer ${await t.token(user)}` });
  const upload = async (user: string, id: string) =>
    t
      .http()
      .post(`/api/v1/complaints/${id}/attachments`)
      .set(await auth(user))
      .attach('file', PNG, { filename: '工资条.png', contentType: 'image/png' });
  const files = async (id: string) =>
    (
      await t.dataSource.query<{ n: number }[]>(
        `SELECT count(*)::int AS n FROM attachments WHERE complaint_id = $1`,
        [id],
      )
    )[0].n;
  const file = async () => {
    const r = await t
      .http()
      .post('/api/v1/complaints')
      .set(await auth(WORKER))
      .send(complaintBody());
    expect(r.status).toBe(201);
    return r.body.id as string;
  };

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('withdrawn: the complainant’s upload is 409 CASE_FILE_CLOSED and nothing is kept; staff may file for the record', async () => {
    const id = await file();
    expect((await upload(WORKER, id)).status).toBe(201);
    const w = await t
      .http()
      .post(`/api/v1/complaints/${id}/withdraw`)
      .set(await auth(WORKER))
      .send({ reason: '已与单位协商解决' });
    expect(w.status).toBe(200);
    const refused = await upload(WORKER, id);
    expect([refused.status, refused.body.code, refused.body.details]).toEqual([
      409,
      'CASE_FILE_CLOSED',
      { status: 'WITHDRAWN' },
    ]);
    expect(await files(id)).toBe(1);
    // The complainant still reads what the file holds.
    expect(
      (
        await t
          .http()
          .get(`/api/v1/complaints/${id}/attachments`)
          .set(await auth(WORKER))
      ).status,
    ).toBe(200);
    const staff = await upload('mediator', id);
    expect([staff.status, staff.body.uploadedBy]).toEqual([201, { role: 'MEDIATOR' }]);
    expect(await files(id)).toBe(2);
  });

  it('refused (不予受理): the complainant’s upload is 409 CASE_FILE_CLOSED', async () => {
    const id = await file();
    const r = await t
      .http()
      .post(`/api/v1/complaints/${id}/reject`)
      .set(await auth('inspector'))
      .send({ reason: 'OTHER', legalBasis: '若干规定 第十八条', note: '投诉事项不明确，经电话告知' });
    expect([r.status, r.body]).toEqual([200, expect.anything()]);
    const refused = await upload(WORKER, id);
    expect([refused.status, refused.body.code, refused.body.details]).toEqual([
      409,
      'CASE_FILE_CLOSED',
      { status: 'REJECTED' },
    ]);
    expect(await files(id)).toBe(0);
  });
});
