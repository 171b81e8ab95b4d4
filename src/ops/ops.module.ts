import { Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { AdminController } from './failed-jobs.controller';
import { AdminService } from './failed-jobs.service';
import { HealthController } from './health.controller';
import { JobConsoleService } from './job-console.service';
import { MetricsController } from './metrics.controller';
import { MetricsService } from './metrics.service';
import { OpsController } from './ops.controller';

/**
 * Operators: the job console and manual runs of the scheduled work (the queues come from the global QueueModule),
 * failed jobs and their re-queue (`AdminController`), the liveness and readiness probes (`HealthController`), and
 * the Prometheus registry and its /metrics endpoint (`MetricsService`, exported so domain modules add gauges).
 */
@Module({
  imports: [TerminusModule.forRoot({ logger: false })],
  controllers: [OpsController, AdminController, HealthController, MetricsController],
  providers: [JobConsoleService, AdminService, MetricsService],
  exports: [MetricsService],
})
export class OpsModule {}
