import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { RowsRead } from '../database/entity-rows';
import type { Principal } from '../auth/roles';
import { CalendarService } from '../calendar/calendar.service';
import { todayInShanghai } from '../calendar/local-date';
import {
  DEFAULT_WORKING_HOURS,
  workingTimeProblem,
  type WorkingTimeProblem,
} from '../calendar/working-hours';
import { AppException, fieldError } from '../common/errors/app-exception';
import { newId } from '../common/ids';
import { CollectiveService } from '../complaints/collective.service';
import { ComplaintsService } from '../complaints/complaints.service';
import { TransactionRunner } from '../database/transaction';
import type { ClockView } from '../deadlines/deadlines.service';
import { EmployersService } from '../reference/employers.service';
import type {
  CloseMediationDto,
  MediationCaseViewDto,
  MediationPageDto,
  MediationQueryDto,
  ScheduleSessionDto,
} from './dto/mediation.dto';
import type { MediationCase } from './entities/mediation-case.entity';
import { MediationCaseWriter, mediationNotFound } from './mediation-case-writer';
import { MediationClosing } from './mediation-closing';
import { MediationNotices } from './mediation-notices';
import { MediationPeriodService } from './mediation-period.service';
import { MediationRepository, type CaseDetails } from './mediation.repository';
import { MediationViews } from './mediation-views';
import {
  agreementErrors,
  CLOSE_ACTION,
  escalationReason,
  MEDIATION_TRANSITIONS,
  unpaidClaims,
  type EscalationReason,
} from './mediation.state';

export { MEDIATION_CASE } from './mediation-case-writer';

export interface EscalationSource {
  complaintId: string;
  /** The collective dispute the case is mediated for (调解仲裁法 第七条), else null. */
  collectiveDisputeId: string | null;
  employerId: string;
  /** A collective dispute's claims name their member (complaintId). */
  claims: { description: string; amountFen: number | null; complaintId?: string }[];
  reason: EscalationReason;
}

const notFound = mediationNotFound;

/** A session is assumed to last an hour (platform assumption, as a hearing's two): it must end within the hours. */
export const MEDIATION_SESSION_MINUTES = 60;

/** A complaint's mediation cases in the worker's file, oldest first, with what their views show of each. */
export interface MediationCaseFile {
  cases: MediationCase[];
  details: ReadonlyMap<string, CaseDetails>;
}

/**
 * Street-level mediation (人民调解) of a complaint routed to a mediation committee: the case, its sessions, the
 * agreement and its instalments; the 15-day period of 调解仲裁法 第十四条 runs on a MEDIATION clock.
 * Case events go on the complaint's timeline (the audit trail is per complaint).
 */
@Injectable()
export class MediationService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly repo: MediationRepository,
    private readonly complaints: ComplaintsService,
    private readonly collective: CollectiveService,
    private readonly writer: MediationCaseWriter,
    private readonly period: MediationPeriodService,
    private readonly notices: MediationNotices,
    private readonly views: MediationViews,
    private readonly employers: EmployersService,
    private readonly closing: MediationClosing,
    private readonly calendar: CalendarService,
  ) {}

  async get(viewer: Principal, id: string): Promise<MediationCaseViewDto> {
    const m = await this.visible(this.tx.manager, viewer, id);
    return this.view(this.tx.manager, viewer, m.id);
  }

  async list(viewer: Principal, q: MediationQueryDto): Promise<MediationPageDto> {
    const em = this.tx.manager;
    const prefixes = viewer.jurisdictions.filter((j) => /^\d{2,12}$/.test(j));
    const assigneeUserId = q.assignee === 'me' ? viewer.userId : undefined;
    const { page, details } = await this.repo.list(em, prefixes, { ...q, assigneeUserId });
    return {
      items: await this.views.many(em, viewer, page.items, { details, purpose: 'mediation.list' }),
      nextCursor: page.nextCursor,
    };
  }

  async scheduleSession(
    viewer: Principal,
    id: string,
    dto: ScheduleSessionDto,
  ): Promise<MediationCaseViewDto> {
    if (!dto.place === !dto.onlineLink)
      throw AppException.validation([
        ...['place', 'onlineLink'].map((f) =>
          fieldError(
            f,
            'exactlyOne',
            'place 与 onlineLink 须填写且只填写其一',
            'give exactly one of place or onlineLink',
          ),
        ),
      ]);
    const startsAt = new Date(dto.startsAt);
    if (!(startsAt.getTime() > Date.now()))
      throw AppException.validation([
        fieldError('startsAt', 'inFuture', 'startsAt 须晚于当前时间', 'startsAt must be in the future'),
      ]);
    let overridden: { override?: { problem: WorkingTimeProblem; reason: string } } = {};
    await this.tx.run((em) =>
      this.writer.transition(
        em,
        viewer,
        id,
        dto.version,
        'SCHEDULE_SESSION',
        async (m) => {
          overridden = await this.assertSessionHours(em, startsAt, dto.override);
          await this.period.assertSessionWithinPeriod(em, m, startsAt);
          // One session of the case at a time: a second at the same start would be held (and called off) twice.
          // The case row is locked (transition), so two requests cannot both pass.
          const booked = await this.repo.insertSession(em, {
            id: newId(),
            caseId: m.id,
            startsAt,
            place: dto.place ?? null,
            onlineLink: dto.onlineLink ?? null,
            notes: dto.notes ?? null,
          });
          if (!booked)
            throw AppException.conflict(
              'MEDIATION_SESSION_EXISTS',
              'The case already has a session at that time',
              {
                startsAt: startsAt.toISOString(),
              },
            );
          await this.repo.updateCase(em, m.id, {});
        },
        async (m) => {
          await this.writer.event(
            em,
            m.complaintId,
            m.id,
            'MEDIATION_SESSION_SCHEDULED',
            viewer,
            m.status,
            m.status,
            {
              startsAt: startsAt.toISOString(),
              online: !!dto.onlineLink,
              ...overridden,
            },
          );
          await this.notices.sessionScheduled(em, m, dto.startsAt, dto.place ?? dto.onlineLink ?? '');
        },
      ),
    );
    return this.view(this.tx.manager, viewer, id);
  }

  /**
   * A session is held on a working day within the committee's working hours (the default hours: committees keep none
   * of their own yet), as a hearing is; otherwise 400 MEDIATION_SESSION_OUTSIDE_HOURS unless an override gives a
   * reason, which the timeline records.
   */
  private async assertSessionHours(
    em: EntityManager,
    startsAt: Date,
    override: { reason: string } | undefined,
  ): Promise<{ override?: { problem: WorkingTimeProblem; reason: string } }> {
    const sessionDate = todayInShanghai(startsAt);
    const working = (await this.calendar.calendar(em)).isWorkingDay(sessionDate).working;
    const hours = DEFAULT_WORKING_HOURS;
    const problem = workingTimeProblem(startsAt, MEDIATION_SESSION_MINUTES, hours, working);
    if (!problem) return {};
    if (override) return { override: { problem, reason: override.reason } };
    throw AppException.badRequest(
      'MEDIATION_SESSION_OUTSIDE_HOURS',
      problem === 'REST_DAY'
        ? 'Mediation sessions are held on working days: give override.reason to schedule one on a rest day'
        : 'The session is outside the committee’s working hours: give override.reason to schedule it anyway',
      { field: 'startsAt', problem, sessionDate, hours, slotMinutes: MEDIATION_SESSION_MINUTES },
    );
  }

  /** Closes an open case: agreement (调解协议书, with its instalments), failure or withdrawal. */
  async close(viewer: Principal, id: string, dto: CloseMediationDto): Promise<MediationCaseViewDto> {
    const today = todayInShanghai();
    if (dto.outcome === 'AGREEMENT') {
      if (!dto.agreement)
        throw AppException.validation([
          fieldError('agreement', 'isDefined', '调解成功须填写调解协议', 'an agreement is required'),
        ]);
      const errors = agreementErrors(dto.agreement, today);
      if (errors.length) throw AppException.validation(errors);
    } else if (dto.agreement)
      throw AppException.validation([
        fieldError(
          'agreement',
          'onlyWithAgreement',
          '只有 outcome 为 AGREEMENT 时才能填写调解协议',
          'an agreement is given only with outcome AGREEMENT',
        ),
      ]);
    await this.tx.run((em) =>
      this.writer.transition(
        em,
        viewer,
        id,
        dto.version,
        CLOSE_ACTION[dto.outcome],
        (m, to) => this.closing.apply(em, m, to, dto, viewer, today),
        (m, to, cancelled) => this.closing.record(em, m, to, dto, viewer, cancelled),
      ),
    );
    return this.view(this.tx.manager, viewer, id);
  }

  /**
   * The read of the mediation cases of a complaint and of its collective dispute, oldest first: the worker's one
   * file, whose caller has checked the viewer sees the complaint (so every case on it or its dispute), and sends it
   * with its other reads (database/entity-rows.ts readTogether).
   */
  caseFileRead(complaintId: string, disputeId: string | null): RowsRead<MediationCase, MediationCaseFile> {
    return this.repo.casesOfComplaintOrDisputeRead(complaintId, disputeId);
  }

  /**
   * The view of a case of that file, as `viewer` sees it, with the clocks the file has read for all its cases and the
   * details read with the cases (neither read again).
   */
  async caseFileView(
    em: EntityManager,
    viewer: Principal,
    file: MediationCaseFile,
    c: MediationCase,
    clocks: ClockView[],
  ): Promise<MediationCaseViewDto> {
    const known = { clocks: new Map([[c.id, clocks]]), details: file.details };
    return (await this.views.many(em, viewer, [c], known))[0];
  }

  /** The mediation cases of a complaint, oldest first. */
  casesOfComplaint(
    em: EntityManager,
    complaintId: string,
  ): Promise<
    { id: string; caseNo: string | null; status: string; organisationId: string; createdAt: Date }[]
  > {
    return this.repo.casesOfComplaint(em, complaintId);
  }

  /** The open case covering a complaint: its own, or its collective dispute's (调解仲裁法 第七条: one case for all). */
  async openCaseCovering(
    em: EntityManager,
    complaintId: string,
    disputeId: string | null,
  ): Promise<{ id: string; status: string; complaintId: string } | null> {
    const own = (await this.repo.casesOfComplaint(em, complaintId)).find((c) => c.status === 'OPEN');
    const id = own?.id ?? (disputeId ? await this.repo.openCaseOfDispute(em, disputeId) : null);
    const m = own ?? (id ? await this.repo.findCase(em, id) : null);
    return m ? { id: m.id, status: m.status, complaintId: m.complaintId } : null;
  }

  /**
   * What arbitration needs to take over a mediation that did not settle the dispute: failed, expired, or an
   * agreement the employer defaulted on. 409 NOT_ESCALATABLE otherwise (open, withdrawn, being performed or performed).
   */
  async escalationSource(em: EntityManager, caseId: string): Promise<EscalationSource> {
    const m = await this.repo.findCase(em, caseId);
    if (!m) throw notFound();
    const agreement = await this.repo.agreementOf(em, m.id);
    const reason = escalationReason(m.status, agreement?.status ?? null);
    if (!reason)
      throw AppException.conflict(
        'NOT_ESCALATABLE',
        'This mediation case cannot be escalated to arbitration',
        {
          status: m.status,
          agreementStatus: agreement?.status ?? null,
          // what the case allows now, and when it may be escalated (mediation.state.ts)
          allowed: Object.keys(MEDIATION_TRANSITIONS[m.status]),
          escalatesWhen: ['FAILED', 'EXPIRED', 'AGREEMENT_DEFAULTED'],
        },
      );
    let claims: EscalationSource['claims'] | undefined = agreement?.claims;
    if (agreement && reason === 'DEFAULTED') {
      const instalments = await this.repo.instalmentsOf(em, agreement.id);
      const paidFen = instalments.reduce((s, i) => s + (i.status === 'PAID' ? i.amountFen : 0), 0);
      claims = unpaidClaims(agreement.claims, paidFen);
    }
    if (!claims && m.collectiveDisputeId)
      claims = await this.collective.disputeClaims(em, m.collectiveDisputeId);
    if (!claims) {
      const p = await this.complaints.forProceeding(em, m.complaintId);
      claims = [
        { description: p?.complaint.requests ?? '', amountFen: p?.complaint.claimedAmountFen ?? null },
      ];
    }
    return {
      complaintId: m.complaintId,
      collectiveDisputeId: m.collectiveDisputeId,
      employerId: m.employerId,
      claims,
      reason,
    };
  }

  /** A mediator declares a conflict of interest with an employer (回避): no new case of it is assigned to them. */
  async declareConflict(viewer: Principal, employerId: string, reason?: string): Promise<void> {
    const c = { userId: viewer.userId, employerId, reason: reason ?? null };
    const declared = await this.tx.run(async (em) => {
      if (!(await this.employers.byId(em, employerId))) return false;
      await this.repo.insertConflict(em, c);
      return true;
    });
    if (!declared) throw AppException.notFound('EMPLOYER_NOT_FOUND', 'No such employer'); // was an FK violation, a 500 (fuzz)
  }

  /** The case if the viewer may see it: staff of its jurisdiction or the complainant; else 404. */
  private async visible(em: EntityManager, viewer: Principal, id: string): Promise<MediationCase> {
    const m = await this.repo.findCase(em, id);
    if (!m) throw notFound();
    const visible =
      (await this.complaints.canSee(viewer, m.complaintId, em)) ||
      (m.collectiveDisputeId !== null &&
        (await this.complaints.canSeeDispute(viewer, m.collectiveDisputeId, em)));
    if (!visible) throw notFound();
    return m;
  }

  private view(em: EntityManager, viewer: Principal, id: string): Promise<MediationCaseViewDto> {
    return this.views.one(em, viewer, id);
  }
}
