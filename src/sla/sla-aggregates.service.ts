import { kpiTargetsOf } from './kpi-targets';
import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { newId } from '../common/ids';
import { TransactionRunner } from '../database/transaction';
import { JobName } from '../queue/job-catalogue';
import { QueueService } from '../queue/queue.service';
import type { FactCaseType } from './sla-facts.sql';
import { SlaReadModelVersion } from './read-model-version';
import { SlaRepository } from './sla.repository';

/** Advisory-lock key of the nightly recompute (one run at a time across every worker). */
export const SLA_RECOMPUTE_LOCK = 0x51a_0001;

export type RecomputeResult =
  | { skipped: true }
  | {
      skipped: false;
      runId: string;
      facts: number;
      cells: number;
      mismatchedCells: number;
      /** The first run: the incremental tables were never complete, its mismatches are not counted. */
      baseline: boolean;
    };

/**
 * Maintains the KPI read model (sla_case_facts, sla_monthly_cells): incrementally per case event, and by a
 * nightly full recompute from the source tables that also checks the incremental result.
 */
@Injectable()
export class SlaAggregatesService implements OnApplicationBootstrap {
  private readonly logger = new Logger(SlaAggregatesService.name);

  constructor(
    private readonly tx: TransactionRunner,
    private readonly repo: SlaRepository,
    private readonly queues: QueueService,
    private readonly version: SlaReadModelVersion,
  ) {}

  /**
   * A worker starting on a database that never had a full recompute (first deployment, or cases older than the
   * KPI module) queues one at once rather than waiting for 02:30; the fixed job id makes it one job.
   */
  onApplicationBootstrap(): void {
    if (!this.queues.runsWorkers) return;
    void (async () => {
      try {
        if ((await this.repo.mismatchTotals(this.tx.manager)).runs === 0)
          await this.queues.add(JobName.SlaRecomputeAll, {}, 'sla-recompute-baseline');
      } catch (err) {
        this.logger.warn({ err: (err as Error).message }, 'could not queue the baseline SLA recompute');
      }
    })();
  }

  /** Handles sla.case-event: refreshes the facts of the event's proceedings; returns how many changed. */
  async onCaseEvent(eventId: string): Promise<number> {
    const event = await this.repo.caseEvent(this.tx.manager, eventId);
    if (!event) return 0;
    let changed = 0;
    for (const t of kpiTargetsOf(event)) if (await this.refreshCase(t.type, t.id)) changed++;
    return changed;
  }

  /** Brings one case's fact and cells up to date with its source row (idempotent; order of calls irrelevant). */
  async refreshCase(type: FactCaseType, caseId: string): Promise<boolean> {
    const changed = await this.tx.run(async (em) => {
      return this.repo.refreshCase(em, type, caseId);
    });
    // After commit: a reader that sees the new version also sees the new rows (SlaService's summary cache).
    if (changed) await this.version.bump(this.tx.manager);
    return changed;
  }

  /**
   * sla.recompute-all: derives all facts, cells and handling-day buckets from the source tables, counts the
   * cells and buckets where the incremental aggregates differ (logged, recorded in sla_recompute_runs, exported as
   * lrp_sla_recompute_mismatches_total), then replaces them. Skipped when another run holds the lock.
   */
  async recomputeAll(): Promise<RecomputeResult> {
    const result = await this.recomputeInTransaction();
    if (!result.skipped) await this.version.bump(this.tx.manager);
    return result;
  }

  private async recomputeInTransaction(): Promise<RecomputeResult> {
    const startedAt = new Date();
    return this.tx.run(async (em): Promise<RecomputeResult> => {
      if (!(await this.repo.tryRecomputeLock(em, SLA_RECOMPUTE_LOCK))) return { skipped: true };
      const types: FactCaseType[] = ['ARBITRATION', 'MEDIATION', 'INSPECTION'];
      const baseline = (await this.repo.mismatchTotals(em)).runs === 0;
      const full = await this.repo.recomputeFull(em, types, baseline ? 0 : 20);
      const runId = newId();
      const { mismatched, sample } = full;
      if (baseline)
        this.logger.log(
          { runId, facts: full.facts, cells: full.cells },
          'SLA aggregates: baseline recompute',
        );
      else if (mismatched > 0)
        this.logger.warn(
          { runId, mismatchedCells: mismatched, factsChanged: full.factsChanged, sample },
          'SLA aggregates: incremental and full recompute disagree; replaced by the full result',
        );
      await this.repo.recordRun(em, {
        id: runId,
        startedAt,
        facts: full.facts,
        cells: full.cells,
        mismatched: baseline ? 0 : mismatched,
        sample,
      });
      return {
        skipped: false,
        runId,
        facts: full.facts,
        cells: full.cells,
        mismatchedCells: mismatched,
        baseline,
      };
    });
  }
}
