import { StaffRefDto } from '../../staff/dto/staff-ref.dto';
import { Text } from './text';
import { WageCrimeViewDto } from './wage-crime.dto';
import { IsLocalDate } from '../../common/validation/decorators';
import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { NAME_CONFIRMED } from '../../reference/dto/employer-contact.dto';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  ValidateIf,
} from 'class-validator';
import { AssigneeCursorQuery } from '../../common/http/assignee-query';
import { MAX_CLAIM_FEN } from '../../complaints/dto/create-complaint.dto';
import { ClockViewDto } from '../../deadlines/dto/deadlines.dto';
import {
  CLOSURE_TYPES,
  DOCUMENT_KINDS,
  INSPECTION_SOURCES,
  INSPECTION_STATUSES,
  type DocumentKind,
  type InspectionClosureType,
  type InspectionSource,
  type InspectionStatus,
} from '../inspection.constants';
import { REFUSAL_REASONS, type RefusalReason } from '../inspection.rules';
import { InvestigatingTeam } from './team-of-two';
import { colleaguesLink } from '../../staff/colleagues';

export const MAX_FEN = MAX_CLAIM_FEN;
export { Text } from './text';

export { CreateInspectionCaseDto } from './create-inspection-case.dto';

export class InspectionVersionDto {
  @ApiProperty({ example: 1, description: 'The version of the case the client read' })
  @IsInt()
  @Min(1)
  version: number;

  @ApiPropertyOptional({
    example: '2026-11-26',
    description: 'Date of the act (default today, Asia/Shanghai)',
  })
  @IsOptional()
  @IsLocalDate()
  on?: string;
}

export class DecideInspectionDto extends InspectionVersionDto {
  @ApiProperty({
    type: String,
    nullable: true,
    example: '2026-10-31',
    description: 'When the violation ended (or happened); null while it continues (监察条例 第二十条)',
  })
  @ValidateIf((_o, v) => v !== null)
  @IsLocalDate()
  violationEndedOn: string | null;

  @ApiPropertyOptional({
    type: [String],
    description:
      'Inspectors assigned, at least 2 when given (监察条例 第十六条); default: the caller, if an inspector; the ids ' +
      `the case accepts: GET ${colleaguesLink('INSPECTION')}`,
  })
  @IsOptional()
  @InvestigatingTeam()
  inspectorIds?: string[];
}

export class RefuseInspectionDto extends InspectionVersionDto {
  @ApiProperty({ enum: Object.keys(REFUSAL_REASONS) })
  @IsIn(Object.keys(REFUSAL_REASONS))
  reason: RefusalReason;

  @ApiPropertyOptional({ example: '已向仲裁委申请仲裁' })
  @IsOptional()
  @Text(1000)
  note?: string;

  @ApiPropertyOptional({
    example: '上海市闵行区劳动保障监察大队',
    description:
      'Where the complainant should turn instead: required for OUT_OF_JURISDICTION and NOT_LABOR_SECURITY_MATTER (若干规定 第十八条第四款), told with any other reason',
  })
  @IsOptional()
  @Text(200)
  referTo?: string;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: '2023-03-31',
    description:
      'When the violation ended, null while it continues: required for OVER_LOOKBACK, which holds only when that was more than two years before receipt (监察条例 第二十条)',
  })
  @IsOptional()
  @IsLocalDate()
  violationEndedOn?: string | null;
}

export class ExtendInspectionDto extends InspectionVersionDto {
  @ApiProperty({ example: '涉及人数众多，需调取银行流水' })
  @Text(1000)
  reason: string;
}

export class FindingsDto extends InspectionVersionDto {
  @ApiPropertyOptional({ description: 'Wages found unpaid, fen' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_FEN)
  arrearsFen?: number;

  @ApiPropertyOptional()
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100_000)
  workersAffected?: number;

  @ApiPropertyOptional({
    nullable: true,
    description:
      'Months of wages unpaid; with several workers, the fewest any of them is owed (法释〔2013〕3号 第三条第（一）项 is judged on it)',
  })
  @IsOptional()
  @ValidateIf((_o, v) => v !== null)
  @IsInt()
  @Min(0)
  @Max(600)
  monthsUnpaid?: number | null;

  @ApiPropertyOptional({ description: '群体性事件' })
  @IsOptional()
  @IsBoolean()
  massIncident?: boolean;
}

export class InquiryNoticeDto extends InspectionVersionDto {
  @ApiProperty({ example: '2026-12-01' })
  @IsLocalDate()
  appearOn: string;

  @ApiProperty({ example: '浦东新区劳动保障监察大队（浦东新区合欢路2号）' })
  @Text(200)
  place: string;

  @ApiProperty({ type: [String], example: ['营业执照副本', '劳动合同', '工资支付记录'] })
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MaxLength(200, { each: true })
  materials: string[];
}

export class OrderRefusedDto extends InspectionVersionDto {
  @ApiPropertyOptional({ example: '逾期未支付' })
  @IsOptional()
  @Text(1000)
  note?: string;
}

export class RecoveryDto {
  @ApiProperty({ example: 2 })
  @IsInt()
  @Min(1)
  version: number;

  @ApiProperty({
    example: 1_250_000,
    description: 'Amount paid, fen; with earlier recoveries no more than the arrears found (409 otherwise)',
  })
  @IsInt()
  @Min(1)
  @Max(MAX_FEN)
  amountFen: number;

  @ApiProperty({
    example: 1,
    description:
      'Workers paid by this instalment who had not been paid before; in all no more than the workers affected',
  })
  @IsInt()
  @Min(0)
  @Max(100_000)
  workersCovered: number;

  @ApiProperty({ example: '2026-11-26' })
  @IsLocalDate()
  paidOn: string;
}

export class PenaltyNoticeDto extends InspectionVersionDto {
  @ApiProperty({
    example: '未按规定支付劳动者工资，经责令改正逾期未改正',
    description:
      'A fine for an order not complied with (basis 第三十条第一款第（三）项, or stating 逾期未改正/拒不改正) is noticed only after the order’s deadline (409)',
  })
  @Text(2000)
  violations: string;

  @ApiProperty({ example: 500_000, description: 'Proposed fine, fen' })
  @IsInt()
  @Min(0)
  @Max(MAX_FEN)
  proposedFen: number;

  @ApiProperty({ example: '《劳动保障监察条例》第三十条第一款第（三）项' })
  @Text(500)
  basis: string;
}

export class PenaltyDecisionDto extends InspectionVersionDto {
  @ApiProperty()
  @Text(2000)
  violations: string;

  @ApiProperty({ example: 500_000, description: 'Fine, fen' })
  @IsInt()
  @Min(0)
  @Max(MAX_FEN)
  amountFen: number;

  @ApiProperty({ example: '《劳动保障监察条例》第三十条第一款第（三）项' })
  @Text(500)
  basis: string;
}

export class RefusalReasonViewDto {
  @ApiProperty({ enum: Object.keys(REFUSAL_REASONS) })
  code: RefusalReason;

  @ApiProperty()
  text: string;
}

export class RefusalViewDto {
  @ApiProperty({ type: [RefusalReasonViewDto] })
  reasons: RefusalReasonViewDto[];

  @ApiProperty({ nullable: true, type: String })
  note: string | null;

  @ApiProperty({
    nullable: true,
    type: String,
    description: 'Where the complainant was told to turn instead',
  })
  referTo: string | null;
}

export class DocumentSummaryDto {
  @ApiProperty() id: string;
  @ApiProperty({ enum: DOCUMENT_KINDS }) kind: DocumentKind;
  @ApiProperty() docNo: string;
  @ApiProperty() issuedOn: string;
  @ApiProperty({ description: 'Served on the employer (never names a reporter)' }) employerFacing: boolean;
}

export class InspectionDocumentViewDto extends DocumentSummaryDto {
  @ApiProperty() caseId: string;
  @ApiProperty({ description: 'The rendered text as issued' }) text: string;
  @ApiProperty({ type: 'object', additionalProperties: true }) data: Record<string, unknown>;
}

export class RecoveryViewDto {
  @ApiProperty() id: string;
  @ApiProperty() paidOn: string;
  @ApiProperty() amountFen: number;
  @ApiProperty() workersCovered: number;
}

/** The case a case was merged into (并案): the one that goes on with its matter. */
export class MergedIntoDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'JC-2026-0000002-X' }) caseNo: string;
}

/** Named apart from the complaint form's EmployerRefDto (create-complaint.dto.ts), a different shape. */
@ApiSchema({ name: 'InspectionEmployerRefDto' })
export class EmployerRefDto {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
  @ApiProperty({ description: NAME_CONFIRMED }) nameConfirmed: boolean;
}

export class InspectionCaseViewDto {
  @ApiProperty() id: string;
  @ApiProperty({ example: 'JC-2026-0000001-X' }) caseNo: string;
  @ApiProperty({ enum: INSPECTION_SOURCES }) source: InspectionSource;
  @ApiProperty({ nullable: true, type: String }) complaintId: string | null;
  @ApiProperty({ nullable: true, type: String }) planId: string | null;
  @ApiProperty({ nullable: true, type: EmployerRefDto }) employer: EmployerRefDto | null;
  @ApiProperty() jurisdictionCode: string;
  @ApiProperty() organisationId: string;
  @ApiProperty({ enum: INSPECTION_STATUSES }) status: InspectionStatus;
  @ApiProperty() version: number;
  @ApiProperty() receivedOn: string;
  @ApiProperty() acceptanceDueOn: string;
  @ApiProperty({ nullable: true, type: String }) acceptedOn: string | null;
  @ApiProperty({ nullable: true, type: String }) refusedOn: string | null;
  @ApiProperty({ nullable: true, type: RefusalViewDto }) refusal: RefusalViewDto | null;
  @ApiProperty({ nullable: true, type: String }) violationEndedOn: string | null;
  @ApiProperty({ nullable: true, type: String }) investigationDueOn: string | null;
  @ApiProperty() extendedDays: number;
  @ApiProperty({ nullable: true, type: String }) closedOn: string | null;
  @ApiProperty({ nullable: true, enum: CLOSURE_TYPES }) closureType: InspectionClosureType | null;
  @ApiProperty({ nullable: true, type: MergedIntoDto, description: 'MERGED: the surviving case (并案)' })
  mergedInto: MergedIntoDto | null;
  @ApiProperty({ nullable: true, type: Boolean }) violationFound: boolean | null;
  @ApiProperty() arrearsFen: number;
  @ApiProperty() workersAffected: number;
  @ApiProperty({ nullable: true, type: Number }) monthsUnpaid: number | null;
  @ApiProperty() recoveredFen: number;
  @ApiProperty() recoveredWorkers: number;
  @ApiProperty() penaltyFen: number;
  @ApiProperty({ nullable: true, type: String }) rectifyDueOn: string | null;
  @ApiProperty() orderRefused: boolean;
  @ApiProperty() transferredToPolice: boolean;
  @ApiProperty() massIncident: boolean;
  @ApiProperty({ type: [String] }) assignedInspectorIds: string[];
  @ApiProperty({
    type: [StaffRefDto],
    description: 'The assigned inspectors, named (shown to the worker too)',
  })
  inspectors: StaffRefDto[];
  @ApiProperty({ type: WageCrimeViewDto }) wageCrime: WageCrimeViewDto;
  @ApiProperty({ type: [DocumentSummaryDto] }) documents: DocumentSummaryDto[];
  @ApiProperty({ type: [RecoveryViewDto] }) recoveries: RecoveryViewDto[];
  @ApiProperty({ type: [ClockViewDto] }) clocks: ClockViewDto[];
}

export class InspectionQueryDto extends AssigneeCursorQuery {
  @ApiPropertyOptional({ enum: INSPECTION_STATUSES })
  @IsOptional()
  @IsIn(INSPECTION_STATUSES)
  status?: InspectionStatus;

  @ApiPropertyOptional({ enum: INSPECTION_SOURCES })
  @IsOptional()
  @IsIn(INSPECTION_SOURCES)
  source?: InspectionSource;
}

export class InspectionCaseSummaryDto {
  @ApiProperty() id: string;
  @ApiProperty() caseNo: string;
  @ApiProperty({ enum: INSPECTION_SOURCES }) source: InspectionSource;
  @ApiProperty({ enum: INSPECTION_STATUSES }) status: InspectionStatus;
  @ApiProperty() jurisdictionCode: string;
  @ApiProperty({ nullable: true, type: String }) employerId: string | null;
  @ApiProperty() receivedOn: string;
  @ApiProperty() acceptanceDueOn: string;
  @ApiProperty({ nullable: true, type: String }) acceptedOn: string | null;
  @ApiProperty({ nullable: true, type: String }) investigationDueOn: string | null;
  @ApiProperty({ nullable: true, type: String }) closedOn: string | null;
  @ApiProperty({ nullable: true, enum: CLOSURE_TYPES }) closureType: InspectionClosureType | null;
}

export class InspectionCasePageDto {
  @ApiProperty({ type: [InspectionCaseSummaryDto] }) items: InspectionCaseSummaryDto[];
  @ApiProperty({ nullable: true, type: String }) nextCursor: string | null;
}

// The wage-crime threshold DTOs live in their own file; re-exported for existing imports.
export { WageCrimeThresholdDto, WageCrimeThresholdViewDto, WageCrimeViewDto } from './wage-crime.dto';
