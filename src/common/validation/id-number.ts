/**
 * Mainland China resident identity number (公民身份号码) validation.
 *
 * Layout (GB 11643-1999): 6-digit address code, 8-digit birth date (YYYYMMDD),
 * 3-digit sequence code, 1 check character (0-9 or X).
 *
 * The validators are strict: they accept only the canonical form (uppercase X, no
 * whitespace). Callers normalise user input first with {@link normaliseIdNumber}.
 */

const DIGITS = /^\d+$/;
const ID_NUMBER_SHAPE = /^\d{17}[0-9X]$/;
/** ISO 7064 MOD 11-2: remainder r of the weighted sum maps to MOD11_2_CHECK[r]. */
const MOD11_2_CHECK = '10X98765432';
const EARLIEST_BIRTH_DATE = '19000101';

/**
 * ISO 7064 MOD 11-2 check character for a string of decimal digits.
 *
 * The digit at 0-based index i of an n-digit string has weight 2^(n-i) mod 11; for
 * n = 17 this yields the GB 11643 weights 7,9,10,5,8,4,2,1,6,3,7,9,10,5,8,4,2.
 *
 * @throws RangeError when `digits` is empty or contains anything but 0-9.
 */
export function iso7064Mod112(digits: string): string {
  if (!DIGITS.test(digits)) {
    throw new RangeError('iso7064Mod112 expects a non-empty string of decimal digits');
  }
  const n = digits.length;
  let sum = 0;
  let weight = 2; // weight of the last digit (2^1); each step to the left doubles it mod 11
  for (let i = n - 1; i >= 0; i--) {
    sum = (sum + Number(digits[i]) * weight) % 11;
    weight = (weight * 2) % 11;
  }
  return MOD11_2_CHECK[sum];
}

/**
 * Check character for the first 17 digits of a resident ID number.
 *
 * @throws RangeError unless `first17` is exactly 17 decimal digits.
 */
export function idNumberCheckChar(first17: string): string {
  if (first17.length !== 17 || !DIGITS.test(first17)) {
    throw new RangeError('idNumberCheckChar expects exactly 17 decimal digits');
  }
  // GB 11643-1999 (check code): ISO 7064:1983 MOD 11-2 over the 17-digit body.
  return iso7064Mod112(first17);
}

/** Canonical form of a user-entered ID number: surrounding whitespace removed, x -> X. */
export function normaliseIdNumber(value: string): string {
  return value.trim().toUpperCase();
}

/** Today's date in UTC as YYYYMMDD (deliberately independent of the server's time zone). */
function todayUtcYmd(): string {
  return new Date(Date.now()).toISOString().slice(0, 10).replace(/-/g, '');
}

/** True when the YYYYMMDD string names a real Gregorian calendar date. */
function isCalendarDate(ymd: string): boolean {
  const year = Number(ymd.slice(0, 4));
  const month = Number(ymd.slice(4, 6));
  const day = Number(ymd.slice(6, 8));
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/**
 * True when `value` is a valid 18-character mainland resident ID number.
 *
 * "Today" is the current UTC date, so for up to 8 hours after midnight Beijing time
 * a birth date of the Beijing "today" is still treated as a future date.
 */
export function isValidChineseIdNumber(value: string): boolean {
  // GB 11643-1999 (structure): 17-digit body followed by one check character 0-9 or X.
  if (typeof value !== 'string' || !ID_NUMBER_SHAPE.test(value)) return false;
  // GB/T 2260 (address code, referenced by GB 11643-1999): division codes never start with 0.
  if (value[0] === '0') return false;
  // GB 11643-1999 (birth date code, YYYYMMDD per GB/T 7408): must be a real calendar date.
  const birth = value.slice(6, 14);
  if (!isCalendarDate(birth)) return false;
  // Business rule (not in the standard): plausible birth dates are 1900-01-01 to today (UTC).
  if (birth < EARLIEST_BIRTH_DATE || birth > todayUtcYmd()) return false;
  // GB 11643-1999 (check code): ISO 7064 MOD 11-2 check character must match.
  return idNumberCheckChar(value.slice(0, 17)) === value[17];
}
