import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { Batcher } from '../common/batcher';
import { newId } from '../common/ids';
import { TransactionRunner } from '../database/transaction';
import { AuditService } from '../audit/audit.service';
import { JobName, type JobPayloads } from '../queue/job-catalogue';
import { QueueService } from '../queue/queue.service';
import type { FactCaseType } from './sla-facts.sql';
import { kpiTargetsOf } from './kpi-targets';
import { SlaReadModelVersion } from './read-model-version';
import { type CaseRef, SlaRepository, type StreetsCompared } from './sla.repository';

/** Most cases one refresh transaction takes (a burst beyond it is split into several transactions). */
export const REFRESH_BATCH_MAX = 2000;

const caseKey = (c: CaseRef) => `${c.type}:${c.id}`;

export type RecomputeResult =
  | { skipped: true }
  | {
      skipped: false;
      runId: string;
      facts: number;
      cells: number;
      mismatchedCells: number;
      /** Facts rewritten because they differed from the source tables. */
      factsChanged: number;
      /** Streets compared row by row because their checksums differed. */
      streetsCompared: StreetsCompared;
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
  private readonly batcher = new Batcher<CaseRef, Set<string>>(
    (cases) => this.flush(cases),
    REFRESH_BATCH_MAX,
  );

  constructor(
    private readonly tx: TransactionRunner,
    private readonly repo: SlaRepository,
    private readonly queues: QueueService,
    private readonly version: SlaReadModelVersion,
    private readonly audit: AuditService,
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

  /**
   * Handles sla.case-event: refreshes the facts of the event's proceedings; returns how many changed. A job of
   * the shape queued before issue 19 names only the event: its proceedings are then taken from the audit
   * module's copy of the event (none when it is gone).
   */
  async onCaseEvent(payload: JobPayloads[JobName.SlaCaseEvent]): Promise<number> {
    if ('cases' in payload) return this.refreshCases(payload.cases);
    const event = await this.audit.event(this.tx.manager, payload.eventId);
    return event ? this.refreshCases(kpiTargetsOf(event)) : 0;
  }

  /**
   * Brings cases' facts and cells up to date with their source rows (idempotent; order of calls irrelevant).
   * Concurrent callers (the sla.case-event jobs a worker runs at once) share one batch: one transaction, one
   * version bump. Resolves after the batch committed, with how many of these cases changed; rejects when these
   * cases could not be refreshed (a failed batch is retried caller by caller first), so the job is retried by
   * the queue.
   */
  async refreshCases(cases: readonly CaseRef[]): Promise<number> {
    if (cases.length === 0) return 0;
    const changed = await this.batcher.submit(cases);
    return cases.filter((c) => changed.has(caseKey(c))).length;
  }

  /** Brings one case's fact and cells up to date with its source row (a batch of one, or joins a batch). */
  async refreshCase(type: FactCaseType, caseId: string): Promise<boolean> {
    return (await this.refreshCases([{ type, id: caseId }])) > 0;
  }

  /** One batch: every case once, in one transaction; returns the keys of the cases whose fact changed. */
  private async flush(cases: CaseRef[]): Promise<Set<string>> {
    const unique = [...new Map(cases.map((c) => [caseKey(c), c])).values()];
    const changed = await this.tx.run((em) => this.repo.refreshCases(em, unique));
    // After commit: a reader that sees the new version also sees the new rows (SlaService's summary cache).
    if (changed.length > 0) await this.version.bump(this.tx.manager);
    return new Set(changed.map(caseKey));
  }

  /**
   * sla.recompute-all: derives all facts, cells and handling-day buckets from the source tables, counts the
   * cells and buckets where the incremental aggregates differ (logged, recorded in sla_recompute_runs, exported as
   * lrp_sla_recompute_mismatches), then replaces them. Skipped when another run holds the lock.
   */
  async recomputeAll(): Promise<RecomputeResult> {
    const result = await this.recomputeInTransaction();
    if (!result.skipped) await this.version.bump(this.tx.manager);
    return result;
  }

  private async recomputeInTransaction(): Promise<RecomputeResult> {
    const startedAt = new Date();
    return this.tx.run(async (em): Promise<RecomputeResult> => {
      if (!(await this.repo.tryRecomputeLock(em))) return { skipped: true };
      const types: FactCaseType[] = ['ARBITRATION', 'MEDIATION', 'INSPECTION'];
      const baseline = (await this.repo.mismatchTotals(em)).runs === 0;
      const full = await this.repo.recomputeFull(em, types, baseline ? 0 : 20);
      const runId = newId();
      const { mismatched, sample } = full;
      if (baseline)
        this.logger.log(
          { runId, facts: full.facts, cells: full.cells, streetsCompared: full.streetsCompared },
          'SLA aggregates: baseline recompute',
        );
      else if (mismatched > 0 || full.factsChanged > 0)
        this.logger.warn(
          {
            runId,
            mismatchedCells: mismatched,
            factsChanged: full.factsChanged,
            streetsCompared: full.streetsCompared,
            sample,
          },
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
        factsChanged: full.factsChanged,
        streetsCompared: full.streetsCompared,
        baseline,
      };
    });
  }
}
