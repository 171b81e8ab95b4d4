import helmet from '@fastify/helmet';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';

/**
 * Security headers on every response (@fastify/helmet: X-Content-Type-Options, Strict-Transport-Security,
 * X-Frame-Options, Referrer-Policy, ...). Its Content-Security-Policy is off here: API answers are JSON, the
 * dashboard sets its own strict policy, and the OpenAPI UI needs its inline bootstrap.
 *
 * API answers carry personal data and tokens, so `/api/` responses are `Cache-Control: no-store` unless the route
 * chose a policy of its own (public, cacheable statistics).
 */
export async function registerSecurityHeaders(app: NestFastifyApplication): Promise<void> {
  await app.register(helmet, {
    global: true,
    contentSecurityPolicy: false,
    crossOriginEmbedderPolicy: false,
  });
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onSend', (req, reply, payload, done) => {
      if (req.url.startsWith('/api/') && !reply.hasHeader('Cache-Control'))
        void reply.header('Cache-Control', 'no-store');
      done(null, payload);
    });
}
