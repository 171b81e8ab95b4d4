import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { newId } from '../common/ids';
import { renderTemplate, type CaseChannelTemplateId } from '../notifications/templates';
import { Acknowledgement } from './acknowledgement';
import { ComplaintsRepository } from './complaints.repository';

/** Where a 举报 stands in the proceeding it was routed to, as its reporter may know it (never who reported). */
export interface ReportStep {
  proceeding: 'INSPECTION';
  /** the proceeding's own status (e.g. INVESTIGATING, CLOSED) */
  status: string;
  /** the status in plain zh-CN */
  label: string;
  /** the date of that status (Asia/Shanghai), when known */
  on: string | null;
}

/** Finds the step of a report in a proceeding built on it (registered by the module above, which owns it). */
export type ReportStepLookup = (em: EntityManager, complaintId: string) => Promise<ReportStep | null>;

/**
 * The report channel (举报, 劳动保障监察条例 第九条: 为举报人保密) seen from the proceedings: replies the platform posts
 * there by itself when the case built on the report moves, and the step the report is at. Proceedings sit above
 * complaints, so they register their step lookup here rather than being asked.
 */
@Injectable()
export class ReportChannelService {
  private readonly lookups: ReportStepLookup[] = [];

  constructor(
    private readonly repo: ComplaintsRepository,
    private readonly audit: AuditService,
    private readonly acknowledgement: Acknowledgement,
  ) {}

  registerStepLookup(lookup: ReportStepLookup): void {
    this.lookups.push(lookup);
  }

  /** The step of the report in the first proceeding that knows it, or null while it is only at intake. */
  async currentStep(em: EntityManager, complaintId: string): Promise<ReportStep | null> {
    for (const lookup of this.lookups) {
      const step = await lookup(em, complaintId);
      if (step) return step;
    }
    return null;
  }

  /**
   * Posts a reply from the catalogue on the channel of a 举报, in the caller's transaction (so it is written exactly
   * when the step is). The author is the platform (STAFF, no user); the text holds the tracking number and the
   * outcome, nothing of the reporter. A complaint that is not a report gets nothing.
   */
  async post(
    em: EntityManager,
    complaintId: string,
    template: CaseChannelTemplateId,
    params: Record<string, string>,
  ): Promise<void> {
    const c = await this.repo.findById(em, complaintId);
    if (!c || c.kind !== 'REPORT') return;
    await this.acknowledgement.beforeMessage(em, c);
    await this.repo.insertMessage(em, {
      id: newId(),
      complaintId,
      author: 'STAFF',
      authorUserId: null,
      body: renderTemplate(template, { trackingNo: c.trackingNo, ...params }).text,
    });
    await this.audit.append(em, {
      caseType: 'COMPLAINT',
      caseId: complaintId,
      action: 'MESSAGE_POSTED',
      actor: null,
      data: { author: 'STAFF', template },
    });
  }
}
