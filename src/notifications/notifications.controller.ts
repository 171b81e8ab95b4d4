import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags, ApiOperation } from '@nestjs/swagger';
import { CurrentUser, Roles } from '../auth/decorators';
import { STAFF_ROLES, type Principal } from '../auth/roles';
import { InboxItemDto, InboxPageDto, InboxQueryDto, MarkAllReadDto } from './dto/inbox.dto';
import { notificationId } from './notification-id.pipe';
import { NotificationsService } from './notifications.service';

/** The in-app inbox of staff users (a worker's messages are at /api/v1/my/notifications). */
@ApiTags('notifications')
@ApiBearerAuth()
@Controller('api/v1/notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  /** The caller's own in-app notifications, newest first, with the count of unread ones. */
  @ApiOperation({
    summary: '站内通知',
    description: '工作人员本人的站内通知，最新的在前，附未读数；游标分页。',
  })
  @Get('inbox')
  @Roles(...STAFF_ROLES)
  @ApiOkResponse({ type: InboxPageDto })
  inbox(@CurrentUser() user: Principal, @Query() q: InboxQueryDto): Promise<InboxPageDto> {
    return this.notifications.inbox(user, q);
  }

  /** Marks every unread notification of the caller read. */
  @ApiOperation({ summary: '全部通知标为已读', description: '将本人全部未读通知标为已读。' })
  @Post('read-all')
  @HttpCode(200)
  @Roles(...STAFF_ROLES)
  @ApiOkResponse({ type: MarkAllReadDto })
  readAll(@CurrentUser() user: Principal): Promise<MarkAllReadDto> {
    return this.notifications.markAllRead(user);
  }

  /** Marks one of the caller's notifications read (again: no change; someone else's: 404). */
  @ApiOperation({
    summary: '通知标为已读',
    description: '将本人的一条通知标为已读（重复调用无变化；他人的通知返回 404）。',
  })
  @Post(':id/read')
  @HttpCode(200)
  @Roles(...STAFF_ROLES)
  @ApiOkResponse({ type: InboxItemDto })
  read(@CurrentUser() user: Principal, @Param('id', notificationId()) id: string): Promise<InboxItemDto> {
    return this.notifications.markRead(user, id);
  }
}
