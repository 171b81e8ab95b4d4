import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { CONSOLE_STATES, type ConsoleState } from '../ops.rules';
import { IntFromQuery } from '../../common/validation/decorators';

export class QueueCountsDto {
  @ApiProperty() queue: string;
  @ApiProperty() waiting: number;
  @ApiProperty() active: number;
  @ApiProperty() delayed: number;
  @ApiProperty() failed: number;
  @ApiProperty() completed: number;
  @ApiProperty({ description: 'true when the queue is paused' }) paused: boolean;
}

/** How many jobs a console list shows (newest first). */
export class JobsLimitQuery {
  @ApiPropertyOptional({ default: 50, maximum: 200 })
  @IsOptional()
  @IntFromQuery()
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;
}

export class QueueJobsQuery extends JobsLimitQuery {
  @ApiPropertyOptional({ enum: CONSOLE_STATES, default: 'failed' })
  @IsOptional()
  @IsIn(CONSOLE_STATES)
  state?: ConsoleState;
}

/** A job that used its last attempt (a row of job_failures). */
export class FailedJobDto {
  @ApiProperty() id: string;
  @ApiProperty() queue: string;
  @ApiProperty() jobName: string;
  @ApiProperty() payload: Record<string, unknown>;
  @ApiProperty() error: string;
  @ApiProperty() attempts: number;
  @ApiProperty() failedAt: string;
}

export class QueueJobDto {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: CONSOLE_STATES }) state: ConsoleState;
  @ApiProperty({ description: 'The payload (ids only: job payloads never carry personal data)' })
  data: Record<string, unknown>;
  @ApiProperty() attemptsMade: number;
  @ApiProperty({ nullable: true, type: String }) failedReason: string | null;
  @ApiProperty({ description: 'When the job was added (ISO)' }) createdAt: string;
  @ApiProperty({ nullable: true, type: String }) finishedAt: string | null;
}

export class EnqueuedJobDto {
  @ApiProperty() queue: string;
  @ApiProperty() jobName: string;
  @ApiProperty() jobId: string;
}
