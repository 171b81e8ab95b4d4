import { Injectable, Logger } from '@nestjs/common';
import type { Job } from 'bullmq';
import type { Principal } from '../auth/roles';
import { AppException } from '../common/errors/app-exception';
import { JOB_QUEUE, JobName, type QueueName } from '../queue/job-catalogue';
import { QueueService } from '../queue/queue.service';
import { CONSOLE_STATES, isQueueName, manualJobId, QUEUE_NAMES, type ConsoleState } from './ops.rules';

export interface QueueCounts {
  queue: string;
  waiting: number;
  active: number;
  delayed: number;
  failed: number;
  completed: number;
  paused: boolean;
}

export interface QueueJobView {
  id: string;
  name: string;
  state: ConsoleState;
  data: Record<string, unknown>;
  attemptsMade: number;
  failedReason: string | null;
  createdAt: string;
  finishedAt: string | null;
}

/** States in which a job has not finished: a manual run in one of them refuses a second trigger. */
const UNFINISHED = new Set(['waiting', 'active', 'delayed', 'prioritized', 'waiting-children', 'paused']);

const view = (job: Job, state: ConsoleState): QueueJobView => ({
  id: String(job.id),
  name: job.name,
  state,
  data: (job.data ?? {}) as Record<string, unknown>,
  attemptsMade: job.attemptsMade,
  failedReason: job.failedReason ? job.failedReason.slice(0, 2000) : null,
  createdAt: new Date(job.timestamp).toISOString(),
  finishedAt: job.finishedOn ? new Date(job.finishedOn).toISOString() : null,
});

/**
 * The operators' job console over the platform's own queues (Redis or the PostgreSQL backend alike): counts per
 * queue and state, the jobs of a state, retry of a failed job, and manual runs of the scheduled jobs.
 */
@Injectable()
export class JobConsoleService {
  private readonly logger = new Logger(JobConsoleService.name);

  constructor(private readonly queues: QueueService) {}

  async overview(): Promise<QueueCounts[]> {
    return Promise.all(
      QUEUE_NAMES.map(async (name) => {
        const q = this.queues.queue(name);
        const counts = await q.getJobCounts(...CONSOLE_STATES);
        return {
          queue: name,
          waiting: counts.waiting ?? 0,
          active: counts.active ?? 0,
          delayed: counts.delayed ?? 0,
          failed: counts.failed ?? 0,
          completed: counts.completed ?? 0,
          paused: await q.isPaused(),
        };
      }),
    );
  }

  async jobs(queue: string, state: ConsoleState, limit: number): Promise<QueueJobView[]> {
    const q = this.queues.queue(this.queueName(queue));
    const jobs = await q.getJobs([state], 0, limit - 1);
    return jobs.filter((j): j is Job => Boolean(j)).map((j) => view(j, state));
  }

  /** Retries a failed job in place (same id and payload; handlers are idempotent). */
  async retry(admin: Principal, queue: string, id: string): Promise<QueueJobView> {
    const q = this.queues.queue(this.queueName(queue));
    const job = await q.getJob(id);
    if (!job) throw AppException.notFound('JOB_NOT_FOUND');
    if ((await job.getState()) !== 'failed') throw AppException.conflict('JOB_NOT_FAILED');
    await job.retry('failed');
    this.logger.log({ queue, jobId: id, job: job.name, by: admin.userId }, 'job retried by an admin');
    return view(job, 'waiting');
  }

  /**
   * Enqueues the job the scheduler runs, now. Refused (409) while a manual run of it is queued or running, or a
   * scheduled run of it is active. The manual run is removed once finished (a final failure is still recorded in
   * job_failures), so the next trigger can reuse its id.
   */
  async trigger(
    admin: Principal,
    job: JobName,
  ): Promise<{ queue: QueueName; jobName: JobName; jobId: string }> {
    const queue = JOB_QUEUE[job];
    const q = this.queues.queue(queue);
    const jobId = manualJobId(job);
    const previous = await q.getJob(jobId);
    if (previous) {
      const state = await previous.getState();
      if (UNFINISHED.has(state))
        throw AppException.conflict('JOB_ALREADY_RUNNING', undefined, { jobId, state });
      await previous.remove();
    }
    const active = await q.getActive();
    const name: string = job;
    const running = active.find((j) => j?.name === name);
    if (running)
      throw AppException.conflict('JOB_ALREADY_RUNNING', undefined, {
        jobId: String(running.id),
        state: 'active',
      });
    await this.queues.addManual(job, jobId);
    this.logger.log({ queue, jobId, job, by: admin.userId }, 'scheduled job started by an admin');
    return { queue, jobName: job, jobId };
  }

  private queueName(name: string): QueueName {
    if (!isQueueName(name)) throw AppException.notFound('QUEUE_NOT_FOUND');
    return name;
  }
}
