import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { CalendarService } from '../calendar/calendar.service';
import { recountInPages } from '../calendar/year-recount';
import { TransactionRunner } from '../database/transaction';
import { JobName } from '../queue/job-catalogue';
import { OutboxService } from '../queue/outbox.service';
import { OPEN_STATUSES } from './inspection.constants';
import { InspectionProceeding } from './inspection-proceeding';
import { InspectionRepository } from './inspection.repository';

/**
 * The investigation deadline an open case stores (investigation_due_on: 劳动保障监察条例 第十七条, 60 working days
 * from 立案) is counted on the holiday calendar: a year's schedule an ADMIN loads or corrects later (the State Council
 * notice of next year comes in November or December) moves the clock, and this recounts the stored copy — which the
 * KPIs, the at-risk list, the views and the appearOn bound read — in a job (`inspection.recount-due`) queued in the
 * loading transaction.
 */
@Injectable()
export class InspectionDueRecount implements OnModuleInit {
  private readonly logger = new Logger(InspectionDueRecount.name);

  constructor(
    private readonly tx: TransactionRunner,
    private readonly repo: InspectionRepository,
    private readonly calendar: CalendarService,
    private readonly outbox: OutboxService,
    private readonly p: InspectionProceeding,
  ) {}

  onModuleInit(): void {
    this.calendar.registerYearListener('inspection', async (em, year) => {
      await this.outbox.enqueue(em, JobName.InspectionRecountDue, { year });
    });
  }

  /**
   * Recounts every open case whose period spans `year`, each in its own transaction (locked, as its writes are):
   * a moved deadline is stored and recorded on the case's timeline (INSPECTION_DUE_RECOUNTED), which refreshes its
   * KPI fact. A replay finds nothing moved and writes nothing (delivery is at least once).
   */
  async recount(year: number): Promise<number> {
    const moved = await recountInPages(
      (after, limit) => this.repo.openSpanningYear(this.tx.manager, year, after, limit),
      (id) => this.recountCase(id, year),
    );
    this.logger.log(`calendar year ${year}: ${moved} inspection deadlines recounted`);
    return moved;
  }

  private recountCase(id: string, year: number): Promise<boolean> {
    return this.tx.run(async (em) => {
      const c = await this.repo.lockCase(em, id);
      if (!c?.acceptedOn || !OPEN_STATUSES.includes(c.status)) return false;
      const r = await this.p.followClock(em, c);
      if (!r.moved) return false;
      await this.p.record(em, c.id, 'INSPECTION_DUE_RECOUNTED', null, c.status, c.status, {
        year,
        clockId: r.clockId,
        previousDueOn: r.previousDueOn,
        investigationDueOn: r.investigationDueOn,
      });
      return true;
    });
  }
}
