import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags, ApiOperation } from '@nestjs/swagger';
import { CurrentUser, Roles } from '../auth/decorators';
import type { Principal, Role } from '../auth/roles';
import { AppException } from '../common/errors/app-exception';
import { CollectiveService } from './collective.service';
import {
  CollectiveDisputeDto,
  CollectiveProposalDto,
  ConfirmCollectiveDto,
  DismissProposalDto,
} from './dto/collective.dto';

const STAFF_DECIDING: Role[] = ['INSPECTOR', 'MEDIATOR', 'ARBITRATOR', 'SUPERVISOR'];

function disputeIdPipe(): ParseUUIDPipe {
  return new ParseUUIDPipe({
    exceptionFactory: () =>
      AppException.notFound('COLLECTIVE_DISPUTE_NOT_FOUND', 'No such collective dispute'),
  });
}

@ApiTags('collective disputes')
@ApiBearerAuth()
@Controller('api/v1/collective-disputes')
export class CollectiveController {
  constructor(private readonly collective: CollectiveService) {}

  /** Groups of 10+ workers with a common claim against one employer within 30 days, in the caller's jurisdictions. */
  @ApiOperation({
    summary: '集体争议提议',
    description: '管辖范围内 30 日内针对同一用人单位、请求相同的 10 人以上投诉分组。',
  })
  @Get('proposals')
  @Roles(...STAFF_DECIDING)
  @ApiOkResponse({ type: [CollectiveProposalDto] })
  proposals(@CurrentUser() user: Principal): Promise<CollectiveProposalDto[]> {
    return this.collective.proposals(user);
  }

  @ApiOperation({ summary: '驳回集体争议提议', description: '确认该组投诉不作为集体争议处理。' })
  @Post('proposals/dismiss')
  @HttpCode(204)
  @Roles(...STAFF_DECIDING)
  async dismiss(@CurrentUser() user: Principal, @Body() dto: DismissProposalDto): Promise<void> {
    await this.collective.dismiss(user, dto.employerId, dto.category);
  }

  @ApiOperation({ summary: '确认集体争议', description: '将一组投诉确认为集体争议，并登记 3 至 5 名代表。' })
  @Post()
  @Roles(...STAFF_DECIDING)
  @ApiOkResponse({ type: CollectiveDisputeDto })
  confirm(@CurrentUser() user: Principal, @Body() dto: ConfirmCollectiveDto): Promise<CollectiveDisputeDto> {
    return this.collective.confirm(user, dto);
  }

  @ApiOperation({ summary: '集体争议详情', description: '集体争议的成员、代表与办理状态。' })
  @Get(':id')
  @Roles(...STAFF_DECIDING)
  @ApiOkResponse({ type: CollectiveDisputeDto })
  get(
    @CurrentUser() user: Principal,
    @Param('id', disputeIdPipe()) id: string,
  ): Promise<CollectiveDisputeDto> {
    return this.collective.get(user, id);
  }
}
