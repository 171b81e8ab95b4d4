import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { DISPUTE_ENDING_CLOSURES } from '../arbitration/arbitration.rules';
import { ArbitrationService } from '../arbitration/arbitration.service';
import { ARBITRATION_OPEN_STATUSES } from '../arbitration/arbitration.state';
import { CollectiveEligibility } from '../complaints/collective-eligibility';
import type { OwnProceedingState } from '../complaints/collective-eligibility.rules';
import { readTogetherEach } from '../database/entity-rows';
import { InspectionCaseFileService } from '../inspection/inspection-case-file.service';
import { MediationService } from '../mediation/mediation.service';

/** Complaints read per round trip (three reads each): few statement texts, each of a bounded size. */
const PER_ROUND_TRIP = 10;

/** A mediation case's state as the collective rule reads it: its status, and an agreement's. */
function mediationState(status: string, agreement: string | null): OwnProceedingState {
  if (status === 'AGREEMENT')
    return agreement === 'PERFORMED'
      ? 'MEDIATION_AGREEMENT_PERFORMED'
      : agreement === 'DEFAULTED'
        ? 'MEDIATION_AGREEMENT_DEFAULTED'
        : 'MEDIATION_AGREEMENT_PERFORMING';
  if (status === 'FAILED') return 'MEDIATION_FAILED';
  if (status === 'EXPIRED') return 'MEDIATION_EXPIRED';
  if (status === 'WITHDRAWN') return 'MEDIATION_WITHDRAWN';
  return 'MEDIATION_OPEN';
}

/** An arbitration case's: pending (arbitration's open statuses), decided (an award or 调解书), or ended deciding nothing. */
function arbitrationState(c: { status: string; closureType: string | null }): OwnProceedingState {
  if ((ARBITRATION_OPEN_STATUSES as readonly string[]).includes(c.status)) return 'ARBITRATION_PENDING';
  return c.status === 'CLOSED' &&
    (DISPUTE_ENDING_CLOSURES as readonly (string | null)[]).includes(c.closureType)
    ? 'ARBITRATION_DECIDED'
    : 'ARBITRATION_ENDED_UNDECIDED';
}

/**
 * Tells the complaints module where each complaint's claim stands in the proceedings opened on it (mediation,
 * arbitration, inspection), which decides whether it may join a collective dispute (CollectiveEligibility, 调解仲裁法
 * 第七条). Each module's own reads of a complaint's cases, in one round trip per few complaints.
 */
@Injectable()
export class ClaimStandingLinks implements OnModuleInit {
  constructor(
    private readonly eligibility: CollectiveEligibility,
    private readonly mediation: MediationService,
    private readonly arbitration: ArbitrationService,
    private readonly inspection: InspectionCaseFileService,
  ) {}

  onModuleInit(): void {
    this.eligibility.registerLookup((em, ids) => this.ownProceedings(em, ids));
  }

  private async ownProceedings(
    em: EntityManager,
    ids: readonly string[],
  ): Promise<Map<string, OwnProceedingState[]>> {
    const out = new Map<string, OwnProceedingState[]>();
    for (let at = 0; at < ids.length; at += PER_ROUND_TRIP) {
      const part = ids.slice(at, at + PER_ROUND_TRIP);
      // Not the collective dispute's cases (null): a candidate is in none yet; its own cases alone.
      const read = await readTogetherEach(em, part, (id) => [
        this.mediation.caseFileRead(id, null),
        this.arbitration.caseFileRead(id, null),
        this.inspection.stepsOfComplaintRead(id),
      ]);
      part.forEach((id, i) => {
        const [mediations, arbitrations, inspections] = read[i];
        out.set(id, [
          ...mediations.cases.map((m) =>
            mediationState(m.status, mediations.details.get(m.id)?.agreement?.status ?? null),
          ),
          ...arbitrations.map(arbitrationState),
          ...inspections.map((s): OwnProceedingState => (s.open ? 'INSPECTION_OPEN' : 'INSPECTION_CLOSED')),
        ]);
      });
    }
    return out;
  }
}
