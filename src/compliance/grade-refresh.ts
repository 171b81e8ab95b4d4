import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { todayInShanghai, yearOf } from '../calendar/local-date';
import { JobName } from '../queue/job-catalogue';
import { OutboxService } from '../queue/outbox.service';
import { yearToRegrade } from './grading.rules';
import { RegistersRepository } from './registers.repository';

/**
 * A finding that reaches a year already over or graded — recorded late (a historical MANUAL record, an inspection
 * closed in January on a December finding) or changed (a judgment learnt later: C_CRIMINAL_LIABILITY) — regrades that
 * year after commit, through the outbox (企业劳动保障守法诚信等级评价办法: the grade reads the year's record; the run
 * is idempotent and serialised per year). A year in course is left to its own run.
 */
@Injectable()
export class GradeRefresh {
  constructor(
    private readonly repo: RegistersRepository,
    private readonly outbox: OutboxService,
  ) {}

  async findingChanged(em: EntityManager, f: { employerId: string; foundOn: string }): Promise<void> {
    const year = yearToRegrade(
      f.foundOn,
      todayInShanghai(),
      await this.repo.gradeExists(em, f.employerId, yearOf(f.foundOn)),
    );
    if (year !== null) await this.outbox.enqueue(em, JobName.ComplianceGradeYear, { year });
  }
}
