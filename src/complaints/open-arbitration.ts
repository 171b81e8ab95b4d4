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
 * The arbitration case that holds a complaint's dispute: open (pending or under way), else one that ended the
 * dispute (an award or a 调解书, arbitration's DISPUTE_ENDING_CLOSURES); registered by the case file as the other.
 */
export interface DisputeArbitration {
  arbitrationCaseId: string;
  caseNo: string | null;
  status: string;
  closureType: string | null;
}
export type DisputeArbitrationLookup = (
  em: EntityManager,
  complaintId: string,
  collectiveDisputeId: string | null,
) => Promise<DisputeArbitration | null>;

/** The acts of the complaint channel gated on arbitration, and what the 409 offers instead of each. */
export type IntakeAct =
  'ACCEPT' | 'ROUTE_INSPECTION' | 'ROUTE_MEDIATION' | 'ROUTE_ARBITRATION' | 'OPEN_INSPECTION';
const INSTEAD: Readonly<Record<IntakeAct, readonly string[]>> = {
  ACCEPT: ['POST /api/v1/complaints/:id/reject {reason: IN_ARBITRATION_OR_COURT}', 'override.reason'],
  ROUTE_INSPECTION: ['override.reason'],
  ROUTE_MEDIATION: [],
  ROUTE_ARBITRATION: [],
  OPEN_INSPECTION: ['override.reason'],
};

/** The request of an act the gate may let through: staff's override, with its reason. */
export type WithOverride = { override?: { reason: string } };

/** An act done beside the dispute's arbitration on staff's override: what the timeline records. */
export type ArbitrationOverride = DisputeArbitration & { reason: string };

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
  private disputeLookup: DisputeArbitrationLookup | null = null;

  registerLookup(lookup: OpenArbitrationLookup, dispute: DisputeArbitrationLookup): void {
    this.lookup = lookup;
    this.disputeLookup = dispute;
  }

  /**
   * A complaint whose dispute is pending in arbitration or was decided by it is not handled again by the complaint
   * channel: accepting, routing or opening its inspection case is 409 DISPUTE_IN_ARBITRATION (details: the case, its
   * number and status, what may be done instead). Inspection of the employer's violations may run beside it
   * (监察条例 第十一条): accepting, routing to inspection and opening the inspection case go on with `override.reason`,
   * returned for the timeline; mediation or a new arbitration of the same dispute never do (调解仲裁法 第五条).
   */
  // 监察条例 第二十一条第二款: matters already in dispute arbitration are left to that procedure (若干规定 第十八条).
  async assertNotInArbitration(
    em: EntityManager,
    complaint: { id: string; collectiveDisputeId: string | null },
    act: IntakeAct,
    { override }: WithOverride,
  ): Promise<ArbitrationOverride | null> {
    const held = this.disputeLookup
      ? await this.disputeLookup(em, complaint.id, complaint.collectiveDisputeId)
      : null;
    if (!held) return null;
    const allowed = INSTEAD[act];
    if (override && allowed.includes('override.reason')) return { ...held, reason: override.reason };
    throw AppException.conflict(
      'DISPUTE_IN_ARBITRATION',
      held.status === 'CLOSED'
        ? 'The dispute of this complaint was decided in arbitration: it is not handled again as a complaint'
        : 'The dispute of this complaint is pending in arbitration: it is not handled again as a complaint',
      { ...held, collectiveDisputeId: complaint.collectiveDisputeId, act, allowed },
    );
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
