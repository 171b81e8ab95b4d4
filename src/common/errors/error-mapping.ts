import { HttpException } from '@nestjs/common';
import { AppException, ErrorBody } from './app-exception';
import { DATABASE_RETRY_AFTER_SECONDS, isConnectionError } from './unavailable';

const STATUS_CODES: Record<number, string> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  406: 'NOT_ACCEPTABLE',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  422: 'UNPROCESSABLE',
  429: 'RATE_LIMITED',
  503: 'SERVICE_UNAVAILABLE',
};

/** Fastify's own request errors (body parsing, limits) by their `code`. */
const FASTIFY_CODES: Record<string, { status: number; code: string; message: string }> = {
  FST_ERR_CTP_BODY_TOO_LARGE: {
    status: 413,
    code: 'PAYLOAD_TOO_LARGE',
    message: 'The request body is too large',
  },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {
    status: 415,
    code: 'UNSUPPORTED_MEDIA_TYPE',
    message: 'The request body must be application/json',
  },
  FST_ERR_CTP_EMPTY_JSON_BODY: { status: 400, code: 'MALFORMED_JSON', message: 'The JSON body is empty' },
  FST_ERR_CTP_INVALID_JSON_BODY: {
    status: 400,
    code: 'MALFORMED_JSON',
    message: 'The request body is not valid JSON',
  },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: {
    status: 400,
    code: 'BAD_REQUEST',
    message: 'The Content-Length header does not match the body',
  },
};

/** Maps anything thrown while serving a request to the one error body. Unknown errors become 500. */
export function toErrorBody(err: unknown): ErrorBody {
  if (err instanceof AppException) {
    return {
      statusCode: err.statusCode,
      code: err.code,
      message: err.message,
      ...(err.details !== undefined ? { details: err.details } : {}),
    };
  }
  // Fastify's own errors reach the filters wrapped in an HttpException with the original as `cause`.
  const fastifyCode = fastifyCodeOf(err);
  if (fastifyCode) {
    const m = FASTIFY_CODES[fastifyCode];
    return { statusCode: m.status, code: m.code, message: m.message };
  }
  if (err instanceof HttpException) {
    const status = err.getStatus();
    const response = err.getResponse();
    const message =
      typeof response === 'string'
        ? response
        : typeof (response as { message?: unknown }).message === 'string'
          ? (response as { message: string }).message
          : err.message;
    if (status === 429)
      return { statusCode: 429, code: 'RATE_LIMITED', message: 'Too many requests; try again later' };
    // Readiness (terminus) reports which dependency is down.
    if (status === 503 && typeof response === 'object' && 'details' in response)
      return {
        statusCode: 503,
        code: 'NOT_READY',
        message: 'A dependency is unavailable',
        details: response.details,
      };
    return {
      statusCode: status,
      code: STATUS_CODES[status] ?? (status >= 500 ? 'INTERNAL_ERROR' : 'HTTP_ERROR'),
      message,
    };
  }
  if (isConnectionError(err))
    return {
      statusCode: 503,
      code: 'SERVICE_UNAVAILABLE',
      message: 'The service is temporarily unavailable; try again shortly',
      details: { retryAfterSeconds: DATABASE_RETRY_AFTER_SECONDS },
    };
  const e = err as { statusCode?: number; message?: string };
  if (e && Number.isInteger(e.statusCode) && e.statusCode! >= 400 && e.statusCode! < 500) {
    const status = e.statusCode!;
    return {
      statusCode: status,
      code: STATUS_CODES[status] ?? 'BAD_REQUEST',
      message: typeof e.message === 'string' ? e.message : 'Bad request',
    };
  }
  return { statusCode: 500, code: 'INTERNAL_ERROR', message: 'An unexpected error occurred' };
}

function fastifyCodeOf(err: unknown): string | undefined {
  for (const candidate of [err, (err as { cause?: unknown })?.cause]) {
    const code = (candidate as { code?: unknown } | undefined)?.code;
    if (typeof code === 'string' && Object.hasOwn(FASTIFY_CODES, code)) return code;
  }
  return undefined;
}
