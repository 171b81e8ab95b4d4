import {
  type ClockEvent,
  ClockEventError,
  type DeadlineResult,
  computeDeadline,
} from '../../src/calendar/deadline-engine';
import type { DeadlineRule } from '../../src/calendar/deadline-rules';
import { WorkingCalendar } from '../../src/calendar/working-calendar';

/** The package's calendar (the real schedules it ships), for the deadline engine's unit tests. */
export const calendar = new WorkingCalendar();

export function run(rule: DeadlineRule, start: string, events: ClockEvent[], today: string): DeadlineResult {
  return computeDeadline(rule, start, events, calendar, today);
}

/** The ClockEventError `fn` throws (anything else, or nothing, fails the test). */
export function clockError(fn: () => unknown): ClockEventError {
  try {
    fn();
  } catch (e) {
    if (e instanceof ClockEventError) return e;
    throw e;
  }
  throw new Error('expected a ClockEventError');
}

export const pause = (date: string): ClockEvent => ({ type: 'PAUSE', date, reason: '中止审理' });
export const resume = (date: string): ClockEvent => ({ type: 'RESUME', date });
export const restart = (date: string): ClockEvent => ({ type: 'RESTART', date, reason: '变更仲裁请求' });
export const extend = (date: string, amount: number): ClockEvent => ({
  type: 'EXTEND',
  date,
  amount,
  approver: '仲裁委员会主任',
  reason: '案情复杂',
});
export const stop = (date: string): ClockEvent => ({ type: 'STOP', date });
