import { StaffRefDto } from '../../staff/dto/staff-ref.dto';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsUUID, Matches, Max, Min } from 'class-validator';
import { AT_RISK_REASONS, type AtRiskReason } from '../at-risk.rules';

const STREET = /^\d{9,12}$/;

export class SlaScopeQueryDto {
  @ApiPropertyOptional({ example: '310115005', description: 'Street/town code (9–12 digits)' })
  @IsOptional()
  @Matches(STREET, { message: 'street must be a street/town code of 9 to 12 digits' })
  street?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Organisation handling the cases' })
  @IsOptional()
  @IsUUID()
  organisation?: string;
}

export class SlaYearQueryDto extends SlaScopeQueryDto {
  @ApiPropertyOptional({
    example: 2026,
    minimum: 2008,
    description: 'The calendar year; default this year in Asia/Shanghai',
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(2008)
  @Max(9999)
  year?: number;
}

export class SlaSeriesQueryDto extends SlaYearQueryDto {
  @ApiPropertyOptional({ enum: ['month'], default: 'month' })
  @IsOptional()
  @IsIn(['month'])
  granularity?: 'month';
}

export class AtRiskQueryDto {
  @ApiPropertyOptional({ example: '310115005' })
  @IsOptional()
  @Matches(STREET, { message: 'street must be a street/town code of 9 to 12 digits' })
  street?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 200, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;
}

export class MonthlyReportQueryDto {
  @ApiProperty({ example: 2026 })
  @Type(() => Number)
  @IsInt()
  @Min(2008)
  @Max(9999)
  year: number;

  @ApiProperty({ example: 3, minimum: 1, maximum: 12 })
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(12)
  month: number;

  @ApiPropertyOptional({ example: '310115005' })
  @IsOptional()
  @Matches(STREET, { message: 'street must be a street/town code of 9 to 12 digits' })
  street?: string;

  @ApiPropertyOptional({ enum: ['xlsx', 'csv'], default: 'xlsx' })
  @IsOptional()
  @IsIn(['xlsx', 'csv'])
  format?: 'xlsx' | 'csv';
}

export class PublicStatsQueryDto {
  @ApiProperty({ example: 2026 })
  @Type(() => Number)
  @IsInt()
  @Min(2008)
  @Max(9999)
  year: number;
}

export class RatioDto {
  @ApiProperty() numerator: number;
  @ApiProperty() denominator: number;
  @ApiProperty({ type: Number, nullable: true, description: '0..1; null when the denominator is 0' })
  rate: number | null;
}

export class ProjectionDto {
  @ApiProperty({ type: Number, nullable: true }) rate: number | null;
  @ApiProperty({ description: 'How the year-end figure was projected' }) method: string;
}

export class HandlingDaysDto {
  @ApiProperty({ type: Number, nullable: true }) average: number | null;
  @ApiProperty({ type: Number, nullable: true }) p90: number | null;
}

export class MediationKpiDto {
  @ApiProperty() concluded: number;
  @ApiProperty() agreements: number;
  @ApiProperty({ type: Number, nullable: true }) successRate: number | null;
  @ApiProperty() within15Days: number;
  @ApiProperty({ type: Number, nullable: true }) within15DaysShare: number | null;
}

export class ArbitrationSummaryDto extends RatioDto {
  @ApiProperty() pendingAtStart: number;
  @ApiProperty() accepted: number;
  @ApiProperty() closed: number;
  @ApiProperty({ example: 0.92 }) target: number;
  @ApiProperty({
    description: 'More cases that may miss before the target is missed; negative = closures short',
  })
  headroom: number;
  @ApiProperty({ type: ProjectionDto }) projection: ProjectionDto;
  @ApiProperty({ type: HandlingDaysDto }) handlingDays: HandlingDaysDto;
}

export class InspectionSummaryDto extends RatioDto {
  @ApiProperty() due: number;
  @ApiProperty() onTime: number;
  @ApiProperty({ example: 0.98 }) target: number;
  @ApiProperty({
    description: 'More late cases allowed before the target is missed; negative = on-time closures short',
  })
  headroom: number;
  @ApiProperty({ type: ProjectionDto }) projection: ProjectionDto;
  @ApiProperty({ type: HandlingDaysDto }) handlingDays: HandlingDaysDto;
}

export class MediationSummaryDto extends MediationKpiDto {
  @ApiProperty({ type: HandlingDaysDto }) handlingDays: HandlingDaysDto;
}

export class SlaScopeDto {
  @ApiProperty({ type: String, nullable: true }) street: string | null;
  @ApiProperty({ type: String, nullable: true }) organisation: string | null;
}

export class SlaSummaryDto {
  @ApiProperty() year: number;
  @ApiProperty({ example: '2026-11-26' }) asOf: string;
  @ApiProperty({ type: SlaScopeDto }) scope: SlaScopeDto;
  @ApiProperty({ type: ArbitrationSummaryDto }) arbitration: ArbitrationSummaryDto;
  @ApiProperty({ type: InspectionSummaryDto }) inspection: InspectionSummaryDto;
  @ApiProperty({ type: MediationSummaryDto }) mediation: MediationSummaryDto;
}

export class ArbitrationPointDto extends RatioDto {
  @ApiProperty() pendingAtStart: number;
  @ApiProperty() accepted: number;
}

export class SeriesPointDto {
  @ApiProperty({ example: '2026-01' }) period: string;
  @ApiProperty({ type: ArbitrationPointDto }) arbitration: ArbitrationPointDto;
  @ApiProperty({ type: RatioDto }) inspection: RatioDto;
  @ApiProperty({ type: MediationKpiDto }) mediation: MediationKpiDto;
}

export class SlaSeriesDto {
  @ApiProperty() year: number;
  @ApiProperty({ enum: ['month'] }) granularity: 'month';
  @ApiProperty() asOf: string;
  @ApiProperty({ type: [SeriesPointDto] }) points: SeriesPointDto[];
}

/** The case's owner as the staff directory names them; `userId` repeats `id` for older clients. */
export class CaseOwnerDto extends StaffRefDto {
  @ApiProperty({ format: 'uuid' }) userId: string;
}

export class AtRiskItemDto {
  @ApiProperty({
    enum: ['ARBITRATION', 'INSPECTION', 'COMPLAINT'],
    description:
      'COMPLAINT: a complaint routed to inspection whose case is not opened yet (caseId is the complaint)',
  })
  caseType: 'ARBITRATION' | 'INSPECTION' | 'COMPLAINT';
  @ApiProperty({ format: 'uuid' }) caseId: string;
  @ApiProperty({
    description:
      "Inspection case number; for arbitration the commission's case number (案号), the complaint's tracking number before acceptance; for a complaint its tracking number",
  })
  caseNo: string;
  @ApiProperty() street: string;
  @ApiProperty({
    format: 'uuid',
    description:
      'The commission (arbitration: the one the application was filed with) or brigade handling it (a complaint: the brigade it was routed to)',
  })
  organisationId: string;
  @ApiProperty({ type: CaseOwnerDto, nullable: true }) owner: CaseOwnerDto | null;
  @ApiProperty({
    description:
      'Statutory deadline (WILL_BREACH; ACCEPTANCE_DUE / FILING_DUE: the last day of the decision period; TAKE_UP_DUE: the last day to open the case) or the binding date for the year',
  })
  dueOn: string;
  @ApiProperty({ description: 'Calendar days from today to dueOn (negative when passed)' })
  daysRemaining: number;
  @ApiProperty({
    enum: [...AT_RISK_REASONS],
    description:
      'WILL_BREACH: the deadline of an accepted / 立案 case has passed or falls within 7 days; MUST_CLOSE_BY_YEAR_END: it must close by 31 December to count this year; ACCEPTANCE_DUE: an arbitration application awaits the 受理 decision (调解仲裁法 第二十九条); FILING_DUE: an inspection case awaits the 立案 decision (若干规定 第十八条); TAKE_UP_DUE: a complaint routed to inspection awaits the brigade opening its case (5 working days from routing, platform rule after 若干规定 第十八条), listed when due within 7 days or passed',
  })
  reason: AtRiskReason;
}

export class AtRiskDto {
  @ApiProperty({ type: [AtRiskItemDto] }) items: AtRiskItemDto[];
}

export class PublicArbitrationDto {
  @ApiProperty() pendingAtStart: number;
  @ApiProperty() accepted: number;
  @ApiProperty() closed: number;
  @ApiProperty({ type: Number, nullable: true }) closureRate: number | null;
}

export class PublicInspectionDto {
  @ApiProperty() due: number;
  @ApiProperty() onTime: number;
  @ApiProperty({ type: Number, nullable: true }) onTimeRate: number | null;
}

export class PublicMediationDto {
  @ApiProperty() concluded: number;
  @ApiProperty() agreements: number;
  @ApiProperty({ type: Number, nullable: true }) successRate: number | null;
  @ApiProperty({ type: Number, nullable: true }) within15DaysShare: number | null;
}

export class PublicAreaStatsDto {
  @ApiProperty() code: string;
  @ApiProperty() name: string;
  @ApiProperty({ type: PublicArbitrationDto }) arbitration: PublicArbitrationDto;
  @ApiProperty({ type: PublicInspectionDto }) inspection: PublicInspectionDto;
  @ApiProperty({ type: PublicMediationDto }) mediation: PublicMediationDto;
}

export class PublicStatsDto {
  @ApiProperty() year: number;
  @ApiProperty() asOf: string;
  @ApiProperty({ type: [PublicAreaStatsDto] }) districts: PublicAreaStatsDto[];
  @ApiProperty({ type: [PublicAreaStatsDto] }) streets: PublicAreaStatsDto[];
}
