import { DynamicModule, Global, Module } from '@nestjs/common';
import { NotificationsController } from './notifications.controller';
import { NotificationsRepository } from './notifications.repository';
import { NotificationsService } from './notifications.service';
import { LoggingSmsSender, SMS_SENDER, type SmsSender } from './sms-sender';

@Global()
@Module({})
export class NotificationsModule {
  /** `smsSender` replaces the logging sender (a carrier gateway in production, a recorder in tests). */
  static forRoot(smsSender?: SmsSender): DynamicModule {
    return {
      module: NotificationsModule,
      controllers: [NotificationsController],
      providers: [
        NotificationsService,
        NotificationsRepository,
        smsSender
          ? { provide: SMS_SENDER, useValue: smsSender }
          : { provide: SMS_SENDER, useClass: LoggingSmsSender },
      ],
      exports: [NotificationsService, SMS_SENDER],
    };
  }
}
