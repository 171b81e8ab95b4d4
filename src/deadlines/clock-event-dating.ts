import type { Role } from '../auth/roles';
import { computeDeadline, type ClockEvent } from '../calendar/deadline-engine';
import type { DeadlineRule } from '../calendar/deadline-rules';
import type { WorkingCalendar } from '../calendar/working-calendar';
import { AppException, fieldError } from '../common/errors/app-exception';

/**
 * When a clock event entered by staff (`POST /api/v1/deadlines/:clockId/events`) may be dated.
 * // Platform integrity rule, no statute: no law dates the entry of a 中止, 恢复, 重新计算 or 延期; it protects the right
 * // a lapse gives (调解仲裁法 第四十三条: 逾期未作出仲裁裁决的，当事人可以就该劳动争议事项向人民法院提起诉讼).
 *
 * - latest: today (Asia/Shanghai). An event records what has happened; one dated later (2062 typed for 2026) would
 *   make every later automatic STOP, dated today, "out of order", and tell the worker of a pause that has not begun.
 * - earliest: none of its own (the engine's: not before the clock's start or the previous event). A clerk enters
 *   yesterday's or last week's suspension today; that only moves a running clock's due date.
 * - except that an event which, dated on or before the due date, would turn a clock BREACHED today into one that is
 *   not (a backdated 中止 or 重新计算) undoes a lapse the parties may already act on and hides it from the KPIs: only
 *   `mayEndBreach` corrects the record that way (its reason, like every event's, on the case's timeline).
 */
export const CLOCK_EVENT_DATING = {
  mayEndBreach: ['SUPERVISOR'] as readonly Role[],
} as const;

/** What is wrong with an event's date, or null: FUTURE (after today) or ENDS_BREACH (of the clock due on `due`). */
export type ClockEventDatingProblem = { kind: 'FUTURE' } | { kind: 'ENDS_BREACH'; due: string };

/** The clock an event is entered on: its rule, start and stored events (already consistent with the event). */
export interface DatedClock {
  rule: DeadlineRule;
  start: string;
  events: readonly ClockEvent[];
}

/**
 * The problem with dating `event` so, entered by `role` on `today` (Asia/Shanghai), or null. Pure: call it after the
 * engine's own checks (validateClockEvents) passed on the clock's events and this one.
 */
export function clockEventDatingProblem(
  role: Role,
  clock: DatedClock,
  event: ClockEvent,
  calendar: WorkingCalendar,
  today: string,
): ClockEventDatingProblem | null {
  if (event.date > today) return { kind: 'FUTURE' };
  if (clock.rule.direction !== 'AFTER' || CLOCK_EVENT_DATING.mayEndBreach.includes(role)) return null;
  const before = computeDeadline(clock.rule, clock.start, clock.events, calendar, today);
  if (before.state !== 'BREACHED' || before.due === null) return null;
  const after = computeDeadline(clock.rule, clock.start, [...clock.events, event], calendar, today);
  return after.state === 'BREACHED' ? null : { kind: 'ENDS_BREACH', due: before.due };
}

/** The same as the API's answer: 400 `notInFuture` on `date`, 409 CLOCK_BREACHED; nothing when the date is fine. */
export function assertClockEventDating(
  entered: { role: Role; today: string },
  clock: DatedClock,
  event: ClockEvent,
  calendar: WorkingCalendar,
): void {
  const problem = clockEventDatingProblem(entered.role, clock, event, calendar, entered.today);
  if (problem?.kind === 'FUTURE')
    throw AppException.validation([
      fieldError('date', 'notInFuture', 'date 不能晚于今天', 'date must not be in the future', {
        today: entered.today,
      }),
    ]);
  if (problem?.kind === 'ENDS_BREACH')
    throw AppException.conflict(
      'CLOCK_BREACHED',
      `The ${clock.rule.id} period lapsed on ${problem.due}: only a supervisor may enter an event that undoes it`,
      { ruleId: clock.rule.id, due: problem.due, date: event.date, event: event.type },
    );
}
