import { addDays, todayInShanghai } from '../../src/calendar/local-date';
import { organisationId } from '../../src/reference/organisations';
import {
  bearer,
  fileComplaint,
  openPlannedInspection,
  registerEmployer,
  userIdOf,
} from '../support/case-flow';
import { startTestApp, type TestApp } from '../support/test-app';
import { createAccount } from '../support/users';
import { testUscc } from '../support/uscc';

interface CaseView {
  id: string;
  version: number;
  documents: { id: string; kind: string; docNo: string }[];
}

/**
 * The brigade's documents name the employer (the addressee of an order, a notice, a decision; the suspect of a
 * transfer): while its register name is provisional (typed by a worker or a reporter) none is issued (409
 * EMPLOYER_NAME_UNCONFIRMED). The inspectors of the case verify it against the business licence during the
 * investigation (劳动保障监察条例 第十五条) and confirm it on the register themselves (PUT /employers/:id/name).
 */
describe('inspection: documents name the employer only by a confirmed name', () => {
  let t: TestApp;
  let inspectorId: string;
  let secondId: string;
  let n = 0;
  const today = todayInShanghai();
  const brigade = organisationId('INSPECTION_BRIGADE', '310115');

  beforeAll(async () => {
    t = await startTestApp();
    inspectorId = await userIdOf(t, 'inspector');
    secondId = await createAccount(t, {
      username: 'inspector-name-b',
      role: 'INSPECTOR',
      jurisdictions: ['310115005'],
      organisationId: brigade,
    });
    await createAccount(t, {
      username: 'inspector-elsewhere',
      role: 'INSPECTOR',
      jurisdictions: ['310115007'],
      organisationId: brigade,
    });
  });
  afterAll(async () => {
    await t.close();
  });

  const post = async (user: string, id: string, path: string, body: Record<string, unknown>) =>
    t
      .http()
      .post(`/api/v1/inspection/cases/${id}/${path}`)
      .set(await bearer(t, user))
      .send(body);
  const putName = async (user: string, employerId: string, name: string) =>
    t
      .http()
      .put(`/api/v1/employers/${employerId}/name`)
      .set(await bearer(t, user))
      .send({ name });
  const caseOf = async (id: string) =>
    (
      await t
        .http()
        .get(`/api/v1/inspection/cases/${id}`)
        .set(await bearer(t, 'inspector'))
    ).body as CaseView;
  /** A planned case on an employer a worker's complaint created (its name provisional, no street). */
  const provisionalCase = async () => {
    const { employerId } = await fileComplaint(t, { employerName: `工人写的单位名称${++n}` });
    const id = await openPlannedInspection(t, { employerId, inspectorIds: [inspectorId, secondId] });
    return { id, employerId };
  };
  const order = (id: string, version: number) =>
    post('inspector', id, 'rectification-order', {
      version,
      violations: '未按时足额支付劳动者工资',
      arrearsFen: 600_000,
      workersAffected: 2,
      inspectorIds: [inspectorId, secondId],
      complianceDueOn: addDays(today, 10),
    });

  it('an order to rectify or an inquiry notice on a provisional name is 409 EMPLOYER_NAME_UNCONFIRMED; nothing issued', async () => {
    const { id, employerId } = await provisionalCase();
    const { version } = await caseOf(id);
    const refused = await order(id, version);
    expect([refused.status, refused.body.code, refused.body.details]).toEqual([
      409,
      'EMPLOYER_NAME_UNCONFIRMED',
      { employerId, remedies: [`PUT /api/v1/employers/${employerId}/name`] },
    ]);
    const inquiry = await post('inspector', id, 'inquiry-notice', {
      version,
      appearOn: addDays(today, 5),
      place: '浦东新区劳动保障监察大队',
      materials: ['营业执照副本'],
    });
    expect([inquiry.status, inquiry.body.code]).toEqual([409, 'EMPLOYER_NAME_UNCONFIRMED']);
    const after = await caseOf(id);
    expect([after.version, after.documents]).toEqual([version, []]);
  });

  it('an inspector of the case confirms the name from the licence; the order then names it', async () => {
    const { id, employerId } = await provisionalCase();
    // Not an inspector of another street, who has no case of this employer.
    expect((await putName('inspector-elsewhere', employerId, '上海营业执照名称有限公司')).status).toBe(404);
    const ok = await putName('inspector', employerId, '上海营业执照名称有限公司');
    expect([ok.status, ok.body]).toEqual([
      200,
      { id: employerId, name: '上海营业执照名称有限公司', nameConfirmed: true },
    ]);
    const ordered = await order(id, (await caseOf(id)).version);
    expect(ordered.status).toBe(200);
    const doc = (ordered.body as CaseView).documents.find((d) => d.kind === 'RECTIFICATION_ORDER')!;
    const [row] = await t.dataSource.query<{ body: string }[]>(
      `SELECT body FROM inspection_documents WHERE id = $1`,
      [doc.id],
    );
    expect(row.body).toContain('上海营业执照名称有限公司：');
    expect(row.body).not.toContain('工人写的单位名称');
  });

  it('an inspector who declared a conflict with the employer cannot confirm its name; a closed case gives no right', async () => {
    const { id, employerId } = await provisionalCase();
    const declared = await t
      .http()
      .post('/api/v1/inspection/conflicts')
      .set(await bearer(t, 'inspector-name-b'))
      .send({ employerId, reason: '近亲属在该单位任职' });
    expect(declared.status).toBe(201);
    expect((await putName('inspector-name-b', employerId, '上海回避名称有限公司')).status).toBe(404);
    const closed = await post('inspector', id, 'close', {
      version: (await caseOf(id)).version,
      closureType: 'NO_VIOLATION',
    });
    expect(closed.status).toBe(200);
    expect((await putName('inspector', employerId, '上海结案后名称有限公司')).status).toBe(404);
  });

  it('an employer registered in a street: the inspectors of that street confirm its name, others’ not', async () => {
    const employerId = await registerEmployer(t, { uscc: testUscc(1, 'NM'), name: '上海名录单位有限公司' });
    expect((await putName('inspector-elsewhere', employerId, '上海名录更正有限公司')).status).toBe(404);
    expect((await putName('inspector', employerId, '上海名录更正有限公司')).status).toBe(200);
  });
});
