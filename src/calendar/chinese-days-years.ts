import chineseDaysData from 'chinese-days/dist/chinese-days.json';
import chineseDaysPackage from 'chinese-days/package.json';
import type { CalendarYear } from './working-calendar';

/**
 * The fallback calendar: the official schedules (国务院办公厅 notices on public holidays) as packaged by
 * `chinese-days`. Its data maps dates to descriptions: `holidays` = days off (weekends inside a holiday block
 * included), `workdays` = 调休 make-up working days (weekend days), `inLieuDays` = the bridged weekdays (a subset
 * of `holidays`, not needed here).
 */
interface ChineseDaysData {
  holidays: Record<string, string>;
  workdays: Record<string, string>;
}

export const CHINESE_DAYS_SOURCE = `chinese-days@${chineseDaysPackage.version}`;

/** One CalendarYear per year the package covers, sorted by year; dates sorted. */
export function chineseDaysYears(): CalendarYear[] {
  const data: ChineseDaysData = chineseDaysData;
  const byYear = new Map<number, CalendarYear>();
  const entry = (date: string): CalendarYear => {
    const year = Number(date.slice(0, 4));
    let y = byYear.get(year);
    if (!y) {
      y = { year, holidays: [], makeupWorkdays: [], source: CHINESE_DAYS_SOURCE };
      byYear.set(year, y);
    }
    return y;
  };
  for (const date of Object.keys(data.holidays)) entry(date).holidays.push(date);
  for (const date of Object.keys(data.workdays)) entry(date).makeupWorkdays.push(date);
  const years = [...byYear.values()].sort((a, b) => a.year - b.year);
  for (const y of years) {
    y.holidays.sort();
    y.makeupWorkdays.sort();
  }
  return years;
}
