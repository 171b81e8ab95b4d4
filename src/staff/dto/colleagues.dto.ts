import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsUUID } from 'class-validator';
import { ROLES, type Role } from '../../auth/roles';
import { COLLEAGUE_PROCEEDINGS, MAX_COLLEAGUES, type ColleagueProceeding } from '../colleagues';
import { StaffRefDto } from './staff-ref.dto';

export class ColleaguesQueryDto {
  @ApiProperty({
    enum: COLLEAGUE_PROCEEDINGS,
    description:
      'INSPECTION: inspectorIds of 立案 and of an investigation record; ARBITRATION: arbitratorIds of the tribunal and ' +
      'of a hearing; MEDIATION: mediatorUserId of a hand-over',
  })
  @IsIn(COLLEAGUE_PROCEEDINGS)
  proceeding: ColleagueProceeding;

  @ApiProperty({ format: 'uuid', description: 'The case the act is on' })
  @IsUUID()
  caseId: string;
}

export class ColleagueListDto {
  @ApiProperty({ enum: COLLEAGUE_PROCEEDINGS }) proceeding: ColleagueProceeding;
  @ApiProperty({ format: 'uuid' }) caseId: string;
  @ApiProperty({ enum: ROLES, description: 'The role of every account listed' }) role: Role;
  @ApiProperty({
    type: [StaffRefDto],
    description: `The active accounts the act accepts on this case, at most ${MAX_COLLEAGUES}`,
  })
  items: StaffRefDto[];
  @ApiProperty({ description: `More than ${MAX_COLLEAGUES} would be acceptable; only the first are listed` })
  truncated: boolean;
}
