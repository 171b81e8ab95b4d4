import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { BlacklistNotice } from './entities/blacklist-notice.entity';
import { EmployerGrade } from './entities/employer-grade.entity';
import { EmployerViolation } from './entities/employer-violation.entity';

/** The SQL of the listing notices and of the facts recorded on a violation after its finding (and its grade). */
@Injectable()
export class RegistersRepository {
  async insertNotice(em: EntityManager, n: Omit<BlacklistNotice, 'createdAt' | 'violation'>): Promise<void> {
    await em.insert(BlacklistNotice, n);
  }

  /** The latest notice for a violation (a new notice replaces an older one). */
  latestNotice(em: EntityManager, violationId: string): Promise<BlacklistNotice | null> {
    return em.findOne(BlacklistNotice, {
      where: { violationId },
      order: { noticedOn: 'DESC', createdAt: 'DESC' },
    });
  }

  lockNotice(em: EntityManager, id: string): Promise<BlacklistNotice | null> {
    return em
      .createQueryBuilder(BlacklistNotice, 'n')
      .setLock('pessimistic_write')
      .where('n.id = :id', { id })
      .getOne();
  }

  /**
   * A page (by id, after `afterId`) of the notices whose statement period spans `year` (served by its end, last day
   * not before its start) and is undecided: no listing of their violation decided on or after the notice.
   */
  async undecidedSpanningYear(
    em: EntityManager,
    year: number,
    afterId: string | null,
    limit: number,
  ): Promise<string[]> {
    const rows = await em.query<{ id: string }[]>(
      `SELECT n.id FROM blacklist_notices n
        WHERE n.noticed_on <= make_date($1, 12, 31) AND n.statement_due_on >= make_date($1, 1, 1)
          AND NOT EXISTS (SELECT 1 FROM wage_arrears_blacklist b
                           WHERE b.violation_id = n.violation_id AND b.listed_on >= n.noticed_on)
          AND ($2::uuid IS NULL OR n.id > $2::uuid)
        ORDER BY n.id LIMIT $3`,
      [year, afterId, limit],
    );
    return rows.map((r) => r.id);
  }

  /** Whether a listing of the violation was decided on or after `on` (the notice it followed is decided). */
  listedSince(em: EntityManager, violationId: string, on: string): Promise<boolean> {
    return em
      .query<unknown[]>(
        `SELECT 1 FROM wage_arrears_blacklist WHERE violation_id = $1 AND listed_on >= $2 LIMIT 1`,
        [violationId, on],
      )
      .then((r) => r.length > 0);
  }

  async updateStatementDue(em: EntityManager, id: string, statementDueOn: string): Promise<void> {
    await em.update(BlacklistNotice, { id }, { statementDueOn });
  }

  async recordStatement(em: EntityManager, id: string, statementOn: string, summary: string): Promise<void> {
    await em.update(BlacklistNotice, { id }, { statementOn, statementSummary: summary });
  }

  lockViolation(em: EntityManager, id: string): Promise<EmployerViolation | null> {
    return em
      .createQueryBuilder(EmployerViolation, 'v')
      .setLock('pessimistic_write')
      .where('v.id = :id', { id })
      .getOne();
  }

  async updateViolationFacts(
    em: EntityManager,
    id: string,
    facts: Partial<
      Pick<EmployerViolation, 'migrantWorkers' | 'criminalLiabilityOn' | 'criminalLiabilityRef'>
    >,
  ): Promise<void> {
    await em.update(EmployerViolation, { id }, facts);
  }

  /** Whether the employer's grade for the year has been computed. */
  gradeExists(em: EntityManager, employerId: string, year: number): Promise<boolean> {
    return em.exists(EmployerGrade, { where: { employerId, year } });
  }
}
