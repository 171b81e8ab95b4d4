import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AppException } from '../common/errors/app-exception';

/** An arbitration case still open on a complaint or its collective dispute (arbitration's ARBITRATION_OPEN_STATUSES). */
export interface OpenArbitration {
  arbitrationCaseId: string;
  status: string;
}

/**
 * The arbitration module's answer — its open case on a complaint or on the complaint's collective dispute — which
 * the case file registers (case-file/proceeding-links.ts).
 */
export type OpenArbitrationLookup = (
  em: EntityManager,
  complaintId: string,
  collectiveDisputeId: string | null,
) => Promise<OpenArbitration | null>;

/**
 * No mediation beside an open arbitration of the same dispute: routing a complaint to mediation, or opening its
 * mediation, while the worker's application (or their collective dispute's) is pending or under way is 409
 * ARBITRATION_IN_PROGRESS — the reverse of MediationOnApplication (an application ends an open mediation). The
 * lookup is registered here by the case file, which links the proceedings to a complaint (lower rooms never ask upper
 * ones).
 */
@Injectable()
export class OpenArbitrationCheck {
  private lookup: OpenArbitrationLookup | null = null;

  registerLookup(lookup: OpenArbitrationLookup): void {
    this.lookup = lookup;
  }

  // 调解仲裁法 第五条: a party who does not want mediation applies for arbitration — the dispute is then arbitrated.
  async assertNoneForMediation(
    em: EntityManager,
    complaint: { id: string; collectiveDisputeId: string | null },
  ): Promise<void> {
    const open = this.lookup ? await this.lookup(em, complaint.id, complaint.collectiveDisputeId) : null;
    if (open)
      throw AppException.conflict(
        'ARBITRATION_IN_PROGRESS',
        complaint.collectiveDisputeId
          ? 'The collective dispute of this complaint has an open arbitration case: it is not mediated beside it'
          : 'The complaint has an open arbitration case: it is not mediated beside it',
        { ...open, collectiveDisputeId: complaint.collectiveDisputeId },
      );
  }
}
