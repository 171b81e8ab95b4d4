import { IsLocalDate } from '../../../common/validation/decorators';
import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
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
import { CursorQuery } from '../../../common/http/pagination';
import {
  INDUSTRY_CODES,
  SIZE_CLASSES,
  type IndustrySection,
  type SizeClass,
} from '../../../reference/employer-classification';
import { MAX_SEED, MAX_WEIGHT } from '../draw';
import { ITEM_RESULTS, PLAN_STATUSES, type ItemResult, type PlanStatus } from '../plans.state';
import { trim } from '../../../common/validation/transforms';

export const MAX_PLAN_EMPLOYERS = 1000;

export class PlanFiltersDto {
  @ApiPropertyOptional({ type: [String], example: ['310115005'], description: 'Street/town codes (any of)' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(60)
  @ArrayUnique()
  @Matches(/^\d{9}$/, { each: true, message: 'each street must be a 9-digit street/town code' })
  streets?: string[];

  @ApiPropertyOptional({ enum: INDUSTRY_CODES, isArray: true, description: 'GB/T 4754-2017 门类 (any of)' })
  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @IsIn(INDUSTRY_CODES, { each: true })
  industries?: IndustrySection[];

  @ApiPropertyOptional({ enum: SIZE_CLASSES, isArray: true })
  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @IsIn(SIZE_CLASSES, { each: true })
  sizes?: SizeClass[];
}

function weight(): PropertyDecorator {
  const decorators = [
    ApiPropertyOptional({ minimum: 1, maximum: MAX_WEIGHT }),
    IsOptional(),
    IsInt(),
    Min(1),
    Max(MAX_WEIGHT),
  ];
  return (target, key) => decorators.forEach((d) => d(target, key));
}

/** Draw weights by the employer's highest open risk warning level (NONE: no open warning); missing keys weigh 1. */
export class RiskWeightsDto {
  @weight() NONE?: number;
  @weight() BLUE?: number;
  @weight() YELLOW?: number;
  @weight() ORANGE?: number;
  @weight() RED?: number;
}

export class CreatePlanDto {
  @ApiProperty({ example: '2026年第四季度工资支付专项双随机抽查' })
  @Transform(trim)
  @IsString()
  @MinLength(2)
  @MaxLength(200)
  title: string;

  @ApiProperty({ minimum: 1, maximum: MAX_PLAN_EMPLOYERS, description: 'How many employers to draw' })
  @IsInt()
  @Min(1)
  @Max(MAX_PLAN_EMPLOYERS)
  count: number;

  @ApiPropertyOptional({ type: PlanFiltersDto })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => PlanFiltersDto)
  filters?: PlanFiltersDto;

  @ApiPropertyOptional({ type: RiskWeightsDto })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => RiskWeightsDto)
  weights?: RiskWeightsDto;

  @ApiPropertyOptional({
    minimum: 0,
    maximum: MAX_SEED,
    description: 'Random when absent; recorded either way',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_SEED)
  seed?: number;
}

export class PlanListQuery extends CursorQuery {
  @ApiPropertyOptional({ enum: PLAN_STATUSES })
  @IsOptional()
  @IsIn(PLAN_STATUSES)
  status?: PlanStatus;
}

export class RecordResultDto {
  @ApiProperty({ enum: ITEM_RESULTS })
  @IsIn(ITEM_RESULTS)
  result: ItemResult;

  @ApiProperty({ example: '2026-11-20', description: 'Date of the check (Asia/Shanghai)' })
  @IsLocalDate()
  resultOn: string;

  @ApiPropertyOptional({ description: 'Published with the result: no personal data' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(500)
  note?: string;
}

/** Named apart from the mediation one (mediation.dto.ts) so the two do not share one OpenAPI schema. */
@ApiSchema({ name: 'DeclareInspectionConflictDto' })
export class DeclareConflictDto {
  @ApiPropertyOptional({
    format: 'uuid',
    description: 'The inspector (default: the caller, if an inspector)',
  })
  @IsOptional()
  @IsUUID()
  inspectorId?: string;

  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  employerId: string;

  @ApiProperty({ example: '近亲属在该单位任职' })
  @Transform(trim)
  @IsString()
  @MinLength(2)
  @MaxLength(500)
  reason: string;
}

export class ConflictViewDto {
  @ApiProperty() id: string;
  @ApiProperty() inspectorId: string;
  @ApiProperty() employerId: string;
  @ApiProperty() reason: string;
  @ApiProperty() recordedBy: string;
  @ApiProperty() createdAt: string;
}

class PlanFiltersViewDto {
  @ApiProperty({ type: [String] }) streets: string[];
  @ApiProperty({ type: [String] }) industries: string[];
  @ApiProperty({ type: [String] }) sizes: string[];
}

/** What every view of a plan shows, public or not. */
export class PlanSummaryDto {
  @ApiProperty() id: string;
  @ApiProperty() title: string;
  @ApiProperty({ enum: PLAN_STATUSES }) status: PlanStatus;
  @ApiProperty({ type: PlanFiltersViewDto }) filters: PlanFiltersViewDto;
  @ApiProperty({ type: RiskWeightsDto, nullable: true }) weights: RiskWeightsDto | null;
  @ApiProperty() requestedCount: number;
  @ApiProperty({ description: 'Registered employers that matched the filters' }) matchedCount: number;
  @ApiProperty({ description: 'Matched employers with at least two eligible inspectors' })
  drawableCount: number;
  @ApiProperty() seed: number;
  @ApiProperty() algorithm: string;
  @ApiProperty({ description: 'sha256 of the candidate snapshot' }) registerHash: string;
  @ApiProperty({ description: 'sha256 of the inspector pool and conflicts' }) inspectorPoolHash: string;
  @ApiProperty() inspectorsPerEmployer: number;
  @ApiProperty() createdAt: string;
  @ApiProperty({ nullable: true, type: String }) publishedAt: string | null;
}

export class PlanItemViewDto {
  @ApiProperty() id: string;
  @ApiProperty() position: number;
  @ApiProperty() employerId: string;
  @ApiProperty() employerName: string;
  @ApiProperty({ nullable: true, type: String }) uscc: string | null;
  @ApiProperty() streetCode: string;
  @ApiProperty({ type: [String] }) inspectorIds: string[];
  @ApiProperty({ nullable: true, enum: ITEM_RESULTS }) result: ItemResult | null;
  @ApiProperty({ nullable: true, type: String }) resultOn: string | null;
  @ApiProperty({ nullable: true, type: String }) resultNote: string | null;
  @ApiProperty({ nullable: true, type: String }) caseId: string | null;
}

export class PlanViewDto extends PlanSummaryDto {
  @ApiProperty() createdBy: string;
  @ApiProperty({ type: [PlanItemViewDto] }) items: PlanItemViewDto[];
}

export class PlanPageDto {
  @ApiProperty({ type: [PlanSummaryDto] }) items: PlanSummaryDto[];
  @ApiProperty({ nullable: true, type: String }) nextCursor: string | null;
}

/** A drawn employer as published: the employer (a legal person, not personal data) and how many inspectors. */
export class PublicPlanItemDto {
  @ApiProperty() id: string;
  @ApiProperty() position: number;
  @ApiProperty() employerName: string;
  @ApiProperty({ nullable: true, type: String }) uscc: string | null;
  @ApiProperty() streetCode: string;
  @ApiProperty({ description: '执法人员 assigned (names and ids are not published)' }) inspectorCount: number;
  @ApiProperty({ nullable: true, enum: ITEM_RESULTS }) result: ItemResult | null;
  @ApiProperty({ nullable: true, type: String }) resultOn: string | null;
  @ApiProperty({ nullable: true, type: String }) resultNote: string | null;
}

export class PublicPlanDto extends PlanSummaryDto {
  @ApiProperty({ type: [PublicPlanItemDto] }) items: PublicPlanItemDto[];
}

export class PlanVerificationDto {
  @ApiProperty() planId: string;
  @ApiProperty() seed: number;
  @ApiProperty() algorithm: string;
  @ApiProperty({ description: 'The stored candidate snapshot still hashes to registerHash' })
  registerHashMatches: boolean;
  @ApiProperty({ description: 'The stored inspector pool still hashes to inspectorPoolHash' })
  inspectorPoolHashMatches: boolean;
  @ApiProperty({
    description: 'Re-running the draw over the snapshot gives the published employers and order',
  })
  employersReproduced: boolean;
  @ApiProperty({ description: 'Re-running the draw gives the same inspectors for every employer' })
  inspectorsReproduced: boolean;
}
