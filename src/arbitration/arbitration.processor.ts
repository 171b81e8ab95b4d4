import { Injectable } from '@nestjs/common';
import { JobName, type JobPayloads } from '../queue/job-catalogue';
import { OnJob } from '../queue/job-handler.decorator';
import { ArbitrationLatenessService } from './arbitration-lateness.service';

@Injectable()
export class ArbitrationProcessor {
  constructor(private readonly lateness: ArbitrationLatenessService) {}

  @OnJob(JobName.ArbitrationLatenessSweep)
  async latenessSweep(payload: JobPayloads[JobName.ArbitrationLatenessSweep]): Promise<void> {
    await this.lateness.sweep(payload.today);
  }
}
