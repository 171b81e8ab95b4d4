/** A field-level problem in a request, as listed in `details` of a 400. */
export interface FieldError {
  field: string;
  message: string;
  constraints?: string[];
}

/** The one error body every endpoint returns. */
export interface ErrorBody {
  statusCode: number;
  code: string;
  message: string;
  details?: unknown;
}

/**
 * A domain or request error with a stable machine `code` (UPPER_SNAKE). Services throw these; the global
 * filter turns them, and everything else, into an ErrorBody.
 */
export class AppException extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }

  static badRequest(code: string, message: string, details?: unknown): AppException {
    return new AppException(400, code, message, details);
  }
  static validation(details: FieldError[]): AppException {
    return new AppException(400, 'VALIDATION_FAILED', 'The request has invalid fields', details);
  }
  static unauthorized(code = 'UNAUTHENTICATED', message = 'Authentication is required'): AppException {
    return new AppException(401, code, message);
  }
  static forbidden(code = 'FORBIDDEN', message = 'You may not do this'): AppException {
    return new AppException(403, code, message);
  }
  static notFound(code: string, message: string): AppException {
    return new AppException(404, code, message);
  }
  static conflict(code: string, message: string, details?: unknown): AppException {
    return new AppException(409, code, message, details);
  }
  static unprocessable(code: string, message: string): AppException {
    return new AppException(422, code, message);
  }
  static tooManyRequests(code: string, message: string, retryAfterSeconds?: number): AppException {
    return new AppException(429, code, message, retryAfterSeconds ? { retryAfterSeconds } : undefined);
  }
}
