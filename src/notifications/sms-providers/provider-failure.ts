import { PermanentSmsError, SmsInDoubtError } from '../sms-sender';

/** An HTTP method glued to a URL, or a bare URL, or a path with a query string: the SDKs append the request. */
const REQUEST_LINE = /(?:(?:GET|POST|PUT|PATCH|DELETE|HEAD)\s+)?(?:[a-z][a-z0-9+.-]*:\/\/\S*|\/\S*\?\S*)/gi;
/** A mainland mobile number, with or without +86 (the SDK's query string is not the only place one can hide). */
const MOBILE = /(?<!\d)(\+?86)?(1[3-9]\d)\d{4}(\d{4})(?!\d)/g;

/**
 * The text of a provider or SDK error as the platform may keep it (notifications.error, the job log, job_failures):
 * the request URL and its query (OutId, PhoneNumbers, TemplateParam...) removed, any mobile number masked.
 */
export function redactProviderText(text: string): string {
  return text.replace(REQUEST_LINE, ' <request>').replace(MOBILE, '$1$2****$3').replace(/\s+/g, ' ').trim();
}

/**
 * The error of a provider reply that is not a success: PermanentSmsError when its code names the message itself as
 * unsendable (a retry cannot help), a plain Error otherwise (the job retries). The text never holds the number.
 */
export function providerFailure(
  api: string,
  permanent: ReadonlySet<string>,
  code: string,
  message?: string,
): Error {
  const text = redactProviderText(`${api} ${code}${message ? `: ${message}` : ''}`);
  return permanent.has(code) ? new PermanentSmsError(code, text) : new Error(text);
}

/** A Node.js system error code (ECONNRESET...), as opposed to a code the provider answered with. */
const SYSTEM_CODE = /^E[A-Z0-9_]+$/;
/**
 * Errors raised before any connection to the provider was made: the request cannot have reached it. Node's own
 * "connect ETIMEDOUT" is one; the Aliyun SDK's (httpx) "ConnectTimeout" is not — it is the socket's idle timeout
 * and also fires after the request was written.
 */
const NEVER_CONNECTED =
  /\b(?:ECONNREFUSED|ENOTFOUND|EAI_AGAIN|ENETUNREACH|EHOSTUNREACH)\b|\bconnect ETIMEDOUT\b/;

/**
 * An error the SDK threw: with a provider code, classified by it (permanent or not); a network error that may have
 * followed the request to the provider (a read timeout, a reset or dropped connection, anything unrecognised) is
 * SmsInDoubtError, never retried blindly (SendSms is not idempotent); one raised before any connection was made is
 * a plain Error (retried). The message is redacted either way (the Aliyun SDK appends "POST https://…/?PhoneNumbers=…
 * &TemplateParam=…").
 */
export function sdkFailure(api: string, permanent: ReadonlySet<string>, e: unknown): Error {
  const code = (e as { code?: unknown }).code;
  const message = e instanceof Error ? e.message : String(e);
  if (typeof code === 'string' && !SYSTEM_CODE.test(code))
    return providerFailure(api, permanent, code, message);
  const text = redactProviderText(`${api}${typeof code === 'string' ? ` ${code}` : ''}: ${message}`);
  const syscallConnect = (e as { syscall?: unknown }).syscall === 'connect' && code === 'ETIMEDOUT';
  return NEVER_CONNECTED.test(`${code as string} ${message}`) || syscallConnect
    ? new Error(text)
    : new SmsInDoubtError(text);
}
