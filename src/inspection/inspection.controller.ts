import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiQuery,
  ApiTags,
  ApiOperation,
} from '@nestjs/swagger';
import { CurrentUser, Roles } from '../auth/decorators';
import type { Principal, Role } from '../auth/roles';
import { AppException, fieldError } from '../common/errors/app-exception';
import { CaseEventViewDto } from '../complaints/dto/complaint-view.dto';
import type { CaseEventView } from '../audit/audit.service';
import { CloseInspectionDto } from './dto/close-inspection.dto';
import { OrderRectifyDto } from './dto/order-rectify.dto';
import {
  CreateInspectionCaseDto,
  DecideInspectionDto,
  ExtendInspectionDto,
  InquiryNoticeDto,
  InspectionCasePageDto,
  InspectionCaseViewDto,
  InspectionDocumentViewDto,
  InspectionQueryDto,
  InspectionVersionDto,
  OrderRefusedDto,
  PenaltyDecisionDto,
  PenaltyNoticeDto,
  RecoveryDto,
  RefuseInspectionDto,
  WageCrimeThresholdDto,
  WageCrimeThresholdViewDto,
} from './dto/inspection.dto';
import { InspectionActionsService } from './inspection-actions.service';
import { InspectionClosingService } from './inspection-closing.service';
import { InspectionDutiesService } from './inspection-duties.service';
import {
  HandlingDecisionDto,
  HandlingNoticeDto,
  InvestigationRecordDto,
  ReportRewardDto,
  ResponseDto,
} from './dto/inspection-duties.dto';
import { InspectionService } from './inspection.service';
import { WageCrimeService } from './wage-crime.service';
import type { WageCrimeThreshold } from './wage-crime.rules';
import { INSPECTION_ACTING_ROLES } from './inspection.constants';

/** Staff who conduct inspection cases. */
const ACTING: Role[] = [...INSPECTION_ACTING_ROLES];
/** The agency head's decisions on an inspector's findings: the penalty, the 行政处理决定 and the transfer. */
const HEAD: Role[] = ['SUPERVISOR'];

const uuid = new ParseUUIDPipe({
  exceptionFactory: () => AppException.notFound('INSPECTION_CASE_NOT_FOUND', 'No such inspection case'),
});

@ApiTags('inspection')
@ApiBearerAuth()
@Controller('api/v1/inspection')
export class InspectionController {
  constructor(
    private readonly cases: InspectionService,
    private readonly actions: InspectionActionsService,
    private readonly closings: InspectionClosingService,
    private readonly duties: InspectionDutiesService,
    private readonly wageCrime: WageCrimeService,
  ) {}

  /** Opens the inspection case of a complaint or report routed to INSPECTION (status RECEIVED). */
  @ApiOperation({
    summary: '立监察案件',
    description: '由分流至劳动保障监察的投诉或举报创建监察案件（状态 RECEIVED）。',
  })
  @Post('cases')
  @Roles(...ACTING)
  @ApiCreatedResponse({ type: InspectionCaseViewDto })
  create(@CurrentUser() u: Principal, @Body() dto: CreateInspectionCaseDto): Promise<InspectionCaseViewDto> {
    return this.cases.create(u, dto);
  }

  /** Cases of the caller's jurisdictions, newest first. */
  @ApiOperation({ summary: '监察案件列表', description: '所辖范围内的监察案件，最新的在前。' })
  @Get('cases')
  @Roles('INSPECTOR', 'SUPERVISOR', 'ADMIN')
  @ApiOkResponse({ type: InspectionCasePageDto })
  list(@CurrentUser() u: Principal, @Query() q: InspectionQueryDto): Promise<InspectionCasePageDto> {
    return this.cases.list(u, q);
  }

  /** Staff of the case's street see it all; the worker of a 投诉 sees its status. */
  @ApiOperation({
    summary: '监察案件详情',
    description: '所辖街道工作人员看到全部内容；投诉的劳动者只看到状态。',
  })
  @Get('cases/:id')
  @Roles('WORKER', 'INSPECTOR', 'SUPERVISOR', 'ADMIN')
  @ApiOkResponse({ type: InspectionCaseViewDto })
  get(@CurrentUser() u: Principal, @Param('id', uuid) id: string): Promise<InspectionCaseViewDto> {
    return this.cases.get(u, id);
  }

  @ApiOperation({ summary: '监察案件时间线', description: '监察案件的办理记录，按时间顺序。' })
  @Get('cases/:id/events')
  @Roles('INSPECTOR', 'SUPERVISOR', 'ADMIN')
  @ApiOkResponse({ type: [CaseEventViewDto] })
  events(@CurrentUser() u: Principal, @Param('id', uuid) id: string): Promise<CaseEventView[]> {
    return this.cases.events(u, id);
  }

  /** A document as issued (number and rendered text). */
  @ApiOperation({ summary: '监察文书', description: '一份已制作的文书（文号与正文）。' })
  @Get('cases/:id/documents/:documentId')
  @Roles('INSPECTOR', 'SUPERVISOR', 'ADMIN')
  @ApiOkResponse({ type: InspectionDocumentViewDto })
  document(
    @CurrentUser() u: Principal,
    @Param('id', uuid) id: string,
    @Param(
      'documentId',
      new ParseUUIDPipe({
        exceptionFactory: () => AppException.notFound('INSPECTION_DOCUMENT_NOT_FOUND', 'No such document'),
      }),
    )
    documentId: string,
  ): Promise<InspectionDocumentViewDto> {
    return this.cases.document(u, id, documentId);
  }

  /** 受理/立案 when the conditions hold, else a written refusal with the reasons (200 either way). */
  @ApiOperation({
    summary: '受理或不予受理监察案件',
    description: '符合条件的受理（立案），否则书面说明不予受理的理由（两种情况均返回 200）。',
  })
  @Post('cases/:id/decision')
  @HttpCode(200)
  @Roles(...ACTING)
  @ApiOkResponse({ type: InspectionCaseViewDto })
  decide(@CurrentUser() u: Principal, @Param('id', uuid) id: string, @Body() dto: DecideInspectionDto) {
    return this.cases.decide(u, id, dto);
  }

  /** 不予受理 for a reason staff establish. */
  @ApiOperation({ summary: '不予受理监察案件', description: '因工作人员查明的理由不予受理。' })
  @Post('cases/:id/refuse')
  @HttpCode(200)
  @Roles(...ACTING)
  @ApiOkResponse({ type: InspectionCaseViewDto })
  refuse(@CurrentUser() u: Principal, @Param('id', uuid) id: string, @Body() dto: RefuseInspectionDto) {
    return this.cases.refuse(u, id, dto);
  }

  /** +30 working days, once, approved by a SUPERVISOR (监察条例 第十七条); others get 403. */
  @ApiOperation({
    summary: '延长调查期限',
    description:
      '经督办人员批准，延长 30 个工作日，仅限一次（劳动保障监察条例 第十七条）；其他角色返回 403。',
  })
  @Post('cases/:id/extension')
  @HttpCode(200)
  @Roles(...ACTING)
  @ApiOkResponse({ type: InspectionCaseViewDto })
  extend(@CurrentUser() u: Principal, @Param('id', uuid) id: string, @Body() dto: ExtendInspectionDto) {
    return this.actions.extend(u, id, dto);
  }

  @ApiOperation({ summary: '登记调查结论', description: '登记调查查明的违法事实（或未发现违法）。' })
  @Post('cases/:id/findings')
  @HttpCode(200)
  @Roles(...ACTING)
  @ApiOkResponse({ type: InspectionCaseViewDto })
  findings(@CurrentUser() u: Principal, @Param('id', uuid) id: string, @Body() dto: InvestigationRecordDto) {
    return this.duties.findings(u, id, dto);
  }

  /** 询问通知书. */
  @ApiOperation({ summary: '询问通知书', description: '制作并送达询问通知书。' })
  @Post('cases/:id/inquiry-notice')
  @HttpCode(200)
  @Roles(...ACTING)
  @ApiOkResponse({ type: InspectionCaseViewDto })
  inquiry(@CurrentUser() u: Principal, @Param('id', uuid) id: string, @Body() dto: InquiryNoticeDto) {
    return this.actions.inquiry(u, id, dto);
  }

  /** 责令改正指令书 with a compliance deadline. */
  @ApiOperation({
    summary: '责令改正指令书',
    description:
      '制作责令改正指令书，写明改正期限；同时登记调查结果的，须写明两名以上调查的监察员（inspectorIds）。',
  })
  @Post('cases/:id/rectification-order')
  @HttpCode(200)
  @Roles(...ACTING)
  @ApiOkResponse({ type: InspectionCaseViewDto })
  order(@CurrentUser() u: Principal, @Param('id', uuid) id: string, @Body() dto: OrderRectifyDto) {
    return this.actions.orderRectify(u, id, dto);
  }

  /** The employer refused (or ignored) the order to pay. */
  @ApiOperation({ summary: '登记拒不改正', description: '用人单位拒绝（或逾期未履行）责令支付。' })
  @Post('cases/:id/order-refused')
  @HttpCode(200)
  @Roles(...ACTING)
  @ApiOkResponse({ type: InspectionCaseViewDto })
  orderRefused(@CurrentUser() u: Principal, @Param('id', uuid) id: string, @Body() dto: OrderRefusedDto) {
    return this.actions.orderRefused(u, id, dto);
  }

  /** Wages recovered for workers (one instalment). */
  @ApiOperation({ summary: '登记追回工资', description: '登记为劳动者追回的工资（一笔）。' })
  @Post('cases/:id/recoveries')
  @HttpCode(200)
  @Roles(...ACTING)
  @ApiOkResponse({ type: InspectionCaseViewDto })
  recovery(@CurrentUser() u: Principal, @Param('id', uuid) id: string, @Body() dto: RecoveryDto) {
    return this.actions.recovery(u, id, dto);
  }

  /** 行政处罚告知书 (right to state a case and to a hearing). */
  @ApiOperation({
    summary: '行政处罚告知书',
    description: '告知拟作出的行政处罚及陈述申辩、要求听证的权利。',
  })
  @Post('cases/:id/penalty-notice')
  @HttpCode(200)
  @Roles(...ACTING)
  @ApiOkResponse({ type: InspectionCaseViewDto })
  penaltyNotice(@CurrentUser() u: Principal, @Param('id', uuid) id: string, @Body() dto: PenaltyNoticeDto) {
    return this.actions.noticePenalty(u, id, dto);
  }

  /** The employer's statement, hearing request or waiver. */
  @ApiOperation({ summary: '登记用人单位陈述申辩', description: '登记用人单位的陈述申辩、听证申请或放弃。' })
  @Post('cases/:id/employer-response')
  @HttpCode(200)
  @Roles(...ACTING)
  @ApiOkResponse({ type: InspectionCaseViewDto })
  response(@CurrentUser() u: Principal, @Param('id', uuid) id: string, @Body() dto: ResponseDto) {
    return this.duties.response(u, id, dto);
  }

  /** 行政处罚决定书, the agency head's decision on the inspector's findings (行政处罚法 第五十七条). */
  @ApiOperation({
    summary: '行政处罚决定书',
    description: '调查终结后由行政机关负责人（督办人员）审查并作出行政处罚决定（行政处罚法 第五十七条）。',
  })
  @Post('cases/:id/penalty-decision')
  @HttpCode(200)
  @Roles(...HEAD)
  @ApiOkResponse({ type: InspectionCaseViewDto })
  penalty(@CurrentUser() u: Principal, @Param('id', uuid) id: string, @Body() dto: PenaltyDecisionDto) {
    return this.actions.decidePenalty(u, id, dto);
  }

  /** 行政处理事先告知书: the proposed 行政处理决定, the right to state a case (监察条例 第十九条). */
  @ApiOperation({
    summary: '行政处理事先告知书',
    description: '告知拟作出的行政处理决定及陈述申辩的权利（劳动保障监察条例 第十九条）。',
  })
  @Post('cases/:id/handling-notice')
  @HttpCode(200)
  @Roles(...ACTING)
  @ApiOkResponse({ type: InspectionCaseViewDto })
  handlingNotice(@CurrentUser() u: Principal, @Param('id', uuid) id: string, @Body() dto: HandlingNoticeDto) {
    return this.duties.noticeHandling(u, id, dto);
  }

  /**
   * 行政处理决定书 after the employer was heard, the department's decision (监察条例 第十八条: 劳动保障行政部门…作出
   * 行政处理决定), by its head like the penalty; 加付赔偿金 50–100 % after an ignored order to pay (第二十六条).
   */
  @ApiOperation({
    summary: '行政处理决定书',
    description:
      '听取陈述申辩后由行政机关负责人（督办人员）作出行政处理决定（劳动保障监察条例 第十八条）；逾期不支付的可责令加付 50%–100% 赔偿金（第二十六条）。',
  })
  @Post('cases/:id/handling-decision')
  @HttpCode(200)
  @Roles(...HEAD)
  @ApiOkResponse({ type: InspectionCaseViewDto })
  handlingDecision(
    @CurrentUser() u: Principal,
    @Param('id', uuid) id: string,
    @Body() dto: HandlingDecisionDto,
  ) {
    return this.duties.decideHandling(u, id, dto);
  }

  /** 举报奖励 for a substantiated report (监察条例 第九条), decided by a supervisor. */
  @ApiOperation({
    summary: '举报奖励',
    description: '对查证属实的举报给予奖励（劳动保障监察条例 第九条），由督办人员决定。',
  })
  @Post('cases/:id/report-reward')
  @HttpCode(200)
  @Roles('SUPERVISOR')
  @ApiOkResponse({ type: InspectionCaseViewDto })
  reportReward(@CurrentUser() u: Principal, @Param('id', uuid) id: string, @Body() dto: ReportRewardDto) {
    return this.duties.rewardReport(u, id, dto);
  }

  /**
   * 涉嫌犯罪案件移送书, approved by the agency head (行政执法机关移送涉嫌犯罪案件的规定 第五条): 409 with what is missing
   * unless the threshold is met and an order to pay was refused.
   */
  @ApiOperation({
    summary: '涉嫌犯罪案件移送',
    description:
      '经行政机关负责人（督办人员）审批，制作涉嫌犯罪案件移送书（行政执法机关移送涉嫌犯罪案件的规定 第五条）：须拖欠金额达到立案标准且拒不支付，否则 409 并说明缺少什么。',
  })
  @Post('cases/:id/transfer')
  @HttpCode(200)
  @Roles(...HEAD)
  @ApiOkResponse({ type: InspectionCaseViewDto })
  transfer(@CurrentUser() u: Principal, @Param('id', uuid) id: string, @Body() dto: InspectionVersionDto) {
    return this.actions.transfer(u, id, dto);
  }

  @ApiOperation({
    summary: '监察结案',
    description: '以处理决定、撤销或移送等方式结案；并案（MERGED）须写明并入的案件（mergedIntoCaseId）。',
  })
  @Post('cases/:id/close')
  @HttpCode(200)
  @Roles(...ACTING)
  @ApiOkResponse({ type: InspectionCaseViewDto })
  close(@CurrentUser() u: Principal, @Param('id', uuid) id: string, @Body() dto: CloseInspectionDto) {
    return this.closings.close(u, id, dto);
  }

  /** 拒不支付劳动报酬罪 thresholds (all provinces, or one), with their effective dates. */
  @ApiOperation({
    summary: '拒不支付劳动报酬罪立案标准',
    description: '各省（或某一省）的立案数额标准及其生效日期。',
  })
  @Get('wage-crime-thresholds')
  @Roles('INSPECTOR', 'SUPERVISOR', 'ADMIN')
  @ApiQuery({ name: 'province', required: false, example: '31' })
  @ApiOkResponse({ type: [WageCrimeThresholdViewDto] })
  thresholds(@Query('province') province?: string): Promise<WageCrimeThreshold[]> {
    if (province !== undefined && !/^\d{2}$/.test(province))
      throw AppException.validation([
        fieldError('province', 'matches', 'province 须为 2 位数字', 'province must be 2 digits'),
      ]);
    return this.wageCrime.list(province);
  }

  /** ADMIN adds a figure effective from a later date (history is never rewritten). */
  @ApiOperation({
    summary: '新增立案标准',
    description: '管理员新增一个自以后某日起生效的标准（历史标准不被改写）。',
  })
  @Post('wage-crime-thresholds')
  @Roles('ADMIN')
  @ApiCreatedResponse({ type: WageCrimeThresholdViewDto })
  addThreshold(@CurrentUser() u: Principal, @Body() dto: WageCrimeThresholdDto): Promise<WageCrimeThreshold> {
    return this.wageCrime.add(u, dto);
  }
}
