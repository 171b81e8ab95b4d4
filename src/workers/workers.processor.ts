import { Injectable } from '@nestjs/common';
import { JobName, type JobPayloads } from '../queue/job-catalogue';
import { OnJob } from '../queue/job-handler.decorator';
import { WorkersService } from './workers.service';

@Injectable()
export class WorkersProcessor {
  constructor(private readonly workers: WorkersService) {}

  @OnJob(JobName.WorkerNotify)
  async notify(payload: JobPayloads[JobName.WorkerNotify]): Promise<void> {
    await this.workers.notify(payload);
  }
}
