import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  addDays,
  addYears,
  compareDates,
  daysBetween,
  isValidIsoDate,
  todayInShanghai,
} from '../calendar/local-date';
import { AppException, fieldError, type FieldError } from '../common/errors/app-exception';
import { RiskBacktestRepository } from './risk-backtest.repository';
import { RiskRepository } from './risk.repository';
import type { RiskKind, RiskLevel } from './risk.rules';
import { RiskRuleSetsService } from './risk-rule-sets.service';
import { evaluateAll } from './risk-scoring.service';

/** A backtest covers at most 3 years (bounded work). */
export const BACKTEST_MAX_YEARS = 3;
/** An outcome counts for a warning when it comes within this many days after the warning's first day. */
export const OUTCOME_WINDOW_DAYS = 90;
/** Days replayed per feature query (bounds memory). */
const CHUNK_DAYS = 31;

export interface BacktestEpisode {
  employerId: string;
  firstFiredOn: string;
  outcome: { kind: 'COLLECTIVE_CASE' | 'POLICE_TRANSFER'; id: string; on: string; leadDays: number } | null;
}

export interface BacktestRuleReport {
  ruleId: string;
  kind: RiskKind;
  level: RiskLevel;
  /** Warnings the rule would have raised: a new one each time it starts firing for an employer. */
  warnings: number;
  followedByOutcome: number;
  /** Warnings followed by no collective case or police transfer within the outcome window. */
  neverLedToAnything: number;
  leadDays: { min: number; median: number; max: number } | null;
  episodes: BacktestEpisode[];
}

export interface BacktestReport {
  ruleSetVersion: number;
  from: string;
  to: string;
  days: number;
  employersEvaluated: number;
  outcomeWindowDays: number;
  outcomes: number;
  rules: BacktestRuleReport[];
  durationMs: number;
}

/** Replays a rule-set version day by day over history (set-based: one feature query per month of days). */
@Injectable()
export class RiskBacktestService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly repo: RiskRepository,
    private readonly history: RiskBacktestRepository,
    private readonly ruleSets: RiskRuleSetsService,
  ) {}

  async run(input: { ruleSetVersion: number; from: string; to: string }): Promise<BacktestReport> {
    const started = performance.now();
    const { from, to } = input;
    const errors: FieldError[] = [];
    if (!isValidIsoDate(from))
      errors.push(
        fieldError(
          'from',
          'isLocalDate',
          'from 须为有效日期（YYYY-MM-DD）',
          'from must be a date YYYY-MM-DD',
        ),
      );
    if (!isValidIsoDate(to))
      errors.push(
        fieldError('to', 'isLocalDate', 'to 须为有效日期（YYYY-MM-DD）', 'to must be a date YYYY-MM-DD'),
      );
    if (errors.length) throw AppException.validation(errors);
    if (compareDates(from, to) > 0)
      throw AppException.badRequest('BACKTEST_WINDOW_INVALID', 'from must not be after to', [
        fieldError('to', 'notBeforeFrom', '结束日期不能早于开始日期', 'the window is reversed'),
      ]);
    if (compareDates(to, addYears(from, BACKTEST_MAX_YEARS)) > 0)
      throw AppException.badRequest(
        'BACKTEST_WINDOW_INVALID',
        `a backtest covers at most ${BACKTEST_MAX_YEARS} years`,
        [
          fieldError(
            'to',
            'maxWindow',
            `结束日期最多在开始日期之后 ${BACKTEST_MAX_YEARS} 年`,
            `at most ${BACKTEST_MAX_YEARS} years after from`,
          ),
        ],
      );
    if (compareDates(to, todayInShanghai()) > 0)
      throw AppException.badRequest('BACKTEST_WINDOW_INVALID', 'the window must end today or earlier', [
        fieldError('to', 'notInFuture', '结束日期不能晚于今天', 'in the future'),
      ]);
    const { version, compiled } = await this.ruleSets.compiledFor(input.ruleSetVersion);
    const em = this.dataSource.manager;
    const employers = await this.history.activeEmployers(em, from, to);
    const outcomes = await this.history.outcomes(em, from, addDays(to, OUTCOME_WINDOW_DAYS));
    const byEmployer = new Map<string, typeof outcomes>();
    for (const o of outcomes) byEmployer.set(o.employer_id, [...(byEmployer.get(o.employer_id) ?? []), o]);

    const reports = new Map<string, BacktestRuleReport>(
      compiled.ruleSet.rules.map((r) => [
        r.id,
        {
          ruleId: r.id,
          kind: r.kind,
          level: r.level,
          warnings: 0,
          followedByOutcome: 0,
          neverLedToAnything: 0,
          leadDays: null,
          episodes: [],
        },
      ]),
    );
    const lastFired = new Map<string, string>();
    const totalDays = daysBetween(from, to) + 1;
    for (let d = 0; d < totalDays && employers.length; d += CHUNK_DAYS) {
      const days = Array.from({ length: Math.min(CHUNK_DAYS, totalDays - d) }, (_, k) =>
        addDays(from, d + k),
      );
      const rows = await this.repo.features(em, { days, employerIds: employers, activeOnly: true });
      const evs = await evaluateAll(compiled, rows);
      rows.forEach((row, i) => {
        for (const hit of evs[i].hits) {
          const key = `${hit.ruleId}:${row.employer_id}`;
          const prev = lastFired.get(key);
          lastFired.set(key, row.as_of);
          if (prev === addDays(row.as_of, -1)) continue; // the same warning, still firing
          const outcome = (byEmployer.get(row.employer_id) ?? []).find(
            (o) => compareDates(o.on, row.as_of) >= 0 && daysBetween(row.as_of, o.on) <= OUTCOME_WINDOW_DAYS,
          );
          reports.get(hit.ruleId)!.episodes.push({
            employerId: row.employer_id,
            firstFiredOn: row.as_of,
            outcome: outcome
              ? {
                  kind: outcome.kind,
                  id: outcome.id,
                  on: outcome.on,
                  leadDays: daysBetween(row.as_of, outcome.on),
                }
              : null,
          });
        }
      });
    }
    for (const r of reports.values()) {
      r.warnings = r.episodes.length;
      const leads = r.episodes.flatMap((e) => (e.outcome ? [e.outcome.leadDays] : [])).sort((a, b) => a - b);
      r.followedByOutcome = leads.length;
      r.neverLedToAnything = r.warnings - leads.length;
      r.leadDays = leads.length
        ? { min: leads[0], median: leads[Math.floor((leads.length - 1) / 2)], max: leads[leads.length - 1] }
        : null;
      r.episodes = r.episodes.slice(0, 200);
    }
    return {
      ruleSetVersion: version,
      from,
      to,
      days: totalDays,
      employersEvaluated: employers.length,
      outcomeWindowDays: OUTCOME_WINDOW_DAYS,
      outcomes: outcomes.length,
      rules: [...reports.values()],
      durationMs: Math.round(performance.now() - started),
    };
  }
}
