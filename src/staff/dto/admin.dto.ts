import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  MinLength,
  ValidateIf,
} from 'class-validator';
import { ORGANISATION_KINDS, type OrganisationKind } from '../../reference/entities/organisation.entity';
import { COLLEAGUE_PROCEEDINGS, type ColleagueProceeding } from '../colleagues';
import { CursorQuery } from '../../common/http/pagination';
import { IsDateTime, IsMainlandMobile } from '../../common/validation/decorators';
import { trim } from '../../common/validation/transforms';
import { STAFF_ACCOUNT_ROLES, type StaffAccountRole } from '../staff.rules';

const DIVISION = /^\d{6}(\d{3})?$/;
const USERNAME = /^[a-z][a-z0-9._-]{2,63}$/;
const toBool = ({ value }: { value: unknown }) =>
  value === 'true' ? true : value === 'false' ? false : value;

export class CreateStaffDto {
  @ApiProperty({
    example: 'med-310115007-2',
    description: 'Lower-case letters, digits, . _ -; 3–64 characters',
  })
  @IsString()
  @Matches(USERNAME, {
    message: 'username must be 3–64 lower-case letters, digits, . _ - starting with a letter',
  })
  username: string;

  @ApiProperty({ example: '张调解', description: 'Trimmed; not blank' })
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(64)
  displayName: string;

  @ApiProperty({ enum: STAFF_ACCOUNT_ROLES })
  @IsIn(STAFF_ACCOUNT_ROLES)
  role: StaffAccountRole;

  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  organisationId: string;

  @ApiProperty({ type: [String], example: ['310115007'] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(60)
  @Matches(DIVISION, { each: true, message: 'each jurisdiction code is a 6- or 9-digit division code' })
  jurisdictionCodes: string[];

  @ApiPropertyOptional({ example: '13900000000', description: 'Work phone; never shown to workers' })
  @IsOptional()
  @IsString()
  @IsMainlandMobile()
  phone?: string;
}

export class UpdateStaffDto {
  @ApiPropertyOptional({ description: 'Trimmed; not blank' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(64)
  displayName?: string;

  @ApiPropertyOptional({ enum: STAFF_ACCOUNT_ROLES })
  @IsOptional()
  @IsIn(STAFF_ACCOUNT_ROLES)
  role?: StaffAccountRole;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() organisationId?: string;

  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(60)
  @Matches(DIVISION, { each: true, message: 'each jurisdiction code is a 6- or 9-digit division code' })
  jurisdictionCodes?: string[];

  @ApiPropertyOptional() @IsOptional() @IsBoolean() active?: boolean;

  @ApiPropertyOptional({ nullable: true, type: String, description: 'null clears it' })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsString()
  @IsMainlandMobile()
  phone?: string | null;
}

export class StaffQueryDto extends CursorQuery {
  @ApiPropertyOptional({ enum: STAFF_ACCOUNT_ROLES })
  @IsOptional()
  @IsIn(STAFF_ACCOUNT_ROLES)
  role?: StaffAccountRole;
  @ApiPropertyOptional({ description: 'Accounts whose jurisdictions cover this street code' })
  @IsOptional()
  @Matches(/^\d{9}$/, { message: 'street must be a 9-digit street code' })
  street?: string;
  @ApiPropertyOptional({ description: 'Part of the username or display name' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  q?: string;
  @ApiPropertyOptional() @IsOptional() @Transform(toBool) @IsBoolean() active?: boolean;
}

export class AdminOrganisationDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: ORGANISATION_KINDS }) kind: OrganisationKind;
  @ApiProperty() jurisdictionCode: string;
}

export class StaffAccountDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() username: string;
  @ApiProperty({ nullable: true, type: String }) displayName: string | null;
  @ApiProperty({ enum: STAFF_ACCOUNT_ROLES }) role: string;
  @ApiProperty({ type: AdminOrganisationDto, nullable: true }) organisation: AdminOrganisationDto | null;
  @ApiProperty({ type: [String] }) jurisdictionCodes: string[];
  @ApiProperty({ nullable: true, type: String, description: 'Masked for a SUPERVISOR' }) phone: string | null;
  @ApiProperty() active: boolean;
  @ApiProperty() passwordChangeRequired: boolean;
  @ApiProperty({ nullable: true, type: String }) createdAt: string | null;
}

export class CaseHandedOverDto {
  @ApiProperty({ enum: COLLEAGUE_PROCEEDINGS }) proceeding: ColleagueProceeding;
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ nullable: true, type: String }) caseNo: string | null;
  @ApiProperty({
    nullable: true,
    type: String,
    format: 'uuid',
    description: 'The colleague who holds the case now; null: nobody could take it, the body’s staff see it',
  })
  toUserId: string | null;
}

export class StaffUpdatedDto extends StaffAccountDto {
  @ApiProperty({
    type: [CaseHandedOverDto],
    description:
      'Open cases the account can no longer act on after this change (deactivated, another role, organisation or jurisdictions), handed over by it',
  })
  casesHandedOver: CaseHandedOverDto[];
}

export class StaffPageDto {
  @ApiProperty({ type: [StaffAccountDto] }) items: StaffAccountDto[];
  @ApiProperty({ nullable: true, type: String }) nextCursor: string | null;
}

export class CreatedStaffDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() username: string;
  @ApiProperty({ description: 'Shown once; the account must change it at first sign-in' })
  temporaryPassword: string;
}

export class TemporaryPasswordDto {
  @ApiProperty({ description: 'Shown once; the account must change it at next sign-in' })
  temporaryPassword: string;
}

export class CreateOrganisationDto {
  @ApiProperty({ example: '花木街道人民调解委员会', description: 'Trimmed; at least 2 characters' })
  @Transform(trim)
  @IsString()
  @MinLength(2)
  @MaxLength(120)
  name: string;

  @ApiProperty({ enum: ORGANISATION_KINDS }) @IsIn(ORGANISATION_KINDS) kind: OrganisationKind;
  @ApiProperty({ example: '310115016' })
  @Matches(DIVISION, { message: 'jurisdictionCode must be a 6- or 9-digit division code' })
  jurisdictionCode: string;
}

export class UpdateOrganisationDto {
  @ApiPropertyOptional({ description: 'Trimmed; at least 2 characters' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MinLength(2)
  @MaxLength(120)
  name?: string;

  @ApiPropertyOptional({ enum: ORGANISATION_KINDS })
  @IsOptional()
  @IsIn(ORGANISATION_KINDS)
  kind?: OrganisationKind;
  @ApiPropertyOptional()
  @IsOptional()
  @Matches(DIVISION, { message: 'jurisdictionCode must be a 6- or 9-digit division code' })
  jurisdictionCode?: string;
}

export class OrganisationListDto {
  @ApiProperty({ type: [AdminOrganisationDto] }) items: AdminOrganisationDto[];
}

export class AuditQueryDto extends CursorQuery {
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() actor?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() target?: string;
  @ApiPropertyOptional({ format: 'date-time', example: '2026-12-01T00:00:00+08:00' })
  @IsOptional()
  @IsDateTime()
  from?: string;
  @ApiPropertyOptional({ format: 'date-time' }) @IsOptional() @IsDateTime() to?: string;
}

export class AdminAuditEventDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) actorUserId: string;
  @ApiProperty() action: string;
  @ApiProperty({ enum: ['USER', 'ORGANISATION'] }) targetType: string;
  @ApiProperty({ format: 'uuid' }) targetId: string;
  @ApiProperty() jurisdictionCode: string;
  @ApiProperty({ description: 'What changed (never a password; a phone only as SET/CLEARED)' })
  changes: Record<string, unknown>;
  @ApiProperty() occurredAt: string;
}

export class AdminAuditPageDto {
  @ApiProperty({ type: [AdminAuditEventDto] }) items: AdminAuditEventDto[];
  @ApiProperty({ nullable: true, type: String }) nextCursor: string | null;
}
