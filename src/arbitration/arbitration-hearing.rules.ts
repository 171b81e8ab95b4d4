/** Hearing times: the commission's working hours on working days (platform rule, configured per commission). */
export interface HearingHours {
  /** 'HH:MM' or 'HH:MM:SS' (Asia/Shanghai). */
  starts: string;
  ends: string;
}

/** Used when a commission has no row in arbitration_commissions. */
export const DEFAULT_HEARING_HOURS: HearingHours = { starts: '08:30', ends: '17:30' };

const SHANGHAI_OFFSET_MINUTES = 8 * 60;
const MINUTES_PER_DAY = 24 * 60;

/** Minutes since midnight in Asia/Shanghai (UTC+8, no DST). */
export function shanghaiMinuteOfDay(t: Date): number {
  const m = Math.floor(t.getTime() / 60_000) + SHANGHAI_OFFSET_MINUTES;
  return ((m % MINUTES_PER_DAY) + MINUTES_PER_DAY) % MINUTES_PER_DAY;
}

function minutesOf(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return h * 60 + m;
}

export type HearingTimeProblem = 'REST_DAY' | 'OUTSIDE_HOURS';

/**
 * Is a hearing slot [start, start + slotMinutes) on a working day and inside the commission's hours? Hearings are
 * held on working days (a rest day or 02:00 needs an override with a reason, recorded on the timeline).
 */
export function hearingTimeProblem(
  start: Date,
  slotMinutes: number,
  hours: HearingHours,
  workingDay: boolean,
): HearingTimeProblem | null {
  if (!workingDay) return 'REST_DAY';
  const from = shanghaiMinuteOfDay(start);
  if (from < minutesOf(hours.starts) || from + slotMinutes > minutesOf(hours.ends)) return 'OUTSIDE_HOURS';
  return null;
}
