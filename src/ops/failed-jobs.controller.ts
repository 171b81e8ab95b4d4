import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags, ApiOperation } from '@nestjs/swagger';
import { CurrentUser, Roles } from '../auth/decorators';
import type { Principal } from '../auth/roles';
import { AppException } from '../common/errors/app-exception';
import { QueueName } from '../queue/job-catalogue';
import { AdminService } from './failed-jobs.service';
import { FailedJobDto, JobsLimitQuery } from './dto/ops.dto';

function failedJobId(): ParseUUIDPipe {
  return new ParseUUIDPipe({
    exceptionFactory: () => AppException.notFound('FAILED_JOB_NOT_FOUND', 'No such failed job'),
  });
}

@ApiTags('admin')
@ApiBearerAuth()
@Controller('api/v1/admin')
export class AdminController {
  constructor(private readonly admin: AdminService) {}

  /** Jobs that used their last attempt (notifications the gateway refused, ...), newest first. */
  @ApiOperation({
    summary: '失败任务列表',
    description: '已用尽全部重试次数的后台任务（如网关拒收的通知），最新的在前。',
  })
  @Get('jobs/failed')
  @Roles('ADMIN')
  @ApiOkResponse({ type: [FailedJobDto] })
  failed(@Query() q: JobsLimitQuery): Promise<FailedJobDto[]> {
    return this.admin.failedJobs(q.limit ?? 50);
  }

  /** Notifications that failed their last attempt (SMS the gateway kept refusing), newest first. */
  @ApiOperation({
    summary: '失败通知列表',
    description: '最后一次发送仍失败的通知（如短信网关持续拒收），最新的在前。',
  })
  @Get('notifications/failed')
  @Roles('ADMIN')
  @ApiOkResponse({ type: [FailedJobDto] })
  failedNotifications(@Query() q: JobsLimitQuery): Promise<FailedJobDto[]> {
    return this.admin.failedJobs(q.limit ?? 50, QueueName.Notifications);
  }

  @ApiOperation({ summary: '重新发送失败通知', description: '将一条失败的通知重新放入发送队列。' })
  @Post('notifications/failed/:id/requeue')
  @HttpCode(200)
  @Roles('ADMIN')
  @ApiOkResponse({ type: FailedJobDto })
  requeueNotification(
    @CurrentUser() user: Principal,
    @Param('id', failedJobId()) id: string,
  ): Promise<FailedJobDto> {
    return this.admin.requeue(user, id, QueueName.Notifications);
  }

  @ApiOperation({
    summary: '重新执行失败任务',
    description: '将一条失败的后台任务重新入队；已重新入队的返回 404。',
  })
  @Post('jobs/failed/:id/requeue')
  @HttpCode(200)
  @Roles('ADMIN')
  @ApiOkResponse({ type: FailedJobDto })
  requeue(@CurrentUser() user: Principal, @Param('id', failedJobId()) id: string): Promise<FailedJobDto> {
    return this.admin.requeue(user, id);
  }
}
