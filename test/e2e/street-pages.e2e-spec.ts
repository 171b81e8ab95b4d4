import { StreetCodePages1796400002000 } from '../../migrations/1796400002000-street-code-pages';
import { InspectionStreetPages1796400002100 } from '../../migrations/1796400002100-inspection-street-pages';
import { bearer, fileComplaint, openInspection, openMediation } from '../support/case-flow';
import { statementsDuring } from '../support/statements';
import { startTestApp, type TestApp } from '../support/test-app';

/**
 * A street's own staff page their street's complaints, mediation and inspection cases by `street = code` (migrations
 * 1796400002000 and 1796400002100, `whereInJurisdictions` on a column of street codes; issue 17.3): the same rows a
 * prefix gives, read from the street's part of its index.
 */
describe("a street's own pages", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ env: { PROCESS_ROLE: 'api' } });
  });
  afterAll(() => t?.close());

  /** Every page of a list, `limit` at a time, as `user` sees it: the ids in order, and the page statements' texts. */
  async function allPages(user: string, path: string, limit: number) {
    const ids: string[] = [];
    const texts: string[] = [];
    let cursor: string | null = null;
    do {
      const url = `${path}?limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
      const auth = await bearer(t, user);
      const { result, statements } = await statementsDuring(() => t.http().get(url).set(auth));
      expect(result.status).toBe(200);
      ids.push(...(result.body.items as { id: string }[]).map((i) => i.id));
      texts.push(...statements.map((s) => s.sql));
      cursor = result.body.nextCursor as string | null;
    } while (cursor);
    return { ids, texts };
  }

  /** The ids a prefix's LIKE gives, newest first: what the pages must be. */
  const byPrefix = async (table: string, column: string, prefix: string) =>
    (
      await t.dataSource.query<{ id: string }[]>(
        `SELECT id FROM ${table} WHERE ${column} LIKE $1 ORDER BY created_at DESC, id DESC`,
        [`${prefix}%`],
      )
    ).map((r) => r.id);

  it("a street's complaints, mediation and inspection cases: the street's rows alone, all of them across pages, by equality", async () => {
    // Two streets: the demo staff's (310115005) and another (310115007), a few each, filed in turn; the first
    // street's complaints go to mediation, but for two, to inspection.
    for (let i = 0; i < 6; i++)
      for (const street of ['310115005', '310115007']) {
        const inspection = street === '310115005' && i >= 4;
        const c = await fileComplaint(t, {
          employerName: `上海街道分页测试${street}公司${i}`,
          street,
          target: inspection ? 'INSPECTION' : 'MEDIATION',
        });
        if (inspection) await openInspection(t, 'inspector', c.id);
        else if (street === '310115005') await openMediation(t, 'mediator', c.id);
      }

    const complaints = await allPages('mediator', '/api/v1/complaints', 3);
    const own = await byPrefix('complaints', 'workplace_street_code', '310115005');
    expect(own.length).toBeGreaterThanOrEqual(4);
    expect(complaints.ids).toEqual(own);
    const pages = complaints.texts.filter((s) => /FROM "complaints" "c"/.test(s));
    expect(pages.length).toBeGreaterThan(1);
    for (const s of pages) {
      expect(s).toMatch(/workplace_street_code"? = '310115005'/);
      expect(s).not.toContain('LIKE');
    }

    const cases = await allPages('mediator', '/api/v1/mediation/cases', 2);
    expect(cases.ids).toEqual(await byPrefix('mediation_cases', 'street_code', '310115005'));
    expect(cases.ids.length).toBeGreaterThanOrEqual(4);
    for (const s of cases.texts.filter((x) => /FROM "mediation_cases" "m"/.test(x)))
      expect(s).toMatch(/street_code"? = '310115005'/);

    const inspections = await allPages('inspector', '/api/v1/inspection/cases', 2);
    expect(inspections.ids).toEqual(await byPrefix('inspection_cases', 'jurisdiction_code', '310115005'));
    expect(inspections.ids.length).toBeGreaterThanOrEqual(2);
    for (const s of inspections.texts.filter((x) => /FROM "inspection_cases" "i"/.test(x)))
      expect(s).toMatch(/jurisdiction_code"? = '310115005'/);

    // A district's scope is still a prefix: both streets.
    const district = await allPages('supervisor', '/api/v1/complaints', 50);
    expect(district.ids).toEqual(await byPrefix('complaints', 'workplace_street_code', '310115'));
    expect(district.ids).toEqual(expect.arrayContaining(own));
    for (const s of district.texts.filter((x) => /FROM "complaints" "c"/.test(x)))
      expect(s).toMatch(/workplace_street_code"? LIKE '310115%'/);
  });

  /** Where a street code's form is kept: the street indexes and the CHECKs of the three tables. */
  const streetSchema = async (q: (sql: string) => Promise<unknown>) =>
    (
      (await q(
        `SELECT indexname AS name FROM pg_indexes
          WHERE tablename IN ('complaints', 'mediation_cases', 'inspection_cases') AND indexname LIKE '%street_created%'
         UNION ALL
         SELECT conname FROM pg_constraint WHERE conname LIKE 'chk_%_street_code_length'
         ORDER BY 1`,
      )) as { name: string }[]
    ).map((r) => r.name);

  it('a complaint, a mediation or an inspection case with a code that is not a street’s 9 digits is refused by the database', async () => {
    const c = await fileComplaint(t, { employerName: '上海街道代码约束测试公司', target: 'MEDIATION' });
    const { id: caseId } = await openMediation(t, 'mediator', c.id);
    const d = await fileComplaint(t, { employerName: '上海街道代码约束测试公司乙', target: 'INSPECTION' });
    const inspectionId = await openInspection(t, 'inspector', d.id);
    for (const [sql, id] of [
      [`UPDATE complaints SET workplace_street_code = '310115005001' WHERE id = $1`, c.id],
      [`UPDATE complaints SET workplace_street_code = '310115' WHERE id = $1`, c.id],
      [`UPDATE mediation_cases SET street_code = '310115005001' WHERE id = $1`, caseId],
      [`UPDATE inspection_cases SET jurisdiction_code = '310115' WHERE id = $1`, inspectionId],
    ] as const)
      await expect(t.dataSource.query(sql, [id])).rejects.toThrow(/_street_code_length/);
  });

  it('the down migrations put the two-column indexes back and drop the CHECKs, and up again', async () => {
    const current = [
      'chk_complaints_street_code_length',
      'chk_inspection_cases_street_code_length',
      'chk_mediation_cases_street_code_length',
      'idx_complaints_street_created_id',
      'idx_inspection_cases_street_created_id',
      'idx_mediation_cases_street_created_id',
    ];
    expect(await streetSchema((sql) => t.dataSource.query(sql))).toEqual(current);
    await t.dataSource.transaction(async (em) => {
      const runner = em.queryRunner!;
      const query = (sql: string) => runner.query(sql);
      await new InspectionStreetPages1796400002100().down(runner);
      await new StreetCodePages1796400002000().down(runner);
      expect(await streetSchema(query)).toEqual([
        'idx_complaints_street_created',
        'idx_mediation_cases_street_created',
      ]);
      await new StreetCodePages1796400002000().up(runner);
      await new InspectionStreetPages1796400002100().up(runner);
    });
    expect(await streetSchema((sql) => t.dataSource.query(sql))).toEqual(current);
  });
});
