import { Injectable } from '@nestjs/common';
import type { Principal } from '../auth/roles';
import { AppException } from '../common/errors/app-exception';
import { TransactionRunner } from '../database/transaction';
import type { JobFailure } from '../queue/entities/job-failure.entity';
import type { JobName } from '../queue/job-catalogue';
import { JobFailuresRepository } from '../queue/job-failures.repository';
import { OutboxService } from '../queue/outbox.service';

export interface FailedJobView {
  id: string;
  queue: string;
  jobName: string;
  payload: Record<string, unknown>;
  error: string;
  attempts: number;
  failedAt: string;
}

const view = (f: JobFailure): FailedJobView => ({
  id: f.id,
  queue: f.queue,
  jobName: f.jobName,
  payload: f.payload,
  error: f.error,
  attempts: f.attempts,
  failedAt: f.failedAt.toISOString(),
});

/** What admins do about jobs that used their last attempt (failed notifications above all). */
@Injectable()
export class AdminService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly failures: JobFailuresRepository,
    private readonly outbox: OutboxService,
  ) {}

  async failedJobs(limit: number, queue?: string): Promise<FailedJobView[]> {
    return (await this.failures.open(this.tx.manager, limit, queue)).map(view);
  }

  /** Puts the job back through the outbox (a new job id; the handler's own dedup keeps it from acting twice). */
  async requeue(admin: Principal, id: string, queue?: string): Promise<FailedJobView> {
    const result = await this.tx.run(async (em) => {
      const f = await this.failures.lockOpen(em, id);
      if (!f || (queue !== undefined && f.queue !== queue))
        throw AppException.notFound(
          'FAILED_JOB_NOT_FOUND',
          'No such failed job (or it was already re-queued)',
        );
      await this.outbox.enqueue(em, f.jobName as JobName, f.payload);
      await this.failures.markRequeued(em, id, admin.userId);
      return view(f);
    });
    return result;
  }
}
