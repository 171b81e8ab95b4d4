import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsOptional, IsUUID } from 'class-validator';
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
