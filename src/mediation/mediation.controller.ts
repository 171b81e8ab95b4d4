import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { MEDIATOR_ACTS } from './mediation-case-writer';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiTags,
  ApiOperation,
} from '@nestjs/swagger';
import { CurrentUser, Roles } from '../auth/decorators';
import type { Principal, Role } from '../auth/roles';
import { AppException } from '../common/errors/app-exception';
import {
  AssignMediatorDto,
  CloseMediationDto,
  DeclareConflictDto,
  ExtendMediationPeriodDto,
  MediationCaseViewDto,
  MediationPageDto,
  MediationQueryDto,
  OpenMediationDto,
  ScheduleSessionDto,
  MarkInstalmentPaidDto,
} from './dto/mediation.dto';
import { MediationPeriodService } from './mediation-period.service';
import { MediationService } from './mediation.service';
import { MediationOpeningService } from './mediation-opening.service';
import { MediationAssignmentService } from './mediation-assignment.service';
import { MediationInstalments } from './mediation-instalments.service';
import { MediationMembersService } from './mediation-members.service';
import { RemoveCollectiveMemberDto } from '../complaints/dto/collective.dto';

/** Staff who run mediations (of the case's jurisdiction). */
const MEDIATING_ROLES: Role[] = ['MEDIATOR', 'SUPERVISOR'];
const MEDIATION_ACTS: Role[] = [...MEDIATOR_ACTS];

const uuid = new ParseUUIDPipe({
  exceptionFactory: () => AppException.notFound('MEDIATION_CASE_NOT_FOUND', 'No such mediation case'),
});
const instalmentUuid = new ParseUUIDPipe({
  exceptionFactory: () => AppException.notFound('INSTALMENT_NOT_FOUND', 'No such instalment'),
});

const memberUuid = new ParseUUIDPipe({
  exceptionFactory: () =>
    AppException.notFound('COLLECTIVE_MEMBER_NOT_FOUND', 'No such member of the collective dispute'),
});

@ApiTags('mediation')
@ApiBearerAuth()
@Controller('api/v1/mediation')
export class MediationController {
  constructor(
    private readonly mediation: MediationService,
    private readonly opening: MediationOpeningService,
    private readonly period: MediationPeriodService,
    private readonly assignment: MediationAssignmentService,
    private readonly instalments: MediationInstalments,
    private readonly members: MediationMembersService,
  ) {}

  /** Opens the mediation of a complaint routed to MEDIATION; starts the 15-day clock; assigns a mediator. */
  @ApiOperation({
    summary: '立调解案件',
    description: '为分流至调解的投诉立案，开始计算 15 日调解期限并指派调解员。',
  })
  @Post('cases')
  @Roles(...MEDIATING_ROLES)
  @ApiCreatedResponse({ type: MediationCaseViewDto })
  open(@CurrentUser() user: Principal, @Body() dto: OpenMediationDto): Promise<MediationCaseViewDto> {
    return this.opening.open(user, dto.complaintId);
  }

  @ApiOperation({ summary: '调解案件列表', description: '所辖范围内的调解案件；游标分页。' })
  @Get('cases')
  @Roles(...MEDIATING_ROLES)
  @ApiOkResponse({ type: MediationPageDto })
  list(@CurrentUser() user: Principal, @Query() query: MediationQueryDto): Promise<MediationPageDto> {
    return this.mediation.list(user, query);
  }

  @ApiOperation({ summary: '调解案件详情', description: '调解案件的状态、期限、调解会议、协议与分期履行。' })
  @Get('cases/:id')
  @Roles('WORKER', ...MEDIATING_ROLES)
  @ApiOkResponse({ type: MediationCaseViewDto })
  get(@CurrentUser() user: Principal, @Param('id', uuid) id: string): Promise<MediationCaseViewDto> {
    return this.mediation.get(user, id);
  }

  /** Another mediator of the committee takes an open case over (人民调解法 第十九条), with the reason. */
  @ApiOperation({
    summary: '更换调解员',
    description:
      '本调解委员会负责该街道的调解员接手调解案件（默认本人，也可指定同事），须说明理由；调解会议、期限和结案只能由承办调解员办理（人民调解法 第十九条）。',
  })
  @Post('cases/:id/mediator')
  @HttpCode(200)
  @Roles(...MEDIATION_ACTS)
  @ApiOkResponse({ type: MediationCaseViewDto })
  assignMediator(
    @CurrentUser() user: Principal,
    @Param('id', uuid) id: string,
    @Body() dto: AssignMediatorDto,
  ): Promise<MediationCaseViewDto> {
    return this.assignment.assign(user, id, dto);
  }

  /** A member of a collective dispute leaves the group's open case on request (人民调解法 第二十三条). */
  @ApiOperation({
    summary: '集体争议成员退出调解',
    description:
      '集体劳动争议的成员申请退出集体调解（人民调解法 第二十三条：当事人可以要求终止调解），由承办调解员登记并说明理由：该投诉脱离集体争议，此后可以撤回或单独办理；集体调解继续，不足 10 人的仍为同一案件。案件据以立案的投诉、推举的代表不能退出（409 COLLECTIVE_MEMBER_NOT_REMOVABLE）。',
  })
  @Post('cases/:id/members/:complaintId/remove')
  @HttpCode(200)
  @Roles(...MEDIATION_ACTS)
  @ApiOkResponse({ type: MediationCaseViewDto })
  removeMember(
    @CurrentUser() user: Principal,
    @Param('id', uuid) id: string,
    @Param('complaintId', memberUuid) complaintId: string,
    @Body() dto: RemoveCollectiveMemberDto,
  ): Promise<MediationCaseViewDto> {
    return this.members.remove(user, id, complaintId, dto);
  }

  @ApiOperation({ summary: '安排调解会议', description: '安排一次调解会议（须在调解期限内）。' })
  @Post('cases/:id/sessions')
  @Roles(...MEDIATION_ACTS)
  @ApiCreatedResponse({ type: MediationCaseViewDto })
  scheduleSession(
    @CurrentUser() user: Principal,
    @Param('id', uuid) id: string,
    @Body() dto: ScheduleSessionDto,
  ): Promise<MediationCaseViewDto> {
    return this.mediation.scheduleSession(user, id, dto);
  }

  /** Records an extension of the mediation period agreed by both parties (参照 企业劳动争议协商调解规定 第二十七条). */
  @ApiOperation({
    summary: '延长调解期限',
    description: '登记双方同意的调解期限延长（参照企业劳动争议协商调解规定 第二十七条）。',
  })
  @Post('cases/:id/extension')
  @HttpCode(200)
  @Roles(...MEDIATION_ACTS)
  @ApiOkResponse({ type: MediationCaseViewDto })
  async extend(
    @CurrentUser() user: Principal,
    @Param('id', uuid) id: string,
    @Body() dto: ExtendMediationPeriodDto,
  ): Promise<MediationCaseViewDto> {
    await this.period.extend(user, id, dto);
    return this.mediation.get(user, id);
  }

  @ApiOperation({
    summary: '调解结案',
    description: '以达成协议、调解不成或撤回等方式结案；达成协议的登记协议内容与分期履行安排。',
  })
  @Post('cases/:id/close')
  @HttpCode(200)
  @Roles(...MEDIATION_ACTS)
  @ApiOkResponse({ type: MediationCaseViewDto })
  close(
    @CurrentUser() user: Principal,
    @Param('id', uuid) id: string,
    @Body() dto: CloseMediationDto,
  ): Promise<MediationCaseViewDto> {
    return this.mediation.close(user, id, dto);
  }

  @ApiOperation({
    summary: '登记分期付款',
    description:
      '登记调解协议的一期款项已支付及实际付款日期（paidOn，默认今天）。按期付款但事后登记、已被标记违约的，撤销违约。',
  })
  @Post('cases/:id/instalments/:instalmentId/paid')
  @HttpCode(200)
  @Roles(...MEDIATION_ACTS)
  @ApiOkResponse({ type: MediationCaseViewDto })
  paid(
    @CurrentUser() user: Principal,
    @Param('id', uuid) id: string,
    @Param('instalmentId', instalmentUuid) instalmentId: string,
    @Body() dto: MarkInstalmentPaidDto,
  ): Promise<MediationCaseViewDto> {
    return this.instalments.markInstalmentPaid(user, id, instalmentId, dto);
  }

  /** The caller (a mediator) declares a conflict of interest with an employer (回避). */
  @ApiOperation({ summary: '申报调解回避', description: '调解员申报与某用人单位的利害关系（回避）。' })
  @Post('conflicts')
  @HttpCode(204)
  @Roles('MEDIATOR')
  @ApiNoContentResponse()
  async declareConflict(@CurrentUser() user: Principal, @Body() dto: DeclareConflictDto): Promise<void> {
    await this.mediation.declareConflict(user, dto.employerId, dto.reason);
  }
}
