import { WorkingHoursOverrideDto } from '../../calendar/dto/working-hours-override.dto';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  Matches,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { IsDateTime, IsLocalDate } from '../../common/validation/decorators';
import { MAX_CLAIM_FEN } from '../../complaints/dto/create-complaint.dto';
import { ComplainantRequestDto } from '../../complaints/dto/withdraw-complaint.dto';
import { SIMPLIFIED_EXCLUSIONS, type SimplifiedExclusion } from '../simplified-procedure.rules';
import { AttendanceDto } from './arbitration-view.dto';
import { ClaimInputDto, IsClaimList } from './claim-input.dto';
import { trim } from '../../common/validation/transforms';

export { ClaimInputDto };

export class SuspensionDto {
  @ApiProperty({ example: '2026-03-01' }) @IsLocalDate() from: string;
  @ApiProperty({ example: '2026-03-20' }) @IsLocalDate() to: string;
  @ApiProperty({ example: '住院治疗' })
  @Transform(trim)
  @IsString()
  @MinLength(2)
  @MaxLength(200)
  reason: string;
}

export class LimitationFactsDto {
  @ApiProperty({ example: '2026-01-15', description: 'The day the worker knew or should have known' })
  @IsLocalDate()
  knewOn: string;

  @ApiPropertyOptional({ description: 'Wage arrears during employment (第二十七条第四款)' })
  @IsOptional()
  @IsBoolean()
  wageArrears?: boolean;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: 'End of employment (wage arrears); null: lasts',
  })
  @IsOptional()
  @IsLocalDate()
  employmentEndedOn?: string | null;

  @ApiPropertyOptional({ type: [String], description: 'Interruptions (第二十七条第二款)' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsLocalDate({ each: true })
  interruptedOn?: string[];

  @ApiPropertyOptional({ type: [SuspensionDto], description: 'Suspensions (第二十七条第三款)' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => SuspensionDto)
  suspended?: SuspensionDto[];
}

export class CreateArbitrationCaseDto {
  @ApiProperty({ format: 'uuid', description: 'A complaint routed to ARBITRATION' })
  @IsUUID()
  complaintId: string;

  @ApiProperty({
    type: [ClaimInputDto],
    description:
      "The claims of the complaint named. A member of a confirmed collective dispute applies for the dispute's one case " +
      "(调解仲裁法 第七条): every other member's own claim is added from its complaint, with its own amount",
  })
  @IsClaimList()
  claims: ClaimInputDto[];

  @ApiPropertyOptional({
    type: LimitationFactsDto,
    description:
      'Facts for the limitation check, none after the application day, interruptions from knewOn, a suspension ' +
      'ending on or after its start (400 on the dotted field); an expired limitation is accepted with a warning',
  })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => LimitationFactsDto)
  limitation?: LimitationFactsDto;

  @ApiPropertyOptional({
    type: ComplainantRequestDto,
    description:
      "Staff only, and required of them when they file the worker's own application (a complaint routed to mediation): " +
      'how the worker asked — applying is the party’s act (劳动争议调解仲裁法 第二十八条)',
  })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => ComplainantRequestDto)
  complainantRequest?: ComplainantRequestDto;
}

export class VersionDto {
  @ApiProperty({ example: 1, description: 'The version of the case the client read' })
  @IsInt()
  @Min(1)
  version: number;
}

export class RejectArbitrationDto extends VersionDto {
  @ApiProperty({
    example: '不属于劳动争议',
    description:
      'The reasons in words: sent to the applicant as written and kept on their case file (第二十九条)',
  })
  @Transform(trim)
  @IsString()
  @MinLength(2)
  @MaxLength(1000)
  // A bare code (NOT_LABOR_DISPUTE) would reach the worker's SMS as it is (audit).
  @Matches(/^(?![A-Z0-9_]+$)/s, { message: 'reason must state the reasons in words, not a code' })
  reason: string;
}

export class FormTribunalDto extends VersionDto {
  @ApiProperty({ type: [String], description: '1 (sole arbitrator) or 3 arbitrator user ids' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(3)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  arbitratorIds: string[];

  @ApiPropertyOptional({ description: '事实清楚、权利义务关系明确、争议不大 (办案规则 第五十六条(一))' })
  @IsOptional()
  @IsBoolean()
  factsClear?: boolean;

  @ApiPropertyOptional({ description: '双方当事人同意简易处理 (办案规则 第五十六条(三))' })
  @IsOptional()
  @IsBoolean()
  partiesAgree?: boolean;

  @ApiPropertyOptional({
    enum: SIMPLIFIED_EXCLUSIONS,
    isArray: true,
    description:
      'Required with a sole arbitrator: the exclusions of 办案规则 第五十七条 that apply ([] when none); any one → 409 SIMPLIFIED_PROCEDURE_EXCLUDED',
  })
  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @IsIn(SIMPLIFIED_EXCLUSIONS, { each: true })
  simplifiedExclusions?: SimplifiedExclusion[];
}

/** A hearing on a rest day or outside the commission's hours (the schema keeps its name). */
export class HearingOverrideDto extends WorkingHoursOverrideDto {}

export class ScheduleHearingDto extends VersionDto {
  @ApiProperty({ example: '第一仲裁庭' })
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(64)
  room: string;

  @ApiProperty({ example: '2026-12-10T09:00:00+08:00' })
  @IsDateTime()
  startsAt: string;

  @ApiPropertyOptional({ type: [String], description: 'Default: the tribunal' })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(3)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  arbitratorIds?: string[];
  @ApiPropertyOptional({
    type: HearingOverrideDto,
    description: 'Needed for a rest day or outside the commission’s hours; recorded on the timeline',
  })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => HearingOverrideDto)
  override?: HearingOverrideDto;
}

export class RecordPaperDto extends VersionDto {
  @ApiProperty({
    enum: ['SERVICE', 'DEFENCE', 'DEFENCE_SERVICE'],
    description:
      'Application served on the respondent; defence received; defence served on the claimant (第三十条)',
  })
  @IsIn(['SERVICE', 'DEFENCE', 'DEFENCE_SERVICE'])
  step: 'SERVICE' | 'DEFENCE' | 'DEFENCE_SERVICE';

  @ApiProperty({ example: '2026-11-27', description: 'The date it happened (Asia/Shanghai)' })
  @IsLocalDate()
  on: string;
}

export class PostponeHearingDto extends VersionDto {
  @ApiProperty({
    example: '2026-12-05',
    description: 'The day the party asked for the postponement (at least 3 working days before the hearing)',
  })
  @IsLocalDate()
  requestedOn: string;

  @ApiProperty({ example: '申请人因病住院，提供诊断证明' })
  @Transform(trim)
  @IsString()
  @MinLength(2)
  @MaxLength(500)
  reason: string;

  @ApiProperty({
    example: '2026-12-20T09:00:00+08:00',
    description: 'The new hearing (5 working days’ notice again)',
  })
  @IsDateTime()
  startsAt: string;

  @ApiPropertyOptional({ description: 'Default: the same room' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(64)
  room?: string;

  @ApiPropertyOptional({ type: [String], description: 'Default: the same arbitrators' })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(3)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  arbitratorIds?: string[];
  @ApiPropertyOptional({
    type: HearingOverrideDto,
    description: 'Needed for a rest day or outside the commission’s hours; recorded on the timeline',
  })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => HearingOverrideDto)
  override?: HearingOverrideDto;
}

export class RecordHearingDto extends VersionDto {
  @ApiProperty({ type: AttendanceDto })
  @IsObject()
  @ValidateNested()
  @Type(() => AttendanceDto)
  attendance: AttendanceDto;

  @ApiProperty({ example: '双方到庭，进行了举证质证和辩论，申请人坚持仲裁请求。' })
  @Transform(trim)
  @IsString()
  @MinLength(2)
  @MaxLength(4000)
  minutesSummary: string;
}

export class DecideOnPapersDto extends VersionDto {
  @ApiProperty({ example: '事实清楚，双方书面同意不开庭，依据书面材料裁决' })
  @Transform(trim)
  @IsString()
  @MinLength(2)
  @MaxLength(1000)
  basis: string;
}

export class AwardClaimDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  claimId: string;

  @ApiProperty({ example: 1_000_000 })
  @IsInt()
  @Min(0)
  @Max(MAX_CLAIM_FEN)
  awardedFen: number;

  @ApiPropertyOptional({ description: 'Required when more than the claim is awarded' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MinLength(2)
  @MaxLength(2000)
  reason?: string;
}

export class AwardDto extends VersionDto {
  @ApiProperty({ type: [AwardClaimDto], description: 'One entry per claim not decided by a 先行裁决' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(30)
  @ValidateNested({ each: true })
  @Type(() => AwardClaimDto)
  claims: AwardClaimDto[];

  @ApiPropertyOptional({
    description:
      'Not served on issue: record service later (POST …/awards/:awardId/service); default served today',
  })
  @IsOptional()
  @IsBoolean()
  serveLater?: boolean;
}
