import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID, ValidateIf } from 'class-validator';
import { MANUAL_CLOSURES, type ManualClosure } from '../inspection.constants';
import { InspectionVersionDto, Text } from './inspection.dto';

export class CloseInspectionDto extends InspectionVersionDto {
  @ApiProperty({ enum: MANUAL_CLOSURES })
  @IsIn(MANUAL_CLOSURES)
  closureType: ManualClosure;

  @ApiPropertyOptional({
    format: 'uuid',
    description:
      'MERGED (并案) only, and then required: the surviving case — under investigation, of the same employer and ' +
      'brigade, in your scope (404 MERGE_TARGET_NOT_FOUND; 409 MERGE_TARGET_NOT_OPEN / _OTHER_EMPLOYER / _OTHER_BRIGADE)',
  })
  @ValidateIf((o: CloseInspectionDto) => o.closureType === 'MERGED' || o.mergedIntoCaseId !== undefined)
  @IsUUID()
  mergedIntoCaseId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Text(1000)
  note?: string;
}
