import type { FastifyInstance } from 'fastify';
import pino, { type DestinationStream, type Logger } from 'pino';
import { LOG_REDACT_PATHS } from './pii';

/**
 * The platform's one pino logger: JSON lines, personal data redacted. Requests are logged once, on
 * completion, with the request id, method and path only: no query strings, headers, bodies or client
 * addresses (anonymous reporters must stay anonymous).
 */
export function createLogger(level: string, stream?: DestinationStream): Logger {
  const options = {
    level,
    redact: { paths: LOG_REDACT_PATHS, censor: '[REDACTED]' },
    base: { pid: process.pid },
    timestamp: pino.stdTimeFunctions.isoTime,
  };
  return stream ? pino(options, stream) : pino(options);
}

export function logRequests(fastify: FastifyInstance, logger: Logger): void {
  fastify.addHook('onResponse', (req, reply, done) => {
    if (!req.url.startsWith('/health')) {
      const line = {
        req: { id: req.id, method: req.method, path: req.url.split('?')[0] },
        res: { statusCode: reply.statusCode },
        responseTimeMs: Math.round(reply.elapsedTime),
      };
      if (reply.statusCode >= 500) logger.error(line, 'request failed');
      else logger.info(line, 'request completed');
    }
    done();
  });
}
