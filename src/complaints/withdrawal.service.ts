import { Injectable } from '@nestjs/common';
import { todayInShanghai } from '../calendar/local-date';
import { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { OrganisationsService } from '../reference/organisations.service';
import { STAFF_ROLES, type Principal } from '../auth/roles';
import { AppException, fieldError } from '../common/errors/app-exception';
import { TransactionRunner } from '../database/transaction';
import { DeadlinesService } from '../deadlines/deadlines.service';
import { JobName } from '../queue/job-catalogue';
import { OutboxService } from '../queue/outbox.service';
import { ComplaintsRepository } from './complaints.repository';
import { ComplaintsService } from './complaints.service';
import {
  checkWithdrawal,
  complainantRequestError,
  mayRecordConsent,
  REQUEST_CHANNEL_LABELS,
  type RequestChannel,
} from './withdrawal.rules';

/** An open proceeding on a complaint, as the module owning it reports it. */
export interface OpenProceeding {
  proceeding: string;
  caseId: string;
  status: string;
  /** How that proceeding is ended instead (its own withdrawal). */
  howToEnd: string;
  /** A collective dispute's case: how one member leaves it without ending it for the others. */
  howToLeave?: string;
}

/** What a proceeding module registers so that a complaint is not withdrawn under an open case of it. */
export type OpenProceedingLookup = (
  em: EntityManager,
  complaint: { id: string; collectiveDisputeId: string | null },
) => Promise<OpenProceeding | null>;

/**
 * Withdrawal (撤回) of a complaint: by the complainant before the decision, by staff of the complaint's street with
 * the body's consent after it (withdrawal.rules.ts). An open mediation, arbitration or inspection case is ended in
 * its own procedure first (409 PROCEEDING_OPEN): those modules register a lookup here (lower rooms never ask
 * upper ones). A member of a collective dispute whose arbitration is open leaves that case in the arbitration (a
 * change of its claims) before the complaint is withdrawn: the case carries the member's claim (调解仲裁法 第七条).
 */
@Injectable()
export class ComplaintWithdrawalService {
  private readonly lookups: OpenProceedingLookup[] = [];

  constructor(
    private readonly tx: TransactionRunner,
    private readonly repo: ComplaintsRepository,
    private readonly complaints: ComplaintsService,
    private readonly organisations: OrganisationsService,
    private readonly deadlines: DeadlinesService,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
  ) {}

  registerOpenProceedingLookup(lookup: OpenProceedingLookup): void {
    this.lookups.push(lookup);
  }

  async withdraw(
    viewer: Principal,
    id: string,
    dto: {
      reason: string;
      bodyConsent?: { note: string };
      complainantRequest?: { channel: RequestChannel; note?: string };
    },
  ): Promise<void> {
    const staff = STAFF_ROLES.includes(viewer.role);
    if (dto.bodyConsent && !staff)
      throw AppException.validation([
        fieldError(
          'bodyConsent',
          'staffOnly',
          '只有受理机构的工作人员可以记录其同意',
          "only the body's staff record its consent",
        ),
      ]);
    await this.tx.run(async (em) => {
      await this.complaints.assertVisible(viewer, id, em);
      // 撤回 is the complainant's act: staff record it only on the complainant's request, and say how it came.
      const requestError = complainantRequestError(staff, !!dto.complainantRequest, {
        zh: '撤回投诉',
        en: 'withdraw a complaint',
      });
      if (requestError) throw AppException.validation([requestError]);
      const c = (await this.repo.lockForUpdate(em, id))!;
      const { consentRecorded } = checkWithdrawal({
        status: c.status,
        kind: c.kind,
        by: staff ? 'STAFF' : 'COMPLAINANT',
        bodyConsent: !!dto.bodyConsent,
      });
      if (consentRecorded && !mayRecordConsent(viewer.role, c.routeTarget))
        throw AppException.forbidden('CONSENT_OF_ANOTHER_BODY', `Consent of the ${c.routeTarget} body`);
      for (const lookup of this.lookups) {
        const open = await lookup(em, { id, collectiveDisputeId: c.collectiveDisputeId });
        if (open)
          throw AppException.conflict(
            'PROCEEDING_OPEN',
            `The complaint has an open ${open.proceeding.toLowerCase()} case: end it in its own procedure first`,
            {
              complaintStatus: c.status,
              action: 'WITHDRAW',
              ...open,
              allowed: open.howToLeave ? [open.howToLeave, open.howToEnd] : [open.howToEnd],
            },
          );
      }
      const body = c.routeOrganisationId ? await this.organisations.byId(em, c.routeOrganisationId) : null;
      await this.repo.updateStatus(em, id, 'WITHDRAWN');
      // Ended by the withdrawal, not done in time: the clocks read ENDED (deadline-engine.ts), the complainant's own
      // period to complete it (补正, a party's window in the case) too.
      await this.deadlines.stopAll(em, 'COMPLAINT', id, todayInShanghai(), viewer, 'WITHDRAWN');
      await this.audit.append(em, {
        caseType: 'COMPLAINT',
        caseId: id,
        action: 'WITHDRAWN',
        fromStatus: c.status,
        toStatus: 'WITHDRAWN',
        actor: viewer,
        data: {
          reason: dto.reason,
          by: staff ? 'STAFF' : 'COMPLAINANT',
          complainantRequest: dto.complainantRequest ?? null,
          bodyConsent: consentRecorded
            ? {
                organisationId: body?.id ?? null,
                organisationName: body?.name ?? null,
                byUserId: viewer.userId,
                note: dto.bodyConsent!.note,
              }
            : null,
        },
      });
      // Withdrawn by staff: the worker is told on whose request, so one who asked nothing learns it and may file again.
      await this.outbox.enqueue(em, JobName.PartyNotify, {
        complaintId: id,
        template: dto.complainantRequest ? 'COMPLAINT_WITHDRAWN_ON_REQUEST' : 'COMPLAINT_WITHDRAWN',
        dedupKey: `complaint-withdrawn:${id}`,
        params: dto.complainantRequest
          ? { channel: REQUEST_CHANNEL_LABELS[dto.complainantRequest.channel] }
          : {},
      });
    });
  }
}
