import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ORGANISATION_KINDS, type OrganisationKind } from '../../reference/entities/organisation.entity';
import { ROLES, type Role } from '../../auth/roles';

export class OrganisationRefDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: '陆家嘴街道人民调解委员会' }) name: string;
  @ApiProperty({ enum: ORGANISATION_KINDS }) kind: OrganisationKind;
}

/** A staff member as every view shows one (never a phone number). */
export class StaffRefDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: '调解员' }) displayName: string;
  @ApiProperty({ enum: ROLES }) role: Role;
  @ApiProperty({ type: OrganisationRefDto, nullable: true }) organisation: OrganisationRefDto | null;
}

/** The actor of a timeline event: the recorded user id and role, named by the staff directory when known. */
export class EventActorDto {
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) userId: string | null;
  @ApiProperty({ nullable: true, type: String }) role: string | null;
  @ApiPropertyOptional({ format: 'uuid' }) id?: string;
  @ApiPropertyOptional({ example: '调解员', description: 'A worker shows as 劳动者' }) displayName?: string;
  @ApiPropertyOptional({ type: OrganisationRefDto, nullable: true }) organisation?: OrganisationRefDto | null;
}
