import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { REPLACEMENT_REASONS, type ReplacementReason } from '../tribunal-replacement.rules';
import { trim } from '../../common/validation/transforms';
import { VersionDto } from './arbitration.dto';

export class ReplaceArbitratorDto extends VersionDto {
  @ApiProperty({
    enum: REPLACEMENT_REASONS,
    description:
      'RECUSAL: the commission decided the member withdraws (回避, 调解仲裁法 第三十三条) — they are never seated on this case again; UNABLE_TO_ACT: left the commission, ill, …',
  })
  @IsIn(REPLACEMENT_REASONS)
  reason: ReplacementReason;

  @ApiProperty({ format: 'uuid', description: 'The tribunal member who leaves' })
  @IsUUID('all')
  leavingArbitratorId: string;

  @ApiProperty({
    format: 'uuid',
    description:
      'The arbitrator who takes their place: an active arbitrator of the case’s commission not on the tribunal and not recused from the case (GET /api/v1/staff/colleagues?proceeding=ARBITRATION&caseId=…)',
  })
  @IsUUID('all')
  incomingArbitratorId: string;

  @ApiPropertyOptional({ description: 'The commission’s grounds in words (kept on the case timeline)' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MinLength(2)
  @MaxLength(1000)
  note?: string;
}
