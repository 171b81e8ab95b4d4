import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { CursorQuery } from '../../common/http/pagination';
import { IntFromQuery, IsLocalDate, IsUscc } from '../../common/validation/decorators';
import {
  CLOSURE_KINDS,
  CONTRACT_KINDS,
  CONTRACT_STATUSES,
  HARMONIOUS_LEVELS,
  type ClosureKind,
  type ContractKind,
  type ContractStatus,
  type HarmoniousLevel,
} from '../filings.rules';
import { LAYOFF_GROUNDS, type LayoffGround } from '../layoff.rules';
import { STREET_CODE } from '../../reference/dto/employer-register.dto';
import { trim } from '../../common/validation/transforms';

const upperTrim = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? value.trim().toUpperCase() : value;

/** A street/town division code (9 digits, e.g. 310115005): a filing's jurisdiction is a street (filing-scope.ts). */
function IsStreetCode(): PropertyDecorator {
  return applyDecorators(
    IsString(),
    Matches(STREET_CODE, { message: '$property must be a 9-digit street/town code' }),
  );
}

/** The employer a filing is made by (or for), found or created in the employers register by its USCC. */
export class FilingEmployerDto {
  @ApiProperty({ example: '91310115MA1K4XXXX0', description: '18-character USCC (GB 32100-2015)' })
  @Transform(upperTrim)
  @IsString()
  @IsUscc()
  uscc: string;

  @ApiProperty({ example: '上海某某制造有限公司' })
  @Transform(trim)
  @IsString()
  @MinLength(2)
  @MaxLength(200)
  name: string;

  @ApiPropertyOptional({ maxLength: 300 })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(300)
  address?: string;
}

class FilingBaseDto {
  @ApiProperty({ type: FilingEmployerDto })
  @IsObject()
  @ValidateNested()
  @Type(() => FilingEmployerDto)
  employer: FilingEmployerDto;

  @ApiProperty({ example: '310115005', description: 'Street/town of the workplace (must be in your scope)' })
  @IsStreetCode()
  streetCode: string;
}

export class CreateLayoffFilingDto extends FilingBaseDto {
  @ApiProperty({ minimum: 1 })
  @IsInt()
  @Min(1)
  @Max(10_000_000)
  headcountCut: number;

  @ApiProperty({ minimum: 1, description: 'All staff of the enterprise (企业职工总数)' })
  @IsInt()
  @Min(1)
  @Max(10_000_000)
  totalHeadcount: number;

  @ApiProperty({ example: '2027-01-15', description: 'Day the first contracts end; after today' })
  @IsLocalDate()
  layoffOn: string;

  @ApiPropertyOptional({
    example: '2026-12-01',
    description:
      'Day the union or all staff were told; required (≥ 30 days before layoffOn) when Art 41 applies',
  })
  @IsOptional()
  @IsLocalDate()
  unionOrStaffNotifiedOn?: string;

  @ApiPropertyOptional({ enum: LAYOFF_GROUNDS, isArray: true, description: 'Required when Art 41 applies' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(LAYOFF_GROUNDS.length)
  @ArrayUnique()
  @IsIn(LAYOFF_GROUNDS, { each: true })
  grounds?: LayoffGround[];

  @ApiProperty({ maxLength: 5000 })
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(5000)
  reasons: string;

  @ApiPropertyOptional({
    maxLength: 10000,
    description: 'Opinion of the union or staff; required when Art 41 applies',
  })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(10000)
  consultationRecord?: string;
}

export class CreateClosureNoticeDto extends FilingBaseDto {
  @ApiProperty({ enum: CLOSURE_KINDS, description: '关停 / 并 / 转 / 迁' })
  @IsIn(CLOSURE_KINDS)
  kind: ClosureKind;

  @ApiProperty({
    example: '2026-11-20',
    description: 'Day the staff and administration were notified; not future',
  })
  @IsLocalDate()
  notifiedOn: string;

  @ApiProperty({ example: '2027-02-01', description: 'Day it takes effect; not past' })
  @IsLocalDate()
  effectiveOn: string;

  @ApiProperty({ minimum: 0 })
  @IsInt()
  @Min(0)
  @Max(10_000_000)
  workersAffected: number;

  @ApiPropertyOptional({ maxLength: 10000, description: '职工安置方案; required when workers are affected' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(10000)
  resettlementPlan?: string;

  @ApiPropertyOptional({ maxLength: 2000 })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(2000)
  details?: string;
}

export class CreateCollectiveContractDto extends FilingBaseDto {
  @ApiProperty({
    enum: CONTRACT_KINDS,
    description: '综合 / 工资专项 / 女职工权益保护专项 / 劳动安全卫生专项 / 其他专项',
  })
  @IsIn(CONTRACT_KINDS)
  contractKind: ContractKind;

  @ApiProperty({ maxLength: 200 })
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  title: string;

  @ApiProperty({ maxLength: 200000, description: 'The text as registered' })
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(200_000)
  text: string;

  @ApiProperty({ minimum: 1 })
  @IsInt()
  @Min(1)
  @Max(10_000_000)
  workersCovered: number;

  @ApiProperty({ description: '首席代表签字 date; not after submittedOn' })
  @IsLocalDate()
  signedOn: string;

  @ApiPropertyOptional({ description: 'Day the text was received; default today; not future' })
  @IsOptional()
  @IsLocalDate()
  submittedOn?: string;
}

export class ObjectCollectiveContractDto {
  @ApiPropertyOptional({
    description:
      'Day the 审查意见书 was issued; default today; within the 15 days. The objection itself must be entered by the last day of the period (objectionDeadline): later it is 409 REVIEW_PERIOD_OVER, whatever day it is dated',
  })
  @IsOptional()
  @IsLocalDate()
  objectedOn?: string;

  @ApiProperty({ maxLength: 10000, description: '审查意见' })
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(10000)
  opinion: string;
}

export class CreateHarmoniousEnterpriseDto extends FilingBaseDto {
  @ApiProperty({ example: 2026, description: 'Assessment year' })
  @IsInt()
  @Min(2000)
  @Max(2100)
  year: number;

  @ApiProperty({ enum: HARMONIOUS_LEVELS, description: '区级 / 市级' })
  @IsIn(HARMONIOUS_LEVELS)
  level: HarmoniousLevel;

  @ApiProperty({ example: '2026-06-30' })
  @IsLocalDate()
  recognisedOn: string;

  @ApiProperty({ example: '2029-06-29' })
  @IsLocalDate()
  validUntil: string;
}

export class RevokeHarmoniousEnterpriseDto {
  @ApiPropertyOptional({ description: 'Default today; not future' })
  @IsOptional()
  @IsLocalDate()
  revokedOn?: string;

  @ApiProperty({ maxLength: 2000 })
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  reason: string;
}

export class FilingQueryDto extends CursorQuery {
  @ApiPropertyOptional({ description: 'Street code (within your scope)' })
  @IsOptional()
  @IsStreetCode()
  street?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  employerId?: string;
}

export class ClosureQueryDto extends FilingQueryDto {
  @ApiPropertyOptional({ enum: CLOSURE_KINDS })
  @IsOptional()
  @IsIn(CLOSURE_KINDS)
  kind?: ClosureKind;
}

export class ContractQueryDto extends FilingQueryDto {
  @ApiPropertyOptional({ enum: CONTRACT_STATUSES, description: 'Status as of today' })
  @IsOptional()
  @IsIn(CONTRACT_STATUSES)
  status?: ContractStatus;
}

export class HarmoniousQueryDto extends FilingQueryDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IntFromQuery()
  @IsInt()
  year?: number;

  @ApiPropertyOptional({ enum: HARMONIOUS_LEVELS })
  @IsOptional()
  @IsIn(HARMONIOUS_LEVELS)
  level?: HarmoniousLevel;
}

export class HarmoniousKpiQueryDto {
  @ApiPropertyOptional({ description: 'Count the register as of this day (default today)' })
  @IsOptional()
  @IsLocalDate()
  asOf?: string;
}

// The response views live in filings-view.dto.ts (re-exported here for the module's imports).
export * from './filings-view.dto';
