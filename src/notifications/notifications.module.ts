import { DynamicModule, Global, Module } from '@nestjs/common';
import { MyNotificationsController } from './my-notifications.controller';
import { NotificationsController } from './notifications.controller';
import { SmsOutboxController } from './sms-outbox.controller';
import { NotificationsRepository } from './notifications.repository';
import { NotificationsService } from './notifications.service';
import { SmsDeliveryService } from './sms-delivery.service';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { SMS_SENDER, type SmsSender } from './sms-sender';
import { createSmsSender } from './sms-providers/create-sms-sender';
import { StaffInCharge } from './staff-in-charge';
import { StaffInbox } from './staff-inbox';
import { UndeliveredSms } from './undelivered-sms';

@Global()
@Module({})
export class NotificationsModule {
  /** The SMS gateway SMS_PROVIDER names, unless `smsSender` replaces it (a recorder in tests). */
  static forRoot(smsSender?: SmsSender): DynamicModule {
    return {
      module: NotificationsModule,
      controllers: [NotificationsController, MyNotificationsController, SmsOutboxController],
      providers: [
        NotificationsService,
        NotificationsRepository,
        SmsDeliveryService,
        StaffInbox,
        StaffInCharge,
        UndeliveredSms,
        smsSender
          ? { provide: SMS_SENDER, useValue: smsSender }
          : {
              provide: SMS_SENDER,
              useFactory: (config: AppConfig) => createSmsSender(config.sms),
              inject: [APP_CONFIG],
            },
      ],
      exports: [NotificationsService, StaffInbox, StaffInCharge, UndeliveredSms, SMS_SENDER],
    };
  }
}
