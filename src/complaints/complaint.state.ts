import { addYears, compareDates } from '../calendar/local-date';
import type { SmsTemplateId } from '../notifications/templates';
import type { ComplaintStatus } from './complaint.constants';
import { AppException, fieldError, type FieldError } from '../common/errors/app-exception';

/**
 * Intake decisions. A complaint is accepted (受理) or refused in writing with the reason within 5 working days
 * (关于实施《劳动保障监察条例》若干规定 第十八条); routing to mediation, arbitration or inspection extends this.
 */
export const COMPLAINT_TRANSITIONS: Readonly<Record<ComplaintStatus, readonly ComplaintStatus[]>> = {
  // 若干规定 第十八条第三款: no identifiable employer → the complainant is asked to complete it (补正), not refused.
  // The complainant may withdraw (撤回) before a decision; after it only with the body's consent (withdrawal.rules.ts).
  SUBMITTED: ['ACCEPTED', 'REJECTED', 'CORRECTION_REQUESTED', 'WITHDRAWN'],
  // Completed by the complainant: submitted again, with a new 5-working-day acceptance period from that day.
  CORRECTION_REQUESTED: ['SUBMITTED', 'WITHDRAWN'],
  // An accepted complaint is routed to mediation, arbitration or inspection.
  ACCEPTED: ['ROUTED', 'WITHDRAWN'],
  REJECTED: [],
  // Re-routed to another body while the first never opened a case or ended without deciding the matter
  // (reroute.rules.ts; 若干规定 第十八条第四款, 调解仲裁法 第五条).
  ROUTED: ['ROUTED', 'WITHDRAWN'],
  WITHDRAWN: [],
};

export function canTransition(from: ComplaintStatus, to: ComplaintStatus): boolean {
  return COMPLAINT_TRANSITIONS[from].includes(to);
}

/** Platform policy (issue 4): the same complainant, employer and category within this many days is flagged. */
export const DUPLICATE_WINDOW_DAYS = 30;

/**
 * Why a complaint is not accepted; each cites where the law says so. 若干规定 第十八条 has three conditions in its
 * first paragraph — （一）the violation happened within 2 years, （二）an identifiable employer, （三）a labor-security
 * matter within this department's jurisdiction — and a different outcome for each failed one (第二至四款). A missing
 * employer is not a reason to refuse: it is 补正 (`CORRECTION_REQUESTED`, complaint-correction.service.ts).
 */
export const REJECTION_REASONS = {
  // 若干规定 第十八条第一款第（三）项、第四款: 告知投诉人向有关劳动保障行政部门提出
  OUT_OF_JURISDICTION: '不属于本机关管辖',
  // 若干规定 第十八条第一款第（一）项、第二款 / 劳动保障监察条例 第二十条: 违法行为在二年内未被发现的，不再查处
  OVER_LOOKBACK: '超过二年查处期限',
  // 劳动保障监察条例 第二十一条第二款: 已经按照劳动争议处理程序申请调解、仲裁或者已经提起诉讼的，告知投诉人依照该程序办理
  IN_ARBITRATION_OR_COURT: '已进入劳动争议调解、仲裁或诉讼程序',
  // 若干规定 第十八条第一款第（三）项、第四款: 不属于劳动保障监察职权范围的，告诉投诉人
  NOT_LABOR_SECURITY_MATTER: '不属于劳动保障监察事项',
  DUPLICATE: '重复投诉，已并案处理',
  OTHER: '其他（见说明）',
} as const;
export type RejectionReason = keyof typeof REJECTION_REASONS;

/**
 * How each reason reaches the complainant. Only a violation older than two years gets a written refusal (不予受理,
 * within the 5 working days of 第十八条第二款); the others are a notice (告知) of where to turn instead.
 * `legalBasis` is the default citation; `needsReferral`: the notice must name where to go (第十八条第四款).
 */
export const REJECTION_OUTCOMES: Readonly<
  Record<
    RejectionReason,
    { outcome: 'REFUSAL' | 'NOTICE'; legalBasis: string | null; needsReferral: boolean }
  >
> = {
  OVER_LOOKBACK: {
    outcome: 'REFUSAL',
    legalBasis:
      '关于实施《劳动保障监察条例》若干规定 第十八条第一款第（一）项、第二款; 劳动保障监察条例 第二十条',
    needsReferral: false,
  },
  OUT_OF_JURISDICTION: {
    outcome: 'NOTICE',
    legalBasis: '关于实施《劳动保障监察条例》若干规定 第十八条第一款第（三）项、第四款',
    needsReferral: true,
  },
  NOT_LABOR_SECURITY_MATTER: {
    outcome: 'NOTICE',
    legalBasis: '关于实施《劳动保障监察条例》若干规定 第十八条第一款第（三）项、第四款',
    needsReferral: true,
  },
  IN_ARBITRATION_OR_COURT: {
    outcome: 'NOTICE',
    legalBasis: '劳动保障监察条例 第二十一条第二款',
    needsReferral: false,
  },
  DUPLICATE: { outcome: 'NOTICE', legalBasis: null, needsReferral: false },
  OTHER: { outcome: 'NOTICE', legalBasis: null, needsReferral: false },
};

/** What the complainant is sent for a refusal or a notice, and what the timeline records. */
export function rejectionMessage(
  reason: RejectionReason,
  given: { legalBasis?: string; referTo?: string },
):
  | {
      ok: true;
      outcome: 'REFUSAL' | 'NOTICE';
      legalBasis: string;
      referTo: string | null;
      template: SmsTemplateId;
    }
  | { ok: false; errors: FieldError[] } {
  const rule = REJECTION_OUTCOMES[reason];
  const legalBasis = given.legalBasis ?? rule.legalBasis;
  const errors: FieldError[] = [];
  if (!legalBasis)
    errors.push(
      fieldError(
        'legalBasis',
        'isDefined',
        `以 ${reason} 为由的决定须写明法律依据`,
        `reason ${reason} needs the legal basis of the decision`,
      ),
    );
  if (rule.needsReferral && !given.referTo)
    errors.push(
      fieldError(
        'referTo',
        'isDefined',
        `以 ${reason} 为由的决定须告知投诉人向何处投诉或申请（若干规定第十八条第四款）`,
        `reason ${reason} must tell the complainant where to turn (若干规定 第十八条第四款)`,
      ),
    );
  if (errors.length > 0 || !legalBasis) return { ok: false, errors };
  return {
    ok: true,
    outcome: rule.outcome,
    legalBasis,
    referTo: given.referTo ?? null,
    // A written refusal (不予受理) only for OVER_LOOKBACK; the rest are notices (告知).
    template: rule.outcome === 'REFUSAL' ? 'COMPLAINT_REJECTED' : 'COMPLAINT_NOT_ACCEPTED_NOTICE',
  };
}

/**
 * The two-year look-back (劳动保障监察条例 第二十条: 违反劳动保障法律的行为在2年内未被发现，也未被举报、投诉的，不再查处):
 * within it when the complaint was received by the same calendar day two years after the violation ended (民法典
 * 第二百零二条); a continuing violation (null) always is. One rule for the complaint's refusal (OVER_LOOKBACK) and the
 * inspection case's 立案 (inspectionLookback).
 */
export function twoYearLookback(
  violationEndedOn: string | null,
  receivedOn: string,
): { withinLimit: boolean; limitDate: string | null } {
  if (violationEndedOn === null) return { withinLimit: true, limitDate: null };
  const limitDate = addYears(violationEndedOn, 2);
  return { withinLimit: compareDates(receivedOn, limitDate) <= 0, limitDate };
}

/**
 * The day a violation ended, given with a decision on it (a complaint refused as over two years old, an inspection
 * case's acceptance), is no later than the day of the decision (`on`, itself no later than today): the two-year
 * look-back runs from it (监察条例 第二十条第二款), so a future end is impossible input, never counted. A continuing
 * violation is `null`, not a future date.
 */
// 劳动保障监察条例 第二十条: two years from the violation, or from the end of a continuing one.
export function violationEndedOnError(violationEndedOn: string | null, on: string): FieldError | null {
  if (violationEndedOn === null || violationEndedOn <= on) return null;
  return fieldError(
    'violationEndedOn',
    'notInFuture',
    `violationEndedOn 不能晚于 ${on}（作出决定之日；违法行为仍在继续的，填 null）`,
    `violationEndedOn must not be after ${on} (the day of the decision)`,
  );
}

/**
 * The day the violation ended, as a refusal gives it: one refused as over two years old names it (400 `isDefined`
 * without it; null while it continues), and no refusal dates it after `on` (violationEndedOnError). One rule for the
 * complaint's refusal and the inspection case's (若干规定 第十八条第一款第（一）项).
 */
// 劳动保障监察条例 第二十条: the two years run from the end of the violation, so a refusal for them names it.
export function refusalEndErrors(
  reason: string,
  violationEndedOn: string | null | undefined,
  on: string,
): FieldError[] {
  if (reason === 'OVER_LOOKBACK' && violationEndedOn === undefined)
    return [
      fieldError(
        'violationEndedOn',
        'isDefined',
        '以超过二年为由不予受理，须填写违法行为终了日期（持续中填 null）',
        'give the day the violation ended (null while it continues) to refuse it as over two years old',
      ),
    ];
  const ended = violationEndedOnError(violationEndedOn ?? null, on);
  return ended ? [ended] : [];
}

/**
 * 409 WITHIN_LOOKBACK unless the violation ended more than two years before the complaint (or report) was received
 * (twoYearLookback; a continuing violation never did): the complaint's refusal and the inspection case's.
 */
// 劳动保障监察条例 第二十条: 违法行为在2年内未被发现，也未被举报、投诉的，不再查处 — only then.
export function assertOverLookback(violationEndedOn: string | null, receivedOn: string): void {
  const lookback = twoYearLookback(violationEndedOn, receivedOn);
  if (lookback.withinLimit)
    throw AppException.conflict('WITHIN_LOOKBACK', 'The violation is within the two years', {
      violationEndedOn,
      receivedOn,
      lastDay: lookback.limitDate,
    });
}
