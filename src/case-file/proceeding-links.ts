import { Injectable, type OnModuleInit } from '@nestjs/common';
import { ArbitrationService } from '../arbitration/arbitration.service';
import { ReportChannelService } from '../complaints/report-channel.service';
import { ComplaintWithdrawalService } from '../complaints/withdrawal.service';
import { InspectionCaseFileService } from '../inspection/inspection-case-file.service';
import { nextStatus } from '../inspection/inspection.state';
import { MediationService } from '../mediation/mediation.service';

/** Arbitration statuses after which the case is over. */
const ARBITRATION_ENDED = ['CLOSED', 'NOT_ACCEPTED'];

/**
 * Tells the complaints module about the proceedings built on a complaint (it may not import them): a complaint with
 * an open mediation, arbitration or inspection case is withdrawn in that proceeding first; a report shows the step
 * of its inspection case.
 */
@Injectable()
export class ProceedingLinks implements OnModuleInit {
  constructor(
    private readonly withdrawal: ComplaintWithdrawalService,
    private readonly mediation: MediationService,
    private readonly arbitration: ArbitrationService,
    private readonly inspection: InspectionCaseFileService,
    private readonly reports: ReportChannelService,
  ) {}

  onModuleInit(): void {
    // A 举报 follows the inspection case opened from it (GET /reports/:trackingNo).
    this.reports.registerStepLookup((em, complaintId) => this.inspection.reportStep(em, complaintId));
    this.withdrawal.registerOpenProceedingLookup(async (em, complaintId) => {
      const m = (await this.mediation.casesOfComplaint(em, complaintId)).find((c) => c.status === 'OPEN');
      return m
        ? {
            proceeding: 'MEDIATION',
            caseId: m.id,
            status: m.status,
            howToEnd: `POST /api/v1/mediation/cases/${m.id}/close {outcome: WITHDRAWN}`,
          }
        : null;
    });
    this.withdrawal.registerOpenProceedingLookup(async (em, complaintId) => {
      const a = (await this.arbitration.casesOfComplaint(em, complaintId)).find(
        (c) => !ARBITRATION_ENDED.includes(c.status),
      );
      // 调解仲裁法 第四十一条: the applicant withdraws the arbitration application itself.
      return a
        ? {
            proceeding: 'ARBITRATION',
            caseId: a.id,
            status: a.status,
            howToEnd: `POST /api/v1/arbitration/cases/${a.id}/close {closureType: WITHDRAWN}`,
          }
        : null;
    });
    this.withdrawal.registerOpenProceedingLookup(async (em, complaintId) => {
      const i = (await this.inspection.stepsOfComplaint(em, complaintId)).find((c) => c.open);
      return i
        ? {
            proceeding: 'INSPECTION',
            caseId: i.id,
            status: i.status,
            // 若干规定 第十八条: a case not yet accepted (RECEIVED) ends by the decision not to accept it, not by CLOSE.
            howToEnd:
              nextStatus(i.status, 'CLOSE') !== null
                ? `POST /api/v1/inspection/cases/${i.id}/close`
                : `POST /api/v1/inspection/cases/${i.id}/refuse {reason: OTHER, note: 投诉人撤回投诉}`,
          }
        : null;
    });
  }
}
