import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ARBITRATION_DECIDING_ROLES } from './arbitration.constants';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags, ApiOperation } from '@nestjs/swagger';
import { CurrentUser, Roles } from '../auth/decorators';
import type { Principal, Role } from '../auth/roles';
import { AppException } from '../common/errors/app-exception';
import { ArbitrationAwardsService } from './arbitration-awards.service';
import { ArbitrationInterimService } from './arbitration-interim.service';
import { PartialAwardDto, ProvisionalExecutionDto, ServeAwardDto } from './dto/award-documents.dto';
import { ArbitrationHearingsService } from './arbitration-hearings.service';
import { ArbitrationClaimChangeService } from './arbitration-claim-change.service';
import { ArbitrationClosingService } from './arbitration-closing.service';
import { ArbitrationMembersService } from './arbitration-members.service';
import { RemoveCollectiveMemberDto } from '../complaints/dto/collective.dto';
import { AcceptClaimChangeDto } from './dto/claim-change.dto';
import { ArbitrationQueueService } from './arbitration-queue.service';
import { ArbitrationCasePageDto, ArbitrationQueueQueryDto } from './dto/arbitration-queue.dto';
import { ArbitrationTribunalService } from './arbitration-tribunal.service';
import { ArbitrationService } from './arbitration.service';
import { ArbitrationCaseViewDto } from './dto/arbitration-view.dto';
import { CloseArbitrationDto } from './dto/close-arbitration.dto';
import {
  AwardDto,
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

/**
 * Who may file an application: staff for a complaint routed to arbitration, and the worker's own (DIRECT) one of a
 * complaint routed to mediation on the worker's recorded request; a worker on their own complaint (applicationSource).
 */
const FILING_ROLES: Role[] = ['WORKER', 'INSPECTOR', 'MEDIATOR', 'ARBITRATOR', 'SUPERVISOR'];
/** Staff who conduct the proceeding. */
const DECIDING_ROLES: Role[] = [...ARBITRATION_DECIDING_ROLES];

const memberUuid = new ParseUUIDPipe({
  exceptionFactory: () =>
    AppException.notFound('COLLECTIVE_MEMBER_NOT_FOUND', 'No such member of the collective dispute'),
});
/** An arbitration case id in the path: a malformed one is a case that does not exist (404). */
export const arbitrationIdPipe = new ParseUUIDPipe({
  exceptionFactory: () => AppException.notFound('ARBITRATION_CASE_NOT_FOUND', 'No such arbitration case'),
});
const uuid = arbitrationIdPipe;

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
    private readonly claimChanges: ArbitrationClaimChangeService,
    private readonly members: ArbitrationMembersService,
    private readonly closing: ArbitrationClosingService,
  ) {}

  @ApiOperation({
    summary: '立仲裁案件',
    description:
      '由分流至仲裁的投诉（或其集体争议）创建仲裁申请；劳动者也可以就本人的投诉直接申请（调解仲裁法 第五条）。' +
      '分流至调解的投诉，工作人员可应劳动者要求代为提交其直接申请，须填写 complainantRequest（劳动者提出要求的方式，第二十八条）；其他未分流至仲裁的投诉为 409 COMPLAINT_NOT_ROUTED_TO_ARBITRATION。' +
      '直接申请时调解案件仍在进行的，该调解案件在同一事务中按劳动者撤回结案（调解期限停止），并通知调解员；已达成调解协议尚未履行完毕的，为 409 MEDIATION_AGREEMENT_IN_FORCE（用人单位不履行的，经 POST /api/v1/mediation/:id/escalate 申请仲裁）。' +
      '集体争议的申请为全体劳动者的申请：劳动者直接申请的，由推举的代表（未推举代表的，由仍在争议中的成员）申请，其他成员为 403 NOT_ACTING_FOR_COLLECTIVE_DISPUTE。',
  })
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
  @ApiOperation({
    summary: '仲裁案件列表',
    description: '工作队列：仲裁员看到本仲裁委的案件，其他工作人员看到所辖街道的案件；游标分页。',
  })
  @Get()
  @Roles('ARBITRATOR', 'SUPERVISOR', 'ADMIN')
  @ApiOkResponse({ type: ArbitrationCasePageDto })
  list(
    @CurrentUser() user: Principal,
    @Query() q: ArbitrationQueueQueryDto,
  ): Promise<ArbitrationCasePageDto> {
    return this.queue.list(user, q);
  }

  @ApiOperation({ summary: '仲裁案件详情', description: '案件当前状态、期限、仲裁庭、庭审与裁决。' })
  @Get(':id')
  @Roles('WORKER', 'MEDIATOR', 'ARBITRATOR', 'INSPECTOR', 'SUPERVISOR', 'ADMIN')
  @ApiOkResponse({ type: ArbitrationCaseViewDto })
  get(@CurrentUser() user: Principal, @Param('id', uuid) id: string): Promise<ArbitrationCaseViewDto> {
    return this.arbitration.get(user, id);
  }

  /** 受理 (within 5 days of the application): the 45-day award clock starts. */
  @ApiOperation({
    summary: '受理仲裁申请',
    description:
      '在收到申请之日起 5 个工作日内决定受理（办案规则 第八十条）；45 日的裁决期限自受理之日起计算。',
  })
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
  @ApiOperation({ summary: '不予受理仲裁申请', description: '不予受理，并写明理由。' })
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
  @ApiOperation({
    summary: '组成仲裁庭',
    description:
      '组成仲裁庭：简易案件独任仲裁，其他案件三名仲裁员。组成情况以短信告知双方当事人（调解仲裁法 第三十二条：申请人 ARBITRATION_TRIBUNAL_FORMED，被申请人 ARBITRATION_TRIBUNAL_FORMED_EMPLOYER）。',
  })
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
  @ApiOperation({
    summary: '安排开庭',
    description: '安排庭审：须提前 5 个工作日通知，仲裁庭（房间）与仲裁员不得重复预约。',
  })
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
  @ApiOperation({
    summary: '登记送达与答辩',
    description: '登记仲裁申请书副本的送达、答辩书的收到或答辩书副本的送达（调解仲裁法 第三十条）。',
  })
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

  /** 增加或者变更仲裁请求 accepted by the tribunal (办案规则 第四十四条、第四十六条第（三）项). */
  @ApiOperation({
    summary: '受理增加、变更的仲裁请求',
    description:
      '登记仲裁庭受理申请人增加或者变更的仲裁请求（办案规则 第四十四条）：仲裁期限自受理之日起重新计算（第四十六条第（三）项）；' +
      '被申请人未明确放弃答辩期的，自向其送达之日（servedOn，默认受理之日）起给予 10 个工作日的答辩期，期间届满前不得开庭（409 HEARING_BEFORE_ANSWER_PERIOD），已收到答辩书的除外；' +
      '已安排的开庭落在新答辩期内的，保留并提示（warnings: HEARING_WITHIN_ANSWER_PERIOD）。中止审理期间为 409 CLAIM_CHANGE_WHILE_SUSPENDED；已裁决或结案为 409 ILLEGAL_TRANSITION（应另行申请仲裁）。',
  })
  @Post(':id/claim-changes')
  @HttpCode(200)
  @Roles(...DECIDING_ROLES)
  @ApiOkResponse({ type: ArbitrationCaseViewDto })
  claimChange(
    @CurrentUser() user: Principal,
    @Param('id', uuid) id: string,
    @Body() dto: AcceptClaimChangeDto,
  ): Promise<ArbitrationCaseViewDto> {
    return this.claimChanges.accept(user, id, dto);
  }

  /** A collective dispute's member leaves the group's open case with their claims (办案规则 第三十五条). */
  @ApiOperation({
    summary: '集体争议成员退出仲裁案件',
    description:
      '集体劳动争议的成员自行和解或撤回本人仲裁请求的，由仲裁委员会工作人员登记并说明理由：该成员的仲裁请求从案件中移除，其投诉脱离集体争议（此后可以撤回），并短信告知该成员；案件继续作为同一集体案件审理，不足 10 人的亦同。案件据以申请的投诉、推举的代表不能退出（409 COLLECTIVE_MEMBER_NOT_REMOVABLE）；已先行裁决的请求 409 CLAIM_ALREADY_DECIDED。',
  })
  @Post(':id/members/:complaintId/remove')
  @HttpCode(200)
  @Roles(...DECIDING_ROLES)
  @ApiOkResponse({ type: ArbitrationCaseViewDto })
  removeMember(
    @CurrentUser() user: Principal,
    @Param('id', uuid) id: string,
    @Param('complaintId', memberUuid) complaintId: string,
    @Body() dto: RemoveCollectiveMemberDto,
  ): Promise<ArbitrationCaseViewDto> {
    return this.members.remove(user, id, complaintId, dto);
  }

  /** Postpones a hearing on a party's request made at least 3 working days before it (调解仲裁法 第三十五条; 办案规则 第八十条). */
  @ApiOperation({
    summary: '延期开庭',
    description:
      '当事人在开庭 3 个工作日前提出申请的，延期开庭（调解仲裁法 第三十五条；办案规则 第八十条）。',
  })
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
  @ApiOperation({ summary: '登记庭审', description: '开庭后登记庭审情况：出庭人员与笔录摘要。' })
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
  @ApiOperation({ summary: '决定书面审理', description: '独任仲裁员登记书面审理的决定及其依据。' })
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
  @ApiOperation({ summary: '作出裁决', description: '作出裁决书（一裁终局按请求事项分别认定）并结案。' })
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
  @ApiOperation({
    summary: '先行裁决',
    description: '对事实已经清楚的请求先行裁决（调解仲裁法 第四十三条第二款）；案件继续审理。',
  })
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
  @ApiOperation({
    summary: '登记裁决书送达',
    description: '登记未随裁决送达的裁决书的送达日；当事人的起诉期限等自该日起算。',
  })
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
  @ApiOperation({ summary: '先予执行', description: '根据劳动者申请裁决先予执行（调解仲裁法 第四十四条）。' })
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
  @ApiOperation({
    summary: '仲裁结案（非裁决）',
    description:
      '以调解、撤回或终止等方式结案，不作裁决。撤回须记录申请人的申请及方式，或依据记录申请人未到庭的已开庭庭审（按撤回处理）；终止须说明理由。',
  })
  @Post(':id/close')
  @HttpCode(200)
  @Roles(...DECIDING_ROLES)
  @ApiOkResponse({ type: ArbitrationCaseViewDto })
  close(
    @CurrentUser() user: Principal,
    @Param('id', uuid) id: string,
    @Body() dto: CloseArbitrationDto,
  ): Promise<ArbitrationCaseViewDto> {
    return this.closing.close(user, id, dto);
  }
}
