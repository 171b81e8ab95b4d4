import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsString, MaxLength, MinLength } from 'class-validator';
import { IsChineseIdNumber } from '../../common/validation/decorators';
import { trim } from '../../common/validation/transforms';

export class RecordProfileDto {
  @ApiProperty({ example: '张三', description: 'Real name as on the resident ID card' })
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(64)
  realName: string;

  @ApiProperty({
    example: '11010519491231002X',
    description: '18-digit resident ID number (GB 11643 check digit)',
  })
  @Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' ? value.trim().toUpperCase() : value,
  )
  @IsString()
  @IsChineseIdNumber()
  idNumber: string;
}

export class ProfileDto {
  @ApiProperty({ example: '13800000000', description: 'The account’s mobile number, verified by SMS code' })
  phone: string;
  @ApiProperty({ type: String, nullable: true, example: '张三' }) realName: string | null;
  @ApiProperty({ type: String, nullable: true, example: '11010519491231002X' }) idNumber: string | null;
  @ApiProperty({ description: 'real name and ID number recorded (once; they cannot be changed here)' })
  identityRecorded: boolean;
  @ApiProperty({ type: String, nullable: true }) recordedAt: string | null;
}
