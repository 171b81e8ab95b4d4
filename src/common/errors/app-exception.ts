import type { ErrorCode } from './catalogue';

/** A field-level problem in a request, as listed in `details` of a 400. */
export interface FieldError {
  field: string;
  message: string;
  /**
   * The constraint `message` describes, a stable name clients may key on: class-validator's (`isDefined` for a
   * missing field, `isInt`…) from the validation pipe, the rule's (`notInFuture`, `jurisdiction`…) from `fieldError`.
   */
  constraint: string;
  /** Every constraint the value failed, the one `message` describes first. */
  constraints: string[];
}

const fieldMessages = new WeakMap<FieldError, { zh: string; en: string }>();

/** A field error whose message exists in both languages (the filter picks one; `message` holds the English). */
export function localizedFieldError(error: Omit<FieldError, 'message'>, zh: string, en: string): FieldError {
  const field: FieldError = { ...error, message: en };
  fieldMessages.set(field, { zh, en });
  return field;
}

/**
 * A field error that a service, a rule or a controller builds (the validation pipe builds its own): the stable name
 * of the `constraint` the value breaks, which clients may key on (`notInFuture`, `isDefined`, `jurisdiction`…), and
 * its message in zh-CN and English. `facts` adds machine-readable context (a file's line, a password rule).
 */
export function fieldError<F extends object = object>(
  field: string,
  constraint: string,
  zh: string,
  en: string,
  facts?: F,
): FieldError & F {
  return localizedFieldError(
    { field, constraint, constraints: [constraint], ...facts },
    zh,
    en,
  ) as FieldError & F;
}

/** `error` with more facts (`{ line: 3 }`) or another `field`, its messages still in both languages. */
export function withFacts<F extends object>(error: FieldError, facts: F): FieldError & F {
  const out = { ...error, ...facts };
  const messages = fieldMessages.get(error);
  if (messages) fieldMessages.set(out, messages);
  return out;
}

/** `details` with the messages of localized field errors in `lang`; anything else unchanged. */
export function localizeDetails(details: unknown, lang: 'zh-CN' | 'en'): unknown {
  if (!Array.isArray(details)) return details;
  return details.map((d: unknown) => {
    const m = typeof d === 'object' && d !== null ? fieldMessages.get(d as FieldError) : undefined;
    return m ? { ...(d as FieldError), message: lang === 'en' ? m.en : m.zh } : d;
  });
}

/** The one error body every endpoint returns. */
export interface ErrorBody {
  statusCode: number;
  code: ErrorCode;
  message: string;
  details?: unknown;
}

/**
 * A domain or request error with a stable machine `code` from the error catalogue (each module's `x.errors.ts`).
 * Services throw these; the global filter turns them, and everything else, into an ErrorBody whose `message` is
 * the catalogue's, in the caller's language. `note` (the Error message) is for the server's log only; what the
 * client must know beyond the code goes in `details`.
 */
export class AppException extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: ErrorCode,
    note?: string,
    readonly details?: unknown,
  ) {
    super(note ?? code);
  }

  static badRequest(code: ErrorCode, note?: string, details?: unknown): AppException {
    return new AppException(400, code, note, details);
  }
  static validation(details: FieldError[]): AppException {
    return new AppException(400, 'VALIDATION_FAILED', 'The request has invalid fields', details);
  }
  static unauthorized(code: ErrorCode = 'UNAUTHENTICATED', note?: string): AppException {
    return new AppException(401, code, note);
  }
  static forbidden(code: ErrorCode = 'FORBIDDEN', note?: string): AppException {
    return new AppException(403, code, note);
  }
  static notFound(code: ErrorCode, note?: string): AppException {
    return new AppException(404, code, note);
  }
  static conflict(code: ErrorCode, note?: string, details?: unknown): AppException {
    return new AppException(409, code, note, details);
  }
  static unprocessable(code: ErrorCode, note?: string): AppException {
    return new AppException(422, code, note);
  }
  static tooManyRequests(code: ErrorCode, note?: string, retryAfterSeconds?: number): AppException {
    return new AppException(429, code, note, retryAfterSeconds ? { retryAfterSeconds } : undefined);
  }
}
