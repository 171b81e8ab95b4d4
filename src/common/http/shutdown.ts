import { Injectable } from '@nestjs/common';
import type { FastifyInstance } from 'fastify';

/**
 * The process is shutting down (SIGTERM): readiness answers 503 at once so the orchestrator stops routing
 * here, and every response from then on carries `Connection: close`, so a keep-alive client's connection
 * closes after its in-flight request instead of being reset later.
 */
@Injectable()
export class ShutdownState {
  private startedAt: number | null = null;

  begin(): void {
    this.startedAt ??= Date.now();
  }

  get shuttingDown(): boolean {
    return this.startedAt !== null;
  }
}

export function closeConnectionsWhenShuttingDown(fastify: FastifyInstance, state: ShutdownState): void {
  fastify.addHook('onSend', (req, reply, payload, done) => {
    if (state.shuttingDown && req.raw.httpVersionMajor < 2) void reply.header('Connection', 'close');
    done(null, payload);
  });
}
