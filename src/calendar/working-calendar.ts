import { fieldError, withFacts, type FieldError } from '../common/errors/app-exception';
import { chineseDaysYears } from './chinese-days-years';
import { compareDates, dateOfEpochDay, dayOfWeek, epochDayOf, isValidIsoDate, yearOf } from './local-date';
import { derivedRestDays } from './statutory-holidays';

export { chineseDaysYears } from './chinese-days-years';

/**
 * One year's official schedule (国务院办公厅关于某年部分节假日安排的通知).
 * `holidays`: the days off, including the weekend days and bridged weekdays inside a holiday block.
 * `makeupWorkdays`: 调休 weekend days that are working days.
 * A make-up workday for next year's New Year that falls in December belongs to the year of its date.
 */
export interface CalendarYear {
  year: number;
  holidays: string[];
  makeupWorkdays: string[];
  source: string;
}

export type ValidationResult<T> = { ok: true; value: T } | { ok: false; errors: FieldError[] };

export type Coverage = 'LOADED' | 'PACKAGE' | 'NONE';

export interface WorkingDayAnswer {
  working: boolean;
  /**
   * True when the year is known to no source: the answer is Monday–Friday minus the fixed statutory holidays of
   * 全国年节及纪念日放假办法 (2024) 第二条 (the notice may still add bridged days and make-up working days).
   */
  provisional: boolean;
}

export interface DateAnswer {
  date: string;
  provisional: boolean;
}

export interface CountAnswer {
  count: number;
  provisional: boolean;
}

/** Thrown when the calendar is built from years that fail `validateCalendarYear` or repeat a year. */
export class CalendarDataError extends Error {
  constructor(
    message: string,
    readonly errors: FieldError[],
  ) {
    super(message);
    this.name = 'CalendarDataError';
  }
}

export const CALENDAR_YEAR_MIN = 2000;
export const CALENDAR_YEAR_MAX = 2100;
const WEEKDAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const WEEKDAY_NAMES_ZH = ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'];

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Checks the dates of one list; returns the valid ones with their indexes. */
function checkDates(
  list: unknown,
  name: string,
  year: number | null,
  errors: FieldError[],
): Map<string, number> {
  const seen = new Map<string, number>();
  if (!Array.isArray(list)) {
    errors.push(
      fieldError(
        name,
        'isArray',
        `${name} 须为 YYYY-MM-DD 日期的数组`,
        `${name} must be an array of YYYY-MM-DD dates`,
      ),
    );
    return seen;
  }
  list.forEach((d: unknown, i) => {
    const field = `${name}.${i}`;
    if (!isValidIsoDate(d)) {
      errors.push(
        fieldError(
          field,
          'isLocalDate',
          `${JSON.stringify(d)} 不是有效的 YYYY-MM-DD 日期`,
          `${JSON.stringify(d)} is not a valid YYYY-MM-DD date`,
        ),
      );
    } else if (year !== null && yearOf(d) !== year) {
      errors.push(fieldError(field, 'inYear', `${d} 不在 ${year} 年内`, `${d} is not in year ${year}`));
    } else if (seen.has(d)) {
      errors.push(
        fieldError(
          field,
          'arrayUnique',
          `${d} 重复列出（另见 ${name}.${seen.get(d)}）`,
          `${d} is listed twice (also ${name}.${seen.get(d)})`,
        ),
      );
    } else {
      seen.set(d, i);
    }
  });
  return seen;
}

/** Validates an untrusted calendar year (e.g. an admin upload) and returns a normalised copy (dates sorted). */
export function validateCalendarYear(input: unknown): ValidationResult<CalendarYear> {
  if (!isRecord(input))
    return {
      ok: false,
      errors: [fieldError('', 'isObject', '日历年度数据须为对象', 'a calendar year must be an object')],
    };
  const errors: FieldError[] = [];
  const { year, source } = input;
  const validYear =
    Number.isInteger(year) && Number(year) >= CALENDAR_YEAR_MIN && Number(year) <= CALENDAR_YEAR_MAX;
  if (!validYear) {
    errors.push(
      fieldError(
        'year',
        'range',
        `year 须为 ${CALENDAR_YEAR_MIN} 至 ${CALENDAR_YEAR_MAX} 之间的整数`,
        `year must be an integer from ${CALENDAR_YEAR_MIN} to ${CALENDAR_YEAR_MAX}`,
      ),
    );
  }
  if (typeof source !== 'string' || source.trim() === '') {
    errors.push(
      fieldError(
        'source',
        'isNotEmpty',
        'source 须注明放假安排所依据的通知或数据来源',
        'source must name the notice or data the schedule comes from',
      ),
    );
  }
  const holidays = checkDates(input.holidays, 'holidays', validYear ? Number(year) : null, errors);
  const makeup = checkDates(input.makeupWorkdays, 'makeupWorkdays', validYear ? Number(year) : null, errors);
  for (const [d, i] of makeup) {
    const field = `makeupWorkdays.${i}`;
    if (holidays.has(d)) {
      errors.push(
        fieldError(
          field,
          'notHoliday',
          `${d} 同时被列为放假日（holidays.${holidays.get(d)}）和调休上班日`,
          `${d} is listed both as a holiday (holidays.${holidays.get(d)}) and as a make-up workday`,
        ),
      );
    }
    const dow = dayOfWeek(d);
    if (dow !== 0 && dow !== 6) {
      errors.push(
        fieldError(
          field,
          'weekend',
          `${d} 是${WEEKDAY_NAMES_ZH[dow]}；调休上班日只能是星期六或星期日`,
          `${d} is a ${WEEKDAY_NAMES[dow]}; make-up workdays are Saturdays or Sundays`,
        ),
      );
    }
  }
  if (errors.length > 0) return { ok: false, errors };
  return {
    ok: true,
    value: {
      year: Number(year),
      holidays: [...holidays.keys()].sort(),
      makeupWorkdays: [...makeup.keys()].sort(),
      source: String(source),
    },
  };
}

interface YearEntry {
  coverage: 'LOADED' | 'PACKAGE';
  source: string;
  holidays: ReadonlySet<string>;
  makeupWorkdays: ReadonlySet<string>;
}

interface DayFacts {
  readonly date: string;
  readonly working: boolean;
  readonly provisional: boolean;
}

/** Days kept by `WorkingCalendar.day`: about 110 years, a few MB at most. */
const DAYS_KEPT = 40_000;

function isWeekday(d: string): boolean {
  const dow = dayOfWeek(d);
  return dow >= 1 && dow <= 5;
}

/**
 * The Chinese working-day calendar: Monday–Friday, minus public holidays, plus 调休 make-up weekend days.
 * `loaded` years (authoritative, e.g. from the `calendar_years` table) override `fallback` years (by default the
 * `chinese-days` package). A year known to neither is treated as Monday–Friday minus the fixed statutory holidays
 * (全国年节及纪念日放假办法 (2024) 第二条, `statutory-holidays.ts`) and marked provisional.
 * Immutable after construction.
 */
export class WorkingCalendar {
  private readonly years = new Map<number, YearEntry>();
  /**
   * Each day's answer once looked up, by its epoch day: the walks below (a 45-day clock on every case of a list
   * page) otherwise parse, format and look up the same dates on every request. The instance is immutable, so an
   * answer never goes stale; bounded, beyond it answers are computed and not kept.
   */
  private readonly days = new Map<number, DayFacts>();

  constructor(loaded: readonly CalendarYear[] = [], fallback: readonly CalendarYear[] = chineseDaysYears()) {
    this.addYears(fallback, 'PACKAGE', 'fallback');
    this.addYears(loaded, 'LOADED', 'loaded');
  }

  private addYears(list: readonly CalendarYear[], coverage: 'LOADED' | 'PACKAGE', label: string): void {
    const seen = new Set<number>();
    list.forEach((input, i) => {
      const result = validateCalendarYear(input);
      if (!result.ok) {
        const errors = result.errors.map((e) => withFacts(e, { field: `${label}.${i}.${e.field}` }));
        throw new CalendarDataError(`invalid calendar year in ${label}[${i}]: ${errors[0].message}`, errors);
      }
      const y = result.value;
      if (seen.has(y.year)) {
        const errors = [
          fieldError(`${label}.${i}.year`, 'unique', `${y.year} 年重复给出`, `year ${y.year} is given twice`),
        ];
        throw new CalendarDataError(errors[0].message, errors);
      }
      seen.add(y.year);
      this.years.set(y.year, {
        coverage,
        source: y.source,
        holidays: new Set(y.holidays),
        makeupWorkdays: new Set(y.makeupWorkdays),
      });
    });
  }

  /** Where the year's schedule comes from: the loaded table, the package, or nowhere (provisional). */
  coverage(year: number): Coverage {
    return this.years.get(year)?.coverage ?? 'NONE';
  }

  /** The `source` of the year's schedule, or null when the year is not covered. */
  sourceOf(year: number): string | null {
    return this.years.get(year)?.source ?? null;
  }

  isWorkingDay(d: string): WorkingDayAnswer {
    const { working, provisional } = this.day(epochDayOf(d));
    return { working, provisional };
  }

  private day(epochDay: number): DayFacts {
    const known = this.days.get(epochDay);
    if (known) return known;
    const date = dateOfEpochDay(epochDay);
    const year = yearOf(date);
    const entry = this.years.get(year);
    let facts: DayFacts;
    // 全国年节及纪念日放假办法 (2024) 第二条: the fixed holidays are rest days in any year, notice loaded or not.
    if (!entry)
      facts = { date, working: isWeekday(date) && !derivedRestDays(year).has(date), provisional: true };
    else if (entry.makeupWorkdays.has(date)) facts = { date, working: true, provisional: false };
    else facts = { date, working: isWeekday(date) && !entry.holidays.has(date), provisional: false };
    if (this.days.size < DAYS_KEPT) this.days.set(epochDay, facts);
    return facts;
  }

  /** The `n`th working day after `from` (the start day is not counted; `n = 0` returns `from` itself). */
  addWorkingDays(from: string, n: number): DateAnswer {
    const start = epochDayOf(from, 'from');
    if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`n must be a non-negative integer, got ${n}`);
    let provisional = this.coverage(yearOf(from)) === 'NONE';
    let date = from;
    for (let left = n, e = start; left > 0;) {
      e += 1;
      const day = this.day(e);
      provisional ||= day.provisional;
      date = day.date;
      if (day.working) left -= 1;
    }
    return { date, provisional };
  }

  /**
   * Working days in the half-open interval (from, to]: `from` is not counted, `to` is — the same convention as
   * `addWorkingDays`, so `countWorkingDays(a, addWorkingDays(a, n).date).count === n`. Requires to ≥ from.
   */
  countWorkingDays(from: string, to: string): CountAnswer {
    if (compareDates(from, to) > 0) throw new RangeError(`to (${to}) must not be before from (${from})`);
    let provisional = this.coverage(yearOf(from)) === 'NONE';
    let count = 0;
    for (let e = epochDayOf(from) + 1, last = epochDayOf(to); e <= last; e += 1) {
      const day = this.day(e);
      provisional ||= day.provisional;
      if (day.working) count += 1;
    }
    return { count, provisional };
  }

  /** `d` itself when it is a working day, else the first working day after it. */
  nextWorkingDayOnOrAfter(d: string): DateAnswer {
    let e = epochDayOf(d);
    let day = this.day(e);
    let provisional = day.provisional;
    while (!day.working) {
      e += 1;
      day = this.day(e);
      provisional ||= day.provisional;
    }
    return { date: day.date, provisional };
  }

  /**
   * Years with no schedule (coverage NONE) in [from, to]; by default from the first covered year to the year after
   * the last one — the gaps and the next year an administrator has to load.
   */
  provisionalYears(from?: number, to?: number): number[] {
    const known = [...this.years.keys()];
    const lo = from ?? (known.length > 0 ? Math.min(...known) : CALENDAR_YEAR_MIN);
    const hi = to ?? (known.length > 0 ? Math.max(...known) + 1 : lo);
    const out: number[] = [];
    for (let y = lo; y <= hi; y += 1) if (!this.years.has(y)) out.push(y);
    return out;
  }
}
