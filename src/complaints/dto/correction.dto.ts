import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  IsDefined,
  IsNotEmptyObject,
  IsOptional,
  IsString,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { EmployerRefDto } from './create-complaint.dto';
import { trim } from '../../common/validation/transforms';

/** Staff ask the complainant to complete the complaint (补正, 若干规定 第十八条第三款). */
export class RequestCorrectionDto {
  @ApiProperty({
    example: '请补充被投诉用人单位的全称、统一社会信用代码或详细地址',
    description: 'What the complainant must supply (sent to the complainant)',
  })
  @Transform(trim)
  @IsString()
  @MinLength(2)
  @MaxLength(500)
  missing: string;

  @ApiPropertyOptional({ example: '投诉人仅提供了“某某工地”' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(2000)
  note?: string;
}

/** The complainant names the employer: the complaint is submitted again. */
export class SupplyCorrectionDto {
  @ApiProperty({ type: EmployerRefDto })
  @IsDefined()
  @IsNotEmptyObject()
  @ValidateNested()
  @Type(() => EmployerRefDto)
  employer: EmployerRefDto;

  @ApiPropertyOptional({ example: '单位全称见劳动合同首页' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(2000)
  note?: string;
}
