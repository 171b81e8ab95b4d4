import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsString, MaxLength, MinLength } from 'class-validator';
import { IsMainlandMobile } from '../../common/validation/decorators';
import { trim } from '../../common/validation/transforms';
import { RecordProfileDto } from './profile.dto';

/**
 * Staff correct a worker account's recorded identity from the ID card she shows: the name and ID number as on the
 * card (validated as the worker's own recording is: RecordProfileDto), the account by its sign-in mobile number
 * (in the body: a number in a URL would reach access logs), and why.
 */
export class CorrectIdentityDto extends RecordProfileDto {
  @ApiProperty({ example: '13800000000', description: 'The mobile number the worker account signs in with' })
  @Transform(trim)
  @IsString()
  @IsMainlandMobile()
  phone: string;

  @ApiProperty({
    example: '登记时身份证号码误填，已核验身份证原件',
    description: 'Why, and how the worker’s identity was checked (kept in the trail; no ID number in it)',
    maxLength: 500,
  })
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  reason: string;
}

export class IdentityCorrectionDto {
  @ApiProperty({ description: 'The correction’s id (its row in the trail)' }) id: string;
  @ApiProperty({ description: 'The worker account corrected' }) userId: string;
  @ApiProperty({ example: '138****0000', description: 'The account’s mobile number, masked' }) phone: string;
  @ApiProperty({ example: '张*', description: 'The real name now recorded, masked' }) realName: string;
  @ApiProperty({ example: '110***********002X', description: 'The ID number now recorded, masked' })
  idNumber: string;
  @ApiProperty({
    enum: ['REAL_NAME', 'ID_NUMBER'],
    isArray: true,
    description: 'What the correction changed',
  })
  changed: ('REAL_NAME' | 'ID_NUMBER')[];
  @ApiProperty() correctedAt: string;
}
