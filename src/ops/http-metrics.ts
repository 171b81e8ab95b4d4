import type { FastifyInstance } from 'fastify';

export interface RequestObserver {
  observeRequest(method: string, route: string, status: number, seconds: number): void;
}

/** Label of a request no route matched (404s of unknown paths), so raw paths never become label values. */
export const UNMATCHED_ROUTE = '(unmatched)';

/** Counts every answered request and its latency by method, route pattern and status (Prometheus). */
export function recordHttpMetrics(fastify: FastifyInstance, metrics: RequestObserver): void {
  fastify.addHook('onResponse', (req, reply, done) => {
    const route = req.routeOptions?.url ?? UNMATCHED_ROUTE;
    metrics.observeRequest(req.method, route, reply.statusCode, reply.elapsedTime / 1000);
    done();
  });
}
