import { addDays, compareDates, daysBetween } from '../calendar/local-date';
import { fieldError, type FieldError } from '../common/errors/app-exception';

// ---------------------------------------------------------------------------------------------------------------
// 关停并转迁 notices
// ---------------------------------------------------------------------------------------------------------------

/** 关停 / 并 / 转 / 迁: closure, merger, conversion (转产/改制), relocation. */
export const CLOSURE_KINDS = ['CLOSURE', 'MERGER', 'CONVERSION', 'RELOCATION'] as const;
export type ClosureKind = (typeof CLOSURE_KINDS)[number];

export interface ClosurePlan {
  /** The day the employer told its staff and the labor administration. */
  notifiedOn: string;
  /** The day the closure, merger, conversion or relocation takes effect. */
  effectiveOn: string;
  workersAffected: number;
  resettlementPlan: string | null;
}

/**
 * Field errors of a closure notice recorded on `today`. A notice announces something to come: the effective date
 * may not be past. Workers affected need a resettlement plan (职工安置方案), which the staff congress reviews —
 * 企业民主管理规定 (总工发〔2012〕12号) 第十三条; contracts continue through a merger (劳动合同法 第三十四条) or end
 * with severance on closure (第四十四条第(五)项, 第四十六条).
 */
export function closurePlanErrors(plan: ClosurePlan, today: string): FieldError[] {
  const errors: FieldError[] = [];
  if (compareDates(plan.notifiedOn, today) > 0)
    errors.push(
      fieldError(
        'notifiedOn',
        'notInFuture',
        'notifiedOn 不能晚于今天',
        'notifiedOn must not be in the future',
      ),
    );
  if (compareDates(plan.effectiveOn, today) < 0)
    errors.push(
      fieldError(
        'effectiveOn',
        'notInPast',
        'effectiveOn 不能早于今天：须事先告知',
        'effectiveOn must not be in the past: a notice is given in advance',
      ),
    );
  else if (compareDates(plan.effectiveOn, plan.notifiedOn) < 0)
    errors.push(
      fieldError(
        'effectiveOn',
        'notBeforeNotifiedOn',
        'effectiveOn 不能早于 notifiedOn',
        'effectiveOn must not be before notifiedOn',
      ),
    );
  if (plan.workersAffected > 0 && !plan.resettlementPlan?.trim())
    errors.push(
      fieldError(
        'resettlementPlan',
        'isDefined',
        '涉及职工的，须提交职工安置方案',
        'a resettlement plan is required when workers are affected',
      ),
    );
  return errors;
}

// ---------------------------------------------------------------------------------------------------------------
// 集体合同备案 (registration and review of collective contracts)
// ---------------------------------------------------------------------------------------------------------------

/** 综合集体合同 and the special collective contracts (专项集体合同) of 集体合同规定 第三条. */
export const CONTRACT_KINDS = [
  'COMPREHENSIVE',
  'WAGES',
  'WOMEN_WORKERS',
  'SAFETY_AND_HEALTH',
  'OTHER_SPECIAL',
] as const;
export type ContractKind = (typeof CONTRACT_KINDS)[number];

export const COLLECTIVE_CONTRACT_RULES = {
  // 集体合同规定 (劳动和社会保障部令第22号, 2004) 第四十二条: 自双方首席代表签字之日起10日内 报送劳动保障行政部门审查.
  SUBMIT_WITHIN_DAYS: 10,
  // 集体合同规定 第四十五条: 有异议的，应当自收到文本之日起15日内将《审查意见书》送达双方协商代表;
  // 第四十七条 (and 劳动合同法 第五十四条): 自收到文本之日起15日内未提出异议的，即行生效.
  REVIEW_DAYS: 15,
} as const;

/** Stored review states; EFFECTIVE is derived from the date (see `collectiveContractStatus`), never stored. */
export const STORED_CONTRACT_STATUSES = ['SUBMITTED', 'OBJECTED'] as const;
export type StoredContractStatus = (typeof STORED_CONTRACT_STATUSES)[number];
export const CONTRACT_STATUSES = ['SUBMITTED', 'EFFECTIVE', 'OBJECTED'] as const;
export type ContractStatus = (typeof CONTRACT_STATUSES)[number];

/**
 * The review period of a text received on `submittedOn`: the day of receipt is not counted (民法典 第二百零一条),
 * so the last day an objection is in time is the 15th day after it, and without one the contract is in force
 * from the next day. Calendar days, not rolled forward over holidays (the period binds the administration).
 */
export function reviewPeriod(submittedOn: string): { objectionDeadline: string; effectiveOn: string } {
  const objectionDeadline = addDays(submittedOn, COLLECTIVE_CONTRACT_RULES.REVIEW_DAYS);
  return { objectionDeadline, effectiveOn: addDays(objectionDeadline, 1) };
}

/** The status on `today`: an unobjected contract whose review period has run out is EFFECTIVE. */
export function collectiveContractStatus(
  c: { status: StoredContractStatus; effectiveOn: string },
  today: string,
): ContractStatus {
  if (c.status === 'OBJECTED') return 'OBJECTED';
  return compareDates(today, c.effectiveOn) >= 0 ? 'EFFECTIVE' : 'SUBMITTED';
}

/** Submitted more than 10 days after signature (第四十二条): recorded and flagged, not refused. */
export function submittedLate(signedOn: string, submittedOn: string): boolean {
  return daysBetween(signedOn, submittedOn) > COLLECTIVE_CONTRACT_RULES.SUBMIT_WITHIN_DAYS;
}

export function contractFilingErrors(
  c: { signedOn: string; submittedOn: string },
  today: string,
): FieldError[] {
  const errors: FieldError[] = [];
  if (compareDates(c.submittedOn, today) > 0)
    errors.push(
      fieldError(
        'submittedOn',
        'notInFuture',
        'submittedOn 不能晚于今天',
        'submittedOn must not be in the future',
      ),
    );
  if (compareDates(c.signedOn, c.submittedOn) > 0)
    errors.push(
      fieldError(
        'signedOn',
        'notAfterSubmittedOn',
        'signedOn 不能晚于 submittedOn',
        'signedOn must not be after submittedOn',
      ),
    );
  return errors;
}

export type ObjectionCheck =
  | { ok: true }
  | { ok: false; kind: 'INVALID'; errors: FieldError[] }
  | { ok: false; kind: 'ALREADY_OBJECTED' | 'REVIEW_PERIOD_OVER' };

/**
 * May the administration object on `objectedOn`, entered on `today`? Only within the 15 days (第四十五条、第四十七条),
 * and only while they run: once `today` is past the deadline the contract is in force (EFFECTIVE) and an objection,
 * even one dated within the period, is refused (REVIEW_PERIOD_OVER), since no transition leaves EFFECTIVE
 * (docs/state-machines.md). A paper objection issued in time must be entered by the deadline.
 */
export function objectionCheck(
  c: { status: StoredContractStatus; submittedOn: string; objectionDeadline: string },
  objectedOn: string,
  today: string,
): ObjectionCheck {
  if (c.status === 'OBJECTED') return { ok: false, kind: 'ALREADY_OBJECTED' };
  if (compareDates(today, c.objectionDeadline) > 0) return { ok: false, kind: 'REVIEW_PERIOD_OVER' };
  if (compareDates(objectedOn, today) > 0)
    return {
      ok: false,
      kind: 'INVALID',
      errors: [
        fieldError(
          'objectedOn',
          'notInFuture',
          'objectedOn 不能晚于今天',
          'objectedOn must not be in the future',
        ),
      ],
    };
  if (compareDates(objectedOn, c.submittedOn) < 0)
    return {
      ok: false,
      kind: 'INVALID',
      errors: [
        fieldError(
          'objectedOn',
          'notBeforeSubmittedOn',
          'objectedOn 不能早于 submittedOn',
          'objectedOn must not be before submittedOn',
        ),
      ],
    };
  // objectedOn ≤ today ≤ objectionDeadline here: the objection is dated within the period.
  return { ok: true };
}

// ---------------------------------------------------------------------------------------------------------------
// 和谐劳动关系企业 register
// ---------------------------------------------------------------------------------------------------------------

/** 区级 / 市级 recognition (和谐劳动关系创建示范企业 / 达标企业). */
export const HARMONIOUS_LEVELS = ['DISTRICT', 'CITY'] as const;
export type HarmoniousLevel = (typeof HARMONIOUS_LEVELS)[number];

export const HARMONIOUS_RULES = {
  // Platform KPI of the district (issue 5): at least 1,200 enterprises on the register, counted once each however
  // many recognitions they hold. Policy basis: 中共中央 国务院关于构建和谐劳动关系的意见 (中发〔2015〕10号).
  KPI_TARGET: 1200,
} as const;

export function harmoniousEntryErrors(
  e: { year: number; recognisedOn: string; validUntil: string },
  today: string,
): FieldError[] {
  const errors: FieldError[] = [];
  if (compareDates(e.recognisedOn, today) > 0)
    errors.push(
      fieldError(
        'recognisedOn',
        'notInFuture',
        'recognisedOn 不能晚于今天',
        'recognisedOn must not be in the future',
      ),
    );
  if (compareDates(e.validUntil, e.recognisedOn) < 0)
    errors.push(
      fieldError(
        'validUntil',
        'notBeforeRecognisedOn',
        'validUntil 不能早于 recognisedOn',
        'validUntil must not be before recognisedOn',
      ),
    );
  const y = Number(e.recognisedOn.slice(0, 4));
  if (e.year > y)
    errors.push(
      fieldError(
        'year',
        'notAfterRecognisedOn',
        'year（评定年度）不能晚于 recognisedOn 所在年份',
        'year (the assessment year) must not be after the year of recognisedOn',
      ),
    );
  return errors;
}

/** On the register on `asOf`: recognised, not expired, not revoked. */
export function onRegister(
  e: { recognisedOn: string; validUntil: string; revokedOn: string | null },
  asOf: string,
): boolean {
  return (
    compareDates(e.recognisedOn, asOf) <= 0 &&
    compareDates(asOf, e.validUntil) <= 0 &&
    (e.revokedOn === null || compareDates(asOf, e.revokedOn) < 0)
  );
}
