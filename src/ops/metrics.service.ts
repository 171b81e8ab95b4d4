import { Injectable } from '@nestjs/common';
import {
  collectDefaultMetrics,
  Counter,
  Gauge,
  type GaugeConfiguration,
  Histogram,
  Registry,
} from 'prom-client';
import { NotificationsService } from '../notifications/notifications.service';
import { OutboxRelay } from '../queue/outbox-relay';
import { QueueName } from '../queue/job-catalogue';
import { QueueService } from '../queue/queue.service';
import { TransactionRunner } from '../database/transaction';

const JOB_STATES = ['waiting', 'active', 'delayed', 'failed', 'completed'] as const;

/**
 * The platform's Prometheus registry, served at /metrics (MetricsController): process and event-loop metrics,
 * HTTP requests by route, the queues, the failed jobs and the outbox lag. Domain modules add their own gauges
 * through `registerGauge` (the SLA module its closure rates and recompute checks, sla/sla-metrics.ts), so ops
 * depends on no domain. Gauges are read at scrape time from the database and the queues, so whichever process
 * serves /metrics reports the whole platform (the workers run elsewhere). One registry per application instance.
 */
@Injectable()
export class MetricsService {
  readonly registry = new Registry();
  private readonly httpRequests: Counter<'method' | 'route' | 'status'>;
  private readonly httpDuration: Histogram<'method' | 'route' | 'status'>;

  constructor(
    tx: TransactionRunner,
    queues: QueueService,
    relay: OutboxRelay,
    notifications: NotificationsService,
  ) {
    // Process and event-loop metrics (CPU, memory, heap, GC, event-loop lag) under their standard names.
    collectDefaultMetrics({ register: this.registry });
    this.httpRequests = new Counter({
      name: 'lrp_http_requests_total',
      help: 'HTTP requests answered, by method, route (the route pattern, not the path) and status',
      labelNames: ['method', 'route', 'status'],
      registers: [this.registry],
    });
    this.httpDuration = new Histogram({
      name: 'lrp_http_request_duration_seconds',
      help: 'HTTP request latency in seconds, by method, route pattern and status',
      labelNames: ['method', 'route', 'status'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [this.registry],
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
    this.countsBy(
      'lrp_job_failures',
      'Jobs that failed their last attempt (rows of job_failures; only grows), per queue',
      'queue',
      async () => (await queues.failureCounts(em())).map((r) => ({ key: r.queue, n: r.n })),
    );
    this.countsBy(
      'lrp_sms_undelivered',
      'Party messages recorded undeliverable (FAILED: refused for good, no number, number not verified; only grows), per template; the staff in charge get an inbox item for each',
      'template',
      async () => (await notifications.undeliveredCounts(em())).map((r) => ({ key: r.template, n: r.n })),
    );
    new Gauge({
      name: 'lrp_outbox_lag_seconds',
      help: 'Age of the oldest unpublished outbox row, in seconds (0 when none)',
      registers: [this.registry],
      async collect() {
        this.set(await relay.lagSeconds());
      },
    });
  }

  /** A gauge of counts read at each scrape, one series per value of `label` (series gone from the read drop out). */
  private countsBy(
    name: string,
    help: string,
    label: string,
    read: () => Promise<{ key: string; n: number }[]>,
  ): void {
    new Gauge({
      name,
      help,
      labelNames: [label],
      registers: [this.registry],
      async collect() {
        this.reset();
        for (const r of await read()) this.set({ [label]: r.key }, r.n);
      },
    });
  }

  /** A gauge of another module's, in this registry; its `collect` runs at each scrape. Names must be unique. */
  registerGauge<L extends string>(config: Omit<GaugeConfiguration<L>, 'registers'>): Gauge<L> {
    return new Gauge<L>({ ...config, registers: [this.registry] });
  }

  /** One answered request; `route` is the route pattern (bounded label values), never the raw path. */
  observeRequest(method: string, route: string, status: number, seconds: number): void {
    const labels = { method, route, status: String(status) };
    this.httpRequests.inc(labels);
    this.httpDuration.observe(labels, seconds);
  }

  get contentType(): string {
    return this.registry.contentType;
  }

  metrics(): Promise<string> {
    return this.registry.metrics();
  }
}
