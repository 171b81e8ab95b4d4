import type { ComplaintCategory } from '../complaints/complaint.constants';
import type { ArbitrationStatus, ClaimType, ClosureType, TribunalKind } from './arbitration.constants';
import { rowInForce } from './simplified-procedure.rules';

/** A row of the minimum-wage table (月最低工资标准), money in fen. */
export interface MinimumWageRow {
  province: string;
  monthlyFen: number;
  effectiveFrom: string;
}

export const ARBITRATION_RULES = {
  // 调解仲裁法 第四十七条第（一）项: 不超过当地月最低工资标准十二个月金额 → 终局裁决
  FINAL_AWARD_MONTHS: 12,
  // 调解仲裁法 第七条: 劳动者一方在十人以上，并有共同请求 → 集体劳动争议
  COLLECTIVE_MIN_WORKERS: 10,
  // 调解仲裁法 第三十一条: 仲裁庭由三名仲裁员组成；简单劳动争议案件可以由一名仲裁员独任仲裁
  // (简易处理 and its average-wage threshold, a dated table per province: simplified-procedure.rules.ts, average_wages)
  THREE_MEMBER_TRIBUNAL: 3,
  // 调解仲裁法 第四十八条、第五十条: 收到裁决书之日起十五日内可以向人民法院提起诉讼
  SUIT_WINDOW_DAYS: 15,
  // 调解仲裁法 第四十九条: 用人单位自收到终局裁决书之日起三十日内可以向中级人民法院申请撤销裁决
  SET_ASIDE_WINDOW_DAYS: 30,
  // 调解仲裁法 第三十五条: 开庭五日前书面通知, 三日前请求延期: ARBITRATION_DEADLINE_RULES ARBITRATION_HEARING_NOTICE and
  // ARBITRATION_POSTPONEMENT_REQUEST (working days, 办案规则 第八十条)
} as const;

/** Province code (GB/T 2260, 6 digits) of a street/district code. */
export function provinceOf(jurisdictionCode: string): string {
  return `${jurisdictionCode.slice(0, 2)}0000`;
}

/** The monthly minimum wage in force in the province on `date` (latest row effective on or before it), or null. */
export function minimumWageOn(
  rows: readonly MinimumWageRow[],
  province: string,
  date: string,
): number | null {
  return rowInForce(rows, province, date)?.monthlyFen ?? null;
}

/** Claims whose award can be final when small enough (调解仲裁法 第四十七条第（一）项). */
const MONETARY_FINAL_TYPES: ReadonlySet<ClaimType> = new Set([
  'LABOR_REMUNERATION',
  'WORK_INJURY_MEDICAL',
  'ECONOMIC_COMPENSATION',
  'DAMAGES',
]);

/** 12 × the monthly minimum wage: the largest single award item that is final. */
export function finalAwardThresholdFen(monthlyMinimumFen: number): number {
  return ARBITRATION_RULES.FINAL_AWARD_MONTHS * monthlyMinimumFen;
}

/**
 * 一裁终局, decided per claim (办案规则 第五十条: 对单项裁决数额不超过…的事项适用终局裁决): final for labor remuneration,
 * work-injury medical costs, economic compensation or damages when the awarded amount of that item is at most
 * 12 × the monthly minimum wage in force on the application date (调解仲裁法 第四十七条第（一）项), and for disputes over
 * working-time, rest, leave and social-insurance standards (第四十七条第（二）项); everything else is not final.
 */
export function isFinalClaim(
  claim: { type: ClaimType; awardedFen: number },
  monthlyMinimumFen: number,
): boolean {
  if (claim.type === 'STANDARDS') return true;
  if (!MONETARY_FINAL_TYPES.has(claim.type)) return false;
  return claim.awardedFen <= finalAwardThresholdFen(monthlyMinimumFen);
}

/** A collective dispute: ten or more workers with a common claim (调解仲裁法 第七条). */
export function isCollective(affectedWorkers: number): boolean {
  return affectedWorkers >= ARBITRATION_RULES.COLLECTIVE_MIN_WORKERS;
}

/**
 * The arbitration claim type of a claim carried over from a complaint (a member's own, or mediation's), by the
 * complaint's category. The type decides 一裁终局 (调解仲裁法 第四十七条: 劳动报酬、工伤医疗费、经济补偿或者赔偿金;
 * 工作时间、休息休假、社会保险标准).
 */
export const CLAIM_TYPE_OF_CATEGORY: Record<ComplaintCategory, ClaimType> = {
  WAGE_ARREARS: 'LABOR_REMUNERATION',
  OVERTIME_PAY: 'LABOR_REMUNERATION',
  UNLAWFUL_TERMINATION: 'ECONOMIC_COMPENSATION',
  WORK_INJURY: 'WORK_INJURY_MEDICAL',
  WORKING_HOURS_LEAVE: 'STANDARDS',
  SOCIAL_INSURANCE: 'STANDARDS',
  NO_CONTRACT: 'OTHER',
  OTHER: 'OTHER',
};

export interface ApplicationClaim {
  type: ClaimType;
  description: string;
  /** null: a claim not to money (a member's complaint without an amount). */
  amountFen: number | null;
  /** A collective dispute's member whose own claim it is (none: the applicant's own). */
  complaintId?: string;
}

/**
 * The claims of a collective dispute's application: the applicant's as given, then every other member's own claim
 * from its complaint, each keeping its amount (调解仲裁法 第七条: one case for the workers with a common claim; the
 * other members' claims are not dropped because one of them applied first).
 */
export function collectiveClaims(
  given: readonly ApplicationClaim[],
  applicantComplaintId: string,
  members: readonly {
    complaintId: string;
    category: ComplaintCategory;
    description: string;
    amountFen: number | null;
  }[],
): ApplicationClaim[] {
  return [
    ...given,
    ...members
      .filter((m) => m.complaintId !== applicantComplaintId)
      .map((m) => ({
        type: CLAIM_TYPE_OF_CATEGORY[m.category],
        description: m.description,
        amountFen: m.amountFen,
        complaintId: m.complaintId,
      })),
  ];
}

/** The tribunal a list of arbitrators forms, or null when its size is neither 1 nor 3. */
export function tribunalKindOf(arbitratorCount: number): TribunalKind | null {
  if (arbitratorCount === 1) return 'SOLE';
  if (arbitratorCount === ARBITRATION_RULES.THREE_MEMBER_TRIBUNAL) return 'THREE';
  return null;
}

/** The case-number format of a commission without settings; {year} and {n} are replaced. */
export const DEFAULT_CASE_NUMBER_FORMAT = '劳人仲〔{year}〕第{n}号';

/** The case number (案号) in a commission's format, e.g. 浦劳人仲〔2026〕第12号. */
export function formatCaseNumber(format: string, year: number, n: number): string {
  return format.replaceAll('{year}', String(year)).replaceAll('{n}', String(n));
}

/** The name of a commission's case-number sequence for a year (a PostgreSQL identifier, ≤ 63 bytes). */
export function caseNumberSequenceName(commissionId: string, year: number): string {
  if (!/^[0-9a-f-]{36}$/i.test(commissionId) || !Number.isInteger(year))
    throw new RangeError('a commission uuid and a year');
  return `arbitration_case_no_${commissionId.replace(/-/g, '').toLowerCase()}_${year}`;
}

/** Why a 调解书 cannot close the case yet (a field error of `signedOn`), or null. */
export interface SigningError {
  constraint: 'signedByBoth' | 'notInFuture' | 'notBeforeAcceptance';
  zh: string;
  en: string;
}

/**
 * 调解仲裁法 第四十二条第三款: 调解书经双方当事人签收后，发生法律效力; 调解书送达前一方当事人反悔的，仲裁庭应当及时作出裁决 —
 * a case closes by its 调解书 only once both parties signed for it: on a day given, not after today, not before the
 * case was accepted.
 */
export function statementSigningError(
  signedOn: string | undefined,
  acceptedOn: string | null,
  today: string,
): SigningError | null {
  if (!signedOn)
    return {
      constraint: 'signedByBoth',
      zh: '调解书经双方当事人签收后方发生法律效力：请在双方签收后填写签收日期结案；一方反悔的，应及时裁决',
      en: 'a 调解书 takes effect once both parties signed for it: give the day the last party signed',
    };
  if (signedOn > today)
    return { constraint: 'notInFuture', zh: '签收日期不能晚于今天', en: 'signedOn cannot be after today' };
  if (acceptedOn && signedOn < acceptedOn)
    return {
      constraint: 'notBeforeAcceptance',
      zh: `签收日期不能早于受理日期 ${acceptedOn}`,
      en: `signedOn cannot be before the acceptance on ${acceptedOn}`,
    };
  return null;
}

/**
 * Closures that end the dispute: no new application of the complaint (or its collective dispute) is filed after them.
 * 办案规则 第三十四条第（二）项: 调解书、裁决书已经发生法律效力的, 基于同一事实、理由和仲裁请求又申请仲裁的不予受理 (一事不再理);
 * 调解仲裁法 第四十二条 (调解书 signed by both: effective), 第四十七条 (终局裁决 effective when made), 第四十八条、第五十条
 * (after any award the next step is the court, not a second arbitration). A withdrawal (第四十一条) or termination
 * decides nothing on the merits: a fresh application stays possible.
 */
export const DISPUTE_ENDING_CLOSURES: readonly ClosureType[] = ['AWARD', 'MEDIATED'];

/**
 * The states of an earlier application from a mediation after which the mediation may be escalated again: none (one
 * escalation per mediation). Escalation copies the mediation's claims, so a second one is the same 事实、理由和仲裁请求:
 * 办案规则 第三十四条第（一）项 bars it after 不予受理 (NOT_ACCEPTED), 第（二）项 while the first runs or after it decided.
 * A refusal whose cause can be cured (another respondent, clearer claims: 办案规则 第三十条第（二）、（三）项) is cured by
 * a corrected application of the worker's own (POST /arbitration/cases, DIRECT), not by the same claims again; the
 * refusal itself goes to court (调解仲裁法 第二十九条). After a withdrawal or termination the worker applies directly too.
 */
export const REESCALATION_AFTER: readonly ArbitrationStatus[] = [];

/**
 * The source of an application filed through POST /cases, or null when the caller may not file it. A complaint routed
 * to arbitration is filed as the complaint (COMPLAINT), by staff of its street or its worker. Otherwise it is the
 * worker's own application (调解仲裁法 第五条: DIRECT): the worker files it on their complaint; staff file it for
 * them, on their recorded request, only where the complaint was routed to mediation — none opened, withdrawn, failed,
 * expired, or open (which the application ends) — so the mediation rules (directApplicationStep) see it as the
 * worker's. A complaint not yet decided or routed elsewhere (inspection) is not staff's to file (null: 409).
 */
export function applicationSource(
  byWorker: boolean,
  complaint: { status: string; routeTarget: string | null },
): 'COMPLAINT' | 'DIRECT' | null {
  const routed = complaint.status === 'ROUTED';
  if (routed && complaint.routeTarget === 'ARBITRATION') return 'COMPLAINT';
  if (byWorker || (routed && complaint.routeTarget === 'MEDIATION')) return 'DIRECT';
  return null;
}

/**
 * 调解仲裁法 第三十条: the steps of the papers (application served, defence received, defence served), each with the
 * action that records it, the clock it stops and the clock it starts.
 */
export const PAPER_STEPS = {
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

/** The stored fields of an application's claim (a member's complaint, or null for the applicant's own). */
export function claimRow(
  c: ApplicationClaim,
): Omit<ApplicationClaim, 'complaintId'> & { complaintId: string | null } {
  return {
    type: c.type,
    description: c.description,
    amountFen: c.amountFen,
    complaintId: c.complaintId ?? null,
  };
}
