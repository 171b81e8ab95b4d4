import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { Principal } from '../auth/roles';
import { AppException } from '../common/errors/app-exception';
import { JobName } from '../queue/job-catalogue';
import { OutboxService } from '../queue/outbox.service';
import { CollectiveRepository } from './collective.repository';
import { memberRemovalRefusal, stillInDispute } from './collective.rules';

/** The proceeding of the group a member leaves, as the module owning it names it. */
export interface GroupCase {
  proceeding: 'MEDIATION' | 'ARBITRATION';
  caseId: string;
  /** The member complaint the case was opened or filed on: it stays (the case is filed on it). */
  caseComplaintId: string;
}

/**
 * A member leaves its collective dispute (调解仲裁法 第七条) on its own request, recorded by the proceeding holding the
 * group's case: 人民调解法 第二十三条 (a party may ask to end its mediation), 办案规则 (2017) 第三十五条 (an applicant
 * withdraws its application). The complaint is unlinked from the dispute and goes on alone (or is withdrawn next);
 * the group's case goes on as one case for the others, even under 10 (its collective character was fixed when it was
 * filed). A representative leaves only once the group has elected another (no re-election here: 409); the case's own
 * complaint stays (the case is filed on it: 409).
 */
@Injectable()
export class CollectiveMembersService {
  constructor(
    private readonly repo: CollectiveRepository,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
  ) {}

  /** Unlinks the member in the caller's transaction; returns its tracking number and how many members are left. */
  async remove(
    em: EntityManager,
    disputeId: string,
    complaintId: string,
    group: GroupCase,
    actor: Principal,
    reason: string,
  ): Promise<{ trackingNo: string; membersLeft: number }> {
    const [c] = await this.repo.lockComplaints(em, [complaintId]);
    if (!c || c.collectiveDisputeId !== disputeId || !stillInDispute(c.status))
      throw AppException.notFound('COLLECTIVE_MEMBER_NOT_FOUND', 'No such member of the collective dispute');
    const dispute = (await this.repo.findDispute(em, disputeId))!;
    const refusal = memberRemovalRefusal(
      complaintId,
      group.caseComplaintId,
      dispute.representativeComplaintIds,
    );
    if (refusal)
      throw AppException.conflict(
        'COLLECTIVE_MEMBER_NOT_REMOVABLE',
        'This member cannot leave the group’s case',
        {
          reason: refusal,
          complaintId,
        },
      );
    await this.repo.unlinkComplaint(em, complaintId);
    const membersLeft = (await this.repo.membersOf(em, disputeId)).filter((m) =>
      stillInDispute(m.status),
    ).length;
    await this.audit.append(em, {
      caseType: 'COMPLAINT',
      caseId: complaintId,
      action: 'COLLECTIVE_MEMBER_REMOVED',
      actor,
      data: { collectiveDisputeId: disputeId, proceeding: group.proceeding, caseId: group.caseId, reason },
    });
    await this.outbox.enqueue(em, JobName.PartyNotify, {
      complaintId,
      template: 'COLLECTIVE_MEMBER_REMOVED',
      dedupKey: `collective-member-removed:${disputeId}:${complaintId}`,
      params: {},
    });
    return { trackingNo: c.trackingNo, membersLeft };
  }
}
