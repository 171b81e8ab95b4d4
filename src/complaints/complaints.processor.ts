import { Injectable } from '@nestjs/common';
import { JobName, type JobPayloads } from '../queue/job-catalogue';
import { OnJob } from '../queue/job-handler.decorator';
import { ComplainantService } from './complainant.service';
import { ComplaintsService } from './complaints.service';

@Injectable()
export class ComplaintsProcessor {
  constructor(
    private readonly complaints: ComplaintsService,
    private readonly complainant: ComplainantService,
  ) {}

  @OnJob(JobName.ComplaintAcknowledge)
  async acknowledge(payload: JobPayloads[JobName.ComplaintAcknowledge]): Promise<void> {
    await this.complaints.acknowledge(payload.complaintId);
  }

  @OnJob(JobName.PartyNotify)
  async notifyParty(payload: JobPayloads[JobName.PartyNotify]): Promise<void> {
    await this.complainant.notifyComplainant(payload);
  }
}
