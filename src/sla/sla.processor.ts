import { Injectable } from '@nestjs/common';
import { JobName, type JobPayloads } from '../queue/job-catalogue';
import { OnJob } from '../queue/job-handler.decorator';
import { SlaAggregatesService } from './sla-aggregates.service';

@Injectable()
export class SlaProcessor {
  constructor(private readonly aggregates: SlaAggregatesService) {}

  @OnJob(JobName.SlaCaseEvent)
  async caseEvent(payload: JobPayloads[JobName.SlaCaseEvent]): Promise<void> {
    await this.aggregates.onCaseEvent(payload);
  }

  @OnJob(JobName.SlaRecomputeAll)
  async recomputeAll(): Promise<void> {
    await this.aggregates.recomputeAll();
  }
}
