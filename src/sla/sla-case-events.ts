import { Injectable, type OnModuleInit } from '@nestjs/common';
import { AuditService } from '../audit/audit.service';
import { JobName } from '../queue/job-catalogue';
import { OutboxService } from '../queue/outbox.service';
import { kpiTargetsOf } from './kpi-targets';

/**
 * The KPI read model follows the case timeline: it registers with audit (audit never imports it) and, for an
 * event that concerns a proceeding, queues `sla.case-event` with the proceedings' ids through the outbox in the
 * event's own transaction. The job carries what the refresh needs, so it never reads the event back.
 */
@Injectable()
export class SlaCaseEvents implements OnModuleInit {
  constructor(
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
  ) {}

  onModuleInit(): void {
    this.audit.registerListener('sla', {
      // Only events that concern a proceeding move a KPI (intake and employer-record events do not); audit hands
      // `handle` only those.
      concerns: (event) => kpiTargetsOf(event).length > 0,
      handle: async (em, event) => {
        await this.outbox.enqueue(em, JobName.SlaCaseEvent, { cases: kpiTargetsOf(event) });
      },
    });
  }
}
