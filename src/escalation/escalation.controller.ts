import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiProperty, ApiTags, ApiOperation } from '@nestjs/swagger';
import { CurrentUser, Roles } from '../auth/decorators';
import type { Principal } from '../auth/roles';
import { AppException } from '../common/errors/app-exception';
import { EscalateDto } from './dto/escalate.dto';
import { EscalationService } from './escalation.service';

class EscalationResultDto {
  @ApiProperty() arbitrationCaseId: string;
  @ApiProperty() complaintId: string;
  @ApiProperty({ enum: ['FAILED', 'EXPIRED', 'DEFAULTED'] }) reason: string;
  /** amountFen null: a claim not to money (its complaint stated no amount). */
  @ApiProperty() claims: { type: string; description: string; amountFen: number | null }[];
}

function mediationIdPipe(): ParseUUIDPipe {
  return new ParseUUIDPipe({
    exceptionFactory: () => AppException.notFound('MEDIATION_CASE_NOT_FOUND', 'No such mediation case'),
  });
}

@ApiTags('mediation')
@ApiBearerAuth()
@Controller('api/v1/mediation')
export class EscalationController {
  constructor(private readonly escalation: EscalationService) {}

  /** 调裁衔接: one call turns a failed/expired mediation or a defaulted agreement into an arbitration application. */
  @ApiOperation({
    summary: '调解转仲裁',
    description:
      '调裁衔接：将调解失败、期满或未履行协议的调解案件一次转为仲裁申请。工作人员代为办理时须记录劳动者提出申请的方式（complainantRequest）。集体争议由推举的代表（未推举代表的，由仍在争议中的成员）为全体劳动者申请，其他成员为 403 NOT_ACTING_FOR_COLLECTIVE_DISPUTE。',
  })
  @Post(':id/escalate')
  @HttpCode(201)
  @Roles('WORKER', 'MEDIATOR', 'ARBITRATOR', 'SUPERVISOR')
  @ApiOkResponse({ type: EscalationResultDto })
  escalate(
    @CurrentUser() user: Principal,
    @Param('id', mediationIdPipe()) id: string,
    @Body() dto: EscalateDto,
  ): Promise<EscalationResultDto> {
    return this.escalation.escalate(user, id, dto);
  }
}
