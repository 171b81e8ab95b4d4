import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags, ApiOperation } from '@nestjs/swagger';
import { CurrentUser, Roles } from '../auth/decorators';
import type { Principal } from '../auth/roles';
import { InboxItemDto, InboxPageDto, InboxQueryDto, MarkAllReadDto } from './dto/inbox.dto';
import { notificationId } from './notification-id.pipe';
import { NotificationsService } from './notifications.service';

/**
 * A worker's messages: what the platform sent them by SMS (to the phone of their account, about their own
 * complaints) and in-app, with the text as sent, newest first.
 */
@ApiTags('my')
@ApiBearerAuth()
@Controller('api/v1/my/notifications')
export class MyNotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  /** The caller's messages, newest first (keyset paged), with the count of unread ones. */
  @ApiOperation({
    summary: '我的消息',
    description: '劳动者收到的短信和站内消息（按发送时的原文），最新的在前，附未读数；游标分页。',
  })
  @Get()
  @Roles('WORKER')
  @ApiOkResponse({ type: InboxPageDto })
  list(@CurrentUser() user: Principal, @Query() q: InboxQueryDto): Promise<InboxPageDto> {
    return this.notifications.inbox(user, q);
  }

  /** Marks every unread message of the caller read. */
  @ApiOperation({ summary: '全部标为已读', description: '将本人全部未读消息标为已读。' })
  @Post('read-all')
  @HttpCode(200)
  @Roles('WORKER')
  @ApiOkResponse({ type: MarkAllReadDto })
  readAll(@CurrentUser() user: Principal): Promise<MarkAllReadDto> {
    return this.notifications.markAllRead(user);
  }

  /** Marks one of the caller's messages read (again: no change; someone else's: 404). */
  @ApiOperation({
    summary: '标为已读',
    description: '将本人的一条消息标为已读（重复调用无变化；他人的消息返回 404）。',
  })
  @Post(':id/read')
  @HttpCode(200)
  @Roles('WORKER')
  @ApiOkResponse({ type: InboxItemDto })
  read(@CurrentUser() user: Principal, @Param('id', notificationId()) id: string): Promise<InboxItemDto> {
    return this.notifications.markRead(user, id);
  }
}
