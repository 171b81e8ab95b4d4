import { BODY_STAFF_ROLE, CASE_STAFF_ROLES, type Principal, type Role } from '../auth/roles';
import type { DeadlineRule } from '../calendar/deadline-rules';
import { AppException } from '../common/errors/app-exception';
import type { ClockEvent } from '../calendar/deadline-engine';

/**
 * Who may enter a clock event through the API (`POST /api/v1/deadlines/:clockId/events`), checked before the clock
 * is read: an extension needs a SUPERVISOR's approval — the statutes give it to the body's head (劳动保障监察条例
 * 第十七条: 负责人批准; 调解仲裁法 第四十三条: 仲裁委员会主任批准), never to an operator's account (ADMIN).
 */
export function assertMayEnter(viewer: Principal, event: ClockEvent): void {
  if (event.type === 'EXTEND' && viewer.role !== 'SUPERVISOR')
    throw AppException.forbidden('EXTENSION_NEEDS_SUPERVISOR', 'Only a supervisor may approve an extension');
}

/**
 * And on which clock: never a party's own window (调解仲裁法 第四十八至五十条: to sue, to apply to set an award aside);
 * its start and stop come from the award's service and the case's own decisions.
 */
export function assertStaffPeriod(rule: DeadlineRule, event: ClockEvent): void {
  if (rule.holder === 'PARTY')
    throw AppException.conflict(
      'CLOCK_HELD_BY_PARTY',
      "The period is a party's own: staff cannot pause, resume, restart or extend it",
      { ruleId: rule.id },
    );
  // Only the events the period's rule allows (DeadlineRule.staffEvents: the mediation period a resumption only, the
  // arbitration acceptance a restart or a resumption).
  if (event.type !== 'STOP' && rule.staffEvents && !rule.staffEvents.includes(event.type))
    throw AppException.conflict(
      'CLOCK_EVENT_NOT_ALLOWED',
      `A ${rule.id} period takes no ${event.type} event`,
      {
        ruleId: rule.id,
        event: event.type,
        allowed: rule.staffEvents,
      },
    );
}

/**
 * The body whose proceeding each case type's clocks time, and so who pauses, resumes or restarts them: its own staff
 * and the SUPERVISOR (中止 of an arbitration is the commission's: 办案规则 第四十六条; an investigation's period is the
 * inspectorate's: 劳动保障监察条例 第十七条). Never ADMIN, and never another body's staff on a case they can see.
 */
export const CLOCK_KEEPERS: Readonly<Record<string, readonly Role[]>> = {
  COMPLAINT: CASE_STAFF_ROLES, // the acceptance decision: any deciding staff
  MEDIATION: [BODY_STAFF_ROLE.MEDIATION, 'SUPERVISOR'],
  ARBITRATION: [BODY_STAFF_ROLE.ARBITRATION, 'SUPERVISOR'],
  INSPECTION: [BODY_STAFF_ROLE.INSPECTION, 'SUPERVISOR'],
};

/** 403 CLOCK_OF_ANOTHER_BODY unless the viewer's role keeps clocks of this case type. */
export function assertKeepsClock(viewer: Principal, caseType: string): void {
  if (!(CLOCK_KEEPERS[caseType] ?? []).includes(viewer.role))
    throw AppException.forbidden(
      'CLOCK_OF_ANOTHER_BODY',
      `A ${caseType} period: its body's staff or a supervisor`,
    );
}
