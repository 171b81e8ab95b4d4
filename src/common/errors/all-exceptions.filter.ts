import { ArgumentsHost, Catch, ExceptionFilter, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { preferredLanguage } from './catalogue';
import { toErrorBody } from './error-mapping';

/**
 * 503s the platform answers on purpose (a dependency down, a process starting or stopping): the client retries, and
 * a deploy's readiness probes must not log as errors. Any other 5xx is logged.
 */
const EXPECTED_UNAVAILABLE: ReadonlySet<string> = new Set([
  'NOT_READY',
  'SERVICE_UNAVAILABLE',
  'SHUTTING_DOWN',
]);

/**
 * Every error leaves the API as `{statusCode, code, message, details?}`, the message in zh-CN unless the request's
 * Accept-Language prefers English.
 */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const reply = http.getResponse<FastifyReply>();
    const request = http.getRequest<FastifyRequest>();
    const lang = preferredLanguage(request?.headers?.['accept-language']);
    const body = toErrorBody(exception, lang);
    if (body.statusCode >= 500 && !EXPECTED_UNAVAILABLE.has(body.code)) {
      // Only the error class, message and stack: request bodies (personal data) are never logged.
      const err = exception as Error;
      this.logger.error(
        { err: { type: err?.name, message: err?.message, stack: err?.stack }, reqId: request?.id },
        'unhandled error',
      );
    }
    if (body.statusCode === 429 || body.statusCode === 503) {
      const retry = (body.details as { retryAfterSeconds?: number } | undefined)?.retryAfterSeconds;
      void reply.header('Retry-After', String(retry ?? (body.statusCode === 429 ? 60 : 5)));
    }
    void reply.header('Content-Language', lang).header('Vary', 'Accept-Language');
    void reply.status(body.statusCode).send(body);
  }
}
