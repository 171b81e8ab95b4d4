import { Injectable } from '@nestjs/common';
import type { FastifyInstance } from 'fastify';
import { Server as NetServer, type Socket } from 'node:net';

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

/** The open HTTP connections of a server, so that a graceful stop can wait for keep-alive clients to leave. */
export class OpenConnections {
  private readonly sockets = new Set<Socket>();

  attach(server: NetServer): void {
    server.on('connection', (socket: Socket) => {
      this.sockets.add(socket);
      socket.once('close', () => this.sockets.delete(socket));
    });
  }

  get size(): number {
    return this.sockets.size;
  }
}

/**
 * Stops accepting connections without touching open ones. `http.Server#close` would also close idle keep-alive
 * connections at once, racing a client that is just sending its next request on one (a reset); left open, each
 * connection gets its next answer with `Connection: close` and closes after it.
 */
export function stopListening(server: NetServer): void {
  if (server.listening) NetServer.prototype.close.call(server);
}

/**
 * Resolves once no request is in flight and every connection has closed, or when `graceMs` has passed. Requests
 * still running then are cut by the caller's close.
 */
export async function drainConnections(
  inFlight: { size: number } | undefined,
  connections: OpenConnections | undefined,
  graceMs: number,
  pollMs = 25,
): Promise<void> {
  const deadline = Date.now() + graceMs;
  while ((inFlight?.size ?? 0) + (connections?.size ?? 0) > 0 && Date.now() < deadline)
    await new Promise((r) => setTimeout(r, pollMs));
}
