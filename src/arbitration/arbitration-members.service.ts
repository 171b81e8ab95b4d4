import { Injectable } from '@nestjs/common';
import type { Principal } from '../auth/roles';
import { AppException } from '../common/errors/app-exception';
import { CollectiveMembersService } from '../complaints/collective-members.service';
import type { RemoveCollectiveMemberDto } from '../complaints/dto/collective.dto';
import { ArbitrationProceeding } from './arbitration-proceeding';
import { ArbitrationRepository } from './arbitration.repository';
import type { ArbitrationCaseViewDto } from './dto/arbitration-view.dto';

/**
 * A member of a collective dispute leaves the group's open arbitration case (调解仲裁法 第七条: one case for the
 * group): a worker who settles alone or withdraws their own claim (办案规则 (2017) 第三十五条: 申请人撤回仲裁申请). The
 * commission's staff record it with the reason; the member's own claims leave the case (a claim a partial award decided
 * stays: 409 CLAIM_ALREADY_DECIDED) and the complaint leaves the dispute (CollectiveMembersService.remove), and may
 * then be withdrawn. The case goes on as one case for the others: still collective, its tribunal unchanged, even under
 * 10 (its character was fixed on application). The case's own complaint and a representative stay (409).
 */
@Injectable()
export class ArbitrationMembersService {
  constructor(
    private readonly p: ArbitrationProceeding,
    private readonly repo: ArbitrationRepository,
    private readonly members: CollectiveMembersService,
  ) {}

  remove(
    viewer: Principal,
    id: string,
    complaintId: string,
    dto: RemoveCollectiveMemberDto,
  ): Promise<ArbitrationCaseViewDto> {
    return this.p.transition(viewer, id, dto.version, 'REMOVE_MEMBER', async (em, c) => {
      if (!c.collectiveDisputeId)
        throw AppException.notFound('COLLECTIVE_MEMBER_NOT_FOUND', 'Not a collective dispute’s case');
      const theirs = (await this.repo.claimsOf(em, id)).filter((x) => x.complaintId === complaintId);
      const decided = theirs.filter((x) => x.final !== null || x.awardedFen !== null).map((x) => x.seq);
      // 调解仲裁法 第四十三条第二款: a claim decided by a 先行裁决 is decided; it does not leave with its member.
      if (decided.length)
        throw AppException.conflict(
          'CLAIM_ALREADY_DECIDED',
          'A claim decided by a partial award cannot change',
          {
            seqs: decided,
          },
        );
      const group = { proceeding: 'ARBITRATION' as const, caseId: id, caseComplaintId: c.complaintId };
      const left = await this.members.remove(
        em,
        c.collectiveDisputeId,
        complaintId,
        group,
        viewer,
        dto.reason,
      );
      await this.repo.deleteClaims(
        em,
        theirs.map((x) => x.id),
      );
      return {
        changes: {},
        data: {
          memberComplaintId: complaintId,
          memberTrackingNo: left.trackingNo,
          reason: dto.reason,
          removedClaims: theirs.map((x) => ({ seq: x.seq, type: x.type, amountFen: x.amountFen })),
          membersLeft: left.membersLeft,
          citation: '办案规则（2017）第三十五条；调解仲裁法 第七条',
        },
      };
    });
  }
}
