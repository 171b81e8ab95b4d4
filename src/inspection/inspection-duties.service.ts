import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { Principal } from '../auth/roles';
import { CalendarService } from '../calendar/calendar.service';
import { compareDates } from '../calendar/local-date';
import { AppException, fieldError } from '../common/errors/app-exception';
import { ReportChannelService } from '../complaints/report-channel.service';
import { ComplianceService } from '../compliance/compliance.service';
import type { InspectionCaseViewDto } from './dto/inspection.dto';
import { InspectionFindings } from './inspection-findings';
import type { Findings } from './inspection-findings.rules';
import {
  additionalCompensationFen,
  orderToPayIgnored,
  reportRewardRefusals,
  type DeclaredMajorGround,
} from './inspection-duties.rules';
import { INSPECTION_CASE_TYPE } from './inspection.constants';
import { InspectionRepository } from './inspection.repository';
import {
  answerInTime,
  answersToNotice,
  earliestPenaltyDecision,
  printedPeriods,
  statementDue,
  type NoticeAnswerKind,
} from './inspection.rules';
import { InspectionProceeding } from './inspection-proceeding';
import type { InspectionDocument } from './entities/inspection-document.entity';

/** The notices the employer answers: a proposed penalty (行政处罚法) or a proposed 行政处理决定 (监察条例 第十九条). */
const NOTICE_KINDS = ['PENALTY_NOTICE', 'HANDLING_NOTICE'] as const;

/**
 * The brigade's duties in an investigation (16.9): two inspectors for every investigative act (监察条例 第十六条), the
 * employer heard before a 行政处理决定 as before a penalty (第十九条), 加付赔偿金 after an ignored order to pay (第二十六条)
 * and the reward that only a substantiated 举报 carries (第九条).
 */
@Injectable()
export class InspectionDutiesService {
  constructor(
    private readonly cases: InspectionProceeding,
    private readonly repo: InspectionRepository,
    private readonly findingsOf: InspectionFindings,
    private readonly audit: AuditService,
    private readonly calendar: CalendarService,
    private readonly channel: ReportChannelService,
    private readonly compliance: ComplianceService,
  ) {}

  /**
   * The record of an investigative act (调查、检查) and its findings: made by at least two different inspectors, each an
   * inspector the case accepts (InspectionFindings: 400 otherwise); they join the case's assigned inspectors.
   */
  findings(
    viewer: Principal,
    id: string,
    dto: Findings & { version: number; inspectorIds: string[]; on?: string },
  ): Promise<InspectionCaseViewDto> {
    return this.cases.transition(viewer, id, dto.version, 'RECORD_FINDINGS', dto.on, (em, c) =>
      this.findingsOf.record(em, c, dto),
    );
  }

  /** The latest notice the employer may answer (a penalty or a handling notice), or null. */
  private async latestNotice(em: EntityManager, id: string): Promise<InspectionDocument | null> {
    const notices = await Promise.all(NOTICE_KINDS.map((k) => this.repo.latestDocument(em, id, k)));
    return (
      notices
        .filter((d): d is InspectionDocument => d !== null)
        .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime())[0] ?? null
    );
  }

  /**
   * The employer's statement, hearing request (in time or not, 行政处罚法 第六十四条; a penalty notice only), waiver, or
   * the hearing held on an in-time request (its record, 第六十五条: the decision follows it; 409 NO_HEARING_REQUESTED
   * without one), answering the latest notice (409 NO_NOTICE_TO_ANSWER without one; 400 `on` dated before it); the
   * notice's number is recorded, and whether the answer was in time (answerInTime: a late statement is kept, marked
   * `inTime: false`, and does not cut the statement period short).
   */
  response(
    viewer: Principal,
    id: string,
    dto: { version: number; kind: NoticeAnswerKind; on: string; summary?: string },
  ): Promise<InspectionCaseViewDto> {
    if (dto.kind === 'HEARING_HELD' && !dto.summary?.trim())
      throw AppException.validation([
        fieldError(
          'summary',
          'isDefined',
          '登记听证须填写听证笔录摘要',
          'a hearing is recorded with its summary',
        ),
      ]);
    return this.cases.transition(viewer, id, dto.version, 'RECORD_RESPONSE', dto.on, async (em, _c, on) => {
      const notice = await this.latestNotice(em, id);
      if (!notice) throw AppException.conflict('NO_NOTICE_TO_ANSWER', 'No notice was issued to answer');
      if (compareDates(on, notice.issuedOn) < 0)
        throw AppException.validation([
          fieldError(
            'on',
            'notBeforeNotice',
            `on 不能早于告知书的送达日期（${notice.issuedOn}）`,
            `on cannot precede the notice it answers (served ${notice.issuedOn})`,
          ),
        ]);
      if (dto.kind === 'HEARING_HELD') {
        const requested = answersToNotice(
          await this.audit.timeline(em, INSPECTION_CASE_TYPE, id),
          notice,
        ).some((a) => a.kind === 'HEARING_REQUEST' && a.inTime);
        if (!requested)
          throw AppException.conflict(
            'NO_HEARING_REQUESTED',
            'No hearing was asked for in time on this notice',
            {
              noticeDocNo: notice.docNo,
            },
          );
      }
      if (dto.kind === 'HEARING_REQUEST' && notice.kind !== 'PENALTY_NOTICE')
        throw AppException.validation([
          fieldError(
            'kind',
            'penaltyNotice',
            '只能针对拟作出的行政处罚申请听证',
            'a hearing (听证) is requested against a proposed penalty only',
          ),
        ]);
      const calendar = await this.calendar.calendar(em);
      const { statementDueOn } = printedPeriods(calendar, notice);
      const inTime = answerInTime(calendar, { issuedOn: notice.issuedOn, statementDueOn }, dto.kind, on);
      return {
        changes: {},
        data: { kind: dto.kind, inTime, summary: dto.summary ?? null, noticeDocNo: notice.docNo },
      };
    });
  }

  /** 行政处理事先告知书: the proposed decision and the right to state a case within the period (监察条例 第十九条). */
  noticeHandling(
    viewer: Principal,
    id: string,
    dto: { version: number; violations: string; proposed: string; basis: string; on?: string },
  ): Promise<InspectionCaseViewDto> {
    return this.cases.transition(viewer, id, dto.version, 'NOTICE_HANDLING', dto.on, async (em, _c, on) => {
      const statementDueOn = statementDue(await this.calendar.calendar(em), on);
      return {
        changes: {},
        data: { statementDueOn },
        document: {
          kind: 'HANDLING_NOTICE' as const,
          violations: dto.violations,
          proposed: dto.proposed,
          basis: dto.basis,
          statementDueOn,
        },
      };
    });
  }

  /**
   * 行政处理决定书: only after a 行政处理事先告知书 (409 EMPLOYER_NOT_HEARD) and once its statement period ran or the
   * employer answered it (409 STATEMENT_PERIOD_RUNNING). With `compensationPercent`, 加付赔偿金 on the wages still owed —
   * only when an order to pay was ignored (409 ORDER_TO_PAY_NOT_IGNORED).
   */
  decideHandling(
    viewer: Principal,
    id: string,
    dto: {
      version: number;
      violations: string;
      decision: string;
      basis: string;
      compensationPercent?: number;
      on?: string;
    },
  ): Promise<InspectionCaseViewDto> {
    return this.cases.transition(viewer, id, dto.version, 'DECIDE_HANDLING', dto.on, async (em, c, on) => {
      const notice = await this.repo.latestDocument(em, id, 'HANDLING_NOTICE');
      if (!notice)
        throw AppException.conflict(
          'EMPLOYER_NOT_HEARD',
          'The employer must be told the proposed decision and heard first (劳动保障监察条例 第十九条)',
          { remedies: ['NOTICE_HANDLING'] },
        );
      // Answered in time: a late statement does not cut the period short (answerInTime).
      const answered = answersToNotice(await this.audit.timeline(em, INSPECTION_CASE_TYPE, id), notice).some(
        (a) => a.inTime,
      );
      const { statementDueOn } = printedPeriods(await this.calendar.calendar(em), notice);
      const earliest = earliestPenaltyDecision({ servedOn: notice.issuedOn, statementDueOn }, answered);
      if (on < earliest)
        throw AppException.conflict(
          'STATEMENT_PERIOD_RUNNING',
          'The employer may still state its case: decide after the period in the notice (劳动保障监察条例 第十九条)',
          { noticeIssuedOn: notice.issuedOn, earliestDecisionOn: earliest },
        );
      let compensation: { owedFen: number; percent: number; amountFen: number } | null = null;
      if (dto.compensationPercent !== undefined) {
        const order = await this.repo.latestDocument(em, id, 'RECTIFICATION_ORDER');
        const owedFen = Math.max(0, c.arrearsFen - c.recoveredFen);
        const ignored = orderToPayIgnored(
          { complianceDueOn: order ? c.rectifyDueOn : null, refused: c.orderRefused, unpaidFen: owedFen },
          on,
        );
        if (!ignored)
          throw AppException.conflict(
            'ORDER_TO_PAY_NOT_IGNORED',
            '加付赔偿金 only after an order to pay was not complied with (劳动保障监察条例 第二十六条)',
            { rectifyDueOn: c.rectifyDueOn, orderRefused: c.orderRefused, owedFen },
          );
        compensation = {
          owedFen,
          percent: dto.compensationPercent,
          amountFen: additionalCompensationFen(owedFen, dto.compensationPercent),
        };
      }
      return {
        changes: { violationFound: true },
        data: { noticeDocNo: notice.docNo, compensation },
        // The complainant learns the decision, and the compensation owed to the workers (not a reporter: 第九条).
        notify: {
          template: compensation ? 'INSPECTION_COMPENSATION_ORDERED' : 'INSPECTION_HANDLING_DECIDED',
          params: {
            decision: dto.decision,
            ...(compensation ? { amountFen: String(compensation.amountFen) } : {}),
          },
        },
        document: {
          kind: 'HANDLING_DECISION' as const,
          violations: dto.violations,
          decision: dto.decision,
          basis: dto.basis,
          compensation,
        },
      };
    });
  }

  /**
   * 举报奖励: once (409 ALREADY_REWARDED), for a case opened from a 举报, concluded with a violation decided and 重大
   * (监察条例 第九条; reportRewardRefusals: 409 NOT_A_REPORT / REPORT_NOT_SUBSTANTIATED / VIOLATION_NOT_MAJOR). Recorded on the case without anything about
   * the reporter (为举报人保密); the reporter is told on the report's own channel, the only way to reach them.
   */
  rewardReport(
    viewer: Principal,
    id: string,
    dto: {
      version: number;
      amountFen: number;
      basis: string;
      majorGround?: DeclaredMajorGround;
      on?: string;
    },
  ): Promise<InspectionCaseViewDto> {
    return this.cases.transition(viewer, id, dto.version, 'REWARD_REPORT', dto.on, async (em, c, on) => {
      if (c.reportRewardFen !== null)
        throw AppException.conflict('ALREADY_REWARDED', 'The report was already rewarded', {
          reportRewardFen: c.reportRewardFen,
          reportRewardOn: c.reportRewardOn,
        });
      const finding = await this.compliance.inspectionFinding(em, c.id);
      const refusals = reportRewardRefusals(c, finding, dto.majorGround ?? null);
      if (refusals.length)
        throw AppException.conflict(
          refusals[0],
          'A reward is for a substantiated report of a major violation, once its case is concluded (监察条例 第九条)',
          {
            source: c.source,
            status: c.status,
            closureType: c.closureType,
            recordedMajor: finding?.major ?? null,
            refusals,
          },
        );
      await this.channel.post(em, c.complaintId!, 'REPORT_REWARD_DECIDED', {
        amountFen: String(dto.amountFen),
      });
      return {
        changes: { reportRewardFen: dto.amountFen, reportRewardOn: on },
        data: {
          amountFen: dto.amountFen,
          basis: dto.basis,
          majorGround: finding?.major ? 'RECORDED' : dto.majorGround,
        },
      };
    });
  }
}
