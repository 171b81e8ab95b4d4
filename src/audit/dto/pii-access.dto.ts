import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsUUID } from 'class-validator';
import { CursorQuery } from '../../common/http/pagination';

export class PiiAccessQuery extends CursorQuery {
  @ApiPropertyOptional({ description: 'Only reads by this staff user' })
  @IsOptional()
  @IsUUID()
  userId?: string;

  @ApiPropertyOptional({ description: 'Only reads that showed this case (complaint id)' })
  @IsOptional()
  @IsUUID()
  caseId?: string;
}

export class PiiAccessDto {
  @ApiProperty() id: string;
  @ApiProperty({ description: 'The staff user who saw the data unmasked' }) userId: string;
  @ApiProperty() role: string;
  @ApiProperty({ example: 'COMPLAINT' }) caseType: string;
  @ApiProperty({
    type: [String],
    description: 'The cases the read showed (complaint ids; a list page shows several)',
  })
  caseIds: string[];
  @ApiProperty({ description: 'The use that showed it, e.g. complaint.get, complaint.list, search' })
  purpose: string;
  @ApiProperty() accessedAt: string;
}

export class PiiAccessPageDto {
  @ApiProperty({ type: [PiiAccessDto] }) items: PiiAccessDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}
