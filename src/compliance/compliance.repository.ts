import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { ViolationKind } from './compliance.constants';
import type { CriminalStanding } from './blacklist.rules';
import { BlacklistEntry } from './entities/blacklist-entry.entity';
import { EmployerGrade } from './entities/employer-grade.entity';
import { EmployerViolation } from './entities/employer-violation.entity';
import { ViolationPublication } from './entities/violation-publication.entity';
import type { GradingFacts } from './grading.rules';

export interface GradeRow {
  employerId: string;
  grade: string;
  reasons: { ruleId: string; citation: string }[];
  violationCount: number;
}

/**
 * All SQL of the compliance module. The employers register is reference's: an employer by id comes from
 * `EmployersService`; the statements that need its rows (the scope check, the grading run, the publication snapshot,
 * the public blacklist) read the view `employer_compliance_source` (docs/read-contracts.md).
 */
@Injectable()
export class ComplianceRepository {
  /**
   * Is the employer registered in, or has it a finding or listing in, one of these street codes (prefixes)? With
   * `orUnanchored`, also an employer with no street, finding or listing anywhere (one known only by name).
   */
  async employerInScope(
    em: EntityManager,
    id: string,
    prefixes: string[],
    orUnanchored = false,
  ): Promise<boolean> {
    if (prefixes.length === 0) return false;
    const [row] = await em.query<{ ok: boolean }[]>(
      `SELECT EXISTS (SELECT 1 FROM employer_compliance_source WHERE id = $1 AND street_code LIKE ANY ($2::text[]))
           OR EXISTS (SELECT 1 FROM employer_violations WHERE employer_id = $1 AND jurisdiction_code LIKE ANY ($2::text[]))
           OR EXISTS (SELECT 1 FROM wage_arrears_blacklist WHERE employer_id = $1 AND jurisdiction_code LIKE ANY ($2::text[]))
           OR ($3::boolean
               AND NOT EXISTS (SELECT 1 FROM employer_compliance_source WHERE id = $1 AND street_code IS NOT NULL)
               AND NOT EXISTS (SELECT 1 FROM employer_violations WHERE employer_id = $1)
               AND NOT EXISTS (SELECT 1 FROM wage_arrears_blacklist WHERE employer_id = $1))
           AS ok`,
      [id, prefixes.map((p) => `${p}%`), orUnanchored],
    );
    return row?.ok === true;
  }

  async insertViolation(em: EntityManager, v: Partial<EmployerViolation>): Promise<void> {
    await em.insert(EmployerViolation, v);
  }

  violationBySource(em: EntityManager, sourceType: string, sourceId: string) {
    return em.findOne(EmployerViolation, { where: { sourceType: sourceType as 'INSPECTION', sourceId } });
  }

  violation(em: EntityManager, id: string): Promise<EmployerViolation | null> {
    return em.findOne(EmployerViolation, { where: { id } });
  }

  violationsOf(em: EntityManager, employerId: string): Promise<EmployerViolation[]> {
    return em.find(EmployerViolation, { where: { employerId }, order: { foundOn: 'DESC', id: 'DESC' } });
  }

  /** violation id → publication id, for the employer's published violations. */
  async publishedOf(em: EntityManager, employerId: string): Promise<Map<string, string>> {
    const rows = await em.query<{ violation_id: string; publication_id: string }[]>(
      'SELECT violation_id, publication_id FROM violation_publication_items WHERE employer_id = $1',
      [employerId],
    );
    return new Map(rows.map((r) => [r.violation_id, r.publication_id]));
  }

  /**
   * The facts of 人社部令第45号 第十三条 for a listing: wage-arrears findings to 农民工 found since `listedOn` other than
   * the listed one (（一）), and the criminal standing of the listed finding and of the wage-arrears findings since (（二）).
   */
  async earlyRemovalBars(em: EntityManager, employerId: string, listedOn: string, violationId: string) {
    const [row] = await em.query<{ repeat: number; liable: boolean; transferred: boolean }[]>(
      `SELECT count(*) FILTER (WHERE id <> $3 AND migrant_workers)::int AS repeat,
              coalesce(bool_or(criminal_liability_on IS NOT NULL), false) AS liable,
              coalesce(bool_or(criminal_transfer), false) AS transferred
         FROM employer_violations
        WHERE employer_id = $1 AND 'WAGE_ARREARS' = ANY(kinds) AND (id = $3 OR found_on >= $2::date)`,
      [employerId, listedOn, violationId],
    );
    const criminal: CriminalStanding = row.liable ? 'LIABLE' : row.transferred ? 'PROCEEDINGS' : 'NONE';
    return { repeatArrears: row.repeat, criminal };
  }

  gradesOf(em: EntityManager, employerId: string): Promise<EmployerGrade[]> {
    return em.find(EmployerGrade, { where: { employerId }, order: { year: 'DESC' } });
  }

  /**
   * The grading facts of every employer for a year, in one set-based query: employers without a finding in the
   * year come out with zero findings (grade A). Ordered by employer id, paged by `afterId` for large registers.
   */
  async gradingFacts(
    em: EntityManager,
    year: number,
    afterId: string | null,
    limit: number,
  ): Promise<(GradingFacts & { employerId: string })[]> {
    const rows = await em.query<
      {
        employer_id: string;
        violations: number;
        mass_incident: boolean;
        order_refused: boolean;
        criminal_liability: boolean;
        kinds: ViolationKind[];
      }[]
    >(
      `SELECT e.id AS employer_id,
              count(DISTINCT v.id)::int AS violations,
              coalesce(bool_or(v.mass_incident), false) AS mass_incident,
              coalesce(bool_or(v.order_refused), false) AS order_refused,
              coalesce(bool_or(v.criminal_liability_on IS NOT NULL), false) AS criminal_liability,
              coalesce(array_agg(DISTINCT k.kind) FILTER (WHERE k.kind IS NOT NULL), '{}') AS kinds
         FROM employer_compliance_source e
         LEFT JOIN employer_violations v
           ON v.employer_id = e.id AND v.found_on >= make_date($1, 1, 1) AND v.found_on < make_date($1 + 1, 1, 1)
         LEFT JOIN LATERAL unnest(v.kinds) AS k(kind) ON true
        WHERE ($2::uuid IS NULL OR e.id > $2::uuid)
        GROUP BY e.id
        ORDER BY e.id
        LIMIT $3`,
      [year, afterId, limit],
    );
    return rows.map((r) => ({
      employerId: r.employer_id,
      violations: r.violations,
      massIncident: r.mass_incident,
      orderRefused: r.order_refused,
      criminalLiability: r.criminal_liability,
      kinds: r.kinds,
    }));
  }

  /** Upserts a batch of grades in one statement. */
  async upsertGrades(em: EntityManager, year: number, rows: GradeRow[]): Promise<void> {
    if (rows.length === 0) return;
    await em.query(
      `INSERT INTO employer_grades (employer_id, year, grade, reasons, violation_count, computed_at)
       SELECT g.employer_id, $1, g.grade, g.reasons, g.violation_count, now()
         FROM unnest($2::uuid[], $3::char(1)[], $4::jsonb[], $5::int[])
           AS g(employer_id, grade, reasons, violation_count)
       ON CONFLICT (employer_id, year) DO UPDATE
         SET grade = EXCLUDED.grade, reasons = EXCLUDED.reasons,
             violation_count = EXCLUDED.violation_count, computed_at = EXCLUDED.computed_at`,
      [
        year,
        rows.map((r) => r.employerId),
        rows.map((r) => r.grade),
        rows.map((r) => JSON.stringify(r.reasons)),
        rows.map((r) => r.violationCount),
      ],
    );
  }

  blacklistOf(em: EntityManager, employerId: string): Promise<BlacklistEntry[]> {
    return em.find(BlacklistEntry, { where: { employerId }, order: { listedOn: 'DESC', id: 'DESC' } });
  }

  async insertListing(em: EntityManager, b: Partial<BlacklistEntry>): Promise<void> {
    await em.insert(BlacklistEntry, b);
  }

  listing(em: EntityManager, id: string): Promise<BlacklistEntry | null> {
    return em.findOne(BlacklistEntry, { where: { id } });
  }

  lockListing(em: EntityManager, id: string): Promise<BlacklistEntry | null> {
    return em
      .createQueryBuilder(BlacklistEntry, 'b')
      .setLock('pessimistic_write')
      .where('b.id = :id', { id })
      .getOne();
  }

  async updateListing(
    em: EntityManager,
    id: string,
    changes: Partial<
      Pick<
        BlacklistEntry,
        'status' | 'removedOn' | 'removedBy' | 'correctedOn' | 'commitmentOn' | 'removalNote'
      >
    >,
  ): Promise<void> {
    await em
      .createQueryBuilder()
      .update(BlacklistEntry)
      .set({ ...changes, version: () => 'version + 1' })
      .where('id = :id', { id })
      .execute();
  }

  /** LISTED rows whose term has run out on `today`, locked (skipping rows another transaction holds). */
  expiring(em: EntityManager, today: string): Promise<BlacklistEntry[]> {
    return em
      .createQueryBuilder(BlacklistEntry, 'b')
      .setLock('pessimistic_write')
      .setOnLocked('skip_locked')
      .where("b.status = 'LISTED' AND b.expires_on <= :today", { today })
      .orderBy('b.id')
      .getMany();
  }

  async insertPublication(
    em: EntityManager,
    p: Pick<
      ViolationPublication,
      'id' | 'jurisdictionCode' | 'year' | 'quarter' | 'publishedOn' | 'publishedBy' | 'supplementary'
    >,
    from: string,
    to: string,
  ): Promise<number> {
    await em.insert(ViolationPublication, p);
    // The major violations found in the quarter within the scope, not published before: snapshot of the register.
    const rows = await em.query<{ violation_id: string }[]>(
      `WITH ins AS (
         INSERT INTO violation_publication_items
           (violation_id, publication_id, employer_id, employer_name, uscc, address, found_on, kinds, arrears_fen,
            workers_affected, facts, handling)
         SELECT v.id, $1, e.id, e.name, e.uscc, e.address, v.found_on, v.kinds, v.arrears_fen, v.workers_affected,
                v.facts, v.handling
           FROM employer_violations v JOIN employer_compliance_source e ON e.id = v.employer_id
          WHERE v.major AND v.found_on BETWEEN $2::date AND $3::date AND v.jurisdiction_code LIKE $4 || '%'
            AND NOT EXISTS (SELECT 1 FROM violation_publication_items i WHERE i.violation_id = v.id)
         RETURNING violation_id)
       SELECT violation_id FROM ins`,
      [p.id, from, to, p.jurisdictionCode],
    );
    return rows.length;
  }

  /** Whether the quarter has its regular publication in this jurisdiction (a supplementary one needs it). */
  async regularPublicationExists(
    em: EntityManager,
    jurisdictionCode: string,
    year: number,
    quarter: number,
  ): Promise<boolean> {
    return em.exists(ViolationPublication, {
      where: { jurisdictionCode, year, quarter, supplementary: false },
    });
  }

  async employersOfPublication(em: EntityManager, publicationId: string): Promise<string[]> {
    const rows = await em.query<{ employer_id: string }[]>(
      'SELECT DISTINCT employer_id FROM violation_publication_items WHERE publication_id = $1 ORDER BY employer_id',
      [publicationId],
    );
    return rows.map((r) => r.employer_id);
  }

  /** Published items of a quarter (every publishing jurisdiction), keyset-paged by violation id. */
  publishedItems(
    em: EntityManager,
    year: number,
    quarter: number,
    afterId: string | undefined,
    limit: number,
  ) {
    return em.query<
      {
        violation_id: string;
        employer_name: string;
        uscc: string | null;
        address: string | null;
        jurisdiction_code: string;
        published_on: string;
        supplementary: boolean;
        found_on: string;
        kinds: string[];
        arrears_fen: string;
        workers_affected: number;
        facts: string;
        handling: string;
      }[]
    >(
      `SELECT i.violation_id, i.employer_name, i.uscc, i.address, p.jurisdiction_code,
              to_char(p.published_on, 'YYYY-MM-DD') AS published_on, p.supplementary, to_char(i.found_on, 'YYYY-MM-DD') AS found_on,
              i.kinds, i.arrears_fen, i.workers_affected, i.facts, i.handling
         FROM violation_publication_items i JOIN violation_publications p ON p.id = i.publication_id
        WHERE p.year = $1 AND p.quarter = $2 AND ($3::uuid IS NULL OR i.violation_id > $3::uuid)
        ORDER BY i.violation_id
        LIMIT $4`,
      [year, quarter, afterId ?? null, limit],
    );
  }

  /** Listings in force on `today`, with the employer's public identity, keyset-paged by listing id. */
  listedInForce(em: EntityManager, today: string, afterId: string | undefined, limit: number) {
    return em.query<
      {
        id: string;
        employer_name: string;
        uscc: string | null;
        address: string | null;
        listed_on: string;
        expires_on: string;
        reasons: string[];
      }[]
    >(
      `SELECT b.id, e.name AS employer_name, e.uscc, e.address, to_char(b.listed_on, 'YYYY-MM-DD') AS listed_on,
              to_char(b.expires_on, 'YYYY-MM-DD') AS expires_on, b.reasons
         FROM wage_arrears_blacklist b JOIN employer_compliance_source e ON e.id = b.employer_id
        WHERE b.status = 'LISTED' AND b.expires_on > $1::date AND ($2::uuid IS NULL OR b.id > $2::uuid)
        ORDER BY b.id
        LIMIT $3`,
      [today, afterId ?? null, limit],
    );
  }
}
