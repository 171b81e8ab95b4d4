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
import { ApiBearerAuth, ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CurrentUser, Roles } from '../auth/decorators';
import { STAFF_ROLES, type Principal } from '../auth/roles';
import { AppException } from '../common/errors/app-exception';
import { validateIdempotencyKey } from '../common/idempotency/idempotency.service';
import { ComplaintsService } from './complaints.service';
import { RoutingService } from './routing.service';
import { ComplaintQueryDto } from './dto/complaint-query.dto';
import {
  CaseEventViewDto,
  ComplaintPageDto,
  ComplaintViewDto,
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
export const DECIDING_ROLES: Role[] = ['INSPECTOR', 'MEDIATOR', 'ARBITRATOR', 'SUPERVISOR'];

export const complaintIdPipe = new ParseUUIDPipe({
  exceptionFactory: () => AppException.notFound('COMPLAINT_NOT_FOUND', 'No such complaint'),
});

@ApiTags('complaints')
@ApiBearerAuth()
@Controller('api/v1/complaints')
export class ComplaintsController {
  constructor(
    private readonly complaints: ComplaintsService,
    private readonly routing: RoutingService,
  ) {}

  /** A worker's own complaint (or one on someone's behalf); staff enter hotline and walk-in complaints. */
  @Post()
  @Roles('WORKER', ...STAFF_ROLES)
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

  @Get()
  @Roles('WORKER', ...STAFF_ROLES)
  @ApiOkResponse({ type: ComplaintPageDto })
  list(@CurrentUser() user: Principal, @Query() query: ComplaintQueryDto): Promise<ComplaintPageDto> {
    return this.complaints.list(user, query);
  }

  @Get(':id')
  @Roles('WORKER', ...STAFF_ROLES)
  @ApiOkResponse({ type: ComplaintViewDto })
  get(@CurrentUser() user: Principal, @Param('id', complaintIdPipe) id: string): Promise<ComplaintViewDto> {
    return this.complaints.get(user, id);
  }

  @Get(':id/events')
  @Roles('WORKER', ...STAFF_ROLES)
  @ApiOkResponse({ type: [CaseEventViewDto] })
  events(
    @CurrentUser() user: Principal,
    @Param('id', complaintIdPipe) id: string,
  ): Promise<CaseEventViewDto[]> {
    return this.complaints.events(user, id);
  }

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
  @Post(':id/accept')
  @HttpCode(200)
  @Roles(...DECIDING_ROLES)
  @ApiOkResponse({ type: ComplaintViewDto })
  accept(
    @CurrentUser() user: Principal,
    @Param('id', complaintIdPipe) id: string,
    @Body() dto: AcceptComplaintDto,
  ): Promise<ComplaintViewDto> {
    return this.complaints.decide(user, id, { to: 'ACCEPTED', note: dto.note });
  }

  /** 不予受理, with the reason and its legal basis. */
  @Post(':id/reject')
  @HttpCode(200)
  @Roles(...DECIDING_ROLES)
  @ApiOkResponse({ type: ComplaintViewDto })
  reject(
    @CurrentUser() user: Principal,
    @Param('id', complaintIdPipe) id: string,
    @Body() dto: RejectComplaintDto,
  ): Promise<ComplaintViewDto> {
    return this.complaints.decide(user, id, {
      to: 'REJECTED',
      reason: dto.reason,
      legalBasis: dto.legalBasis,
      referTo: dto.referTo,
      note: dto.note,
    });
  }

  @Get(':id/routing-suggestion')
  @Roles(...DECIDING_ROLES)
  @ApiOkResponse({ type: RoutingSuggestionDto })
  routingSuggestion(
    @CurrentUser() user: Principal,
    @Param('id', complaintIdPipe) id: string,
  ): Promise<RoutingSuggestionDto> {
    return this.routing.suggestion(user, id);
  }

  /** Routes an accepted complaint to MEDIATION, ARBITRATION or INSPECTION. */
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
  @Post(':id/duplicate-review')
  @HttpCode(200)
  @Roles(...DECIDING_ROLES)
  @ApiOkResponse({ type: ComplaintViewDto })
  reviewDuplicate(
    @CurrentUser() user: Principal,
    @Param('id', complaintIdPipe) id: string,
    @Body() dto: DuplicateReviewDto,
  ): Promise<ComplaintViewDto> {
    return this.complaints.reviewDuplicate(user, id, dto.decision);
  }

  @Get(':id/messages')
  @Roles('WORKER', ...STAFF_ROLES)
  @ApiOkResponse({ type: [MessageViewDto] })
  messages(
    @CurrentUser() user: Principal,
    @Param('id', complaintIdPipe) id: string,
  ): Promise<MessageViewDto[]> {
    return this.complaints.messages(user, id);
  }

  @Post(':id/messages')
  @Roles('WORKER', ...STAFF_ROLES)
  @ApiCreatedResponse({ type: MessageViewDto })
  postMessage(
    @CurrentUser() user: Principal,
    @Param('id', complaintIdPipe) id: string,
    @Body() dto: PostMessageDto,
  ): Promise<MessageViewDto> {
    return this.complaints.postMessage(user, id, dto.body);
  }
}
