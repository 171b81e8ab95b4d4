import { Injectable } from '@nestjs/common';
import type { Job } from 'bullmq';
import { JobName, type JobPayloads } from '../queue/job-catalogue';
import { OnJob } from '../queue/job-handler.decorator';
import { RiskScoringService } from './risk-scoring.service';
import { RiskWarningsService } from './risk-warnings.service';

@Injectable()
export class RiskProcessor {
  constructor(
    private readonly scoring: RiskScoringService,
    private readonly warnings: RiskWarningsService,
  ) {}

  @OnJob(JobName.RiskRescoreEmployer)
  async rescore(payload: JobPayloads[JobName.RiskRescoreEmployer]): Promise<void> {
    await this.scoring.rescoreEmployer(payload.employerId);
  }

  @OnJob(JobName.RiskRun)
  async run(payload: JobPayloads[JobName.RiskRun], job: Job): Promise<void> {
    await this.scoring.executeRun(payload.runId, job);
  }

  @OnJob(JobName.RiskNightlyScan)
  async nightly(_payload: JobPayloads[JobName.RiskNightlyScan], job: Job): Promise<void> {
    await this.scoring.nightly(job);
  }

  @OnJob(JobName.RiskEscalationSweep)
  async escalate(payload: JobPayloads[JobName.RiskEscalationSweep]): Promise<void> {
    await this.warnings.escalateOverdue(payload.now ? new Date(payload.now) : new Date());
  }
}
