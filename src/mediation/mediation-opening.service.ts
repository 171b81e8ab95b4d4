import { Injectable } from '@nestjs/common';
import type { Principal } from '../auth/roles';
import { todayInShanghai } from '../calendar/local-date';
import { AppException } from '../common/errors/app-exception';
import { newId } from '../common/ids';
import { ComplaintTakeUp } from '../complaints/complaint-take-up';
import { OpenArbitrationCheck } from '../complaints/open-arbitration';
import { ROUTE_TARGETS_BY_KIND } from '../complaints/routing.rules';
import { ComplaintsService } from '../complaints/complaints.service';
import { isUniqueViolation, TransactionRunner } from '../database/transaction';
import { DeadlinesService } from '../deadlines/deadlines.service';
import { OrganisationsService } from '../reference/organisations.service';
import type { MediationCaseViewDto } from './dto/mediation.dto';
import { MediationCaseNumbers } from './mediation-case-numbers';
import { MEDIATION_CASE, MEDIATION_SUBJECT, MediationCaseWriter } from './mediation-case-writer';
import { MediationAssignmentService } from './mediation-assignment.service';
import { StaffInbox } from '../notifications/staff-inbox';
import type { EntityManager } from 'typeorm';
import { MediationRepository } from './mediation.repository';
import { MediationViews } from './mediation-views';

/** Opening a mediation case: the complaint routed to a committee, its case number, the mediator and the 15-day clock. */
@Injectable()
export class MediationOpeningService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly repo: MediationRepository,
    private readonly complaints: ComplaintsService,
    private readonly organisations: OrganisationsService,
    private readonly deadlines: DeadlinesService,
    private readonly assignment: MediationAssignmentService,
    private readonly inbox: StaffInbox,
    private readonly writer: MediationCaseWriter,
    private readonly numbers: MediationCaseNumbers,
    private readonly views: MediationViews,
    private readonly takeUp: ComplaintTakeUp,
    private readonly arbitration: OpenArbitrationCheck,
  ) {}

  /** Opens the mediation of a complaint routed to MEDIATION and assigns a mediator when one is free. */
  async open(viewer: Principal, complaintId: string): Promise<MediationCaseViewDto> {
    const id = await this.tx.run(async (em) => {
      await this.complaints.assertVisible(viewer, complaintId, em);
      const proceeding = await this.complaints.lockForProceeding(em, complaintId);
      if (!proceeding) throw AppException.notFound('COMPLAINT_NOT_FOUND', 'No such complaint');
      const { complaint: c } = proceeding;
      // A report routed here by an earlier version: no party to mediate (ROUTE_TARGETS_BY_KIND).
      if (
        c.status !== 'ROUTED' ||
        c.routeTarget !== 'MEDIATION' ||
        !c.routeOrganisationId ||
        !ROUTE_TARGETS_BY_KIND[c.kind].includes('MEDIATION')
      )
        throw AppException.conflict('NOT_ROUTED_TO_MEDIATION', 'The complaint is not routed to mediation', {
          status: c.status,
          routeTarget: c.routeTarget,
          kind: c.kind,
        });
      const org = await this.organisations.byId(em, c.routeOrganisationId);
      if (!org || org.kind !== 'MEDIATION_COMMITTEE')
        throw AppException.conflict(
          'NOT_ROUTED_TO_MEDIATION',
          'The complaint is not routed to a mediation committee',
        );
      if (await this.repo.existsForComplaint(em, complaintId))
        throw AppException.conflict('MEDIATION_CASE_EXISTS', 'This complaint already has a mediation case');
      // Not beside the worker's (or the dispute's) open arbitration application: 409 ARBITRATION_IN_PROGRESS.
      await this.arbitration.assertNoneForMediation(em, c);
      // 调解仲裁法 第七条: a confirmed collective dispute is mediated as one case for all its members.
      const groupCase = c.collectiveDisputeId
        ? await this.repo.openCaseOfDispute(em, c.collectiveDisputeId)
        : null;
      if (groupCase)
        throw AppException.conflict(
          'MEDIATION_CASE_EXISTS',
          'The collective dispute of this complaint is already being mediated',
          { mediationCaseId: groupCase, collectiveDisputeId: c.collectiveDisputeId },
        );
      const caseId = newId();
      const today = todayInShanghai();
      // 调解仲裁法 第十四条第三款: the period runs from the committee's receipt of the application — the day the
      // complaint was routed to it, not the day a mediator opens the case.
      const periodStartedOn = c.routedAt ? todayInShanghai(c.routedAt) : today;
      const mediatorUserId = await this.designate(em, viewer, {
        organisationId: org.id,
        streetCode: c.workplaceStreetCode,
        mediatorUserId: null,
        employerId: c.employerId,
      });
      const streetCode = c.workplaceStreetCode;
      const caseNo = await this.numbers.assign(em, { organisationId: org.id, streetCode, openedOn: today });
      try {
        await this.repo.insertCase(em, {
          id: caseId,
          caseNo,
          complaintId,
          collectiveDisputeId: c.collectiveDisputeId,
          organisationId: org.id,
          mediatorUserId,
          streetCode: c.workplaceStreetCode,
          employerId: c.employerId,
          status: 'OPEN',
          version: 1,
          openedOn: today,
          periodStartedOn,
        });
      } catch (err) {
        if (
          isUniqueViolation(err, 'uq_mediation_cases_open_complaint') ||
          isUniqueViolation(err, 'uq_mediation_cases_open_collective')
        )
          throw AppException.conflict('MEDIATION_CASE_EXISTS', 'This complaint already has a mediation case');
        throw err;
      }
      // No agreement within the 15 days and the party may apply for arbitration.
      await this.deadlines.start(em, {
        caseType: MEDIATION_CASE,
        caseId,
        ruleId: 'MEDIATION',
        start: periodStartedOn,
        jurisdictionCode: c.workplaceStreetCode,
      });
      await this.takeUp.takenUp(em, c, 'DISPUTE', viewer);
      await this.writer.event(em, complaintId, caseId, 'MEDIATION_OPENED', viewer, null, 'OPEN', {
        organisationId: org.id,
        mediatorUserId,
        caseNo,
      });
      // The one designated is told, unless they opened it themselves (as on a hand-over).
      if (mediatorUserId && mediatorUserId !== viewer.userId)
        await this.inbox.post(em, [mediatorUserId], {
          template: 'MEDIATION_CASE_ASSIGNED',
          subjectRef: `${MEDIATION_SUBJECT}:${caseId}`,
          dedupKey: `mediation-assigned:${caseId}:opened`,
        });
      return caseId;
    });
    return this.views.one(this.tx.manager, viewer, id);
  }

  /**
   * The mediator the committee designates (人民调解法 第十九条): the mediator who opens the case when the committee
   * could hand it to them (`MediationAssignmentService.acceptable`: active, of the committee, covering the street, no
   * declared conflict with the employer) — they chose to take it up; otherwise the acceptable one with the fewest
   * open cases; none leaves it unassigned.
   */
  private async designate(
    em: EntityManager,
    viewer: Principal,
    m: Parameters<MediationAssignmentService['acceptable']>[1],
  ): Promise<string | null> {
    const acceptable = await this.assignment.acceptable(em, m);
    if (viewer.role === 'MEDIATOR' && acceptable.includes(viewer.userId)) return viewer.userId;
    return this.repo.pickMediator(em, acceptable);
  }
}
