import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags, ApiOperation } from '@nestjs/swagger';
import { CurrentUser, Roles } from '../auth/decorators';
import type { Principal } from '../auth/roles';
import { AppException } from '../common/errors/app-exception';
import { ComplaintsService } from './complaints.service';
import { ComplaintViewDto } from './dto/complaint-view.dto';
import { WithdrawComplaintDto } from './dto/withdraw-complaint.dto';
import { ComplaintWithdrawalService } from './withdrawal.service';

@ApiTags('complaints')
@ApiBearerAuth()
@Controller('api/v1/complaints')
export class ComplaintWithdrawalController {
  constructor(
    private readonly withdrawal: ComplaintWithdrawalService,
    private readonly complaints: ComplaintsService,
  ) {}

  /**
   * Withdraws (撤回) a complaint: the complainant before the acceptance decision (补正 included); after it staff of
   * the complaint's street, recording the body's consent. 409 WITHDRAWAL_NEEDS_CONSENT / PROCEEDING_OPEN / ILLEGAL_TRANSITION otherwise.
   */
  @ApiOperation({
    summary: '撤回投诉',
    description: '受理前（含要求补正期间）由投诉人撤回；受理后须经办理机构同意，由所辖街道工作人员登记。',
  })
  @Post(':id/withdraw')
  @HttpCode(200)
  @Roles('WORKER', 'INSPECTOR', 'MEDIATOR', 'ARBITRATOR', 'SUPERVISOR')
  @ApiOkResponse({ type: ComplaintViewDto })
  withdraw(
    @CurrentUser() user: Principal,
    @Param(
      'id',
      new ParseUUIDPipe({
        exceptionFactory: () => AppException.notFound('COMPLAINT_NOT_FOUND', 'No such complaint'),
      }),
    )
    id: string,
    @Body() dto: WithdrawComplaintDto,
  ): Promise<ComplaintViewDto> {
    return this.withdrawal.withdraw(user, id, dto).then(() => this.complaints.get(user, id));
  }
}
