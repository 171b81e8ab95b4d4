/** Masking of personal data in responses for roles that do not need it in full. */
export function maskIdNumber(id: string | null): string | null {
  if (!id) return id;
  return `${id.slice(0, 3)}***********${id.slice(-4)}`;
}

export function maskPhone(phone: string | null): string | null {
  if (!phone) return phone;
  return `${phone.slice(0, 3)}****${phone.slice(-4)}`;
}

export function maskName(name: string | null): string | null {
  if (!name) return name;
  const chars = [...name];
  return chars.length <= 1 ? '*' : `${chars[0]}${'*'.repeat(chars.length - 1)}`;
}

// GB 11643-1999: 17 digits and a check character; a mainland mobile number: 1, then 3–9, then 9 digits (after +86 too).
const ID_NUMBER_IN_TEXT = /(?<!\d)\d{17}[\dXx](?!\d)/g;
const MOBILE_IN_TEXT = /(?:(?<=86)|(?<!\d))1[3-9]\d{9}(?!\d)/g;

/**
 * Free text a party typed (a complaint's facts, a message) masked for a role that sees personal data masked: the ID
 * numbers and mobile numbers in it, as the structured fields are. Names in prose cannot be told from other words and
 * stay as typed (docs/security.md).
 */
export function maskPersonalDataInText(text: string): string {
  return text
    .replace(ID_NUMBER_IN_TEXT, (id) => maskIdNumber(id)!)
    .replace(MOBILE_IN_TEXT, (phone) => maskPhone(phone)!);
}

/**
 * Paths pino removes from every log line. Request bodies are never logged; these catch personal data that
 * could still reach a log through an error object or a context field.
 */
export const LOG_REDACT_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-access-code"]',
  'req.headers["idempotency-key"]',
  '*.password',
  '*.idNumber',
  '*.phone',
  '*.name',
  '*.complainant',
  '*.accessCode',
  '*.refreshToken',
  '*.accessToken',
  'complainant',
  'idNumber',
  'phone',
  'password',
];
