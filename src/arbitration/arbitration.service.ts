import { Injectable, type OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { RowsRead } from '../database/entity-rows';
import { OrganisationsService } from '../reference/organisations.service';
import type { Principal } from '../auth/roles';
import { CalendarService } from '../calendar/calendar.service';
import { arbitrationLimitation } from './arbitration.deadline-rules';
import { limitationFactsErrors } from './limitation-facts.rules';
import { restartWhileSuspended } from './claim-change.rules';
import { todayInShanghai } from '../calendar/local-date';
import { AppException, fieldError } from '../common/errors/app-exception';
import { newId } from '../common/ids';
import { ComplaintTakeUp } from '../complaints/complaint-take-up';
import { ComplaintsService } from '../complaints/complaints.service';
import { TransactionRunner } from '../database/transaction';
import { DATED_ON_FIELDS, DeadlinesService, type ClockView } from '../deadlines/deadlines.service';
import {
  ARBITRATION_CASE_TYPE,
  type ArbitrationSource,
  type LimitationRecord,
} from './arbitration.constants';
import { ArbitrationCaseNumbers } from './arbitration-case-numbers';
import { ArbitrationInbox } from './arbitration-inbox';
import { ArbitrationProceeding, arbitrationNotFound, staffScopeCovers } from './arbitration-proceeding';
import { ArbitrationRepository } from './arbitration.repository';
import {
  applicationSource,
  claimRow,
  collectiveClaims,
  PAPER_STEPS,
  isCollective,
  type ApplicationClaim,
} from './arbitration.rules';
import { complainantRequestError, type RequestChannel } from '../complaints/withdrawal.rules';
import { ROUTE_TARGETS_BY_KIND } from '../complaints/routing.rules';
import { MediationOnApplication } from '../mediation/mediation-on-application';
import { assertNotRepeated } from './repeat-application';
import { CollectiveService } from '../complaints/collective.service';
import type { ArbitrationCaseViewDto } from './dto/arbitration-view.dto';
import type { ArbitrationCase } from './entities/arbitration-case.entity';

export interface ArbitrationApplication {
  complaintId: string;
  source: ArbitrationSource;
  sourceMediationCaseId?: string | null;
  claims: ApplicationClaim[];
  /** Date of the application (Asia/Shanghai); default today. */
  appliedOn?: string;
  /** Facts for the limitation check (调解仲裁法 第二十七条). */
  limitation?: LimitationRecord['facts'];
  /** How the worker asked staff to file their own application (recorded on the timeline). */
  complainantRequest?: { channel: RequestChannel; note?: string };
}

/**
 * The arbitration proceeding from application to a closing without award: each use case is one transaction
 * (status, clocks, timeline, outbox). Tribunal, hearings and awards have their own services.
 */
@Injectable()
export class ArbitrationService implements OnModuleInit {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly repo: ArbitrationRepository,
    private readonly complaints: ComplaintsService,
    private readonly deadlines: DeadlinesService,
    private readonly p: ArbitrationProceeding,
    private readonly organisations: OrganisationsService,
    private readonly calendar: CalendarService,
    private readonly inbox: ArbitrationInbox,
    private readonly numbers: ArbitrationCaseNumbers,
    private readonly collective: CollectiveService,
    private readonly takeUp: ComplaintTakeUp,
    private readonly mediation: MediationOnApplication,
  ) {}

  /**
   * A pause (中止), resumption or extension of an arbitration period entered through the deadlines API is recorded
   * on the complaint's timeline, next to the other steps of the case (who, when, why); the award period's are told; a restart of the award period while it is suspended is refused (admit).
   */
  onModuleInit(): void {
    this.deadlines.registerOwner(ARBITRATION_CASE_TYPE, {
      lock: (em, id) => this.repo.lockCase(em, id),
      admit: (c, clock, event) => {
        if (restartWhileSuspended(clock, event))
          throw AppException.conflict(
            'AWARD_PERIOD_RESTART_WHILE_SUSPENDED',
            'The award period is suspended (中止): resume it first; changed claims go through their own endpoint',
            {
              clockId: clock.id,
              allowedEvents: ['RESUME'],
              claimChanges: `/api/v1/arbitration/cases/${c.id}/claim-changes`,
            },
          );
      },
      changed: (em, c, change, actor) => this.p.clockChanged(em, c, change, actor),
    });
  }

  /** Whether arbitration runs on a complaint (or its dispute): its oldest open case; `lock` as an application locks. */
  openCaseOfComplaint(em: EntityManager, complaintId: string, disputeId: string | null, lock: boolean) {
    return this.repo.openCaseOfComplaint(em, complaintId, disputeId, lock);
  }

  /**
   * The read of the arbitration cases of a complaint and of its collective dispute, oldest first: the worker's one
   * file, whose caller has checked the viewer sees the complaint (so every case on it or its dispute), and sends it
   * with its other reads (database/entity-rows.ts readTogether). `caseFileView` views one with the clocks the file
   * has read for all its cases (not read again).
   */
  caseFileRead(complaintId: string, disputeId: string | null): RowsRead<ArbitrationCase, ArbitrationCase[]> {
    return this.repo.casesOfComplaintOrDisputeRead(complaintId, disputeId);
  }

  caseFileView(em: EntityManager, viewer: Principal, c: ArbitrationCase, clocks: ClockView[]) {
    return this.p.view(em, viewer, c, clocks);
  }

  /**
   * Records an application in the caller's transaction and starts the 5-day acceptance clock (调解仲裁法 第二十九条).
   * For source COMPLAINT the complaint must be routed to arbitration. Used by POST /cases and by escalation.
   */
  async createApplication(
    em: EntityManager,
    input: ArbitrationApplication,
    actor: Principal | null,
  ): Promise<string> {
    const proceeding = await this.complaints.lockForProceeding(em, input.complaintId);
    if (!proceeding) throw AppException.notFound('COMPLAINT_NOT_FOUND', 'No such complaint');
    const { complaint } = proceeding;
    // A report has no applicant, whatever an earlier version routed it to (ROUTE_TARGETS_BY_KIND).
    if (
      !ROUTE_TARGETS_BY_KIND[complaint.kind].includes('ARBITRATION') ||
      (input.source === 'COMPLAINT' &&
        (complaint.status !== 'ROUTED' || complaint.routeTarget !== 'ARBITRATION'))
    )
      throw AppException.conflict(
        'COMPLAINT_NOT_ROUTED_TO_ARBITRATION',
        'Only a complaint routed to arbitration can become an arbitration case',
        { status: complaint.status, routeTarget: complaint.routeTarget, kind: complaint.kind },
      );
    // 调解仲裁法 第七条: a confirmed collective dispute is one case for all its members (locked per dispute).
    const open = await this.openCaseOfComplaint(em, complaint.id, complaint.collectiveDisputeId, true);
    if (open)
      throw AppException.conflict(
        'ARBITRATION_CASE_EXISTS',
        complaint.collectiveDisputeId
          ? 'The collective dispute of this complaint already has an open arbitration case'
          : 'The complaint already has an open arbitration case',
        { arbitrationCaseId: open.id, collectiveDisputeId: complaint.collectiveDisputeId },
      );
    await assertNotRepeated(em, this.repo, complaint, input.sourceMediationCaseId);
    // A collective dispute's case carries every member's own claim (mediation's escalation brings them already).
    const dispute = input.source === 'MEDIATION' ? null : complaint.collectiveDisputeId;
    const members = dispute ? await this.collective.disputeClaims(em, dispute) : [];
    const claims = dispute ? collectiveClaims(input.claims, complaint.id, members) : input.claims;
    const id = newId();
    const appliedOn = input.appliedOn ?? todayInShanghai();
    const limitation = input.limitation ? await this.checkLimitation(em, input.limitation, appliedOn) : null;
    // The district's commission hears the case (调解仲裁法 第二十一条: the commission where the contract is performed).
    const commissionId =
      (await this.organisations.serving(em, 'ARBITRATION_COMMISSION', complaint.workplaceStreetCode))?.id ??
      null;
    await this.repo.insertCase(em, {
      id,
      complaintId: complaint.id,
      employerId: complaint.employerId,
      source: input.source,
      sourceMediationCaseId: input.sourceMediationCaseId ?? null,
      status: 'APPLIED',
      jurisdictionCode: complaint.workplaceStreetCode,
      commissionId,
      // A confirmed collective dispute (调解仲裁法 第七条) or a complaint for 10+ workers.
      collective: complaint.collectiveDisputeId !== null || isCollective(complaint.affectedWorkers),
      collectiveDisputeId: complaint.collectiveDisputeId,
      appliedOn,
      limitation,
    });
    await this.repo.insertClaims(
      em,
      claims.map((c, i) => ({ id: newId(), caseId: id, seq: i + 1, ...claimRow(c) })),
    );
    await this.deadlines.start(em, {
      caseType: ARBITRATION_CASE_TYPE,
      caseId: id,
      ruleId: 'ARBITRATION_ACCEPTANCE',
      start: appliedOn,
      jurisdictionCode: complaint.workplaceStreetCode,
    });
    await this.p.record(em, complaint.id, id, 'ARBITRATION_APPLIED', actor, {
      source: input.source,
      claims: claims.length,
      ...(limitation ? { limitation } : {}),
      ...(input.complainantRequest ? { complainantRequest: input.complainantRequest } : {}),
    });
    await this.inbox.applied(em, { id, commissionId, source: input.source });
    await this.takeUp.takenUpByArbitration(em, complaint, actor);
    return id;
  }

  /**
   * POST /cases: staff of the complaint's street file the application of a complaint routed to arbitration; a worker
   * applies on their own complaint (14.7), with claims validated as staff's are. A collective dispute's application is
   * the group's (every member's claim, 调解仲裁法 第七条): a worker files it as the escalation lets them, as a
   * representative or, with none elected, a member still in it (CollectiveService.workerActsFor); another member is
   * refused 403 NOT_ACTING_FOR_COLLECTIVE_DISPUTE. Staff file a worker's recorded request, unchanged.
   */
  async create(
    viewer: Principal,
    dto: {
      complaintId: string;
      claims: ArbitrationApplication['claims'];
      limitation?: ArbitrationApplication['limitation'];
      complainantRequest?: ArbitrationApplication['complainantRequest'];
    },
  ): Promise<ArbitrationCaseViewDto> {
    const id = await this.tx.run(async (em) => {
      const complaint = await this.complaints.assertVisible(viewer, dto.complaintId, em); // own; staff: its street
      const byWorker = viewer.role === 'WORKER';
      if (byWorker && complaint.collectiveDisputeId)
        await this.collective.assertWorkerActsFor(em, viewer, complaint.collectiveDisputeId);
      // A worker may apply directly (调解仲裁法 第五条): DIRECT unless the complaint was routed to arbitration.
      const source = applicationSource(byWorker, complaint) ?? 'COMPLAINT'; // COMPLAINT: 409 not routed, below
      // Staff file the worker's own application on the worker's request only (第二十八条), as an escalation.
      const { complainantRequest, ...application } = dto;
      const requestError =
        byWorker || source === 'DIRECT'
          ? complainantRequestError(!byWorker, !!complainantRequest, {
              zh: '申请仲裁',
              en: 'apply for arbitration',
            })
          : null;
      if (requestError) throw AppException.validation([requestError]);
      const id = await this.createApplication(em, { ...application, source, complainantRequest }, viewer);
      // The worker's own application ends their open mediation, or is refused beside an agreement (mediation decides).
      if (source === 'DIRECT') await this.mediation.directApplication(em, complaint, viewer, id);
      return id;
    });
    return this.p.view(this.tx.manager, viewer, (await this.repo.findCase(this.tx.manager, id))!);
  }

  /** The case, for staff in scope and for the complainant; else 404. */
  async get(viewer: Principal, id: string): Promise<ArbitrationCaseViewDto> {
    const em = this.tx.manager;
    const c = await this.repo.findCase(em, id);
    const visible =
      c !== null &&
      (viewer.role === 'ARBITRATOR'
        ? staffScopeCovers(viewer, c)
        : (await this.complaints.canSee(viewer, c.complaintId, em)) ||
          (c.collectiveDisputeId !== null &&
            (await this.complaints.canSeeDispute(viewer, c.collectiveDisputeId, em))));
    if (!c || !visible) throw arbitrationNotFound();
    return this.p.view(em, viewer, c);
  }

  /** 受理: stops the acceptance clock and starts the 45-day award clock from the acceptance date (第四十三条). */
  async accept(viewer: Principal, id: string, version: number): Promise<ArbitrationCaseViewDto> {
    const year = Number(todayInShanghai().slice(0, 4));
    const pre = await this.repo.findCase(this.tx.manager, id);
    // The sequence is created before the transaction, so no lock of it is held while the case is accepted.
    if (pre?.commissionId) await this.numbers.prepare(this.tx.manager, pre.commissionId, year);
    return this.p.transition(viewer, id, version, 'ACCEPT', async (em, c) => {
      const today = todayInShanghai();
      const caseNo = c.commissionId ? await this.numbers.next(em, c.commissionId, year) : null;
      await this.deadlines.stopAll(em, ARBITRATION_CASE_TYPE, id, today, viewer);
      // The award (第四十三条); the application served on the respondent within 5 days (第三十条, stopped by
      // recordPaper); the tribunal's composition notified within 5 days (第三十二条, stopped by formTribunal).
      const rules = [
        'ARBITRATION_DECISION',
        'ARBITRATION_SERVICE_TO_RESPONDENT',
        'ARBITRATION_TRIBUNAL_NOTICE',
      ] as const;
      for (const ruleId of rules)
        await this.deadlines.start(em, {
          caseType: ARBITRATION_CASE_TYPE,
          caseId: id,
          ruleId,
          start: today,
          jurisdictionCode: c.jurisdictionCode,
        });
      await this.p.notify(em, c, 'ARBITRATION_ACCEPTED', 'accepted', {
        acceptedOn: today,
        ...(caseNo ? { caseNo } : {}),
      });
      return { changes: { acceptedOn: today, caseNo }, data: { acceptedOn: today, caseNo } };
    });
  }

  /** 不予受理, in writing with the reasons (第二十九条). */
  async reject(
    viewer: Principal,
    id: string,
    version: number,
    reason: string,
  ): Promise<ArbitrationCaseViewDto> {
    return this.p.transition(viewer, id, version, 'REJECT', async (em, c) => {
      const today = todayInShanghai();
      await this.deadlines.stopAll(em, ARBITRATION_CASE_TYPE, id, today, viewer);
      await this.p.notify(em, c, 'ARBITRATION_NOT_ACCEPTED', 'not-accepted', { reason });
      return { changes: { rejectionReason: reason, closedOn: today }, data: { reason } };
    });
  }

  /**
   * 第三十条: the commission serves the application on the respondent within 5 days of accepting it; the respondent
   * answers within 10 days of receipt; the commission serves the defence on the claimant within 5 days of
   * receiving it. Each step stops its clock and starts the next (the defence clock is the respondent's period: a
   * missing defence does not stop the proceeding).
   */
  async recordPaper(
    viewer: Principal,
    id: string,
    dto: { version: number; step: 'SERVICE' | 'DEFENCE' | 'DEFENCE_SERVICE'; on: string },
  ): Promise<ArbitrationCaseViewDto> {
    const s = PAPER_STEPS[dto.step];
    return this.p.transition(viewer, id, dto.version, s.action, async (em, c) => {
      if (dto.on > todayInShanghai())
        throw AppException.validation([
          fieldError('on', 'notInFuture', 'on 不能晚于今天', 'on must not be in the future'),
        ]);
      if ((await this.deadlines.unstopped(em, ARBITRATION_CASE_TYPE, id, s.stops)).length === 0)
        throw AppException.conflict(
          'PAPER_NOT_EXPECTED',
          `No running ${s.stops} period: record the steps in order, once each`,
          { step: dto.step },
        );
      await this.deadlines.stopRule(em, ARBITRATION_CASE_TYPE, id, s.stops, dto.on, viewer, DATED_ON_FIELDS);
      // 调解仲裁法 第三十条: a defence (to changed claims) received while an earlier one awaits service joins it: the
      // running service period, which ends first, times both copies — never a second one of the same rule.
      const pending = s.starts ? await this.deadlines.unstopped(em, ARBITRATION_CASE_TYPE, id, s.starts) : [];
      if (s.starts && pending.length === 0)
        await this.deadlines.start(em, {
          caseType: ARBITRATION_CASE_TYPE,
          caseId: id,
          ruleId: s.starts,
          start: dto.on,
          jurisdictionCode: c.jurisdictionCode,
        });
      return { changes: {}, data: { step: dto.step, on: dto.on } };
    });
  }

  /**
   * The engine's limitation check on the application (调解仲裁法 第二十七条, suspension 第三款 included). An expired
   * limitation does not refuse the application: since 2017 it is the respondent's defence (办案规则 第三十条 lists the
   * grounds to refuse; limitation is not one), so the case is accepted and staff see a warning.
   */
  private async checkLimitation(
    em: EntityManager,
    facts: LimitationRecord['facts'],
    appliedOn: string,
  ): Promise<LimitationRecord> {
    const errors = limitationFactsErrors(facts, appliedOn); // 400 on facts that cannot be true, never the engine's 500
    if (errors.length) throw AppException.validation(errors);
    const r = arbitrationLimitation(
      {
        knewOn: facts.knewOn,
        filedOn: appliedOn,
        wageArrears: facts.wageArrears ? { employmentEndedOn: facts.employmentEndedOn ?? null } : undefined,
        interruptedOn: facts.interruptedOn,
        suspended: facts.suspended,
      },
      await this.calendar.calendar(em),
    );
    return { facts, ...r };
  }
}
