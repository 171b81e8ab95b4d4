import { IsDateTime, IsLocalDate } from '../../common/validation/decorators';
import { CollectiveMemberDto } from '../../complaints/dto/complaint-view.dto';
import { CaseComplainantDto, CaseEmployerDto } from '../../complaints/dto/case-parties.dto';
import { MAX_CLAIM_FEN } from '../../complaints/dto/create-complaint.dto';
import { StaffRefDto } from '../../staff/dto/staff-ref.dto';
import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { WorkingHoursOverrideDto } from '../../calendar/dto/working-hours-override.dto';
import { trim } from '../../common/validation/transforms';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  IsUrl,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { AssigneeCursorQuery } from '../../common/http/assignee-query';
import {
  CLOSE_OUTCOMES,
  MEDIATION_STATUSES,
  type CloseOutcome,
  type MediationStatus,
} from '../mediation.state';

export class OpenMediationDto {
  @ApiProperty({ description: 'A complaint routed to MEDIATION' })
  @IsUUID()
  complaintId: string;
}

/** The version of the case the client read: a write on a newer version is 409 STALE_VERSION. */
export class VersionedDto {
  @ApiProperty({ minimum: 1 })
  @IsInt()
  @Min(1)
  version: number;
}

/** An instalment paid: on `paidOn` (the day the money was paid, Asia/Shanghai), by default today. */
export class MarkInstalmentPaidDto extends VersionedDto {
  @ApiPropertyOptional({
    example: '2026-12-07',
    format: 'date',
    description:
      'The day the instalment was paid (Asia/Shanghai), not in the future nor before the agreement; default today',
  })
  @IsOptional()
  @IsLocalDate()
  paidOn?: string;
}

export class AssignMediatorDto extends VersionedDto {
  @ApiPropertyOptional({
    format: 'uuid',
    description: 'The mediator of the case’s committee who takes the case over; default: the caller',
  })
  @IsOptional()
  @IsUUID()
  mediatorUserId?: string;

  @ApiProperty({ example: '原调解员休假，由本人接手', minLength: 2, maxLength: 200 })
  @Transform(trim)
  @IsString()
  @MinLength(2)
  @MaxLength(200)
  reason: string;
}

/** A session on a rest day or outside the committee's working hours. */
export class SessionOverrideDto extends WorkingHoursOverrideDto {}

export class ScheduleSessionDto extends VersionedDto {
  @ApiProperty({ example: '2026-12-01T09:30:00+08:00' })
  @IsDateTime()
  startsAt: string;

  @ApiPropertyOptional({
    description: 'Where (one of place or onlineLink); trimmed, not blank',
    maxLength: 200,
  })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  place?: string;

  @ApiPropertyOptional({ description: 'Video link (one of place or onlineLink)', maxLength: 500 })
  @IsOptional()
  @IsUrl({ protocols: ['https'], require_protocol: true })
  @MaxLength(500)
  onlineLink?: string;

  @ApiPropertyOptional({ maxLength: 2000 })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  notes?: string;

  @ApiPropertyOptional({
    type: SessionOverrideDto,
    description: 'Needed for a rest day or outside the committee’s working hours; recorded on the timeline',
  })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => SessionOverrideDto)
  override?: SessionOverrideDto;
}

export class ExtendMediationPeriodDto extends VersionedDto {
  @ApiProperty({ minimum: 1, maximum: 15, description: 'Days added to the mediation period' })
  @IsInt()
  @Min(1)
  @Max(15)
  days: number;

  @ApiProperty({
    description: 'The worker agreed to the extension (参照 企业劳动争议协商调解规定 第二十七条)',
  })
  @IsBoolean()
  workerAgreed: boolean;

  @ApiProperty({ description: 'The employer agreed to the extension' })
  @IsBoolean()
  employerAgreed: boolean;

  @ApiPropertyOptional({ maxLength: 500 })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  note?: string;
}

export class AgreementClaimDto {
  @ApiProperty({ maxLength: 200 })
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  description: string;

  @ApiProperty({ description: 'Amount in fen', minimum: 0, maximum: MAX_CLAIM_FEN })
  @IsInt()
  @Min(0)
  @Max(MAX_CLAIM_FEN)
  amountFen: number;
}

export class InstalmentInputDto {
  @ApiProperty({
    example: '2026-12-31',
    description: 'YYYY-MM-DD (Asia/Shanghai), not before today nor more than a year after it',
  })
  @IsLocalDate()
  dueOn: string;

  @ApiProperty({ description: 'Amount in fen', minimum: 0, maximum: MAX_CLAIM_FEN })
  @IsInt()
  @Min(0)
  @Max(MAX_CLAIM_FEN)
  amountFen: number;
}

export class AgreementInputDto {
  @ApiProperty({ type: [AgreementClaimDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => AgreementClaimDto)
  claims: AgreementClaimDto[];

  @ApiProperty({ type: [InstalmentInputDto], description: 'Must add up to the claims' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(60)
  @ValidateNested({ each: true })
  @Type(() => InstalmentInputDto)
  instalments: InstalmentInputDto[];
}

export class CloseMediationDto extends VersionedDto {
  @ApiProperty({ enum: CLOSE_OUTCOMES })
  @IsIn(CLOSE_OUTCOMES)
  outcome: CloseOutcome;

  @ApiPropertyOptional({
    type: AgreementInputDto,
    description: 'Required with outcome AGREEMENT, else absent',
  })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => AgreementInputDto)
  agreement?: AgreementInputDto;

  @ApiPropertyOptional({ maxLength: 2000 })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string;
}

/** Named apart from the inspection one (plans.dto.ts) so the two do not share one OpenAPI schema. */
@ApiSchema({ name: 'DeclareMediationConflictDto' })
export class DeclareConflictDto {
  @ApiProperty({ description: 'Employer the mediator must not mediate for (回避)' })
  @IsUUID()
  employerId: string;

  @ApiPropertyOptional({ maxLength: 500 })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  reason?: string;
}

export class MediationQueryDto extends AssigneeCursorQuery {
  @ApiPropertyOptional({ enum: MEDIATION_STATUSES })
  @IsOptional()
  @IsIn(MEDIATION_STATUSES)
  status?: MediationStatus;
}

export class MediationSessionViewDto {
  @ApiProperty() id: string;
  @ApiProperty() startsAt: string;
  @ApiProperty({ nullable: true, type: String }) place: string | null;
  @ApiProperty({ nullable: true, type: String }) onlineLink: string | null;
  @ApiProperty({ nullable: true, type: String }) notes: string | null;
  @ApiProperty({
    nullable: true,
    type: String,
    format: 'date-time',
    description: 'When the session was called off: the mediation closed before it (it will not take place)',
  })
  cancelledAt: string | null;
}

export class InstalmentViewDto {
  @ApiProperty() id: string;
  @ApiProperty() seq: number;
  @ApiProperty() dueOn: string;
  @ApiProperty() amountFen: number;
  @ApiProperty({ nullable: true, type: String }) paidOn: string | null;
  @ApiProperty({ enum: ['DUE', 'PAID', 'OVERDUE'] }) status: 'DUE' | 'PAID' | 'OVERDUE';
}

export class AgreementViewDto {
  @ApiProperty({ enum: ['PERFORMING', 'PERFORMED', 'DEFAULTED'] }) status: string;
  @ApiProperty({ type: [AgreementClaimDto] }) claims: AgreementClaimDto[];
  @ApiProperty() totalFen: number;
  @ApiProperty() signedOn: string;
  @ApiProperty({ type: [InstalmentViewDto] }) instalments: InstalmentViewDto[];
}

export class MediationDeadlineDto {
  @ApiProperty({ nullable: true, type: String }) due: string | null;
  @ApiProperty() state: string;
  @ApiProperty({ nullable: true, type: Number }) daysRemaining: number | null;
  @ApiProperty({ description: 'true when a year touched has no loaded or packaged holiday schedule' })
  provisional: boolean;
}

export class MediationCaseViewDto {
  @ApiProperty() id: string;
  @ApiProperty({ type: String, nullable: true, description: '案号 (调字), e.g. 浦陆家嘴人调字〔2026〕第3号' })
  caseNo: string | null;
  @ApiProperty() complaintId: string;
  @ApiProperty({
    nullable: true,
    type: String,
    format: 'uuid',
    description: 'A collective dispute (调解仲裁法 第七条) is mediated as one case for all its members',
  })
  collectiveDisputeId: string | null;
  @ApiProperty({ type: CaseEmployerDto, description: 'The employer the case is about' })
  employer: CaseEmployerDto;
  @ApiProperty({
    type: CaseComplainantDto,
    nullable: true,
    description:
      "The complainant of the case's complaint (of a collective case: its own complaint's); never the ID number",
  })
  complainant: CaseComplainantDto | null;
  @ApiProperty({
    type: [CollectiveMemberDto],
    description: 'The members of the collective dispute (empty if none)',
  })
  members: CollectiveMemberDto[];
  @ApiProperty() organisationId: string;
  @ApiProperty({ nullable: true, type: String }) mediatorUserId: string | null;
  @ApiProperty({ type: StaffRefDto, nullable: true, description: 'The mediator, named' })
  mediator: StaffRefDto | null;
  @ApiProperty() streetCode: string;
  @ApiProperty({ enum: MEDIATION_STATUSES }) status: MediationStatus;
  @ApiProperty() version: number;
  @ApiProperty({ nullable: true, type: String }) outcome: string | null;
  @ApiProperty({ nullable: true, type: String }) outcomeNote: string | null;
  @ApiProperty() openedOn: string;
  @ApiProperty({ nullable: true, type: String }) closedOn: string | null;
  @ApiProperty() createdAt: string;
  @ApiProperty({ type: MediationDeadlineDto, nullable: true }) deadline: MediationDeadlineDto | null;
  @ApiProperty({ type: [MediationSessionViewDto] }) sessions: MediationSessionViewDto[];
  @ApiProperty({ type: AgreementViewDto, nullable: true }) agreement: AgreementViewDto | null;
}

export class MediationPageDto {
  @ApiProperty({ type: [MediationCaseViewDto] }) items: MediationCaseViewDto[];
  @ApiProperty({ nullable: true, type: String }) nextCursor: string | null;
}
