import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { CursorQuery } from '../../common/http/pagination';
import { IsUscc } from '../../common/validation/decorators';
import { normaliseUscc } from '../../common/validation/uscc';
import {
  INDUSTRY_CODES,
  SIZE_CLASSES,
  type IndustrySection,
  type SizeClass,
} from '../employer-classification';
import { trim } from '../../common/validation/transforms';
import { NAME_CONFIRMED } from './employer-contact.dto';

const upper = ({ value }: { value: unknown }) => (typeof value === 'string' ? normaliseUscc(value) : value);

export const MAX_REGISTER_ROWS = 1000;
export const STREET_CODE = /^\d{9}$/;

export class EmployerRegisterRowDto {
  @ApiProperty({ example: '91310115MA1H7XYZ0K', description: 'Unified Social Credit Code (GB 32100-2015)' })
  @Transform(upper)
  @IsString()
  @IsUscc()
  uscc: string;

  @ApiProperty({ example: '上海浦东某某建筑劳务有限公司' })
  @Transform(trim)
  @IsString()
  @MinLength(2)
  @MaxLength(200)
  name: string;

  @ApiProperty({ example: '310115005', description: 'Street/town division code (9 digits)' })
  @IsString()
  @Matches(STREET_CODE, { message: 'streetCode must be a 9-digit street/town code' })
  streetCode: string;

  @ApiProperty({ enum: INDUSTRY_CODES, description: 'GB/T 4754-2017 门类 letter' })
  @IsIn(INDUSTRY_CODES)
  industryCode: IndustrySection;

  @ApiProperty({ enum: SIZE_CLASSES })
  @IsIn(SIZE_CLASSES)
  sizeClass: SizeClass;

  @ApiProperty({ example: 120 })
  @IsInt()
  @Min(0)
  @Max(10_000_000)
  headcount: number;

  @ApiPropertyOptional({ example: '浦东新区世纪大道100号' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(300)
  address?: string;
}

export class RegisterEmployersDto {
  @ApiProperty({ type: [EmployerRegisterRowDto], maxItems: MAX_REGISTER_ROWS })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_REGISTER_ROWS)
  @ValidateNested({ each: true })
  @Type(() => EmployerRegisterRowDto)
  employers: EmployerRegisterRowDto[];
}

export class RegisterEmployersResultDto {
  @ApiProperty() created: number;
  @ApiProperty() updated: number;
  @ApiProperty({ type: [String], description: 'Employer ids, in the order of the rows' }) ids: string[];
}

export class EmployerRegisterQuery extends CursorQuery {
  @ApiPropertyOptional({ example: '310115005' })
  @IsOptional()
  @Matches(STREET_CODE, { message: 'street must be a 9-digit street/town code' })
  street?: string;

  @ApiPropertyOptional({ enum: INDUSTRY_CODES })
  @IsOptional()
  @IsIn(INDUSTRY_CODES)
  industry?: IndustrySection;

  @ApiPropertyOptional({ enum: SIZE_CLASSES })
  @IsOptional()
  @IsIn(SIZE_CLASSES)
  size?: SizeClass;
}

export class RegisteredEmployerDto {
  @ApiProperty() id: string;
  @ApiProperty({ nullable: true, type: String }) uscc: string | null;
  @ApiProperty() name: string;
  @ApiProperty({ description: NAME_CONFIRMED })
  nameConfirmed: boolean;
  @ApiProperty({ nullable: true, type: String }) streetCode: string | null;
  @ApiProperty({ nullable: true, enum: INDUSTRY_CODES }) industryCode: IndustrySection | null;
  @ApiProperty({ nullable: true, enum: SIZE_CLASSES }) sizeClass: SizeClass | null;
  @ApiProperty({ nullable: true, type: Number }) headcount: number | null;
  @ApiProperty({ nullable: true, type: String }) address: string | null;
}

export class RegisteredEmployerPageDto {
  @ApiProperty({ type: [RegisteredEmployerDto] }) items: RegisteredEmployerDto[];
  @ApiProperty({ nullable: true, type: String }) nextCursor: string | null;
}
