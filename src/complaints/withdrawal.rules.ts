import { BODY_STAFF_ROLE, CASE_STAFF_ROLES, type Role } from '../auth/roles';
import { AppException, fieldError, type FieldError } from '../common/errors/app-exception';
import type { ComplaintStatus } from './complaint.constants';
import { COMPLAINT_TRANSITIONS } from './complaint.state';
import type { RouteTarget } from './routing.rules';

/**
 * Withdrawal (撤回) of a complaint. Before the acceptance decision the complainant withdraws at will, also while asked
 * to complete it (补正), which decides nothing (若干规定 第十八条第三款: the acceptance period runs again from the
 * correction). Once the body decided (受理 and routed), the proceeding is the body's: it ends on the complainant's
 * request only with the body's consent, recorded by its staff (platform rule, following 劳动争议调解仲裁法 第四十一条
 * and 若干规定 第十八条: the body that accepted a case closes it).
 */
export type Withdrawer = 'COMPLAINANT' | 'STAFF';

/**
 * How a complainant asks staff to withdraw (by phone, in person, in writing). 撤回 is the complainant's own act (a
 * platform rule, as above): staff record it only on the complainant's request and say how it came — never a way for
 * staff to end a complaint themselves, which is a decision (受理 or 不予受理, 若干规定 第十八条) with its own notice.
 */
export const REQUEST_CHANNELS = ['PHONE', 'IN_PERSON', 'WRITTEN'] as const;
export type RequestChannel = (typeof REQUEST_CHANNELS)[number];

/** The channel in the worker's SMS. */
export const REQUEST_CHANNEL_LABELS: Readonly<Record<RequestChannel, string>> = {
  PHONE: '电话',
  IN_PERSON: '当面',
  WRITTEN: '书面',
};

/**
 * A party's act done by staff in the party's stead — a withdrawal (撤回) or an arbitration application carried over
 * from mediation (劳动争议调解仲裁法 第二十八条: 申请人申请仲裁) — needs the party's request, recorded with how it came
 * (`complainantRequest`); the party acting itself gives none. Returns the field error, or null when it is in order.
 */
export function complainantRequestError(
  staff: boolean,
  given: boolean,
  act: { zh: string; en: string },
): FieldError | null {
  if (staff === given) return null;
  return staff
    ? fieldError(
        'complainantRequest',
        'isDefined',
        `工作人员代为${act.zh}，须记录投诉人提出要求的方式（电话、当面或书面）`,
        `staff ${act.en} only on the complainant’s request: record how it was made`,
      )
    : fieldError(
        'complainantRequest',
        'staffOnly',
        `投诉人本人${act.zh}时无需填写`,
        'only staff record the complainant’s request',
      );
}

export interface WithdrawalCheck {
  status: ComplaintStatus;
  kind: 'COMPLAINT' | 'REPORT';
  by: Withdrawer;
  bodyConsent: boolean;
}

/** Whether the body must consent: once it accepted the complaint (受理, then routed); not while it awaits a decision. */
export function needsBodyConsent(status: ComplaintStatus): boolean {
  return status !== 'SUBMITTED' && status !== 'CORRECTION_REQUESTED';
}

/**
 * Throws the 409 a withdrawal meets, or returns whether consent is recorded with it: ILLEGAL_TRANSITION for a final
 * status or a report (举报 is not a party's request), WITHDRAWAL_NEEDS_CONSENT after a decision without consent.
 */
export function checkWithdrawal(w: WithdrawalCheck): { consentRecorded: boolean } {
  if (w.kind !== 'COMPLAINT' || !COMPLAINT_TRANSITIONS[w.status].includes('WITHDRAWN'))
    throw AppException.conflict(
      'ILLEGAL_TRANSITION',
      `A ${w.kind.toLowerCase()} in status ${w.status} cannot be withdrawn`,
      {
        status: w.status,
        action: 'WITHDRAW',
        allowed: w.kind === 'COMPLAINT' ? COMPLAINT_TRANSITIONS[w.status] : [],
      },
    );
  if (!needsBodyConsent(w.status)) return { consentRecorded: false };
  if (w.by === 'STAFF' && w.bodyConsent) return { consentRecorded: true };
  throw AppException.conflict(
    'WITHDRAWAL_NEEDS_CONSENT',
    'The complaint was accepted: it is withdrawn only with the consent of the body handling it, recorded by its staff',
    {
      status: w.status,
      action: 'WITHDRAW',
      allowed: w.by === 'STAFF' ? ['WITHDRAW_WITH_BODY_CONSENT'] : ['ASK_BODY_CONSENT'],
    },
  );
}

/**
 * Who records the body's consent: the staff of the body the complaint was routed to (its own consent, 若干规定
 * 第十八条 / 调解仲裁法 第四十一条 as above), or a SUPERVISOR; accepted but not yet routed, any deciding staff.
 */
export function mayRecordConsent(role: Role, routeTarget: RouteTarget | null): boolean {
  if (role === 'SUPERVISOR') return true;
  if (routeTarget === null) return CASE_STAFF_ROLES.includes(role);
  return BODY_STAFF_ROLE[routeTarget] === role;
}
