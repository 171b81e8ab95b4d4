import type { FastifyReply } from 'fastify';
import { AppException } from '../common/errors/app-exception';
import type { AppConfig } from '../config/app-config';
import { MetricsController } from './metrics.controller';
import type { MetricsService } from './metrics.service';

describe('MetricsController (METRICS_TOKEN)', () => {
  const metrics = {
    metrics: () => Promise.resolve('lrp_outbox_lag_seconds 0\n'),
    contentType: 'text/plain; version=0.0.4; charset=utf-8',
  } as unknown as MetricsService;
  const reply = () => {
    const headers: Record<string, string> = {};
    return {
      headers,
      reply: {
        header: (k: string, v: string) => {
          headers[k] = v;
          return undefined;
        },
      } as unknown as FastifyReply,
    };
  };
  const controller = (token: string | null, nodeEnv: AppConfig['nodeEnv'] = 'development') =>
    new MetricsController({ metricsToken: token, nodeEnv } as AppConfig, metrics);

  it('is closed in production when no token is configured', async () => {
    await expect(controller(null, 'production').scrape(undefined, reply().reply)).rejects.toMatchObject({
      statusCode: 401,
      code: 'METRICS_TOKEN_REQUIRED',
    } satisfies Partial<AppException>);
    await expect(
      controller('scrape-token-0123456789', 'production').scrape(
        'Bearer scrape-token-0123456789',
        reply().reply,
      ),
    ).resolves.toContain('lrp_');
  });

  it('is open in development when no token is configured', async () => {
    const r = reply();
    await expect(controller(null).scrape(undefined, r.reply)).resolves.toBe('lrp_outbox_lag_seconds 0\n');
    expect(r.headers['Content-Type']).toMatch(/^text\/plain/);
  });

  it('needs the bearer token when one is configured', async () => {
    const c = controller('scrape-token-0123456789');
    for (const header of [
      undefined,
      'Bearer wrong',
      'scrape-token-0123456789',
      'Bearer scrape-token-012345678',
    ])
      await expect(c.scrape(header, reply().reply)).rejects.toMatchObject({
        statusCode: 401,
        code: 'METRICS_TOKEN_REQUIRED',
      } satisfies Partial<AppException>);
    await expect(c.scrape('Bearer scrape-token-0123456789', reply().reply)).resolves.toContain('lrp_');
  });
});
