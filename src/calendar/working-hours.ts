/**
 * Appointments the platform sets for the parties (arbitration hearings, mediation sessions) fall on working days
 * inside the body's working hours (platform rule, configured per body where it keeps hours); a rest day or 02:00
 * needs an override with a reason, recorded on the timeline.
 */
export interface WorkingHours {
  /** 'HH:MM' or 'HH:MM:SS' (Asia/Shanghai). */
  starts: string;
  ends: string;
}

/** Used when a body has no hours of its own (an arbitration commission without a row, every mediation committee). */
export const DEFAULT_WORKING_HOURS: WorkingHours = { starts: '08:30', ends: '17:30' };

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

export type WorkingTimeProblem = 'REST_DAY' | 'OUTSIDE_HOURS';

/** Is a slot [start, start + slotMinutes) on a working day (`workingDay`: the calendar's answer) and inside `hours`? */
export function workingTimeProblem(
  start: Date,
  slotMinutes: number,
  hours: WorkingHours,
  workingDay: boolean,
): WorkingTimeProblem | null {
  if (!workingDay) return 'REST_DAY';
  const from = shanghaiMinuteOfDay(start);
  if (from < minutesOf(hours.starts) || from + slotMinutes > minutesOf(hours.ends)) return 'OUTSIDE_HOURS';
  return null;
}
