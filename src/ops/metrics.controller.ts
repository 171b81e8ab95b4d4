import { Controller, Get, Headers, Inject, Logger, type OnModuleInit, Res } from '@nestjs/common';
import { ApiExcludeEndpoint } from '@nestjs/swagger';
import { Throttle } from '@nestjs/throttler';
import { timingSafeEqual } from 'node:crypto';
import type { FastifyReply } from 'fastify';
import { Public } from '../auth/decorators';
import { AppException } from '../common/errors/app-exception';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { MetricsService } from './metrics.service';

function sameToken(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Prometheus scrape endpoint. Public in the application's sense (no user login); when METRICS_TOKEN is set the
 * scraper must send it as a bearer token. Unset, the route is open in development and test only: in production
 * it is closed (401) until a token is configured, so process and queue figures are never public by default.
 */
@Controller()
export class MetricsController implements OnModuleInit {
  private readonly logger = new Logger(MetricsController.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly metrics: MetricsService,
  ) {}

  onModuleInit(): void {
    if (this.closed)
      this.logger.warn('METRICS_TOKEN is not set: /metrics answers 401 in production until it is');
  }

  /** Production without a token: nobody may scrape. */
  private get closed(): boolean {
    return this.config.metricsToken === null && this.config.nodeEnv === 'production';
  }

  @Get('metrics')
  @Public()
  @Throttle({ default: { limit: 120, ttl: 60_000 } })
  @ApiExcludeEndpoint()
  async scrape(
    @Headers('authorization') authorization: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    if (this.closed)
      throw AppException.unauthorized(
        'METRICS_TOKEN_REQUIRED',
        'Set METRICS_TOKEN: /metrics is closed in production without it',
      );
    const token = this.config.metricsToken;
    if (token !== null && !sameToken(authorization ?? '', `Bearer ${token}`))
      throw AppException.unauthorized('METRICS_TOKEN_REQUIRED', 'A valid metrics bearer token is required');
    const body = await this.metrics.metrics();
    void reply.header('Content-Type', this.metrics.contentType);
    return body;
  }
}
