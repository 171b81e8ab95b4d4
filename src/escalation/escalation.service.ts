import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { ArbitrationService } from '../arbitration/arbitration.service';
import { AuditService } from '../audit/audit.service';
import { STAFF_ROLES, type Principal } from '../auth/roles';
import { AppException } from '../common/errors/app-exception';
import { CollectiveService } from '../complaints/collective.service';
import type { ComplaintCategory } from '../complaints/complaint.constants';
import { ComplaintsService } from '../complaints/complaints.service';
import { complainantRequestError, type RequestChannel } from '../complaints/withdrawal.rules';
import { TransactionRunner } from '../database/transaction';
import { MediationService, type EscalationSource } from '../mediation/mediation.service';
import { JobName } from '../queue/job-catalogue';
import { OutboxService } from '../queue/outbox.service';
import { CLAIM_TYPE_OF_CATEGORY } from '../arbitration/arbitration.rules';

export interface EscalationResult {
  arbitrationCaseId: string;
  complaintId: string;
  reason: string;
  claims: { type: string; description: string; amountFen: number | null }[];
}

/**
 * 调裁衔接: a mediation that failed, expired or whose agreement was not performed becomes an arbitration
 * application in one call, with its parties and claims carried over; evidence is listed by complaint id, so it
 * is the same file; the events stay on the complaint's timeline, one continuous story for the worker.
 */
@Injectable()
export class EscalationService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly mediation: MediationService,
    private readonly arbitration: ArbitrationService,
    private readonly complaints: ComplaintsService,
    private readonly collective: CollectiveService,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
  ) {}

  async escalate(
    viewer: Principal,
    mediationCaseId: string,
    dto: { complainantRequest?: { channel: RequestChannel; note?: string } } = {},
  ): Promise<EscalationResult> {
    // Visibility first: a case the caller may not see is 404 (the mediation module decides).
    await this.mediation.get(viewer, mediationCaseId);
    // Applying for arbitration is the worker's act (调解仲裁法 第二十八条): staff carry it over only on request.
    const requestError = complainantRequestError(
      STAFF_ROLES.includes(viewer.role),
      !!dto.complainantRequest,
      { zh: '申请仲裁', en: 'apply for arbitration' },
    );
    if (requestError) throw AppException.validation([requestError]);
    const result = await this.tx.run(async (em) => {
      const source = await this.mediation.escalationSource(em, mediationCaseId);
      const complaint = await this.applyingFor(em, viewer, source);
      const claims = source.claims.map((c) => ({
        type: CLAIM_TYPE_OF_CATEGORY[complaint.category],
        description: c.description,
        amountFen: c.amountFen,
        // A member's own claim stays theirs (null: the case's own complaint's), so that they may be taken out.
        ...(c.complaintId && c.complaintId !== source.complaintId ? { complaintId: c.complaintId } : {}),
      }));
      const arbitrationCaseId = await this.arbitration.createApplication(
        em,
        {
          complaintId: source.complaintId,
          source: 'MEDIATION',
          sourceMediationCaseId: mediationCaseId,
          claims,
        },
        viewer,
      );
      await this.audit.append(em, {
        caseType: 'COMPLAINT',
        caseId: source.complaintId,
        action: 'ESCALATED_TO_ARBITRATION',
        actor: viewer,
        data: {
          mediationCaseId,
          arbitrationCaseId,
          reason: source.reason,
          complainantRequest: dto.complainantRequest ?? null,
        },
      });
      await this.outbox.enqueue(em, JobName.PartyNotify, {
        complaintId: source.complaintId,
        template: 'ARBITRATION_APPLICATION_FROM_MEDIATION',
        dedupKey: `escalated:${mediationCaseId}`,
        params: {},
        toDispute: true,
      });
      return { arbitrationCaseId, complaintId: source.complaintId, reason: source.reason, claims };
    });
    return result;
  }

  /**
   * The complaint the mediation was opened from, once the caller may apply for it: staff of its street (on the
   * worker's request, checked above) or its complainant (else 404). A collective dispute's case is every member's, and
   * the group acts through its representatives (调解仲裁法 第七条): a worker applies for it as a representative or, with
   * none elected, as a member still in it (CollectiveService.workerActsFor, the rule the case file offers the action
   * by); any other member, though they see the case, is refused 403.
   */
  private async applyingFor(
    em: EntityManager,
    viewer: Principal,
    source: EscalationSource,
  ): Promise<{ category: ComplaintCategory }> {
    if (viewer.role !== 'WORKER' || !source.collectiveDisputeId)
      return this.complaints.assertVisible(viewer, source.complaintId, em);
    await this.collective.assertWorkerActsFor(em, viewer, source.collectiveDisputeId);
    const opening = await this.complaints.forProceeding(em, source.complaintId);
    if (!opening) throw AppException.notFound('COMPLAINT_NOT_FOUND', 'No such complaint');
    return opening.complaint;
  }
}
