import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { ARBITRATION_SUBJECT } from '../arbitration/arbitration.constants';
import { ArbitrationService } from '../arbitration/arbitration.service';
import { DisputeInArbitration } from '../arbitration/dispute-in-arbitration';
import { CaseMessagesService } from '../complaints/case-messages.service';
import type { Complaint } from '../complaints/entities/complaint.entity';
import { OpenArbitrationCheck } from '../complaints/open-arbitration';
import { RerouteCheck } from '../complaints/reroute-check';
import { ReportChannelService } from '../complaints/report-channel.service';
import { readTogether } from '../database/entity-rows';
import { INSPECTION_SUBJECT } from '../inspection/inspection.constants';
import { ComplaintWithdrawalService } from '../complaints/withdrawal.service';
import { InspectionCaseFileService } from '../inspection/inspection-case-file.service';
import { nextStatus } from '../inspection/inspection.state';
import { MEDIATION_SUBJECT } from '../mediation/mediation-case-writer';
import { MediationService } from '../mediation/mediation.service';
import { startedLast } from './current-proceeding';

/**
 * Tells the complaints module about the proceedings built on a complaint (it may not import them): a complaint with
 * an open mediation, arbitration or inspection case is withdrawn in that proceeding first; no mediation is routed or
 * opened beside an open arbitration case (OpenArbitrationCheck); a report shows the step of its inspection case; a
 * party's message on the case thread goes to the staff of the proceeding it is at. Whether an arbitration case is
 * open is the arbitration module's answer (ArbitrationService.openCaseOfComplaint, ARBITRATION_OPEN_STATUSES).
 */
@Injectable()
export class ProceedingLinks implements OnModuleInit {
  constructor(
    private readonly withdrawal: ComplaintWithdrawalService,
    private readonly mediation: MediationService,
    private readonly arbitration: ArbitrationService,
    private readonly inspection: InspectionCaseFileService,
    private readonly reports: ReportChannelService,
    private readonly thread: CaseMessagesService,
    private readonly openArbitration: OpenArbitrationCheck,
    private readonly disputeArbitration: DisputeInArbitration,
    private readonly reroute: RerouteCheck,
  ) {}

  onModuleInit(): void {
    this.thread.registerCurrentProceeding((em, c) => this.currentProceeding(em, c));
    // Re-routing a routed complaint reads every case on it: none open, none that decided the matter.
    this.reroute.registerLookup(async (em, c) => {
      const [mediations, arbitrations, inspections] = await this.casesOf(em, c);
      return [
        ...mediations.cases.map((m) => ({
          proceeding: 'MEDIATION' as const,
          caseId: m.id,
          status: m.status,
          closureType: null,
        })),
        ...arbitrations.map((a) => ({
          proceeding: 'ARBITRATION' as const,
          caseId: a.id,
          status: a.status,
          closureType: a.closureType,
        })),
        ...inspections.map((i) => ({
          proceeding: 'INSPECTION' as const,
          caseId: i.id,
          status: i.status,
          closureType: i.closureType,
        })),
      ];
    });
    // A 举报 follows the inspection case opened from it (GET /reports/:trackingNo).
    this.reports.registerStepLookup((em, complaintId) => this.inspection.reportStep(em, complaintId));
    this.withdrawal.registerOpenProceedingLookup(async (em, complaint) => {
      // The complaint's own case, or its collective dispute's (调解仲裁法 第七条): a member leaves the group's case on
      // request (人民调解法 第二十三条), which the committee records, and is then withdrawn; the case goes on.
      const m = await this.mediation.openCaseCovering(em, complaint.id, complaint.collectiveDisputeId);
      const member = m !== null && complaint.collectiveDisputeId !== null && m.complaintId !== complaint.id;
      return m
        ? {
            proceeding: 'MEDIATION',
            caseId: m.id,
            status: m.status,
            howToEnd: `POST /api/v1/mediation/cases/${m.id}/close {outcome: WITHDRAWN}`,
            ...(member
              ? { howToLeave: `POST /api/v1/mediation/cases/${m.id}/members/${complaint.id}/remove` }
              : {}),
          }
        : null;
    });
    // Routing a complaint to mediation, or opening its mediation, while it or its collective dispute has an open
    // arbitration case is 409 ARBITRATION_IN_PROGRESS: read under the lock an application takes, so none slips in.
    // Accepting, routing or opening an inspection case of a complaint whose dispute arbitration holds (pending, or
    // decided by an award or 调解书) is 409 DISPUTE_IN_ARBITRATION unless overridden (inspection only).
    this.openArbitration.registerLookup(
      async (em, complaintId, disputeId) => {
        const open = await this.arbitration.openCaseOfComplaint(em, complaintId, disputeId, true);
        return open ? { arbitrationCaseId: open.id, status: open.status } : null;
      },
      (em, complaintId, disputeId) => this.disputeArbitration.of(em, complaintId, disputeId),
    );
    this.withdrawal.registerOpenProceedingLookup(async (em, complaint) => {
      // The complaint's own case, or its collective dispute's (调解仲裁法 第七条: one case carrying every member's
      // claim), under the lock an application takes, so that none is filed for the group while the member withdraws.
      const disputeId = complaint.collectiveDisputeId;
      const a = await this.arbitration.openCaseOfComplaint(em, complaint.id, disputeId, disputeId !== null);
      // 调解仲裁法 第四十一条: the applicant withdraws the arbitration application itself; a member of the group leaves
      // it with their claims (办案规则 第三十五条), which the commission records (ArbitrationMembersService).
      return a
        ? {
            proceeding: 'ARBITRATION',
            caseId: a.id,
            status: a.status,
            howToEnd: `POST /api/v1/arbitration/cases/${a.id}/close {closureType: WITHDRAWN}`,
            ...(disputeId && a.complaintId !== complaint.id
              ? { howToLeave: `POST /api/v1/arbitration/cases/${a.id}/members/${complaint.id}/remove` }
              : {}),
          }
        : null;
    });
    this.withdrawal.registerOpenProceedingLookup(async (em, complaint) => {
      const i = (await this.inspection.stepsOfComplaint(em, complaint.id)).find((c) => c.open);
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

  /**
   * The case a complaint is at now, as "<kind>:<id>": of its (or its collective dispute's, 调解仲裁法 第七条) last
   * mediation and arbitration and its last inspection case, the one started last (as the worker's case file says).
   */
  private async currentProceeding(em: EntityManager, c: Complaint): Promise<string | null> {
    const [mediations, arbitrations, inspections] = await this.casesOf(em, c);
    const m = mediations.cases.at(-1);
    const a = arbitrations.at(-1);
    const i = inspections.at(-1);
    const latest = startedLast([
      a && { ref: `${ARBITRATION_SUBJECT}:${a.id}`, on: a.appliedOn },
      m && { ref: `${MEDIATION_SUBJECT}:${m.id}`, on: m.openedOn, at: m.createdAt.toISOString() },
      i && { ref: `${INSPECTION_SUBJECT}:${i.id}`, on: i.openedOn, at: i.openedAt },
    ]);
    return latest?.ref ?? null;
  }

  /** The complaint's (or its collective dispute's) mediation, arbitration and inspection cases, in one round trip. */
  private casesOf(em: EntityManager, c: Pick<Complaint, 'id' | 'collectiveDisputeId'>) {
    return readTogether(em, [
      this.mediation.caseFileRead(c.id, c.collectiveDisputeId),
      this.arbitration.caseFileRead(c.id, c.collectiveDisputeId),
      this.inspection.stepsOfComplaintRead(c.id),
    ]);
  }
}
