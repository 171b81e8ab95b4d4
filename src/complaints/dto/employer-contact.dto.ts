import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsString } from 'class-validator';
import { trim } from '../../common/validation/transforms';
import { IsMainlandMobile } from '../../common/validation/decorators';

/** Staff confirm the employer's contact number (checked with the employer, e.g. by calling it back). */
export class ConfirmEmployerContactDto {
  @ApiProperty({ example: '13912345678', description: 'The employer’s contact mobile number staff checked' })
  @Transform(trim)
  @IsString()
  @IsMainlandMobile()
  contactPhone: string;
}

export class EmployerContactDto {
  @ApiProperty({ format: 'uuid' }) employerId: string;
  @ApiProperty() contactPhone: string;
  @ApiProperty({ description: 'when staff confirmed it' }) confirmedAt: string;
}
