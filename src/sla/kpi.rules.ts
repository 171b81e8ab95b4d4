import { addDays, daysBetween } from '../calendar/local-date';

/**
 * Closure-rate KPIs as pure functions (docs/kpi-definitions.md has the definitions, sources and caveats).
 * The SQL of sla.repository.ts computes the same quantities set-based; the unit tests pin these functions on
 * hand-computed histories and the e2e test checks the SQL against them.
 */

export const KPI_KINDS = ['ARBITRATION', 'INSPECTION'] as const;
export type KpiKind = (typeof KPI_KINDS)[number];

/**
 * Targets in basis points (integers, so comparisons are exact). Neither target is statutory: they are the
 * district's annual targets (assessment targets set by the HRSS bureau), kept here as data.
 */
export const KPI_TARGET_BP: Readonly<Record<KpiKind, number>> = {
  // 仲裁结案率 target of the district (annual assessment, not a statute).
  ARBITRATION: 9200,
  // 劳动保障监察举报投诉案件按期结案率 target of the district (annual assessment, not a statute).
  INSPECTION: 9800,
};

/** The inspection cases the on-time KPI counts: those opened on a complaint (投诉) or a report (举报), not planned ones. */
// 劳动保障监察举报投诉案件按期结案率 (the district's assessment KPI): its cases are 举报投诉 cases; a 双随机 inspection is none.
export const INSPECTION_KPI_SOURCES = ['COMPLAINT', 'REPORT'] as const;

/** Closures the on-time KPI may leave out: a case merged into another (并案) closes with the surviving case, counted once. */
// 劳动保障监察举报投诉案件按期结案率 counts 案件 once each: a merged complaint's matter is the surviving case's (platform rule).
export const INSPECTION_KPI_EXCLUDED_CLOSURES = ['MERGED'] as const;

/** How an inspection case closed and against which deadline, as the KPI's exclusion reads it. */
export interface InspectionClosureFact {
  closureType: string | null;
  closedOn: string | null;
  dueOn: string | null;
}

/**
 * Whether the on-time KPI leaves the case out: merged (INSPECTION_KPI_EXCLUDED_CLOSURES) on or before its own deadline.
 * A case merged once its deadline had passed was already a miss and stays one (a merge does not undo it).
 */
// docs/kpi-definitions.md (Inspection, 并案): excluded only when merged before its deadline passed (audit 2026-12-08).
export function inspectionKpiExcluded(c: InspectionClosureFact): boolean {
  return (
    c.closureType !== null &&
    (INSPECTION_KPI_EXCLUDED_CLOSURES as readonly string[]).includes(c.closureType) &&
    c.closedOn !== null &&
    c.dueOn !== null &&
    c.closedOn <= c.dueOn
  );
}

/** Mediation outcomes the KPIs leave out: a withdrawal (the worker's choice or their arbitration application). */
// Platform rule: a withdrawn mediation's 15-day clock reads ENDED (neither met nor breached), so it counts nowhere.
export const MEDIATION_KPI_EXCLUDED_OUTCOMES = ['WITHDRAWN'] as const;

/** A mediation is "quick" when concluded within this many calendar days of its start. */
// 劳动争议调解仲裁法 第十四条第三款: no agreement within 15 days of receipt → a party may apply for arbitration.
export const MEDIATION_QUICK_DAYS = 15;

/** WILL_BREACH: an open case whose statutory deadline has passed or falls within this many days. */
export const AT_RISK_WINDOW_DAYS = 7;

export interface Ratio {
  numerator: number;
  denominator: number;
  /** numerator ÷ denominator, 0..1; null when the denominator is 0. */
  rate: number | null;
}

export function ratio(numerator: number, denominator: number): Ratio {
  return { numerator, denominator, rate: denominator > 0 ? numerator / denominator : null };
}

/**
 * 仲裁结案率 of a period = cases closed in the period ÷ (cases pending at its start + cases accepted in it).
 * The three inputs are those of the official statistics table (期初未结, 本期受理, 本期审结).
 */
export function arbitrationClosureRate(c: {
  pendingAtStart: number;
  accepted: number;
  closed: number;
}): Ratio {
  return ratio(c.closed, c.pendingAtStart + c.accepted);
}

/** An accepted arbitration case, as the KPI sees it. */
export interface ArbitrationFact {
  acceptedOn: string;
  closedOn: string | null;
}

/** The three quantities of the official table for [from, to] (inclusive dates), from case facts. */
export function arbitrationCounts(
  cases: readonly ArbitrationFact[],
  from: string,
  to: string,
): { pendingAtStart: number; accepted: number; closed: number } {
  let pendingAtStart = 0;
  let accepted = 0;
  let closed = 0;
  for (const c of cases) {
    if (c.acceptedOn < from && (c.closedOn === null || c.closedOn >= from)) pendingAtStart++;
    if (c.acceptedOn >= from && c.acceptedOn <= to) accepted++;
    if (c.closedOn !== null && c.closedOn >= from && c.closedOn <= to) closed++;
  }
  return { pendingAtStart, accepted, closed };
}

/** An accepted (立案) inspection case: its investigation deadline after approved extensions and pauses. */
export interface InspectionFact {
  dueOn: string;
  closedOn: string | null;
  /** How it closed (null or absent: open, or a closure the KPI counts); see inspectionKpiExcluded. */
  closureType?: string | null;
}

/**
 * Where an inspection case counts for the on-time closure rate, as of a day: on time → the day it closed;
 * late → the first day after its deadline (the day the deadline passed), whether it closed since or not;
 * null while it is open and its deadline has not passed (it counts nowhere yet).
 */
export function inspectionCounting(c: InspectionFact, asOf: string): { on: string; onTime: boolean } | null {
  if (c.closedOn !== null && c.closedOn <= c.dueOn) return { on: c.closedOn, onTime: true };
  const lateOn = addDays(c.dueOn, 1);
  if (c.closedOn !== null || lateOn <= asOf) return { on: lateOn, onTime: false };
  return null;
}

/**
 * 按期结案率 for [from, to]: on-time closures ÷ cases due, each case counted once (see inspectionCounting), a case merged
 * before its deadline in none (inspectionKpiExcluded).
 */
export function inspectionOnTimeRate(
  cases: readonly InspectionFact[],
  from: string,
  to: string,
  asOf: string,
): Ratio {
  let num = 0;
  let den = 0;
  for (const c of cases) {
    if (inspectionKpiExcluded({ closureType: c.closureType ?? null, closedOn: c.closedOn, dueOn: c.dueOn }))
      continue;
    const k = inspectionCounting(c, asOf);
    if (!k || k.on < from || k.on > to) continue;
    den++;
    if (k.onTime) num++;
  }
  return ratio(num, den);
}

/** A concluded or open mediation. */
export interface MediationFact {
  /** The day the mediation period started (the committee's receipt of the application, as its clock). */
  startedOn: string;
  closedOn: string | null;
  agreement: boolean;
  /**
   * Withdrawn (撤回: by the worker's choice, or ended by their arbitration application): left out of every mediation
   * KPI — nothing was concluded by the committee, its clock reads ENDED, neither in time nor late (as a withdrawn
   * complaint's clocks).
   */
  withdrawn?: boolean;
}

export interface MediationKpi {
  concluded: number;
  agreements: number;
  /** agreements ÷ concluded. */
  successRate: number | null;
  within15Days: number;
  within15DaysShare: number | null;
}

/** Mediation success rate and share concluded within 15 days, over mediations concluded in [from, to]. */
export function mediationKpi(cases: readonly MediationFact[], from: string, to: string): MediationKpi {
  let concluded = 0;
  let agreements = 0;
  let quick = 0;
  for (const c of cases) {
    if (c.withdrawn || c.closedOn === null || c.closedOn < from || c.closedOn > to) continue;
    concluded++;
    if (c.agreement) agreements++;
    if (daysBetween(c.startedOn, c.closedOn) <= MEDIATION_QUICK_DAYS) quick++;
  }
  return {
    concluded,
    agreements,
    successRate: concluded ? agreements / concluded : null,
    within15Days: quick,
    within15DaysShare: concluded ? quick / concluded : null,
  };
}

/**
 * Average and 90th percentile of handling days (calendar days from start to closure). The percentile
 * interpolates linearly between order statistics, as PostgreSQL's percentile_cont does.
 */
export function handlingDays(days: readonly number[]): { average: number | null; p90: number | null } {
  if (days.length === 0) return { average: null, p90: null };
  const sorted = [...days].sort((a, b) => a - b);
  const pos = 0.9 * (sorted.length - 1);
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  const p90 = sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
  return { average: sorted.reduce((s, d) => s + d, 0) / sorted.length, p90 };
}

/** A handling-day histogram bucket: `cases` cases took exactly `days` days. */
export interface HandlingBucket {
  days: number;
  cases: number;
}

/**
 * handlingDays() of the multiset a histogram stands for, without expanding it: the same average and the same
 * interpolated 90th percentile (order statistics found by cumulative counts). Buckets in any order; buckets
 * of 0 cases are ignored.
 */
export function handlingDaysOfHistogram(buckets: readonly HandlingBucket[]): {
  average: number | null;
  p90: number | null;
} {
  const sorted = buckets.filter((b) => b.cases > 0).sort((a, b) => a.days - b.days);
  const n = sorted.reduce((s, b) => s + b.cases, 0);
  if (n === 0) return { average: null, p90: null };
  const pos = 0.9 * (n - 1);
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  /** The k-th smallest value (0-based). */
  const at = (k: number): number => {
    let seen = 0;
    for (const b of sorted) {
      seen += b.cases;
      if (k < seen) return b.days;
    }
    return sorted[sorted.length - 1].days;
  };
  const vlo = at(lo);
  const p90 = vlo + (at(hi) - vlo) * (pos - lo);
  return { average: sorted.reduce((s, b) => s + b.days * b.cases, 0) / n, p90 };
}

/**
 * How many more cases may miss before the rate drops below the target: the largest n ≥ 0 with
 * numerator ÷ (denominator + n) ≥ target. When the rate is already below target the result is negative: −k,
 * k the fewest successes that bring it back — for arbitration a success closes a case already in the
 * denominator (numerator + 1), for inspection a success is a new on-time closure (both + 1).
 * The target is strictly between 0 and 100 %.
 */
export function headroom(
  numerator: number,
  denominator: number,
  targetBp: number,
  successAddsToDenominator: boolean,
): number {
  if (!(targetBp > 0 && targetBp < 10000)) throw new RangeError('target must be between 0 and 100 %');
  const num = numerator * 10000;
  const need = targetBp * denominator;
  if (num >= need) return Math.floor((num - need) / targetBp);
  const gap = need - num;
  const perSuccess = successAddsToDenominator ? 10000 - targetBp : 10000;
  return -Math.ceil(gap / perSuccess);
}

export interface ProjectionResult {
  rate: number | null;
  method: string;
}

export const ARBITRATION_PROJECTION_METHOD =
  'LINEAR_PACE: year-to-date acceptances and closures per day extended to 31 December; ' +
  'rate = projected closures ÷ (pending at 1 January + projected acceptances), capped at 1';

/** Year-end closure rate if acceptances and closures go on at their year-to-date daily pace. */
export function projectArbitration(
  c: { pendingAtStart: number; accepted: number; closed: number },
  elapsedDays: number,
  yearDays: number,
): ProjectionResult {
  if (elapsedDays <= 0) return { rate: null, method: ARBITRATION_PROJECTION_METHOD };
  const f = yearDays / Math.min(elapsedDays, yearDays);
  const den = c.pendingAtStart + c.accepted * f;
  return {
    rate: den > 0 ? Math.min(1, (c.closed * f) / den) : null,
    method: ARBITRATION_PROJECTION_METHOD,
  };
}

export const INSPECTION_PROJECTION_METHOD =
  'RECENT_SHARE: open cases whose deadline passes by 31 December close on time at the on-time share of ' +
  'the last 3 months (year-to-date share when those months have no case); cases opened later are not projected';

/** Year-end on-time rate: counted cases so far plus the open cases due by year-end at the recent on-time share. */
export function projectInspection(
  ytd: { onTime: number; due: number },
  recent: { onTime: number; due: number },
  openDueByYearEnd: number,
): ProjectionResult {
  const share = recent.due > 0 ? recent.onTime / recent.due : ytd.due > 0 ? ytd.onTime / ytd.due : null;
  const den = ytd.due + openDueByYearEnd;
  if (den === 0) return { rate: null, method: INSPECTION_PROJECTION_METHOD };
  if (share === null) return { rate: null, method: INSPECTION_PROJECTION_METHOD };
  return { rate: (ytd.onTime + share * openDueByYearEnd) / den, method: INSPECTION_PROJECTION_METHOD };
}

/** 'YYYY-MM' of a date. */
export function monthOf(date: string): string {
  return date.slice(0, 7);
}

/** First and last day of a month 'YYYY-MM'. */
export function monthRange(month: string): { from: string; to: string } {
  const [y, m] = month.split('-').map(Number);
  const next = m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
  return { from: `${month}-01`, to: addDays(next, -1) };
}
