import type { DeadlineRule } from './deadline-rules';
import { addDays, assertIsoDate, compareDates, daysBetween, isValidIsoDate } from './local-date';
import type { WorkingCalendar } from './working-calendar';
import { ClockEventError } from './clock-event-error';

export { ClockEventError };

/**
 * The statutory clock: a pure function of (rule, start, events, calendar, today).
 *
 * Conventions (all dates are Asia/Shanghai calendar dates; amounts are in the rule's unit):
 * - Counting: the start day is not counted. DAY: due = start + amount (+ extensions + paused days), then, if the rule
 *   says so, moved to the next working day — the roll-forward applies to the final due date only.
 *   WORKDAY: due = the (amount + …)th working day after the start.
 * - PAUSE on P, RESUME on R (e.g. 中止审理 or 公告送达, not counted in the arbitration period — 劳动人事争议仲裁办案
 *   规则 (2017) 第四十六条第六项): the pause day P still counts, the days in (P, R] do not, and counting resumes after R
 *   (R is treated like a new start day). A DAY clock is delayed by exactly R − P calendar days; a WORKDAY clock by
 *   the working days in (P, R]. Reported as `pausedDays`, in the rule's unit.
 *   A PAUSE dated after the current due date finds the clock already expired: it does not move the due date.
 *   A PAUSE inside the roll-forward window (after the last counted day, on or before the rolled due date) carries
 *   the remaining grace over: the clock then ends on the resume day, rolled forward. Likewise a WORKDAY clock paused
 *   on its last counted day ends on the resume day, or the next working day after it.
 * - PAUSED: while the last PAUSE is open, due and daysRemaining are null (the due date is unknown until the clock
 *   resumes); `state` is PAUSED. A STOP while paused ends the pause on the stop date.
 * - RESTART on r: a fresh period from r — earlier pauses and extensions are cleared, so the result equals a clock
 *   started on r with the later events (劳动人事争议仲裁办案规则 (2017) 第四十六条: 追加当事人, 变更仲裁请求,
 *   反申请, 移送管辖 restart the period).
 * - EXTEND adds `amount` up to `rule.maxExtension` in total since the last (re)start; it must be dated on or before
 *   the due date it extends (or during a pause).
 * - STOP on s: MET when s ≤ due, else BREACHED; due is still reported, daysRemaining is null. A STOP with a `reason`
 *   ended the case without the act (the complaint was withdrawn): ENDED when s ≤ due — no one completed it, no one
 *   was late — and still BREACHED when s > due (the body was already late before it ended).
 * - Running: BREACHED when today > due, else RUNNING; daysRemaining is due − today in the rule's unit (calendar days,
 *   or working days in (today, due]), negative once breached.
 * - A party's window (rule.holder PARTY) reads LAPSED where a body's period reads BREACHED: no body was late.
 * - provisional: some date whose working-day status was consulted lies in a year the calendar does not cover.
 */
export type ClockEvent =
  | { type: 'PAUSE'; date: string; reason: string }
  | { type: 'RESUME'; date: string }
  | { type: 'RESTART'; date: string; reason: string }
  | { type: 'EXTEND'; date: string; amount: number; approver: string; reason: string }
  | { type: 'STOP'; date: string; reason?: ClockStopReason };

/**
 * Why a clock stopped other than by the act it times: WITHDRAWN, the complaint was withdrawn (撤回); ARBITRATION, the
 * dispute went to arbitration before the complaint was decided (监察条例 第二十一条第二款); CASE_CLOSED, the proceeding
 * ended while a party's window in it was open (调解仲裁法 第三十条); REROUTED, sent to another body (reroute.rules.ts).
 */
export const CLOCK_STOP_REASONS = ['WITHDRAWN', 'ARBITRATION', 'CASE_CLOSED', 'REROUTED'] as const;
export type ClockStopReason = (typeof CLOCK_STOP_REASONS)[number];

export type ClockState = 'RUNNING' | 'PAUSED' | 'MET' | 'BREACHED' | 'ENDED' | 'LAPSED';

export interface DeadlineResult {
  due: string | null;
  daysRemaining: number | null;
  state: ClockState;
  provisional: boolean;
  extendedBy: number;
  pausedDays: number;
}

const EVENT_TYPES: readonly string[] = ['PAUSE', 'RESUME', 'RESTART', 'EXTEND', 'STOP'];

function requireText(value: unknown, field: string, what: string, whatZh: string): void {
  if (typeof value !== 'string' || value.trim() === '')
    throw new ClockEventError(field, `${what} is required`, `须填写${whatZh}`);
}

/**
 * Checks the order and consistency of a clock's events, throwing `ClockEventError` at the first problem: unknown
 * type, invalid date, a date before the start or before the previous event, anything after STOP, PAUSE while
 * paused, RESUME without an open PAUSE, a missing reason/approver, an extension the rule does not allow or beyond
 * its cap. With a calendar it also replays the events, which catches the one calendar-dependent error: an EXTEND
 * dated after the due date it would extend. Services call it before storing an event; `computeDeadline` calls it.
 */
export function validateClockEvents(
  rule: DeadlineRule,
  start: string,
  events: readonly ClockEvent[],
  calendar?: WorkingCalendar,
): void {
  checkStructure(rule, start, events);
  if (calendar) replay(rule, start, events, calendar);
}

function checkStructure(rule: DeadlineRule, start: string, events: readonly ClockEvent[]): void {
  assertIsoDate(start, 'start');
  let openPause: number | null = null;
  let stoppedAt: number | null = null;
  let extended = 0;
  events.forEach((e: ClockEvent, i) => {
    const field = `events[${i}]`;
    if (typeof e !== 'object' || e === null || !EVENT_TYPES.includes(e.type)) {
      throw new ClockEventError(
        `${field}.type`,
        `type must be one of ${EVENT_TYPES.join(', ')}`,
        `type 须为以下值之一：${EVENT_TYPES.join(', ')}`,
      );
    }
    if (!isValidIsoDate(e.date))
      throw new ClockEventError(
        `${field}.date`,
        'date must be a YYYY-MM-DD calendar date',
        'date 须为有效日期（YYYY-MM-DD）',
      );
    if (e.date < start)
      throw new ClockEventError(
        `${field}.date`,
        `${e.date} is before the clock's start (${start})`,
        `${e.date} 早于期限的起算日（${start}）`,
      );
    const prev = events[i - 1];
    if (prev && e.date < prev.date) {
      throw new ClockEventError(
        `${field}.date`,
        `${e.date} is before the clock's previous event (${prev.type} of ${prev.date}); events must be in date order`,
        `${e.date} 早于期限的上一事件（${prev.date} 的 ${prev.type}）；事件须按日期顺序排列`,
      );
    }
    if (stoppedAt !== null)
      throw new ClockEventError(
        field,
        `no event may follow the clock's STOP of ${events[stoppedAt].date}`,
        `期限已于 ${events[stoppedAt].date} STOP，之后不能再有事件`,
      );
    switch (e.type) {
      case 'PAUSE':
        if (openPause !== null)
          throw new ClockEventError(
            field,
            `PAUSE while already paused since ${events[openPause].date}`,
            `自 ${events[openPause].date} 起已处于中止状态，不能再次 PAUSE`,
          );
        requireText(e.reason, `${field}.reason`, 'a reason', '原因');
        openPause = i;
        break;
      case 'RESUME':
        if (openPause === null)
          throw new ClockEventError(field, 'RESUME without an open PAUSE', '没有未结束的 PAUSE，不能 RESUME');
        openPause = null;
        break;
      case 'RESTART':
        requireText(e.reason, `${field}.reason`, 'a reason', '原因');
        openPause = null;
        extended = 0;
        break;
      case 'EXTEND':
        if (rule.maxExtension === 0)
          throw new ClockEventError(
            field,
            `${rule.id} allows no extension (${rule.citation})`,
            `${rule.id} 不允许延长（${rule.citation}）`,
          );
        if (!Number.isSafeInteger(e.amount) || e.amount < 1) {
          throw new ClockEventError(
            `${field}.amount`,
            'amount must be a positive integer',
            'amount 须为正整数',
          );
        }
        requireText(e.approver, `${field}.approver`, 'the approver', '批准人');
        requireText(e.reason, `${field}.reason`, 'a reason', '原因');
        if (extended + e.amount > rule.maxExtension) {
          throw new ClockEventError(
            `${field}.amount`,
            `extensions would total ${extended + e.amount}, beyond the maximum of ${rule.maxExtension} (${rule.citation})`,
            `延长合计将达 ${extended + e.amount}，超过上限 ${rule.maxExtension}（${rule.citation}）`,
          );
        }
        extended += e.amount;
        break;
      case 'STOP':
        stoppedAt = i;
        break;
    }
  });
}

/** Replays the events; all state in the rule's unit. */
class Clock {
  private anchor = '';
  private remaining = 0;
  private pause: { date: string; effective: boolean } | null = null;
  stop: string | null = null;
  stopReason: ClockStopReason | null = null;
  extendedBy = 0;
  pausedDays = 0;
  provisional = false;

  constructor(
    private readonly rule: DeadlineRule,
    private readonly calendar: WorkingCalendar,
    start: string,
  ) {
    this.restart(start);
  }

  get paused(): boolean {
    return this.pause?.effective === true;
  }

  private restart(date: string): void {
    this.anchor = date;
    this.remaining = this.rule.amount;
    this.extendedBy = 0;
    this.pausedDays = 0;
    this.pause = null;
  }

  /** Units in (from, to]. */
  private units(from: string, to: string): number {
    if (this.rule.unit === 'DAY') return daysBetween(from, to);
    const n = this.calendar.countWorkingDays(from, to);
    this.provisional ||= n.provisional;
    return n.count;
  }

  due(): string {
    if (this.rule.unit === 'WORKDAY') {
      // Nothing left (paused on the last counted day): the resume day, or the next working day after it.
      const d =
        this.remaining === 0
          ? this.calendar.nextWorkingDayOnOrAfter(this.anchor)
          : this.calendar.addWorkingDays(this.anchor, this.remaining);
      this.provisional ||= d.provisional;
      return d.date;
    }
    const last = addDays(this.anchor, this.remaining);
    if (!this.rule.rollForwardToWorkingDay) return last;
    const d = this.calendar.nextWorkingDayOnOrAfter(last);
    this.provisional ||= d.provisional;
    return d.date;
  }

  /** Signed units from today to due: positive before, 0 on the day, negative after. */
  unitsUntil(today: string, due: string): number {
    return compareDates(today, due) <= 0 ? this.units(today, due) : -this.units(due, today);
  }

  private resume(date: string): void {
    if (this.pause?.effective) {
      this.pausedDays += this.units(this.pause.date, date);
      this.anchor = date;
    }
    this.pause = null;
  }

  apply(e: ClockEvent, i: number): void {
    switch (e.type) {
      case 'PAUSE': {
        const effective = e.date <= this.due();
        if (effective) this.remaining = Math.max(0, this.remaining - this.units(this.anchor, e.date));
        this.pause = { date: e.date, effective };
        break;
      }
      case 'RESUME':
        this.resume(e.date);
        break;
      case 'RESTART':
        this.restart(e.date);
        break;
      case 'EXTEND': {
        const due = this.paused ? null : this.due();
        if (due !== null && e.date > due) {
          throw new ClockEventError(
            `events[${i}].date`,
            `extension on ${e.date} comes after the period ended on ${due}`,
            `${e.date} 的延长晚于期限届满日 ${due}`,
          );
        }
        this.remaining += e.amount;
        this.extendedBy += e.amount;
        break;
      }
      case 'STOP':
        this.resume(e.date);
        this.stop = e.date;
        this.stopReason = e.reason ?? null;
        break;
    }
  }
}

function replay(
  rule: DeadlineRule,
  start: string,
  events: readonly ClockEvent[],
  calendar: WorkingCalendar,
): Clock {
  const clock = new Clock(rule, calendar, start);
  events.forEach((e, i) => clock.apply(e, i));
  return clock;
}

/** The state of a forward-running statutory period. See the conventions at the top of this file. */
export function computeDeadline(
  rule: DeadlineRule,
  start: string,
  events: readonly ClockEvent[],
  calendar: WorkingCalendar,
  today: string,
): DeadlineResult {
  if (rule.direction !== 'AFTER') {
    throw new RangeError(`${rule.id} counts backwards from an anchor date: use computeNoticeDeadline`);
  }
  assertIsoDate(today, 'today');
  checkStructure(rule, start, events);
  const clock = replay(rule, start, events, calendar);
  const { extendedBy, pausedDays } = clock;
  const late: ClockState = rule.holder === 'PARTY' ? 'LAPSED' : 'BREACHED';
  if (clock.stop !== null) {
    const due = clock.due();
    const state = clock.stop > due ? late : clock.stopReason ? 'ENDED' : 'MET';
    return { due, daysRemaining: null, state, provisional: clock.provisional, extendedBy, pausedDays };
  }
  if (clock.paused) {
    return {
      due: null,
      daysRemaining: null,
      state: 'PAUSED',
      provisional: clock.provisional,
      extendedBy,
      pausedDays,
    };
  }
  const due = clock.due();
  const daysRemaining = clock.unitsUntil(today, due);
  const state = today > due ? late : 'RUNNING';
  return { due, daysRemaining, state, provisional: clock.provisional, extendedBy, pausedDays };
}

/**
 * The latest day on which an act "`amount` units before the hearing" is in time. One reading for every BEFORE rule
 * (hearing notice, postponement request): neither the act's day nor the hearing day counts, so at least `amount`
 * whole units lie strictly between them. DAY: hearing − (amount + 1). WORKDAY: the day before the `amount`th
 * working day counted back from the day before the hearing (办案规则 第八十条). No roll-forward: moving the date
 * later would shorten the notice.
 */
export function latestDayBefore(
  rule: DeadlineRule,
  hearingDate: string,
  calendar?: WorkingCalendar,
): { date: string; provisional: boolean } {
  if (rule.direction !== 'BEFORE') throw new RangeError(`${rule.id} is not a period counted backwards`);
  assertIsoDate(hearingDate, 'hearingDate');
  if (rule.unit === 'DAY') return { date: addDays(hearingDate, -(rule.amount + 1)), provisional: false };
  if (!calendar) throw new RangeError(`${rule.id} counts working days: pass the calendar`);
  let provisional = false;
  let date = hearingDate;
  for (let left = rule.amount; left > 0;) {
    date = addDays(date, -1);
    const day = calendar.isWorkingDay(date);
    provisional ||= day.provisional;
    if (day.working) left -= 1;
  }
  return { date: addDays(date, -1), provisional };
}

/** The earliest hearing date for which an act on `actDate` is in time (the inverse of `latestDayBefore`). */
export function earliestAnchorAfter(
  rule: DeadlineRule,
  actDate: string,
  calendar?: WorkingCalendar,
): { date: string; provisional: boolean } {
  if (rule.direction !== 'BEFORE') throw new RangeError(`${rule.id} is not a period counted backwards`);
  if (rule.unit === 'DAY') return { date: addDays(actDate, rule.amount + 1), provisional: false };
  if (!calendar) throw new RangeError(`${rule.id} counts working days: pass the calendar`);
  const last = calendar.addWorkingDays(actDate, rule.amount);
  return { date: addDays(last.date, 1), provisional: last.provisional };
}

/**
 * A period counted backwards from an anchor (direction BEFORE): the hearing notice must be served "开庭五日前"
 * (five working days, 办案规则 第八十条). The latest service date is `latestDayBefore`. `servedOn` null = not yet
 * served: RUNNING until that date, then BREACHED; daysRemaining in the rule's unit.
 */
export function computeNoticeDeadline(
  rule: DeadlineRule,
  hearingDate: string,
  servedOn: string | null,
  today: string,
  calendar?: WorkingCalendar,
): DeadlineResult {
  if (rule.direction !== 'BEFORE') {
    throw new RangeError(`${rule.id} is not a period counted backwards`);
  }
  assertIsoDate(today, 'today');
  const { date: due, provisional } = latestDayBefore(rule, hearingDate, calendar);
  const base = { due, provisional, extendedBy: 0, pausedDays: 0 };
  if (servedOn !== null) {
    assertIsoDate(servedOn, 'servedOn');
    return { ...base, daysRemaining: null, state: servedOn <= due ? 'MET' : 'BREACHED' };
  }
  const units = (from: string, to: string): number =>
    rule.unit === 'DAY' ? daysBetween(from, to) : calendar!.countWorkingDays(from, to).count;
  const daysRemaining = today <= due ? units(today, due) : -units(due, today);
  return { ...base, daysRemaining, state: today > due ? 'BREACHED' : 'RUNNING' };
}
