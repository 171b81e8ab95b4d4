import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsObject, IsOptional, IsString, MaxLength, MinLength, ValidateNested } from 'class-validator';

export class BodyConsentDto {
  @ApiProperty({ description: 'How the body consented (who decided, on what)', maxLength: 500 })
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  note: string;
}

export class WithdrawComplaintDto {
  @ApiProperty({ description: "The complainant's reason for withdrawing", maxLength: 500 })
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
}
