import { PermanentSmsError } from '../sms-sender';

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
  const text = `${api} ${code}${message ? `: ${message}` : ''}`;
  return permanent.has(code) ? new PermanentSmsError(code, text) : new Error(text);
}

/** An error the SDK threw, classified by the provider code it carries (network errors carry none: rethrown). */
export function sdkFailure(api: string, permanent: ReadonlySet<string>, e: unknown): Error {
  const code = (e as { code?: unknown }).code;
  return typeof code === 'string'
    ? providerFailure(api, permanent, code, (e as Error).message)
    : (e as Error);
}
