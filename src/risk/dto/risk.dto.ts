import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';
import { CursorQuery } from '../../common/http/pagination';
import { IsLocalDate } from '../../common/validation/decorators';
import { RISK_KINDS, RISK_LEVELS, SIGNAL_KIND_NAMES, SIGNAL_SOURCES, WARNING_STATUSES } from '../risk.rules';
import { RULE_SET_VERSION_MAX } from '../rule-set.schema';
import type { RiskKind, RiskLevel, WarningStatus } from '../risk.rules';
import { trim } from '../../common/validation/transforms';

export class WarningQueryDto extends CursorQuery {
  @ApiPropertyOptional({ enum: RISK_LEVELS })
  @IsOptional()
  @IsIn(RISK_LEVELS)
  level?: RiskLevel;

  @ApiPropertyOptional({ enum: RISK_KINDS })
  @IsOptional()
  @IsIn(RISK_KINDS)
  kind?: RiskKind;

  @ApiPropertyOptional({ description: 'street/town (or district) code prefix', example: '310115005' })
  @IsOptional()
  @Matches(/^\d{2,12}$/)
  street?: string;

  @ApiPropertyOptional({ enum: WARNING_STATUSES })
  @IsOptional()
  @IsIn(WARNING_STATUSES)
  status?: WarningStatus;
}

export class WarningHitDto {
  @ApiProperty() ruleId: string;
  @ApiProperty({ enum: RISK_LEVELS }) level: RiskLevel;
  @ApiProperty() basis: string;
  @ApiProperty() explanation: string;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'the facts that fired the rule' })
  facts: Record<string, unknown>;
}

export class WarningViewDto {
  @ApiProperty() id: string;
  @ApiProperty() employerId: string;
  @ApiProperty() employerName: string;
  @ApiProperty({ type: String, nullable: true }) street: string | null;
  @ApiProperty({ enum: RISK_KINDS }) kind: RiskKind;
  @ApiProperty({ enum: RISK_LEVELS }) level: RiskLevel;
  @ApiProperty({ enum: WARNING_STATUSES }) status: WarningStatus;
  @ApiProperty() ruleSetVersion: number;
  @ApiProperty({ example: '2026-11-26' }) asOf: string;
  @ApiProperty() raisedAt: string;
  @ApiProperty() updatedAt: string;
  @ApiProperty({ type: String, nullable: true }) redSince: string | null;
  @ApiProperty({ type: String, nullable: true }) escalatedAt: string | null;
  @ApiProperty({ type: String, nullable: true }) disposal: string | null;
  @ApiProperty({ description: 'send back on transitions (optimistic concurrency)' }) version: number;
  @ApiProperty({ type: [WarningHitDto] }) hits: WarningHitDto[];
}

export class WarningPageDto {
  @ApiProperty({ type: [WarningViewDto] }) items: WarningViewDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

export class WarningEventDto {
  @ApiProperty() action: string;
  @ApiProperty({ type: String, nullable: true }) fromStatus: string | null;
  @ApiProperty({ type: String, nullable: true }) toStatus: string | null;
  @ApiProperty({
    type: 'object',
    properties: { userId: { type: 'string', nullable: true }, role: { type: 'string', nullable: true } },
  })
  actor: { userId: string | null; role: string | null };
  @ApiProperty({ type: 'object', additionalProperties: true }) data: object;
  @ApiProperty() occurredAt: string;
}

export class WarningDetailDto extends WarningViewDto {
  @ApiProperty({ type: [WarningEventDto] }) events: WarningEventDto[];
}

export class WarningTransitionDto {
  @ApiProperty() @IsInt() @Min(1) version: number;

  @ApiPropertyOptional({ maxLength: 1000 })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(1000)
  note?: string;
}

export class CloseWarningDto extends WarningTransitionDto {
  @ApiProperty({ description: 'the disposal (处置情况)', maxLength: 2000 })
  @Transform(trim)
  @IsString()
  @MinLength(2)
  @MaxLength(2000)
  disposal: string;
}

export class SignalRowDto {
  @ApiProperty({ example: '91310115MA1K3XXXXA' }) employerUscc: string;
  @ApiProperty({ enum: SIGNAL_SOURCES }) source: string;
  @ApiProperty({ enum: SIGNAL_KIND_NAMES }) kind: string;
  @ApiProperty({ example: 3 }) value: number;
  @ApiProperty({ example: '2026-11-20T08:00:00+08:00' }) observedAt: string;
}

export class FieldErrorDto {
  @ApiProperty() field: string;
  @ApiProperty({ example: 'exists', description: '不满足的约束 / the constraint that failed' })
  constraint: string;
  @ApiProperty({ type: [String] }) constraints: string[];
  @ApiProperty({ description: '按 Accept-Language 本地化的说明 / in the caller’s language' }) message: string;
}

export class SignalRowResultDto {
  @ApiProperty({ description: '1-based index of the row in the batch (CSV: data rows after the header)' })
  row: number;
  @ApiProperty({ enum: ['STORED', 'DUPLICATE', 'REJECTED'] }) status: string;
  @ApiPropertyOptional({ type: [FieldErrorDto] }) errors?: FieldErrorDto[];
}

export class SignalBatchResultDto {
  @ApiProperty() received: number;
  @ApiProperty() stored: number;
  @ApiProperty() duplicates: number;
  @ApiProperty() rejected: number;
  @ApiProperty({ type: [SignalRowResultDto] }) rows: SignalRowResultDto[];
}

export class RuleSetViewDto {
  @ApiProperty() version: number;
  @ApiProperty({ type: 'array', items: { type: 'object', additionalProperties: true } }) rules: object[];
  @ApiProperty({ type: String, nullable: true }) note: string | null;
  @ApiProperty({ type: String, nullable: true }) createdBy: string | null;
  @ApiProperty() createdAt: string;
}

export class FeatureDefDto {
  @ApiProperty() name: string;
  @ApiProperty({ enum: ['integer', 'number', 'boolean', 'string', 'date', 'ids'] }) type: string;
  @ApiProperty() description: string;
  @ApiPropertyOptional({ description: "the table of another module it reads (absent: the complaints' own)" })
  source?: string;
}

export class RiskRunViewDto {
  @ApiProperty() id: string;
  @ApiProperty({ enum: ['NIGHTLY', 'MANUAL'] }) trigger: string;
  @ApiProperty({ enum: ['QUEUED', 'RUNNING', 'DONE', 'FAILED', 'SKIPPED'] }) status: string;
  @ApiProperty() asOf: string;
  @ApiProperty({ type: Number, nullable: true }) ruleSetVersion: number | null;
  @ApiProperty({ description: '0..100' }) progress: number;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description:
      'employers, withHits, raised, updated, unchanged, ruleSetVersion, featureSqlMs (the bare feature SQL), evaluateMs, writeMs, durationMs',
  })
  counts: object;
  @ApiProperty({ type: String, nullable: true }) error: string | null;
  @ApiProperty({ type: String, nullable: true }) startedAt: string | null;
  @ApiProperty({ type: String, nullable: true }) finishedAt: string | null;
}

export class BacktestDto {
  // @Max: 1e308 passes @IsInt and was a 500 in the integer column's SQL (found by the fuzz).
  @ApiProperty({ example: 1 }) @IsInt() @Min(1) @Max(RULE_SET_VERSION_MAX) ruleSetVersion: number;
  @ApiProperty({ example: '2026-01-01' }) @IsLocalDate() from: string;
  @ApiProperty({ example: '2026-06-30' }) @IsLocalDate() to: string;
}

export class BacktestReportDto {
  @ApiProperty() ruleSetVersion: number;
  @ApiProperty() from: string;
  @ApiProperty() to: string;
  @ApiProperty() days: number;
  @ApiProperty() employersEvaluated: number;
  @ApiProperty() outcomeWindowDays: number;
  @ApiProperty() outcomes: number;
  @ApiProperty({
    type: 'array',
    items: { type: 'object', additionalProperties: true },
    description:
      'per rule: warnings, followedByOutcome, neverLedToAnything, leadDays {min, median, max}, episodes [{employerId, firstFiredOn, outcome}]',
  })
  rules: object[];
  @ApiProperty() durationMs: number;
}

export class AsOfQueryDto {
  @ApiPropertyOptional({ example: '2026-11-26', description: 'Asia/Shanghai date (default today)' })
  @IsOptional()
  @IsLocalDate()
  asOf?: string;
}

export class EmployerFeaturesDto {
  @ApiProperty() employerId: string;
  @ApiProperty() asOf: string;
  @ApiProperty({ type: String, nullable: true }) street: string | null;
  @ApiProperty() ruleSetVersion: number;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'one value per FEATURES entry' })
  features: Record<string, unknown>;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'hits (ruleId, kind, level, basis, explanation, facts), levels per kind, uplifted',
  })
  evaluation: object;
}
