import { Injectable } from '@nestjs/common';
import type { Principal } from '../auth/roles';
import { todayInShanghai } from '../calendar/local-date';
import { AppException } from '../common/errors/app-exception';
import { TransactionRunner } from '../database/transaction';
import { JurisdictionsService } from '../reference/jurisdictions.service';
import { monthRange } from './kpi.rules';
import type { MonthlyReport } from './sla-report.export';
import { type Scope, SlaReportsRepository } from './sla-reports.repository';
import { SlaService, totalsOf } from './sla.service';

/** The monthly report (XLSX/CSV): a row per street in the caller's scope, streets without data included, a total. */
@Injectable()
export class SlaReportService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly sla: SlaService,
    private readonly repo: SlaReportsRepository,
    private readonly jurisdictions: JurisdictionsService,
  ) {}

  async monthlyReport(
    viewer: Principal,
    q: { year: number; month: number; street?: string },
  ): Promise<MonthlyReport> {
    const today = todayInShanghai();
    this.sla.checkYear(q.year, today);
    const period = `${q.year}-${String(q.month).padStart(2, '0')}`;
    if (monthRange(period).from > today)
      throw AppException.badRequest('PERIOD_OUT_OF_RANGE', 'The month has not begun');
    const scope = await this.sla.scope(viewer, q.street);
    const em = this.tx.manager;
    const [rows, pending, inScope] = await Promise.all([
      this.repo.streetMonths(em, scope, period, period, today),
      this.repo.pendingBefore(em, scope, period),
      this.streetsOf(scope),
    ]);
    const withData = new Set([...rows.map((r) => r.street_code), ...pending.keys()]);
    const codes = [...new Set([...inScope, ...withData])].sort();
    const names = new Map((await this.jurisdictions.names(em, codes)).map((s) => [s.code, s.name]));
    const pendingOf = (cs: string[]) => cs.reduce((a, c) => a + (pending.get(c) ?? 0), 0);
    return {
      period,
      asOf: today,
      rows: codes.map((code) => ({
        street: code,
        streetName: names.get(code) ?? code,
        totals: withData.has(code)
          ? totalsOf(
              rows.filter((r) => r.street_code === code),
              pendingOf([code]),
            )
          : null,
      })),
      total: totalsOf(rows, pendingOf(codes)),
    };
  }

  /** The streets/towns a scope covers: each district's children, or the street itself. */
  private async streetsOf(scope: Scope): Promise<string[]> {
    const out: string[] = [];
    for (const p of scope.patterns) {
      const prefix = p.endsWith('%') ? p.slice(0, -1) : p;
      if (prefix.length >= 9) out.push(prefix);
      else if (prefix.length === 6) out.push(...(await this.jurisdictions.list(prefix)).map((j) => j.code));
    }
    return out;
  }
}
