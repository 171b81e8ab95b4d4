import fc from 'fast-check';
import { Brackets, type ObjectLiteral } from 'typeorm';
import { ArbitrationCase } from '../../src/arbitration/entities/arbitration-case.entity';
import { Complaint } from '../../src/complaints/entities/complaint.entity';
import { pageText, whereIdIs, whereInJurisdictions } from '../../src/database/query-helpers';
import { InspectionCase } from '../../src/inspection/entities/inspection-case.entity';
import { MediationCase } from '../../src/mediation/entities/mediation-case.entity';
import { startTestApp, type TestApp } from '../support/test-app';

/**
 * Issue 17 (bench/README.md, twelfth pass): a list page's text is kept by the builder's shape. Whatever the order in
 * which shapes come, the kept text must be the one TypeORM would build for the builder at hand.
 */
describe('list pages: the text kept by shape is the text TypeORM builds', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ env: { PROCESS_ROLE: 'api' } });
  });
  afterAll(async () => {
    await t.close();
  });

  const entities = [
    [Complaint, 'c', 'workplace_street_code'],
    [MediationCase, 'm', 'street_code'],
    [ArbitrationCase, 'a', 'commission_id'],
    [InspectionCase, 'i', 'street_code'],
  ] as const;

  const shape = fc.record({
    entity: fc.constantFrom(0, 1, 2, 3),
    prefixes: fc.subarray(['310115', '310115005', '310115007', 'x1'], { minLength: 0 }),
    status: fc.option(fc.constantFrom('OPEN', 'CLOSED'), { nil: undefined }),
    assignee: fc.option(fc.uuid(), { nil: undefined }),
    bracketed: fc.boolean(),
    cursor: fc.boolean(),
    limit: fc.integer({ min: 1, max: 101 }),
    desc: fc.boolean(),
  });

  it('for random shapes in random order', () => {
    fc.assert(
      fc.property(fc.array(shape, { minLength: 1, maxLength: 30 }), (shapes) => {
        for (const s of shapes) {
          const [entity, alias, column] = entities[s.entity];
          let qb = t.dataSource.manager
            .createQueryBuilder(entity as new () => ObjectLiteral, alias)
            .where('1 = 1');
          qb =
            column === 'commission_id'
              ? whereIdIs(qb, `${alias}.${column}`, s.prefixes[0] ?? 'not-a-uuid')
              : whereInJurisdictions(qb, `${alias}.${column}`, s.prefixes);
          if (s.status) qb.andWhere(`${alias}.status = :status`, { status: s.status });
          if (s.assignee && s.bracketed)
            qb.andWhere(
              new Brackets((b) => b.where(`${alias}.id = :who`, { who: s.assignee }).orWhere('false')),
            );
          else if (s.assignee) qb.andWhere(`${alias}.id = :who`, { who: s.assignee });
          if (s.cursor)
            qb.andWhere(`(${alias}.created_at, ${alias}.id) < (:cAt, :cId)`, {
              cAt: '2026-12-01T00:00:00.000Z',
              cId: '00000000-0000-7000-8000-000000000000',
            });
          qb.orderBy(`${alias}.created_at`, s.desc ? 'DESC' : 'ASC')
            .addOrderBy(`${alias}.id`, 'DESC')
            .take(s.limit);
          expect(pageText(qb)).toBe(qb.getQuery());
        }
      }),
      { numRuns: 200 },
    );
  });

  it('a builder with a join is still built as TypeORM builds it', () => {
    const qb = t.dataSource.manager
      .createQueryBuilder(MediationCase, 'm')
      .leftJoin('m.complaint', 'c')
      .where('m.status = :s', { s: 'OPEN' });
    const plain = t.dataSource.manager
      .createQueryBuilder(MediationCase, 'm')
      .where('m.status = :s', { s: 'OPEN' });
    expect(pageText(plain)).toBe(plain.getQuery());
    expect(pageText(qb)).toBe(qb.getQuery());
    expect(pageText(qb)).not.toBe(pageText(plain));
  });
});
