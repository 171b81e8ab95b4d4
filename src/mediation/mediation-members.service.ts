import { Injectable } from '@nestjs/common';
import type { Principal } from '../auth/roles';
import { CollectiveMembersService } from '../complaints/collective-members.service';
import type { RemoveCollectiveMemberDto } from '../complaints/dto/collective.dto';
import { AppException } from '../common/errors/app-exception';
import { TransactionRunner } from '../database/transaction';
import type { MediationCaseViewDto } from './dto/mediation.dto';
import { MediationCaseWriter } from './mediation-case-writer';
import { MediationViews } from './mediation-views';
import { MediationRepository } from './mediation.repository';

/**
 * A member of a collective dispute leaves the group's open mediation on its own request (人民调解法 第三条、第二十三条:
 * mediation is voluntary, a party may ask to end it): the committee's mediator records it with the reason; the
 * member's complaint leaves the dispute (CollectiveMembersService.remove) and may then be withdrawn or go on alone;
 * the group's case goes on for the others, one case even under 10. On the group's timeline and the member's own.
 */
@Injectable()
export class MediationMembersService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly repo: MediationRepository,
    private readonly writer: MediationCaseWriter,
    private readonly members: CollectiveMembersService,
    private readonly views: MediationViews,
  ) {}

  async remove(
    viewer: Principal,
    id: string,
    complaintId: string,
    dto: RemoveCollectiveMemberDto,
  ): Promise<MediationCaseViewDto> {
    await this.tx.run((em) =>
      this.writer.transition(
        em,
        viewer,
        id,
        dto.version,
        'REMOVE_MEMBER',
        async (m) => {
          if (!m.collectiveDisputeId)
            throw AppException.notFound('COLLECTIVE_MEMBER_NOT_FOUND', 'Not a collective dispute’s case');
          const group = { proceeding: 'MEDIATION' as const, caseId: m.id, caseComplaintId: m.complaintId };
          const left = await this.members.remove(
            em,
            m.collectiveDisputeId,
            complaintId,
            group,
            viewer,
            dto.reason,
          );
          await this.repo.updateCase(em, m.id, {});
          return left;
        },
        async (m, status, left) => {
          await this.writer.event(
            em,
            m.complaintId,
            m.id,
            'MEDIATION_MEMBER_REMOVED',
            viewer,
            status,
            status,
            {
              memberComplaintId: complaintId,
              memberTrackingNo: left.trackingNo,
              reason: dto.reason,
              membersLeft: left.membersLeft,
            },
          );
        },
      ),
    );
    return this.views.one(this.tx.manager, viewer, id);
  }
}
