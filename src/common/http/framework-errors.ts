import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ErrorBody } from '../errors/app-exception';

/**
 * Errors Fastify and Node's HTTP parser answer before any route (and so before Nest's exception filter) runs,
 * in the platform's one error body `{statusCode, code, message}`.
 */
const FRAMEWORK: Record<string, ErrorBody> = {
  FST_ERR_BAD_URL: { statusCode: 400, code: 'BAD_URL', message: 'The URL is not valid' },
  FST_ERR_MAX_PARAM_LENGTH: {
    statusCode: 414,
    code: 'URI_TOO_LONG',
    message: 'A path parameter of the URL is too long',
  },
};

const INTERNAL: ErrorBody = {
  statusCode: 500,
  code: 'INTERNAL_ERROR',
  message: 'An unexpected error occurred',
};

/** Fastify's `frameworkErrors` option: bad URL encodings (400) and over-long path parameters (414). */
export function frameworkErrors(
  error: Error & { code?: string },
  _req: FastifyRequest,
  reply: FastifyReply,
): void {
  const body = (error.code && FRAMEWORK[error.code]) || INTERNAL;
  void reply.code(body.statusCode).header('Content-Type', 'application/json; charset=utf-8').send(body);
}

/** What the HTTP parser refused (headers too large 431, request timeout 408, anything else 400). */
export function clientErrorBody(err: { code?: string }): ErrorBody {
  if (err.code === 'HPE_HEADER_OVERFLOW')
    return { statusCode: 431, code: 'HEADERS_TOO_LARGE', message: 'The request headers are too large' };
  if (err.code === 'ERR_HTTP_REQUEST_TIMEOUT')
    return { statusCode: 408, code: 'REQUEST_TIMEOUT', message: 'The request took too long to arrive' };
  if (err.code === 'HPE_URI_TOO_LONG')
    return { statusCode: 414, code: 'URI_TOO_LONG', message: 'The URL is too long' };
  return { statusCode: 400, code: 'BAD_REQUEST', message: 'The request is not valid HTTP' };
}

/** Fastify's `clientErrorHandler` option: writes the one error body on the raw socket, then closes it. */
export function clientErrorHandler(err: Error & { code?: string }, socket: Socket): void {
  if (err.code === 'ECONNRESET' || socket.destroyed) return;
  const error = clientErrorBody(err);
  const body = JSON.stringify(error);
  if (socket.writable)
    socket.write(
      `HTTP/1.1 ${error.statusCode} ${STATUS_CODES[error.statusCode]}\r\nConnection: close\r\n` +
        `Content-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
    );
  socket.destroy(err);
}
