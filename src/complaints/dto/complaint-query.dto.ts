import { IsLocalDate } from '../../common/validation/decorators';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID, Matches } from 'class-validator';
import { CursorQuery } from '../../common/http/pagination';
import { TRACKING_NO_PATTERN } from '../../common/tracking-number';
import {
  COMPLAINT_CATEGORIES,
  COMPLAINT_STATUSES,
  type ComplaintCategory,
  type ComplaintStatus,
} from '../complaint.constants';

export class ComplaintQueryDto extends CursorQuery {
  @ApiPropertyOptional({ enum: COMPLAINT_STATUSES })
  @IsOptional()
  @IsIn(COMPLAINT_STATUSES)
  status?: ComplaintStatus;

  @ApiPropertyOptional({ enum: COMPLAINT_CATEGORIES })
  @IsOptional()
  @IsIn(COMPLAINT_CATEGORIES)
  category?: ComplaintCategory;

  @ApiPropertyOptional({ description: 'Street/town code (9 digits) or district code (6 digits)' })
  @IsOptional()
  @Matches(/^\d{6}(\d{3})?$/, { message: 'street must be a 6- or 9-digit division code' })
  street?: string;

  @ApiPropertyOptional({
    description:
      "Tracking number, exact (e.g. TS-2026-0000123-7): how a 12333 operator finds a caller's case",
    example: 'TS-2026-0000123-7',
  })
  @IsOptional()
  @Matches(TRACKING_NO_PATTERN, { message: 'trackingNo must look like TS-2026-0000123-7' })
  trackingNo?: string;

  @ApiPropertyOptional({ description: 'Employer id' })
  @IsOptional()
  @IsUUID()
  employerId?: string;

  @ApiPropertyOptional({ description: 'Received on or after (YYYY-MM-DD, Asia/Shanghai)' })
  @IsOptional()
  @IsLocalDate()
  from?: string;

  @ApiPropertyOptional({ description: 'Received on or before (YYYY-MM-DD, Asia/Shanghai)' })
  @IsOptional()
  @IsLocalDate()
  to?: string;
}
