/**
 * Calendar dates as ISO `YYYY-MM-DD` strings, meaning a day in Asia/Shanghai.
 *
 * Legal dates are calendar dates, not instants: all arithmetic here runs on the plain year-month-day through
 * UTC (`setUTCFullYear`, `getUTC*`), so no result depends on the process time zone (`TZ`). The only places an
 * instant becomes a date are `todayInShanghai` and `shanghaiDateTime`, which name their time zone explicitly.
 */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;
const MIN_YEAR = 1;
const MAX_YEAR = 9999;

interface Ymd {
  year: number;
  month: number;
  day: number;
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function parse(s: unknown): Ymd | null {
  if (typeof s !== 'string') return null;
  const m = ISO_DATE.exec(s);
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (year < MIN_YEAR || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return { year, month, day };
}

function parseOrThrow(s: unknown, label: string): Ymd {
  const ymd = parse(s);
  if (!ymd)
    throw new RangeError(`${label} must be a calendar date in YYYY-MM-DD form, got ${JSON.stringify(s)}`);
  return ymd;
}

function format({ year, month, day }: Ymd): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Days since 1970-01-01 (negative before). `setUTCFullYear` rather than `Date.UTC`, which maps years 0–99 to 19xx. */
function toEpochDay({ year, month, day }: Ymd): number {
  const t = new Date(0);
  t.setUTCFullYear(year, month - 1, day);
  return Math.round(t.getTime() / MS_PER_DAY);
}

function fromEpochDay(n: number): string {
  const t = new Date(n * MS_PER_DAY);
  const year = t.getUTCFullYear();
  if (year < MIN_YEAR || year > MAX_YEAR)
    throw new RangeError(`date out of range (years ${MIN_YEAR}–${MAX_YEAR})`);
  return format({ year, month: t.getUTCMonth() + 1, day: t.getUTCDate() });
}

function assertInteger(n: number, label: string): void {
  if (!Number.isSafeInteger(n)) throw new RangeError(`${label} must be an integer, got ${n}`);
}

/** True when `s` is a real calendar date written `YYYY-MM-DD` (years 0001–9999). */
export function isValidIsoDate(s: unknown): s is string {
  return parse(s) !== null;
}

/** Throws a RangeError naming `label` unless `s` is a valid `YYYY-MM-DD` date. */
export function assertIsoDate(s: unknown, label = 'date'): asserts s is string {
  parseOrThrow(s, label);
}

/** The date `n` calendar days after `d` (before it when `n` is negative). */
export function addDays(d: string, n: number): string {
  assertInteger(n, 'n');
  return fromEpochDay(toEpochDay(parseOrThrow(d, 'date')) + n);
}

/** Day of the week: 0 = Sunday … 6 = Saturday. */
export function dayOfWeek(d: string): number {
  const n = toEpochDay(parseOrThrow(d, 'date'));
  return (((n + 4) % 7) + 7) % 7; // 1970-01-01 was a Thursday
}

/** Days since 1970-01-01 of a valid `YYYY-MM-DD` date (negative before); throws a RangeError naming `label`. */
export function epochDayOf(d: string, label = 'date'): number {
  return toEpochDay(parseOrThrow(d, label));
}

/** The date `n` days after 1970-01-01 (the inverse of `epochDayOf`); a RangeError outside years 0001–9999. */
export function dateOfEpochDay(n: number): string {
  assertInteger(n, 'n');
  return fromEpochDay(n);
}

/** -1, 0 or 1 as `a` is before, equal to or after `b`. */
export function compareDates(a: string, b: string): -1 | 0 | 1 {
  parseOrThrow(a, 'a');
  parseOrThrow(b, 'b');
  return a < b ? -1 : a > b ? 1 : 0; // zero-padded ISO dates sort as strings
}

/** Signed number of calendar days from `a` to `b` (`b - a`): 2025-01-01 → 2025-01-31 is 30. */
export function daysBetween(a: string, b: string): number {
  return toEpochDay(parseOrThrow(b, 'b')) - toEpochDay(parseOrThrow(a, 'a'));
}

/**
 * The same month and day `n` years later; 29 February becomes 28 February in a common year (the period ends on
 * the last day of the month when the month has no corresponding day — 民法典 第二百零二条).
 */
export function addYears(d: string, n: number): string {
  assertInteger(n, 'n');
  const { year, month, day } = parseOrThrow(d, 'date');
  const y = year + n;
  if (y < MIN_YEAR || y > MAX_YEAR) throw new RangeError(`date out of range (years ${MIN_YEAR}–${MAX_YEAR})`);
  return format({ year: y, month, day: Math.min(day, daysInMonth(y, month)) });
}

/** The calendar year of a date. */
export function yearOf(d: string): number {
  return parseOrThrow(d, 'date').year;
}

const SHANGHAI_PARTS = new Intl.DateTimeFormat('en-US', {
  timeZone: 'Asia/Shanghai',
  calendar: 'gregory',
  numberingSystem: 'latn',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The Asia/Shanghai calendar date of an instant (UTC+8, no daylight saving), whatever the process time zone. */
export function todayInShanghai(now: Date = new Date()): string {
  if (!(now instanceof Date) || Number.isNaN(now.getTime())) throw new RangeError('now must be a valid Date');
  const t = now.getTime();
  // The last answer holds for the rest of the same UTC hour (since 1992 Shanghai is UTC+8 all year, so its date
  // changes only on a UTC hour):
  // formatToParts on every request was a visible share of a cached KPI summary's CPU.
  if (lastToday && t >= lastToday.from && t < lastToday.until) return lastToday.date;
  const parts = SHANGHAI_PARTS.formatToParts(now);
  const part = (type: Intl.DateTimeFormatPartTypes): number =>
    Number(parts.find((p) => p.type === type)?.value);
  const date = format({ year: part('year'), month: part('month'), day: part('day') });
  const from = t - (t % 3_600_000);
  if (t >= SHANGHAI_FIXED_SINCE) lastToday = { from, until: from + 3_600_000, date };
  return date;
}

let lastToday: { from: number; until: number; date: string } | null = null;
const SHANGHAI_FIXED_SINCE = Date.UTC(1992, 0, 1);

const SHANGHAI_DATETIME = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** The Asia/Shanghai date (YYYY-MM-DD) and time (HH:mm) of an instant (a hearing's start), whatever `TZ` is. */
export function shanghaiDateTime(instant: Date): { date: string; time: string } {
  if (Number.isNaN(instant.getTime())) throw new RangeError('instant must be a valid Date');
  const p = Object.fromEntries(SHANGHAI_DATETIME.formatToParts(instant).map((x) => [x.type, x.value]));
  return { date: `${p.year}-${p.month}-${p.day}`, time: `${p.hour}:${p.minute}` };
}
