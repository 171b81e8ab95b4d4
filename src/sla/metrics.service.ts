import { Injectable } from '@nestjs/common';
import { Gauge, Registry } from 'prom-client';
import { OutboxRelay } from '../queue/outbox-relay';
import { QueueName } from '../queue/job-catalogue';
import { QueueService } from '../queue/queue.service';
import { TransactionRunner } from '../database/transaction';
import { SlaRepository } from './sla.repository';
import { SlaService } from './sla.service';

const JOB_STATES = ['waiting', 'active', 'delayed', 'failed', 'completed'] as const;

/**
 * Prometheus metrics, read at scrape time from the database and the queues, so whichever process serves
 * /metrics reports the whole platform (the workers run elsewhere). One registry per application instance.
 */
@Injectable()
export class MetricsService {
  readonly registry = new Registry();

  constructor(
    tx: TransactionRunner,
    sla: SlaService,
    repo: SlaRepository,
    queues: QueueService,
    relay: OutboxRelay,
  ) {
    new Gauge({
      name: 'lrp_sla_rate',
      help: 'Current-year closure rate per street (0..1): kpi=arbitration (结案率) or inspection (按期结案率)',
      labelNames: ['kpi', 'street'],
      registers: [this.registry],
      async collect() {
        this.reset();
        for (const r of await sla.ratesByStreet()) {
          if (r.arbitration !== null) this.set({ kpi: 'arbitration', street: r.street }, r.arbitration);
          if (r.inspection !== null) this.set({ kpi: 'inspection', street: r.street }, r.inspection);
        }
      },
    });
    new Gauge({
      name: 'lrp_queue_jobs',
      help: 'Jobs per queue and state',
      labelNames: ['queue', 'state'],
      registers: [this.registry],
      async collect() {
        for (const q of Object.values(QueueName)) {
          const counts = await queues.queue(q).getJobCounts(...JOB_STATES);
          for (const s of JOB_STATES) this.set({ queue: q, state: s }, counts[s] ?? 0);
        }
      },
    });
    const em = () => tx.manager;
    new Gauge({
      name: 'lrp_job_failures_total',
      help: 'Jobs that failed their last attempt (rows of job_failures; only grows), per queue',
      labelNames: ['queue'],
      registers: [this.registry],
      async collect() {
        this.reset();
        for (const r of await repo.jobFailures(em())) this.set({ queue: r.queue }, r.n);
      },
    });
    new Gauge({
      name: 'lrp_outbox_lag_seconds',
      help: 'Age of the oldest unpublished outbox row, in seconds (0 when none)',
      registers: [this.registry],
      async collect() {
        this.set(await relay.lagSeconds());
      },
    });
    new Gauge({
      name: 'lrp_sla_recompute_mismatches_total',
      help: 'Monthly KPI cells where the incremental aggregates differed from the nightly full recompute (sum over runs)',
      registers: [this.registry],
      async collect() {
        this.set((await repo.mismatchTotals(em())).mismatched);
      },
    });
    new Gauge({
      name: 'lrp_sla_recompute_runs_total',
      help: 'Completed full recomputes of the KPI aggregates',
      registers: [this.registry],
      async collect() {
        this.set((await repo.mismatchTotals(em())).runs);
      },
    });
  }

  get contentType(): string {
    return this.registry.contentType;
  }

  metrics(): Promise<string> {
    return this.registry.metrics();
  }
}
