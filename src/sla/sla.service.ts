import { Injectable } from '@nestjs/common';
import { OrganisationsService } from '../reference/organisations.service';
import type { Principal } from '../auth/roles';
import { addDays, daysBetween, todayInShanghai, yearOf } from '../calendar/local-date';
import { AppException } from '../common/errors/app-exception';
import { TransactionRunner } from '../database/transaction';
import { JurisdictionsService } from '../reference/jurisdictions.service';
import {
  arbitrationClosureRate,
  handlingDaysOfHistogram,
  headroom,
  KPI_TARGET_BP,
  projectArbitration,
  projectInspection,
  ratio,
  type HandlingBucket,
  type ProjectionResult,
  type Ratio,
} from './kpi.rules';
import { SlaReadModelVersion } from './read-model-version';
import { type Scope, SlaReportsRepository, type StreetMonthRow } from './sla-reports.repository';

/** The earliest year the KPIs are asked for (调解仲裁法 in force since 2008-05-01). */
export const FIRST_YEAR = 2008;

export interface Totals {
  arbitration: { pendingAtStart: number; accepted: number; closed: number } & Ratio;
  inspection: { due: number; onTime: number } & Ratio;
  mediation: {
    concluded: number;
    agreements: number;
    successRate: number | null;
    within15Days: number;
    within15DaysShare: number | null;
  };
}

/** Sums street-month rows; `pending` is the arbitration cases pending at the start of the first month. */
export function totalsOf(rows: readonly StreetMonthRow[], pending: number): Totals {
  const s = (k: keyof StreetMonthRow) => rows.reduce((acc, r) => acc + (r[k] as number), 0);
  const arb = { pendingAtStart: pending, accepted: s('arb_accepted'), closed: s('arb_closed') };
  const onTime = s('ins_on_time');
  const due = onTime + s('ins_late');
  const concluded = s('med_concluded');
  const agreements = s('med_agreements');
  const quick = s('med_within_15');
  return {
    arbitration: { ...arb, ...arbitrationClosureRate(arb) },
    inspection: { due, onTime, ...ratio(onTime, due) },
    mediation: {
      concluded,
      agreements,
      successRate: concluded ? agreements / concluded : null,
      within15Days: quick,
      within15DaysShare: concluded ? quick / concluded : null,
    },
  };
}

/** What the summary reads from the read model for (year, scope, day). */
interface SummaryInputs {
  rows: StreetMonthRow[];
  pendingAtStart: number;
  handling: Map<string, HandlingBucket[]>;
  /** Open inspection cases due after today and by 31 December (current year only). */
  openInspectionDue: number;
}

/** Entries of the summary cache (one per year × scope × day asked for; oldest evicted first). */
export const SUMMARY_CACHE_MAX = 256;

function isLeap(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

/** KPI queries for supervisors, reports and the open statistics; all read the SLA read model. */
@Injectable()
export class SlaService {
  /** Summary inputs per (year, scope, day), valid while the read model's version is the one they were read at. */
  private readonly summaryCache = new Map<string, { version: string; inputs: SummaryInputs }>();
  private readonly summaryResults = new WeakMap<SummaryInputs, ReturnType<SlaService['computeSummary']>>();

  constructor(
    private readonly tx: TransactionRunner,
    private readonly repo: SlaReportsRepository,
    private readonly jurisdictions: JurisdictionsService,
    private readonly organisations: OrganisationsService,
    private readonly readModelVersion: SlaReadModelVersion,
  ) {}

  /** Rejects a year before FIRST_YEAR or after the current one (400). */
  checkYear(year: number, today = todayInShanghai()): void {
    if (year < FIRST_YEAR || year > yearOf(today))
      throw AppException.badRequest(
        'YEAR_OUT_OF_RANGE',
        `year must be between ${FIRST_YEAR} and the current year`,
      );
  }

  /**
   * The streets a caller's numbers cover: their jurisdictions, each covering every street whose code starts with it
   * (a district's code its streets, whatever the role: a district-level arbitrator sees the district's cases, as
   * elsewhere: roles.ts coversJurisdiction), narrowed to one street and/or organisation. An unknown street or
   * organisation, or a street outside the caller's scope, is 404. `viewer` null = the public: every street.
   */
  async scope(viewer: Principal | null, street?: string, organisation?: string): Promise<Scope> {
    const em = this.tx.manager;
    let prefixes: string[] = ['%'];
    if (viewer) prefixes = viewer.jurisdictions.filter((j) => /^\d{2,12}$/.test(j)).map((j) => `${j}%`);
    if (street !== undefined) {
      const inScope = prefixes.some((p) => p === '%' || street.startsWith(p.slice(0, -1)));
      if (!inScope || !(await this.jurisdictions.isStreet(street, em)))
        throw AppException.notFound('STREET_NOT_FOUND', 'No such street or town in your jurisdictions');
      prefixes = [street];
    }
    if (organisation !== undefined && !(await this.organisations.byId(em, organisation)))
      throw AppException.notFound('ORGANISATION_NOT_FOUND', 'No such organisation');
    return { patterns: prefixes, organisationId: organisation ?? null };
  }

  async summary(viewer: Principal, query: { year?: number; street?: string; organisation?: string }) {
    const today = todayInShanghai();
    const q = { ...query, year: query.year ?? yearOf(today) };
    this.checkYear(q.year, today);
    const scope = await this.scope(viewer, q.street, q.organisation);
    const inputs = await this.summaryInputs(scope, q.year, today);
    // The same inputs object (a cache hit) gives the same summary: computed once per read-model version.
    const done = this.summaryResults.get(inputs);
    if (done) return done;
    const result = this.computeSummary(q, today, inputs);
    this.summaryResults.set(inputs, result);
    return result;
  }

  private computeSummary(
    q: { year: number; street?: string; organisation?: string },
    today: string,
    { rows, pendingAtStart, handling, openInspectionDue }: SummaryInputs,
  ) {
    const y = q.year;
    const t = totalsOf(rows, pendingAtStart);
    const current = y === yearOf(today);
    const days = (k: string) => handlingDaysOfHistogram(handling.get(k) ?? []);
    return {
      year: y,
      asOf: today,
      scope: { street: q.street ?? null, organisation: q.organisation ?? null },
      arbitration: {
        ...t.arbitration,
        target: KPI_TARGET_BP.ARBITRATION / 10000,
        headroom: headroom(t.arbitration.closed, t.arbitration.denominator, KPI_TARGET_BP.ARBITRATION, false),
        projection: current
          ? projectArbitration(t.arbitration, daysBetween(`${y}-01-01`, today) + 1, isLeap(y) ? 366 : 365)
          : final(t.arbitration.rate),
        handlingDays: days('ARBITRATION'),
      },
      inspection: {
        ...t.inspection,
        target: KPI_TARGET_BP.INSPECTION / 10000,
        headroom: headroom(t.inspection.onTime, t.inspection.due, KPI_TARGET_BP.INSPECTION, true),
        projection: current ? inspectionProjection(rows, today, openInspectionDue) : final(t.inspection.rate),
        handlingDays: days('INSPECTION'),
      },
      mediation: { ...t.mediation, handlingDays: days('MEDIATION') },
    };
  }

  /**
   * The summary's read-model inputs, from the cache when the read model has not changed since they were read
   * (the version, read at most every VERSION_TTL_MS, instead of four aggregate queries). The version is read first: a change
   * committed while the inputs are being read bumps it afterwards, so such inputs are never kept as current.
   */
  private async summaryInputs(scope: Scope, y: number, today: string): Promise<SummaryInputs> {
    const em = this.tx.manager;
    const key = JSON.stringify([y, scope.patterns, scope.organisationId, today]);
    const version = await this.readModelVersion.current(em);
    const hit = this.summaryCache.get(key);
    if (hit?.version === version) return hit.inputs;
    const current = y === yearOf(today);
    const [rows, pending, handling, openInspectionDue] = await Promise.all([
      this.repo.streetMonths(em, scope, `${y}-01`, `${y}-12`, today),
      this.repo.pendingBefore(em, scope, `${y}-01`),
      this.repo.handlingHistogram(em, scope, y),
      current ? this.repo.openInspectionDue(em, scope, today, `${y}-12-31`) : Promise.resolve(0),
    ]);
    const inputs: SummaryInputs = {
      rows,
      pendingAtStart: [...pending.values()].reduce((a, b) => a + b, 0),
      handling,
      openInspectionDue,
    };
    this.summaryCache.delete(key);
    this.summaryCache.set(key, { version, inputs });
    if (this.summaryCache.size > SUMMARY_CACHE_MAX)
      this.summaryCache.delete(this.summaryCache.keys().next().value as string);
    return inputs;
  }

  async series(
    viewer: Principal,
    q: { year?: number; granularity?: 'month'; street?: string; organisation?: string },
  ) {
    const today = todayInShanghai();
    const y = q.year ?? yearOf(today);
    this.checkYear(y, today);
    const scope = await this.scope(viewer, q.street, q.organisation);
    const em = this.tx.manager;
    const last = y === yearOf(today) ? Number(today.slice(5, 7)) : 12;
    const [rows, pending] = await Promise.all([
      this.repo.streetMonths(em, scope, `${y}-01`, `${y}-12`, today),
      this.repo.pendingBefore(em, scope, `${y}-01`),
    ]);
    let pendingAtStart = [...pending.values()].reduce((a, b) => a + b, 0);
    const points = [];
    for (let m = 1; m <= last; m++) {
      const period = `${y}-${String(m).padStart(2, '0')}`;
      const t = totalsOf(
        rows.filter((r) => r.month === period),
        pendingAtStart,
      );
      points.push({
        period,
        arbitration: { ...pick(t.arbitration), pendingAtStart, accepted: t.arbitration.accepted },
        inspection: pick(t.inspection),
        mediation: t.mediation,
      });
      pendingAtStart += t.arbitration.accepted - t.arbitration.closed;
    }
    return { year: y, granularity: q.granularity ?? 'month', asOf: today, points };
  }

  /** One row per street in scope (with data, or the street asked for) for a calendar month. */
  /** District and street totals of a year for everyone: counts and rates only, no case and no person. */
  async publicStats(year: number) {
    const today = todayInShanghai();
    this.checkYear(year, today);
    const scope = await this.scope(null);
    const em = this.tx.manager;
    const [rows, pending] = await Promise.all([
      this.repo.streetMonths(em, scope, `${year}-01`, `${year}-12`, today),
      this.repo.pendingBefore(em, scope, `${year}-01`),
    ]);
    const streets = [...new Set([...rows.map((r) => r.street_code), ...pending.keys()])].sort();
    const districts = [...new Set(streets.map((s) => s.slice(0, 6)))];
    const names = new Map(
      (await this.jurisdictions.names(em, [...streets, ...districts])).map((s) => [s.code, s.name]),
    );
    const of = (codes: string[]) =>
      publicTotals(
        totalsOf(
          rows.filter((r) => codes.includes(r.street_code)),
          codes.reduce((a, c) => a + (pending.get(c) ?? 0), 0),
        ),
      );
    return {
      year,
      asOf: today,
      districts: districts.map((d) => ({
        code: d,
        name: names.get(d) ?? d,
        ...of(streets.filter((s) => s.startsWith(d))),
      })),
      streets: streets.map((s) => ({ code: s, name: names.get(s) ?? s, ...of([s]) })),
    };
  }

  /** Current-year closure rates per street (for the Prometheus gauges). */
  async ratesByStreet(): Promise<
    { street: string; arbitration: number | null; inspection: number | null }[]
  > {
    const today = todayInShanghai();
    const y = today.slice(0, 4);
    const scope = await this.scope(null);
    const em = this.tx.manager;
    const [rows, pending] = await Promise.all([
      this.repo.streetMonths(em, scope, `${y}-01`, `${y}-12`, today),
      this.repo.pendingBefore(em, scope, `${y}-01`),
    ]);
    const streets = [...new Set([...rows.map((r) => r.street_code), ...pending.keys()])].sort();
    return streets.map((street) => {
      const t = totalsOf(
        rows.filter((r) => r.street_code === street),
        pending.get(street) ?? 0,
      );
      return { street, arbitration: t.arbitration.rate, inspection: t.inspection.rate };
    });
  }
}

/** Year-end on-time projection: the last 3 months' share applied to the open cases due by 31 December. */
function inspectionProjection(rows: StreetMonthRow[], today: string, openDue: number): ProjectionResult {
  const months = [0, 1, 2].map((k) => addDays(`${today.slice(0, 7)}-15`, -31 * k).slice(0, 7));
  const recent = totalsOf(
    rows.filter((r) => months.includes(r.month)),
    0,
  ).inspection;
  return projectInspection(totalsOf(rows, 0).inspection, recent, openDue);
}

function final(rate: number | null): ProjectionResult {
  return { rate, method: 'FINAL: the year is over; the projection is the actual rate' };
}

function pick(r: Ratio): Ratio {
  return { numerator: r.numerator, denominator: r.denominator, rate: r.rate };
}

function publicTotals(t: Totals) {
  return {
    arbitration: {
      pendingAtStart: t.arbitration.pendingAtStart,
      accepted: t.arbitration.accepted,
      closed: t.arbitration.closed,
      closureRate: t.arbitration.rate,
    },
    inspection: { due: t.inspection.due, onTime: t.inspection.onTime, onTimeRate: t.inspection.rate },
    mediation: {
      concluded: t.mediation.concluded,
      agreements: t.mediation.agreements,
      successRate: t.mediation.successRate,
      within15DaysShare: t.mediation.within15DaysShare,
    },
  };
}
