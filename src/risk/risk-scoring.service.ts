import { Injectable, Logger } from '@nestjs/common';
import type { Job } from 'bullmq';
import { DataSource } from 'typeorm';
import type { Principal } from '../auth/roles';
import { todayInShanghai } from '../calendar/local-date';
import { Batcher } from '../common/batcher';
import { AppException } from '../common/errors/app-exception';
import { newId } from '../common/ids';
import { TransactionRunner } from '../database/transaction';
import { JobName, QUEUE_CONCURRENCY, QueueName } from '../queue/job-catalogue';
import { OutboxService } from '../queue/outbox.service';
import type { RiskRun, RiskRunTrigger } from './entities/risk-run.entity';
import type { CompiledRuleSet, Evaluation } from './risk.evaluator';
import type { FeatureVector } from './risk.features';
import { type FeatureRow, RiskRepository } from './risk.repository';
import { RISK_KINDS, type RiskKind } from './risk.rules';
import { RiskRuleSetsService } from './risk-rule-sets.service';
import { coveredByClosed } from './risk-recurrence';
import { seesRiskOf } from './risk-scope';
import { RiskWarningsService } from './risk-warnings.service';

export interface ScoreCounts {
  employers: number;
  withHits: number;
  raised: number;
  updated: number;
  unchanged: number;
  ruleSetVersion: number;
  /** The bare feature SQL (one statement over every employer), the rule evaluation and the warning writes. */
  featureSqlMs: number;
  evaluateMs: number;
  writeMs: number;
  durationMs: number;
}

const WRITE_BATCH = 1000;

/** JSON with sorted keys, to compare a computed warning with the stored one (jsonb reorders keys). */
export function stableJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(stableJson).join(',')}]`;
  if (v && typeof v === 'object')
    return `{${Object.keys(v)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${stableJson((v as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  return JSON.stringify(v);
}

/** Scores employers: features in SQL, rules evaluated per feature vector, one open warning per (employer, kind). */
@Injectable()
export class RiskScoringService {
  private readonly logger = new Logger(RiskScoringService.name);
  /**
   * Rescores requested while another runs (the risk.rescore-employer jobs a worker holds at once) share one run of
   * the feature statement: its planning (≈ 3.5 ms on an idle machine, more than a busy employer's execution) is
   * paid once per batch instead of once per employer (bench/README.md, fourth pass).
   */
  private readonly rescores = new Batcher<string, ScoreCounts>(
    (employerIds) => this.score({ employerIds: [...new Set(employerIds)] }),
    // No more rescores than the jobs a worker holds at once can be waiting for one batch.
    QUEUE_CONCURRENCY[QueueName.Risk],
  );

  constructor(
    private readonly dataSource: DataSource,
    private readonly tx: TransactionRunner,
    private readonly repo: RiskRepository,
    private readonly ruleSets: RiskRuleSetsService,
    private readonly outbox: OutboxService,
    private readonly warnings: RiskWarningsService,
  ) {}

  /**
   * Scores the employers (null = every employer) as of a date and writes their warnings. Warnings whose rules
   * stop firing stay open (staff close them with a disposal); their hits are left as last computed. A closed
   * warning comes back only on new evidence, a new rule or a higher level (coveredByClosed).
   */
  async score(p: {
    employerIds: string[] | null;
    asOf?: string;
    onProgress?: (pct: number) => Promise<void>;
  }): Promise<ScoreCounts> {
    const started = performance.now();
    const asOf = p.asOf ?? todayInShanghai();
    const { version, compiled } = await this.ruleSets.compiledFor('current');
    const em = this.dataSource.manager;

    const t0 = performance.now();
    const rows = await this.repo.features(em, {
      days: [asOf],
      employerIds: p.employerIds,
      activeOnly: false,
    });
    const featureSqlMs = performance.now() - t0;
    await p.onProgress?.(30);

    const t1 = performance.now();
    const evaluations = await evaluateAll(compiled, rows);
    const evaluateMs = performance.now() - t1;
    await p.onProgress?.(60);

    const t2 = performance.now();
    const open = await this.repo.openWarnings(em, p.employerIds);
    // A kind that fires with no open warning: its latest closed one may already cover it (risk-recurrence.ts).
    const closed = await this.repo.latestClosed(em, [
      ...new Set(
        rows
          .filter((row, i) =>
            RISK_KINDS.some((k) => evaluations[i].levels[k] && !open.has(`${row.employer_id}:${k}`)),
          )
          .map((row) => row.employer_id),
      ),
    ]);
    const writes: { row: FeatureRow; kind: RiskKind; ev: Evaluation }[] = [];
    let withHits = 0;
    let unchanged = 0;
    rows.forEach((row, i) => {
      const ev = evaluations[i];
      if (ev.hits.length) withHits++;
      for (const kind of RISK_KINDS) {
        const level = ev.levels[kind];
        if (!level) continue;
        const existing = open.get(`${row.employer_id}:${kind}`);
        const hits = hitsOf(ev, kind);
        if (!existing && coveredByClosed(closed.get(`${row.employer_id}:${kind}`), { level, hits })) {
          unchanged++;
          continue;
        }
        if (
          existing &&
          existing.level === level &&
          existing.ruleSetVersion === version &&
          existing.asOf === asOf &&
          // A street found since (e.g. an inspection case's, for a warning stored without one) is written.
          (row.street_code === null || existing.streetCode === row.street_code) &&
          stableJson(existing.hits) === stableJson(hits)
        ) {
          unchanged++;
          continue;
        }
        writes.push({ row, kind, ev });
      }
    });
    let raised = 0;
    let updated = 0;
    for (let i = 0; i < writes.length; i += WRITE_BATCH) {
      const batch = writes.slice(i, i + WRITE_BATCH);
      await this.tx.run(async (tem) => {
        const results = await this.repo.upsertWarnings(
          tem,
          batch.map((w) => ({
            employerId: w.row.employer_id,
            kind: w.kind,
            level: w.ev.levels[w.kind]!,
            streetCode: w.row.street_code,
            ruleSetVersion: version,
            hits: hitsOf(w.ev, w.kind),
            asOf,
          })),
        );
        results.forEach((r) => (r.inserted ? raised++ : r.changed ? updated++ : unchanged++));
        await this.repo.appendEvents(
          tem,
          results.flatMap((r, k) =>
            r.inserted || r.previousLevel !== r.level
              ? [
                  {
                    warningId: r.id,
                    action: r.inserted ? 'RAISED' : 'LEVEL_CHANGED',
                    fromStatus: null,
                    toStatus: null,
                    actorUserId: null,
                    actorRole: null,
                    data: {
                      from: r.previousLevel,
                      to: r.level,
                      ruleSetVersion: version,
                      asOf,
                      uplifted: batch[k].ev.uplifted,
                    },
                  },
                ]
              : [],
          ),
        );
        // Turned RED while already acknowledged or in hand: the escalation sweep covers NEW warnings only.
        for (const r of results)
          if (!r.inserted && r.level === 'RED' && r.previousLevel !== 'RED' && r.status !== 'NEW')
            await this.warnings.notifyTurnedRed(tem, {
              id: r.id,
              streetCode: r.streetCode,
              redSince: r.redSince,
            });
      });
      await p.onProgress?.(60 + Math.round((40 * (i + batch.length)) / writes.length));
    }
    const writeMs = performance.now() - t2;
    return {
      employers: rows.length,
      withHits,
      raised,
      updated,
      unchanged,
      ruleSetVersion: version,
      featureSqlMs: Math.round(featureSqlMs),
      evaluateMs: Math.round(evaluateMs),
      writeMs: Math.round(writeMs),
      durationMs: Math.round(performance.now() - started),
    };
  }

  /** One employer's feature vector and what the current rules make of it (for staff and for tests). */
  async explainEmployer(
    employerId: string,
    asOf: string = todayInShanghai(),
  ): Promise<{
    employerId: string;
    asOf: string;
    street: string | null;
    ruleSetVersion: number;
    features: FeatureVector;
    evaluation: Evaluation;
  }> {
    const { version, compiled } = await this.ruleSets.compiledFor('current');
    const em = this.dataSource.manager;
    const [row] = await this.repo.features(em, {
      days: [asOf],
      employerIds: [employerId],
      activeOnly: false,
    });
    if (!row) throw AppException.notFound('EMPLOYER_NOT_FOUND', 'No such employer');
    const { employer_id: _e, street_code: street, as_of: _a, ...features } = row;
    return {
      employerId,
      asOf,
      street,
      ruleSetVersion: version,
      features,
      evaluation: await compiled.evaluate(features, asOf),
    };
  }

  /**
   * explainEmployer for a caller: an employer whose street (risk-features.sql.ts STREET) the caller
   * does not cover is 404, as one that does not exist (the scope of the warnings, risk-scope.ts).
   */
  async explainEmployerFor(viewer: Principal, employerId: string, asOf?: string) {
    const explained = await this.explainEmployer(employerId, asOf);
    if (!seesRiskOf(viewer, explained.street))
      throw AppException.notFound('EMPLOYER_NOT_FOUND', 'No such employer');
    return explained;
  }

  /**
   * The rescoring hook: other modules' jobs call this (via risk.rescore-employer) after a change to an employer.
   * Joins the batch of rescores being gathered (see `rescores`); resolves once the employer's warnings are
   * written, with the counts of the whole batch; rejects when this employer could not be scored (a failed batch
   * is retried employer by employer, so one bad employer fails only its own job).
   */
  rescoreEmployer(employerId: string): Promise<ScoreCounts> {
    return this.rescores.submit([employerId]);
  }

  /** An ADMIN starts a run of every employer; the worker executes it (GET /runs/:id shows its progress). */
  async startRun(actor: Principal): Promise<RiskRun> {
    const id = newId();
    await this.tx.run(async (em) => {
      await this.repo.insertRun(em, {
        id,
        trigger: 'MANUAL',
        status: 'QUEUED',
        asOf: todayInShanghai(),
        requestedBy: actor.userId,
      });
      await this.outbox.enqueue(em, JobName.RiskRun, { runId: id });
    });
    return (await this.repo.findRun(this.tx.manager, id))!;
  }

  async getRun(id: string): Promise<RiskRun> {
    const run = await this.repo.findRun(this.tx.manager, id);
    if (!run) throw AppException.notFound('RISK_RUN_NOT_FOUND', 'No such risk run');
    return run;
  }

  /** The nightly job: a run row, then the run (under the advisory lock). */
  async nightly(job?: Job): Promise<RiskRun> {
    const id = newId();
    await this.repo.insertRun(this.tx.manager, {
      id,
      trigger: 'NIGHTLY' satisfies RiskRunTrigger,
      status: 'QUEUED',
      asOf: todayInShanghai(),
      requestedBy: null,
    });
    return this.executeRun(id, job);
  }

  /**
   * Executes a run once: a singleton under a Postgres advisory lock (another run in progress → SKIPPED), with
   * its progress on the row and on the BullMQ job. A replayed job of a finished run does nothing.
   */
  async executeRun(runId: string, job?: Job): Promise<RiskRun> {
    const run = await this.getRun(runId);
    if (run.status !== 'QUEUED' && run.status !== 'RUNNING') return run;
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      if (!(await this.repo.tryRunLock(runner.manager))) {
        await this.repo.updateRun(this.tx.manager, runId, {
          status: 'SKIPPED',
          error: 'another scoring run holds the lock',
          finishedAt: new Date(),
        });
        return this.getRun(runId);
      }
      try {
        await this.repo.updateRun(this.tx.manager, runId, {
          status: 'RUNNING',
          startedAt: new Date(),
          progress: 0,
        });
        const counts = await this.score({
          employerIds: null,
          asOf: run.asOf,
          onProgress: async (pct) => {
            await this.repo.updateRun(this.tx.manager, runId, { progress: pct });
            await job?.updateProgress(pct);
          },
        });
        await this.repo.updateRun(this.tx.manager, runId, {
          status: 'DONE',
          progress: 100,
          counts,
          ruleSetVersion: counts.ruleSetVersion,
          finishedAt: new Date(),
        });
        this.logger.log({ runId, ...counts }, 'risk run finished');
      } catch (err) {
        await this.repo.updateRun(this.tx.manager, runId, {
          status: 'FAILED',
          error: (err as Error).message.slice(0, 2000),
          finishedAt: new Date(),
        });
        throw err;
      } finally {
        await this.repo.releaseRunLock(runner.manager);
      }
    } finally {
      await runner.release();
    }
    return this.getRun(runId);
  }
}

function hitsOf(ev: Evaluation, kind: RiskKind): { ruleId: string; facts: Record<string, unknown> }[] {
  return ev.hits
    .filter((h) => h.kind === kind)
    .map((h) => ({
      ruleId: h.ruleId,
      level: h.level,
      basis: h.basis,
      explanation: h.explanation,
      facts: h.facts,
    }));
}

/** Evaluates every row (the compiled rule set runs the engine once per distinct combination of tested facts). */
export async function evaluateAll(compiled: CompiledRuleSet, rows: FeatureRow[]): Promise<Evaluation[]> {
  const out: Evaluation[] = [];
  for (const row of rows) {
    const { employer_id: _e, street_code: _s, ...vector } = row;
    out.push(await compiled.evaluate(vector, row.as_of));
  }
  return out;
}
