import { Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiProperty, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles } from '../auth/decorators';
import { STAFF_ROLES, type Principal } from '../auth/roles';
import { AppException } from '../common/errors/app-exception';
import { MyCasesService } from './my-cases.service';

class MyCaseDto {
  @ApiProperty() complaintId: string;
  @ApiProperty() trackingNo: string;
  @ApiProperty() currentStep: { proceeding: string; id: string; status: string };
  @ApiProperty({ nullable: true }) heldBy: { organisationId: string; name: string } | null;
  @ApiProperty({ nullable: true }) nextDeadline: {
    due: string;
    state: string;
    text: string;
    citation: string;
  } | null;
  @ApiProperty() deadlines: {
    proceeding: string;
    rule: string;
    due: string | null;
    state: string;
    text: string;
  }[];
  @ApiProperty() timeline: object[];
}

function complaintIdPipe(): ParseUUIDPipe {
  return new ParseUUIDPipe({
    exceptionFactory: () => AppException.notFound('COMPLAINT_NOT_FOUND', 'No such complaint'),
  });
}

@ApiTags('my')
@ApiBearerAuth()
@Controller('api/v1/my/cases')
export class MyCasesController {
  constructor(private readonly cases: MyCasesService) {}

  /** One file across complaint → mediation → arbitration: the story, the current step, who holds it, the next deadline. */
  @Get(':id')
  @Roles('WORKER', ...STAFF_ROLES)
  @ApiOkResponse({ type: MyCaseDto })
  get(@CurrentUser() user: Principal, @Param('id', complaintIdPipe()) id: string): Promise<MyCaseDto> {
    return this.cases.get(user, id);
  }
}
