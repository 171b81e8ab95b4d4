import { Injectable } from '@nestjs/common';
import { JobName, type JobPayloads } from '../queue/job-catalogue';
import { OnJob } from '../queue/job-handler.decorator';
import { InspectionDueRecount } from './inspection-due-recount';

@Injectable()
export class InspectionProcessor {
  constructor(private readonly recount: InspectionDueRecount) {}

  @OnJob(JobName.InspectionRecountDue)
  async recountDue(payload: JobPayloads[JobName.InspectionRecountDue]): Promise<void> {
    await this.recount.recount(payload.year);
  }
}
