import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { DisputeArbitration } from '../complaints/open-arbitration';
import { ArbitrationRepository } from './arbitration.repository';
import { DISPUTE_ENDING_CLOSURES } from './arbitration.rules';

/**
 * Whether arbitration holds a complaint's dispute (or its collective dispute's, 调解仲裁法 第七条): its case pending or
 * under way, else the one an award or 调解书 ended (DISPUTE_ENDING_CLOSURES); a withdrawn, terminated or not accepted
 * application decided nothing. The complaint channel asks it before accepting, routing or opening an inspection case
 * (OpenArbitrationCheck.assertNotInArbitration, registered by the case file).
 */
@Injectable()
export class DisputeInArbitration {
  constructor(private readonly repo: ArbitrationRepository) {}

  async of(
    em: EntityManager,
    complaintId: string,
    disputeId: string | null,
  ): Promise<DisputeArbitration | null> {
    const c = await this.repo.disputeCaseOfComplaint(em, complaintId, disputeId, DISPUTE_ENDING_CLOSURES);
    return c
      ? { arbitrationCaseId: c.id, caseNo: c.caseNo, status: c.status, closureType: c.closureType }
      : null;
  }
}
