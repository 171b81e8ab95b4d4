import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyInstance, FastifyReply } from 'fastify';

/** URL prefix of the supervisors' dashboard page (static files, no server-side rendering). */
export const DASHBOARD_PREFIX = '/dashboard';

/**
 * Only this origin: no inline script or style, no framing, no third-party hosts (ECharts is served from
 * node_modules below; the machine the platform runs on may have no internet access).
 */
export const DASHBOARD_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self'",
  "connect-src 'self'",
  "font-src 'self'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** The folder holding the page: `public/dashboard` at the package root, from src/ (ts-jest/swc) or dist/src/. */
export function dashboardRoot(from: string = __dirname): string {
  for (let dir = from; ; dir = dirname(dir)) {
    const candidate = join(dir, 'public', 'dashboard');
    if (existsSync(join(candidate, 'index.html'))) return candidate;
    if (dirname(dir) === dir) throw new Error(`public/dashboard/index.html not found above ${from}`);
  }
}

function securityHeaders(reply: FastifyReply): void {
  void reply
    .header('Content-Security-Policy', DASHBOARD_CSP)
    .header('X-Content-Type-Options', 'nosniff')
    .header('X-Frame-Options', 'DENY')
    .header('Referrer-Policy', 'no-referrer')
    .header('Cache-Control', 'no-cache');
}

/**
 * Serves the dashboard (public/dashboard/, plain ES modules) at /dashboard/ and the ECharts bundle at
 * /dashboard/vendor/echarts.min.js. The page signs in with the API's own login and calls the API with the
 * bearer token; these files are public and carry no data. Registered before app.init().
 */
export async function registerDashboard(app: NestFastifyApplication): Promise<void> {
  const echartsDir = dirname(require.resolve('echarts/dist/echarts.min.js'));
  const fastify: FastifyInstance = app.getHttpAdapter().getInstance();
  await fastify.register(async (scope) => {
    // Encapsulated: the headers apply to the dashboard's own routes only, not to the API.
    scope.addHook('onRequest', (_req, reply, done) => {
      securityHeaders(reply);
      done();
    });
    await scope.register(fastifyStatic, {
      root: dashboardRoot(),
      prefix: DASHBOARD_PREFIX, // with redirect: /dashboard → 301 /dashboard/
      redirect: true,
      index: 'index.html',
      dotfiles: 'ignore',
      cacheControl: false,
    });
    scope.get(`${DASHBOARD_PREFIX}/vendor/echarts.min.js`, (_req, reply) =>
      reply.sendFile('echarts.min.js', echartsDir),
    );
  });
}
