import { HttpException } from '@nestjs/common';
import { AppException, ErrorBody, localizeDetails } from './app-exception';
import { errorMessage, type ErrorCode, type Lang } from './catalogue';
import { DATABASE_RETRY_AFTER_SECONDS, isConnectionError } from './unavailable';

const STATUS_CODES: Record<number, ErrorCode> = {
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
const FASTIFY_CODES: Record<string, { status: number; code: ErrorCode }> = {
  FST_ERR_CTP_BODY_TOO_LARGE: { status: 413, code: 'PAYLOAD_TOO_LARGE' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { status: 400, code: 'MALFORMED_JSON' },
  FST_ERR_CTP_INVALID_JSON_BODY: { status: 400, code: 'MALFORMED_JSON' },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { status: 400, code: 'BAD_REQUEST' },
};

/** The error body of `code` with the catalogue's message in `lang`. */
export function errorBody(statusCode: number, code: ErrorCode, lang: Lang, details?: unknown): ErrorBody {
  return {
    statusCode,
    code,
    message: errorMessage(code, lang, code),
    ...(details !== undefined ? { details: localizeDetails(details, lang) } : {}),
  };
}

/**
 * Maps anything thrown while serving a request to the one error body, its message in `lang` (zh-CN unless the
 * client asked for English). Unknown errors become 500.
 */
export function toErrorBody(err: unknown, lang: Lang = 'zh-CN'): ErrorBody {
  if (err instanceof AppException) return errorBody(err.statusCode, err.code, lang, err.details);
  // Fastify's own errors reach the filters wrapped in an HttpException with the original as `cause`.
  const fastifyCode = fastifyCodeOf(err);
  if (fastifyCode) {
    const m = FASTIFY_CODES[fastifyCode];
    return errorBody(m.status, m.code, lang);
  }
  if (err instanceof HttpException) {
    const status = err.getStatus();
    const response = err.getResponse();
    if (status === 429) return errorBody(429, 'RATE_LIMITED', lang);
    // Readiness (terminus) reports which dependency is down.
    if (status === 503 && typeof response === 'object' && 'details' in response)
      return errorBody(503, 'NOT_READY', lang, response.details);
    return errorBody(status, STATUS_CODES[status] ?? (status >= 500 ? 'INTERNAL_ERROR' : 'HTTP_ERROR'), lang);
  }
  if (isConnectionError(err))
    return errorBody(503, 'SERVICE_UNAVAILABLE', lang, { retryAfterSeconds: DATABASE_RETRY_AFTER_SECONDS });
  const e = err as { statusCode?: number };
  if (e && Number.isInteger(e.statusCode) && e.statusCode! >= 400 && e.statusCode! < 500) {
    const status = e.statusCode!;
    return errorBody(status, STATUS_CODES[status] ?? 'BAD_REQUEST', lang);
  }
  return errorBody(500, 'INTERNAL_ERROR', lang);
}

function fastifyCodeOf(err: unknown): string | undefined {
  for (const candidate of [err, (err as { cause?: unknown })?.cause]) {
    const code = (candidate as { code?: unknown } | undefined)?.code;
    if (typeof code === 'string' && Object.hasOwn(FASTIFY_CODES, code)) return code;
  }
  return undefined;
}
