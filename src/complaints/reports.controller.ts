import { Body, Controller, Get, Headers, Param, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiTags, ApiOperation } from '@nestjs/swagger';
import { Throttle } from '@nestjs/throttler';
import { Public } from '../auth/decorators';
import { CursorQuery } from '../common/http/pagination';
import { MessagePageDto, MessageViewDto, ReportReceiptDto, ReportStatusDto } from './dto/complaint-view.dto';
import { CreateReportDto, PostMessageDto } from './dto/create-complaint.dto';
import { ReportsService } from './reports.service';

/** 举报 without login. */
@ApiTags('reports')
@Controller('api/v1/reports')
export class ReportsController {
  constructor(private readonly reports: ReportsService) {}

  // No Idempotency-Key: a replay would have to return the access code again, which is kept only as an argon2 hash;
  // keeping it recoverably (or deriving it from a key any anonymous caller chooses) would weaken the reporter's one
  // credential. A retried report is a second report with its own code.
  @ApiOperation({
    summary: '提交匿名举报',
    description:
      '任何人可以匿名举报用人单位；返回查询号与查询码（仅显示一次）。不支持 Idempotency-Key：' +
      '查询码只以哈希保存，重放无法再次返回；重试会产生一份新的举报与新的查询码。',
  })
  @Post()
  @Public()
  @Throttle({ default: { limit: 10, ttl: 60_000 } })
  @ApiCreatedResponse({ type: ReportReceiptDto })
  create(@Body() dto: CreateReportDto): Promise<ReportReceiptDto> {
    return this.reports.submit(dto);
  }

  @ApiOperation({
    summary: '查询举报进度',
    description:
      '凭查询号与查询码（X-Access-Code）查询举报的办理进度；错误次数过多将暂时锁定。' +
      '留言（messages）只含最早的一页（至多 20 条，最早的在前）；messagesNextCursor 不为 null 时，' +
      '其余留言凭它从 GET /api/v1/reports/{trackingNo}/messages 分页读取（messages 仍为数组，既有客户端不必改动）。',
  })
  @Get(':trackingNo')
  @Public()
  @Throttle({ default: { limit: 30, ttl: 60_000 } })
  @ApiHeader({ name: 'X-Access-Code', required: true })
  @ApiOkResponse({ type: ReportStatusDto })
  status(
    @Param('trackingNo') trackingNo: string,
    @Headers('x-access-code') code: string | undefined,
  ): Promise<ReportStatusDto> {
    return this.reports.status(trackingNo, code);
  }

  @ApiOperation({
    summary: '举报留言',
    description:
      '凭查询号与查询码（X-Access-Code，与查询进度同一锁定）分页读取举报的留言，按时间先后（最早的在前）；' +
      'cursor 取查询进度的 messagesNextCursor 或上一页的 nextCursor。',
  })
  @Get(':trackingNo/messages')
  @Public()
  @Throttle({ default: { limit: 30, ttl: 60_000 } })
  @ApiHeader({ name: 'X-Access-Code', required: true })
  @ApiOkResponse({ type: MessagePageDto })
  thread(
    @Param('trackingNo') trackingNo: string,
    @Headers('x-access-code') code: string | undefined,
    @Query() q: CursorQuery,
  ): Promise<MessagePageDto> {
    return this.reports.messages(trackingNo, code, q);
  }

  @ApiOperation({ summary: '举报人留言', description: '凭查询号与查询码回复工作人员的留言。' })
  @Post(':trackingNo/messages')
  @Public()
  @Throttle({ default: { limit: 10, ttl: 60_000 } })
  @ApiHeader({ name: 'X-Access-Code', required: true })
  @ApiCreatedResponse({ type: MessageViewDto })
  reply(
    @Param('trackingNo') trackingNo: string,
    @Headers('x-access-code') code: string | undefined,
    @Body() dto: PostMessageDto,
  ): Promise<MessageViewDto> {
    return this.reports.reply(trackingNo, code, dto.body);
  }
}
