import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentUser, Roles } from '../auth/decorators';
import type { Principal, Role } from '../auth/roles';
import { AppException } from '../common/errors/app-exception';
import {
  CloseMediationDto,
  DeclareConflictDto,
  ExtendMediationPeriodDto,
  MediationCaseViewDto,
  MediationPageDto,
  MediationQueryDto,
  OpenMediationDto,
  ScheduleSessionDto,
  VersionedDto,
} from './dto/mediation.dto';
import { MediationPeriodService } from './mediation-period.service';
import { MediationService } from './mediation.service';

/** Staff who run mediations (of the case's jurisdiction). */
const MEDIATING_ROLES: Role[] = ['MEDIATOR', 'SUPERVISOR'];

const uuid = new ParseUUIDPipe({
  exceptionFactory: () => AppException.notFound('MEDIATION_CASE_NOT_FOUND', 'No such mediation case'),
});
const instalmentUuid = new ParseUUIDPipe({
  exceptionFactory: () => AppException.notFound('INSTALMENT_NOT_FOUND', 'No such instalment'),
});

@ApiTags('mediation')
@ApiBearerAuth()
@Controller('api/v1/mediation')
export class MediationController {
  constructor(
    private readonly mediation: MediationService,
    private readonly period: MediationPeriodService,
  ) {}

  /** Opens the mediation of a complaint routed to MEDIATION; starts the 15-day clock; assigns a mediator. */
  @Post('cases')
  @Roles(...MEDIATING_ROLES)
  @ApiCreatedResponse({ type: MediationCaseViewDto })
  open(@CurrentUser() user: Principal, @Body() dto: OpenMediationDto): Promise<MediationCaseViewDto> {
    return this.mediation.open(user, dto.complaintId);
  }

  @Get('cases')
  @Roles(...MEDIATING_ROLES)
  @ApiOkResponse({ type: MediationPageDto })
  list(@CurrentUser() user: Principal, @Query() query: MediationQueryDto): Promise<MediationPageDto> {
    return this.mediation.list(user, query);
  }

  @Get('cases/:id')
  @Roles('WORKER', ...MEDIATING_ROLES)
  @ApiOkResponse({ type: MediationCaseViewDto })
  get(@CurrentUser() user: Principal, @Param('id', uuid) id: string): Promise<MediationCaseViewDto> {
    return this.mediation.get(user, id);
  }

  @Post('cases/:id/sessions')
  @Roles(...MEDIATING_ROLES)
  @ApiCreatedResponse({ type: MediationCaseViewDto })
  scheduleSession(
    @CurrentUser() user: Principal,
    @Param('id', uuid) id: string,
    @Body() dto: ScheduleSessionDto,
  ): Promise<MediationCaseViewDto> {
    return this.mediation.scheduleSession(user, id, dto);
  }

  /** Records an extension of the mediation period agreed by both parties (企业劳动争议协商调解规定 第二十七条). */
  @Post('cases/:id/extension')
  @HttpCode(200)
  @Roles(...MEDIATING_ROLES)
  @ApiOkResponse({ type: MediationCaseViewDto })
  async extend(
    @CurrentUser() user: Principal,
    @Param('id', uuid) id: string,
    @Body() dto: ExtendMediationPeriodDto,
  ): Promise<MediationCaseViewDto> {
    await this.period.extend(user, id, dto);
    return this.mediation.get(user, id);
  }

  @Post('cases/:id/close')
  @HttpCode(200)
  @Roles(...MEDIATING_ROLES)
  @ApiOkResponse({ type: MediationCaseViewDto })
  close(
    @CurrentUser() user: Principal,
    @Param('id', uuid) id: string,
    @Body() dto: CloseMediationDto,
  ): Promise<MediationCaseViewDto> {
    return this.mediation.close(user, id, dto);
  }

  @Post('cases/:id/instalments/:instalmentId/paid')
  @HttpCode(200)
  @Roles(...MEDIATING_ROLES)
  @ApiOkResponse({ type: MediationCaseViewDto })
  paid(
    @CurrentUser() user: Principal,
    @Param('id', uuid) id: string,
    @Param('instalmentId', instalmentUuid) instalmentId: string,
    @Body() dto: VersionedDto,
  ): Promise<MediationCaseViewDto> {
    return this.mediation.markInstalmentPaid(user, id, instalmentId, dto.version);
  }

  /** The caller (a mediator) declares a conflict of interest with an employer (回避). */
  @Post('conflicts')
  @HttpCode(204)
  @Roles('MEDIATOR')
  @ApiNoContentResponse()
  async declareConflict(@CurrentUser() user: Principal, @Body() dto: DeclareConflictDto): Promise<void> {
    await this.mediation.declareConflict(user, dto.employerId, dto.reason);
  }
}
