import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/decorators';
import { SmsOutboxDto } from './dto/sms-outbox.dto';
import { NotificationsService } from './notifications.service';

/**
 * The logging sender's outbox (SMS_PROVIDER=log, the embedded default): the full text of the last 200 messages,
 * sign-in codes included, so a developer or tester can sign a new worker in. ADMIN only; the number is shown in
 * full for that purpose. With a real provider the messages reach the phones and this is 404.
 */
@ApiTags('admin')
@ApiBearerAuth()
@Controller('api/v1/admin/sms-outbox')
export class SmsOutboxController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get()
  @Roles('ADMIN')
  @ApiOkResponse({ type: SmsOutboxDto })
  @ApiNotFoundResponse({ description: 'SMS_OUTBOX_UNAVAILABLE: a real SMS provider is configured' })
  list(): SmsOutboxDto {
    return { items: this.notifications.smsOutbox() };
  }
}
