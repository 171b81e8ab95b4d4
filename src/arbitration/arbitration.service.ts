import { Injectable, type OnModuleInit } from '@nestjs/common';
import { POSTPONEMENT_REQUEST_DAYS } from './arbitration.rules';
import { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { UsersService } from '../auth/users.service';
import { coversJurisdiction, type Principal } from '../auth/roles';
import { CalendarService } from '../calendar/calendar.service';
import { computeNoticeDeadline } from '../calendar/deadline-engine';
import { DEADLINE_RULES } from '../calendar/deadline-rules';
import { addDays, todayInShanghai } from '../calendar/local-date';
import { AppException } from '../common/errors/app-exception';
import { newId } from '../common/ids';
import { shanghaiDate } from '../common/shanghai-date';
import { ComplaintsService } from '../complaints/complaints.service';
import { TransactionRunner } from '../database/transaction';
import { DeadlinesService, recordingOwner } from '../deadlines/deadlines.service';
import { JobName } from '../queue/job-catalogue';
import { OutboxService } from '../queue/outbox.service';
import {
  ARBITRATION_CASE_TYPE,
  HEARING_SLOT_MINUTES,
  type ArbitrationSource,
  type ClaimType,
  type NonAwardClosure,
} from './arbitration.constants';
import { ArbitrationRepository } from './arbitration.repository';
import {
  ARBITRATION_RULES,
  isCollective,
  isFinalClaim,
  minimumWageOn,
  provinceOf,
  soleArbitratorEligible,
  tribunalKindOf,
} from './arbitration.rules';
import { allowedActions, nextStatus, type ArbitrationAction } from './arbitration.state';
import type { ArbitrationCaseViewDto } from './dto/arbitration.dto';
import type { ArbitrationCase } from './entities/arbitration-case.entity';
import type { SmsTemplateId } from '../notifications/templates';

export interface ArbitrationApplication {
  complaintId: string;
  source: ArbitrationSource;
  sourceMediationCaseId?: string | null;
  claims: { type: ClaimType; description: string; amountFen: number }[];
  /** Date of the application (Asia/Shanghai); default today. */
  appliedOn?: string;
}

const notFound = () => AppException.notFound('ARBITRATION_CASE_NOT_FOUND', 'No such arbitration case');

/** The arbitration proceeding: each use case is one transaction (status, clocks, timeline, outbox). */
@Injectable()
export class ArbitrationService implements OnModuleInit {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly repo: ArbitrationRepository,
    private readonly complaints: ComplaintsService,
    private readonly deadlines: DeadlinesService,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
    private readonly users: UsersService,
    private readonly calendar: CalendarService,
  ) {}

  /**
   * A pause (中止), resumption or extension of an arbitration period entered through the deadlines API is recorded
   * on the complaint's timeline, next to the other steps of the case (who, when, why).
   */
  onModuleInit(): void {
    this.deadlines.registerOwner(
      ARBITRATION_CASE_TYPE,
      recordingOwner(
        (em, id) => this.repo.lockCase(em, id),
        (em, c, data, actor) => this.record(em, c.complaintId, c.id, 'ARBITRATION_CLOCK_EVENT', actor, data),
      ),
    );
  }

  /**
   * Records an application in the caller's transaction and starts the 5-day acceptance clock (调解仲裁法 第二十九条).
   * For source COMPLAINT the complaint must be routed to arbitration. Used by POST /cases and by escalation.
   */
  /** The arbitration cases of a complaint, oldest first (for the worker's one-file view). */
  casesOfComplaint(
    em: EntityManager,
    complaintId: string,
  ): Promise<{ id: string; status: string; createdAt: Date }[]> {
    return this.repo.casesOfComplaint(em, complaintId);
  }

  async createApplication(
    em: EntityManager,
    input: ArbitrationApplication,
    actor: Principal | null,
  ): Promise<string> {
    const proceeding = await this.complaints.forProceeding(em, input.complaintId);
    if (!proceeding) throw AppException.notFound('COMPLAINT_NOT_FOUND', 'No such complaint');
    const { complaint } = proceeding;
    if (
      input.source === 'COMPLAINT' &&
      (complaint.status !== 'ROUTED' || complaint.routeTarget !== 'ARBITRATION')
    )
      throw AppException.conflict(
        'COMPLAINT_NOT_ROUTED_TO_ARBITRATION',
        'Only a complaint routed to arbitration can become an arbitration case',
        { status: complaint.status, routeTarget: complaint.routeTarget },
      );
    await this.repo.lockComplaintApplications(em, complaint.id);
    const open = await this.repo.openCaseOfComplaint(em, complaint.id);
    if (open)
      throw AppException.conflict(
        'ARBITRATION_CASE_EXISTS',
        'The complaint already has an open arbitration case',
        {
          arbitrationCaseId: open,
        },
      );
    const id = newId();
    const appliedOn = input.appliedOn ?? todayInShanghai();
    await this.repo.insertCase(em, {
      id,
      complaintId: complaint.id,
      source: input.source,
      sourceMediationCaseId: input.sourceMediationCaseId ?? null,
      status: 'APPLIED',
      jurisdictionCode: complaint.workplaceStreetCode,
      // A confirmed collective dispute (调解仲裁法 第七条) or a complaint for 10+ workers.
      collective: complaint.collectiveDisputeId !== null || isCollective(complaint.affectedWorkers),
      appliedOn,
    });
    await this.repo.insertClaims(
      em,
      input.claims.map((c, i) => ({
        id: newId(),
        caseId: id,
        seq: i + 1,
        type: c.type,
        description: c.description,
        amountFen: c.amountFen,
      })),
    );
    await this.deadlines.start(em, {
      caseType: ARBITRATION_CASE_TYPE,
      caseId: id,
      ruleId: 'ARBITRATION_ACCEPTANCE',
      start: appliedOn,
      jurisdictionCode: complaint.workplaceStreetCode,
    });
    await this.record(em, complaint.id, id, 'ARBITRATION_APPLIED', actor, {
      source: input.source,
      claims: input.claims.length,
    });
    return id;
  }

  /** POST /cases: staff of the complaint's street file the application of a complaint routed to arbitration. */
  async create(
    viewer: Principal,
    dto: { complaintId: string; claims: ArbitrationApplication['claims'] },
  ): Promise<ArbitrationCaseViewDto> {
    const id = await this.tx.run(async (em) => {
      await this.complaints.assertVisible(viewer, dto.complaintId, em);
      return this.createApplication(em, { ...dto, source: 'COMPLAINT' }, viewer);
    });
    return this.view(this.tx.manager, (await this.repo.findCase(this.tx.manager, id))!);
  }

  /** The case, for staff in scope and for the complainant; else 404. */
  async get(viewer: Principal, id: string): Promise<ArbitrationCaseViewDto> {
    const em = this.tx.manager;
    const c = await this.repo.findCase(em, id);
    if (!c || !(await this.complaints.canSee(viewer, c.complaintId, em))) throw notFound();
    return this.view(em, c);
  }

  /** 受理: stops the acceptance clock and starts the 45-day award clock from the acceptance date (第四十三条). */
  async accept(viewer: Principal, id: string, version: number): Promise<ArbitrationCaseViewDto> {
    return this.transition(viewer, id, version, 'ACCEPT', async (em, c) => {
      const today = todayInShanghai();
      await this.deadlines.stopAll(em, ARBITRATION_CASE_TYPE, id, today, viewer);
      await this.deadlines.start(em, {
        caseType: ARBITRATION_CASE_TYPE,
        caseId: id,
        ruleId: 'ARBITRATION_DECISION',
        start: today,
        jurisdictionCode: c.jurisdictionCode,
      });
      // The application is served on the respondent within 5 days (第三十条): stopped by recordService.
      await this.deadlines.start(em, {
        caseType: ARBITRATION_CASE_TYPE,
        caseId: id,
        ruleId: 'ARBITRATION_SERVICE_TO_RESPONDENT',
        start: today,
        jurisdictionCode: c.jurisdictionCode,
      });
      // The tribunal's composition must be notified within 5 days (第三十二条): stopped by formTribunal.
      await this.deadlines.start(em, {
        caseType: ARBITRATION_CASE_TYPE,
        caseId: id,
        ruleId: 'ARBITRATION_TRIBUNAL_NOTICE',
        start: today,
        jurisdictionCode: c.jurisdictionCode,
      });
      await this.notify(em, c, 'ARBITRATION_ACCEPTED', 'accepted', { acceptedOn: today });
      return { changes: { acceptedOn: today }, data: { acceptedOn: today } };
    });
  }

  /** 不予受理, in writing with the reasons (第二十九条). */
  async reject(
    viewer: Principal,
    id: string,
    version: number,
    reason: string,
  ): Promise<ArbitrationCaseViewDto> {
    return this.transition(viewer, id, version, 'REJECT', async (em, c) => {
      const today = todayInShanghai();
      await this.deadlines.stopAll(em, ARBITRATION_CASE_TYPE, id, today, viewer);
      await this.notify(em, c, 'ARBITRATION_NOT_ACCEPTED', 'not-accepted', {});
      return { changes: { rejectionReason: reason, closedOn: today }, data: { reason } };
    });
  }

  /** Sole arbitrator only when the case may be handled simply; otherwise three (调解仲裁法 第三十一条). */
  async formTribunal(
    viewer: Principal,
    id: string,
    dto: { version: number; arbitratorIds: string[]; factsClear?: boolean; partiesAgree?: boolean },
  ): Promise<ArbitrationCaseViewDto> {
    return this.transition(viewer, id, dto.version, 'FORM_TRIBUNAL', async (em, c) => {
      const kind = tribunalKindOf(dto.arbitratorIds.length);
      if (!kind)
        throw AppException.validation([
          {
            field: 'arbitratorIds',
            message: 'a tribunal is one arbitrator or three (调解仲裁法 第三十一条)',
          },
        ]);
      await this.assertArbitrators(em, dto.arbitratorIds, 'arbitratorIds');
      if (kind === 'SOLE') {
        const claims = await this.repo.claimsOf(em, id);
        const facts = {
          collective: c.collective,
          factsClear: dto.factsClear ?? false,
          partiesAgree: dto.partiesAgree ?? false,
          totalClaimFen: claims.reduce((s, x) => s + x.amountFen, 0),
        };
        if (!soleArbitratorEligible(facts))
          throw AppException.badRequest(
            'SOLE_ARBITRATOR_NOT_ELIGIBLE',
            c.collective
              ? 'A collective dispute is heard by three arbitrators'
              : 'A sole arbitrator needs clear facts, an amount within the average annual wage, or both parties’ consent',
            facts,
          );
      }
      // The parties are told the composition in writing (第三十二条): the notice clock stops.
      await this.deadlines.stopRule(
        em,
        ARBITRATION_CASE_TYPE,
        id,
        'ARBITRATION_TRIBUNAL_NOTICE',
        todayInShanghai(),
        viewer,
      );
      await this.notify(em, c, 'ARBITRATION_TRIBUNAL_FORMED', 'tribunal', {
        tribunal: kind === 'SOLE' ? '独任仲裁员' : '三名仲裁员',
      });
      return {
        changes: { tribunal: kind, arbitratorIds: dto.arbitratorIds },
        data: { tribunal: kind, arbitratorIds: dto.arbitratorIds },
      };
    });
  }

  /**
   * 开庭: written notice at least 5 days before (调解仲裁法 第三十五条; served today, so the hearing date must leave 5
   * whole days: computeNoticeDeadline), and no room or arbitrator booked twice in an overlapping 2-hour slot.
   */
  async scheduleHearing(
    viewer: Principal,
    id: string,
    dto: { version: number; room: string; startsAt: string; arbitratorIds?: string[] },
  ): Promise<ArbitrationCaseViewDto> {
    return this.transition(viewer, id, dto.version, 'SCHEDULE_HEARING', async (em, c) => {
      const h = await this.bookHearing(em, c, dto);
      await this.notify(em, c, 'ARBITRATION_HEARING_SCHEDULED', `hearing:${h.hearingId}`, {
        hearingDate: h.hearingDate,
        startsAt: h.startsAt,
        room: dto.room,
      });
      return { changes: {}, data: { hearingId: h.hearingId, room: dto.room, startsAt: h.startsAt } };
    });
  }

  /**
   * 延期开庭: a party asked, at least 3 days before the hearing, to postpone it; the commission decides (调解仲裁法
   * 第三十五条). The old hearing frees its room and arbitrators; the new one needs the same 5 days' notice.
   */
  async postponeHearing(
    viewer: Principal,
    id: string,
    hearingId: string,
    dto: {
      version: number;
      requestedOn: string;
      reason: string;
      room?: string;
      startsAt: string;
      arbitratorIds?: string[];
    },
  ): Promise<ArbitrationCaseViewDto> {
    return this.transition(viewer, id, dto.version, 'POSTPONE_HEARING', async (em, c) => {
      const old = await this.repo.hearingOfCase(em, id, hearingId);
      if (!old || old.postponedAt)
        throw AppException.notFound('HEARING_NOT_FOUND', 'No such scheduled hearing of this case');
      const oldDate = shanghaiDate(old.startsAt);
      const latestRequest = addDays(oldDate, -POSTPONEMENT_REQUEST_DAYS);
      if (dto.requestedOn > todayInShanghai())
        throw AppException.validation([
          { field: 'requestedOn', message: 'requestedOn must not be in the future' },
        ]);
      if (dto.requestedOn > latestRequest)
        throw AppException.badRequest(
          'POSTPONEMENT_REQUEST_TOO_LATE',
          'A postponement must be requested at least 3 days before the hearing (调解仲裁法 第三十五条)',
          {
            hearingDate: oldDate,
            latestRequestDate: latestRequest,
          },
        );
      await this.repo.markPostponed(em, old.id, dto.reason, null);
      const h = await this.bookHearing(em, c, {
        room: dto.room ?? old.room,
        startsAt: dto.startsAt,
        arbitratorIds: dto.arbitratorIds ?? old.arbitratorIds,
      });
      await this.repo.markPostponed(em, old.id, dto.reason, h.hearingId);
      await this.notify(em, c, 'ARBITRATION_HEARING_POSTPONED', `postponed:${old.id}`, {
        hearingDate: h.hearingDate,
        startsAt: h.startsAt,
        room: dto.room ?? old.room,
      });
      return {
        changes: {},
        data: {
          postponedHearingId: old.id,
          hearingId: h.hearingId,
          startsAt: h.startsAt,
          reason: dto.reason,
        },
      };
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
    const steps = {
      SERVICE: {
        action: 'RECORD_SERVICE',
        stops: 'ARBITRATION_SERVICE_TO_RESPONDENT',
        starts: 'ARBITRATION_DEFENCE',
      },
      DEFENCE: {
        action: 'RECORD_DEFENCE',
        stops: 'ARBITRATION_DEFENCE',
        starts: 'ARBITRATION_DEFENCE_SERVICE_TO_CLAIMANT',
      },
      DEFENCE_SERVICE: {
        action: 'RECORD_DEFENCE_SERVICE',
        stops: 'ARBITRATION_DEFENCE_SERVICE_TO_CLAIMANT',
        starts: null,
      },
    } as const;
    const s = steps[dto.step];
    return this.transition(viewer, id, dto.version, s.action, async (em, c) => {
      if (dto.on > todayInShanghai())
        throw AppException.validation([{ field: 'on', message: 'on must not be in the future' }]);
      if (!(await this.deadlines.isRunning(em, ARBITRATION_CASE_TYPE, id, s.stops)))
        throw AppException.conflict(
          'PAPER_NOT_EXPECTED',
          `No running ${s.stops} period: record the steps in order, once each`,
          { step: dto.step },
        );
      await this.deadlines.stopRule(em, ARBITRATION_CASE_TYPE, id, s.stops, dto.on, viewer);
      if (s.starts)
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

  /** Books a hearing: 5 days' notice (第三十五条) and no room or arbitrator booked twice (checked under a lock). */
  private async bookHearing(
    em: EntityManager,
    c: ArbitrationCase,
    dto: { room: string; startsAt: string; arbitratorIds?: string[] },
  ): Promise<{ hearingId: string; hearingDate: string; startsAt: string }> {
    const startsAt = new Date(dto.startsAt);
    const hearingDate = shanghaiDate(startsAt);
    const today = todayInShanghai();
    const notice = computeNoticeDeadline(DEADLINE_RULES.ARBITRATION_HEARING_NOTICE, hearingDate, null, today);
    if (notice.state === 'BREACHED')
      throw AppException.badRequest(
        'HEARING_NOTICE_TOO_SHORT',
        'The parties must be notified at least 5 days before the hearing (调解仲裁法 第三十五条)',
        {
          hearingDate,
          latestNoticeDate: notice.due,
          earliestHearingDate: addDays(today, DEADLINE_RULES.ARBITRATION_HEARING_NOTICE.amount + 1),
        },
      );
    const arbitratorIds = dto.arbitratorIds ?? c.arbitratorIds;
    if (dto.arbitratorIds) await this.assertArbitrators(em, dto.arbitratorIds, 'arbitratorIds');
    const endsAt = new Date(startsAt.getTime() + HEARING_SLOT_MINUTES * 60_000);
    await this.repo.lockHearingCalendar(em);
    const clash = await this.repo.conflictingHearing(em, { room: dto.room, startsAt, endsAt, arbitratorIds });
    if (clash)
      throw AppException.conflict(
        'DOUBLE_BOOKING',
        'The room or an arbitrator is booked in an overlapping slot',
        { hearingId: clash.id },
      );
    const hearingId = newId();
    await this.repo.insertHearing(em, {
      id: hearingId,
      caseId: c.id,
      room: dto.room,
      startsAt,
      endsAt,
      arbitratorIds,
    });
    return { hearingId, hearingDate, startsAt: startsAt.toISOString() };
  }

  /**
   * 裁决: every claim decided; more than claimed needs a reason; 一裁终局 per claim with the minimum wage in force on
   * the application date (调解仲裁法 第四十七条); the 15-day window to sue runs from service (第四十八条、第五十条).
   */
  async award(
    viewer: Principal,
    id: string,
    dto: { version: number; claims: { claimId: string; awardedFen: number; reason?: string }[] },
  ): Promise<ArbitrationCaseViewDto> {
    return this.transition(viewer, id, dto.version, 'AWARD', async (em, c) => {
      const claims = await this.repo.claimsOf(em, id);
      const byId = new Map(dto.claims.map((a, i) => [a.claimId, { ...a, index: i }]));
      if (
        byId.size !== dto.claims.length ||
        claims.length !== dto.claims.length ||
        claims.some((x) => !byId.has(x.id))
      )
        throw AppException.validation([
          { field: 'claims', message: 'decide every claim of the case exactly once' },
        ]);
      for (const x of claims) {
        const a = byId.get(x.id)!;
        if (a.awardedFen > x.amountFen && !a.reason)
          throw AppException.badRequest('AWARD_EXCEEDS_CLAIM', 'Awarding more than claimed needs a reason', {
            field: `claims[${a.index}].reason`,
            claimId: x.id,
            amountFen: x.amountFen,
            awardedFen: a.awardedFen,
          });
      }
      const minimum = minimumWageOn(
        await this.repo.minimumWages(em, provinceOf(c.jurisdictionCode)),
        provinceOf(c.jurisdictionCode),
        c.appliedOn,
      );
      if (minimum === null)
        throw AppException.conflict(
          'MINIMUM_WAGE_UNKNOWN',
          'No minimum wage is recorded for the application date',
          {
            province: provinceOf(c.jurisdictionCode),
            appliedOn: c.appliedOn,
          },
        );
      const finals: boolean[] = [];
      for (const x of claims) {
        const a = byId.get(x.id)!;
        const final = isFinalClaim({ type: x.type, awardedFen: a.awardedFen }, minimum);
        finals.push(final);
        await this.repo.updateClaim(em, x.id, {
          awardedFen: a.awardedFen,
          awardReason: a.reason ?? null,
          final,
        });
      }
      const today = todayInShanghai();
      // Counted like the other calendar-day periods: the start day is not counted, a holiday end rolls forward.
      const { due: suitDeadline } = await this.calendar.deadline(
        today,
        ARBITRATION_RULES.SUIT_WINDOW_DAYS,
        'DAY',
        em,
      );
      const finalAward = finals.every(Boolean);
      await this.deadlines.stopAll(em, ARBITRATION_CASE_TYPE, id, today, viewer);
      await this.notify(em, c, 'ARBITRATION_AWARD_ISSUED', 'award', { suitDeadline });
      return {
        changes: { closureType: 'AWARD', closedOn: today, finalAward, awardServedOn: today, suitDeadline },
        data: {
          finalAward,
          finalClaims: finals.filter(Boolean).length,
          minimumWageFen: minimum,
          suitDeadline,
        },
      };
    });
  }

  /** Ends the case without an award: 调解书 (MEDIATED), 撤回 (WITHDRAWN) or 终止 (TERMINATED). */
  async close(
    viewer: Principal,
    id: string,
    dto: {
      version: number;
      closureType: NonAwardClosure;
      mediatedClaims?: { claimId: string; agreedFen: number }[];
    },
  ): Promise<ArbitrationCaseViewDto> {
    return this.transition(viewer, id, dto.version, 'CLOSE', async (em, c) => {
      const today = todayInShanghai();
      let mediatedTotalFen: number | undefined;
      if (dto.closureType === 'MEDIATED') {
        // 仲裁调解书 (调解仲裁法 第四十二条): the amounts agreed per claim, none above what was claimed.
        const claims = await this.repo.claimsOf(em, id);
        const agreed = new Map((dto.mediatedClaims ?? []).map((m) => [m.claimId, m.agreedFen]));
        if (agreed.size !== claims.length || claims.some((x) => !agreed.has(x.id)))
          throw AppException.validation([
            {
              field: 'mediatedClaims',
              message: 'give exactly one agreed amount for every claim of the case',
            },
          ]);
        const above = claims.filter((x) => agreed.get(x.id)! > x.amountFen);
        if (above.length)
          throw AppException.badRequest('MEDIATED_EXCEEDS_CLAIM', 'An agreed amount is above the claim', {
            claimIds: above.map((x) => x.id),
          });
        for (const x of claims)
          await this.repo.updateClaim(em, x.id, {
            awardedFen: agreed.get(x.id)!,
            awardReason: '仲裁调解书',
            final: null,
          });
        mediatedTotalFen = claims.reduce((sum, x) => sum + agreed.get(x.id)!, 0);
        await this.notify(em, c, 'ARBITRATION_MEDIATED', 'mediated', { totalFen: String(mediatedTotalFen) });
      }
      await this.deadlines.stopAll(em, ARBITRATION_CASE_TYPE, id, today, viewer);
      return {
        changes: { closureType: dto.closureType, closedOn: today },
        data: {
          closureType: dto.closureType,
          ...(mediatedTotalFen !== undefined ? { mediatedTotalFen } : {}),
        },
      };
    });
  }

  /**
   * One write of the proceeding: lock the row, check scope (404), the version the client read (409 STALE_VERSION)
   * and the transition table (409 ILLEGAL_TRANSITION), run the step, bump the version and append the event.
   */
  private async transition(
    viewer: Principal,
    id: string,
    version: number,
    action: ArbitrationAction,
    step: (
      em: EntityManager,
      c: ArbitrationCase,
    ) => Promise<{ changes: Partial<ArbitrationCase>; data: Record<string, unknown> }>,
  ): Promise<ArbitrationCaseViewDto> {
    await this.tx.run(async (em) => {
      const c = await this.repo.lockCase(em, id);
      if (!c || !coversJurisdiction(viewer, c.jurisdictionCode)) throw notFound();
      if (c.version !== version)
        throw AppException.conflict('STALE_VERSION', 'The case changed since it was read', {
          version: c.version,
        });
      const to = nextStatus(c.status, action);
      if (!to)
        throw AppException.conflict(
          'ILLEGAL_TRANSITION',
          `A case in status ${c.status} does not allow ${action}`,
          {
            status: c.status,
            allowed: allowedActions(c.status),
          },
        );
      const { changes, data } = await step(em, c);
      await this.repo.updateCase(em, id, { ...changes, status: to });
      await this.record(em, c.complaintId, id, `ARBITRATION_${action}`, viewer, {
        ...data,
        fromStatus: c.status,
        toStatus: to,
      });
    });
    this.outbox.notifyCommitted();
    // Read after commit: the clocks are read through DeadlinesService on its own connection.
    return this.view(this.tx.manager, (await this.repo.findCase(this.tx.manager, id))!);
  }

  /** Arbitrators must be active ARBITRATOR accounts. */
  private async assertArbitrators(em: EntityManager, ids: string[], field: string): Promise<void> {
    for (const uid of ids) {
      const u = await this.users.findById(em, uid);
      if (!u || u.role !== 'ARBITRATOR' || !u.active)
        throw AppException.validation([{ field, message: `${uid} is not an arbitrator` }]);
    }
  }

  /**
   * The case timeline lives on the complaint's (case_events takes COMPLAINT case types only): arbitration events
   * carry the arbitration case id and the statuses in `data`.
   */
  private async record(
    em: EntityManager,
    complaintId: string,
    arbitrationCaseId: string,
    action: string,
    actor: Principal | null,
    data: Record<string, unknown>,
  ): Promise<void> {
    await this.audit.append(em, {
      caseType: 'COMPLAINT',
      caseId: complaintId,
      action,
      actor,
      data: { arbitrationCaseId, ...data },
    });
  }

  private async notify(
    em: EntityManager,
    c: ArbitrationCase,
    template: SmsTemplateId,
    key: string,
    params: Record<string, string>,
  ): Promise<void> {
    await this.outbox.enqueue(em, JobName.PartyNotify, {
      complaintId: c.complaintId,
      template,
      dedupKey: `arbitration:${c.id}:${key}`,
      params,
    });
  }

  private async view(em: EntityManager, c: ArbitrationCase): Promise<ArbitrationCaseViewDto> {
    const [claims, hearings, clocks] = await Promise.all([
      this.repo.claimsOf(em, c.id),
      this.repo.hearingsOf(em, c.id),
      this.deadlines.forCase(ARBITRATION_CASE_TYPE, c.id),
    ]);
    return {
      id: c.id,
      complaintId: c.complaintId,
      source: c.source,
      sourceMediationCaseId: c.sourceMediationCaseId,
      status: c.status,
      version: c.version,
      jurisdictionCode: c.jurisdictionCode,
      collective: c.collective,
      tribunal: c.tribunal,
      arbitratorIds: c.arbitratorIds,
      appliedOn: c.appliedOn,
      acceptedOn: c.acceptedOn,
      rejectionReason: c.rejectionReason,
      closedOn: c.closedOn,
      closureType: c.closureType,
      finalAward: c.finalAward,
      awardServedOn: c.awardServedOn,
      suitDeadline: c.suitDeadline,
      claims: claims.map((x) => ({
        id: x.id,
        seq: x.seq,
        type: x.type,
        description: x.description,
        amountFen: x.amountFen,
        awardedFen: x.awardedFen,
        awardReason: x.awardReason,
        final: x.final,
      })),
      hearings: hearings.map((h) => ({
        id: h.id,
        room: h.room,
        startsAt: h.startsAt.toISOString(),
        endsAt: h.endsAt.toISOString(),
        arbitratorIds: h.arbitratorIds,
        postponedAt: h.postponedAt?.toISOString() ?? null,
        replacedBy: h.replacedBy,
      })),
      clocks,
    };
  }
}
