import { Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service';
import { CalendarService } from '../calendar/calendar.service';
import type { Principal } from '../auth/roles';
import { orderToPayStage } from './wage-crime.rules';
import { AppException, fieldError } from '../common/errors/app-exception';
import { appearOnError } from './inspection-duties.rules';
import { newId } from '../common/ids';
import { DATED_ON_FIELDS, DeadlinesService } from '../deadlines/deadlines.service';
import type { InspectionCaseViewDto } from './dto/inspection.dto';
import { INSPECTION_CASE_TYPE } from './inspection.constants';
import { InspectionRepository } from './inspection.repository';
import { hearingRequestDue, INSPECTION_RULES, statementDue } from './inspection.rules';
import { assertPenaltyDecidable } from './penalty-gate';
import { assertPenaltyNoticeTimely, assertRecoveryWithinFindings, orderNotLapsed } from './inspection-bounds';
import { InspectionProceeding } from './inspection-proceeding';
import { extensionNotice } from './inspection-notices';
import { InspectionFindings } from './inspection-findings';
import type { Findings } from './inspection-findings.rules';

/** The investigation's steps after 立案: each is one transition of InspectionProceeding (one transaction). */
@Injectable()
export class InspectionActionsService {
  constructor(
    private readonly cases: InspectionProceeding,
    private readonly repo: InspectionRepository,
    private readonly deadlines: DeadlinesService,
    private readonly audit: AuditService,
    private readonly calendar: CalendarService,
    private readonly findings: InspectionFindings,
  ) {}

  /**
   * +30 working days, once, with a SUPERVISOR's approval and a reason (劳动保障监察条例 第十七条: 情况复杂的，经劳动保障
   * 行政部门负责人批准，可以延长30个工作日). The clock's EXTEND event is checked by the engine (dated on or before the due).
   */
  async extend(
    viewer: Principal,
    id: string,
    dto: { version: number; reason: string; on?: string },
  ): Promise<InspectionCaseViewDto> {
    if (viewer.role !== 'SUPERVISOR')
      throw AppException.forbidden(
        'EXTENSION_NEEDS_SUPERVISOR',
        'Only a supervisor may approve an extension',
      );
    return this.cases.transition(viewer, id, dto.version, 'EXTEND', dto.on, async (em, c, on) => {
      const amount = INSPECTION_RULES.EXTENSION_WORKDAYS;
      const event = {
        type: 'EXTEND' as const,
        date: on,
        amount,
        approver: viewer.userId,
        reason: dto.reason,
      };
      const clock = await this.cases.investigationClock(em, c);
      if (!clock) throw AppException.conflict('NO_RUNNING_INVESTIGATION', 'No investigation period runs');
      if (c.extendedDays > 0 || clock.extendedBy > 0)
        throw AppException.conflict(
          'ALREADY_EXTENDED',
          'The investigation period was already extended once',
          {
            extendedDays: Math.max(c.extendedDays, clock.extendedBy),
          },
        );
      await this.deadlines.addEvent(em, clock.id, event, viewer, undefined, DATED_ON_FIELDS);
      const after = (await this.cases.investigationClock(em, c))!;
      const due = after.due;
      return {
        // None while the clock is paused: the extended period runs again on resumption.
        changes: { extendedDays: amount, investigationDueOn: due },
        data: { extendedDays: amount, previousDueOn: c.investigationDueOn, investigationDueOn: due },
        notify: extensionNotice(after), // the complainant is told the new last day
      };
    });
  }

  /** 询问通知书 (劳动保障监察条例 第十五条), for a day within the investigation period (第十七条). */
  inquiry(
    viewer: Principal,
    id: string,
    dto: { version: number; appearOn: string; place: string; materials: string[]; on?: string },
  ): Promise<InspectionCaseViewDto> {
    return this.cases.transition(viewer, id, dto.version, 'INQUIRY_NOTICE', dto.on, (_em, c, on) => {
      const error = appearOnError(dto.appearOn, on, c.investigationDueOn);
      if (error) throw AppException.validation([error]);
      return Promise.resolve({
        changes: {},
        data: { appearOn: dto.appearOn },
        document: {
          kind: 'INQUIRY_NOTICE',
          appearOn: dto.appearOn,
          place: dto.place,
          materials: dto.materials,
        },
      });
    });
  }

  /** 责令改正指令书 with the compliance deadline (监察条例 第十八条第一款第（二）项、第二十六条). */
  orderRectify(
    viewer: Principal,
    id: string,
    dto: Findings & {
      version: number;
      violations: string;
      complianceDueOn: string;
      inspectorIds?: string[];
      on?: string;
    },
  ): Promise<InspectionCaseViewDto> {
    return this.cases.transition(viewer, id, dto.version, 'ORDER_RECTIFY', dto.on, async (em, c, on) => {
      if (dto.complianceDueOn <= on)
        throw AppException.validation([
          fieldError(
            'complianceDueOn',
            'afterOrder',
            'complianceDueOn 须晚于责令改正的日期',
            'complianceDueOn must be after the order date',
          ),
        ]);
      // Findings the order records are made by two inspectors, as any others (监察条例 第十六条; InspectionFindings).
      const found = await this.findings.record(em, c, dto);
      const arrears = found.changes.arrearsFen ?? c.arrearsFen;
      const workers = found.changes.workersAffected ?? c.workersAffected;
      return {
        changes: { ...found.changes, violationFound: true, rectifyDueOn: dto.complianceDueOn },
        data: { ...found.data, complianceDueOn: dto.complianceDueOn },
        notify: {
          template: 'INSPECTION_RECTIFICATION_ORDERED',
          params: { complianceDueOn: dto.complianceDueOn },
        },
        document: {
          kind: 'RECTIFICATION_ORDER',
          violations: dto.violations,
          arrearsFen: Math.max(0, arrears - c.recoveredFen),
          workers,
          complianceDueOn: dto.complianceDueOn,
        },
      };
    });
  }

  /**
   * The employer let the order's deadline pass without paying (刑法 第二百七十六条之一: 经政府有关部门责令支付仍不支付;
   * 法释〔2013〕3号 第四条: 在指定的期限内仍不支付): recorded only after that deadline (409 ORDER_DEADLINE_NOT_PASSED) —
   * the fact opens 加付赔偿金, the transfer to the police and the blacklist.
   */
  orderRefused(
    viewer: Principal,
    id: string,
    dto: { version: number; note?: string; on?: string },
  ): Promise<InspectionCaseViewDto> {
    return this.cases.transition(
      viewer,
      id,
      dto.version,
      'RECORD_ORDER_REFUSED',
      dto.on,
      async (em, c, on) => {
        const order = await this.repo.latestDocument(em, id, 'RECTIFICATION_ORDER');
        const early = orderNotLapsed(order, c.rectifyDueOn, on);
        if (early)
          throw AppException.conflict(
            'ORDER_DEADLINE_NOT_PASSED',
            'The order is not refused before its deadline has passed (法释〔2013〕3号 第四条)',
            { rectifyDueOn: early.dueOn, earliestOn: early.earliestOn },
          );
        // 法释〔2013〕3号 第四条: wages paid in full within the period are no refusal (nor a crime, nor a register entry).
        const payments = await this.repo.recoveriesOf(em, id);
        const facts = {
          complianceDueOn: c.rectifyDueOn,
          refusalRecorded: false,
          arrearsFen: c.arrearsFen,
          payments,
        };
        if (c.arrearsFen > 0 && orderToPayStage(facts, on) === 'PAID_IN_TIME')
          throw AppException.conflict(
            'ORDER_COMPLIED',
            'The wages were paid in full within the order’s period',
            {
              rectifyDueOn: c.rectifyDueOn,
              arrearsFen: c.arrearsFen,
            },
          );
        return {
          changes: { orderRefused: true },
          data: { orderDocNo: order!.docNo, rectifyDueOn: c.rectifyDueOn, note: dto.note ?? null },
        };
      },
    );
  }

  /**
   * Wages paid to workers (追发), in instalments; amounts in fen. Together no more than the findings (409
   * RECOVERY_EXCEEDS_FINDINGS, `recoveryExcess`): more found is recorded as findings first.
   */
  recovery(
    viewer: Principal,
    id: string,
    dto: { version: number; amountFen: number; workersCovered: number; paidOn: string },
  ): Promise<InspectionCaseViewDto> {
    return this.cases.transition(
      viewer,
      id,
      dto.version,
      'RECORD_RECOVERY',
      dto.paidOn,
      async (em, c, on) => {
        assertRecoveryWithinFindings(c, dto);
        await this.repo.insertRecovery(em, {
          id: newId(),
          caseId: id,
          paidOn: on,
          amountFen: dto.amountFen,
          workersCovered: dto.workersCovered,
          recordedBy: viewer.userId,
        });
        const recoveredFen = c.recoveredFen + dto.amountFen;
        const recoveredWorkers = c.recoveredWorkers + dto.workersCovered;
        return {
          changes: { recoveredFen, recoveredWorkers },
          data: {
            amountFen: dto.amountFen,
            workersCovered: dto.workersCovered,
            recoveredFen,
            recoveredWorkers,
          },
        };
      },
      'paidOn',
    );
  }

  /**
   * 行政处罚告知书: the proposed penalty and the right to state a case and be heard (行政处罚法 第四十四、四十五、六十四条).
   * A fine for an order not complied with waits for the order's deadline (`assertPenaltyNoticeTimely`).
   */
  noticePenalty(
    viewer: Principal,
    id: string,
    dto: { version: number; violations: string; proposedFen: number; basis: string; on?: string },
  ): Promise<InspectionCaseViewDto> {
    return this.cases.transition(viewer, id, dto.version, 'NOTICE_PENALTY', dto.on, async (em, c, on) => {
      const order = await this.repo.latestDocument(em, id, 'RECTIFICATION_ORDER');
      assertPenaltyNoticeTimely(dto, order, order ? c.rectifyDueOn : null, on);
      const calendar = await this.calendar.calendar(em);
      const statementDueOn = statementDue(calendar, on);
      const hearingDueOn = hearingRequestDue(calendar, on);
      return {
        changes: { violationFound: true },
        data: { proposedFen: dto.proposedFen, statementDueOn, hearingDueOn },
        document: {
          kind: 'PENALTY_NOTICE',
          violations: dto.violations,
          proposedFen: dto.proposedFen,
          basis: dto.basis,
          statementDueOn,
          hearingDueOn,
        },
      };
    });
  }

  /**
   * 行政处罚决定书, once the employer was heard (`penaltyDecisionRefusal`: the statement period, the period to ask for a
   * hearing, a hearing asked for in time held; 行政处罚法 第六十二、六十四、六十五条).
   */
  decidePenalty(
    viewer: Principal,
    id: string,
    dto: { version: number; violations: string; amountFen: number; basis: string; on?: string },
  ): Promise<InspectionCaseViewDto> {
    return this.cases.transition(viewer, id, dto.version, 'DECIDE_PENALTY', dto.on, async (em, _c, on) => {
      const notice = (await this.repo.latestDocument(em, id, 'PENALTY_NOTICE'))!;
      assertPenaltyDecidable(
        await this.calendar.calendar(em),
        notice,
        await this.audit.timeline(em, INSPECTION_CASE_TYPE, id),
        { on, amountFen: dto.amountFen },
      );
      return {
        changes: { penaltyFen: dto.amountFen, violationFound: true },
        data: { amountFen: dto.amountFen },
        document: {
          kind: 'PENALTY_DECISION',
          violations: dto.violations,
          amountFen: dto.amountFen,
          basis: dto.basis,
        },
      };
    });
  }

  /**
   * 移送公安机关: only when the unpaid wages meet the province's 数额较大 figure AND an order to pay was refused
   * (刑法 第二百七十六条之一; 法释〔2013〕3号 第三、四条); else 409 with what is missing. Closes the case (TRANSFERRED).
   */
  transfer(
    viewer: Principal,
    id: string,
    dto: { version: number; on?: string },
  ): Promise<InspectionCaseViewDto> {
    return this.cases.transition(viewer, id, dto.version, 'TRANSFER', dto.on, async (em, c, on) => {
      const wageCrime = await this.cases.assessCase(em, c, on);
      const missing = [
        ...(wageCrime.meets ? [] : ['THRESHOLD_NOT_MET']),
        ...(c.orderRefused ? [] : ['NO_REFUSED_ORDER_TO_PAY']),
      ];
      if (missing.length)
        throw AppException.conflict(
          'TRANSFER_CONDITIONS_NOT_MET',
          'A transfer needs unpaid wages meeting the threshold and a refused order to pay',
          { missing, wageCrime },
        );
      await this.deadlines.stopAll(em, INSPECTION_CASE_TYPE, id, on, viewer, undefined, DATED_ON_FIELDS);
      const arrearsFen = Math.max(0, c.arrearsFen - c.recoveredFen);
      return {
        changes: {
          investigationDueOn: await this.cases.closingDue(em, c),
          transferredToPolice: true,
          closureType: 'TRANSFERRED',
          closedOn: on,
          violationFound: true,
        },
        data: { closureType: 'TRANSFERRED', arrearsFen, workers: c.workersAffected },
        notify: { template: 'INSPECTION_CLOSED', params: { closureType: 'TRANSFERRED' } },
        document: {
          kind: 'TRANSFER_NOTICE',
          arrearsFen,
          workers: c.workersAffected,
          reasons: wageCrime.reasons,
        },
      };
    });
  }
}
