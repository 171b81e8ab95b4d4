import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { HandlingBucket } from './kpi.rules';
import { NO_ORGANISATION } from './sla-facts.sql';

/** Per-street counters of a year (and the arbitration cases still pending when it began). */
export interface StreetMonthRow {
  street_code: string;
  month: string;
  arb_accepted: number;
  arb_closed: number;
  ins_on_time: number;
  ins_late: number;
  ins_open_due: number;
  med_concluded: number;
  med_agreements: number;
  med_within_15: number;
}

export interface Scope {
  /** LIKE patterns of street codes ('310115%'). */
  patterns: string[];
  organisationId: string | null;
}

export interface OpenCaseRow {
  case_type: 'ARBITRATION' | 'INSPECTION' | 'COMPLAINT';
  case_id: string;
  case_no: string;
  street_code: string;
  organisation_id: string;
  owner_id: string | null;
  due_on: string | null;
}

/** Restricts to the scope's streets ($1, LIKE patterns) and organisation ($2, null = any); `f` = alias. */
const scopeOf = (f = '') =>
  `${f}street_code LIKE ANY($1::text[]) AND ($2::uuid IS NULL OR ${f}organisation_id = $2::uuid)`;
const SCOPE = scopeOf();

/**
 * The report reads of the KPI read model (summary, series, at-risk list, reports, open statistics): SQL over the
 * maintained tables only. The write side (incremental refresh, nightly recompute) is SlaRepository.
 */
@Injectable()
export class SlaReportsRepository {
  /**
   * Per (street, month) counters of [fromMonth, toMonth] in scope, with late inspection cases completed by the
   * open ones whose deadline passed before `asOf` (a fact of the calendar, not of any event).
   */
  streetMonths(
    em: EntityManager,
    scope: Scope,
    fromMonth: string,
    toMonth: string,
    asOf: string,
  ): Promise<StreetMonthRow[]> {
    return em.query<StreetMonthRow[]>(
      `WITH cells AS (
         SELECT street_code, month, sum(arb_accepted)::int AS arb_accepted, sum(arb_closed)::int AS arb_closed,
                sum(ins_on_time)::int AS ins_on_time, sum(ins_late_closed)::int AS ins_late_closed,
                sum(ins_open_due)::int AS ins_open_due, sum(med_concluded)::int AS med_concluded,
                sum(med_agreements)::int AS med_agreements, sum(med_within_15)::int AS med_within_15
           FROM sla_monthly_cells WHERE ${SCOPE} AND month BETWEEN $3 AND $4 GROUP BY 1, 2),
       overdue AS (
         SELECT street_code, to_char(due_on + 1, 'YYYY-MM') AS month, count(*)::int AS n
           FROM sla_case_facts
          WHERE case_type = 'INSPECTION' AND closed_on IS NULL AND due_on < $5::date AND ${SCOPE}
            AND due_on >= ($3 || '-01')::date - 1 AND to_char(due_on + 1, 'YYYY-MM') BETWEEN $3 AND $4
          GROUP BY 1, 2)
       SELECT COALESCE(c.street_code, o.street_code) AS street_code, COALESCE(c.month, o.month) AS month,
              COALESCE(c.arb_accepted, 0) AS arb_accepted, COALESCE(c.arb_closed, 0) AS arb_closed,
              COALESCE(c.ins_on_time, 0) AS ins_on_time,
              COALESCE(c.ins_late_closed, 0) + COALESCE(o.n, 0) AS ins_late,
              COALESCE(c.ins_open_due, 0) AS ins_open_due,
              COALESCE(c.med_concluded, 0) AS med_concluded, COALESCE(c.med_agreements, 0) AS med_agreements,
              COALESCE(c.med_within_15, 0) AS med_within_15
         FROM cells c FULL JOIN overdue o ON o.street_code = c.street_code AND o.month = c.month
        ORDER BY 1, 2`,
      [scope.patterns, scope.organisationId, fromMonth, toMonth, asOf],
    );
  }

  /** Arbitration cases accepted before `month` and not closed before it, per street. */
  async pendingBefore(em: EntityManager, scope: Scope, month: string): Promise<Map<string, number>> {
    const rows = await em.query<{ street_code: string; n: number }[]>(
      `SELECT street_code, sum(arb_accepted - arb_closed)::int AS n FROM sla_monthly_cells
        WHERE ${SCOPE} AND month < $3 GROUP BY 1`,
      [scope.patterns, scope.organisationId, month],
    );
    return new Map(rows.map((r) => [r.street_code, r.n]));
  }

  /** Open inspection cases whose deadline passes after asOf and by `lastLateOn` (projection input). */
  async openInspectionDue(
    em: EntityManager,
    scope: Scope,
    asOf: string,
    lastLateOn: string,
  ): Promise<number> {
    const [row] = await em.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM sla_case_facts
        -- bounds on due_on itself (not due_on + 1), so both are conditions of idx_sla_case_facts_open
        WHERE case_type = 'INSPECTION' AND closed_on IS NULL AND due_on >= $3::date AND due_on <= $4::date - 1
          AND ${SCOPE}`,
      [scope.patterns, scope.organisationId, asOf, lastLateOn],
    );
    return row.n;
  }

  /**
   * Handling-day histogram of the cases closed in `year` in scope, per proceeding (summed over streets and
   * organisations; kpi.rules handlingDaysOfHistogram turns it into the average and 90th percentile).
   */
  async handlingHistogram(
    em: EntityManager,
    scope: Scope,
    year: number,
  ): Promise<Map<string, HandlingBucket[]>> {
    const rows = await em.query<{ case_type: string; days: number; cases: number }[]>(
      `SELECT case_type, days, sum(cases)::int AS cases FROM sla_handling_days
        WHERE year = $3 AND case_type IN ('ARBITRATION', 'INSPECTION', 'MEDIATION') AND ${SCOPE}
        GROUP BY 1, 2 HAVING sum(cases) <> 0`,
      [scope.patterns, scope.organisationId, year],
    );
    const out = new Map<string, HandlingBucket[]>();
    for (const r of rows) {
      const list = out.get(r.case_type) ?? [];
      list.push({ days: r.days, cases: r.cases });
      out.set(r.case_type, list);
    }
    return out;
  }

  /**
   * Open accepted arbitration cases in scope, with the commission's case number (案号; the complaint's tracking number
   * only for a case without one) and first arbitrator.
   */
  openArbitration(em: EntityManager, scope: Scope): Promise<OpenCaseRow[]> {
    return em.query<OpenCaseRow[]>(
      `SELECT 'ARBITRATION' AS case_type, f.case_id, COALESCE(a.case_no, c.tracking_no) AS case_no, f.street_code,
              f.organisation_id, a.first_arbitrator_id AS owner_id, NULL AS due_on
         FROM sla_case_facts f
         JOIN arbitration_kpi_source a ON a.id = f.case_id
         JOIN complaint_kpi_source c ON c.id = a.complaint_id
        WHERE f.case_type = 'ARBITRATION' AND f.closed_on IS NULL AND ${scopeOf('f.')}`,
      [scope.patterns, scope.organisationId],
    );
  }

  /**
   * Of the given arbitration cases (those whose acceptance period runs), the applications in scope still awaiting the
   * 受理 decision (neither accepted nor closed: 不予受理 closes). They have no KPI fact: the street and the commission
   * the application was filed with come from the arbitration view, the complaint's tracking number names them.
   */
  async undecidedArbitration(
    em: EntityManager,
    scope: Scope,
    ids: readonly string[],
  ): Promise<OpenCaseRow[]> {
    if (ids.length === 0) return [];
    return em.query<OpenCaseRow[]>(
      `SELECT 'ARBITRATION' AS case_type, a.id AS case_id, COALESCE(a.case_no, c.tracking_no) AS case_no,
              a.jurisdiction_code AS street_code, COALESCE(a.commission_id, '${NO_ORGANISATION}'::uuid) AS organisation_id,
              a.first_arbitrator_id AS owner_id, NULL AS due_on
         FROM arbitration_kpi_source a
         JOIN complaint_kpi_source c ON c.id = a.complaint_id
        WHERE a.id = ANY($3::uuid[]) AND a.accepted_on IS NULL AND a.closed_on IS NULL
          AND a.jurisdiction_code LIKE ANY($1::text[]) AND ($2::uuid IS NULL OR a.commission_id = $2::uuid)`,
      [scope.patterns, scope.organisationId, ids],
    );
  }

  /**
   * Of the given inspection cases (those whose acceptance period runs), the ones in scope still awaiting the 立案
   * decision (neither 立案 nor closed; a refusal stops the period, so a refused case is never among the ids).
   */
  async undecidedInspection(em: EntityManager, scope: Scope, ids: readonly string[]): Promise<OpenCaseRow[]> {
    if (ids.length === 0) return [];
    return em.query<OpenCaseRow[]>(
      `SELECT 'INSPECTION' AS case_type, i.id AS case_id, i.case_no, i.jurisdiction_code AS street_code,
              i.organisation_id, i.first_inspector_id AS owner_id, NULL AS due_on
         FROM inspection_kpi_source i
        WHERE i.id = ANY($3::uuid[]) AND i.accepted_on IS NULL AND i.closed_on IS NULL
          AND i.jurisdiction_code LIKE ANY($1::text[]) AND ($2::uuid IS NULL OR i.organisation_id = $2::uuid)`,
      [scope.patterns, scope.organisationId, ids],
    );
  }

  /**
   * Open (立案, not closed) inspection cases in scope whose deadline falls on or before `until`, or that have none
   * (paused: due_on null), whatever their source: read from the inspection view, not the KPI facts, since a planned case
   * keeps its statutory period (监察条例 第十七条) though the 举报投诉 KPI does not count it, and a paused one is no fact.
   */
  openInspection(em: EntityManager, scope: Scope, until: string): Promise<OpenCaseRow[]> {
    return em.query<OpenCaseRow[]>(
      `SELECT 'INSPECTION' AS case_type, i.id AS case_id, i.case_no, i.jurisdiction_code AS street_code,
              i.organisation_id, i.first_inspector_id AS owner_id, to_char(i.investigation_due_on, 'YYYY-MM-DD') AS due_on
         FROM inspection_kpi_source i
        WHERE i.accepted_on IS NOT NULL AND i.closed_on IS NULL
          AND (i.investigation_due_on IS NULL OR i.investigation_due_on <= $3::date)
          AND i.jurisdiction_code LIKE ANY($1::text[]) AND ($2::uuid IS NULL OR i.organisation_id = $2::uuid)`,
      [scope.patterns, scope.organisationId, until],
    );
  }

  /**
   * Of the given complaints (those whose take-up period runs), the ones in scope still routed to `target` — no case
   * opened on them yet (opening it stops the period) — named by their tracking number, with the body they were routed
   * to as the organisation and no owner (nobody is named on a complaint).
   */
  async notTakenUp(
    em: EntityManager,
    scope: Scope,
    target: string,
    ids: readonly string[],
  ): Promise<OpenCaseRow[]> {
    if (ids.length === 0) return [];
    return em.query<OpenCaseRow[]>(
      `SELECT 'COMPLAINT' AS case_type, c.id AS case_id, c.tracking_no AS case_no, c.workplace_street_code AS street_code,
              c.route_organisation_id AS organisation_id, NULL AS owner_id, NULL AS due_on
         FROM complaint_kpi_source c
        WHERE c.id = ANY($3::uuid[]) AND c.status = 'ROUTED' AND c.route_target = $4
          AND c.workplace_street_code LIKE ANY($1::text[]) AND ($2::uuid IS NULL OR c.route_organisation_id = $2::uuid)`,
      [scope.patterns, scope.organisationId, ids, target],
    );
  }
}
