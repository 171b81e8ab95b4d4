import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { trim } from '../../common/validation/transforms';
import { IsIn, IsObject, IsOptional, IsString, MaxLength, MinLength, ValidateNested } from 'class-validator';
import { REQUEST_CHANNELS, type RequestChannel } from '../withdrawal.rules';

export class BodyConsentDto {
  @ApiProperty({ description: 'How the body consented (who decided, on what)', maxLength: 500 })
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  note: string;
}

export class ComplainantRequestDto {
  @ApiProperty({ enum: REQUEST_CHANNELS, description: 'How the complainant made the request to staff' })
  @IsIn(REQUEST_CHANNELS)
  channel: RequestChannel;

  @ApiPropertyOptional({ description: 'When and to whom, e.g. the call or the letter', maxLength: 200 })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  note?: string;
}

export class WithdrawComplaintDto {
  @ApiProperty({ description: "The complainant's reason for withdrawing", maxLength: 500 })
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  reason: string;

  @ApiPropertyOptional({
    type: BodyConsentDto,
    description: "After the decision: the body's consent, recorded by its staff (a worker may not give it)",
  })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => BodyConsentDto)
  bodyConsent?: BodyConsentDto;

  @ApiPropertyOptional({
    type: ComplainantRequestDto,
    description:
      'Staff only, and required of them: how the complainant asked for the withdrawal (撤回 is the complainant’s act)',
  })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => ComplainantRequestDto)
  complainantRequest?: ComplainantRequestDto;
}
