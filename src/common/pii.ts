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
