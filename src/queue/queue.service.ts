import {
  BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnApplicationShutdown,
} from '@nestjs/common';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { UnrecoverableError, type Job, type Queue, type Worker } from 'bullmq';
import { DataSource, type EntityManager } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { JobFailuresRepository } from './job-failures.repository';
import {
  jobDedupOptions,
  jobDefaults,
  JOB_QUEUE,
  JOB_SCHEDULES,
  JobName,
  type JobPayloads,
  QUEUE_CONCURRENCY,
  QueueName,
} from './job-catalogue';
import { JOB_HANDLER } from './job-handler.decorator';
import { createQueueBackend, type QueueBackend } from './queue-backend';

type Handler = (payload: unknown, job: Job) => Promise<unknown>;

/**
 * Whether a failure is the job's last: its attempts used up, or failed for good without a retry — an
 * UnrecoverableError (BullMQ's own for a job that stalled more than maxStalledCount times, after one attempt), which
 * BullMQ marks by setting `finishedOn` when it moves the job to failed (a retried job has none).
 */
export function isFinalFailure(job: Pick<Job, 'attemptsMade' | 'opts' | 'finishedOn'>, err: Error): boolean {
  return (
    job.attemptsMade >= (job.opts.attempts ?? 1) ||
    err instanceof UnrecoverableError ||
    err.name === 'UnrecoverableError' ||
    typeof job.finishedOn === 'number'
  );
}

/** Thrown at start-up when the catalogue and the registered handlers disagree. */
export class JobCatalogueError extends Error {}

/**
 * Owns the BullMQ queues and (in worker processes) the workers. Handlers are found by the @OnJob decorator;
 * start-up refuses a job with no handler or with two.
 */
@Injectable()
export class QueueService
  implements OnApplicationBootstrap, BeforeApplicationShutdown, OnApplicationShutdown
{
  private readonly logger = new Logger(QueueService.name);
  private readonly backend: QueueBackend;
  private readonly queues = new Map<QueueName, Queue>();
  private readonly workers: Worker[] = [];
  private readonly handlers = new Map<JobName, Handler>();
  private readonly defaults: ReturnType<typeof jobDefaults>;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
    private readonly reflector: Reflector,
    private readonly dataSource: DataSource,
    private readonly failures: JobFailuresRepository,
  ) {
    this.backend = createQueueBackend(config);
    this.defaults = jobDefaults(config.queue.attempts, config.queue.backoffMs);
  }

  /** How many jobs failed their last attempt, per queue (the lrp_job_failures gauge). */
  failureCounts(em: EntityManager): Promise<{ queue: string; n: number }[]> {
    return this.failures.countByQueue(em);
  }

  get backendKind(): 'redis' | 'postgres' {
    return this.backend.kind;
  }

  get runsWorkers(): boolean {
    return this.config.processRole !== 'api';
  }

  /** The repeating jobs' registration, started at bootstrap; shutdown waits for the one in flight. */
  private schedules: Promise<void> = Promise.resolve();
  private stopping = false;

  onApplicationBootstrap(): void {
    this.collectHandlers();
    if (this.runsWorkers) {
      this.startWorkers();
      this.schedules = this.upsertSchedules();
    }
  }

  private collectHandlers(): void {
    const found = new Map<JobName, string[]>();
    for (const wrapper of this.discovery.getProviders()) {
      const instance = wrapper.instance as Record<string, unknown> | undefined;
      if (!instance || typeof instance !== 'object' || wrapper.isAlias) continue;
      const proto = Object.getPrototypeOf(instance) as object;
      for (const method of this.scanner.getAllMethodNames(proto)) {
        const fn = instance[method];
        if (typeof fn !== 'function') continue;
        const job = this.reflector.get<JobName | undefined>(JOB_HANDLER, fn);
        if (!job) continue;
        found.set(job, [...(found.get(job) ?? []), `${instance.constructor.name}.${method}`]);
        this.handlers.set(job, (payload, j) =>
          (fn as (p: unknown, j: Job) => Promise<unknown>).call(instance, payload, j),
        );
      }
    }
    for (const job of Object.values(JobName)) {
      const where = found.get(job) ?? [];
      if (where.length === 0) throw new JobCatalogueError(`Job ${job} has no handler`);
      if (where.length > 1)
        throw new JobCatalogueError(`Job ${job} has ${where.length} handlers: ${where.join(', ')}`);
    }
  }

  private startWorkers(): void {
    for (const queue of Object.values(QueueName)) {
      const worker = this.backend.createWorker(
        queue,
        async (job: Job) => {
          const handler = this.handlers.get(job.name as JobName);
          if (!handler) throw new Error(`No handler for job ${job.name}`);
          return handler(job.data, job);
        },
        QUEUE_CONCURRENCY[queue],
      );
      worker.on('failed', (job, err) => {
        if (job && isFinalFailure(job, err)) void this.recordFinalFailure(queue, job, err);
        this.logger.warn(
          { job: job?.name, jobId: job?.id, attempt: job?.attemptsMade, err: err.message },
          'job failed',
        );
      });
      worker.on('error', (err) => this.logger.warn({ err: err.message }, 'worker error'));
      this.workers.push(worker);
    }
    this.logger.log(
      `workers started on ${this.backend.kind} for queues: ${Object.values(QueueName).join(', ')}`,
    );
  }

  /** A job that failed for good (isFinalFailure) is kept for admins (GET /api/v1/admin/jobs/failed) to inspect and re-queue. */
  private async recordFinalFailure(queue: QueueName, job: Job, err: Error): Promise<void> {
    try {
      await this.failures.record(this.dataSource.manager, {
        queue,
        jobName: job.name,
        jobId: String(job.id),
        payload: job.data as object,
        error: err.message.slice(0, 2000),
        attempts: job.attemptsMade,
      });
    } catch (e) {
      this.logger.error(
        { job: job.name, jobId: job.id, err: (e as Error).message },
        'could not record a failed job',
      );
    }
  }

  /** Registers the repeating jobs (idempotent: a scheduler id is upserted, never duplicated). */
  private async upsertSchedules(): Promise<void> {
    for (const s of JOB_SCHEDULES) {
      if (this.stopping) return;
      try {
        await this.queue(JOB_QUEUE[s.job]).upsertJobScheduler(
          s.job,
          { pattern: s.cron, tz: 'Asia/Shanghai' },
          { name: s.job, data: {}, opts: this.defaults },
        );
      } catch (err) {
        this.logger.warn({ job: s.job, err: (err as Error).message }, 'could not register job scheduler');
      }
    }
  }

  queue(name: QueueName): Queue {
    let q = this.queues.get(name);
    if (!q) {
      q = this.backend.createQueue(name);
      q.on('error', () => undefined);
      this.queues.set(name, q);
    }
    return q;
  }

  /**
   * Adds a job with a deterministic id (a second add with the same id is a no-op in BullMQ); a job with a
   * deduplication entry in the catalogue (JOB_DEDUPLICATION) is also de-duplicated by its own key.
   */
  async add<J extends JobName>(name: J, payload: JobPayloads[J], jobId: string): Promise<void> {
    await this.queue(JOB_QUEUE[name]).add(name, payload, this.jobOptions(name, payload, jobId));
  }

  /**
   * A manual run of a scheduled job (the scheduler's own empty payload), removed from the queue once finished so
   * its id can be used again; a final failure is still recorded in job_failures.
   */
  async addManual(name: JobName, jobId: string): Promise<void> {
    await this.queue(JOB_QUEUE[name]).add(
      name,
      {},
      {
        ...this.defaults,
        jobId,
        removeOnComplete: true,
        removeOnFail: true,
      },
    );
  }

  private jobOptions(name: JobName, payload: unknown, jobId: string) {
    return { ...this.defaults, ...jobDedupOptions(name, payload), jobId };
  }

  /** Adds jobs of one queue at once (one round trip), each as `add` would. */
  async addBulk(jobs: readonly { name: JobName; payload: unknown; jobId: string }[]): Promise<void> {
    if (jobs.length === 0) return;
    const queue = JOB_QUEUE[jobs[0].name];
    if (jobs.some((j) => JOB_QUEUE[j.name] !== queue)) throw new Error('addBulk: jobs of several queues');
    await this.queue(queue).addBulk(
      jobs.map((j) => ({
        name: j.name,
        data: j.payload,
        opts: this.jobOptions(j.name, j.payload, j.jobId),
      })),
    );
  }

  async ping(): Promise<void> {
    await this.queue(QueueName.Notifications).getJobCounts('waiting');
  }

  /** Workers finish the jobs they hold (while the database is still open), then stop taking new ones. */
  async beforeApplicationShutdown(): Promise<void> {
    // A stop right after start (Ctrl-C) lets the scheduler registration in flight finish, and skips the rest,
    // before the queues and the database close under it.
    this.stopping = true;
    await this.schedules;
    await Promise.allSettled(this.workers.map((w) => w.close()));
    if (this.workers.length) this.logger.log('workers closed');
  }

  async onApplicationShutdown(): Promise<void> {
    this.logger.debug('closing queues');
    await Promise.allSettled([...this.queues.values()].map((q) => q.close()));
    await this.backend.close();
    this.logger.log('queues closed');
  }
}
