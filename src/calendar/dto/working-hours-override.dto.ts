import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsString, MaxLength, MinLength } from 'class-validator';
import { trim } from '../../common/validation/transforms';

/** Sets an appointment (hearing, mediation session) on a rest day or outside the working hours: why (audited). */
export class WorkingHoursOverrideDto {
  @ApiProperty({
    example: '当事人均同意周六进行',
    description: 'Why a rest day or an hour outside the working hours (recorded on the timeline)',
  })
  @Transform(trim)
  @IsString()
  @MinLength(2)
  @MaxLength(500)
  reason: string;
}
