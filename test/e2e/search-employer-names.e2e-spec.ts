import fc from 'fast-check';
import { bearer, fileComplaint } from '../support/case-flow';
import { statementsDuring } from '../support/statements';
import { startTestApp, type TestApp } from '../support/test-app';
import { testUscc } from '../support/uscc';
import { likeContaining } from '../../src/search/search.rules';
import { FEW_NAMED_EMPLOYERS, MANY_NAMED_EMPLOYERS } from '../../src/search/search.repository';

/** A name's distinct characters and character pairs, lower-cased (the names here are Chinese and ASCII only). */
const gramsOf = (name: string) => {
  const s = [...name.toLowerCase()];
  return [...new Set([...s, ...s.slice(1).map((c, i) => s[i] + c)])].sort();
};

/**
 * The employer-name search by grams (migration 1796400001600): the table the triggers keep, its exactness against
 * ILIKE, and the three ways the search meets a name's employers with its cases, each giving what ILIKE gives.
 */
describe('employer-name search by grams', () => {
  let t: TestApp;
  const addEmployers = (names: string[]): Promise<{ id: string }[]> =>
    t.dataSource.query(
      `INSERT INTO employers (id, name, name_normalised, source)
       SELECT gen_random_uuid(), n, gen_random_uuid()::text, 'REGISTER' FROM unnest($1::text[]) n RETURNING id`,
      [names],
    );
  const gramsStored = async (id: string) =>
    (
      await t.dataSource.query<{ gram: string }[]>(
        'SELECT gram FROM employer_name_grams WHERE employer_id = $1 ORDER BY gram',
        [id],
      )
    ).map((r) => r.gram);

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it("keeps each employer's grams with its name: inserted, renamed, otherwise updated, loaded as a replica", async () => {
    const [a] = await addEmployers(['上海Ab物流有限公司']);
    expect(await gramsStored(a.id)).toEqual(gramsOf('上海Ab物流有限公司'));
    expect(await gramsStored(a.id)).toEqual(expect.arrayContaining(['ab', 'b物', '物流', '上']));

    await t.dataSource.query(`UPDATE employers SET name = '浦东鲲鹏餐饮' WHERE id = $1`, [a.id]);
    expect(await gramsStored(a.id)).toEqual(gramsOf('浦东鲲鹏餐饮'));
    await t.dataSource.query(`UPDATE employers SET headcount = 12 WHERE id = $1`, [a.id]);
    expect(await gramsStored(a.id)).toEqual(gramsOf('浦东鲲鹏餐饮'));

    // The employers register's upsert (INSERT … ON CONFLICT DO UPDATE): inserted, then renamed.
    const upsert = (name: string) =>
      t.dataSource.query<{ id: string }[]>(
        `INSERT INTO employers (id, uscc, name, name_normalised, source)
         VALUES (gen_random_uuid(), $1, $2, $2, 'REGISTER')
         ON CONFLICT (uscc) DO UPDATE SET name = EXCLUDED.name RETURNING id`,
        [testUscc(7, 'GR'), name],
      );
    const [u] = await upsert('登记的旧名称');
    expect(await gramsStored(u.id)).toEqual(gramsOf('登记的旧名称'));
    await upsert('登记的新名字');
    expect(await gramsStored(u.id)).toEqual(gramsOf('登记的新名字'));

    // The synthetic loader copies employers with session_replication_role = replica (no foreign-key triggers).
    const runner = t.dataSource.createQueryRunner();
    try {
      await runner.startTransaction();
      await runner.query(`SET LOCAL session_replication_role = 'replica'`);
      const [b] = await runner.query(
        `INSERT INTO employers (id, name, name_normalised, source)
         VALUES (gen_random_uuid(), '复制加载的单位', gen_random_uuid()::text, 'REGISTER') RETURNING id`,
      );
      await runner.commitTransaction();
      expect(await gramsStored(b.id)).toEqual(gramsOf('复制加载的单位'));
    } finally {
      await runner.release();
    }
  });

  it('a one- or two-character gram finds exactly the employers ILIKE finds', async () => {
    const chars = ['物', '流', '上', '海', 'a', 'B', 'b', '公', '司', ' ', '%'];
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(fc.constantFrom(...chars), { minLength: 1, maxLength: 8 }), {
          minLength: 1,
          maxLength: 12,
        }),
        fc.array(fc.constantFrom(...chars), { minLength: 1, maxLength: 2 }),
        async (names, fragmentChars) => {
          const ids = (await addEmployers(names.map((n) => n.join('')))).map((r) => r.id);
          const fragment = fragmentChars.join('');
          const byGram = await t.dataSource.query<{ id: string }[]>(
            `SELECT employer_id AS id FROM employer_name_search_source
              WHERE gram = lower($1) AND employer_id = ANY($2::uuid[]) ORDER BY 1`,
            [fragment, ids],
          );
          const byIlike = await t.dataSource.query<{ id: string }[]>(
            `SELECT id FROM employers WHERE name ILIKE $1 AND id = ANY($2::uuid[]) ORDER BY 1`,
            [likeContaining(fragment), ids],
          );
          expect(byGram).toEqual(byIlike);
        },
      ),
      { numRuns: 40 },
    );
  });

  // Two characters of CJK Extension A that no other name here holds, one pair per case below.
  const rare = (i: number) => String.fromCodePoint(0x3400 + 2 * i, 0x3401 + 2 * i);

  it.each([
    ['few', 2, 'CROSS JOIN LATERAL'],
    ['many', FEW_NAMED_EMPLOYERS + 50, 'IS TRUE'],
    [
      'most',
      MANY_NAMED_EMPLOYERS + 50,
      'NOT MATERIALIZED (SELECT id FROM employer_search_source WHERE name ILIKE',
    ],
  ] as const)(
    'finds the cases of the employers named, when %s employers hold the name',
    async (_spread, others, marker) => {
      const fragment = rare(others);
      await addEmployers(Array.from({ length: others }, (_, i) => `上海${fragment}第${i}分公司`));
      const filed = [];
      for (const name of [`${fragment}物流有限公司`, `浦东${fragment}餐饮`])
        filed.push(await fileComplaint(t, { employerName: name }));
      await fileComplaint(t, { employerName: `${fragment[0]}不相干的单位${fragment[1]}` });

      const auth = await bearer(t, 'inspector');
      const { result, statements } = await statementsDuring(async () =>
        t.http().get('/api/v1/search').query({ q: fragment, kind: 'COMPLAINT', limit: 100 }).set(auth),
      );
      expect(result.status).toBe(200);
      expect((result.body.items as { id: string }[]).map((h) => h.id).sort()).toEqual(
        filed.map((c) => c.id).sort(),
      );
      expect(statements.some((s) => s.sql.includes(marker))).toBe(true);
    },
  );
});
