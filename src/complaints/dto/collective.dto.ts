import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { trim } from '../../common/validation/transforms';
import { NAME_CONFIRMED } from '../../reference/dto/employer-contact.dto';
import { COMPLAINT_CATEGORIES, type ComplaintCategory } from '../complaint.constants';

export class ConfirmCollectiveDto {
  @ApiProperty() @IsUUID() employerId: string;

  @ApiProperty({ enum: COMPLAINT_CATEGORIES }) @IsIn(COMPLAINT_CATEGORIES) category: ComplaintCategory;

  @ApiProperty({
    type: [String],
    description: 'The complaints to link (each keeps its own claim and amount)',
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(2000)
  @IsUUID('all', { each: true })
  complaintIds: string[];

  @ApiPropertyOptional({
    type: [String],
    description: 'Complaints of the elected representatives: 3–5, or none (第七条: 可以推举代表)',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @IsUUID('all', { each: true })
  representativeComplaintIds?: string[];
}

export class DismissProposalDto {
  @ApiProperty() @IsUUID() employerId: string;
  @ApiProperty({ enum: COMPLAINT_CATEGORIES }) @IsIn(COMPLAINT_CATEGORIES) category: ComplaintCategory;
}

export class CollectiveProposalDto {
  @ApiProperty({ description: `nameConfirmed: ${NAME_CONFIRMED}` })
  employer: { id: string; name: string; nameConfirmed: boolean };
  @ApiProperty() category: string;
  @ApiProperty() workers: number;
  @ApiProperty({ type: [String] }) complaintIds: string[];
  @ApiProperty() firstReceived: string;
  @ApiProperty() lastReceived: string;
  @ApiProperty() basis: string;
}

export class CollectiveDisputeDto {
  @ApiProperty() id: string;
  @ApiProperty() employerId: string;
  @ApiProperty() category: string;
  @ApiProperty() priority: boolean;
  @ApiProperty({ type: [String] }) representativeComplaintIds: string[];
  @ApiProperty() members: { complaintId: string; trackingNo: string; claimedAmountFen: number | null }[];
  @ApiProperty() createdAt: string;
}

/** A member of a collective dispute leaves the group's case on request (CollectiveMembersService.remove). */
export class RemoveCollectiveMemberDto {
  @ApiProperty({ minimum: 1, description: 'The version of the case the client read' })
  @IsInt()
  @Min(1)
  version: number;

  @ApiProperty({ example: '该劳动者已与单位自行和解，申请退出', minLength: 2, maxLength: 200 })
  @Transform(trim)
  @IsString()
  @MinLength(2)
  @MaxLength(200)
  reason: string;
}
