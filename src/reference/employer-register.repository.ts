import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { decodeCursor, encodeCursor, type Page } from '../common/http/pagination';
import { whereInJurisdictions } from '../database/query-helpers';
import { Employer } from './entities/employer.entity';
import type { IndustrySection, SizeClass } from './employer-classification';

export interface RegisterRow {
  id: string;
  uscc: string;
  name: string;
  nameNormalised: string;
  address: string | null;
  streetCode: string;
  industryCode: IndustrySection;
  sizeClass: SizeClass;
  headcount: number;
}

export interface RegisterFilters {
  streets?: readonly string[];
  industries?: readonly string[];
  sizes?: readonly string[];
}

/** SQL of the employers register (classification columns of `employers`). */
@Injectable()
export class EmployerRegisterRepository {
  /** The codes among `codes` that are street-level jurisdictions. */
  async knownStreets(em: EntityManager, codes: readonly string[]): Promise<Set<string>> {
    if (!codes.length) return new Set();
    const rows = await em.query<{ code: string }[]>(
      `SELECT code FROM jurisdictions WHERE level = 'STREET' AND code = ANY($1::varchar[])`,
      [[...new Set(codes)]],
    );
    return new Set(rows.map((r) => r.code));
  }

  async existingByUscc(
    em: EntityManager,
    usccs: readonly string[],
  ): Promise<{ uscc: string; streetCode: string | null }[]> {
    return em.query(`SELECT uscc, street_code AS "streetCode" FROM employers WHERE uscc = ANY($1::text[])`, [
      usccs,
    ]);
  }

  /** Inserts new employers (source REGISTER) and updates the classification of known ones, by USCC. */
  async upsert(
    em: EntityManager,
    rows: readonly RegisterRow[],
  ): Promise<{ id: string; uscc: string; inserted: boolean }[]> {
    const col = <K extends keyof RegisterRow>(k: K) => rows.map((r) => r[k]);
    return em.query(
      `INSERT INTO employers (id, uscc, name, name_normalised, address, source, street_code, industry_code,
                              size_class, headcount, name_confirmed)
       SELECT id, uscc, name, nn, address, 'REGISTER', street, industry, size, headcount, true
         FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[],
                     $8::text[], $9::int[]) WITH ORDINALITY
              AS r(id, uscc, name, nn, address, street, industry, size, headcount, ord)
        ORDER BY ord
       ON CONFLICT (uscc) DO UPDATE
          SET name = EXCLUDED.name, name_normalised = EXCLUDED.name_normalised,
              address = COALESCE(EXCLUDED.address, employers.address), street_code = EXCLUDED.street_code,
              industry_code = EXCLUDED.industry_code, size_class = EXCLUDED.size_class,
              headcount = EXCLUDED.headcount, name_confirmed = true
       RETURNING id, uscc, (xmax = 0) AS inserted`,
      [
        col('id'),
        col('uscc'),
        col('name'),
        col('nameNormalised'),
        col('address'),
        col('streetCode'),
        col('industryCode'),
        col('sizeClass'),
        col('headcount'),
      ],
    );
  }

  private filtered(em: EntityManager, f: RegisterFilters, scope: readonly string[]) {
    const qb = em.createQueryBuilder(Employer, 'e').where('e.street_code IS NOT NULL');
    whereInJurisdictions(qb, 'e.street_code', scope);
    if (f.streets?.length) qb.andWhere('e.street_code IN (:...streets)', { streets: f.streets });
    if (f.industries?.length)
      qb.andWhere('e.industry_code IN (:...industries)', { industries: f.industries });
    if (f.sizes?.length) qb.andWhere('e.size_class IN (:...sizes)', { sizes: f.sizes });
    return qb;
  }

  /**
   * Newest first by id (UUIDv7, time-ordered). Not `keysetPage`: a bulk registration inserts many rows with one
   * created_at (the transaction's now(), microseconds), which a millisecond cursor over created_at cannot page.
   */
  async page(
    em: EntityManager,
    f: RegisterFilters,
    scope: readonly string[],
    cursor: string | undefined,
    limit: number,
  ): Promise<Page<Employer>> {
    const c = decodeCursor(cursor);
    const qb = this.filtered(em, f, scope);
    if (c) qb.andWhere('e.id < :cId', { cId: c.id });
    const rows = await qb
      .orderBy('e.id', 'DESC')
      .take(limit + 1)
      .getMany();
    const items = rows.slice(0, limit);
    const last = items[items.length - 1];
    return {
      items,
      nextCursor:
        rows.length > limit && last
          ? encodeCursor({ createdAt: last.createdAt.toISOString(), id: last.id })
          : null,
    };
  }

  /** Ids and streets of the registered employers matching the filters within the scope, by id. */
  async matching(
    em: EntityManager,
    f: RegisterFilters,
    scope: readonly string[],
  ): Promise<{ id: string; streetCode: string }[]> {
    const rows = await this.filtered(em, f, scope)
      .select(['e.id AS id', 'e.street_code AS "streetCode"'])
      .orderBy('e.id', 'ASC')
      .getRawMany<{ id: string; streetCode: string }>();
    return rows;
  }
}
