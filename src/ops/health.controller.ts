import { Controller, Get, Inject } from '@nestjs/common';
import { ApiTags, ApiOperation } from '@nestjs/swagger';
import { SkipThrottle } from '@nestjs/throttler';
import {
  HealthCheck,
  HealthCheckService,
  HealthIndicatorService,
  TypeOrmHealthIndicator,
} from '@nestjs/terminus';
import { Public } from '../auth/decorators';
import { AppException } from '../common/errors/app-exception';
import { ShutdownState } from '../common/http/shutdown';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { QueueService } from '../queue/queue.service';

// Probes are not rate limited: an orchestrator polls them, and while the database is away readiness must say
// which dependency is down instead of failing on the limiter's own (PostgreSQL) counter.
@ApiTags('health')
@SkipThrottle()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly db: TypeOrmHealthIndicator,
    private readonly indicators: HealthIndicatorService,
    private readonly queues: QueueService,
    private readonly shutdown: ShutdownState,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The process is up (no dependencies checked). */
  @ApiOperation({ summary: '存活检查', description: '进程在运行（不检查依赖）。' })
  @Get('live')
  @Public()
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  /**
   * Can this process take requests? 503 from the moment it is shutting down, and when the database cannot be
   * reached. The queue is reported in the details; it fails readiness only where jobs run in this process
   * (role `all`): an API process keeps taking complaints while Redis is away (they wait in the outbox), so an
   * orchestrator must not take every API pod out for it.
   */
  @ApiOperation({
    summary: '就绪检查',
    description: '本进程能否处理请求：停止中或数据库不可达时返回 503；队列状态列在 details 中。',
  })
  @Get('ready')
  @Public()
  @HealthCheck()
  ready() {
    if (this.shutdown.shuttingDown)
      throw new AppException(503, 'SHUTTING_DOWN', 'This process is shutting down');
    const queueFailsReadiness = this.config.processRole !== 'api';
    return this.health.check([
      () => this.db.pingCheck('database', { timeout: 3000 }),
      async () => {
        const indicator = this.indicators.check('queue');
        try {
          await Promise.race([
            this.queues.ping(),
            new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), 3000)),
          ]);
          return indicator.up({ backend: this.queues.backendKind, reachable: true });
        } catch (err) {
          const info = {
            backend: this.queues.backendKind,
            reachable: false,
            message: (err as Error).message,
          };
          return queueFailsReadiness ? indicator.down(info) : indicator.up(info);
        }
      },
    ]);
  }
}
