import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ErrorBody } from '../errors/app-exception';
import { preferredLanguage, type ErrorCode, type Lang } from '../errors/catalogue';
import { errorBody } from '../errors/error-mapping';

/**
 * Errors Fastify and Node's HTTP parser answer before any route (and so before Nest's exception filter) runs,
 * in the platform's one error body `{statusCode, code, message}`.
 */
const FRAMEWORK: Record<string, { status: number; code: ErrorCode }> = {
  FST_ERR_BAD_URL: { status: 400, code: 'BAD_URL' },
  FST_ERR_MAX_PARAM_LENGTH: { status: 414, code: 'URI_TOO_LONG' },
};

/** Fastify's `frameworkErrors` option: bad URL encodings (400) and over-long path parameters (414). */
export function frameworkErrors(
  error: Error & { code?: string },
  req: FastifyRequest,
  reply: FastifyReply,
): void {
  const known = error.code ? FRAMEWORK[error.code] : undefined;
  const lang = preferredLanguage(req?.headers?.['accept-language']);
  const body = known ? errorBody(known.status, known.code, lang) : errorBody(500, 'INTERNAL_ERROR', lang);
  void reply
    .code(body.statusCode)
    .header('Content-Type', 'application/json; charset=utf-8')
    .header('Content-Language', lang)
    .send(body);
}

/**
 * What the HTTP parser refused (headers too large 431, request timeout 408, anything else 400). The request's
 * headers may not have been read: the message is zh-CN, the default.
 */
export function clientErrorBody(err: { code?: string }, lang: Lang = 'zh-CN'): ErrorBody {
  if (err.code === 'HPE_HEADER_OVERFLOW') return errorBody(431, 'HEADERS_TOO_LARGE', lang);
  if (err.code === 'ERR_HTTP_REQUEST_TIMEOUT') return errorBody(408, 'REQUEST_TIMEOUT', lang);
  if (err.code === 'HPE_URI_TOO_LONG') return errorBody(414, 'URI_TOO_LONG', lang);
  // A request line with characters a client did not percent-encode (raw UTF-8 in a query: curl sends it as typed).
  if (err.code === 'HPE_INVALID_URL') return errorBody(400, 'BAD_URL', lang);
  return errorBody(400, 'BAD_REQUEST', lang);
}

/** Fastify's `clientErrorHandler` option: writes the one error body on the raw socket, then closes it. */
export function clientErrorHandler(err: Error & { code?: string }, socket: Socket): void {
  if (err.code === 'ECONNRESET' || socket.destroyed) return;
  const error = clientErrorBody(err);
  const body = JSON.stringify(error);
  if (socket.writable)
    socket.write(
      `HTTP/1.1 ${error.statusCode} ${STATUS_CODES[error.statusCode]}\r\nConnection: close\r\n` +
        `Content-Type: application/json; charset=utf-8\r\nContent-Language: zh-CN\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
    );
  socket.destroy(err);
}
