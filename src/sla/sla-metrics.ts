import { Injectable, type OnModuleInit } from '@nestjs/common';
import { TransactionRunner } from '../database/transaction';
import { MetricsService } from '../ops/metrics.service';
import { SlaRepository } from './sla.repository';
import { SlaService } from './sla.service';

/**
 * The SLA module's gauges in the platform's /metrics (ops/metrics.service.ts): the current-year closure rates per
 * street, and the checks of the incremental KPI aggregates against the nightly full recompute. Read at scrape time.
 */
@Injectable()
export class SlaMetrics implements OnModuleInit {
  constructor(
    private readonly metrics: MetricsService,
    private readonly tx: TransactionRunner,
    private readonly sla: SlaService,
    private readonly repo: SlaRepository,
  ) {}

  onModuleInit(): void {
    const { sla, repo } = this;
    // Both recompute gauges come from one query: prom-client collects every metric of a scrape at once, so the
    // second collect shares the first one's query while it is in flight.
    let inFlight: ReturnType<SlaRepository['mismatchTotals']> | null = null;
    const totals = () =>
      (inFlight ??= repo.mismatchTotals(this.tx.manager).finally(() => {
        inFlight = null;
      }));
    this.metrics.registerGauge({
      name: 'lrp_sla_rate',
      help: 'Current-year closure rate per street (0..1): kpi=arbitration (结案率) or inspection (按期结案率)',
      labelNames: ['kpi', 'street'],
      async collect() {
        this.reset();
        for (const r of await sla.ratesByStreet()) {
          if (r.arbitration !== null) this.set({ kpi: 'arbitration', street: r.street }, r.arbitration);
          if (r.inspection !== null) this.set({ kpi: 'inspection', street: r.street }, r.inspection);
        }
      },
    });
    this.metrics.registerGauge({
      name: 'lrp_sla_recompute_mismatches',
      help: 'Monthly KPI cells where the incremental aggregates differed from the nightly full recompute (sum over runs)',
      async collect() {
        this.set((await totals()).mismatched);
      },
    });
    this.metrics.registerGauge({
      name: 'lrp_sla_recompute_runs',
      help: 'Completed full recomputes of the KPI aggregates',
      async collect() {
        this.set((await totals()).runs);
      },
    });
  }
}
