import chineseDaysData from 'chinese-days/dist/chinese-days.json';
import { addDays, dayOfWeek, daysBetween } from '../../src/calendar/local-date';
import { HOLIDAY_FACTOR, PEAK_DAYS, PEAK_FACTOR, WEEKEND_FACTOR, YEARLY_GROWTH } from './distributions';

const HOLIDAYS: Readonly<Record<string, string>> = (chineseDaysData as { holidays: Record<string, string> })
  .holidays;

/**
 * First day of the Spring Festival holiday block of a year (from the official schedules packaged by chinese-days),
 * e.g. 2026-02-15. Null for a year the package does not cover.
 */
export function springFestivalStart(year: number): string | null {
  let first: string | null = null;
  for (const [date, label] of Object.entries(HOLIDAYS))
    if (
      date.startsWith(`${year}-`) &&
      label.startsWith('Spring Festival') &&
      (first === null || date < first)
    )
      first = date;
  return first;
}

export function isOfficialHoliday(date: string): boolean {
  return date in HOLIDAYS;
}

/** Multiplier of wage-arrears intake on a date: PEAK_FACTOR in the PEAK_DAYS before a Spring Festival holiday. */
export function arrearsPeakFactor(date: string, festivalStarts: readonly string[]): number {
  for (const f of festivalStarts) {
    const before = daysBetween(date, f);
    if (before > 0 && before <= PEAK_DAYS) return PEAK_FACTOR;
  }
  return 1;
}

/** Relative intake on a date (all categories): growth over time, fewer on weekends and public holidays. */
export function baseIntensity(date: string, start: string): number {
  const years = daysBetween(start, date) / 365;
  const dow = dayOfWeek(date);
  const day = isOfficialHoliday(date) ? HOLIDAY_FACTOR : dow === 0 || dow === 6 ? WEEKEND_FACTOR : 1;
  return Math.pow(1 + YEARLY_GROWTH, years) * day;
}

/** The Spring Festival holiday starts relevant to [start, end] (the one after `end` included, for its run-up). */
export function festivalStartsAround(start: string, end: string): string[] {
  const out: string[] = [];
  for (let y = Number(start.slice(0, 4)); y <= Number(end.slice(0, 4)) + 1; y++) {
    // A year the package does not cover yet: assume late January (the festival falls 21 Jan – 20 Feb).
    out.push(springFestivalStart(y) ?? `${y}-01-28`);
  }
  return out;
}

export interface DayPlan {
  date: string;
  /** Expected complaints that day: arrears and everything else. */
  arrears: number;
  other: number;
}

/**
 * Expected complaints per day over `days` days ending on `end`, scaled so the expected total is `total`; the
 * wage-arrears share of an ordinary day is `arrearsShare`.
 */
export function planDays(end: string, days: number, total: number, arrearsShare: number): DayPlan[] {
  const start = addDays(end, -(days - 1));
  const festivals = festivalStartsAround(start, end);
  const raw: DayPlan[] = [];
  let sum = 0;
  for (let i = 0; i < days; i++) {
    const date = addDays(start, i);
    const base = baseIntensity(date, start);
    const arrears = base * arrearsShare * arrearsPeakFactor(date, festivals);
    const other = base * (1 - arrearsShare);
    raw.push({ date, arrears, other });
    sum += arrears + other;
  }
  const k = total / sum;
  return raw.map((d) => ({ date: d.date, arrears: d.arrears * k, other: d.other * k }));
}
