import { Injectable } from '@nestjs/common';
import { ArbitrationColleagues } from './arbitration-colleagues';
import { EntityManager } from 'typeorm';
import type { Principal } from '../auth/roles';
import { CalendarService } from '../calendar/calendar.service';
import { computeNoticeDeadline, earliestAnchorAfter, latestDayBefore } from '../calendar/deadline-engine';
import { ARBITRATION_DEADLINE_RULES } from './arbitration.deadline-rules';
import { addDays, todayInShanghai } from '../calendar/local-date';
import { AppException, fieldError } from '../common/errors/app-exception';
import { newId } from '../common/ids';
import { ARBITRATION_CASE_TYPE, HEARING_SLOT_MINUTES, type HearingAttendance } from './arbitration.constants';
import {
  answerPeriodsProblem,
  defenceClocks,
  HEARING_DEFENCE_GATES,
  HEARING_DECISION_DEADLINE_CITATION,
  hearingAfterDecisionDeadline,
} from './arbitration-hearing.rules';
import {
  DEFAULT_WORKING_HOURS,
  workingTimeProblem,
  type WorkingTimeProblem,
} from '../calendar/working-hours';
import { allowedActions, allowedGiven } from './arbitration.state';
import { ArbitrationProceeding } from './arbitration-proceeding';
import { DeadlinesService, type ClockView } from '../deadlines/deadlines.service';
import { ArbitrationRepository } from './arbitration.repository';
import type { ArbitrationCaseViewDto } from './dto/arbitration-view.dto';
import type { ArbitrationCase } from './entities/arbitration-case.entity';

export interface HearingOverride {
  reason: string;
}

/** Hearings (开庭): notice, booking without double booking, postponement (调解仲裁法 第三十五条). */
@Injectable()
export class ArbitrationHearingsService {
  constructor(
    private readonly repo: ArbitrationRepository,
    private readonly calendar: CalendarService,
    private readonly p: ArbitrationProceeding,
    private readonly deadlines: DeadlinesService,
    private readonly colleagues: ArbitrationColleagues,
  ) {}

  /**
   * 开庭: written notice at least 5 working days before (调解仲裁法 第三十五条, 办案规则 第八十条; served today, so 5
   * working days must lie between today and the hearing day: computeNoticeDeadline), and no room or arbitrator booked twice in an overlapping 2-hour slot.
   */
  async scheduleHearing(
    viewer: Principal,
    id: string,
    dto: {
      version: number;
      room: string;
      startsAt: string;
      arbitratorIds?: string[];
      override?: HearingOverride;
    },
  ): Promise<ArbitrationCaseViewDto> {
    return this.p.transition(viewer, id, dto.version, 'SCHEDULE_HEARING', async (em, c) => {
      const h = await this.bookHearing(em, c, dto);
      await this.p.notify(em, c, 'ARBITRATION_HEARING_SCHEDULED', `hearing:${h.hearingId}`, {
        hearingDate: h.hearingDate,
        startsAt: h.startsAt,
        room: dto.room,
      });
      await this.tellEmployer(
        em,
        c,
        'ARBITRATION_HEARING_SCHEDULED_EMPLOYER',
        h.hearingId,
        dto.room,
        h.startsAt,
      );
      return {
        changes: {},
        data: { hearingId: h.hearingId, room: dto.room, startsAt: h.startsAt, ...h.overridden },
      };
    });
  }

  /**
   * 延期开庭: a party asked, at least 3 working days before the hearing, to postpone it; the commission decides (调解仲裁法
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
      override?: HearingOverride;
    },
  ): Promise<ArbitrationCaseViewDto> {
    return this.p.transition(viewer, id, dto.version, 'POSTPONE_HEARING', async (em, c) => {
      const old = await this.repo.hearingOfCase(em, id, hearingId);
      if (!old || old.postponedAt || old.cancelledAt || old.heldAt)
        throw AppException.notFound('HEARING_NOT_FOUND', 'No such scheduled hearing of this case');
      const oldDate = todayInShanghai(old.startsAt);
      const latestRequest = latestDayBefore(
        ARBITRATION_DEADLINE_RULES.ARBITRATION_POSTPONEMENT_REQUEST,
        oldDate,
        await this.calendar.calendar(em),
      ).date;
      if (dto.requestedOn > todayInShanghai())
        throw AppException.validation([
          fieldError(
            'requestedOn',
            'notInFuture',
            'requestedOn 不能晚于今天',
            'requestedOn must not be in the future',
          ),
        ]);
      if (dto.requestedOn > latestRequest)
        throw AppException.badRequest(
          'POSTPONEMENT_REQUEST_TOO_LATE',
          'A postponement must be requested at least 3 working days before the hearing (调解仲裁法 第三十五条)',
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
        override: dto.override,
      });
      await this.repo.markPostponed(em, old.id, dto.reason, h.hearingId);
      await this.p.notify(em, c, 'ARBITRATION_HEARING_POSTPONED', `postponed:${old.id}`, {
        hearingDate: h.hearingDate,
        startsAt: h.startsAt,
        room: dto.room ?? old.room,
      });
      const room = dto.room ?? old.room;
      await this.tellEmployer(em, c, 'ARBITRATION_HEARING_POSTPONED_EMPLOYER', h.hearingId, room, h.startsAt);
      return {
        changes: {},
        data: {
          postponedHearingId: old.id,
          hearingId: h.hearingId,
          startsAt: h.startsAt,
          reason: dto.reason,
          ...h.overridden,
        },
      };
    });
  }

  /**
   * 庭审笔录: the hearing took place (its start has passed) and its record is entered — who attended and a summary of
   * the minutes (调解仲裁法 第四十条). An award or a 调解书 needs one (ARBITRATION_GATES), or a decision on the papers.
   */
  async recordHearing(
    viewer: Principal,
    id: string,
    hearingId: string,
    dto: { version: number; attendance: HearingAttendance; minutesSummary: string },
  ): Promise<ArbitrationCaseViewDto> {
    return this.p.transition(viewer, id, dto.version, 'RECORD_HEARING', async (em, c) => {
      const h = await this.repo.hearingOfCase(em, id, hearingId);
      if (!h || h.postponedAt || h.cancelledAt)
        throw AppException.notFound('HEARING_NOT_FOUND', 'No such scheduled hearing of this case');
      if (h.heldAt)
        throw AppException.conflict('HEARING_ALREADY_RECORDED', 'The record of this hearing is entered', {
          hearingId,
        });
      if (h.startsAt.getTime() > Date.now())
        throw AppException.conflict('HEARING_NOT_YET_HELD', 'A hearing is recorded once it has taken place', {
          startsAt: h.startsAt.toISOString(),
          allowed: allowedGiven(c.status, await this.p.gateFacts(em, c)).filter(
            (a) => a !== 'RECORD_HEARING',
          ),
        });
      await this.repo.recordHearing(em, h.id, {
        heldAt: h.startsAt,
        attendance: dto.attendance,
        minutesSummary: dto.minutesSummary,
      });
      return { changes: {}, data: { hearingId, attendance: dto.attendance } };
    });
  }

  /**
   * The employer (被申请人) is told of the hearing as the worker is: both parties are notified of its date and place
   * (调解仲裁法 第三十五条). Once per hearing and case version (the dedup key), queued in the booking's transaction and
   * sent at once like the worker's (a staff act, not scheduled work: PARTY_SMS_HOURS binds the sweeps). A record of a
   * service attempt only: no clock is stopped or started on its delivery.
   */
  private tellEmployer(
    em: EntityManager,
    c: ArbitrationCase,
    template: 'ARBITRATION_HEARING_SCHEDULED_EMPLOYER' | 'ARBITRATION_HEARING_POSTPONED_EMPLOYER',
    hearingId: string,
    room: string,
    startsAt: string,
  ): Promise<void> {
    // A case without a commission has no number (arbitration.service.ts accept): 待定 stands in for it.
    return this.p.notifyEmployer(em, c, template, `hearing:${hearingId}:v${c.version}`, {
      caseNo: c.caseNo ?? '待定',
      startsAt,
      room,
    });
  }

  /**
   * 409 unless the hearing day lies after the respondent's answer period (调解仲裁法 第三十条: ten working days from
   * service, 办案规则 第八十条) — and after each new one a change of the claims started (办案规则 第四十四条) — or the defence is
   * in; before service is recorded, no hearing day (answerPeriodsProblem).
   */
  private assertAfterAnswerPeriod(
    c: ArbitrationCase,
    clocks: readonly ClockView[],
    hearingDate: string,
  ): void {
    // Every answer period: the application's and one per change of the claims not waived (办案规则 第四十四条).
    const refused = answerPeriodsProblem(defenceClocks(clocks), hearingDate);
    if (!refused) return;
    const { problem, period } = refused;
    const gate = HEARING_DEFENCE_GATES[problem];
    const lastDay = period.state === 'SERVED' ? period.lastDay : null;
    throw AppException.conflict(
      problem,
      problem === 'HEARING_BEFORE_SERVICE'
        ? 'Record the service of the application on the respondent before setting a hearing (调解仲裁法 第三十条)'
        : 'The hearing must fall after the respondent’s answer period ends, unless the defence was received (调解仲裁法 第三十条)',
      {
        field: 'startsAt',
        hearingDate,
        ...(period.state === 'SERVED' ? { servedOn: period.servedOn, answerPeriodLastDay: lastDay } : {}),
        ...(lastDay ? { earliestHearingDate: addDays(lastDay, 1) } : {}),
        citation: gate.citation,
        remedies: gate.remedies.filter((a) => allowedActions(c.status).includes(a)),
      },
    );
  }

  /**
   * 409 HEARING_AFTER_DECISION_DEADLINE when the hearing day is after the decision deadline (调解仲裁法 第四十三条: 45
   * days from acceptance, at most 15 more with the director's approval, entered as an EXTEND of the clock).
   */
  private assertWithinDecisionPeriod(clocks: readonly ClockView[], hearingDate: string): void {
    const decision = clocks.find((k) => k.rule.id === 'ARBITRATION_DECISION');
    const late = hearingAfterDecisionDeadline(decision, hearingDate);
    if (!late) return;
    throw AppException.conflict(
      'HEARING_AFTER_DECISION_DEADLINE',
      `The hearing on ${hearingDate} is after the decision deadline ${late.decisionDue}: the case must be decided by then (调解仲裁法 第四十三条)`,
      {
        field: 'startsAt',
        hearingDate,
        ...late,
        clockId: decision!.id,
        citation: HEARING_DECISION_DEADLINE_CITATION,
      },
    );
  }

  /**
   * Books a hearing: 5 working days' notice (第三十五条), after the respondent's answer period (第三十条), not after the
   * decision deadline (第四十三条) and no room or arbitrator booked twice (checked under a lock).
   */
  private async bookHearing(
    em: EntityManager,
    c: ArbitrationCase,
    dto: { room: string; startsAt: string; arbitratorIds?: string[]; override?: HearingOverride },
  ): Promise<{
    hearingId: string;
    hearingDate: string;
    startsAt: string;
    overridden: { override?: { problem: WorkingTimeProblem; reason: string } };
  }> {
    const startsAt = new Date(dto.startsAt);
    const hearingDate = todayInShanghai(startsAt);
    const today = todayInShanghai();
    const clocks = await this.deadlines.forCase(ARBITRATION_CASE_TYPE, c.id, today, em);
    // Before the notice: counting its working days back from a day years away is slow, and pointless when refused.
    this.assertAfterAnswerPeriod(c, clocks, hearingDate);
    this.assertWithinDecisionPeriod(clocks, hearingDate);
    const cal = await this.calendar.calendar(em);
    const rule = ARBITRATION_DEADLINE_RULES.ARBITRATION_HEARING_NOTICE;
    const notice = computeNoticeDeadline(rule, hearingDate, null, today, cal);
    if (notice.state === 'BREACHED')
      throw AppException.badRequest(
        'HEARING_NOTICE_TOO_SHORT',
        'The parties must be notified at least 5 working days before the hearing (调解仲裁法 第三十五条; 办案规则 第八十条)',
        {
          hearingDate,
          latestNoticeDate: notice.due,
          earliestHearingDate: earliestAnchorAfter(rule, today, cal).date,
        },
      );
    // On a working day within the commission's hours; otherwise only with an override and its reason (audited).
    const settings = c.commissionId ? await this.repo.commission(em, c.commissionId) : null;
    const hours = settings
      ? { starts: settings.hearingDayStarts, ends: settings.hearingDayEnds }
      : DEFAULT_WORKING_HOURS;
    const problem = workingTimeProblem(
      startsAt,
      HEARING_SLOT_MINUTES,
      hours,
      cal.isWorkingDay(hearingDate).working,
    );
    if (problem && !dto.override)
      throw AppException.badRequest(
        'HEARING_OUTSIDE_HOURS',
        problem === 'REST_DAY'
          ? 'Hearings are held on working days: give override.reason to schedule on a rest day'
          : 'The hearing is outside the commission’s hours: give override.reason to schedule it anyway',
        { field: 'startsAt', problem, hearingDate, hours, slotMinutes: HEARING_SLOT_MINUTES },
      );
    const overridden = problem && dto.override ? { override: { problem, reason: dto.override.reason } } : {};
    const arbitratorIds = dto.arbitratorIds ?? c.arbitratorIds;
    if (dto.arbitratorIds) await this.colleagues.assertNamed(em, c, dto.arbitratorIds, 'arbitratorIds');
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
      overrideReason: overridden.override?.reason ?? null,
    });
    return { hearingId, hearingDate, startsAt: startsAt.toISOString(), overridden };
  }
}
