import {
  Body,
  Controller,
  Get,
  Headers,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Post,
  Query,
  Res,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiHeader,
  ApiOkResponse,
  ApiTags,
  ApiOperation,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CurrentUser, Roles } from '../auth/decorators';
import { CASE_STAFF_ROLES, STAFF_ROLES, type Principal } from '../auth/roles';
import { AppException } from '../common/errors/app-exception';
import { CursorQuery } from '../common/http/pagination';
import { validateIdempotencyKey } from '../idempotency/idempotency.service';
import { ComplaintsService } from './complaints.service';
import { CaseMessagesService } from './case-messages.service';
import { ComplaintDecisionService } from './complaint-decision.service';
import { RoutingService } from './routing.service';
import { ComplaintQueryDto } from './dto/complaint-query.dto';
import {
  CaseEventViewDto,
  ComplaintPageDto,
  ComplaintViewDto,
  MessagePageDto,
  MessageViewDto,
  RoutingSuggestionDto,
} from './dto/complaint-view.dto';
import {
  AcceptComplaintDto,
  CreateComplaintDto,
  DuplicateReviewDto,
  PostMessageDto,
  RejectComplaintDto,
  RouteComplaintDto,
} from './dto/create-complaint.dto';
import { ClockViewDto } from '../deadlines/dto/deadlines.dto';
import type { Role } from '../auth/roles';

/** Staff who decide on acceptance (of the complaint's jurisdiction). */
export const DECIDING_ROLES: readonly Role[] = CASE_STAFF_ROLES;

export const complaintIdPipe = new ParseUUIDPipe({
  exceptionFactory: () => AppException.notFound('COMPLAINT_NOT_FOUND', 'No such complaint'),
});

@ApiTags('complaints')
@ApiBearerAuth()
@Controller('api/v1/complaints')
export class ComplaintsController {
  constructor(
    private readonly complaints: ComplaintsService,
    private readonly decisions: ComplaintDecisionService,
    private readonly routing: RoutingService,
    private readonly thread: CaseMessagesService,
  ) {}

  /** A worker's own complaint (or one on someone's behalf); case staff (not ADMIN) enter hotline and walk-in ones. */
  @ApiOperation({
    summary: '提交投诉',
    description: '劳动者本人（或代他人）提交投诉；工作人员录入热线和窗口投诉。支持 Idempotency-Key 重试。',
  })
  @Post()
  @Roles('WORKER', ...CASE_STAFF_ROLES)
  @ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description: 'Retries with the same key and body replay the first response',
  })
  @ApiCreatedResponse({ type: ComplaintViewDto })
  async create(
    @CurrentUser() user: Principal,
    @Body() dto: CreateComplaintDto,
    @Headers('idempotency-key') key: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ComplaintViewDto> {
    const result = await this.complaints.submitComplaint(user, dto, validateIdempotencyKey(key));
    void reply.status(result.status);
    if (result.replayed) void reply.header('Idempotent-Replayed', 'true');
    return result.body;
  }

  @ApiOperation({
    summary: '投诉列表',
    description: '劳动者看到本人的投诉，工作人员看到所辖街道的投诉；游标分页。',
  })
  @Get()
  @Roles('WORKER', ...STAFF_ROLES)
  @ApiOkResponse({ type: ComplaintPageDto })
  list(@CurrentUser() user: Principal, @Query() query: ComplaintQueryDto): Promise<ComplaintPageDto> {
    return this.complaints.list(user, query);
  }

  @ApiOperation({ summary: '投诉详情', description: '投诉的内容、状态与办理机构；无权查看的投诉返回 404。' })
  @Get(':id')
  @Roles('WORKER', ...STAFF_ROLES)
  @ApiOkResponse({ type: ComplaintViewDto })
  get(@CurrentUser() user: Principal, @Param('id', complaintIdPipe) id: string): Promise<ComplaintViewDto> {
    return this.complaints.get(user, id);
  }

  @ApiOperation({ summary: '投诉时间线', description: '投诉的办理记录（案件事件），按时间顺序。' })
  @Get(':id/events')
  @Roles('WORKER', ...STAFF_ROLES)
  @ApiOkResponse({ type: [CaseEventViewDto] })
  events(
    @CurrentUser() user: Principal,
    @Param('id', complaintIdPipe) id: string,
  ): Promise<CaseEventViewDto[]> {
    return this.complaints.events(user, id);
  }

  @ApiOperation({ summary: '投诉期限', description: '投诉的法定期限（受理期限等）及其状态。' })
  @Get(':id/deadlines')
  @Roles('WORKER', ...STAFF_ROLES)
  @ApiOkResponse({ type: [ClockViewDto] })
  deadlines(
    @CurrentUser() user: Principal,
    @Param('id', complaintIdPipe) id: string,
  ): Promise<ClockViewDto[]> {
    return this.complaints.clocks(user, id);
  }

  /** 受理: the acceptance clock stops. */
  @ApiOperation({ summary: '受理投诉', description: '决定受理，受理期限停止计算。' })
  @Post(':id/accept')
  @HttpCode(200)
  @Roles(...DECIDING_ROLES)
  @ApiOkResponse({ type: ComplaintViewDto })
  accept(
    @CurrentUser() user: Principal,
    @Param('id', complaintIdPipe) id: string,
    @Body() dto: AcceptComplaintDto,
  ): Promise<ComplaintViewDto> {
    return this.decisions.decide(user, id, { to: 'ACCEPTED', note: dto.note, override: dto.override });
  }

  /** 不予受理, with the reason and its legal basis. */
  @ApiOperation({ summary: '不予受理投诉', description: '不予受理，写明理由及法律依据。' })
  @Post(':id/reject')
  @HttpCode(200)
  @Roles(...DECIDING_ROLES)
  @ApiOkResponse({ type: ComplaintViewDto })
  reject(
    @CurrentUser() user: Principal,
    @Param('id', complaintIdPipe) id: string,
    @Body() dto: RejectComplaintDto,
  ): Promise<ComplaintViewDto> {
    return this.decisions.decide(user, id, {
      to: 'REJECTED',
      reason: dto.reason,
      legalBasis: dto.legalBasis,
      referTo: dto.referTo,
      note: dto.note,
      violationEndedOn: dto.violationEndedOn,
      duplicateOf: dto.duplicateOf,
    });
  }

  @ApiOperation({
    summary: '分流建议',
    description: '根据投诉内容给出分流建议（调解、仲裁或劳动保障监察）及理由，并提示疑似重复。',
  })
  @Get(':id/routing-suggestion')
  @Roles(...DECIDING_ROLES)
  @ApiOkResponse({ type: RoutingSuggestionDto })
  routingSuggestion(
    @CurrentUser() user: Principal,
    @Param('id', complaintIdPipe) id: string,
  ): Promise<RoutingSuggestionDto> {
    return this.routing.suggestion(user, id);
  }

  /** Routes an accepted complaint to MEDIATION, ARBITRATION or INSPECTION, or a routed one to another body. */
  @ApiOperation({
    summary: '分流投诉',
    description:
      '将已受理的投诉分流至调解、仲裁或劳动保障监察。举报（无投诉当事人）只能分流至劳动保障监察，其他去向为 400（target: partyProceeding）。' +
      '已分流的投诉可改为转交其他机构：原机构尚未立案（误分流），或其程序未对争议作出处理即告结束（不予受理/告知、撤销立案、调解不成、撤回、调解期满）；程序进行中、已作出处理或去向相同为 409 REROUTE_NOT_ALLOWED（details.reason）。',
  })
  @Post(':id/route')
  @HttpCode(200)
  @Roles(...DECIDING_ROLES)
  @ApiOkResponse({ type: ComplaintViewDto })
  route(
    @CurrentUser() user: Principal,
    @Param('id', complaintIdPipe) id: string,
    @Body() dto: RouteComplaintDto,
  ): Promise<ComplaintViewDto> {
    return this.routing.route(user, id, dto);
  }

  /** Confirms (refused as a duplicate) or dismisses a possible-duplicate flag. */
  @ApiOperation({ summary: '核查疑似重复', description: '确认（作为重复投诉不予受理）或排除疑似重复标记。' })
  @Post(':id/duplicate-review')
  @HttpCode(200)
  @Roles(...DECIDING_ROLES)
  @ApiOkResponse({ type: ComplaintViewDto })
  reviewDuplicate(
    @CurrentUser() user: Principal,
    @Param('id', complaintIdPipe) id: string,
    @Body() dto: DuplicateReviewDto,
  ): Promise<ComplaintViewDto> {
    return this.decisions.reviewDuplicate(user, id, dto.decision);
  }

  @ApiOperation({
    summary: '投诉留言',
    description: '投诉人与工作人员之间的留言，按时间先后（最早的在前）分页；nextCursor 为下一页的游标。',
  })
  @Get(':id/messages')
  @Roles('WORKER', ...CASE_STAFF_ROLES)
  @ApiOkResponse({ type: MessagePageDto })
  messages(
    @CurrentUser() user: Principal,
    @Param('id', complaintIdPipe) id: string,
    @Query() q: CursorQuery,
  ): Promise<MessagePageDto> {
    return this.thread.messages(user, id, q);
  }

  @ApiOperation({
    summary: '发送投诉留言',
    description:
      '投诉人或工作人员发送一条留言。工作人员的留言以站内消息告知劳动者，并发短信提示（每件投诉每10分钟至多一条，' +
      '不含留言内容）；投诉人的留言进入承办人员的待办。返回的 createdAt 为保存时间，与留言列表一致。',
  })
  @Post(':id/messages')
  @Roles('WORKER', ...CASE_STAFF_ROLES)
  @ApiCreatedResponse({ type: MessageViewDto })
  postMessage(
    @CurrentUser() user: Principal,
    @Param('id', complaintIdPipe) id: string,
    @Body() dto: PostMessageDto,
  ): Promise<MessageViewDto> {
    return this.thread.postMessage(user, id, dto.body);
  }
}
