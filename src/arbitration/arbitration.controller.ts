import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles } from '../auth/decorators';
import type { Principal, Role } from '../auth/roles';
import { AppException } from '../common/errors/app-exception';
import { ArbitrationAwardsService } from './arbitration-awards.service';
import { ArbitrationInterimService } from './arbitration-interim.service';
import { PartialAwardDto, ProvisionalExecutionDto, ServeAwardDto } from './dto/award-documents.dto';
import { ArbitrationHearingsService } from './arbitration-hearings.service';
import { ArbitrationQueueService } from './arbitration-queue.service';
import { ArbitrationCasePageDto, ArbitrationQueueQueryDto } from './dto/arbitration-queue.dto';
import { ArbitrationTribunalService } from './arbitration-tribunal.service';
import { ArbitrationService } from './arbitration.service';
import { ArbitrationCaseViewDto } from './dto/arbitration-view.dto';
import {
  AwardDto,
  CloseArbitrationDto,
  CreateArbitrationCaseDto,
  DecideOnPapersDto,
  FormTribunalDto,
  PostponeHearingDto,
  RecordHearingDto,
  RecordPaperDto,
  RejectArbitrationDto,
  ScheduleHearingDto,
  VersionDto,
} from './dto/arbitration.dto';

/** Who may file an application: staff for a complaint routed to arbitration, a worker for their own complaint. */
const FILING_ROLES: Role[] = ['WORKER', 'INSPECTOR', 'MEDIATOR', 'ARBITRATOR', 'SUPERVISOR'];
/** Staff who conduct the proceeding. */
const DECIDING_ROLES: Role[] = ['ARBITRATOR', 'SUPERVISOR'];

const uuid = new ParseUUIDPipe({
  exceptionFactory: () => AppException.notFound('ARBITRATION_CASE_NOT_FOUND', 'No such arbitration case'),
});

const hearingUuid = new ParseUUIDPipe({
  exceptionFactory: () => AppException.notFound('HEARING_NOT_FOUND', 'No such hearing'),
});

const awardUuid = new ParseUUIDPipe({
  exceptionFactory: () => AppException.notFound('AWARD_NOT_FOUND', 'No such award document of this case'),
});

@ApiTags('arbitration')
@ApiBearerAuth()
@Controller('api/v1/arbitration/cases')
export class ArbitrationController {
  constructor(
    private readonly arbitration: ArbitrationService,
    private readonly tribunals: ArbitrationTribunalService,
    private readonly hearings: ArbitrationHearingsService,
    private readonly awards: ArbitrationAwardsService,
    private readonly interim: ArbitrationInterimService,
    private readonly queue: ArbitrationQueueService,
  ) {}

  @Post()
  @Roles(...FILING_ROLES)
  @ApiCreatedResponse({ type: ArbitrationCaseViewDto })
  create(
    @CurrentUser() user: Principal,
    @Body() dto: CreateArbitrationCaseDto,
  ): Promise<ArbitrationCaseViewDto> {
    return this.arbitration.create(user, dto);
  }

  /** The work queue: the commission's cases for an arbitrator, the streets' for other staff; keyset paged. */
  @Get()
  @Roles('ARBITRATOR', 'SUPERVISOR', 'ADMIN')
  @ApiOkResponse({ type: ArbitrationCasePageDto })
  list(
    @CurrentUser() user: Principal,
    @Query() q: ArbitrationQueueQueryDto,
  ): Promise<ArbitrationCasePageDto> {
    return this.queue.list(user, q);
  }

  @Get(':id')
  @Roles('WORKER', 'MEDIATOR', 'ARBITRATOR', 'INSPECTOR', 'SUPERVISOR', 'ADMIN')
  @ApiOkResponse({ type: ArbitrationCaseViewDto })
  get(@CurrentUser() user: Principal, @Param('id', uuid) id: string): Promise<ArbitrationCaseViewDto> {
    return this.arbitration.get(user, id);
  }

  /** 受理 (within 5 days of the application): the 45-day award clock starts. */
  @Post(':id/accept')
  @HttpCode(200)
  @Roles(...DECIDING_ROLES)
  @ApiOkResponse({ type: ArbitrationCaseViewDto })
  accept(
    @CurrentUser() user: Principal,
    @Param('id', uuid) id: string,
    @Body() dto: VersionDto,
  ): Promise<ArbitrationCaseViewDto> {
    return this.arbitration.accept(user, id, dto.version);
  }

  /** 不予受理, with the reasons. */
  @Post(':id/reject')
  @HttpCode(200)
  @Roles(...DECIDING_ROLES)
  @ApiOkResponse({ type: ArbitrationCaseViewDto })
  reject(
    @CurrentUser() user: Principal,
    @Param('id', uuid) id: string,
    @Body() dto: RejectArbitrationDto,
  ): Promise<ArbitrationCaseViewDto> {
    return this.arbitration.reject(user, id, dto.version, dto.reason);
  }

  /** Forms the tribunal: one arbitrator (simple cases) or three. */
  @Post(':id/tribunal')
  @HttpCode(200)
  @Roles(...DECIDING_ROLES)
  @ApiOkResponse({ type: ArbitrationCaseViewDto })
  tribunal(
    @CurrentUser() user: Principal,
    @Param('id', uuid) id: string,
    @Body() dto: FormTribunalDto,
  ): Promise<ArbitrationCaseViewDto> {
    return this.tribunals.formTribunal(user, id, dto);
  }

  /** Schedules a hearing (at least 5 days' notice; no double booking of room or arbitrator). */
  @Post(':id/hearings')
  @HttpCode(200)
  @Roles(...DECIDING_ROLES)
  @ApiOkResponse({ type: ArbitrationCaseViewDto })
  hearing(
    @CurrentUser() user: Principal,
    @Param('id', uuid) id: string,
    @Body() dto: ScheduleHearingDto,
  ): Promise<ArbitrationCaseViewDto> {
    return this.hearings.scheduleHearing(user, id, dto);
  }

  /** Records service of the application, receipt of the defence, or service of the defence (第三十条). */
  @Post(':id/papers')
  @HttpCode(200)
  @Roles(...DECIDING_ROLES)
  @ApiOkResponse({ type: ArbitrationCaseViewDto })
  paper(
    @CurrentUser() user: Principal,
    @Param('id', uuid) id: string,
    @Body() dto: RecordPaperDto,
  ): Promise<ArbitrationCaseViewDto> {
    return this.arbitration.recordPaper(user, id, dto);
  }

  /** Postpones a hearing on a party's request made at least 3 days before it (调解仲裁法 第三十五条). */
  @Post(':id/hearings/:hearingId/postpone')
  @HttpCode(200)
  @Roles(...DECIDING_ROLES)
  @ApiOkResponse({ type: ArbitrationCaseViewDto })
  postpone(
    @CurrentUser() user: Principal,
    @Param('id', uuid) id: string,
    @Param('hearingId', hearingUuid) hearingId: string,
    @Body() dto: PostponeHearingDto,
  ): Promise<ArbitrationCaseViewDto> {
    return this.hearings.postponeHearing(user, id, hearingId, dto);
  }

  /** Records that a hearing took place: attendance and a summary of the minutes (after its start only). */
  @Post(':id/hearings/:hearingId/record')
  @HttpCode(200)
  @Roles(...DECIDING_ROLES)
  @ApiOkResponse({ type: ArbitrationCaseViewDto })
  recordHearing(
    @CurrentUser() user: Principal,
    @Param('id', uuid) id: string,
    @Param('hearingId', hearingUuid) hearingId: string,
    @Body() dto: RecordHearingDto,
  ): Promise<ArbitrationCaseViewDto> {
    return this.hearings.recordHearing(user, id, hearingId, dto);
  }

  /** 书面审理: a sole arbitrator records the decision to decide on the papers, with its basis. */
  @Post(':id/papers-decision')
  @HttpCode(200)
  @Roles(...DECIDING_ROLES)
  @ApiOkResponse({ type: ArbitrationCaseViewDto })
  decideOnPapers(
    @CurrentUser() user: Principal,
    @Param('id', uuid) id: string,
    @Body() dto: DecideOnPapersDto,
  ): Promise<ArbitrationCaseViewDto> {
    return this.tribunals.decideOnPapers(user, id, dto);
  }

  /** Issues the award (一裁终局 decided per claim) and closes the case. */
  @Post(':id/award')
  @HttpCode(200)
  @Roles(...DECIDING_ROLES)
  @ApiOkResponse({ type: ArbitrationCaseViewDto })
  award(
    @CurrentUser() user: Principal,
    @Param('id', uuid) id: string,
    @Body() dto: AwardDto,
  ): Promise<ArbitrationCaseViewDto> {
    return this.awards.award(user, id, dto);
  }

  /** 先行裁决 on the claims whose facts are already clear (调解仲裁法 第四十三条第二款); the case stays open. */
  @Post(':id/partial-award')
  @HttpCode(200)
  @Roles(...DECIDING_ROLES)
  @ApiOkResponse({ type: ArbitrationCaseViewDto })
  partialAward(
    @CurrentUser() user: Principal,
    @Param('id', uuid) id: string,
    @Body() dto: PartialAwardDto,
  ): Promise<ArbitrationCaseViewDto> {
    return this.interim.partialAward(user, id, dto);
  }

  /** Records the service of an award document issued without it: the parties' windows run from that day. */
  @Post(':id/awards/:awardId/service')
  @HttpCode(200)
  @Roles(...DECIDING_ROLES)
  @ApiOkResponse({ type: ArbitrationCaseViewDto })
  serveAward(
    @CurrentUser() user: Principal,
    @Param('id', uuid) id: string,
    @Param('awardId', awardUuid) awardId: string,
    @Body() dto: ServeAwardDto,
  ): Promise<ArbitrationCaseViewDto> {
    return this.interim.serve(user, id, awardId, dto);
  }

  /** 先予执行 on the worker's application (调解仲裁法 第四十四条). */
  @Post(':id/provisional-execution')
  @HttpCode(200)
  @Roles(...DECIDING_ROLES)
  @ApiOkResponse({ type: ArbitrationCaseViewDto })
  provisionalExecution(
    @CurrentUser() user: Principal,
    @Param('id', uuid) id: string,
    @Body() dto: ProvisionalExecutionDto,
  ): Promise<ArbitrationCaseViewDto> {
    return this.interim.provisionalExecution(user, id, dto);
  }

  /** Closes the case without an award (mediated, withdrawn, terminated). */
  @Post(':id/close')
  @HttpCode(200)
  @Roles(...DECIDING_ROLES)
  @ApiOkResponse({ type: ArbitrationCaseViewDto })
  close(
    @CurrentUser() user: Principal,
    @Param('id', uuid) id: string,
    @Body() dto: CloseArbitrationDto,
  ): Promise<ArbitrationCaseViewDto> {
    return this.arbitration.close(user, id, dto);
  }
}
