import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { JobName } from '../queue/job-catalogue';
import { OutboxService } from '../queue/outbox.service';
import type { Complaint } from './entities/complaint.entity';
import { ReportChannelService } from './report-channel.service';
import type { RouteTarget } from './routing.rules';

/** What the party of a complaint or report is told when intake hands it on (in the caller's transaction). */
@Injectable()
export class ComplaintNotices {
  constructor(
    private readonly outbox: OutboxService,
    private readonly channel: ReportChannelService,
  ) {}

  /**
   * Routed to a body: the complainant gets an SMS naming the body and the proceeding (party.notify through the
   * outbox, once per complaint and body); the reporter of a 举报 reads it on the report channel.
   */
  async routed(
    em: EntityManager,
    c: Pick<Complaint, 'id' | 'kind'>,
    target: RouteTarget,
    org: { id: string; name: string },
  ): Promise<void> {
    if (c.kind === 'REPORT') {
      await this.channel.post(em, c.id, 'REPORT_ROUTED', { organisation: org.name });
      return;
    }
    await this.outbox.enqueue(em, JobName.PartyNotify, {
      complaintId: c.id,
      template: 'COMPLAINT_ROUTED',
      dedupKey: `complaint-routed:${c.id}:${org.id}`,
      params: { organisation: org.name, route: target },
    });
  }
}
