import type { ViolationKind } from '../compliance/compliance.constants';
import { computeDeadline } from '../calendar/deadline-engine';
import { INSPECTION_DEADLINE_RULES, inspectionLookback } from './inspection.deadline-rules';
import type { WorkingCalendar } from '../calendar/working-calendar';
import { answerTiming } from '../calendar/answer-period';
import { addDays } from '../calendar/local-date';

export const INSPECTION_RULES = {
  // 劳动保障监察条例 第十七条: 60 (+30) working days — counted by the deadline engine
  // (INSPECTION_DEADLINE_RULES.INSPECTION_INVESTIGATION); repeated here for the documents.
  INVESTIGATION_WORKDAYS: 60,
  EXTENSION_WORKDAYS: 30,
  // 行政处罚法 (2021) 第四十四、四十五条: 告知拟作出的处罚及陈述、申辩权; the period to answer is set in the notice —
  // platform rule (common practice of 行政处罚告知书): 3 days from service, working days as 第八十五条 reads “三日”.
  STATEMENT_DAYS: 3,
  // 行政处罚法 (2021) 第六十四条第（一）项: 当事人要求听证的，应当在行政机关告知后五日内提出; 第八十五条: working days
  // — counted by the deadline engine (INSPECTION_DEADLINE_RULES.PENALTY_HEARING_REQUEST); repeated here for the documents.
  HEARING_REQUEST_WORKDAYS: 5,
  // 劳动保障监察条例 第十六条: 调查、检查时，劳动保障监察员不得少于2人 (recorded, not enforced: see docs)
  MIN_INSPECTORS: 2,
} as const;

/** Why a case is not opened (立案); each cites where the law says so. */
export const REFUSAL_REASONS = {
  // 若干规定 第十八条第一款第（一）项、第二款 / 监察条例 第二十条: 违法行为在2年内未被发现，也未被举报、投诉的，不再查处
  OVER_LOOKBACK:
    '违法行为已超过二年查处时限（《劳动保障监察条例》第二十条，若干规定第十八条第一款第（一）项）',
  // 若干规定 第十八条第一款第（二）项、第三款: 有明确的被投诉用人单位 — for a complaint this is 补正, not a refusal
  // (the complaint waits in CORRECTION_REQUESTED); a case reaches here only without any employer on record.
  NO_IDENTIFIED_EMPLOYER:
    '没有明确的被投诉用人单位，应告知投诉人补正（若干规定第十八条第一款第（二）项、第三款）',
  // 若干规定 第十八条第一款第（三）项、第四款 / 监察条例 第十三条: 告知投诉人向有关劳动保障行政部门提出
  OUT_OF_JURISDICTION: '不属于本机关管辖（若干规定第十八条第一款第（三）项、第四款）',
  // 劳动保障监察条例 第二十一条第二款: 已经按照劳动争议处理程序申请调解、仲裁或者已经提起诉讼的，告知依照该程序办理
  IN_ARBITRATION_OR_COURT:
    '已按照劳动争议处理程序申请调解、仲裁或者提起诉讼（《劳动保障监察条例》第二十一条第二款）',
  // 若干规定 第十八条第一款第（三）项、第四款: 属于劳动保障监察职权范围
  NOT_LABOR_SECURITY_MATTER: '不属于劳动保障监察事项（若干规定第十八条第一款第（三）项、第四款）',
  OTHER: '其他（见说明）',
} as const;
export type RefusalReason = keyof typeof REFUSAL_REASONS;

/**
 * Refusals that tell the complainant where to turn instead (`referTo`): 若干规定 第十八条第四款 (不属于劳动保障监察职权范围的，
 * 告诉投诉人向有关部门投诉; 不属于本机关管辖的，告知投诉人向有管辖权的劳动保障行政部门投诉).
 */
export const REFUSALS_NEEDING_REFERRAL: readonly RefusalReason[] = [
  'OUT_OF_JURISDICTION',
  'NOT_LABOR_SECURITY_MATTER',
];

/** Whether a refusal for these reasons must name where to turn. */
export function needsReferral(reasons: readonly RefusalReason[]): boolean {
  return reasons.some((r) => REFUSALS_NEEDING_REFERRAL.includes(r));
}

/** The sentence of the notice, SMS and case file naming where to turn ('' without a referral). */
export function referralSentence(referTo: string | null): string {
  return referTo ? `请向${referTo}投诉或反映。` : '';
}

export interface AcceptanceFacts {
  /** The date the complaint/report was received (the date the violation was reported: 监察条例 第二十条). */
  receivedOn: string;
  /** The day the violation ended (or happened); null when it is still continuing. */
  violationEndedOn: string | null;
  employerId: string | null;
  /** The workplace street of the case. */
  jurisdictionCode: string;
  /** The jurisdiction of the inspection brigade deciding (its district). */
  brigadeJurisdictionCode: string;
}

export interface AcceptanceResult {
  accept: boolean;
  reasons: { code: RefusalReason; text: string }[];
  /** The last day the violation could be reported (violationEndedOn + 2 years), null when it continues. */
  lookbackEndsOn: string | null;
}

/** Whether a brigade (its district's code) is competent for a street: 监察条例 第十三条, the workplace's district. */
export function brigadeServes(brigadeJurisdictionCode: string, streetCode: string): boolean {
  return brigadeJurisdictionCode !== '' && streetCode.startsWith(brigadeJurisdictionCode);
}

/**
 * 立案 conditions (若干规定 第十八条): an identified employer, a matter in this brigade's jurisdiction, and a violation
 * reported within 2 years of its end (监察条例 第二十条). Every failed condition is listed, for the written refusal.
 */
export function acceptanceDecision(f: AcceptanceFacts): AcceptanceResult {
  const reasons: AcceptanceResult['reasons'] = [];
  // 劳动保障监察条例 第二十条: two years from the violation, or from the end of a continuing one (calendar module).
  const lookback = inspectionLookback(f.violationEndedOn, f.receivedOn);
  const ends = lookback.limitDate;
  if (!lookback.withinLimit) reasons.push({ code: 'OVER_LOOKBACK', text: REFUSAL_REASONS.OVER_LOOKBACK });
  if (!f.employerId)
    reasons.push({ code: 'NO_IDENTIFIED_EMPLOYER', text: REFUSAL_REASONS.NO_IDENTIFIED_EMPLOYER });
  if (!brigadeServes(f.brigadeJurisdictionCode, f.jurisdictionCode))
    reasons.push({ code: 'OUT_OF_JURISDICTION', text: REFUSAL_REASONS.OUT_OF_JURISDICTION });
  return { accept: reasons.length === 0, reasons, lookbackEndsOn: ends };
}

/**
 * A decision after a notice waits for the employer's statement (陈述、申辩): until the period the notice printed has run
 * (its `statementDueOn`) unless the employer has answered (行政处罚法 第四十四、四十五、六十二条: 未告知或拒绝听取
 * 陈述、申辩的不得作出处罚决定; 监察条例 第十九条 for a 行政处理). A penalty also waits for its hearing
 * (`penaltyDecisionRefusal`).
 */
export function earliestPenaltyDecision(
  notice: { servedOn: string; statementDueOn: string },
  employerAnswered: boolean,
): string {
  return employerAnswered ? notice.servedOn : addDays(notice.statementDueOn, 1);
}

/** The periods a notice printed (`data`), or as computed for one that did not print them. */
export function printedPeriods(
  calendar: WorkingCalendar,
  notice: { issuedOn: string; data: Record<string, unknown> },
): { statementDueOn: string; hearingDueOn: string } {
  const printed = (k: string) => {
    const v = notice.data[k];
    return typeof v === 'string' ? v : null;
  };
  return {
    statementDueOn: printed('statementDueOn') ?? addDays(notice.issuedOn, INSPECTION_RULES.STATEMENT_DAYS),
    hearingDueOn: printed('hearingDueOn') ?? hearingRequestDue(calendar, notice.issuedOn),
  };
}

/**
 * The last day of the statement period a notice prints: STATEMENT_DAYS working days after service (行政处罚法 第八十五条:
 * “三日”指工作日 — the longer reading, never shorter than the calendar one).
 */
export function statementDue(calendar: WorkingCalendar, noticeServedOn: string): string {
  return calendar.addWorkingDays(noticeServedOn, INSPECTION_RULES.STATEMENT_DAYS).date;
}

/**
 * Whether an answer to a notice counts as made in time. A statement (陈述、申辩) within the period the notice printed,
 * its last day included (行政处罚法 第四十四、四十五条; 劳动保障监察条例 第十九条 for a 行政处理): one after it is recorded
 * but late — it does not answer the period, so no decision comes before the period's end on its strength. A hearing
 * request within its own 5 working days (第六十四条第（一）项). A waiver or a hearing held is not timed here.
 */
export function answerInTime(
  calendar: WorkingCalendar,
  notice: { issuedOn: string; statementDueOn: string },
  kind: NoticeAnswerKind,
  on: string,
): boolean {
  switch (kind) {
    case 'STATEMENT':
      return answerTiming({ servedOn: notice.issuedOn, lastDay: notice.statementDueOn }, on) === 'IN_TIME';
    case 'HEARING_REQUEST':
      return hearingRequestInTime(calendar, notice.issuedOn, on);
    case 'WAIVER':
    case 'HEARING_HELD':
      return true;
  }
}

/** The employer's answers to a notice, as the employer-response step records them. */
export const NOTICE_ANSWER_KINDS = ['STATEMENT', 'HEARING_REQUEST', 'WAIVER', 'HEARING_HELD'] as const;
export type NoticeAnswerKind = (typeof NOTICE_ANSWER_KINDS)[number];
export interface NoticeAnswer {
  kind: NoticeAnswerKind;
  /** A statement or a hearing request within its period (answerInTime; the other kinds: true). */
  inTime: boolean;
}

/**
 * The answers a case's timeline records to one notice (`INSPECTION_RECORD_RESPONSE` with its number; responses
 * recorded before 16.9 carry no number and count for the notice they follow).
 */
export function answersToNotice(
  timeline: readonly { action: string; data: Record<string, unknown>; occurredAt: string }[],
  notice: { docNo: string; createdAt: Date },
): NoticeAnswer[] {
  return timeline
    .filter(
      (e) =>
        e.action === 'INSPECTION_RECORD_RESPONSE' &&
        (e.data.noticeDocNo === undefined
          ? new Date(e.occurredAt) >= notice.createdAt
          : e.data.noticeDocNo === notice.docNo),
    )
    .map((e) => ({ kind: e.data.kind as NoticeAnswerKind, inTime: e.data.inTime !== false }));
}

export type PenaltyDecisionRefusal =
  | { code: 'STATEMENT_PERIOD_RUNNING' | 'HEARING_REQUEST_PERIOD_RUNNING'; earliestDecisionOn: string }
  | { code: 'PENALTY_HEARING_NOT_HELD' };

/**
 * Whether a penalty may be decided on `on` after its notice, and why not. The employer is heard first (行政处罚法
 * 第四十四、四十五、六十二条): the statement period given in the notice runs unless the employer stated its case in it; the
 * period to ask for a hearing (5 working days, 第六十四条第（一）项) runs whatever the statement — the platform cannot tell
 * whether the penalty qualifies for one (第六十三条), so it waits — unless the employer waived its rights; a hearing
 * asked for in time is held before the decision, which follows its record (第六十四条、第六十五条).
 */
export function penaltyDecisionRefusal(f: {
  noticeServedOn: string;
  statementDueOn: string;
  hearingDueOn: string;
  answers: readonly NoticeAnswer[];
  on: string;
}): PenaltyDecisionRefusal | null {
  const has = (kind: NoticeAnswerKind) => f.answers.some((a) => a.kind === kind);
  if (f.answers.some((a) => a.kind === 'HEARING_REQUEST' && a.inTime))
    return has('HEARING_HELD') ? null : { code: 'PENALTY_HEARING_NOT_HELD' };
  if (has('WAIVER')) return null;
  const afterHearingPeriod = addDays(f.hearingDueOn, 1);
  const statementEnds = earliestPenaltyDecision(
    { servedOn: f.noticeServedOn, statementDueOn: f.statementDueOn },
    f.answers.some((a) => a.kind === 'STATEMENT' && a.inTime),
  );
  if (f.on < statementEnds)
    return {
      code: 'STATEMENT_PERIOD_RUNNING',
      earliestDecisionOn: statementEnds > afterHearingPeriod ? statementEnds : afterHearingPeriod,
    };
  if (f.on < afterHearingPeriod)
    return { code: 'HEARING_REQUEST_PERIOD_RUNNING', earliestDecisionOn: afterHearingPeriod };
  return null;
}

/**
 * The last day to ask for a hearing: 5 working days after the notice (行政处罚法 第六十四条第（一）项; 第八十五条:
 * “五日”指工作日，不含法定节假日), counted by the deadline engine.
 */
export function hearingRequestDue(calendar: WorkingCalendar, noticeServedOn: string): string {
  return computeDeadline(
    INSPECTION_DEADLINE_RULES.PENALTY_HEARING_REQUEST,
    noticeServedOn,
    [],
    calendar,
    noticeServedOn,
  ).due!;
}

/** A request for a hearing is in time within 5 working days of the notice (行政处罚法 第六十四条, 第八十五条). */
export function hearingRequestInTime(
  calendar: WorkingCalendar,
  noticeServedOn: string,
  requestedOn: string,
): boolean {
  return requestedOn <= hearingRequestDue(calendar, noticeServedOn);
}

/** The complaint category → the compliance register's violation kind. */
const KIND_OF_CATEGORY: Record<string, ViolationKind> = {
  WAGE_ARREARS: 'WAGE_ARREARS',
  OVERTIME_PAY: 'OVERTIME',
  WORKING_HOURS_LEAVE: 'OVERTIME',
  NO_CONTRACT: 'NO_CONTRACT',
  SOCIAL_INSURANCE: 'SOCIAL_INSURANCE',
};

export interface ClosedCaseFacts {
  arrearsFen: number;
  workersAffected: number;
  orderRefused: boolean;
  transferredToPolice: boolean;
  massIncident: boolean;
}

/**
 * Whether a closed case enters the employer's violation history: a violation found and a decision made on it (人社部令
 * 第29号 第五条: 已经依法查处并作出处理决定的) — not a case merged into another (并案: that case records it, once) nor one
 * revoked (撤销立案, 监察条例 第十八条第一款第（三）项: nothing was decided).
 */
export function entersViolationHistory(c: {
  violationFound: boolean | null;
  employerId: string | null;
  closureType: string | null;
}): boolean {
  return (
    c.violationFound === true &&
    c.employerId !== null &&
    c.closureType !== 'MERGED' &&
    c.closureType !== 'REVOKED'
  );
}

/**
 * What a closed case with a violation found writes into the employer's violation history. `major` marks what
 * 重大劳动保障违法行为社会公布办法 (人社部令第29号) 第五条 lists for publication: wages withheld or unpaid in a large
 * amount (数额较大, read as the province's 拒不支付劳动报酬罪 figure) and a transfer for 拒不支付劳动报酬 (both 第五条
 * 第（一）项), and violations causing a mass incident (第五条第（六）项 “造成严重不良社会影响”, read broadly).
 */
export function violationFactsOf(
  c: ClosedCaseFacts,
  complaintCategory: string | null,
  meetsCrimeThreshold: boolean,
) {
  const kinds = new Set<ViolationKind>();
  if (c.arrearsFen > 0) kinds.add('WAGE_ARREARS');
  const mapped = complaintCategory ? KIND_OF_CATEGORY[complaintCategory] : undefined;
  if (mapped) kinds.add(mapped);
  if (kinds.size === 0) kinds.add('OTHER');
  return {
    kinds: [...kinds],
    arrearsFen: c.arrearsFen,
    workersAffected: c.workersAffected,
    orderRefused: c.orderRefused,
    massIncident: c.massIncident,
    criminalTransfer: c.transferredToPolice,
    meetsCrimeThreshold,
    major: meetsCrimeThreshold || c.transferredToPolice || c.massIncident,
  };
}
