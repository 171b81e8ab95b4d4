import { Injectable } from '@nestjs/common';
import { JobName, type JobPayloads } from '../queue/job-catalogue';
import { OnJob } from '../queue/job-handler.decorator';
import { ComplaintsService } from './complaints.service';

@Injectable()
export class ComplaintsProcessor {
  constructor(private readonly complaints: ComplaintsService) {}

  @OnJob(JobName.ComplaintAcknowledge)
  async acknowledge(payload: JobPayloads[JobName.ComplaintAcknowledge]): Promise<void> {
    await this.complaints.acknowledge(payload.complaintId);
  }

  @OnJob(JobName.PartyNotify)
  async notifyParty(payload: JobPayloads[JobName.PartyNotify]): Promise<void> {
    await this.complaints.notifyComplainant(payload);
  }
}
