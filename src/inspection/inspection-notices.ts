import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ReportChannelService } from '../complaints/report-channel.service';
import type { CaseChannelTemplateId, SmsTemplateId } from '../notifications/templates';
import { JobName } from '../queue/job-catalogue';
import { OutboxService } from '../queue/outbox.service';
import type { InspectionCase } from './entities';
import type { InspectionAction } from './inspection.state';

/** The reply posted on a 举报's channel for each step a complainant is told of by SMS. */
const REPORT_REPLY: Partial<Record<SmsTemplateId, CaseChannelTemplateId>> = {
  INSPECTION_ACCEPTED: 'REPORT_INSPECTION_ACCEPTED',
  INSPECTION_REFUSED: 'REPORT_INSPECTION_REFUSED',
  INSPECTION_RECTIFICATION_ORDERED: 'REPORT_INSPECTION_RECTIFICATION_ORDERED',
  INSPECTION_CLOSED: 'REPORT_INSPECTION_CLOSED',
};

/**
 * Tells the party of an inspection case about a step, in the step's transaction: the complainant of a 投诉 by SMS
 * (party.notify through the outbox, once per step: the key holds the case version the step was taken from), the
 * reporter of a 举报 by a reply on the report channel (劳动保障监察条例 第九条: the reporter is answered and kept
 * secret; nothing about them is read or written). A planned case has no party to tell.
 */
@Injectable()
export class InspectionNotices {
  constructor(
    private readonly outbox: OutboxService,
    private readonly channel: ReportChannelService,
  ) {}

  async tell(
    em: EntityManager,
    c: InspectionCase,
    action: InspectionAction,
    notify: { template: SmsTemplateId; params: Record<string, string> },
  ): Promise<void> {
    if (!c.complaintId) return;
    if (c.source === 'COMPLAINT')
      await this.outbox.enqueue(em, JobName.PartyNotify, {
        complaintId: c.complaintId,
        template: notify.template,
        dedupKey: `inspection:${c.id}:${action}:${c.version}`,
        params: { caseNo: c.caseNo, ...notify.params },
      });
    else if (c.source === 'REPORT') {
      const reply = REPORT_REPLY[notify.template];
      if (reply) await this.channel.post(em, c.complaintId, reply, notify.params);
    }
  }
}
