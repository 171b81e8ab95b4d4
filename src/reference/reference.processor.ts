import { Injectable } from '@nestjs/common';
import { JobName, type JobPayloads } from '../queue/job-catalogue';
import { OnJob } from '../queue/job-handler.decorator';
import { EmployersService } from './employers.service';

@Injectable()
export class ReferenceProcessor {
  constructor(private readonly employers: EmployersService) {}

  @OnJob(JobName.EmployerNotify)
  async notifyEmployer(payload: JobPayloads[JobName.EmployerNotify]): Promise<void> {
    await this.employers.notify(payload);
  }
}
