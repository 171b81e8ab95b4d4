import { Injectable } from '@nestjs/common';
import { JobName, type JobPayloads } from '../queue/job-catalogue';
import { OnJob } from '../queue/job-handler.decorator';
import { DeadlineReminders } from './deadline-reminders.service';

@Injectable()
export class DeadlineRemindersProcessor {
  constructor(private readonly reminders: DeadlineReminders) {}

  @OnJob(JobName.DeadlineReminderSweep)
  async sweep(payload: JobPayloads[JobName.DeadlineReminderSweep]): Promise<void> {
    await this.reminders.sweep(payload.today);
  }
}
