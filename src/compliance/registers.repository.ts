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
