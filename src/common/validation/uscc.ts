/**
 * Unified Social Credit Code (统一社会信用代码) validation, GB 32100-2015.
 *
 * Layout: 1 registration authority code, 1 category code, 6-digit administrative
 * division code (GB/T 2260), 9-character subject identifier (the GB 11714
 * organisation code), 1 check character (GB/T 17710 / ISO 7064 MOD 31 style).
 *
 * Decision: we do NOT validate the GB 11714 check character inside positions 9-17.
 * Some codes in circulation carry a subject identifier that fails GB 11714 (for
 * example identifiers derived from older business-registration numbers), yet the
 * registries accept them. Only the charset, the authority code, the 6-digit
 * division code and the overall position-18 check character are enforced.
 *
 * The validators accept only the canonical form (uppercase, no whitespace).
 * Callers normalise user input first with {@link normaliseUscc}.
 */

/** GB 32100-2015: the 31 code characters (digits and uppercase letters except I, O, Z, S, V), in value order. */
export const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** GB 32100-2015 check weights for positions 1-17 (3^i mod 31). */
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** Registration authority codes (position 1): GB 32100-2015 (1, 5, 9, Y) plus later assignments (2-4, 6-8, A, N). */
const AUTHORITY_CODES = '123456789ANY';

const BODY = new RegExp(`^[${USCC_ALPHABET}]{17}$`);

/**
 * Check character (position 18) for the first 17 characters of a USCC.
 *
 * @throws RangeError unless `first17` is exactly 17 characters from {@link USCC_ALPHABET}.
 */
export function usccCheckChar(first17: string): string {
  if (!BODY.test(first17)) {
    throw new RangeError(`usccCheckChar expects exactly 17 characters from ${USCC_ALPHABET}`);
  }
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    sum += USCC_ALPHABET.indexOf(first17[i]) * WEIGHTS[i];
  }
  // GB 32100-2015 (check code): C18 = 31 - (sum mod 31), with 31 written as 0.
  return USCC_ALPHABET[(31 - (sum % 31)) % 31];
}

/** Canonical form of a user-entered USCC: surrounding whitespace removed, uppercased. */
export function normaliseUscc(value: string): string {
  return value.trim().toUpperCase();
}

/** True when `value` is a structurally valid USCC with a correct GB 32100-2015 check character. */
export function isValidUscc(value: string): boolean {
  if (typeof value !== 'string' || value.length !== 18) return false;
  // GB 32100-2015 (structure): every character is from the 31-character code set.
  if (!BODY.test(value.slice(0, 17)) || !USCC_ALPHABET.includes(value[17])) return false;
  // GB 32100-2015 (registration authority code): position 1 must be an assigned authority code.
  if (!AUTHORITY_CODES.includes(value[0])) return false;
  // GB 32100-2015 (division code, per GB/T 2260): positions 3-8 are six digits.
  if (!/^\d{6}$/.test(value.slice(2, 8))) return false;
  // GB 32100-2015 (check code): position 18 must equal the computed check character.
  return usccCheckChar(value.slice(0, 17)) === value[17];
}
