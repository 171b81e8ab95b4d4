import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiNotFoundResponse, ApiOkResponse, ApiTags, ApiOperation } from '@nestjs/swagger';
import { Roles } from '../auth/decorators';
import { CursorQuery } from '../common/http/pagination';
import { SmsOutboxDto } from './dto/sms-outbox.dto';
import { UnconfirmedSmsPageDto } from './dto/unconfirmed-sms.dto';
import { NotificationsService } from './notifications.service';

/**
 * SMS for admins. The logging sender's outbox (SMS_PROVIDER=log, the embedded default): the full text of the last 200 messages,
 * sign-in codes included, so a developer or tester can sign a new worker in. ADMIN only; the number is shown in
 * full for that purpose. With a real provider the messages reach the phones and this is 404.
 */
@ApiTags('admin')
@ApiBearerAuth()
@Controller('api/v1/admin')
export class SmsOutboxController {
  constructor(private readonly notifications: NotificationsService) {}

  @ApiOperation({
    summary: '短信发件箱',
    description:
      '最近 200 条短信的全文与号码；仅在 SMS_PROVIDER=log 时可用，否则返回 404 SMS_OUTBOX_UNAVAILABLE。',
  })
  @Get('sms-outbox')
  @Roles('ADMIN')
  @ApiOkResponse({ type: SmsOutboxDto })
  @ApiNotFoundResponse({ description: 'SMS_OUTBOX_UNAVAILABLE: a real SMS provider is configured' })
  list(): SmsOutboxDto {
    return { items: this.notifications.smsOutbox() };
  }

  /**
   * SMS whose delivery is in doubt: an attempt failed after the provider call and the provider cannot be asked by
   * out-id. The platform never resends them; check the provider's console by the row id (the out-id).
   */
  @ApiOperation({
    summary: '发送结果不明的短信',
    description: '调用服务商后发送失败且无法按 out-id 查询结果的短信；平台不会重发，需人工核实。',
  })
  @Get('notifications/unconfirmed')
  @Roles('ADMIN')
  @ApiOkResponse({ type: UnconfirmedSmsPageDto })
  unconfirmed(@Query() q: CursorQuery): Promise<UnconfirmedSmsPageDto> {
    return this.notifications.unconfirmedSms(q);
  }
}
