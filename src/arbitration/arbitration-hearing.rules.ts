import { answerTiming } from '../calendar/answer-period';
import { todayInShanghai } from '../calendar/local-date';
import type { ClockEvent } from '../calendar/deadline-engine';
import type { ArbitrationAction } from './arbitration.state';

/**
 * The respondent's answer period as the platform knows it: service of the application copy not recorded yet; served
 * (the ARBITRATION_DEFENCE clock runs from service: 10 working days, its last day `lastDay`, null while paused); or
 * the defence recorded (RECORD_DEFENCE stopped the clock).
 */
export type DefencePeriod =
  | { state: 'NOT_SERVED' }
  | { state: 'SERVED'; servedOn: string; lastDay: string | null }
  | { state: 'ANSWERED'; answeredOn: string };

/** Reads the period from the case's ARBITRATION_DEFENCE clock (started by RECORD_SERVICE, stopped by RECORD_DEFENCE). */
export function defencePeriodOf(
  clock: { start: string; due: string | null; events: readonly ClockEvent[] } | undefined,
): DefencePeriod {
  if (!clock) return { state: 'NOT_SERVED' };
  const stop = clock.events.find((e) => e.type === 'STOP');
  if (stop) return { state: 'ANSWERED', answeredOn: stop.date };
  return { state: 'SERVED', servedOn: clock.start, lastDay: clock.due };
}

export type HearingDefenceProblem = 'HEARING_BEFORE_SERVICE' | 'HEARING_BEFORE_ANSWER_PERIOD';

/** Each refusal's legal basis and the acts that would lift it (the 409's details). */
export const HEARING_DEFENCE_GATES: Readonly<
  Record<HearingDefenceProblem, { citation: string; remedies: readonly ArbitrationAction[] }>
> = {
  // 调解仲裁法 第三十条: the application copy is served within 5 days of acceptance; the answer period runs from receipt.
  HEARING_BEFORE_SERVICE: {
    citation: '调解仲裁法 第三十条 (受理后五日内将仲裁申请书副本送达被申请人); 办案规则 (2017) 第三十三条',
    remedies: ['RECORD_SERVICE'],
  },
  // 调解仲裁法 第三十条: the respondent answers within 10 days of receipt (working days: 办案规则 第八十条).
  HEARING_BEFORE_ANSWER_PERIOD: {
    citation:
      '调解仲裁法 第三十条 (收到副本后十日内提交答辩书); 办案规则 (2017) 第三十三条, 第八十条 (“十日”指工作日)',
    remedies: ['RECORD_DEFENCE'],
  },
};

/**
 * May a hearing be held on `hearingDate`? Not before the application was served on the respondent, and not on or
 * before the last day of the answer period (调解仲裁法 第三十条) — unless the defence is already in: then the period
 * protects nothing. A period with no known last day (paused) still protects the respondent.
 */
export function hearingDefenceProblem(
  period: DefencePeriod,
  hearingDate: string,
): HearingDefenceProblem | null {
  switch (period.state) {
    case 'ANSWERED':
      return null;
    case 'NOT_SERVED':
      return 'HEARING_BEFORE_SERVICE';
    case 'SERVED':
      return period.lastDay !== null &&
        answerTiming({ servedOn: period.servedOn, lastDay: period.lastDay }, hearingDate) === 'LATE'
        ? null
        : 'HEARING_BEFORE_ANSWER_PERIOD';
  }
}

/** An ARBITRATION_DEFENCE clock as the hearing gate reads it. */
export type DefenceClock = { start: string; due: string | null; events: readonly ClockEvent[] };

/** The case's ARBITRATION_DEFENCE clocks (answer periods), in the order read. */
export function defenceClocks<K extends { rule: { id: string } }>(clocks: readonly K[]): K[] {
  return clocks.filter((k) => k.rule.id === 'ARBITRATION_DEFENCE');
}

/** Which of two refused periods ends later: a paused one (no known last day) last of all. */
function endsLater(a: DefencePeriod, b: DefencePeriod): boolean {
  if (a.state !== 'SERVED' || b.state !== 'SERVED') return a.state === 'SERVED';
  if (a.lastDay === null || b.lastDay === null) return a.lastDay === null && b.lastDay !== null;
  return a.lastDay > b.lastDay;
}

/**
 * The hearing gate over every answer period of the case: the application's (started by RECORD_SERVICE) and one per
 * accepted change of the claims whose answer period was not waived (办案规则 第四十四条). No clock at all: the
 * application is not served. A hearing passes only if it passes each period; the refusal names the period that ends
 * last, so its last day gives the earliest hearing day.
 */
export function answerPeriodsProblem(
  clocks: readonly DefenceClock[],
  hearingDate: string,
): { problem: HearingDefenceProblem; period: DefencePeriod } | null {
  if (clocks.length === 0) return { problem: 'HEARING_BEFORE_SERVICE', period: { state: 'NOT_SERVED' } };
  let refused: { problem: HearingDefenceProblem; period: DefencePeriod } | null = null;
  for (const clock of clocks) {
    const period = defencePeriodOf(clock);
    const problem = hearingDefenceProblem(period, hearingDate);
    if (problem && (!refused || endsLater(period, refused.period))) refused = { problem, period };
  }
  return refused;
}

/**
 * The open hearings (not postponed, cancelled or held) that fall inside an answer period — on or after the day it
 * started, on or before its last day, its defence not in: booked before a change of the claims started a new period
 * (a hearing before the change was served is not inside it). They are kept (the tribunal postpones them or the
 * respondent answers) and flagged.
 */
export function hearingsWithinAnswerPeriods(
  hearings: readonly {
    id: string;
    startsAt: Date;
    postponedAt: Date | null;
    cancelledAt: Date | null;
    heldAt: Date | null;
  }[],
  clocks: readonly DefenceClock[],
): string[] {
  const periods = clocks.map(defencePeriodOf);
  const inside = (day: string) =>
    periods.some((p) => p.state === 'SERVED' && day >= p.servedOn && hearingDefenceProblem(p, day) !== null);
  return hearings
    .filter((h) => !h.postponedAt && !h.cancelledAt && !h.heldAt && inside(todayInShanghai(h.startsAt)))
    .map((h) => h.id);
}

// 调解仲裁法 第四十三条: the tribunal ends the case within 45 days of acceptance, 15 more with the director's approval.
export const HEARING_DECISION_DEADLINE_CITATION =
  '调解仲裁法 第四十三条 (受理之日起四十五日内结束; 经主任批准延期不得超过十五日); 办案规则 (2017) 第四十五条、第四十六条';

/**
 * A hearing must fall on or before the last day of the case's ARBITRATION_DECISION clock (extensions included): a
 * later hearing could not lead to an award in time, and a typo (2099 for 2026) would summon both parties to a day
 * that never comes. Returns the facts of the refusal, or null. No bound while the clock's due date is unknown
 * (suspended: 中止审理) or before acceptance (no clock); a breached clock still bounds (only the director's
 * extension, entered as a correction, moves it).
 */
export function hearingAfterDecisionDeadline(
  clock: { due: string | null; extendedBy: number; rule: { maxExtension: number } } | undefined,
  hearingDate: string,
): { decisionDue: string; extendedBy: number; extensionDaysLeft: number } | null {
  if (!clock || clock.due === null || hearingDate <= clock.due) return null;
  return {
    decisionDue: clock.due,
    extendedBy: clock.extendedBy,
    extensionDaysLeft: Math.max(0, clock.rule.maxExtension - clock.extendedBy),
  };
}
