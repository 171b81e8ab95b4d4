import { fieldError, type FieldError } from '../common/errors/app-exception';
import { addDays, dayOfWeek } from './local-date';
import type { CalendarYear } from './working-calendar';

/**
 * The holidays every citizen has off in any year, whatever the year's State Council notice later adds (bridged
 * weekdays) or moves (调休): the fixed list of 全国年节及纪念日放假办法 (国务院令第795号修订, 2024, in force 2025-01-01)
 * 第二条. A year used this way stays `provisional` (the calendar marks it so) until its notice is loaded.
 *
 * The lunar dates and 清明 are a shipped table, not computed at run time: the `chinese-days` package has them
 * (`getSolarDateFromLunar`, `getSolarTermDate`) but computes them with local-time Date methods, so a server in a
 * negative-offset time zone gets them a day early (checked: TZ=America/Los_Angeles gives 2026-02-18 for 春节). The
 * table was generated from chinese-days@1.5.7 under TZ=Asia/Shanghai; `statutory-holidays.spec.ts` re-derives it
 * from the installed package in a child process with TZ=Asia/Shanghai and checks it against the 2025/2026 notices.
 */
export interface StatutoryHoliday {
  date: string;
  name: string;
}

/** year → [正月初一, 清明, 端午 (五月初五), 中秋 (八月十五)] as MM-DD, regular (not leap) lunar months. */
export const LUNAR_HOLIDAY_TABLE: Readonly<Record<number, readonly [string, string, string, string]>> = {
  2025: ['01-29', '04-04', '05-31', '10-06'],
  2026: ['02-17', '04-05', '06-19', '09-25'],
  2027: ['02-06', '04-05', '06-09', '09-15'],
  2028: ['01-26', '04-04', '05-28', '10-03'],
  2029: ['02-13', '04-04', '06-16', '09-22'],
  2030: ['02-03', '04-05', '06-05', '09-12'],
  2031: ['01-23', '04-05', '06-24', '10-01'],
  2032: ['02-11', '04-04', '06-12', '09-19'],
  2033: ['01-31', '04-04', '06-01', '09-08'],
  2034: ['02-19', '04-05', '06-20', '09-27'],
  2035: ['02-08', '04-05', '06-10', '09-16'],
  2036: ['01-28', '04-04', '05-30', '10-04'],
  2037: ['02-15', '04-04', '06-18', '09-24'],
  2038: ['02-04', '04-05', '06-07', '09-13'],
  2039: ['01-24', '04-05', '05-27', '10-02'],
  2040: ['02-12', '04-04', '06-14', '09-20'],
  2041: ['02-01', '04-04', '06-03', '09-10'],
  2042: ['01-22', '04-04', '06-22', '09-28'],
  2043: ['02-10', '04-05', '06-11', '09-17'],
  2044: ['01-30', '04-04', '05-31', '10-05'],
  2045: ['02-17', '04-04', '06-19', '09-25'],
  2046: ['02-06', '04-04', '06-08', '09-15'],
  2047: ['01-26', '04-05', '05-29', '10-04'],
  2048: ['02-14', '04-04', '06-15', '09-22'],
  2049: ['02-02', '04-04', '06-04', '09-11'],
  2050: ['01-23', '04-04', '06-23', '09-30'],
  2051: ['02-11', '04-05', '06-13', '09-19'],
  2052: ['02-01', '04-04', '06-01', '09-07'],
  2053: ['02-19', '04-04', '06-20', '09-26'],
  2054: ['02-08', '04-04', '06-10', '09-16'],
  2055: ['01-28', '04-05', '05-30', '10-05'],
  2056: ['02-15', '04-04', '06-17', '09-24'],
  2057: ['02-04', '04-04', '06-06', '09-13'],
  2058: ['01-24', '04-04', '06-25', '10-02'],
  2059: ['02-12', '04-05', '06-14', '09-21'],
  2060: ['02-02', '04-04', '06-03', '09-09'],
  2061: ['01-21', '04-04', '06-22', '09-28'],
  2062: ['02-09', '04-04', '06-11', '09-17'],
  2063: ['01-29', '04-05', '06-01', '10-06'],
  2064: ['02-17', '04-04', '06-19', '09-25'],
  2065: ['02-05', '04-04', '06-08', '09-15'],
  2066: ['01-26', '04-04', '05-28', '10-03'],
  2067: ['02-14', '04-05', '06-16', '09-23'],
  2068: ['02-03', '04-04', '06-04', '09-11'],
  2069: ['01-23', '04-04', '06-23', '09-29'],
  2070: ['02-11', '04-04', '06-13', '09-19'],
  2071: ['01-31', '04-05', '06-02', '09-08'],
  2072: ['02-19', '04-04', '06-20', '09-26'],
  2073: ['02-07', '04-04', '06-10', '09-16'],
  2074: ['01-27', '04-04', '05-30', '10-05'],
  2075: ['02-15', '04-04', '06-17', '09-24'],
  2076: ['02-05', '04-04', '06-06', '09-12'],
  2077: ['01-24', '04-04', '06-24', '10-01'],
  2078: ['02-12', '04-04', '06-14', '09-20'],
  2079: ['02-02', '04-04', '06-04', '09-10'],
  2080: ['01-22', '04-04', '06-22', '09-28'],
  2081: ['02-09', '04-04', '06-11', '09-17'],
  2082: ['01-29', '04-04', '06-01', '10-06'],
  2083: ['02-17', '04-04', '06-19', '09-26'],
  2084: ['02-06', '04-04', '06-07', '09-14'],
  2085: ['01-26', '04-04', '05-27', '10-03'],
  2086: ['02-14', '04-04', '06-15', '09-22'],
  2087: ['02-03', '04-04', '06-05', '09-11'],
  2088: ['01-24', '04-04', '06-23', '09-29'],
  2089: ['02-10', '04-04', '06-13', '09-18'],
  2090: ['01-30', '04-04', '06-02', '09-08'],
  2091: ['02-18', '04-04', '06-21', '09-27'],
  2092: ['02-07', '04-04', '06-09', '09-16'],
  2093: ['01-27', '04-04', '05-29', '10-05'],
  2094: ['02-15', '04-04', '06-17', '09-24'],
  2095: ['02-05', '04-04', '06-06', '09-13'],
  2096: ['01-25', '04-04', '06-24', '09-30'],
  2097: ['02-12', '04-04', '06-14', '09-20'],
  2098: ['02-01', '04-04', '06-04', '09-09'],
  2099: ['01-21', '04-04', '06-23', '09-29'],
  2100: ['02-09', '04-04', '06-12', '09-18'],
};

/** The first year the 2024 text applies to (本决定自2025年1月1日起施行) and the last year of the table. */
export const STATUTORY_HOLIDAY_YEARS = { min: 2025, max: 2100 } as const;

const cache = new Map<number, readonly StatutoryHoliday[]>();

/** The thirteen days of 全国年节及纪念日放假办法 (2024) 第二条 in `year` (2025–2100), sorted by date. */
export function statutoryHolidays(year: number): readonly StatutoryHoliday[] {
  const hit = cache.get(year);
  if (hit) return hit;
  const row = Number.isInteger(year) ? LUNAR_HOLIDAY_TABLE[year] : undefined;
  if (!row)
    throw new RangeError(
      `year must be an integer from ${STATUTORY_HOLIDAY_YEARS.min} to ${STATUTORY_HOLIDAY_YEARS.max}`,
    );
  const [springFestival, qingming, dragonBoat, midAutumn] = row.map((md) => `${year}-${md}`);
  const list: StatutoryHoliday[] = [
    // 第二条第（一）项: 元旦，放假1天（1月1日）
    { date: `${year}-01-01`, name: '元旦' },
    // 第二条第（二）项: 春节，放假4天（农历除夕、正月初一至初三）
    { date: addDays(springFestival, -1), name: '春节（除夕）' },
    { date: springFestival, name: '春节（正月初一）' },
    { date: addDays(springFestival, 1), name: '春节（正月初二）' },
    { date: addDays(springFestival, 2), name: '春节（正月初三）' },
    // 第二条第（三）项: 清明节，放假1天（农历清明当日）
    { date: qingming, name: '清明节' },
    // 第二条第（四）项: 劳动节，放假2天（5月1日、2日）
    { date: `${year}-05-01`, name: '劳动节' },
    { date: `${year}-05-02`, name: '劳动节' },
    // 第二条第（五）项: 端午节，放假1天（农历端午当日）
    { date: dragonBoat, name: '端午节' },
    // 第二条第（六）项: 中秋节，放假1天（农历中秋当日）
    { date: midAutumn, name: '中秋节' },
    // 第二条第（七）项: 国庆节，放假3天（10月1日至3日）
    { date: `${year}-10-01`, name: '国庆节' },
    { date: `${year}-10-02`, name: '国庆节' },
    { date: `${year}-10-03`, name: '国庆节' },
  ];
  list.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const frozen = Object.freeze(list);
  cache.set(year, frozen);
  return frozen;
}

const restDayCache = new Map<number, ReadonlySet<string>>();

/**
 * Days off a year with no loaded or packaged schedule certainly has: the fixed holidays of 第二条 for 2025–2100;
 * nothing for other years (the older texts differ, and those years are in the package anyway).
 */
export function derivedRestDays(year: number): ReadonlySet<string> {
  let set = restDayCache.get(year);
  if (!set) {
    set = LUNAR_HOLIDAY_TABLE[year] ? new Set(statutoryHolidays(year).map((h) => h.date)) : new Set<string>();
    restDayCache.set(year, set);
  }
  return set;
}

/**
 * What a year's schedule (valid in shape) gets wrong about the fixed holidays of 全国年节及纪念日放假办法 (2024) 第二条:
 * each one must be a rest day under it — a weekday one listed in `holidays` (a weekend one is off unless worked), and
 * none a make-up workday. A missing one is named under `holidays` (the list that lacks it), a worked one by its item.
 * Years the 2024 text does not cover (before 2025) are not checked.
 */
export function statutoryScheduleErrors(y: CalendarYear): FieldError[] {
  if (!LUNAR_HOLIDAY_TABLE[y.year]) return [];
  const holidays = new Set(y.holidays);
  const makeup = new Map(y.makeupWorkdays.map((d, i) => [d, i]));
  const errors: FieldError[] = [];
  for (const { date, name } of statutoryHolidays(y.year)) {
    const i = makeup.get(date);
    if (i !== undefined)
      errors.push(
        fieldError(
          `makeupWorkdays.${i}`,
          'statutoryHoliday',
          `${date}（${name}）是法定节假日，不能列为调休上班日`,
          `${date} (${name}) is a statutory holiday and cannot be a make-up workday`,
          { date },
        ),
      );
    else if (dayOfWeek(date) !== 0 && dayOfWeek(date) !== 6 && !holidays.has(date))
      errors.push(
        fieldError(
          'holidays',
          'statutoryHoliday',
          `holidays 缺少法定节假日 ${date}（${name}），按此安排该日将成为工作日`,
          `holidays lacks the statutory holiday ${date} (${name}), which this schedule would make a working day`,
          { date },
        ),
      );
  }
  return errors;
}
