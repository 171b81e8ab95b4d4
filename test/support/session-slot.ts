import { addDays, todayInShanghai } from '../../src/calendar/local-date';
import { WorkingCalendar } from '../../src/calendar/working-calendar';

const calendar = new WorkingCalendar();

/** The first working day (Asia/Shanghai) `days` or more from today; with `working: false`, the first rest day. */
export function dayFromNow(days: number, working = true): string {
  let d = addDays(todayInShanghai(), days);
  while (calendar.isWorkingDay(d).working !== working) d = addDays(d, 1);
  return d;
}

/**
 * A mediation session or hearing time inside the default working hours (08:30–17:30): `hhmm` on the first working
 * day `days` or more from today, as an ISO instant (…Z, as the API returns it).
 */
export function workingSlot(days: number, hhmm = '10:00'): string {
  return new Date(`${dayFromNow(days)}T${hhmm}:00+08:00`).toISOString();
}
