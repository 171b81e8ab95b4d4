import { isValidIsoDate } from '../../calendar/local-date';

/**
 * RFC 3339 `date-time` (seconds optional, as ECMAScript's date-time string format has them): a date, `T`, hh:mm[:ss]
 * with up to 6 fractional digits, `Z` or an offset ±hh:mm. Exactly what `new Date()` reads in every engine, unlike the
 * rest of ISO 8601 (2026-W52-2, 2026-356, 20261222T020000Z, a decimal comma) that IsISO8601 passes on.
 */
const DATE_TIME =
  /^(\d{4}-\d{2}-\d{2})T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d{1,6})?)?(Z|[+-]([01]\d|2[0-3]):[0-5]\d)$/;

/**
 * Pure: an RFC 3339 date-time (OpenAPI `format: date-time`) on a real calendar day. `Date.parse` takes far more
 * ('1', 'Jan 1', '2026-W01' through IsISO8601, 2026-02-30 rolled into March) that PostgreSQL refuses or reads
 * otherwise.
 */
export function isDateTime(s: unknown): s is string {
  if (typeof s !== 'string') return false;
  const m = DATE_TIME.exec(s);
  return m !== null && isValidIsoDate(m[1]);
}

/** Pure: an RFC 3339 date-time in UTC (`…Z`), the form of the timestamps this API issues in its cursors. */
export function isUtcDateTime(s: unknown): s is string {
  return isDateTime(s) && s.endsWith('Z');
}
