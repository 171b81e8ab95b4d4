import { fieldError, type FieldError } from '../common/errors/app-exception';
import { entersViolationHistory, INSPECTION_RULES } from './inspection.rules';

/**
 * Duties of the inspection brigade in an investigation, as pure rules: two inspectors per investigative act, the
 * employer heard before a 行政处理决定 as before a penalty, 加付赔偿金 after an ignored order to pay, and what only a
 * 举报 (not a 投诉) carries: the reporter's reward.
 */

export const DUTY_RULES = {
  // 劳动保障监察条例 第十六条: 劳动保障监察员进行调查、检查，不得少于2人
  MIN_INSPECTORS: INSPECTION_RULES.MIN_INSPECTORS,
  // 劳动保障监察条例 第二十六条: 逾期不支付的，责令用人单位按照应付金额50%以上1倍以下的标准计算，向劳动者加付赔偿金
  COMPENSATION_MIN_PERCENT: 50,
  COMPENSATION_MAX_PERCENT: 100,
} as const;

/** Why the inspectors named for an investigative act are not enough (监察条例 第十六条), or null. */
export function investigationTeamError(inspectorIds: readonly string[]): string | null {
  const distinct = new Set(inspectorIds).size;
  return distinct >= DUTY_RULES.MIN_INSPECTORS
    ? null
    : `调查、检查 needs at least ${DUTY_RULES.MIN_INSPECTORS} different inspectors (劳动保障监察条例 第十六条); ${distinct} named`;
}

export interface OrderToPay {
  /** The 责令改正指令书's compliance date (责令限期支付); null when no order was issued. */
  complianceDueOn: string | null;
  /** The employer refused to pay after the order (recorded). */
  refused: boolean;
  /** Wages still unpaid, fen (arrears − recovered). */
  unpaidFen: number;
}

/**
 * 逾期不支付 (监察条例 第二十六条): an order to pay was issued and, on `on`, wages are still unpaid and the employer either
 * refused or let the compliance date pass (the day after it at the earliest).
 */
export function orderToPayIgnored(o: OrderToPay, on: string): boolean {
  if (o.complianceDueOn === null || o.unpaidFen <= 0) return false;
  return o.refused || on > o.complianceDueOn;
}

/** 加付赔偿金 = the amount owed × a rate of 50 %–100 % (第二十六条), in whole fen (rounded down). */
export function additionalCompensationFen(owedFen: number, percent: number): number {
  if (
    !Number.isInteger(percent) ||
    percent < DUTY_RULES.COMPENSATION_MIN_PERCENT ||
    percent > DUTY_RULES.COMPENSATION_MAX_PERCENT
  )
    throw new RangeError('percent must be an integer from 50 to 100 (劳动保障监察条例 第二十六条)');
  if (!Number.isSafeInteger(owedFen) || owedFen < 0)
    throw new RangeError('owedFen must be a whole, non-negative fen');
  return Math.floor((owedFen * percent) / 100);
}

/**
 * 人社部令第29号 第五条's grounds of a major violation other than those the closing computes (（一）数额较大 or a transfer,
 * （六）a mass incident: the violation's `major`): the supervisor names one when rewarding a report of such a violation.
 */
export const DECLARED_MAJOR_GROUNDS = [
  'SOCIAL_INSURANCE', // （二）不依法参加社会保险或者不依法缴纳社会保险费，情节严重的
  'WORKING_TIME', // （三）违反工作时间和休息休假规定，情节严重的
  'SPECIAL_PROTECTION', // （四）违反女职工和未成年工特殊劳动保护规定，情节严重的
  'CHILD_LABOUR', // （五）违反禁止使用童工规定的
  'OTHER_MAJOR', // （七）其他重大劳动保障违法行为
] as const;
export type DeclaredMajorGround = (typeof DECLARED_MAJOR_GROUNDS)[number];

export type RewardRefusal =
  'NOT_A_REPORT' | 'CASE_NOT_CONCLUDED' | 'REPORT_NOT_SUBSTANTIATED' | 'VIOLATION_NOT_MAJOR';

/**
 * A reward is for a 举报 only (监察条例 第九条: 对举报属实，为查处重大违反劳动保障法律、法规或者规章的行为提供主要线索和证据的
 * 举报人，给予奖励): the case came from a report, it was concluded (查处: closed) with a violation decided — the closing
 * entered it into the employer's history (not revoked, merged or without violation: 举报属实) — and the violation was
 * 重大: recorded as major at the closing, or a ground of 29号令 第五条 the supervisor names (platform reading of 重大).
 * A 投诉 is the worker's own request for their rights: no reward. Returns the reasons it may not be granted ([] when
 * it may).
 */
export function reportRewardRefusals(
  c: {
    source: string;
    status: string;
    violationFound: boolean | null;
    employerId: string | null;
    closureType: string | null;
  },
  finding: { major: boolean } | null,
  declared: DeclaredMajorGround | null,
): RewardRefusal[] {
  const reasons: RewardRefusal[] = [];
  if (c.source !== 'REPORT') reasons.push('NOT_A_REPORT');
  if (c.status !== 'CLOSED') reasons.push('CASE_NOT_CONCLUDED');
  else if (!entersViolationHistory(c) || finding === null) reasons.push('REPORT_NOT_SUBSTANTIATED');
  else if (!finding.major && declared === null) reasons.push('VIOLATION_NOT_MAJOR');
  return reasons;
}

/**
 * The day an employer is asked to appear (询问通知书, 监察条例 第十五条) falls after the notice and no later than the
 * investigation is due (60 working days from 立案, 30 more if extended: 第十七条), so the inquiry serves the
 * investigation; while the period is paused (no due date) only the first bound holds.
 */
// 劳动保障监察条例 第十七条: the investigation ends within 60 (+30) working days of 立案.
export function appearOnError(
  appearOn: string,
  on: string,
  investigationDueOn: string | null,
): FieldError | null {
  if (appearOn <= on)
    return fieldError(
      'appearOn',
      'afterNotice',
      'appearOn 须晚于通知日期',
      'appearOn must be after the notice date',
    );
  if (investigationDueOn === null || appearOn <= investigationDueOn) return null;
  return fieldError(
    'appearOn',
    'byInvestigationDue',
    `appearOn 不能晚于调查期限 ${investigationDueOn}（劳动保障监察条例 第十七条）`,
    `appearOn must not be after ${investigationDueOn}, the day the investigation is due (劳动保障监察条例 第十七条)`,
    { investigationDueOn },
  );
}
