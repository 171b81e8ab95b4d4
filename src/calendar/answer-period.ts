import { compareDates } from './local-date';

/** When a party's answer to a notice was received, against the period the notice gave it. */
export type AnswerTiming = 'BEFORE_NOTICE' | 'IN_TIME' | 'LATE';

/**
 * Pure date rule under each domain's statement-period rule (which cites its source): an answer is in time from the
 * day the notice was served to the period's last day, both included, as Asia/Shanghai calendar dates; after it, late;
 * before service, it answers no notice.
 */
export function answerTiming(period: { servedOn: string; lastDay: string }, on: string): AnswerTiming {
  if (compareDates(on, period.servedOn) < 0) return 'BEFORE_NOTICE';
  return compareDates(on, period.lastDay) > 0 ? 'LATE' : 'IN_TIME';
}
