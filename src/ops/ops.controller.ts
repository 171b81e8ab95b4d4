import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiOkResponse, ApiParam, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles } from '../auth/decorators';
import type { Principal } from '../auth/roles';
import { AppException } from '../common/errors/app-exception';
import { JobName } from '../queue/job-catalogue';
import { EnqueuedJobDto, QueueCountsDto, QueueJobDto, QueueJobsQuery } from './dto/ops.dto';
import { JobConsoleService } from './job-console.service';
import { isSweepName, QUEUE_NAMES, SWEEP_NAMES, SWEEPS } from './ops.rules';

/** The operators' job console and manual runs of the nightly work (ADMIN only). */
@ApiTags('admin')
@ApiBearerAuth()
@Controller('api/v1/admin')
export class OpsController {
  constructor(private readonly console: JobConsoleService) {}

  /** Waiting, active, delayed, failed and completed jobs per queue. */
  @Get('queues')
  @Roles('ADMIN')
  @ApiOkResponse({ type: [QueueCountsDto] })
  queues(): Promise<QueueCountsDto[]> {
    return this.console.overview();
  }

  /** The jobs of one state in a queue (default: failed), newest first. */
  @Get('queues/:queue/jobs')
  @Roles('ADMIN')
  @ApiParam({ name: 'queue', enum: QUEUE_NAMES })
  @ApiOkResponse({ type: [QueueJobDto] })
  jobs(@Param('queue') queue: string, @Query() q: QueueJobsQuery): Promise<QueueJobDto[]> {
    return this.console.jobs(queue, q.state ?? 'failed', q.limit ?? 50);
  }

  /** Retries a failed job (409 JOB_NOT_FAILED for a job in another state). */
  @Post('queues/:queue/jobs/:id/retry')
  @HttpCode(200)
  @Roles('ADMIN')
  @ApiParam({ name: 'queue', enum: QUEUE_NAMES })
  @ApiOkResponse({ type: QueueJobDto })
  retry(
    @CurrentUser() user: Principal,
    @Param('queue') queue: string,
    @Param('id') id: string,
  ): Promise<QueueJobDto> {
    return this.console.retry(user, queue, id);
  }

  /** Runs the nightly KPI recompute (sla.recompute-all) now; 409 JOB_ALREADY_RUNNING while one runs. */
  @Post('sla/recompute')
  @HttpCode(202)
  @Roles('ADMIN')
  @ApiAcceptedResponse({ type: EnqueuedJobDto })
  recompute(@CurrentUser() user: Principal): Promise<EnqueuedJobDto> {
    return this.console.trigger(user, JobName.SlaRecomputeAll);
  }

  /** Runs a daily sweep now (the scheduler's own job); 409 JOB_ALREADY_RUNNING while one runs. */
  @Post('sweeps/:name')
  @HttpCode(202)
  @Roles('ADMIN')
  @ApiParam({ name: 'name', enum: SWEEP_NAMES })
  @ApiAcceptedResponse({ type: EnqueuedJobDto })
  sweep(@CurrentUser() user: Principal, @Param('name') name: string): Promise<EnqueuedJobDto> {
    if (!isSweepName(name)) throw AppException.notFound('SWEEP_NOT_FOUND');
    return this.console.trigger(user, SWEEPS[name]);
  }
}
