import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsObject, IsOptional, IsUUID, ValidateNested } from 'class-validator';
import { ArbitrationOverrideDto } from '../../complaints/dto/arbitration-override.dto';

export class CreateInspectionCaseDto {
  @ApiProperty({ format: 'uuid', description: 'A complaint (投诉) or report (举报) routed to INSPECTION' })
  @IsUUID()
  complaintId: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description:
      "The deciding brigade, competent for the complaint's street (400 otherwise); default: the one routed to",
  })
  @IsOptional()
  @IsUUID()
  organisationId?: string;

  @ApiPropertyOptional({
    type: ArbitrationOverrideDto,
    description:
      "Open beside the arbitration that holds the complaint's dispute (pending or decided): else 409 DISPUTE_IN_ARBITRATION",
  })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => ArbitrationOverrideDto)
  override?: ArbitrationOverrideDto;
}
