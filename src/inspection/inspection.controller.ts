import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiQuery, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles } from '../auth/decorators';
import type { Principal, Role } from '../auth/roles';
import { AppException } from '../common/errors/app-exception';
import { CaseEventViewDto } from '../complaints/dto/complaint-view.dto';
import type { CaseEventView } from '../audit/audit.service';
import {
  CloseInspectionDto,
  CreateInspectionCaseDto,
  DecideInspectionDto,
  ExtendInspectionDto,
  InquiryNoticeDto,
  InspectionCasePageDto,
  InspectionCaseViewDto,
  InspectionDocumentViewDto,
  InspectionQueryDto,
  InspectionVersionDto,
  OrderRectifyDto,
  OrderRefusedDto,
  PenaltyDecisionDto,
  PenaltyNoticeDto,
  RecoveryDto,
  RefuseInspectionDto,
  WageCrimeThresholdDto,
  WageCrimeThresholdViewDto,
} from './dto/inspection.dto';
import { InspectionActionsService } from './inspection-actions.service';
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

/** Staff who conduct inspection cases. */
const ACTING: Role[] = ['INSPECTOR', 'SUPERVISOR'];

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
    private readonly duties: InspectionDutiesService,
    private readonly wageCrime: WageCrimeService,
  ) {}

  /** Opens the inspection case of a complaint or report routed to INSPECTION (status RECEIVED). */
  @Post('cases')
  @Roles(...ACTING)
  @ApiCreatedResponse({ type: InspectionCaseViewDto })
  create(@CurrentUser() u: Principal, @Body() dto: CreateInspectionCaseDto): Promise<InspectionCaseViewDto> {
    return this.cases.create(u, dto);
  }

  /** Cases of the caller's jurisdictions, newest first. */
  @Get('cases')
  @Roles('INSPECTOR', 'SUPERVISOR', 'ADMIN')
  @ApiOkResponse({ type: InspectionCasePageDto })
  list(@CurrentUser() u: Principal, @Query() q: InspectionQueryDto): Promise<InspectionCasePageDto> {
    return this.cases.list(u, q);
  }

  /** Staff of the case's street see it all; the worker of a 投诉 sees its status. */
  @Get('cases/:id')
  @Roles('WORKER', 'INSPECTOR', 'SUPERVISOR', 'ADMIN')
  @ApiOkResponse({ type: InspectionCaseViewDto })
  get(@CurrentUser() u: Principal, @Param('id', uuid) id: string): Promise<InspectionCaseViewDto> {
    return this.cases.get(u, id);
  }

  @Get('cases/:id/events')
  @Roles('INSPECTOR', 'SUPERVISOR', 'ADMIN')
  @ApiOkResponse({ type: [CaseEventViewDto] })
  events(@CurrentUser() u: Principal, @Param('id', uuid) id: string): Promise<CaseEventView[]> {
    return this.cases.events(u, id);
  }

  /** A document as issued (number and rendered text). */
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
  @Post('cases/:id/decision')
  @HttpCode(200)
  @Roles(...ACTING)
  @ApiOkResponse({ type: InspectionCaseViewDto })
  decide(@CurrentUser() u: Principal, @Param('id', uuid) id: string, @Body() dto: DecideInspectionDto) {
    return this.cases.decide(u, id, dto);
  }

  /** 不予受理 for a reason staff establish. */
  @Post('cases/:id/refuse')
  @HttpCode(200)
  @Roles(...ACTING)
  @ApiOkResponse({ type: InspectionCaseViewDto })
  refuse(@CurrentUser() u: Principal, @Param('id', uuid) id: string, @Body() dto: RefuseInspectionDto) {
    return this.cases.refuse(u, id, dto);
  }

  /** +30 working days, once, approved by a SUPERVISOR (监察条例 第十七条); others get 403. */
  @Post('cases/:id/extension')
  @HttpCode(200)
  @Roles(...ACTING)
  @ApiOkResponse({ type: InspectionCaseViewDto })
  extend(@CurrentUser() u: Principal, @Param('id', uuid) id: string, @Body() dto: ExtendInspectionDto) {
    return this.actions.extend(u, id, dto);
  }

  @Post('cases/:id/findings')
  @HttpCode(200)
  @Roles(...ACTING)
  @ApiOkResponse({ type: InspectionCaseViewDto })
  findings(@CurrentUser() u: Principal, @Param('id', uuid) id: string, @Body() dto: InvestigationRecordDto) {
    return this.duties.findings(u, id, dto);
  }

  /** 询问通知书. */
  @Post('cases/:id/inquiry-notice')
  @HttpCode(200)
  @Roles(...ACTING)
  @ApiOkResponse({ type: InspectionCaseViewDto })
  inquiry(@CurrentUser() u: Principal, @Param('id', uuid) id: string, @Body() dto: InquiryNoticeDto) {
    return this.actions.inquiry(u, id, dto);
  }

  /** 责令改正指令书 with a compliance deadline. */
  @Post('cases/:id/rectification-order')
  @HttpCode(200)
  @Roles(...ACTING)
  @ApiOkResponse({ type: InspectionCaseViewDto })
  order(@CurrentUser() u: Principal, @Param('id', uuid) id: string, @Body() dto: OrderRectifyDto) {
    return this.actions.orderRectify(u, id, dto);
  }

  /** The employer refused (or ignored) the order to pay. */
  @Post('cases/:id/order-refused')
  @HttpCode(200)
  @Roles(...ACTING)
  @ApiOkResponse({ type: InspectionCaseViewDto })
  orderRefused(@CurrentUser() u: Principal, @Param('id', uuid) id: string, @Body() dto: OrderRefusedDto) {
    return this.actions.orderRefused(u, id, dto);
  }

  /** Wages recovered for workers (one instalment). */
  @Post('cases/:id/recoveries')
  @HttpCode(200)
  @Roles(...ACTING)
  @ApiOkResponse({ type: InspectionCaseViewDto })
  recovery(@CurrentUser() u: Principal, @Param('id', uuid) id: string, @Body() dto: RecoveryDto) {
    return this.actions.recovery(u, id, dto);
  }

  /** 行政处罚告知书 (right to state a case and to a hearing). */
  @Post('cases/:id/penalty-notice')
  @HttpCode(200)
  @Roles(...ACTING)
  @ApiOkResponse({ type: InspectionCaseViewDto })
  penaltyNotice(@CurrentUser() u: Principal, @Param('id', uuid) id: string, @Body() dto: PenaltyNoticeDto) {
    return this.actions.noticePenalty(u, id, dto);
  }

  /** The employer's statement, hearing request or waiver. */
  @Post('cases/:id/employer-response')
  @HttpCode(200)
  @Roles(...ACTING)
  @ApiOkResponse({ type: InspectionCaseViewDto })
  response(@CurrentUser() u: Principal, @Param('id', uuid) id: string, @Body() dto: ResponseDto) {
    return this.duties.response(u, id, dto);
  }

  /** 行政处罚决定书. */
  @Post('cases/:id/penalty-decision')
  @HttpCode(200)
  @Roles(...ACTING)
  @ApiOkResponse({ type: InspectionCaseViewDto })
  penalty(@CurrentUser() u: Principal, @Param('id', uuid) id: string, @Body() dto: PenaltyDecisionDto) {
    return this.actions.decidePenalty(u, id, dto);
  }

  /** 行政处理事先告知书: the proposed 行政处理决定, the right to state a case (监察条例 第十九条). */
  @Post('cases/:id/handling-notice')
  @HttpCode(200)
  @Roles(...ACTING)
  @ApiOkResponse({ type: InspectionCaseViewDto })
  handlingNotice(@CurrentUser() u: Principal, @Param('id', uuid) id: string, @Body() dto: HandlingNoticeDto) {
    return this.duties.noticeHandling(u, id, dto);
  }

  /** 行政处理决定书 after the employer was heard; 加付赔偿金 50–100 % after an ignored order to pay (第二十六条). */
  @Post('cases/:id/handling-decision')
  @HttpCode(200)
  @Roles(...ACTING)
  @ApiOkResponse({ type: InspectionCaseViewDto })
  handlingDecision(
    @CurrentUser() u: Principal,
    @Param('id', uuid) id: string,
    @Body() dto: HandlingDecisionDto,
  ) {
    return this.duties.decideHandling(u, id, dto);
  }

  /** 举报奖励 for a substantiated report (监察条例 第九条), decided by a supervisor. */
  @Post('cases/:id/report-reward')
  @HttpCode(200)
  @Roles('SUPERVISOR')
  @ApiOkResponse({ type: InspectionCaseViewDto })
  reportReward(@CurrentUser() u: Principal, @Param('id', uuid) id: string, @Body() dto: ReportRewardDto) {
    return this.duties.rewardReport(u, id, dto);
  }

  /** 涉嫌犯罪案件移送书: 409 with what is missing unless the threshold is met and an order to pay was refused. */
  @Post('cases/:id/transfer')
  @HttpCode(200)
  @Roles(...ACTING)
  @ApiOkResponse({ type: InspectionCaseViewDto })
  transfer(@CurrentUser() u: Principal, @Param('id', uuid) id: string, @Body() dto: InspectionVersionDto) {
    return this.actions.transfer(u, id, dto);
  }

  @Post('cases/:id/close')
  @HttpCode(200)
  @Roles(...ACTING)
  @ApiOkResponse({ type: InspectionCaseViewDto })
  close(@CurrentUser() u: Principal, @Param('id', uuid) id: string, @Body() dto: CloseInspectionDto) {
    return this.actions.close(u, id, dto);
  }

  /** 拒不支付劳动报酬罪 thresholds (all provinces, or one), with their effective dates. */
  @Get('wage-crime-thresholds')
  @Roles('INSPECTOR', 'SUPERVISOR', 'ADMIN')
  @ApiQuery({ name: 'province', required: false, example: '31' })
  @ApiOkResponse({ type: [WageCrimeThresholdViewDto] })
  thresholds(@Query('province') province?: string): Promise<WageCrimeThreshold[]> {
    if (province !== undefined && !/^\d{2}$/.test(province))
      throw AppException.validation([{ field: 'province', message: 'province must be 2 digits' }]);
    return this.wageCrime.list(province);
  }

  /** ADMIN adds a figure effective from a later date (history is never rewritten). */
  @Post('wage-crime-thresholds')
  @Roles('ADMIN')
  @ApiCreatedResponse({ type: WageCrimeThresholdViewDto })
  addThreshold(@CurrentUser() u: Principal, @Body() dto: WageCrimeThresholdDto): Promise<WageCrimeThreshold> {
    return this.wageCrime.add(u, dto);
  }
}
