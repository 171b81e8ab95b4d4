import { Injectable, type OnModuleInit } from '@nestjs/common';
import { OpenArbitrationCheck } from '../complaints/open-arbitration';
import { ArbitrationRepository } from './arbitration.repository';

/**
 * Tells the complaints module (which may not import this one) of an arbitration case still open on a complaint or its
 * collective dispute — APPLIED (pending acceptance), ACCEPTED, TRIBUNAL_FORMED or HEARING_SCHEDULED, the statuses
 * ARBITRATION_CASE_EXISTS counts; CLOSED and NOT_ACCEPTED are over — so that no mediation is routed or opened beside it.
 */
@Injectable()
export class ArbitrationOpenLookup implements OnModuleInit {
  constructor(
    private readonly check: OpenArbitrationCheck,
    private readonly repo: ArbitrationRepository,
  ) {}

  onModuleInit(): void {
    this.check.registerLookup(async (em, complaintId, disputeId) => {
      // Taken as an application takes it (ArbitrationService.createApplication): one cannot slip in meanwhile.
      await this.repo.lockComplaintApplications(em, disputeId ?? complaintId);
      const open = await this.repo.openCaseOfComplaint(em, complaintId, disputeId);
      return open ? { arbitrationCaseId: open.id, status: open.status } : null;
    });
  }
}
