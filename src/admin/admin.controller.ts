import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { CurrentUser, Roles } from '../auth/decorators';
import type { Principal } from '../auth/roles';
import { AppException } from '../common/errors/app-exception';
import { QueueName } from '../queue/job-catalogue';
import { AdminService } from './admin.service';

class FailedJobsQuery {
  @ApiPropertyOptional({ default: 50, maximum: 200 })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value,
  )
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;
}

class FailedJobDto {
  @ApiProperty() id: string;
  @ApiProperty() queue: string;
  @ApiProperty() jobName: string;
  @ApiProperty() payload: Record<string, unknown>;
  @ApiProperty() error: string;
  @ApiProperty() attempts: number;
  @ApiProperty() failedAt: string;
}

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
  @Get('jobs/failed')
  @Roles('ADMIN')
  @ApiOkResponse({ type: [FailedJobDto] })
  failed(@Query() q: FailedJobsQuery): Promise<FailedJobDto[]> {
    return this.admin.failedJobs(q.limit ?? 50);
  }

  /** Notifications that failed their last attempt (SMS the gateway kept refusing), newest first. */
  @Get('notifications/failed')
  @Roles('ADMIN')
  @ApiOkResponse({ type: [FailedJobDto] })
  failedNotifications(@Query() q: FailedJobsQuery): Promise<FailedJobDto[]> {
    return this.admin.failedJobs(q.limit ?? 50, QueueName.Notifications);
  }

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

  @Post('jobs/failed/:id/requeue')
  @HttpCode(200)
  @Roles('ADMIN')
  @ApiOkResponse({ type: FailedJobDto })
  requeue(@CurrentUser() user: Principal, @Param('id', failedJobId()) id: string): Promise<FailedJobDto> {
    return this.admin.requeue(user, id);
  }
}
