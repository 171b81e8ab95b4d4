import { ArbitrationCaseEmployer1796400001900 } from '../../migrations/1796400001900-arbitration-case-employer';
import { applyForArbitration, bearer, fileComplaint } from '../support/case-flow';
import { startTestApp, type TestApp } from '../support/test-app';

/**
 * An arbitration case carries its complaint's employer (migration 1796400001900), so that the search by an employer
 * walks the arbitration cases by their own column, as it does mediation's and inspection's (issue 17.3).
 */
describe("an arbitration case's employer", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ env: { PROCESS_ROLE: 'api' } });
  });
  afterAll(() => t?.close());

  const employerOfCase = async (id: string) =>
    (
      await t.dataSource.query<{ employer_id: string; complaints_employer: string }[]>(
        `SELECT a.employer_id, c.employer_id AS complaints_employer
           FROM arbitration_cases a JOIN complaints c ON c.id = a.complaint_id WHERE a.id = $1`,
        [id],
      )
    )[0];

  it("is the complaint's employer, from an application and from a complaint routed to arbitration, and the search finds the case by it", async () => {
    const applied = await fileComplaint(t, { employerName: '上海仲裁被申请人甲公司' });
    const fromApplication = await applyForArbitration(t, '13800000000', applied.id);
    const routed = await fileComplaint(t, { employerName: '上海仲裁被申请人乙公司', target: 'ARBITRATION' });
    const fromRouting = await applyForArbitration(t, 'mediator', routed.id);
    expect(await employerOfCase(fromApplication)).toEqual({
      employer_id: applied.employerId,
      complaints_employer: applied.employerId,
    });
    expect(await employerOfCase(fromRouting)).toEqual({
      employer_id: routed.employerId,
      complaints_employer: routed.employerId,
    });
    // By a fragment of the name (a few employers: each one's cases by the employer index) and by the whole name.
    for (const q of ['被申请人甲', '上海仲裁被申请人甲公司']) {
      const found = await t
        .http()
        .get('/api/v1/search')
        .query({ q, kind: 'ARBITRATION' })
        .set(await bearer(t, 'supervisor'));
      expect([q, found.status]).toEqual([q, 200]);
      expect(found.body.items.map((i: { id: string }) => i.id)).toEqual([fromApplication]);
    }
  });

  it("follows its complaint's employer when a correction replaces it (a worker who applied directly, then 补正)", async () => {
    const worker = await bearer(t, '13800000000');
    const { id: complaintId, employerId } = await fileComplaint(t, { employerName: '上海补正前单位' });
    const caseId = await applyForArbitration(t, '13800000000', complaintId);
    const requested = await t
      .http()
      .post(`/api/v1/complaints/${complaintId}/correction-request`)
      .set(await bearer(t, 'inspector'))
      .send({ missing: '单位全称' });
    expect(requested.status).toBe(200);
    const supplied = await t
      .http()
      .post(`/api/v1/complaints/${complaintId}/correction`)
      .set(worker)
      .send({ employer: { name: '上海补正后单位有限公司' } });
    expect(supplied.status).toBe(200);
    const replaced = supplied.body.employer.id as string;
    expect(replaced).not.toBe(employerId);
    expect(await employerOfCase(caseId)).toEqual({ employer_id: replaced, complaints_employer: replaced });
    // The new employer's name finds the case; the old one's no longer does.
    const found = await t
      .http()
      .get('/api/v1/search')
      .query({ q: '补正后单位', kind: 'ARBITRATION' })
      .set(await bearer(t, 'supervisor'));
    expect(found.body.items.map((i: { id: string }) => i.id)).toEqual([caseId]);
    const before = await t
      .http()
      .get('/api/v1/search')
      .query({ q: '补正前单位', kind: 'ARBITRATION' })
      .set(await bearer(t, 'supervisor'));
    expect(before.body.items).toEqual([]);
  });

  it('is filled from the complaints for the cases opened before the migration, and the down migration takes it away', async () => {
    const { id: complaintId, employerId } = await fileComplaint(t, { employerName: '上海仲裁迁移前公司' });
    const caseId = await applyForArbitration(t, '13800000000', complaintId);
    const runner = t.dataSource.createQueryRunner();
    await runner.connect();
    const migration = new ArbitrationCaseEmployer1796400001900();
    const columns = async (relation: string) =>
      (
        (await runner.query(
          `SELECT column_name FROM information_schema.columns WHERE table_name = $1 ORDER BY ordinal_position`,
          [relation],
        )) as { column_name: string }[]
      ).map((c) => c.column_name);
    try {
      await runner.startTransaction();
      await migration.down(runner);
      expect(await columns('arbitration_cases')).not.toContain('employer_id');
      expect(await columns('arbitration_search_source')).not.toContain('employer_id');
      await migration.up(runner);
      await runner.commitTransaction();
    } catch (err) {
      await runner.rollbackTransaction();
      throw err;
    } finally {
      await runner.release();
    }
    expect(await employerOfCase(caseId)).toEqual({
      employer_id: employerId,
      complaints_employer: employerId,
    });
    const nulls = await t.dataSource.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM arbitration_cases WHERE employer_id IS NULL`,
    );
    expect(nulls).toEqual([{ n: 0 }]);
    const [{ attnotnull }] = await t.dataSource.query<{ attnotnull: boolean }[]>(
      `SELECT attnotnull FROM pg_attribute WHERE attrelid = 'arbitration_cases'::regclass AND attname = 'employer_id'`,
    );
    expect(attnotnull).toBe(true);
    // The view keeps its columns in their order, the employer last (docs/read-contracts.md).
    const view = await t.dataSource.query<{ column_name: string }[]>(
      `SELECT column_name FROM information_schema.columns WHERE table_name = 'arbitration_search_source'
        ORDER BY ordinal_position`,
    );
    expect(view.map((c) => c.column_name).at(-1)).toBe('employer_id');
  });
});
