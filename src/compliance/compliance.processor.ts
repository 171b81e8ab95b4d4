import { Injectable } from '@nestjs/common';
import { JobName, type JobPayloads } from '../queue/job-catalogue';
import { OnJob } from '../queue/job-handler.decorator';
import { BlacklistService } from './blacklist.service';
import { ComplianceService } from './compliance.service';
import { StatementDueRecount } from './statement-due-recount';

@Injectable()
export class ComplianceProcessor {
  constructor(
    private readonly compliance: ComplianceService,
    private readonly blacklist: BlacklistService,
    private readonly statementDue: StatementDueRecount,
  ) {}

  @OnJob(JobName.ComplianceGradeYear)
  async gradeYear(payload: JobPayloads[JobName.ComplianceGradeYear]): Promise<void> {
    await this.compliance.gradeYear(payload.year);
  }

  @OnJob(JobName.ComplianceBlacklistSweep)
  async sweep(payload: JobPayloads[JobName.ComplianceBlacklistSweep]): Promise<void> {
    await this.blacklist.sweep(payload.today);
  }

  @OnJob(JobName.ComplianceRecountStatementDue)
  async recountStatementDue(payload: JobPayloads[JobName.ComplianceRecountStatementDue]): Promise<void> {
    await this.statementDue.recount(payload.year);
  }
}
