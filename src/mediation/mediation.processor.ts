import { Injectable } from '@nestjs/common';
import { JobName, type JobPayloads } from '../queue/job-catalogue';
import { OnJob } from '../queue/job-handler.decorator';
import { MediationSweepService } from './mediation-sweep.service';

@Injectable()
export class MediationProcessor {
  constructor(private readonly mediation: MediationSweepService) {}

  @OnJob(JobName.MediationDailySweep)
  async sweep(payload: JobPayloads[JobName.MediationDailySweep]): Promise<void> {
    await this.mediation.sweep(payload.today);
  }
}
