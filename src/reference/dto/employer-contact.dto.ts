import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsString, MaxLength, MinLength } from 'class-validator';
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

/** What `nameConfirmed` means next to an employer's name, in every staff view that shows one. */
export const NAME_CONFIRMED =
  'false: a provisional name, as a complaint or an anonymous report first typed it (possibly a party’s wording); true: given by a verified source (register import, a filing, staff)';

/** Staff confirm or correct the register's name of an employer (checked against its business licence). */
export class ConfirmEmployerNameDto {
  @ApiProperty({ example: '上海浦东某某建筑劳务有限公司', minLength: 2, maxLength: 200 })
  @Transform(trim)
  @IsString()
  @MinLength(2)
  @MaxLength(200)
  name: string;
}

export class EmployerNameDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ description: NAME_CONFIRMED })
  nameConfirmed: boolean;
}
