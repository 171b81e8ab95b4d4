import { Global, Module } from '@nestjs/common';
import { CorrectionClocks } from './correction-clocks';
import { DeadlineReminders } from './deadline-reminders.service';
import { DeadlineRemindersProcessor } from './deadline-reminders.processor';
import { DeadlinesController } from './deadlines.controller';
import { DeadlinesRepository } from './deadlines.repository';
import { DeadlinesService } from './deadlines.service';

@Global()
@Module({
  controllers: [DeadlinesController],
  providers: [
    DeadlinesService,
    DeadlinesRepository,
    DeadlineReminders,
    DeadlineRemindersProcessor,
    CorrectionClocks,
  ],
  exports: [DeadlinesService, DeadlineReminders, CorrectionClocks],
})
export class DeadlinesModule {}
