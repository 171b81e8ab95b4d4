import { keysetPage, keysetPageWithColumns } from '../../src/database/query-helpers';
import { Organisation } from '../../src/reference/entities/organisation.entity';
import { Employer } from '../../src/reference/entities/employer.entity';
import { startTestApp, type TestApp } from '../support/test-app';

describe('keysetPage', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('returns every row exactly once when many rows share one created_at (one bulk insert)', async () => {
    // One statement: every row gets the same transaction timestamp, with microseconds the cursor cannot carry.
    await t.dataSource.query(
      `INSERT INTO employers (id, name, name_normalised, source)
       SELECT gen_random_uuid(), 'Bulk ' || i, 'bulk' || i, 'REGISTER' FROM generate_series(1, 25) i`,
    );
    const [{ n }] = await t.dataSource.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM employers`);
    const seen: string[] = [];
    let cursor: string | undefined;
    for (let pages = 0; pages < 100; pages++) {
      const qb = t.dataSource.getRepository(Employer).createQueryBuilder('e');
      const page = await keysetPage(t.dataSource.manager, qb, 'e', cursor, 4);
      seen.push(...page.items.map((e) => e.id));
      if (!page.nextCursor) break;
      cursor = page.nextCursor;
    }
    expect(seen).toHaveLength(n);
    expect(new Set(seen).size).toBe(n);
  });

  it('keysetPageWithColumns: the added columns by row id, the same whether the page is read as plain SQL or by TypeORM (a join)', async () => {
    const em = t.dataSource.manager;
    const read = async (join: boolean, cursor?: string) => {
      const qb = em
        .getRepository(Employer)
        .createQueryBuilder('e')
        .addSelect("'<' || e.name || '>'", 'shown');
      if (join) qb.leftJoin(Organisation, 'o', 'false');
      return keysetPageWithColumns<Employer, { shown: string }>(em, qb, 'e', cursor, 3, ['shown']);
    };
    for (const join of [false, true]) {
      const first = await read(join);
      const second = await read(join, first.page.nextCursor!);
      for (const { page, columns } of [first, second]) {
        expect(page.items).toHaveLength(3);
        expect([...columns.keys()]).toEqual(page.items.map((e) => e.id));
        expect([...columns.values()]).toEqual(page.items.map((e) => ({ shown: `<${e.name}>` })));
      }
      expect(second.page.items[0].id).not.toBe(first.page.items[0].id);
    }
    expect((await read(true)).page.items).toStrictEqual((await read(false)).page.items);
  });
});
