import { fieldError, type FieldError } from '../common/errors/app-exception';
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
