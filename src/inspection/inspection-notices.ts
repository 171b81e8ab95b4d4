import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ReportChannelService } from '../complaints/report-channel.service';
import type { CaseChannelTemplateId, SmsTemplateId } from '../notifications/templates';
import { JobName } from '../queue/job-catalogue';
import { OutboxService } from '../queue/outbox.service';
import type { InspectionCase } from './entities';
import { INSPECTION_SUBJECT } from './inspection.constants';
import type { DocumentFacts } from './inspection.documents';
import { employerSmsOf } from './inspection-employer-sms';
import type { InspectionAction } from './inspection.state';

/** The reply posted on a 举报's channel for each step a complainant is told of by SMS. */
const REPORT_REPLY: Partial<Record<SmsTemplateId, CaseChannelTemplateId>> = {
  INSPECTION_ACCEPTED: 'REPORT_INSPECTION_ACCEPTED',
  INSPECTION_REFUSED: 'REPORT_INSPECTION_REFUSED',
  INSPECTION_RECTIFICATION_ORDERED: 'REPORT_INSPECTION_RECTIFICATION_ORDERED',
  INSPECTION_CLOSED: 'REPORT_INSPECTION_CLOSED',
  INSPECTION_MERGED: 'REPORT_INSPECTION_CLOSED',
  INSPECTION_PERIOD_EXTENDED: 'REPORT_INSPECTION_EXTENDED',
  INSPECTION_PERIOD_EXTENDED_PROVISIONAL: 'REPORT_INSPECTION_EXTENDED_PROVISIONAL',
};

/**
 * The investigation period extended (劳动保障监察条例 第十七条: 经负责人批准，可以延长30个工作日): its new last day,
 * marked 暂定 as the case file marks a day counted through a year whose holiday schedule is not loaded; none while the
 * period is paused (it has no last day then, and the case file names none).
 */
export function extensionNotice(
  clock: { due: string | null; provisional: boolean } | null,
): { template: SmsTemplateId; params: Record<string, string> } | undefined {
  if (!clock?.due) return undefined;
  const template = clock.provisional
    ? 'INSPECTION_PERIOD_EXTENDED_PROVISIONAL'
    : 'INSPECTION_PERIOD_EXTENDED';
  return { template, params: { due: clock.due } };
}

/**
 * Tells the party of an inspection case about a step, in the step's transaction: the complainant of a 投诉 by SMS
 * (party.notify through the outbox, once per step: the key holds the case version the step was taken from), the
 * reporter of a 举报 by a reply on the report channel (劳动保障监察条例 第九条: the reporter is answered and kept
 * secret; nothing about them is read or written). A planned case has no party to tell. The employer — the inspected
 * unit, whatever the case's source — is texted each document served on it (tellEmployer).
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

  /**
   * The employer is texted a document served on it (employerSmsOf: the inquiry notice, the order to rectify, the
   * advance notices, the decisions) at its contact phone on record, after commit through the outbox (employer.notify,
   * once per case, act and version the act was taken from). Filed under the case: with no phone on record, or a number
   * refused for good, its inspectors are told to serve it another way (InspectionInbox, undelivered-sms.ts). Not
   * service (送达): the written document counts and no clock starts on the SMS's delivery.
   */
  async tellEmployer(
    em: EntityManager,
    c: InspectionCase,
    action: InspectionAction,
    facts: DocumentFacts,
    docNo: string,
  ): Promise<void> {
    const sms = employerSmsOf(facts, { caseNo: c.caseNo, docNo });
    if (!sms || !c.employerId) return;
    await this.outbox.enqueue(em, JobName.EmployerNotify, {
      employerId: c.employerId,
      template: sms.template,
      dedupKey: `inspection:${c.id}:employer:${action}:v${c.version}`,
      params: sms.params,
      subjectRef: `${INSPECTION_SUBJECT}:${c.id}`,
    });
  }
}
