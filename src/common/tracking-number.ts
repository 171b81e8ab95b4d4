/**
 * Human-readable case tracking numbers, e.g. "TS-2026-0000123-7".
 *
 * Layout: PREFIX (2 uppercase letters) - YYYY (4-digit year) - SEQ (7 digits,
 * 1..9,999,999) - CHECK, where CHECK is the ISO 7064 MOD 11-2 check character
 * (0-9 or X) over the 11 digits YYYY + SEQ. It catches every single-character
 * substitution and every swap of two adjacent digits within YYYY + SEQ.
 */
import { iso7064Mod112 } from './validation/id-number';

export interface TrackingNumberParts {
  /** Two uppercase ASCII letters, e.g. "TS". */
  prefix: string;
  /** Four-digit year, 1000..9999. */
  year: number;
  /** Sequence number, 1..9,999,999. */
  seq: number;
}

export const MAX_TRACKING_SEQ = 9_999_999;

const PREFIX = /^[A-Z]{2}$/;
const TRACKING_NUMBER = /^([A-Z]{2})-(\d{4})-(\d{7})-([0-9X])$/;
/** The shape of a tracking number (for input validation; `parseTrackingNumber` also checks the check character). */
export const TRACKING_NO_PATTERN = TRACKING_NUMBER;

/**
 * Renders a tracking number.
 *
 * @throws RangeError when the prefix is not two uppercase letters, the year is not a
 *   four-digit integer, or the sequence is not an integer in 1..9,999,999.
 */
export function formatTrackingNumber(prefix: string, year: number, seq: number): string {
  if (!PREFIX.test(prefix)) throw new RangeError(`tracking prefix must be two uppercase letters: ${prefix}`);
  if (!Number.isInteger(year) || year < 1000 || year > 9999) {
    throw new RangeError(`tracking year must be a four-digit integer: ${year}`);
  }
  if (!Number.isInteger(seq) || seq < 1 || seq > MAX_TRACKING_SEQ) {
    throw new RangeError(`tracking sequence must be an integer in 1..${MAX_TRACKING_SEQ}: ${seq}`);
  }
  const yyyy = String(year);
  const seq7 = String(seq).padStart(7, '0');
  // ISO 7064 MOD 11-2 over the 11 digits YYYY + SEQ7.
  return `${prefix}-${yyyy}-${seq7}-${iso7064Mod112(yyyy + seq7)}`;
}

/** Parses a canonical tracking number; null when malformed, out of range or the check character is wrong. */
export function parseTrackingNumber(s: string): TrackingNumberParts | null {
  const match = typeof s === 'string' ? TRACKING_NUMBER.exec(s) : null;
  if (!match) return null;
  const [, prefix, yyyy, seq7, check] = match;
  const year = Number(yyyy);
  const seq = Number(seq7);
  if (year < 1000 || seq < 1) return null;
  // ISO 7064 MOD 11-2 check character must match.
  if (iso7064Mod112(yyyy + seq7) !== check) return null;
  return { prefix, year, seq };
}

/** True when `s` is a well-formed tracking number with a correct check character. */
export function isValidTrackingNumber(s: string): boolean {
  return parseTrackingNumber(s) !== null;
}
