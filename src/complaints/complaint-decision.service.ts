import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { todayInShanghai } from '../calendar/local-date';
import { AuditService } from '../audit/audit.service';
import type { Principal } from '../auth/roles';
import { AppException, fieldError } from '../common/errors/app-exception';
import { TransactionRunner } from '../database/transaction';
import { DeadlinesService } from '../deadlines/deadlines.service';
import { JobName } from '../queue/job-catalogue';
import { OutboxService } from '../queue/outbox.service';
import {
  canTransition,
  COMPLAINT_TRANSITIONS,
  REJECTION_REASONS,
  rejectionMessage,
  assertOverLookback,
  refusalEndErrors,
  type RejectionReason,
} from './complaint.state';
import { ComplaintViews } from './complaint-views.service';
import { ComplaintsRepository } from './complaints.repository';
import { ComplaintsService } from './complaints.service';
import type { ComplaintViewDto } from './dto/complaint-view.dto';
import type { Complaint } from './entities/complaint.entity';
import { sameComplainant } from './complainant.rules';
import { OpenArbitrationCheck } from './open-arbitration';

const CASE = 'COMPLAINT' as const;

/** The acceptance decision (受理 or a refusal with its basis) and the review of a possible-duplicate flag. */
/**
 * 409 DUPLICATE_OF_CLOSED: a duplicate is merged into its original, so the original must still be open — merged into
 * a case that ended (withdrawn, refused), the complaint would be lost.
 */
function assertOriginalOpen(
  original: { id: string; status: string },
  more: Record<string, unknown> = {},
): void {
  if (original.status === 'WITHDRAWN' || original.status === 'REJECTED')
    throw AppException.conflict('DUPLICATE_OF_CLOSED', 'The original complaint was withdrawn or refused', {
      duplicateOf: original.id,
      originalStatus: original.status,
      ...more,
    });
}

@Injectable()
export class ComplaintDecisionService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly repo: ComplaintsRepository,
    private readonly complaints: ComplaintsService,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
    private readonly deadlines: DeadlinesService,
    private readonly views: ComplaintViews,
    private readonly arbitration: OpenArbitrationCheck,
  ) {}

  /**
   * Accepts (受理) or refuses a submitted complaint: the status changes, the acceptance clock stops and the
   * decision is recorded on the timeline with its reason and legal basis, all in one transaction.
   */
  async decide(
    viewer: Principal,
    id: string,
    decision:
      | { to: 'ACCEPTED'; note?: string; override?: { reason: string } }
      | {
          to: 'REJECTED';
          reason: RejectionReason;
          legalBasis?: string;
          referTo?: string;
          note?: string;
          violationEndedOn?: string | null;
          duplicateOf?: string;
        },
    also: { duplicateReview?: 'CONFIRMED' } = {},
  ): Promise<ComplaintViewDto> {
    // 若干规定 第十八条第二至四款 / 监察条例 第二十一条第二款: a refusal or a notice, with its basis (complaint.state.ts).
    const message = decision.to === 'REJECTED' ? rejectionMessage(decision.reason, decision) : null;
    if (message && !message.ok) throw AppException.validation(message.errors);
    // 监察条例 第二十条: a refusal as over two years old names the end, which cannot lie after today (this decision).
    const ended =
      decision.to === 'REJECTED'
        ? refusalEndErrors(decision.reason, decision.violationEndedOn, todayInShanghai())
        : [];
    if (ended.length) throw AppException.validation(ended);
    const view = await this.tx.run(async (em) => {
      await this.complaints.visibleOrThrow(em, viewer, id);
      const c = (await this.repo.lockForUpdate(em, id))!;
      if (also.duplicateReview) await this.repo.update(em, id, { duplicateReview: also.duplicateReview });
      if (!canTransition(c.status, decision.to))
        throw AppException.conflict(
          'ILLEGAL_TRANSITION',
          `A complaint in status ${c.status} cannot become ${decision.to}`,
          { status: c.status, allowed: COMPLAINT_TRANSITIONS[c.status] },
        );
      // A duplicate names the open complaint of the same person it repeats (the review: the one the probe flagged).
      if (decision.to === 'REJECTED' && decision.reason === 'DUPLICATE' && !also.duplicateReview)
        decision.note = await this.duplicateNote(em, viewer, c, decision.duplicateOf, decision.note);
      // 监察条例 第二十条: refused as over two years old only when it is (a continuing violation never is).
      if (decision.to === 'REJECTED' && decision.reason === 'OVER_LOOKBACK')
        assertOverLookback(decision.violationEndedOn ?? null, c.receivedOn);
      // Not accepted silently beside the arbitration of its dispute (监察条例 第二十一条第二款): 409, or an override.
      const overridden =
        decision.to === 'ACCEPTED'
          ? await this.arbitration.assertNotInArbitration(em, c, 'ACCEPT', decision)
          : null;
      await this.repo.updateStatus(em, id, decision.to);
      await this.deadlines.stopAll(em, CASE, id, todayInShanghai(), viewer);
      await this.audit.append(em, {
        caseType: CASE,
        caseId: id,
        action: decision.to,
        fromStatus: c.status,
        toStatus: decision.to,
        actor: viewer,
        data:
          decision.to === 'REJECTED' && message?.ok
            ? {
                reason: decision.reason,
                reasonText: REJECTION_REASONS[decision.reason],
                outcome: message.outcome,
                legalBasis: message.legalBasis,
                referTo: message.referTo,
                note: decision.note ?? null,
              }
            : { note: decision.note ?? null, ...(overridden ? { arbitrationOverride: overridden } : {}) },
      });
      // The complainant is told the decision; a refusal carries its reason and legal basis (若干规定 第十八条).
      // An anonymous reporter reads it in the report's channel (the status) instead.
      if (c.kind === 'COMPLAINT')
        await this.outbox.enqueue(em, JobName.PartyNotify, {
          complaintId: id,
          template: message?.ok ? message.template : 'COMPLAINT_ACCEPTED',
          dedupKey: `complaint-decision:${id}`,
          params:
            decision.to === 'REJECTED' && message?.ok
              ? {
                  reason: REJECTION_REASONS[decision.reason],
                  legalBasis: message.legalBasis,
                  referTo: message.referTo ?? '',
                  // A duplicate: the worker follows the complaint it was merged into.
                  referral: message.referTo
                    ? `请向${message.referTo}反映。`
                    : decision.reason === 'DUPLICATE' && decision.duplicateOf
                      ? `请以编号${decision.duplicateOf}的投诉查询办理进展。`
                      : '',
                }
              : {},
        });
      return this.views.one(
        em,
        await this.complaints.visibleOrThrow(em, viewer, id),
        viewer,
        'complaint.decide',
      );
    });
    return view;
  }

  /**
   * A refusal as DUPLICATE through /reject: the original is named by its tracking number (400 without it or when
   * staff cannot see it), is another complaint, and is still open (assertOriginalOpen, as in the review). Returns the
   * note the timeline records.
   */
  private async duplicateNote(
    em: EntityManager,
    viewer: Principal,
    c: Complaint,
    trackingNo: string | undefined,
    note: string | undefined,
  ): Promise<string> {
    const scope = this.complaints.scopeOf(viewer);
    const original =
      trackingNo && 'jurisdictionPrefixes' in scope
        ? await this.repo.findInJurisdictionsByTrackingNo(em, trackingNo, scope.jurisdictionPrefixes)
        : null;
    if (!original || original.id === c.id)
      throw AppException.validation([
        fieldError(
          'duplicateOf',
          'isOriginal',
          '请填写所重复的另一件投诉的受理编号',
          'give the tracking number of the complaint this one repeats',
        ),
      ]);
    assertOriginalOpen(original);
    if (!sameComplainant(original, c))
      throw AppException.conflict(
        'DUPLICATE_OF_ANOTHER_COMPLAINANT',
        "The original is another complainant's",
        {
          duplicateOf: trackingNo,
          allowed: ['ACCEPT', 'POST /api/v1/collective-disputes'],
        },
      );
    return `duplicate of ${original.id}${note ? `: ${note}` : ''}`;
  }

  /** Staff confirm (the complaint is refused as a duplicate) or dismiss a possible-duplicate flag. */
  async reviewDuplicate(
    viewer: Principal,
    id: string,
    decision: 'CONFIRM' | 'DISMISS',
  ): Promise<ComplaintViewDto> {
    const current = (await this.complaints.visibleOrThrow(this.tx.manager, viewer, id)).complaint;
    if (!current.possibleDuplicateOf || current.duplicateReview !== null)
      throw AppException.conflict(
        'NO_DUPLICATE_TO_REVIEW',
        'This complaint has no open possible-duplicate flag',
      );
    if (decision === 'CONFIRM') {
      // An original that ended: dismiss the flag instead.
      const original = await this.repo.findById(this.tx.manager, current.possibleDuplicateOf);
      if (original) assertOriginalOpen(original, { allowed: ['DISMISS'] });
      return this.decide(
        viewer,
        id,
        {
          to: 'REJECTED',
          reason: 'DUPLICATE',
          legalBasis: '重复投诉，并入原投诉处理',
          note: `duplicate of ${current.possibleDuplicateOf}`,
          duplicateOf: original?.trackingNo,
        },
        { duplicateReview: 'CONFIRMED' },
      );
    }
    return this.tx.run(async (em) => {
      await this.repo.update(em, id, { duplicateReview: 'DISMISSED' });
      await this.audit.append(em, {
        caseType: CASE,
        caseId: id,
        action: 'DUPLICATE_DISMISSED',
        actor: viewer,
        data: { duplicateOf: current.possibleDuplicateOf },
      });
      return this.views.one(
        em,
        await this.complaints.visibleOrThrow(em, viewer, id),
        viewer,
        'complaint.review',
      );
    });
  }
}
