import type { LoggerService } from '@nestjs/common';
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

/** Requests being served right now; graceful shutdown waits for this to reach zero. */
export class InFlightRequests {
  private count = 0;

  attach(fastify: FastifyInstance): void {
    fastify.addHook('onRequest', (_req, _reply, done) => {
      this.count++;
      done();
    });
    // onResponse runs once the response was sent; onRequestAbort when the client went away first.
    const finished = (_req: unknown, _reply: unknown, done: () => void) => {
      this.count = Math.max(0, this.count - 1);
      done();
    };
    fastify.addHook('onResponse', finished);
    fastify.addHook('onRequestAbort', (req, done) => finished(req, undefined, done));
  }

  get size(): number {
    return this.count;
  }
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

const LEVELS = new Set(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']);

/**
 * Start-up's logger until the application's own (nestjs-pino) takes over: the same pino JSON lines with the
 * same `context` field, so a process logs in one format from its first line to its last (issue 19.8).
 */
export class EarlyLogger implements LoggerService {
  readonly pino: Logger;

  constructor(level = process.env.LOG_LEVEL, stream?: DestinationStream) {
    this.pino = createLogger(level && LEVELS.has(level) ? level : 'info', stream);
  }

  log(message: unknown, context?: string): void {
    this.write('info', message, context);
  }
  warn(message: unknown, context?: string): void {
    this.write('warn', message, context);
  }
  /** Nest calls error(message, context) or error(message, stack, context). */
  error(message: unknown, ...rest: unknown[]): void {
    const stack = rest.length > 1 ? rest[0] : undefined;
    this.write('error', message, rest.at(-1) as string | undefined, stack ? { stack } : {});
  }
  debug(message: unknown, context?: string): void {
    this.write('debug', message, context);
  }
  verbose(message: unknown, context?: string): void {
    this.write('trace', message, context);
  }
  fatal(message: unknown, context?: string): void {
    this.write('fatal', message, context);
  }

  private write(level: pino.Level, message: unknown, context?: string, extra: object = {}): void {
    if (message !== null && typeof message === 'object') this.pino[level]({ context, ...extra, ...message });
    else this.pino[level]({ context, ...extra }, String(message));
  }
}
