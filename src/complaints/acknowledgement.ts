import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { newId } from '../common/ids';
import { renderTemplate } from '../notifications/templates';
import { ComplaintsRepository } from './complaints.repository';
import type { Complaint } from './entities/complaint.entity';

type Acknowledged = Pick<Complaint, 'id' | 'kind' | 'trackingNo' | 'acknowledgedAt'>;

/**
 * The acknowledgement of receipt's mark on the complaint row (`acknowledged_at`) and what records it: the ACKNOWLEDGED
 * event, and for a 举报 the REPORT_RECEIVED message that opens its channel. Claimed in one statement, by whichever
 * comes first: the queued acknowledgement, or any other message on a report's channel.
 */
@Injectable()
export class Acknowledgement {
  constructor(
    private readonly repo: ComplaintsRepository,
    private readonly audit: AuditService,
  ) {}

  /** Claims the acknowledgement unless it is made already (then writes nothing); returns whether this call made it. */
  claim(em: EntityManager, c: Acknowledged): Promise<boolean> {
    const records = [
      this.audit.gatedWrite([
        {
          caseType: 'COMPLAINT',
          caseId: c.id,
          action: 'ACKNOWLEDGED',
          actor: null,
          data: { channel: c.kind === 'REPORT' ? 'IN_APP' : 'SMS' },
        },
      ]),
    ];
    if (c.kind === 'REPORT')
      records.push(
        this.repo.gatedMessageWrite({
          id: newId(),
          complaintId: c.id,
          author: 'STAFF',
          authorUserId: null,
          body: renderTemplate('REPORT_RECEIVED', { trackingNo: c.trackingNo }).text,
        }),
      );
    return this.repo.claimAcknowledgement(em, c.id, records);
  }

  /**
   * Before any other message on a 举报's channel, in the caller's transaction: the acknowledgement leads the thread even
   * when a reply or a step comes before its queued job (which then finds it made). A complaint's own SMS is not moved.
   */
  async beforeMessage(em: EntityManager, c: Acknowledged): Promise<void> {
    if (c.kind === 'REPORT' && c.acknowledgedAt === null) await this.claim(em, c);
  }
}
