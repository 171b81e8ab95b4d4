/**
 * Mainland China mobile number validation.
 *
 * The API stores and accepts exactly 11 digits with no country code. Callers
 * normalise user input first with {@link normaliseMobile}.
 */

const MOBILE = /^1[3-9]\d{9}$/;

/** True when `value` is exactly an 11-digit mainland mobile number. */
export function isMainlandMobile(value: string): boolean {
  // MIIT telecom numbering plan: mobile numbers are 11 digits, "1" then a second digit 3-9.
  return typeof value === 'string' && MOBILE.test(value);
}

/**
 * Strips whitespace, hyphens and a leading "+86" or "0086" country code.
 *
 * Returns the 11 remaining digits when that is what is left, otherwise returns the
 * input unchanged (so validation reports the value the user actually sent).
 * A bare leading "86" is not stripped: the API does not accept that form.
 */
export function normaliseMobile(value: string): string {
  // ITU-T E.164: +86 is China's country code; 00 is the international prefix dialled from China.
  const stripped = value.replace(/[\s-]/g, '').replace(/^(?:\+|00)86/, '');
  return /^\d{11}$/.test(stripped) ? stripped : value;
}
