import { addDays } from '../calendar/local-date';
import type { ClockView } from '../deadlines/deadlines.service';
import type { StaffRef } from '../staff/staff-directory';
import { AT_RISK_WINDOW_DAYS } from './kpi.rules';

/** The at-risk list's rules as data and pure functions (GET /api/v1/sla/at-risk, SlaAtRisk; docs/kpi-definitions.md). */

export type AtRiskCaseType = 'ARBITRATION' | 'INSPECTION';
/** What a row names: a proceeding's case, or a complaint routed to a body that has not opened its case (TAKE_UP). */
export type AtRiskSubject = AtRiskCaseType | 'COMPLAINT';

/**
 * Why a case is listed: an accepted / 立案 case's own deadline passes within the window (WILL_BREACH) or it only has
 * to close by 31 December to count this year (MUST_CLOSE_BY_YEAR_END); a case not yet accepted awaits the decision
 * whose period runs (DECISION_CLOCKS): the commission's 受理 (ACCEPTANCE_DUE), the brigade's 立案 (FILING_DUE); a
 * complaint routed to inspection whose case the brigade has not opened awaits it by its take-up period (TAKE_UP_DUE).
 */
export const AT_RISK_REASONS = [
  'WILL_BREACH',
  'MUST_CLOSE_BY_YEAR_END',
  'ACCEPTANCE_DUE',
  'FILING_DUE',
  'TAKE_UP_DUE',
] as const;
export type AtRiskReason = (typeof AT_RISK_REASONS)[number];

export interface AtRiskItem {
  caseType: AtRiskSubject;
  caseId: string;
  caseNo: string;
  street: string;
  organisationId: string;
  owner: (StaffRef & { userId: string }) | null;
  dueOn: string;
  daysRemaining: number;
  reason: AtRiskReason;
}

/**
 * The staff clocks of a case not yet accepted whose period the list shows, by case type: the decision is due on the
 * clock's date (a paused or stopped one runs no period: not listed). Mediation is not listed (docs/kpi-definitions.md).
 */
export const DECISION_CLOCKS: Readonly<
  Record<AtRiskCaseType, { ruleId: string; reason: Extract<AtRiskReason, 'ACCEPTANCE_DUE' | 'FILING_DUE'> }>
> = {
  // 调解仲裁法 第二十九条 (收到仲裁申请之日起五日内 … 受理或不予受理); 办案规则 (2017) 第八十条: working days
  ARBITRATION: { ruleId: 'ARBITRATION_ACCEPTANCE', reason: 'ACCEPTANCE_DUE' },
  // 关于实施《劳动保障监察条例》若干规定 第十八条 (接到投诉之日起5个工作日内 … 受理 … 并于受理之日立案, 第十七条)
  INSPECTION: { ruleId: 'INSPECTION_ACCEPTANCE', reason: 'FILING_DUE' },
};

/**
 * The clock of a complaint routed to inspection until the brigade opens its case (COMPLAINT_TAKE_UP, 5 working days,
 * a platform rule): listed when it is due within the window or has passed (takeUpListed).
 */
// 关于实施《劳动保障监察条例》若干规定 第十八条 (接到投诉之日起5个工作日内依法受理, 并于受理之日立案)
export const TAKE_UP_CLOCK = {
  ruleId: 'COMPLAINT_TAKE_UP',
  routeTarget: 'INSPECTION',
  reason: 'TAKE_UP_DUE',
} as const;

/** Pure: whether a routed complaint's take-up period is due within the window (or passed): listed at risk. */
export function takeUpListed(due: string, today: string): boolean {
  return due <= addDays(today, AT_RISK_WINDOW_DAYS);
}

/** The award period of an accepted arbitration case (调解仲裁法 第四十三条): its WILL_BREACH date. */
export const AWARD_CLOCK = 'ARBITRATION_DECISION';

/**
 * Pure: the date and reason of an accepted / 立案 case — its statutory deadline when within the window (or passed) or
 * before 31 December, else 31 December; a case without a running deadline (paused) is bound by 31 December only.
 */
export function openCaseDue(
  statutoryDue: string | null,
  today: string,
): { dueOn: string; reason: Extract<AtRiskReason, 'WILL_BREACH' | 'MUST_CLOSE_BY_YEAR_END'> } {
  const yearEnd = `${today.slice(0, 4)}-12-31`;
  const willBreach = statutoryDue !== null && statutoryDue <= addDays(today, AT_RISK_WINDOW_DAYS);
  const dueOn = willBreach || (statutoryDue !== null && statutoryDue < yearEnd) ? statutoryDue : yearEnd;
  return { dueOn, reason: willBreach ? 'WILL_BREACH' : 'MUST_CLOSE_BY_YEAR_END' };
}

/** Pure: soonest first (overdue ones, negative daysRemaining, at the top), then by case id. */
export function byDueOn(
  a: Pick<AtRiskItem, 'dueOn' | 'caseId'>,
  b: Pick<AtRiskItem, 'dueOn' | 'caseId'>,
): number {
  return a.dueOn !== b.dueOn ? (a.dueOn < b.dueOn ? -1 : 1) : a.caseId.localeCompare(b.caseId);
}

/** Pure: the earliest due date per case of the running clocks of one case type and rule. */
export function dueByCase(
  clocks: readonly ClockView[],
  caseType: string,
  ruleId: string,
): Map<string, string> {
  const out = new Map<string, string>();
  for (const c of clocks)
    if (c.caseType === caseType && c.rule.id === ruleId && c.due !== null) {
      const known = out.get(c.caseId);
      if (known === undefined || c.due < known) out.set(c.caseId, c.due);
    }
  return out;
}
