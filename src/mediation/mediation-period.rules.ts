import { AppException, fieldError, type FieldError } from '../common/errors/app-exception';
import type { MediationStatus } from './mediation.state';

/** 调解仲裁法 第十四条第三款: no agreement within 15 days of the application and a party may apply for arbitration. */
export const MEDIATION_PERIOD_CITATION = '中华人民共和国劳动争议调解仲裁法 第十四条第三款';
/**
 * The mediation period is extended only when both parties agree to it: 企业劳动争议协商调解规定 第二十七条 says so for an
 * enterprise's committee; a street's people's mediation committee has no rule of its own (人民调解法 sets no period),
 * so the platform applies it by analogy (参照) — the 15 days of 调解仲裁法 第十四条 are the parties' right to go on to
 * arbitration, which both may agree not to use yet.
 */
export const MEDIATION_EXTENSION_CITATION = '参照 企业劳动争议协商调解规定 第二十七条';
/** The law sets no cap on an agreed extension; the platform allows one more period (MEDIATION_DEADLINE_RULES.MEDIATION). */
export const MEDIATION_MAX_EXTENSION_DAYS = 15;

/** What staff may still do with an open case whose period ends before the session they want to hold. */
export const AFTER_PERIOD_ALLOWED = ['EXTEND_PERIOD', 'AGREE', 'FAIL', 'WITHDRAW'] as const;

/**
 * A session must fall within the mediation period (its Asia/Shanghai date on or before the period's due date,
 * extensions included): after it, a session needs an extension agreed by the parties first. 409
 * MEDIATION_PERIOD_OVER with the period, the citation and the allowed actions otherwise.
 */
export function assertSessionWithinPeriod(
  status: MediationStatus,
  sessionOn: string,
  periodDue: string | null,
): void {
  if (periodDue === null || sessionOn <= periodDue) return;
  throw AppException.conflict(
    'MEDIATION_PERIOD_OVER',
    `The session on ${sessionOn} is after the mediation period, which ends on ${periodDue}; record an extension agreed by both parties first (${MEDIATION_EXTENSION_CITATION})`,
    {
      status,
      action: 'SCHEDULE_SESSION',
      sessionOn,
      periodDue,
      rule: `${MEDIATION_PERIOD_CITATION}; ${MEDIATION_EXTENSION_CITATION}`,
      allowed: [...AFTER_PERIOD_ALLOWED],
    },
  );
}

export interface ExtensionInput {
  days: number;
  workerAgreed: boolean;
  employerAgreed: boolean;
}

/** Field errors of an extension: both parties agreed (第二十七条), 1..MEDIATION_MAX_EXTENSION_DAYS days. */
export function extensionErrors(e: ExtensionInput): FieldError[] {
  const errors: FieldError[] = [];
  if (!Number.isInteger(e.days) || e.days < 1 || e.days > MEDIATION_MAX_EXTENSION_DAYS)
    errors.push(
      fieldError(
        'days',
        'range',
        `须为 1 至 ${MEDIATION_MAX_EXTENSION_DAYS} 之间的整数`,
        `an integer from 1 to ${MEDIATION_MAX_EXTENSION_DAYS}`,
      ),
    );
  const why = `the period is extended only when both parties agree (${MEDIATION_EXTENSION_CITATION})`;
  const whyZh = `双方当事人均同意的，方可延长调解期限（${MEDIATION_EXTENSION_CITATION}）`;
  if (e.workerAgreed !== true) errors.push(fieldError('workerAgreed', 'bothAgree', whyZh, why));
  if (e.employerAgreed !== true) errors.push(fieldError('employerAgreed', 'bothAgree', whyZh, why));
  return errors;
}
