import { IntFromQuery, IsLocalDate } from '../../common/validation/decorators';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { NAME_CONFIRMED } from '../../reference/dto/employer-contact.dto';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { MAX_CLAIM_FEN } from '../../complaints/dto/create-complaint.dto';
import { CursorQuery } from '../../common/http/pagination';
import { GRADES, VIOLATION_KINDS, VIOLATION_SOURCES, type ViolationKind } from '../compliance.constants';
import { BLACKLIST_STATUSES } from '../blacklist.state';
import {
  BlacklistPersonViewDto,
  PublicBlacklistPersonDto,
  ResponsiblePersonDto,
  ResponsiblePersons,
} from './blacklist-persons.dto';
import { trim } from '../../common/validation/transforms';

/** A violation found outside the platform (historical records, other channels): source MANUAL. */
export class RecordViolationDto {
  @ApiProperty({ example: '310115005', description: 'Street/town where it was found' })
  @Matches(/^\d{9,12}$/, { message: 'jurisdictionCode must be a street/town division code' })
  jurisdictionCode: string;

  @ApiProperty({
    example: '2026-03-15',
    description: 'The day of the finding (处理/处罚决定), Asia/Shanghai',
  })
  @IsLocalDate()
  foundOn: string;

  @ApiProperty({ enum: VIOLATION_KINDS, isArray: true })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(VIOLATION_KINDS.length)
  @ArrayUnique()
  @IsIn(VIOLATION_KINDS, { each: true })
  kinds: ViolationKind[];

  @ApiPropertyOptional({ example: 25_000_000, default: 0, description: 'Arrears found, in fen' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_CLAIM_FEN)
  arrearsFen?: number;

  @ApiPropertyOptional({ example: 12, default: 0 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  workersAffected?: number;

  @ApiPropertyOptional({ default: false, description: '责令限期支付/整改 not complied with' })
  @IsOptional()
  @IsBoolean()
  orderRefused?: boolean;

  @ApiPropertyOptional({
    default: false,
    description: '群体性事件、极端事件 or serious adverse social impact',
  })
  @IsOptional()
  @IsBoolean()
  massIncident?: boolean;

  @ApiPropertyOptional({ default: false, description: 'Transferred to the police / prosecuted' })
  @IsOptional()
  @IsBoolean()
  criminalTransfer?: boolean;

  @ApiPropertyOptional({ default: false, description: 'The arrears reach the 拒不支付劳动报酬罪 threshold' })
  @IsOptional()
  @IsBoolean()
  meetsCrimeThreshold?: boolean;

  @ApiPropertyOptional({
    default: false,
    description: 'The arrears concern 农民工 (what a wage-arrears blacklisting needs, 人社部令第45号 第五条)',
  })
  @IsOptional()
  @IsBoolean()
  migrantWorkers?: boolean;

  @ApiPropertyOptional({
    default: false,
    description: '重大劳动保障违法行为 (人社部令第29号 第五条): publishable',
  })
  @IsOptional()
  @IsBoolean()
  major?: boolean;

  @ApiProperty({
    example: '拖欠12名劳动者2026年1月至3月工资共计25万元',
    description: 'Main facts, no personal data',
  })
  @Transform(trim)
  @IsString()
  @MinLength(2)
  @MaxLength(2000)
  facts: string;

  @ApiPropertyOptional({ example: '责令限期支付，逾期未支付，已移送公安机关', description: '处理情况' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(2000)
  handling?: string;
}

export class ViolationViewDto {
  @ApiProperty() id: string;
  @ApiProperty() employerId: string;
  @ApiProperty() jurisdictionCode: string;
  @ApiProperty({ enum: VIOLATION_SOURCES }) sourceType: string;
  @ApiProperty({ nullable: true, type: String }) sourceId: string | null;
  @ApiProperty() foundOn: string;
  @ApiProperty({ enum: VIOLATION_KINDS, isArray: true }) kinds: string[];
  @ApiProperty() arrearsFen: number;
  @ApiProperty() workersAffected: number;
  @ApiProperty() orderRefused: boolean;
  @ApiProperty() massIncident: boolean;
  @ApiProperty() criminalTransfer: boolean;
  @ApiProperty({
    nullable: true,
    type: String,
    format: 'date',
    description: 'Judgment day of criminal liability (被追究刑事责任), what grade C needs',
  })
  criminalLiabilityOn: string | null;
  @ApiProperty({ nullable: true, type: String }) criminalLiabilityRef: string | null;
  @ApiProperty() meetsCrimeThreshold: boolean;
  @ApiProperty({ description: 'The arrears concern 农民工' }) migrantWorkers: boolean;
  @ApiProperty() major: boolean;
  @ApiProperty() facts: string;
  @ApiProperty() handling: string;
  @ApiProperty({ nullable: true, type: String }) publishedIn: string | null;
}

export class GradeReasonDto {
  @ApiProperty() ruleId: string;
  @ApiProperty() citation: string;
}

export class GradeViewDto {
  @ApiProperty() year: number;
  @ApiProperty({ enum: GRADES }) grade: string;
  @ApiProperty({ type: [GradeReasonDto] }) reasons: GradeReasonDto[];
  @ApiProperty() violationCount: number;
  @ApiProperty() computedAt: string;
}

export class BlacklistEntryViewDto {
  @ApiProperty() id: string;
  @ApiProperty() employerId: string;
  @ApiProperty() violationId: string;
  @ApiProperty() jurisdictionCode: string;
  @ApiProperty({ enum: BLACKLIST_STATUSES }) status: string;
  @ApiProperty({ description: 'LISTED and before expires_on' }) inForce: boolean;
  @ApiProperty({ isArray: true, enum: ['CRIME_THRESHOLD', 'MASS_INCIDENT'] }) reasons: string[];
  @ApiProperty() listedOn: string;
  @ApiProperty() expiresOn: string;
  @ApiProperty({ nullable: true, type: String }) removedOn: string | null;
  @ApiProperty({ nullable: true, type: String }) correctedOn: string | null;
  @ApiProperty({ nullable: true, type: String }) commitmentOn: string | null;
  @ApiProperty() version: number;
  @ApiProperty({ type: [BlacklistPersonViewDto], description: '当事人 listed with the employer (第五条)' })
  persons: BlacklistPersonViewDto[];
}

export class EmployerEventDto {
  @ApiProperty() action: string;
  @ApiProperty({ nullable: true, type: String }) fromStatus: string | null;
  @ApiProperty({ nullable: true, type: String }) toStatus: string | null;
  @ApiProperty({ nullable: true, type: String }) actorRole: string | null;
  @ApiProperty({ type: 'object', additionalProperties: true }) data: Record<string, unknown>;
  @ApiProperty() occurredAt: string;
}

export class EmployerComplianceDto {
  @ApiProperty() employerId: string;
  @ApiProperty() name: string;
  @ApiProperty({ description: NAME_CONFIRMED }) nameConfirmed: boolean;
  @ApiProperty({ nullable: true, type: String }) uscc: string | null;
  @ApiProperty({ type: [ViolationViewDto] }) violations: ViolationViewDto[];
  @ApiProperty({ type: [GradeViewDto] }) grades: GradeViewDto[];
  @ApiProperty({ type: [BlacklistEntryViewDto] }) blacklist: BlacklistEntryViewDto[];
  @ApiProperty({ description: 'Listed and in force today' }) blacklisted: boolean;
  @ApiProperty({ type: [EmployerEventDto] }) events: EmployerEventDto[];
}

export class ListEmployerDto {
  @ApiProperty({ format: 'uuid', description: 'The wage-arrears violation whose facts justify the listing' })
  @IsUUID()
  violationId: string;

  @ApiPropertyOptional({
    example: '2026-11-20',
    description: 'The day of the listing decision (default: today)',
  })
  @IsOptional()
  @IsLocalDate()
  listedOn?: string;

  @ResponsiblePersons(
    '当事人 listed with the employer (人社部令第45号 第五条): at least its 法定代表人 or 主要负责人; one entry per ID number',
  )
  responsiblePersons: ResponsiblePersonDto[];
}

export class EarlyRemovalDto {
  @ApiProperty({ example: 1, description: 'The version of the listing the client read' })
  @IsInt()
  @Min(1)
  version: number;

  @ApiProperty({ example: '2026-05-01', description: 'The day the violation was corrected (arrears paid)' })
  @IsLocalDate()
  correctedOn: string;

  @ApiPropertyOptional({
    example: '2026-11-20',
    description: 'The day of the written 信用承诺 (required to remove)',
  })
  @IsOptional()
  @IsLocalDate()
  commitmentOn?: string;

  @ApiPropertyOptional({ example: '已足额支付拖欠工资，作出书面信用承诺' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(1000)
  note?: string;
}

export class GradeRunDto {
  @ApiProperty({ example: 2025 })
  @IsInt()
  @Min(2017)
  @Max(2100)
  year: number;
}

export class GradeRunViewDto {
  @ApiProperty({ description: 'The queued job (its outbox id)' }) jobId: string;
  @ApiProperty() year: number;
}

export class PublishDto {
  @ApiProperty({ example: 2026 })
  @IsInt()
  @Min(2017)
  @Max(2100)
  year: number;

  @ApiProperty({ example: 1, minimum: 1, maximum: 4 })
  @IsInt()
  @Min(1)
  @Max(4)
  quarter: number;

  @ApiPropertyOptional({ example: '310115', description: 'The publishing scope (default: the caller’s own)' })
  @IsOptional()
  @Matches(/^\d{6,12}$/, { message: 'jurisdictionCode must be a division code' })
  jurisdictionCode?: string;

  @ApiPropertyOptional({
    default: false,
    description:
      'A supplementary batch of a quarter already published: its major violations not published yet (人社部令第29号 第八条: 可随时公布)',
  })
  @IsOptional()
  @IsBoolean()
  supplementary?: boolean;
}

export class PublicationViewDto {
  @ApiProperty() id: string;
  @ApiProperty() jurisdictionCode: string;
  @ApiProperty() year: number;
  @ApiProperty() quarter: number;
  @ApiProperty() supplementary: boolean;
  @ApiProperty() publishedOn: string;
  @ApiProperty() items: number;
}

// ---- public (no personal data but the listed persons' names and masked ID numbers) ----

export class PublicViolationsQuery extends CursorQuery {
  @ApiProperty({ example: 2026 })
  @IntFromQuery()
  @IsInt()
  @Min(2017)
  @Max(2100)
  year: number;

  @ApiProperty({ example: 1, minimum: 1, maximum: 4 })
  @IntFromQuery()
  @IsInt()
  @Min(1)
  @Max(4)
  quarter: number;
}

export class PublicViolationDto {
  @ApiProperty() employerName: string;
  @ApiProperty({ nullable: true, type: String }) uscc: string | null;
  @ApiProperty({ nullable: true, type: String }) address: string | null;
  @ApiProperty() jurisdictionCode: string;
  @ApiProperty({ description: 'the date of the publication that carried it' }) publishedOn: string;
  @ApiProperty({ description: 'published in a supplementary batch, after its quarter was published' })
  supplementary: boolean;
  @ApiProperty() foundOn: string;
  @ApiProperty({ enum: VIOLATION_KINDS, isArray: true }) kinds: string[];
  @ApiProperty() arrearsFen: number;
  @ApiProperty() workersAffected: number;
  @ApiProperty() facts: string;
  @ApiProperty() handling: string;
}

export class PublicViolationPageDto {
  @ApiProperty() year: number;
  @ApiProperty() quarter: number;
  @ApiProperty({ type: [PublicViolationDto] }) items: PublicViolationDto[];
  @ApiProperty({ nullable: true, type: String }) nextCursor: string | null;
}

export class PublicBlacklistEntryDto {
  @ApiProperty() employerName: string;
  @ApiProperty({ nullable: true, type: String }) uscc: string | null;
  @ApiProperty({ nullable: true, type: String }) address: string | null;
  @ApiProperty() listedOn: string;
  @ApiProperty() expiresOn: string;
  @ApiProperty({ isArray: true, enum: ['CRIME_THRESHOLD', 'MASS_INCIDENT'] }) reasons: string[];
  @ApiProperty({ type: [PublicBlacklistPersonDto], description: '当事人: names, ID numbers masked' })
  persons: PublicBlacklistPersonDto[];
}

export class PublicBlacklistPageDto {
  @ApiProperty({ type: [PublicBlacklistEntryDto] }) items: PublicBlacklistEntryDto[];
  @ApiProperty({ nullable: true, type: String }) nextCursor: string | null;
}

export class PublicBlacklistQuery extends CursorQuery {}
