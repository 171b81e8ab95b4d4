import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { CursorQuery } from '../../common/http/pagination';
import { CaseComplainantDto, CaseEmployerDto } from '../../complaints/dto/case-parties.dto';
import {
  ARBITRATION_SOURCES,
  ARBITRATION_STATUSES,
  CLOSURE_TYPES,
  TRIBUNAL_KINDS,
  type ArbitrationSource,
  type ArbitrationStatus,
  type ClosureType,
  type TribunalKind,
} from '../arbitration.constants';
import { IntFromQuery } from '../../common/validation/decorators';

export class ArbitrationQueueQueryDto extends CursorQuery {
  @ApiPropertyOptional({ enum: ARBITRATION_STATUSES })
  @IsOptional()
  @IsIn(ARBITRATION_STATUSES)
  status?: ArbitrationStatus;

  @ApiPropertyOptional({ format: 'uuid', description: 'Cases with this arbitrator on the tribunal' })
  @IsOptional()
  @IsUUID()
  member?: string;

  @ApiPropertyOptional({ enum: ['me'], description: 'me: the cases whose tribunal includes the caller' })
  @IsOptional()
  @IsIn(['me'])
  assignee?: 'me';

  @ApiPropertyOptional({ minimum: 0, maximum: 366, description: 'A period of the case ends within N days' })
  @IsOptional()
  @IntFromQuery()
  @IsInt()
  @Min(0)
  @Max(366)
  dueWithinDays?: number;
}

/** What a case's view and its queue item say of the parties. */
export const RESPONDENT = 'The respondent: the employer the case records (its complaint’s)';
export const COMPLAINANT =
  "The complainant of the case's complaint (of a collective case: its own complaint's); never the ID number";

export class ArbitrationCaseSummaryDto {
  @ApiProperty() id: string;
  @ApiProperty({ type: String, nullable: true, description: '案号' }) caseNo: string | null;
  @ApiProperty() complaintId: string;
  @ApiProperty({ type: CaseEmployerDto, description: RESPONDENT }) employer: CaseEmployerDto;
  @ApiProperty({ type: CaseComplainantDto, nullable: true, description: COMPLAINANT })
  complainant: CaseComplainantDto | null;
  @ApiProperty({ enum: ARBITRATION_SOURCES }) source: ArbitrationSource;
  @ApiProperty({ enum: ARBITRATION_STATUSES }) status: ArbitrationStatus;
  @ApiProperty() jurisdictionCode: string;
  @ApiProperty() collective: boolean;
  @ApiProperty({ enum: TRIBUNAL_KINDS, nullable: true }) tribunal: TribunalKind | null;
  @ApiProperty({ type: [String] }) arbitratorIds: string[];
  @ApiProperty() appliedOn: string;
  @ApiProperty({ type: String, nullable: true }) acceptedOn: string | null;
  @ApiProperty({ type: String, nullable: true }) closedOn: string | null;
  @ApiProperty({ enum: CLOSURE_TYPES, nullable: true }) closureType: ClosureType | null;
}

export class ArbitrationCasePageDto {
  @ApiProperty({ type: [ArbitrationCaseSummaryDto] }) items: ArbitrationCaseSummaryDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}
