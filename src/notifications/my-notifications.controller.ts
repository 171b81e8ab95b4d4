import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
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
  @Get()
  @Roles('WORKER')
  @ApiOkResponse({ type: InboxPageDto })
  list(@CurrentUser() user: Principal, @Query() q: InboxQueryDto): Promise<InboxPageDto> {
    return this.notifications.inbox(user, q);
  }

  /** Marks every unread message of the caller read. */
  @Post('read-all')
  @HttpCode(200)
  @Roles('WORKER')
  @ApiOkResponse({ type: MarkAllReadDto })
  readAll(@CurrentUser() user: Principal): Promise<MarkAllReadDto> {
    return this.notifications.markAllRead(user);
  }

  /** Marks one of the caller's messages read (again: no change; someone else's: 404). */
  @Post(':id/read')
  @HttpCode(200)
  @Roles('WORKER')
  @ApiOkResponse({ type: InboxItemDto })
  read(@CurrentUser() user: Principal, @Param('id', notificationId()) id: string): Promise<InboxItemDto> {
    return this.notifications.markRead(user, id);
  }
}
