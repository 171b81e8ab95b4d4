import { Injectable } from '@nestjs/common';
import type { Principal } from '../auth/roles';
import { daysBetween, todayInShanghai } from '../calendar/local-date';
import { TransactionRunner } from '../database/transaction';
import { DeadlinesService } from '../deadlines/deadlines.service';
import { StaffDirectory } from '../staff/staff-directory.service';
import {
  AWARD_CLOCK,
  byDueOn,
  DECISION_CLOCKS,
  dueByCase,
  openCaseDue,
  TAKE_UP_CLOCK,
  takeUpListed,
  type AtRiskCaseType,
  type AtRiskItem,
  type AtRiskReason,
} from './at-risk.rules';
import { SlaReportsRepository, type OpenCaseRow } from './sla-reports.repository';
import { SlaService } from './sla.service';

/**
 * GET /api/v1/sla/at-risk: open cases to act on, soonest first, in the viewer's scope (SlaService.scope): arbitration
 * applications awaiting the 受理 decision and inspection cases awaiting 立案, with the due date of their running
 * acceptance period (DECISION_CLOCKS); accepted arbitration cases (all count in this year's closure rate and must close
 * by 31 December; the award deadline decides WILL_BREACH) and 立案 inspection cases whose investigation deadline falls
 * by year-end or has passed (openCaseDue); and complaints routed to inspection whose case the brigade has not opened,
 * when their take-up period (TAKE_UP_CLOCK) is due within the window or has passed.
 */
@Injectable()
export class SlaAtRisk {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly sla: SlaService,
    private readonly repo: SlaReportsRepository,
    private readonly deadlines: DeadlinesService,
    private readonly staff: StaffDirectory,
  ) {}

  async list(viewer: Principal, q: { street?: string; limit?: number }): Promise<{ items: AtRiskItem[] }> {
    const today = todayInShanghai();
    const scope = await this.sla.scope(viewer, q.street);
    const em = this.tx.manager;
    const yearEnd = `${today.slice(0, 4)}-12-31`;
    const clocks = await this.deadlines.dueWithin(viewer, daysBetween(today, yearEnd) + 400, 'DAY', today);
    const awardDue = dueByCase(clocks, 'ARBITRATION', AWARD_CLOCK);
    const decisionDue = (t: AtRiskCaseType) => dueByCase(clocks, t, DECISION_CLOCKS[t].ruleId);
    const [arbitrationDecisions, inspectionDecisions] = [
      decisionDue('ARBITRATION'),
      decisionDue('INSPECTION'),
    ];
    const takeUpDue = new Map(
      [...dueByCase(clocks, 'COMPLAINT', TAKE_UP_CLOCK.ruleId)].filter(([, due]) => takeUpListed(due, today)),
    );
    const [undecidedArbitration, undecidedInspection, arbitration, inspection, notTakenUp] =
      await Promise.all([
        this.repo.undecidedArbitration(em, scope, [...arbitrationDecisions.keys()]),
        this.repo.undecidedInspection(em, scope, [...inspectionDecisions.keys()]),
        this.repo.openArbitration(em, scope),
        this.repo.openInspection(em, scope, yearEnd),
        this.repo.notTakenUp(em, scope, TAKE_UP_CLOCK.routeTarget, [...takeUpDue.keys()]),
      ]);
    const item = (r: OpenCaseRow, due: { dueOn: string; reason: AtRiskReason }): AtRiskItem => ({
      caseType: r.case_type,
      caseId: r.case_id,
      caseNo: r.case_no,
      street: r.street_code,
      organisationId: r.organisation_id,
      owner: r.owner_id ? ({ userId: r.owner_id } as AtRiskItem['owner']) : null,
      dueOn: due.dueOn,
      daysRemaining: daysBetween(today, due.dueOn),
      reason: due.reason,
    });
    const decision = (r: OpenCaseRow, dues: Map<string, string>) =>
      item(r, { dueOn: dues.get(r.case_id)!, reason: DECISION_CLOCKS[r.case_type as AtRiskCaseType].reason });
    const items = [
      ...undecidedArbitration.map((r) => decision(r, arbitrationDecisions)),
      ...undecidedInspection.map((r) => decision(r, inspectionDecisions)),
      ...arbitration.map((r) => item(r, openCaseDue(awardDue.get(r.case_id) ?? null, today))),
      ...inspection.map((r) => item(r, openCaseDue(r.due_on, today))),
      ...notTakenUp.map((r) => item(r, { dueOn: takeUpDue.get(r.case_id)!, reason: TAKE_UP_CLOCK.reason })),
    ].sort(byDueOn);
    const page = items.slice(0, q.limit ?? 50);
    const staff = await this.staff.describe(
      em,
      page.map((i) => i.owner?.userId),
    );
    for (const i of page) {
      const owner = i.owner && staff.get(i.owner.userId);
      i.owner = owner ? { ...owner, userId: owner.id } : null;
    }
    return { items: page };
  }
}
