import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBearerAuth,
  ApiOkResponse,
  ApiParam,
  ApiTags,
  ApiOperation,
} from '@nestjs/swagger';
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
  @ApiOperation({ summary: '队列概况', description: '各队列中等待、运行、延迟、失败和已完成的任务数。' })
  @Get('queues')
  @Roles('ADMIN')
  @ApiOkResponse({ type: [QueueCountsDto] })
  queues(): Promise<QueueCountsDto[]> {
    return this.console.overview();
  }

  /** The jobs of one state in a queue (default: failed), newest first. */
  @ApiOperation({ summary: '队列任务列表', description: '某队列中某一状态（默认失败）的任务，最新的在前。' })
  @Get('queues/:queue/jobs')
  @Roles('ADMIN')
  @ApiParam({ name: 'queue', enum: QUEUE_NAMES })
  @ApiOkResponse({ type: [QueueJobDto] })
  jobs(@Param('queue') queue: string, @Query() q: QueueJobsQuery): Promise<QueueJobDto[]> {
    return this.console.jobs(queue, q.state ?? 'failed', q.limit ?? 50);
  }

  /** Retries a failed job (409 JOB_NOT_FAILED for a job in another state). */
  @ApiOperation({
    summary: '重试任务',
    description: '重试一个失败的任务（其他状态的任务返回 409 JOB_NOT_FAILED）。',
  })
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
  @ApiOperation({
    summary: '重新计算结案率',
    description: '立即运行夜间的结案率重算任务；运行中返回 409 JOB_ALREADY_RUNNING。',
  })
  @Post('sla/recompute')
  @HttpCode(202)
  @Roles('ADMIN')
  @ApiAcceptedResponse({ type: EnqueuedJobDto })
  recompute(@CurrentUser() user: Principal): Promise<EnqueuedJobDto> {
    return this.console.trigger(user, JobName.SlaRecomputeAll);
  }

  /** Runs a daily sweep now (the scheduler's own job); 409 JOB_ALREADY_RUNNING while one runs. */
  @ApiOperation({
    summary: '运行定时任务',
    description: '立即运行一项每日定时任务；运行中返回 409 JOB_ALREADY_RUNNING。',
  })
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
