import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { CalendarService } from '../calendar/calendar.service';
import { recountInPages } from '../calendar/year-recount';
import { TransactionRunner } from '../database/transaction';
import { JobName } from '../queue/job-catalogue';
import { OutboxService } from '../queue/outbox.service';
import { BLACKLIST_RULES } from './blacklist.rules';
import { EMPLOYER_CASE } from './compliance.constants';
import { RegistersRepository } from './registers.repository';

/** The last day of a notice's statement period: 5 working days from the notice (人社部令第45号 第六条). */
export async function statementDueOn(
  calendar: CalendarService,
  em: EntityManager,
  noticedOn: string,
): Promise<string> {
  return (await calendar.deadline(noticedOn, BLACKLIST_RULES.STATEMENT_WORKDAYS, 'WORKDAY', em)).due;
}

/**
 * The statement period a notice of intended listing stores (statement_due_on: 人社部令第45号 第六条, 5 working days from
 * the notice, BLACKLIST_RULES.STATEMENT_WORKDAYS) is counted on the holiday calendar: a year's schedule an ADMIN loads
 * or corrects later moves it, and this recounts the stored copy — which the listing (STATEMENT_PERIOD_RUNNING) and a
 * statement's timing read — in a job (`compliance.recount-statement-due`) queued in the loading transaction.
 */
@Injectable()
export class StatementDueRecount implements OnModuleInit {
  private readonly logger = new Logger(StatementDueRecount.name);

  constructor(
    private readonly tx: TransactionRunner,
    private readonly repo: RegistersRepository,
    private readonly calendar: CalendarService,
    private readonly outbox: OutboxService,
    private readonly audit: AuditService,
  ) {}

  onModuleInit(): void {
    this.calendar.registerYearListener('compliance', async (em, year) => {
      await this.outbox.enqueue(em, JobName.ComplianceRecountStatementDue, { year });
    });
  }

  /**
   * Recounts every undecided notice whose period spans `year`, each in its own transaction under the notice's lock
   * (as a statement's write): a moved last day is stored and recorded on the employer's trail
   * (BLACKLIST_STATEMENT_DUE_RECOUNTED). A notice already followed by a listing keeps the period it was decided on. A
   * replay finds nothing moved and writes nothing (delivery is at least once).
   */
  async recount(year: number): Promise<number> {
    const moved = await recountInPages(
      (after, limit) => this.repo.undecidedSpanningYear(this.tx.manager, year, after, limit),
      (id) => this.recountNotice(id, year),
    );
    this.logger.log(`calendar year ${year}: ${moved} statement periods recounted`);
    return moved;
  }

  private recountNotice(id: string, year: number): Promise<boolean> {
    return this.tx.run(async (em) => {
      const n = await this.repo.lockNotice(em, id);
      if (!n || (await this.repo.listedSince(em, n.violationId, n.noticedOn))) return false;
      const due = await statementDueOn(this.calendar, em, n.noticedOn);
      if (due === n.statementDueOn) return false;
      await this.repo.updateStatementDue(em, n.id, due);
      await this.audit.append(em, {
        caseType: EMPLOYER_CASE,
        caseId: n.employerId,
        action: 'BLACKLIST_STATEMENT_DUE_RECOUNTED',
        actor: null,
        data: {
          noticeId: n.id,
          violationId: n.violationId,
          year,
          previousDueOn: n.statementDueOn,
          statementDueOn: due,
        },
      });
      return true;
    });
  }
}
