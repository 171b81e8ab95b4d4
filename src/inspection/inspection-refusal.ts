import { AppException, fieldError, type FieldError } from '../common/errors/app-exception';
import { assertOverLookback, refusalEndErrors } from '../complaints/complaint.state';
import type { InspectionCase } from './entities';
import type { StepResult } from './inspection-proceeding';
import { needsReferral, referralSentence, REFUSAL_REASONS, type RefusalReason } from './inspection.rules';

/** A written refusal (不予受理): its reasons, the staff's note, where to turn instead, the violation's end. */
export interface Refusal {
  reasons: RefusalReason[];
  note: string | null;
  referTo: string | null;
  violationEndedOn: string | null;
}

/** 若干规定 第十八条第四款: a refusal outside the remit or the district names where to turn (400 on `referTo`). */
export function referralErrors(reasons: readonly RefusalReason[], referTo: string | null): FieldError[] {
  return needsReferral(reasons) && !referTo
    ? [
        fieldError(
          'referTo',
          'isDefined',
          `以 ${reasons.join('、')} 为由不予受理的，须告知投诉人向何处投诉（若干规定第十八条第四款）`,
          `reason ${reasons.join(', ')} must tell the complainant where to turn (若干规定 第十八条第四款)`,
        ),
      ]
    : [];
}

/** A refusal as staff ask for it (`POST …/refuse`). */
export interface RefuseInput {
  version: number;
  reason: RefusalReason;
  note?: string;
  referTo?: string;
  violationEndedOn?: string | null;
  on?: string;
}

/**
 * The refusal asked for, or 400 with its field errors: where to turn (referralErrors) and the day the violation ended
 * (refusalEndErrors, the complaint's rule), no later than the day of the decision nor `today`.
 */
export function refusalInput(dto: RefuseInput, today: string): Refusal {
  const on = dto.on && dto.on < today ? dto.on : today;
  const errors = [
    ...referralErrors([dto.reason], dto.referTo ?? null),
    ...refusalEndErrors(dto.reason, dto.violationEndedOn, on),
  ];
  if (errors.length) throw AppException.validation(errors);
  return {
    reasons: [dto.reason],
    note: dto.note ?? null,
    referTo: dto.referTo ?? null,
    violationEndedOn: dto.violationEndedOn ?? null,
  };
}

/**
 * Throws the 409 of a refusal its facts do not bear: OVER_LOOKBACK only for a violation that ended more than two years
 * before receipt (the complaint's own rule, 409 WITHIN_LOOKBACK); NO_IDENTIFIED_EMPLOYER only without any employer on
 * record (409 EMPLOYER_ON_RECORD). A routed complaint takes no 补正 request of its own and the case has no 补正 step yet,
 * so the 409 offers what works: accepting the case (立案) and establishing the employer in the investigation.
 */
// 监察条例 第二十条; 若干规定 第十八条第一款第（二）项、第三款: 投诉材料不全的，应告知投诉人补正.
export function assertRefusalHolds(
  c: Pick<InspectionCase, 'receivedOn' | 'employerId' | 'complaintId'>,
  r: Refusal,
): void {
  if (r.reasons.includes('OVER_LOOKBACK')) assertOverLookback(r.violationEndedOn, c.receivedOn);
  if (r.reasons.includes('NO_IDENTIFIED_EMPLOYER') && c.employerId)
    throw AppException.conflict(
      'EMPLOYER_ON_RECORD',
      'An employer is on record: accept the case and establish its details in the investigation',
      { employerId: c.employerId, allowed: ['ACCEPT'] },
    );
}

/**
 * What the refusal changes, records and issues: 若干规定 第十八条 — told to the complainant in writing with its reason,
 * and where to turn instead (第四款), by SMS (a 举报: on its channel) and in the 不予受理告知书.
 */
export function refusalStep(c: InspectionCase, on: string, r: Refusal): StepResult {
  const reasons = r.reasons.map((x) => REFUSAL_REASONS[x]);
  const referral = referralSentence(r.referTo);
  return {
    changes: {
      refusedOn: on,
      refusalReasons: r.reasons,
      refusalText: r.note,
      refusalReferTo: r.referTo,
      violationEndedOn: r.violationEndedOn,
    },
    data: { reasons: r.reasons, referTo: r.referTo },
    notify: { template: 'INSPECTION_REFUSED', params: { reason: reasons.join('；'), referral } },
    document: {
      kind: 'REFUSAL_NOTICE',
      addressee: c.source === 'REPORT' ? '举报人' : '投诉人',
      reasons,
      note: r.note,
      referral,
    },
  };
}
